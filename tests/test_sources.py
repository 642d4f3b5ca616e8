"""Discovery of the recorded demo sources, configured (not coded)."""

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXPECTED, RECORDED, ROOT

from pipeline.config import FetchSettings, load_sources
from pipeline.errors import DiscoveryError
from pipeline.fetch import Fetcher, build_client
from pipeline.sources import build_source, canonical_url

EDITION = date(2026, 11, 27)


@pytest.fixture
def replay() -> Fetcher:
    settings = FetchSettings(delay=0, replay_dir=RECORDED)
    return Fetcher(build_client(settings), settings)


@pytest.fixture
def sources():
    return {s.id: s for s in load_sources(ROOT / "config/sources.toml")}


def test_epaper_finds_every_article_of_every_edition_page_once(replay, sources):
    urls = build_source(sources["baogang-daily"]).discover(replay, [EDITION])
    assert urls == EXPECTED["discovery"]["baogang-daily"]["article_urls"]


def test_epaper_without_an_edition_that_day_finds_nothing(replay, sources, tmp_path: Path):
    # The next day's edition is not recorded: the replay answers NotRecorded (a
    # fetch error), which a real server would answer with 404.
    with pytest.raises(DiscoveryError, match="baogang-daily"):
        build_source(sources["baogang-daily"]).discover(replay, [date(2026, 11, 28)])


def test_listing_finds_article_links_only(replay, sources):
    urls = build_source(sources["reindustry"]).discover(replay, [EDITION])
    assert urls == EXPECTED["discovery"]["reindustry"]["discovered_urls"]


@pytest.mark.parametrize(("raw", "canonical"), [
    ("HTTP://Epaper.Example:80/a/b.htm#top", "http://epaper.example/a/b.htm"),
    ("https://x.example/news?id=3&utm_source=wx&spm=1.2", "https://x.example/news?id=3"),
    ("https://x.example:8443", "https://x.example:8443/"),
])
def test_canonical_url(raw, canonical):
    assert canonical_url(raw) == canonical
    assert canonical_url(canonical) == canonical
