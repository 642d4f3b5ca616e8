"""Review: translators correct and approve drafts."""

from pipeline.review.desk import ReviewDesk

__all__ = ["ReviewDesk"]
