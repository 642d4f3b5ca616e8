"""The CLI end to end on the demo config, checked as a reader and an operator would."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import filelock
import pytest
from tests.conftest import cli

MOJIBAKE = re.compile("[\ufffd]|锟斤拷|Ã.|â€|ï¼")
TAG = re.compile(r"<[a-zA-Z/][^>]*>")
CJK = re.compile(r"[\u4e00-\u9fff]")


def demo(cwd: Path) -> None:
    cli("run", cwd=cwd)
    cli("review", "approve", "--all", "--reviewer", "demo", cwd=cwd)
    cli("publish", cwd=cwd)


def published(cwd: Path) -> dict[str, bytes]:
    return {str(p.relative_to(cwd)): p.read_bytes() for p in sorted((cwd / "out").rglob("*")) if p.is_file()}


def states(cwd: Path) -> dict[str, int]:
    return json.loads(cli("status", "--json", cwd=cwd).stdout)["counts"]


def test_demo_publishes_attributed_english_articles(workspace: Path):
    demo(workspace)
    files = sorted((workspace / "out/markdown").glob("*.md"))
    assert len(files) >= 5
    assert len(list((workspace / "out/html").glob("*.html"))) == len(files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1]  # after the YAML front matter
        english, attribution = body.rsplit("\n---\n", 1)
        assert not TAG.search(english), path
        assert not MOJIBAKE.search(text), path
        words = re.findall(r"[A-Za-z]{3,}", english)
        assert len(words) > 60, path  # English prose, not a stub
        assert len(CJK.findall(english)) < len(english) // 50, path
        for needed in ("Source: ", "Original headline: ", "Published: ", "Original article: http",
                       "Engine: gloss (offline word-by-word gloss (not a translation))",
                       "Reviewed by: demo", "Translated and reported by the zh-news-pipeline demo desk"):
            assert needed in attribution, (path, needed)
        assert "not a translation" in english  # the gloss is labelled where it appears


def test_second_demo_changes_nothing(workspace: Path):
    demo(workspace)
    before = published(workspace)
    counts = states(workspace)
    mtimes = {p: (workspace / p).stat().st_mtime_ns for p in before}
    run = cli("run", cwd=workspace)
    assert "this run: nothing new" in run.stdout
    cli("review", "approve", "--all", "--reviewer", "demo", cwd=workspace)
    cli("publish", cwd=workspace)
    assert published(workspace) == before
    assert {p: (workspace / p).stat().st_mtime_ns for p in before} == mtimes
    assert states(workspace) == counts
    assert counts == {"baogang-daily": {"published": 5},
                      "reindustry": {"published": 2, "skipped": 1}}


def test_a_second_run_while_one_holds_the_lock_exits_75(workspace: Path):
    lock = filelock.FileLock(str(workspace / "data/demo.lock"))
    (workspace / "data").mkdir()
    with lock:
        proc = cli("run", cwd=workspace, check=75)
    assert "another run holds the lock" in proc.stderr
    cli("run", cwd=workspace, check=0)


def test_a_failing_source_fails_the_run_but_not_the_others(workspace: Path):
    with (workspace / "config/sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[sources]]\nid = "gone"\nkind = "listing"\noutlet_zh = "某网"\n'
                 'outlet_en = "Gone Net"\nlisting_urls = ["https://gone.example/news/"]\n')
    proc = cli("run", cwd=workspace, check=1)
    assert "FAILED at discover: gone" in proc.stdout
    assert states(workspace)["baogang-daily"] == {"translated": 5}


def test_json_logs_under_cron(workspace: Path):
    with (workspace / "config/sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[sources]]\nid = "gone"\nkind = "listing"\noutlet_zh = "某网"\n'
                 'outlet_en = "Gone Net"\nlisting_urls = ["https://gone.example/news/"]\n')
    proc = cli("--log-format", "json", "run", cwd=workspace, check=1)
    records = [json.loads(line) for line in proc.stderr.splitlines()]
    assert any(r["level"] == "warning" and "gone" in r["msg"] for r in records)


def test_review_edit_reaches_the_published_article_and_reject_keeps_it_out(workspace: Path):
    cli("run", cwd=workspace)
    shown = cli("review", "show", "1", cwd=workspace).stdout
    assert "[h]" in shown and "包钢集团" in shown
    assert "glossary: 包钢集团 = Baogang Group" in shown  # the terms a translator must keep
    cli("review", "edit", "1", "h", "Baogang rare-earth revenue up 18.6% in ten months",
        "--reviewer", "li", cwd=workspace)
    cli("review", "reject", "2", "--note", "duplicate of wire copy", cwd=workspace)
    bad = cli("review", "edit", "1", "p99.s9", "x", cwd=workspace, check=1)
    assert "no segment 'p99.s9'" in bad.stderr
    cli("review", "approve", "--all", "--reviewer", "li", cwd=workspace)
    cli("publish", cwd=workspace)
    texts = [p.read_text(encoding="utf-8") for p in (workspace / "out/markdown").glob("*.md")]
    assert sum("# Baogang rare-earth revenue up 18.6% in ten months" in t for t in texts) == 1
    assert not any("content_7741_2.htm" in t for t in texts)  # the rejected one
    assert len(texts) == 6  # 7 drafts, one rejected


def test_review_commands_name_what_is_missing(workspace: Path):
    cli("run", cwd=workspace)
    assert "article 99: no such article" in cli("review", "show", "99", cwd=workspace, check=1).stderr
    assert "give an article id or --all" in cli("review", "approve", "--reviewer", "x",
                                                 cwd=workspace, check=2).stderr


def test_fetch_one_url_prints_an_english_draft_without_touching_the_store(workspace: Path):
    url = "http://epaper.baogangdaily.example/bgrb/html/2026-11/27/content_7741_3.htm"
    proc = cli("fetch", url, cwd=workspace)
    assert proc.stdout.startswith("# ")
    assert "Bayan Obo" in proc.stdout and "Source: Baogang Daily (包钢日报)" in proc.stdout
    assert not (workspace / "data").exists()
    as_json = json.loads(cli("fetch", url, "--json", cwd=workspace).stdout)
    assert as_json["segments"][0]["id"] == "h"
    cli("fetch", url, "--save", cwd=workspace)
    assert states(workspace) == {"baogang-daily": {"translated": 1}}


def test_fetch_works_in_a_folder_without_any_config(tmp_path: Path):
    from tests.conftest import RECORDED

    url = "https://www.reindustry.example/news/2026/11/1041.html"
    proc = cli("fetch", url, cwd=tmp_path, env={"PIPELINE_CONFIG": "",
                                                "PIPELINE_FETCH__REPLAY_DIR": str(RECORDED)})
    assert "Source: www.reindustry.example" in proc.stdout  # no source configured: the host
    assert "Original article: https://www.reindustry.example/news/2026/11/1041.html" in proc.stdout
    assert "Baotou" in proc.stdout  # the English draft of the export report
    assert list(tmp_path.iterdir()) == []


def test_fetch_of_an_unrecorded_url_is_one_clear_error(workspace: Path):
    proc = cli("fetch", "https://nowhere.example/a.html", cwd=workspace, check=1)
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("pipeline: error: https://nowhere.example/a.html: no recording in ")


def test_extract_prints_the_fields_the_scorer_reads(workspace: Path):
    from tests.conftest import RECORDED

    page = RECORDED / "reindustry/news/2026/11/1041.html"
    data = json.loads(cli("extract", str(page), "--json", cwd=workspace).stdout)
    assert set(data) >= {"title", "body", "date", "author", "source", "editor", "paragraphs", "images"}
    assert data["source"] == "包头日报" and data["date"].startswith("2026-11-26T15:42")
    text = cli("extract", str(page), "--format", "text", cwd=workspace).stdout
    assert text.strip() == data["body"]


def test_publish_repeated_after_a_crash_rewrites_and_never_duplicates(workspace: Path):
    demo(workspace)
    before = published(workspace)
    # A crash after the files were written but before the state was committed:
    with sqlite3.connect(workspace / "data/demo.db") as db:
        db.execute("UPDATE articles SET state = 'approved' WHERE state = 'published'")
    out = cli("publish", cwd=workspace).stdout
    assert "published 7 article(s)" in out
    assert published(workspace) == before


@pytest.mark.slow
def test_runs_killed_at_any_moment_lose_nothing(workspace: Path):
    """kill -9 a real run at several points; the next runs finish the work exactly once."""
    env = {"PIPELINE_FETCH__DELAY": "0.15"}
    # a reviewer's edit made before the crashes must survive them
    cli("fetch", "http://epaper.baogangdaily.example/bgrb/html/2026-11/27/content_7741_1.htm",
        "--save", cwd=workspace)
    cli("review", "edit", "1", "h", "Reviewed headline", "--reviewer", "li", cwd=workspace)
    killed_in = set()
    for delay in (0.6, 1.2, 1.8, 2.4, 3.0, 3.8, 4.6):
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run"], cwd=workspace,
                                env={**os.environ, "PIPELINE_CONFIG": "config/demo.toml", **env},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_in.add(json.dumps(states(workspace), sort_keys=True))
        proc.wait()
    assert len(killed_in) >= 3, "the kills should land in different stages"
    final = cli("run", cwd=workspace, env=env)
    assert "FAILED" not in final.stdout
    counts = states(workspace)
    assert counts == {"baogang-daily": {"in_review": 1, "translated": 4},
                      "reindustry": {"translated": 2, "skipped": 1}}
    with sqlite3.connect(workspace / "data/demo.db") as db:
        urls = [u for (u,) in db.execute("SELECT url FROM articles")]
        assert len(urls) == len(set(urls)) == 8
        (count,) = db.execute("SELECT count(*) FROM review_events WHERE action='edit'").fetchone()
        assert count == 1
    assert "Reviewed headline" in cli("review", "show", "1", cwd=workspace).stdout
    demo(workspace)
    assert len(list((workspace / "out/markdown").glob("*.md"))) == 7
