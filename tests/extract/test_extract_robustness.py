"""Hostile input ends in ExtractionError or NotAnArticle: never a crash, a hang or a RecursionError."""

from __future__ import annotations

import random

import pytest

from pipeline.errors import ExtractionError, NotAnArticle
from pipeline.extract import Extraction, extract_html

PARAGRAPH = "<p>今年前十个月，全国新能源汽车销量同比增长百分之三十，创历史新高，市场渗透率持续提升。</p>"


def outcome(html: str) -> Extraction | str:
    """The extraction, or the name of the pipeline outcome it raised."""
    try:
        return extract_html(html, url="http://www.example.cn/a.html")
    except (ExtractionError, NotAnArticle) as exc:
        return type(exc).__name__


@pytest.mark.parametrize("html", ["", "   \n\t ", "\u3000\u3000"])
def test_empty_documents_are_not_articles(html: str) -> None:
    assert outcome(html) == "NotAnArticle"


def test_binary_junk_is_refused_cleanly() -> None:
    junk = random.Random(7).randbytes(50_000)
    assert outcome(junk.decode("latin-1")) in ("ExtractionError", "NotAnArticle")
    assert outcome(junk.decode("gb18030", errors="replace")) in ("ExtractionError", "NotAnArticle")
    assert outcome("\x00\x01\x02\x03" * 1000) in ("ExtractionError", "NotAnArticle")


def test_bytes_instead_of_text_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        extract_html(b"<html></html>")  # type: ignore[arg-type]


def test_lone_surrogates_and_control_characters_do_not_break_parsing() -> None:
    html = f"<html><body><div>{PARAGRAPH * 3}\ud800\x0b\x1f</div></body></html>"
    result = outcome(html)
    assert isinstance(result, Extraction)
    assert len(result.paragraphs) == 3


def test_ten_thousand_deep_nesting_is_not_a_recursion_error() -> None:
    html = "<html><body>" + "<div>" * 10_000 + PARAGRAPH * 3 + "</div>" * 10_000 + "</body></html>"
    assert outcome(html) in ("NotAnArticle",) or isinstance(outcome(html), Extraction)


def test_deep_nesting_of_unclosed_inline_tags() -> None:
    html = "<html><body><div>" + "<b><i><a href=x>" * 5_000 + PARAGRAPH * 3 + "</div></body></html>"
    assert outcome(html) in ("NotAnArticle", "ExtractionError") or isinstance(outcome(html), Extraction)


def test_a_twenty_megabyte_page_is_extracted() -> None:
    filler = '<div class="nav">' + '<a href="/x">导航链接</a>' * 50 + "</div>"
    half = filler * (10_000_000 // len(filler) + 1)
    html = f"<html><body>{half}<div class='content'>{PARAGRAPH * 20}</div>{half}</body></html>"
    assert len(html) > 20_000_000
    result = outcome(html)
    assert isinstance(result, Extraction)
    assert len(result.paragraphs) == 20


def test_one_huge_text_node_is_not_a_hang() -> None:
    html = "<html><body><p>" + "稀土产业，" * 600_000 + "</p></body></html>"  # 9 MB of UTF-8
    result = outcome(html)
    assert isinstance(result, Extraction)
    assert len(result.paragraphs) == 1


def test_a_text_node_beyond_the_parser_limit_is_not_an_article() -> None:
    # libxml2 refuses text nodes over 10 MB unless "huge" mode is on; we keep its limits.
    html = "<html><body><p>" + "稀土产业，" * 4_000_000 + "</p></body></html>"
    assert outcome(html) == "NotAnArticle"


def test_thousands_of_related_news_markers_inside_the_article_are_not_a_hang() -> None:
    html = "<html><body><div>" + (PARAGRAPH + "<p>相关新闻</p>") * 20_000 + "</div></body></html>"
    result = outcome(html)
    assert isinstance(result, Extraction)
    assert len(result.paragraphs) > 10_000  # it stops once what follows is mostly markers


@pytest.mark.parametrize("html", [
    "<html><body><p>未闭合的段落，内容很多很多很多很多很多很多很多很多很多很多很多很多很多很多。<div><span>",
    "</div></p></body></html>" * 100,
    "<html><head><title>标题</title></head></html>",
    "<?xml version='1.0' encoding='gb2312'?><html><body>" + PARAGRAPH * 3 + "</body></html>",
    "<!-- only a comment -->",
    "<html><body><script>var a = '<p>不是正文，是脚本里的字符串，不能被当成文章内容，绝对不能。</p>';</script></body></html>",
])
def test_malformed_html_gets_a_clear_outcome(html: str) -> None:
    result = outcome(html)
    assert result in ("ExtractionError", "NotAnArticle") or isinstance(result, Extraction)
    if isinstance(result, Extraction):
        assert "脚本" not in result.body
