"""The English article as publishers see it, and its attribution block."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import PublishError
from pipeline.models import SHANGHAI, Attribution, Draft

if TYPE_CHECKING:
    from pipeline.config import PublishSettings


@dataclass(frozen=True)
class EnglishArticle:
    article_id: int
    headline: str
    paragraphs: list[str]
    attribution: Attribution
    engine_label: str
    source_id: str
    figures: tuple[tuple[str, str], ...] = ()  # (image URL, English caption)

    @classmethod
    def from_draft(cls, article_id: int, draft: Draft, attribution: Attribution) -> EnglishArticle:
        return cls(article_id=article_id, headline=draft.headline(),
                   paragraphs=draft.paragraphs(), attribution=attribution,
                   engine_label=draft.engine_label, source_id=draft.article.source_id,
                   figures=tuple((image.src, caption) for image, caption in draft.captions()))

    @property
    def slug(self) -> str:
        """A stable, safe file name: date, source and a hash of the original URL.

        Stable across re-publishing and revisions of the same page, so a second
        publish overwrites the first.
        """
        day = self.attribution.published_at.astimezone(SHANGHAI).strftime("%Y-%m-%d") \
            if self.attribution.published_at else "undated"
        source = re.sub(r"[^a-z0-9-]+", "-", self.source_id.lower()).strip("-") or "source"
        digest = hashlib.sha256(self.attribution.url.encode()).hexdigest()[:10]
        return f"{day}-{source}-{digest}"

    def attribution_lines(self) -> list[str]:
        """The attribution block, one line per fact, as plain text."""
        a = self.attribution
        lines = [f"Source: {a.outlet_en} ({a.outlet_zh})"]
        if a.original_headline:
            lines.append(f"Original headline: {a.original_headline}")
        if a.published_at:
            lines.append(f"Published: {format_date(a.published_at)}")
        lines.append(f"Original article: {a.url}")
        lines.append(f"Engine: {a.engine} ({a.engine_label})")
        lines.append(f"Reviewed by: {a.reviewer or 'not reviewed'}")
        lines.append(f"Translated and reported by {a.translated_by}")
        return lines


def format_date(value: datetime) -> str:
    local = value.astimezone(SHANGHAI)
    text = f"{local.day} {local:%B %Y}"
    if (local.hour, local.minute) != (0, 0):
        text += f", {local:%H:%M} Beijing time"
    return text


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class FilePublisher:
    """A publisher that writes one file per article under ``out_dir/<name>/``.

    Subclasses set ``name`` and ``extension`` and implement ``render``. The file
    name is the article's stable slug, so publishing again overwrites.
    """

    name: str = ""
    extension: str = ""

    def __init__(self, settings: PublishSettings) -> None:
        self.out_dir = settings.out_dir / self.name

    def render(self, article: EnglishArticle) -> str:
        raise NotImplementedError

    def publish(self, article: EnglishArticle) -> list[str]:
        path = self.out_dir / f"{article.slug}.{self.extension}"
        try:
            write_atomically(path, self.render(article))
        except OSError as exc:
            raise PublishError(f"cannot write {path}: {exc}",
                               subject=f"article {article.article_id}") from exc
        return [str(path)]
