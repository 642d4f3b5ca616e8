"""Value objects that flow between the stages.

fetched page → article → draft → review decision → published article.
An :class:`Attribution` is created when a page is fetched and travels with the
article to the published English text.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class State(enum.StrEnum):
    """Where an article stands. ``failed`` and ``skipped`` are side exits."""

    DISCOVERED = "discovered"
    FETCHED = "fetched"
    EXTRACTED = "extracted"
    TRANSLATED = "translated"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    FAILED = "failed"
    SKIPPED = "skipped"


class SiteSelectors(Frozen):
    """CSS selectors for one site's article pages (all optional).

    ``body`` picks the element holding the article text; ``paragraphs`` picks
    the paragraphs inside it. ``drop`` lists elements removed before anything
    is read (share bars, page navigation). Metadata selectors pick an element
    whose text holds the value, possibly with its label ("来源：新华社").
    """

    title: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    body: str | None = None
    paragraphs: str = "p"
    drop: tuple[str, ...] = ()


class FetchedPage(Frozen):
    """What the fetch stage hands on: the bytes and how they were obtained."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str] = Field(default_factory=dict)
    content: bytes = Field(repr=False)
    digest: str  # sha256 of content
    encoding: str  # codec that decoded the page
    fetched_at: datetime

    @property
    def text(self) -> str:
        """The page decoded with the codec the fetcher detected (no second detection)."""
        codec = "utf-8-sig" if self.encoding == "utf-8" else self.encoding
        return self.content.decode(codec, errors="replace")


class Image(Frozen):
    src: str
    caption: str | None = None


class Attribution(Frozen):
    """Where the story came from and who made the English version."""

    outlet_zh: str
    outlet_en: str
    url: str
    original_headline: str | None = None
    published_at: datetime | None = None
    engine: str | None = None
    engine_label: str | None = None
    reviewer: str | None = None
    translated_by: str | None = None


class Article(Frozen):
    """An extracted Chinese article."""

    source_id: str
    url: str
    headline: str
    published_at: datetime | None = None
    reporter: str | None = None
    source_line: str | None = None
    editor: str | None = None
    paragraphs: tuple[str, ...]
    images: tuple[Image, ...] = ()
    method: Literal["selectors", "generic"] = "generic"
    attribution: Attribution


class Segment(BaseModel):
    """One sentence (or the headline) of a draft."""

    model_config = ConfigDict(extra="forbid")

    id: str  # "h" the headline, "p{para}.s{sentence}" body text, "c{image}" a caption
    paragraph: int  # -1 for the headline, -2 for image captions
    source: str
    machine: str
    final: str | None = None  # set by a reviewer's edit
    engine: str
    qa: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.final if self.final is not None else self.machine


class Draft(BaseModel):
    """An English draft of an article, segment by segment."""

    model_config = ConfigDict(extra="forbid")

    article: Article
    engine: str
    engine_label: str
    segments: list[Segment]

    def headline(self) -> str:
        return next((s.text for s in self.segments if s.paragraph == -1), "")

    def captions(self) -> list[tuple[Image, str]]:
        """Each captioned image of the article with its English caption."""
        english = {s.id: s.text for s in self.segments if s.paragraph == -2}
        return [(image, english.get(f"c{i}", "")) for i, image in enumerate(self.article.images)
                if image.caption]

    def paragraphs(self) -> list[str]:
        """English paragraphs, joined from their segments."""
        out: dict[int, list[str]] = {}
        for seg in self.segments:
            if seg.paragraph >= 0:
                out.setdefault(seg.paragraph, []).append(seg.text.strip())
        return [" ".join(p for p in parts if p) for _, parts in sorted(out.items())]


class ReviewDecision(Frozen):
    article_id: int
    decision: Literal["approve", "reject"]
    reviewer: str
    note: str | None = None
    decided_at: datetime


class PublishedArticle(Frozen):
    article_id: int
    publisher: str
    locations: tuple[str, ...]
    published_at: datetime
