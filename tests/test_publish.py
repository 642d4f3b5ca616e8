"""Every registered publisher: attribution complete, source text escaped, re-publishing overwrites."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import registry
from pipeline.config import PublishSettings
from pipeline.models import SHANGHAI, Attribution
from pipeline.publish import EnglishArticle, build_publishers

HOSTILE = '<script>alert("x")</script> Baotou *output* [rose](javascript:x) & fell'


def english(headline: str = "Baotou rare earth output rises") -> EnglishArticle:
    return EnglishArticle(
        article_id=7, headline=headline,
        paragraphs=["Output rose 12% year on year.", HOSTILE],
        attribution=Attribution(
            outlet_zh="包钢日报", outlet_en="Baogang Daily",
            url="http://epaper.baogangdaily.example/bgrb/html/2026-11/27/content_7741_1.htm",
            original_headline="包钢稀土产量增长<b>12%</b>",
            published_at=datetime(2026, 11, 27, 9, 30, tzinfo=SHANGHAI),
            engine="gloss", engine_label="offline word-by-word gloss (not a translation)",
            reviewer="Li Ming", translated_by="Acme Analytics"),
        engine_label="offline word-by-word gloss (not a translation)", source_id="baogang-daily")


@pytest.fixture(params=sorted(registry.PUBLISHERS))
def publisher(request, tmp_path: Path):
    (built,) = build_publishers(PublishSettings(publishers=[request.param], out_dir=tmp_path))
    return built


def test_attribution_block_is_complete(publisher):
    (path,) = publisher.publish(english())
    text = Path(path).read_text(encoding="utf-8")
    for needed in ("Baogang Daily", "包钢日报", "包钢稀土产量增长", "27 November 2026",
                   "http://epaper.baogangdaily.example/bgrb/html/2026-11/27/content_7741_1.htm",
                   "gloss", "not a translation", "Li Ming", "Translated and reported by Acme Analytics"):
        assert needed in text, needed


def test_source_text_cannot_inject_markup(publisher):
    (path,) = publisher.publish(english(headline="<img src=x onerror=alert(1)>"))
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("---\n"):  # YAML front matter holds data, not markup: check the body
        text = text.split("\n---\n", 1)[1]
    assert "<script>" not in text and "<img" not in text and "<b>12%</b>" not in text
    assert "alert" in text  # escaped, not dropped


def test_publishing_twice_overwrites_and_keeps_the_name(publisher, tmp_path: Path):
    (first,) = publisher.publish(english())
    (second,) = publisher.publish(english(headline="Edited headline"))
    assert first == second
    assert "Edited headline" in Path(second).read_text(encoding="utf-8")
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 1 and not files[0].name.startswith(".")


def test_file_names_are_safe_slugs(publisher):
    article = english()
    article = EnglishArticle(**{**article.__dict__, "source_id": "../../etc/passwd"})
    (path,) = publisher.publish(article)
    name = Path(path).name
    assert name.startswith("2026-11-27-etc-passwd-") and "/" not in name
    assert Path(path).resolve().is_relative_to(publisher.out_dir.resolve())


def test_markdown_front_matter_is_valid_yaml(tmp_path: Path):
    import yaml

    (md,) = build_publishers(PublishSettings(publishers=["markdown"], out_dir=tmp_path))
    (path,) = md.publish(english(headline='Title: with "quotes" and # hash'))
    front = Path(path).read_text(encoding="utf-8").split("---\n")[1]
    data = yaml.safe_load(front)
    assert data["title"] == 'Title: with "quotes" and # hash'
    assert data["source"]["outlet_zh"] == "包钢日报"
    assert data["reviewer"] == "Li Ming"


@given(source_id=st.text(max_size=40), url=st.text(max_size=200))
def test_slugs_are_always_safe_and_stable(source_id: str, url: str):
    base = english()
    article = EnglishArticle(**{**base.__dict__, "source_id": source_id,
                                "attribution": base.attribution.model_copy(update={"url": url})})
    slug = article.slug
    assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+-[0-9a-f]{10}", slug)
    assert slug == EnglishArticle(**article.__dict__).slug


def test_images_are_published_with_english_captions_and_credit(publisher):
    article = EnglishArticle(**{**english().__dict__, "figures": (
        ("http://epaper.baogangdaily.example/res/1.jpg", "Workers inspect the <extraction> tanks"),
        ("javascript:alert(1)", "A hostile image"))})
    (path,) = publisher.publish(article)
    text = Path(path).read_text(encoding="utf-8")
    assert "http://epaper.baogangdaily.example/res/1.jpg" in text
    assert "extraction" in text and "<extraction>" not in text
    assert "(Photo: Baogang Daily)" in text
    assert "javascript:alert" not in text and "A hostile image" in text
