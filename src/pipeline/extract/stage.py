"""The extract stage as the runner uses it: a fetched page becomes an Article."""

from __future__ import annotations

from pipeline.config import SourceConfig
from pipeline.errors import ExtractionError
from pipeline.extract import extract_html
from pipeline.models import Article, Attribution, FetchedPage


class Extractor:
    """Extracts articles using each source's selectors (generic when it has none)."""

    def __init__(self, sources: list[SourceConfig]) -> None:
        self.sources = {s.id: s for s in sources}

    def extract(self, page: FetchedPage, source_id: str) -> Article:
        source = self.sources.get(source_id)
        if source is None:
            raise ExtractionError(f"source {source_id!r} is no longer configured",
                                  subject=page.url)
        found = extract_html(page.text, page.final_url, source.selectors)
        if not found.title:
            raise ExtractionError("no headline found", subject=page.url)
        attribution = Attribution(
            outlet_zh=source.outlet_zh, outlet_en=source.outlet_en, url=page.final_url,
            original_headline=found.title, published_at=found.published_at,
        )
        return Article(
            source_id=source_id, url=page.final_url, headline=found.title,
            published_at=found.published_at, reporter=found.author,
            source_line=found.source, editor=found.editor, paragraphs=found.paragraphs,
            images=found.images, method=found.method, attribution=attribution,
        )
