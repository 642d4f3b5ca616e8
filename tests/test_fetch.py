"""Fetching against a real local HTTP server, and replaying recordings."""

from __future__ import annotations

import itertools
import time

import pytest
from tests.conftest import RECORDED
from tests.localserver import Answer, Script, serve

from pipeline.config import FetchSettings
from pipeline.errors import FetchError, HTTPStatusError, NotRecorded
from pipeline.fetch import Fetcher, ReplayTransport, build_client

GBK_PAGE = ('<html><head><meta charset="gb2312"><title>稀土</title></head>'
            "<body><p>记者 刘镕 报道</p></body></html>").encode("gb18030")


def fetcher(**overrides: object) -> Fetcher:
    settings = FetchSettings(**{"delay": 0, "timeout": 2, "retries": 2, "robots": False, **overrides})
    sleeps: list[float] = []
    f = Fetcher(build_client(settings), settings, sleep=lambda s: (sleeps.append(s), time.sleep(min(s, 0.01))))
    f.sleeps = sleeps  # type: ignore[attr-defined]
    return f


def test_fetches_and_decodes_a_gbk_page_declared_gb2312():
    script = Script()
    script.on("/a.htm", Answer(200, GBK_PAGE, {"Content-Type": "text/html"}))
    with serve(script) as base:
        page = fetcher().fetch(f"{base}/a.htm")
    assert page.status == 200 and page.encoding == "gb18030"
    assert "记者 刘镕 报道" in page.text
    assert len(page.digest) == 64


def test_sends_our_user_agent():
    script = Script()
    script.on("/a.htm", Answer(200, b"<p>x</p>"))
    with serve(script) as base:
        fetcher(user_agent="test-agent/1").fetch(f"{base}/a.htm")
    assert script.log[0][2]["User-Agent"] == "test-agent/1"


def test_retries_503_then_succeeds_honouring_retry_after():
    script = Script()
    script.on("/flaky", Answer(503, b"busy", {"Retry-After": "3"}), Answer(200, b"<p>ok</p>"))
    with serve(script) as base:
        f = fetcher()
        page = f.fetch(f"{base}/flaky")
    assert page.status == 200
    assert len(script.log) == 2
    assert f.sleeps == [3.0]  # type: ignore[attr-defined]


def test_gives_up_after_the_configured_retries():
    script = Script()
    script.on("/down", Answer(502, b"bad gateway"))
    with serve(script) as base, pytest.raises(HTTPStatusError) as err:
        fetcher(retries=1).fetch(f"{base}/down")
    assert err.value.status == 502 and err.value.url.endswith("/down")
    assert len(script.log) == 2


def test_404_is_not_retried():
    script = Script()
    with serve(script) as base, pytest.raises(HTTPStatusError, match="HTTP 404"):
        fetcher().fetch(f"{base}/missing")
    assert len(script.log) == 1


def test_a_hanging_server_times_out_with_a_clear_error():
    script = Script()
    script.on("/slow", Answer(200, b"late", delay=1.5))
    with serve(script) as base, pytest.raises(FetchError, match="timed out after 1 attempts"):
        fetcher(timeout=0.3, retries=0).fetch(f"{base}/slow")


def test_a_refused_connection_is_a_fetch_error():
    with pytest.raises(FetchError, match="127.0.0.1:9/x: request failed"):
        fetcher(retries=0).fetch("http://127.0.0.1:9/x")


def test_redirects_are_followed_and_limited():
    script = Script()
    script.on("/old", Answer(301, b"", {"Location": "/new"}))
    script.on("/new", Answer(200, b"<p>new</p>"))
    script.on("/loop", Answer(302, b"", {"Location": "/loop"}))
    with serve(script) as base:
        page = fetcher().fetch(f"{base}/old")
        assert page.final_url == f"{base}/new"
        with pytest.raises(FetchError, match="too many redirects"):
            fetcher(max_redirects=3).fetch(f"{base}/loop")


def test_requests_to_one_host_are_spaced_by_the_delay():
    script = Script()
    script.on("/p", Answer(200, b"<p>x</p>"))
    settings = FetchSettings(delay=0.2, retries=0, robots=False)
    with serve(script) as base:
        f = Fetcher(build_client(settings), settings)
        for _ in range(3):
            f.fetch(f"{base}/p")
    times = [t for t, _, _ in script.log]
    assert all(b - a >= 0.19 for a, b in itertools.pairwise(times))


def test_replay_serves_recordings_and_refuses_unrecorded_urls():
    settings = FetchSettings(delay=0, replay_dir=RECORDED)
    f = Fetcher(build_client(settings), settings)
    page = f.fetch("https://www.reindustry.example/news/show.php?id=1043")
    assert page.final_url == "https://www.reindustry.example/news/2026/11/1043.html"
    with pytest.raises(NotRecorded, match="https://www.reindustry.example/news/2026/10/1.html"):
        f.fetch("https://www.reindustry.example/news/2026/10/1.html")
    assert isinstance(f.client._transport, ReplayTransport)


def test_robots_txt_is_obeyed_and_its_crawl_delay_honoured():
    script = Script()
    script.on("/robots.txt", Answer(200, b"User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n"))
    script.on("/news/1.htm", Answer(200, b"<p>ok</p>"))
    script.on("/private/1.htm", Answer(200, b"<p>secret</p>"))
    with serve(script) as base:
        f = Fetcher(build_client(FetchSettings(delay=0)), FetchSettings(delay=0))
        f.fetch(f"{base}/news/1.htm")
        f.fetch(f"{base}/news/1.htm")
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            f.fetch(f"{base}/private/1.htm")
    paths = [path for _, path, _ in script.log]
    assert paths == ["/robots.txt", "/news/1.htm", "/news/1.htm"]  # robots.txt read once
    times = [t for t, path, _ in script.log if path == "/news/1.htm"]
    assert times[1] - times[0] >= 0.99


def test_a_site_without_robots_txt_is_fetched():
    script = Script()
    script.on("/a.htm", Answer(200, b"<p>ok</p>"))
    with serve(script) as base:
        assert fetcher(robots=True).fetch(f"{base}/a.htm").status == 200
