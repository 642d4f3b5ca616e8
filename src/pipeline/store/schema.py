"""The tables. Change them only together with a migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One revision of one article page, and everything the stages made of it."""

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("url", "revision", name="uq_articles_url_revision"),
        Index("ix_articles_state", "state"),
        Index("ix_articles_text_hash", "text_hash"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(String(100))
    url: Mapped[str] = mapped_column(String(2000))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(20))
    failed_stage: Mapped[str | None] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    skip_reason: Mapped[str | None] = mapped_column(String(40))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    text_hash: Mapped[str | None] = mapped_column(String(64))
    headline: Mapped[str | None] = mapped_column(Text)
    page: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    article: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    draft: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    review_note: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    chars_translated: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class ReviewEvent(Base):
    """Every edit, approval and rejection, in order: the review audit trail."""

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # edit | approve | reject
    reviewer: Mapped[str | None] = mapped_column(String(200))
    segment: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
