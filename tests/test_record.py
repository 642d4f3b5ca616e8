"""Recording live responses and replaying them offline gives the same pages."""

from pathlib import Path

from tests.conftest import cli
from tests.localserver import Answer, Script, serve

from pipeline.config import FetchSettings
from pipeline.fetch import Fetcher, ReplayTransport, build_client
from pipeline.fetch.record import RecordingTransport

PARAGRAPH = "包钢集团稀土板块今年前十个月实现营业收入286.4亿元，同比增长18.6%，镨钕氧化物产量创历史同期最好水平。"
PAGE = ('<html><head><meta charset="gb2312"><title>包钢稀土营收增长</title></head><body>'
        '<div class="nav"><a href="/">首页</a></div><h1>包钢稀土营收增长</h1>'
        f'<div class="content"><p>记者 刘镕</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>'
        "</body></html>").encode("gb18030")


def test_recorded_pages_replay_byte_for_byte_with_redirects(tmp_path: Path):
    script = Script()
    script.on("/a.htm", Answer(200, PAGE, {"Content-Type": "text/html"}))
    script.on("/old", Answer(301, b"", {"Location": "/a.htm"}))
    script.on("/list/", Answer(200, b"<a href='/a.htm'>a</a>", {"Content-Type": "text/html"}))
    settings = FetchSettings(delay=0)
    with serve(script) as base:
        live = Fetcher(build_client(settings, RecordingTransport(tmp_path)), settings)
        originals = [live.fetch(f"{base}{path}") for path in ("/old", "/list/", "/a.htm")]
    replay = Fetcher(build_client(settings, ReplayTransport(tmp_path)), settings)
    for original in originals:
        again = replay.fetch(original.url)
        assert again.content == original.content
        assert again.final_url == original.final_url
        assert again.text == original.text


def test_extract_of_a_page_that_is_no_article_says_so(tmp_path: Path):
    (tmp_path / "index.html").write_text("<html><body><a href='/1'>一</a></body></html>")
    proc = cli("extract", "index.html", cwd=tmp_path, env={"PIPELINE_CONFIG": ""}, check=1)
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("pipeline: not an article: ")


def test_record_command_saves_a_replayable_directory(tmp_path: Path):
    script = Script()
    script.on("/news/1.html", Answer(200, PAGE, {"Content-Type": "text/html"}))
    with serve(script) as base:
        proc = cli("record", f"{base}/news/1.html", "--into", "rec", cwd=tmp_path,
                   env={"PIPELINE_CONFIG": ""})
    assert "recorded 1 page(s)" in proc.stdout
    out = cli("extract", f"{base}/news/1.html", "--format", "text", cwd=tmp_path,
              env={"PIPELINE_CONFIG": "", "PIPELINE_FETCH__REPLAY_DIR": "rec"})
    assert PARAGRAPH in out.stdout
