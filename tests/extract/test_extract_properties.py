"""Property tests: generated and mutated pages.

* whatever the input, the outcome is an Extraction, ExtractionError or NotAnArticle;
* what comes out is clean (normalised whitespace, no empty paragraphs, Shanghai time);
* an article wrapped in navigation and related-link boilerplate comes back exactly;
* extraction is a fixpoint: a page rebuilt from an extraction extracts to the same text.
"""

from __future__ import annotations

from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import ExtractionError, NotAnArticle
from pipeline.extract import Extraction, extract_html

WORDS = ("稀土", "产业", "今年", "同比", "增长", "企业", "市场", "项目", "包头", "技术", "永磁",
         "材料", "产值", "投资", "生产", "发展", "政府", "工人", "新能源", "汽车", "出口", "价格")
TAGS = ("div", "p", "span", "a", "table", "tr", "td", "ul", "li", "b", "font", "h1", "br", "img")

sentences = st.lists(st.sampled_from(WORDS), min_size=4, max_size=14).map(
    lambda words: "，".join("".join(words[i:i + 3]) for i in range(0, len(words), 3)) + "。"
)
paragraphs = st.lists(sentences, min_size=1, max_size=3).map("".join)
# Articles long enough to be articles (shorter bodies are NotAnArticle by design).
articles = st.lists(paragraphs, min_size=2, max_size=8).filter(lambda a: sum(map(len, a)) >= 60)
link_texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map("".join)


@st.composite
def tag_soup(draw: st.DrawFn, depth: int = 0) -> str:
    """Random, often malformed, HTML: unclosed and stray tags, text, junk characters."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        choice = draw(st.integers(0, 9))
        if choice < 3:
            parts.append(draw(st.text(min_size=0, max_size=40)))
        elif choice < 5:
            parts.append(draw(paragraphs))
        elif choice < 8 and depth < 4:
            tag = draw(st.sampled_from(TAGS))
            inner = draw(tag_soup(depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", "</div>"]))
            parts.append(f"<{tag}>{inner}{close}")
        else:
            parts.append(draw(st.sampled_from(["<", ">", "&", "&#0;", "<!--", "-->", "<![CDATA[",
                                               "\x00", "\ufeff", "\ud800", "</", "<p<p>"])))
    return "".join(parts)


def page(article: list[str], nav: list[str], related: list[str], title: str = "稀土产业新闻") -> str:
    navigation = " | ".join(f'<a href="/c/{i}">{escape(t)}</a>' for i, t in enumerate(nav))
    links = "".join(f'<li><a href="/r/{i}.html">{escape(t)}</a></li>' for i, t in enumerate(related))
    body = "".join(f"<p>{escape(p)}</p>" for p in article)
    return (f"<html><head><title>{title}_北疆产业网</title></head><body>"
            f'<div class="nav">{navigation}</div>'
            f'<div class="main"><h1>{title}</h1><div class="info">2026-11-27 09:30 来源：包头日报</div>'
            f'<div class="content">{body}</div></div>'
            f'<div class="related"><h3>相关新闻</h3><ul>{links}</ul></div>'
            f'<div class="footer">版权所有 北疆产业网</div></body></html>')


def outcome(html: str) -> Extraction | None:
    try:
        return extract_html(html, url="http://www.example.cn/2026/11/27/a.html")
    except (ExtractionError, NotAnArticle):
        return None


def assert_clean(extraction: Extraction) -> None:
    assert extraction.paragraphs
    for text in (*extraction.paragraphs, extraction.title or "x"):
        assert text and text == text.strip()
        assert "\n" not in text and "  " not in text and "\t" not in text
    if extraction.published_at is not None:
        assert extraction.published_at.utcoffset() is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tag_soup())
def test_generated_tag_soup_has_a_clear_outcome(html: str) -> None:
    result = outcome(html)
    if result is not None:
        assert_clean(result)


@settings(max_examples=200, deadline=None)
@given(articles, st.lists(link_texts, max_size=12), st.lists(link_texts, max_size=12))
def test_the_article_comes_back_exactly_from_its_template(
    article: list[str], nav: list[str], related: list[str]
) -> None:
    result = extract_html(page(article, nav, related))
    assert result.paragraphs == tuple(article)
    assert result.title == "稀土产业新闻"
    assert result.source == "包头日报"


@settings(max_examples=300, deadline=None)
@given(articles, st.data())
def test_mutated_pages_have_a_clear_outcome(article: list[str], data: st.DataObject) -> None:
    html = page(article, ["首页", "新闻"], ["相关一", "相关二"])
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(html)))
        end = data.draw(st.integers(start, min(len(html), start + 200)))
        mutation = data.draw(st.sampled_from(["cut", "delete", "insert", "duplicate"]))
        if mutation == "cut":
            html = html[:start]
        elif mutation == "delete":
            html = html[:start] + html[end:]
        elif mutation == "insert":
            html = html[:start] + data.draw(tag_soup()) + html[start:]
        else:
            html = html[:end] + html[start:end] + html[end:]
    result = outcome(html)
    if result is not None:
        assert_clean(result)


@settings(max_examples=200, deadline=None)
@given(articles)
def test_extraction_is_a_fixpoint(article: list[str]) -> None:
    first = extract_html(page(article, ["首页"], ["相关"]))
    second = extract_html(page(list(first.paragraphs), ["首页"], ["相关"], first.title or ""))
    assert second.paragraphs == first.paragraphs
    assert second.title == first.title
