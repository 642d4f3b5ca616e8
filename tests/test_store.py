"""The store: migrations match the models, SQL renders for PostgreSQL, state changes are CAS."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pipeline.models import State
from pipeline.store import Store
from pipeline.store.schema import Base


def test_the_migrations_build_exactly_the_schema_of_the_models(tmp_path: Path):
    store = Store.open(f"sqlite:///{tmp_path}/s.db")
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.close()
    assert diff == []


def test_the_schema_renders_for_postgresql_without_a_server():
    sql = Store.migration_sql("postgresql://pipeline@db.example/pipeline")
    assert "CREATE TABLE articles" in sql and "BYTEA" in sql and "SERIAL" in sql
    assert "CONSTRAINT uq_articles_url_revision UNIQUE (url, revision)" in sql


def test_state_changes_are_compare_and_set(tmp_path: Path):
    store = Store.open(f"sqlite:///{tmp_path}/s.db")
    article_id = store.add(source_id="s", url="http://x.example/1")
    assert article_id is not None
    assert store.add(source_id="s", url="http://x.example/1") is None  # same url, revision
    assert store.advance(article_id, State.DISCOVERED, State.FETCHED)
    # a second worker that read the article as "discovered" loses the race, changing nothing
    assert not store.advance(article_id, State.DISCOVERED, State.FETCHED, headline="late")
    row = store.get(article_id)
    assert row is not None and row.state == "fetched" and row.headline is None
    store.close()


def test_opening_an_existing_store_keeps_its_data(tmp_path: Path):
    url = f"sqlite:///{tmp_path}/s.db"
    store = Store.open(url)
    store.add(source_id="s", url="http://x.example/1")
    store.close()
    again = Store.open(url)
    assert again.counts() == {"s": {"discovered": 1}}
    again.close()
