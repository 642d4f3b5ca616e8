"""The runner's bookkeeping: retries, revisions, duplicates, discovery outcomes."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import RECORDED, ROOT
from tests.localserver import Answer, Script, serve

from pipeline.config import FetchSettings, SourceConfig, load_settings, load_sources
from pipeline.fetch import Fetcher, build_client
from pipeline.models import State
from pipeline.runner import Pipeline, Report
from pipeline.sources import build_source


def pipeline_over(recordings: Path, workspace: Path) -> Pipeline:
    settings = load_settings(Path("config/demo.toml"))
    settings.fetch.replay_dir = recordings
    return Pipeline.from_settings(settings)


def dead_google_run(*fallback: str) -> tuple[Pipeline, Report, int]:
    """Run the demo with the google engine answering 503; return the requests it got."""
    script = Script()
    script.on("/m", Answer(503, b"unavailable"))
    with serve(script) as base:
        settings = load_settings(Path("config/demo.toml"))
        settings.translate.engine = "google"
        settings.translate.fallback = list(fallback)
        settings.translate.endpoint = f"{base}/m"
        pipeline = Pipeline.from_settings(settings)
        report = pipeline.run(publish=False)
    return pipeline, report, len(script.log)


def copy_recordings(tmp_path: Path) -> Path:
    target = tmp_path / "rec"
    shutil.copytree(RECORDED, target)
    return target


def test_a_failing_article_is_retried_until_max_attempts(workspace: Path, tmp_path: Path):
    recordings = copy_recordings(tmp_path)
    manifest = json.loads((recordings / "manifest.json").read_text())
    broken = "http://epaper.baogangdaily.example/bgrb/html/2026-11/27/content_7742_2.htm"
    for entry in manifest["responses"]:
        if entry["url"] == broken:
            entry["status"] = 500
    (recordings / "manifest.json").write_text(json.dumps(manifest))
    for attempt in (1, 2, 3, 4):
        pipeline = pipeline_over(recordings, workspace)
        report = pipeline.run(publish=False)
        row = pipeline.store.latest(broken)
        assert row is not None and row.state == "failed"
        assert row.attempts == min(attempt, 3)
        assert "HTTP 500" in (row.last_error or "")
        assert not report.ok if attempt <= 3 else report.ok  # no retry after max_attempts
        pipeline.close()
    # the page comes back and the operator asks for a retry: the next run finishes it
    for entry in manifest["responses"]:
        if entry["url"] == broken:
            entry["status"] = 200
    (recordings / "manifest.json").write_text(json.dumps(manifest))
    pipeline = pipeline_over(recordings, workspace)
    assert pipeline.store.requeue_failed() == 1
    assert pipeline.run(publish=False).ok
    assert pipeline.store.latest(broken).state == State.TRANSLATED  # type: ignore[union-attr]


def test_refresh_makes_a_changed_page_a_new_revision(workspace: Path, tmp_path: Path):
    recordings = copy_recordings(tmp_path)
    pipeline = pipeline_over(recordings, workspace)
    pipeline.run(publish=False)
    pipeline.close()
    page = recordings / "reindustry/news/2026/11/1041.html"
    page.write_text(page.read_text(encoding="utf-8").replace("同比增长", "同比大幅增长"),
                    encoding="utf-8")
    pipeline = pipeline_over(recordings, workspace)
    report = pipeline.run(refresh=True, publish=False)
    assert report.done["revised"] == 1
    url = "https://www.reindustry.example/news/2026/11/1041.html"
    latest = pipeline.store.latest(url)
    assert latest is not None and latest.revision == 2 and latest.state == "translated"
    assert "大幅" in json.dumps(latest.article, ensure_ascii=False)
    # refreshing again with nothing changed adds nothing
    assert pipeline.run(refresh=True, publish=False).done["revised"] == 0
    pipeline.close()


def test_the_reprint_is_skipped_as_a_duplicate(workspace: Path):
    pipeline = pipeline_over(RECORDED, workspace)
    report = pipeline.run(publish=False)
    assert report.skipped == {"duplicate": 1}
    (row,) = pipeline.store.rows(State.SKIPPED)
    assert row.page is not None and row.page["final_url"].endswith("/news/2026/11/1043.html")
    assert "content_7741_2.htm" in (row.last_error or "")
    pipeline.close()


def test_an_epaper_day_without_an_edition_is_not_a_failure():
    script = Script()
    script.on("/bgrb/html/2026-11/27/node_1.htm", Answer(200, b'<a href="content_1_1.htm">a</a>'))
    with serve(script) as base:
        config = next(s for s in load_sources(ROOT / "config/sources.toml") if s.kind == "epaper")
        config = config.model_copy(update={"index_url": base + "/bgrb/html/{date:%Y-%m}/{date:%d}/node_1.htm"})
        settings = FetchSettings(delay=0)
        urls = build_source(config).discover(Fetcher(build_client(settings), settings),
                                             [date(2026, 11, 27), date(2026, 11, 28)])
    assert urls == [f"{base}/bgrb/html/2026-11/27/content_1_1.htm"]


def test_source_config_base_rejects_bad_ids():
    with pytest.raises(ValueError):
        SourceConfig(id="Bad Id!", kind="listing", outlet_zh="甲", outlet_en="A")


def test_a_dead_engine_stops_being_called_and_nothing_is_lost(workspace: Path):
    pipeline, report, requests = dead_google_run()
    assert requests == 3  # three articles tried, then the engine is taken to be down
    assert report.failures[-1].subject == "engine google"
    assert "4 article(s) left for the next run" in report.failures[-1].error
    counts = pipeline.store.counts()
    assert sum(c.get("failed", 0) for c in counts.values()) == 3
    assert sum(c.get("extracted", 0) for c in counts.values()) == 4
    assert pipeline.store.requeue_failed() == 3
    pipeline.close()
    # an engine answers again (here: the offline one): the next run translates all seven
    pipeline = Pipeline.from_settings(load_settings(Path("config/demo.toml")))
    assert pipeline.run(publish=False).done["translated"] == 7
    pipeline.close()


def test_the_fallback_engine_translates_when_the_first_is_down(workspace: Path):
    pipeline, report, requests = dead_google_run("gloss")
    assert report.ok and report.done["translated"] == 7
    assert requests == 3
    drafts = [row.draft for row in pipeline.store.rows(State.TRANSLATED)]
    assert {d["engine"] for d in drafts if d} == {"gloss"}
    pipeline.close()
