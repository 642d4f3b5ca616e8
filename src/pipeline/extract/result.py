"""What the extractor hands on: one :class:`Extraction` per article page."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from pipeline.models import Image


class Extraction(BaseModel):
    """The article found on a page.

    ``paragraphs`` hold body text only: captions travel with their image in
    ``images``; source, editor and reporter lines are parsed into their own
    fields and kept out of the body. ``method`` says whether the body came from
    the site's configured selectors or from the generic extractor.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    paragraphs: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    method: Literal["selectors", "generic"] = "generic"

    @property
    def body(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)
