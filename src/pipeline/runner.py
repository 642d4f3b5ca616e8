"""The runner wires the stages together; stages never import each other.

Each article moves one stage at a time, and each move is one committed
transaction, so a run can be killed at any moment: the next run finds every
article in its last committed state and carries on from there.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

import httpx

from pipeline.config import Settings, SourceConfig, load_glossary, load_sources
from pipeline.errors import Duplicate, PipelineError, Skip, TranslationError
from pipeline.extract.stage import Extractor
from pipeline.fetch import Fetcher, build_client
from pipeline.models import (
    SHANGHAI,
    Article,
    Attribution,
    Draft,
    FetchedPage,
    PublishedArticle,
    State,
)
from pipeline.publish import EnglishArticle, Publisher, build_publishers
from pipeline.sources import build_source
from pipeline.store import ArticleRow, Store
from pipeline.translate import DOWN_AFTER, Glossary, Translator

log = logging.getLogger(__name__)
T = TypeVar("T")
Progress = Callable[[list[T], str], Iterable[T]]


def _no_progress(items: list[T], _label: str) -> Iterable[T]:
    return items


@dataclass
class Failure:
    subject: str
    stage: str
    error: str


@dataclass
class Report:
    """What a run did, for the summary and the exit code."""

    done: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    chars: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def ok(self) -> bool:
        return not self.failures


def text_hash(article: Article) -> str:
    text = "\n".join("".join(p.split()) for p in article.paragraphs)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_from_row(row: ArticleRow) -> FetchedPage:
    assert row.page is not None and row.raw is not None
    return FetchedPage.model_validate({**row.page, "content": row.raw})


class Pipeline:
    def __init__(self, settings: Settings, fetcher: Fetcher, sources: list[SourceConfig],
                 glossary: Glossary, progress: Progress[Any] = _no_progress,
                 store: Store | None = None) -> None:
        self.settings = settings
        self.fetcher = fetcher
        self.sources = [s for s in sources if s.enabled]
        self.extractor = Extractor(sources)
        self.glossary = glossary
        self.progress = progress
        self._store = store
        self._translator: Translator | None = None
        self._publishers: list[Publisher] | None = None

    @classmethod
    def from_settings(cls, settings: Settings, *, transport: httpx.BaseTransport | None = None,
                      progress: Progress[Any] = _no_progress, one_off: bool = False) -> Pipeline:
        """Build everything from settings: the one place the pipeline is wired.

        ``one_off`` (a single URL from the command line) tolerates missing sources
        and glossary files, so ``pipeline fetch URL`` works anywhere.
        """
        sources = load_sources(settings.sources_file, missing_ok=one_off)
        glossary = Glossary(load_glossary(settings.glossary_file, missing_ok=one_off))
        fetcher = Fetcher(build_client(settings.fetch, transport), settings.fetch)
        return cls(settings, fetcher, sources, glossary, progress)

    @property
    def store(self) -> Store:
        """The store, opened (and migrated) on first use: one-off commands never touch it."""
        if self._store is None:
            self._store = Store.open(self.settings.store_url)
        return self._store

    def close(self) -> None:
        self.fetcher.client.close()
        if self._store is not None:
            self._store.close()

    @property
    def translator(self) -> Translator:
        if self._translator is None:  # built lazily: the gloss engine loads a dictionary
            self._translator = Translator.from_settings(self.settings.translate, self.glossary)
        return self._translator

    @property
    def publishers(self) -> list[Publisher]:
        if self._publishers is None:
            self._publishers = build_publishers(self.settings.publish)
        return self._publishers

    def dates(self) -> list[date]:
        today = self.settings.as_of or datetime.now(SHANGHAI).date()
        return [today - timedelta(days=n) for n in range(self.settings.lookback_days, -1, -1)]

    # -- the run -----------------------------------------------------------

    def run(self, *, refresh: bool = False, publish: bool = True) -> Report:
        report = Report()
        requeued = self.store.requeue_failed(self.settings.max_attempts)
        if requeued:
            log.info("retrying %d failed article(s)", requeued)
        self.discover(report, refresh=refresh)
        self.fetch_pending(report)
        self.extract_pending(report)
        self.translate_pending(report)
        if publish:
            self.publish_approved(report)
        return report

    def _each(self, state: State, label: str) -> Iterator[ArticleRow]:
        for article_id in self.progress(self.store.ids_in_state(state), label):
            row = self.store.get(article_id)
            if row is not None and row.state == state.value:
                yield row

    def _guard(self, report: Report, row: ArticleRow, stage: State, work: Callable[[], None]
               ) -> Exception | None:
        """Run one article's step; turn its outcome into a state and a count.

        Returns the error the step failed with, if any.
        """
        try:
            work()
        except Skip as skip:
            self.store.advance(row.id, stage, State.SKIPPED, skip_reason=skip.reason,
                               last_error=skip.detail or None)
            report.skipped[skip.reason] += 1
            log.info("skipped %s: %s (%s)", row.url, skip.reason, skip.detail)
        except PipelineError as exc:
            self._fail(report, row, stage, str(exc))
            return exc
        except Exception as exc:  # a bug on one page must not stop the run
            log.exception("internal error on %s", row.url)
            self._fail(report, row, stage, f"internal error: {exc!r}")
            return exc
        return None

    def _fail(self, report: Report, row: ArticleRow, stage: State, error: str) -> None:
        self.store.fail(row.id, stage, error)
        report.failures.append(Failure(f"#{row.id} {row.url}", stage.value, error))
        log.warning("failed at %s: %s", stage.value, error)

    def discover(self, report: Report, *, refresh: bool = False) -> None:
        dates = self.dates()
        for config in self.progress(self.sources, "discover"):
            try:
                urls = build_source(config).discover(self.fetcher, dates)
            except PipelineError as exc:
                report.failures.append(Failure(config.id, "discover", str(exc)))
                log.warning("source %s failed: %s", config.id, exc)
                continue
            for url in urls:
                latest = self.store.latest(url)
                if latest is None:
                    self.store.add(source_id=config.id, url=url)
                    report.done["discovered"] += 1
                elif refresh and latest.state not in (State.DISCOVERED.value, State.FAILED.value):
                    self._refresh(report, config, latest)

    def _refresh(self, report: Report, config: SourceConfig, latest: ArticleRow) -> None:
        """Re-fetch a known page; a changed page becomes a new revision."""
        try:
            page = self.fetcher.fetch(latest.url)
        except PipelineError as exc:
            report.failures.append(Failure(latest.url, "refresh", str(exc)))
            return
        if page.digest == latest.content_hash:
            return
        new_id = self.store.add(source_id=config.id, url=latest.url, state=State.FETCHED,
                                revision=latest.revision + 1, **self._page_fields(page))
        if new_id is not None:
            report.done["revised"] += 1

    def save_draft(self, source_id: str, url: str, page: FetchedPage, draft: Draft) -> int | None:
        """Store a draft made outside a run (``pipeline fetch --save``) for review."""
        return self.store.add(source_id=source_id, url=url, state=State.TRANSLATED,
                              **self._page_fields(page), **self._article_fields(draft.article),
                              **self._draft_fields(draft))

    @staticmethod
    def _article_fields(article: Article) -> dict[str, Any]:
        return {"article": article.model_dump(mode="json"), "text_hash": text_hash(article),
                "headline": article.headline}

    @staticmethod
    def _draft_fields(draft: Draft) -> dict[str, Any]:
        return {"draft": draft.model_dump(mode="json"),
                "chars_translated": sum(len(s.source) for s in draft.segments)}

    @staticmethod
    def _page_fields(page: FetchedPage) -> dict[str, Any]:
        return {"page": page.model_dump(mode="json", exclude={"content"}), "raw": page.content,
                "content_hash": page.digest}

    def fetch_pending(self, report: Report) -> None:
        for row in self._each(State.DISCOVERED, "fetch"):
            def work(row: ArticleRow = row) -> None:
                page = self.fetcher.fetch(row.url)
                if self.store.advance(row.id, State.DISCOVERED, State.FETCHED,
                                      **self._page_fields(page)):
                    report.done["fetched"] += 1
            self._guard(report, row, State.DISCOVERED, work)

    def extract_pending(self, report: Report) -> None:
        for row in self._each(State.FETCHED, "extract"):
            def work(row: ArticleRow = row) -> None:
                article = self.extractor.extract(page_from_row(row), row.source_id)
                fields = self._article_fields(article)
                twin = self.store.same_text(fields["text_hash"], row.id)
                if twin is not None and twin.url != row.url:
                    raise Duplicate(f"same text as #{twin.id} {twin.url}", subject=row.url)
                if self.store.advance(row.id, State.FETCHED, State.EXTRACTED, **fields):
                    report.done["extracted"] += 1
            self._guard(report, row, State.FETCHED, work)

    def translate_pending(self, report: Report) -> None:
        """Translate extracted articles.

        After ``DOWN_AFTER`` failures in a row of the whole engine chain, the
        engines are taken to be down: the rest wait, untouched, for the next run,
        rather than each waiting out a timeout and spending one of its attempts.
        """
        failures_in_a_row = 0
        for row in self._each(State.EXTRACTED, "translate"):
            if failures_in_a_row >= DOWN_AFTER:
                left = len(self.store.ids_in_state(State.EXTRACTED))
                report.failures.append(Failure(
                    "engine " + ", ".join([self.settings.translate.engine,
                                           *self.settings.translate.fallback]), "translate",
                    f"failed {failures_in_a_row} times in a row; {left} article(s) left "
                    "for the next run"))
                break
            def work(row: ArticleRow = row) -> None:
                article = Article.model_validate(row.article)
                fields = self._draft_fields(self.translator.translate(article))
                if self.store.advance(row.id, State.EXTRACTED, State.TRANSLATED, **fields):
                    report.done["translated"] += 1
                    report.chars += fields["chars_translated"]
            error = self._guard(report, row, State.EXTRACTED, work)
            failures_in_a_row = failures_in_a_row + 1 if isinstance(error, TranslationError) \
                else 0

    def english(self, row: ArticleRow) -> EnglishArticle:
        draft = Draft.model_validate(row.draft)
        attribution: Attribution = draft.article.attribution.model_copy(update={
            "engine": draft.engine, "engine_label": draft.engine_label,
            "reviewer": row.reviewer, "translated_by": self.settings.publish.translated_by,
        })
        return EnglishArticle.from_draft(row.id, draft, attribution)

    def publish_approved(self, report: Report) -> None:
        for row in self._each(State.APPROVED, "publish"):
            def work(row: ArticleRow = row) -> None:
                article = self.english(row)
                done = [PublishedArticle(article_id=row.id, publisher=publisher.name,
                                         locations=tuple(publisher.publish(article)),
                                         published_at=datetime.now(SHANGHAI))
                        for publisher in self.publishers]
                published = {"publications": [d.model_dump(mode="json") for d in done]}
                if self.store.advance(row.id, State.APPROVED, State.PUBLISHED,
                                      published=published):
                    report.done["published"] += 1
                    report.done["files"] += sum(len(d.locations) for d in done)
            self._guard(report, row, State.APPROVED, work)
