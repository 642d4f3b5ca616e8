"""The review desk: list, show, edit, approve, reject. Every action is one
transaction and is written to the review audit trail, so no review is lost."""

from __future__ import annotations

from datetime import UTC, datetime

from pipeline.errors import ReviewError
from pipeline.models import Draft, ReviewDecision, State
from pipeline.store import ArticleRow, ReviewEvent, Store

REVIEWABLE = (State.TRANSLATED, State.IN_REVIEW)


class ReviewDesk:
    def __init__(self, store: Store) -> None:
        self.store = store

    def pending(self) -> list[ArticleRow]:
        return self.store.rows(*REVIEWABLE)

    def get(self, article_id: int) -> tuple[ArticleRow, Draft]:
        row = self.store.get(article_id)
        if row is None:
            raise ReviewError("no such article", subject=f"article {article_id}")
        if row.draft is None:
            raise ReviewError(f"has no draft yet (state {row.state})",
                              subject=f"article {article_id}")
        return row, Draft.model_validate(row.draft)

    def edit(self, article_id: int, segment_id: str, text: str, reviewer: str | None) -> Draft:
        row, draft = self.get(article_id)
        if row.state not in {s.value for s in REVIEWABLE}:
            raise ReviewError(f"cannot be edited in state {row.state}",
                              subject=f"article {article_id}")
        segment = next((s for s in draft.segments if s.id == segment_id), None)
        if segment is None:
            valid = ", ".join(s.id for s in draft.segments[:8])
            raise ReviewError(f"no segment {segment_id!r} (segments: {valid}, …)",
                              subject=f"article {article_id}")
        if not text.strip():
            raise ReviewError("the new text is empty", subject=f"article {article_id}")
        segment.final = text
        self.store.update_draft(article_id, draft.model_dump(mode="json"), ReviewEvent(
            article_id=article_id, action="edit", reviewer=reviewer, segment=segment_id,
            text=text))
        self.store.advance(article_id, State.TRANSLATED, State.IN_REVIEW)
        return draft

    def approve(self, article_id: int, reviewer: str) -> ReviewDecision:
        row, _ = self.get(article_id)
        event = ReviewEvent(article_id=article_id, action="approve", reviewer=reviewer)
        if not self.store.advance(article_id, REVIEWABLE, State.APPROVED, event=event,
                                  reviewer=reviewer):
            raise ReviewError(f"cannot be approved in state {row.state}",
                              subject=f"article {article_id}")
        return ReviewDecision(article_id=article_id, decision="approve", reviewer=reviewer,
                              decided_at=datetime.now(UTC))

    def approve_all(self, reviewer: str) -> list[int]:
        approved = []
        for row in self.pending():
            event = ReviewEvent(article_id=row.id, action="approve", reviewer=reviewer)
            if self.store.advance(row.id, REVIEWABLE, State.APPROVED, event=event,
                                  reviewer=reviewer):
                approved.append(row.id)
        return approved

    def reject(self, article_id: int, note: str, reviewer: str | None) -> ReviewDecision:
        row, _ = self.get(article_id)
        event = ReviewEvent(article_id=article_id, action="reject", reviewer=reviewer, text=note)
        if not self.store.advance(article_id, REVIEWABLE, State.SKIPPED, event=event,
                                  skip_reason="rejected", review_note=note, reviewer=reviewer):
            raise ReviewError(f"cannot be rejected in state {row.state}",
                              subject=f"article {article_id}")
        return ReviewDecision(article_id=article_id, decision="reject",
                              reviewer=reviewer or "unknown", note=note,
                              decided_at=datetime.now(UTC))
