"""Discovery of the recorded demo sources, configured (not coded)."""

from datetime import date

import pytest
from tests.conftest import EXPECTED, RECORDED, ROOT
from tests.localserver import Answer, Script, serve

from pipeline import registry
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


def test_an_unrecorded_edition_is_a_discovery_error_naming_the_source(replay, sources):
    # Replay never answers 404 for what it lacks: it refuses. (A real server's 404
    # for a day without an edition is "nothing new": see test_runner.py.)
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


# One example per registered kind, served by a local server: a new kind fails
# the contract test below until it has an example here.
INDEX = ('<a href="node_2.htm">第02版</a><a href="content_1_1.htm">甲</a>'
         '<a href="content_1_1.htm#top">甲</a><a href="/elsewhere.htm">外</a>')
EXAMPLES = {
    "epaper": ({"index_url": "{base}/paper/html/{{date:%Y-%m}}/{{date:%d}}/node_1.htm"},
               {"/paper/html/2026-11/27/node_1.htm": INDEX,
                "/paper/html/2026-11/27/node_2.htm": '<area href="content_2_1.htm">'}),
    "listing": ({"listing_urls": ["{base}/news/"], "article_links": "ul.list a",
                 "article_link": r"content_\d+_\d+\.htm"},
                {"/news/": '<ul class="list"><li><a href="/paper/content_1_1.htm?utm_source=x">甲</a>'
                           '<li><a href="/paper/content_2_1.htm">乙</a></ul><a href="/ad.htm">广告</a>'}),
}


@pytest.mark.parametrize("kind", sorted(registry.SOURCE_KINDS))
def test_every_source_kind_discovers_canonical_unique_article_urls(kind: str):


    assert kind in EXAMPLES, f"add an example for source kind {kind!r} to this test"
    options, pages = EXAMPLES[kind]
    script = Script()
    for path, html in pages.items():
        script.on(path, Answer(200, html.encode(), {"Content-Type": "text/html; charset=utf-8"}))
    with serve(script) as base:
        filled = {k: (v.format(base=base) if isinstance(v, str) else [u.format(base=base) for u in v])
                  if k in ("index_url", "listing_urls") else v for k, v in options.items()}
        config = registry.load(registry.SOURCE_KINDS, kind, "source kind").Config.model_validate(
            {"id": "example", "kind": kind, "outlet_zh": "示例报", "outlet_en": "Example Daily", **filled})
        settings = FetchSettings(delay=0, robots=False)
        urls = build_source(config).discover(Fetcher(build_client(settings), settings), [EDITION])
    assert urls, kind
    assert len(urls) == len(set(urls))
    assert all(u == canonical_url(u) and u.startswith(base) for u in urls)
    assert not any(u.endswith(("/elsewhere.htm", "/ad.htm")) for u in urls)
