"""``extract_html``: selectors first, the generic extractor for everything else."""

from __future__ import annotations

import logging
import re
from typing import Literal

from pipeline.errors import ExtractionError, NotAnArticle
from pipeline.extract import dom, metadata
from pipeline.extract.body import BodyParts, split_blocks
from pipeline.extract.flow import Block, Element, Flow, TextIndex, linearise
from pipeline.extract.generic import FOOTER_BLOCKS, HEADER_BLOCKS, find_article, page_flow
from pipeline.extract.result import Extraction
from pipeline.extract.text import looks_like_language, normalise
from pipeline.extract.title import find_title, heading_before
from pipeline.models import SiteSelectors

log = logging.getLogger(__name__)

#: A cheap first look: could this line hold a date, a source, a reporter or an editor?
_MAYBE_META = re.compile(
    r"\d{4}|\d月|来源|來源|稿源|出处|出處|记者|記者|作者|通讯员|通訊員|编|編|文\s*[/／:：]|撰文|采写|"
    r"实习生|實習生|时间|時間|日期"
).search
_NOT_FOUND = re.compile(r"404|页面不存在|頁面不存在|找不到|not found|页面已删除|无法访问|出错了", re.I)
#: Bodies shorter than this many visible characters are not articles.
MIN_BODY_CHARS = 30


def extract_html(html: str, url: str | None = None,
                 selectors: SiteSelectors | None = None) -> Extraction:
    """Extract the article of one page.

    Raises ExtractionError when the input cannot be parsed and NotAnArticle
    when the page holds no article (empty, index page, error page).
    """
    try:
        return _extract(html, url, selectors)
    except (ExtractionError, NotAnArticle):
        raise
    except (RecursionError, MemoryError) as exc:
        raise ExtractionError(f"page too complex to extract: {type(exc).__name__}",
                              subject=url) from exc
    except Exception as exc:  # a bug must not take the run down; it is reported per page
        log.exception("extractor failed on %s", url)
        raise ExtractionError(f"extractor failed: {type(exc).__name__}: {exc}",
                              subject=url) from exc


def _extract(html: str, url: str | None, selectors: SiteSelectors | None) -> Extraction:
    root = dom.parse(html, subject=url)
    meta = dom.head_meta(root)
    page_title = dom.page_title(root)
    picked = _selected_fields(root, selectors) if selectors else {}
    if selectors and selectors.drop:
        dom.remove_matching(root, selectors.drop)

    flow = page_flow(root)
    index = TextIndex(flow.blocks)
    title, confirmed = find_title(flow.headings, page_title, meta, index)
    selected = _selector_body(root, selectors) if selectors and selectors.body else None
    if selected is not None:
        blocks, body = selected
        header, footer = _around(flow, body)
    else:
        found = find_article(flow, index, picked.get("title") or title)
        if found is None:
            raise NotAnArticle("no article body found", subject=url)
        blocks, header, footer = found.blocks, found.header, found.footer
    if not confirmed:
        title = heading_before([*header[-8:], *blocks[:3]], flow.headings) or title
    title = picked.get("title") or title

    parts = split_blocks(blocks, title)
    if selected is None:
        _check_article(parts, page_title, url)
    elif not parts.paragraphs:
        raise NotAnArticle("the body selector matched no text", subject=url)
    return _result(title, parts, picked, meta, header, footer, url,
                   "generic" if selected is None else "selectors")


def _result(title: str | None, parts: BodyParts, picked: dict[str, str], meta: dict[str, str],
            header: list[Block], footer: list[Block], url: str | None,
            method: Literal["selectors", "generic"]) -> Extraction:
    lines = [b.text for b in header if b.chars <= 120 and _MAYBE_META(b.text)] + parts.meta_lines
    lines += metadata.body_lines(parts.paragraphs)
    tail = [b.text for b in footer if b.chars <= 60 and _MAYBE_META(b.text)]
    short_end = [p for p in parts.paragraphs[-2:] if len(p) <= 40]  # "新京报记者 彭冲 山东报道"
    return Extraction(
        title=title or None,
        published_at=metadata.published_at(picked.get("date"), meta, lines, tail, url),
        author=metadata.author(picked.get("author"), [*lines, *parts.paragraphs[:2], *short_end,
                                                      *tail], meta, parts.paragraphs[-1]),
        source=metadata.source(picked.get("source"), [*lines, *tail], meta),
        editor=metadata.editor(picked.get("editor"), [*lines, *parts.paragraphs[-2:], *tail]),
        paragraphs=tuple(parts.paragraphs),
        images=parts.image_models(url),
        method=method,
    )


def _check_article(parts: BodyParts, page_title: str, url: str | None) -> None:
    chars = sum(len(p) - p.count(" ") for p in parts.paragraphs)  # paragraphs are normalised
    if chars < MIN_BODY_CHARS:
        raise NotAnArticle(f"no article body found ({chars} characters)", subject=url)
    if not looks_like_language("".join(parts.paragraphs)):
        raise NotAnArticle("the text is not language (binary or symbol junk)", subject=url)
    if chars < 200 and _NOT_FOUND.search(page_title):
        raise NotAnArticle("error page", subject=url)


def _selected_fields(root: Element, selectors: SiteSelectors) -> dict[str, str]:
    picked: dict[str, str] = {}
    for name in ("title", "date", "author", "source", "editor"):
        selector = getattr(selectors, name)
        if not selector:
            continue
        for el in dom.select(root, selector):
            text = normalise(dom.text_of(el))
            if text:
                picked[name] = text
                break
    return picked


def _selector_body(root: Element,
                   selectors: SiteSelectors) -> tuple[list[Block], list[Element]] | None:
    """The blocks of the elements the body selector picks, or None if it picks no text."""
    assert selectors.body
    matches = _outermost(dom.select(root, selectors.body))
    if not matches:
        return None
    blocks = [b for el in matches for b in linearise(el).blocks]
    # sets of elements, not of id()s: holding the proxies keeps their identity stable
    wanted = {el for body in matches for el in dom.select(body, selectors.paragraphs)}
    if wanted:
        inside = [b for b in blocks if b.img is not None or b.caption or _within(b, wanted)]
        kept = sum(b.chars for b in inside if b.img is None)
        if kept >= 0.5 * sum(b.chars for b in blocks):
            blocks = inside
    if not any(b.chars for b in blocks):
        return None
    return blocks, matches


def _outermost(elements: list[Element]) -> list[Element]:
    """``elements`` without those nested inside another one of them."""
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]


def _around(flow: Flow, body: list[Element]) -> tuple[list[Block], list[Block]]:
    """The page's blocks above and below the selected body elements."""
    inside = {el for top in body for el in top.iter()}
    indexes = [i for i, b in enumerate(flow.blocks) if b.owner in inside]
    if not indexes:
        return [], []
    first, end = indexes[0], indexes[-1] + 1
    return (flow.blocks[max(0, first - HEADER_BLOCKS): first],
            flow.blocks[end: end + FOOTER_BLOCKS])


def _within(block: Block, wanted: set[Element]) -> bool:
    """Whether the block's element is one of ``wanted`` or inside one (64 levels up)."""
    el: Element | None = block.owner
    for _ in range(64):
        if el is None:
            return False
        if el in wanted:
            return True
        el = el.getparent()
    return False
