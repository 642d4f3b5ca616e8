"""The article store: SQLAlchemy 2.0, SQLite by default, migrated by Alembic."""

from pipeline.store.db import Store
from pipeline.store.schema import ArticleRow, ReviewEvent

__all__ = ["ArticleRow", "ReviewEvent", "Store"]
