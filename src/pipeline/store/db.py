"""Store: every state change is one short transaction, so a run killed at any
moment leaves each article in its last committed state, and the next run picks
up from there.

State changes are compare-and-set (``UPDATE … WHERE id = ? AND state = ?``), so
the same code stays correct when several workers share a PostgreSQL database.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, create_engine, event, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from pipeline.errors import StoreError
from pipeline.models import State
from pipeline.store.schema import ArticleRow, ReviewEvent

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _alembic_config() -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to ``url``, creating the SQLite file's folder, and migrate to the newest schema."""
        try:
            if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
                Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
            store = cls(engine)
            store.migrate()
        except (SQLAlchemyError, OSError) as exc:
            raise StoreError(f"cannot open store: {exc}", subject=url) from exc
        return store

    def migrate(self) -> None:
        cfg = _alembic_config()
        with self.engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    @staticmethod
    def migration_sql(url: str) -> str:
        """The SQL that migrates an empty database at ``url`` to the newest schema,
        for a DBA to review or apply (no connection is made)."""
        cfg = _alembic_config()
        cfg.set_main_option("sqlalchemy.url", url)
        buffer = io.StringIO()
        cfg.output_buffer = buffer
        command.upgrade(cfg, "head", sql=True)
        return buffer.getvalue()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {exc}") from exc

    # -- reading -----------------------------------------------------------

    def get(self, article_id: int) -> ArticleRow | None:
        with self.session() as s:
            return s.get(ArticleRow, article_id)

    def ids_in_state(self, state: State) -> list[int]:
        with self.session() as s:
            return list(s.scalars(select(ArticleRow.id).where(ArticleRow.state == state.value)
                                  .order_by(ArticleRow.id)))

    def rows(self, *states: State) -> list[ArticleRow]:
        with self.session() as s:
            query = select(ArticleRow).order_by(ArticleRow.id)
            if states:
                query = query.where(ArticleRow.state.in_([st.value for st in states]))
            return list(s.scalars(query))

    def latest(self, url: str) -> ArticleRow | None:
        with self.session() as s:
            return s.scalars(select(ArticleRow).where(ArticleRow.url == url)
                             .order_by(ArticleRow.revision.desc()).limit(1)).first()

    def same_text(self, text_hash: str, exclude_id: int) -> ArticleRow | None:
        """The earliest other article with the same extracted text, if any."""
        with self.session() as s:
            return s.scalars(select(ArticleRow).where(
                ArticleRow.text_hash == text_hash, ArticleRow.id != exclude_id,
                ArticleRow.state != State.SKIPPED.value).order_by(ArticleRow.id).limit(1)).first()

    def counts(self) -> dict[str, dict[str, int]]:
        """``{source_id: {state: n}}``."""
        with self.session() as s:
            result: dict[str, dict[str, int]] = {}
            for source, state, n in s.execute(
                select(ArticleRow.source_id, ArticleRow.state, func.count())
                .group_by(ArticleRow.source_id, ArticleRow.state)
            ):
                result.setdefault(source, {})[state] = n
            return result

    def chars_translated(self) -> int:
        with self.session() as s:
            return int(s.scalar(select(func.coalesce(func.sum(ArticleRow.chars_translated), 0)))
                       or 0)


    # -- writing -----------------------------------------------------------

    def add(self, *, source_id: str, url: str, state: State = State.DISCOVERED,
            revision: int = 1, **fields: Any) -> int | None:
        """Insert a new article row; return its id, or None if (url, revision) exists."""
        with self.session() as s:
            exists = s.scalar(select(ArticleRow.id).where(ArticleRow.url == url,
                                                          ArticleRow.revision == revision))
            if exists is not None:
                return None
            values = {"attempts": 0, "chars_translated": 0, **fields}
            row = ArticleRow(source_id=source_id, url=url, revision=revision, state=state.value,
                             **values)
            s.add(row)
            s.flush()
            return row.id

    def advance(self, article_id: int, expect: State | tuple[State, ...], to: State,
                *, event: ReviewEvent | None = None, **fields: Any) -> bool:
        """Move an article from ``expect`` to ``to`` and set ``fields``, atomically.

        Returns False (and changes nothing) if the article is no longer in ``expect``.
        ``event``, if given, is logged in the same transaction.
        """
        expected = (expect,) if isinstance(expect, State) else expect
        with self.session() as s:
            result = s.execute(
                update(ArticleRow)
                .where(ArticleRow.id == article_id,
                       ArticleRow.state.in_([e.value for e in expected]))
                .values(state=to.value, **fields)
                .execution_options(synchronize_session=False)
            )
            moved = bool(result.rowcount)  # type: ignore[attr-defined]
            if moved and event is not None:
                s.add(event)
            return moved

    def fail(self, article_id: int, stage: State, error: str) -> None:
        """Record a failure at ``stage``; the article retries from there on a later run."""
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return
            row.state = State.FAILED.value
            row.failed_stage = stage.value
            row.attempts += 1
            row.last_error = error[:2000]

    def requeue_failed(self, max_attempts: int | None = None,
                       ids: list[int] | None = None) -> int:
        """Put failed articles back where they failed.

        With ``max_attempts``, only those with attempts left; without it (an
        operator's explicit retry) all of them, with their attempts reset.
        """
        with self.session() as s:
            query = select(ArticleRow).where(ArticleRow.state == State.FAILED.value)
            if max_attempts is not None:
                query = query.where(ArticleRow.attempts < max_attempts)
            if ids:
                query = query.where(ArticleRow.id.in_(ids))
            n = 0
            for row in s.scalars(query):
                row.state = row.failed_stage or State.DISCOVERED.value
                if max_attempts is None:
                    row.attempts = 0
                n += 1
            return n

    def update_draft(self, article_id: int, draft: dict[str, Any], event: ReviewEvent) -> None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise StoreError("no such article", subject=str(article_id))
            row.draft = draft
            s.add(event)
