"""``extract_html``: selectors first, the generic extractor for everything else."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Literal

import lxml.html

from pipeline.errors import ExtractionError, NotAnArticle
from pipeline.extract import dates, dom, labels
from pipeline.extract.body import BodyParts, split_blocks
from pipeline.extract.flow import Block, linearise
from pipeline.extract.generic import find_article, page_flow
from pipeline.extract.result import Extraction
from pipeline.extract.text import normalise, visible_len
from pipeline.extract.title import find_title
from pipeline.models import SiteSelectors

log = logging.getLogger(__name__)

_DATE_META = ("article:published_time", "publishdate", "pubdate", "publish_date",
              "og:release_date", "datepublished", "published_time", "firstpublishedtime",
              "dc.date.issued", "dc.date", "date", "lastmodifiedtime")
_AUTHOR_META = ("author", "article:author", "dc.creator")
_SOURCE_META = ("source", "article:source", "contentsource", "mediaid")
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
    dom.clean(root)
    picked = _selected_fields(root, selectors) if selectors else {}
    if selectors and selectors.drop:
        dom.remove_matching(root, selectors.drop)

    method: Literal["selectors", "generic"] = "generic"
    header: list[Block] = []
    blocks = _selector_blocks(root, selectors) if selectors and selectors.body else None
    if blocks is not None:
        method = "selectors"
    flow = page_flow(root) if blocks is None else None
    lines = (b.text for b in flow.blocks if b.chars <= 100) if flow else ()
    title = picked.get("title") or find_title(root, page_title, meta, lines)
    if flow is not None:
        found = find_article(flow, title)
        if found is None:
            raise NotAnArticle("no article body found", subject=url)
        blocks, header = found.blocks, found.header
    parts = split_blocks(blocks, title, url)
    if method == "generic":
        _check_article(parts, page_title, url)
    elif not parts.paragraphs:
        raise NotAnArticle("the body selector matched no text", subject=url)
    lines = [b.text for b in header if b.chars <= 120] + parts.meta_lines
    return Extraction(
        title=title or None,
        published_at=_date(picked.get("date"), meta, lines, url),
        author=_labelled(picked.get("author"), labels.parse_author, lines, parts.paragraphs[:2],
                         meta, _AUTHOR_META),
        source=_labelled(picked.get("source"), labels.parse_source, lines, (), meta, _SOURCE_META),
        editor=_labelled(picked.get("editor"), labels.parse_editor, lines, parts.paragraphs[-2:],
                         {}, ()),
        paragraphs=tuple(parts.paragraphs),
        images=tuple(parts.images),
        method=method,
    )


def _check_article(parts: BodyParts, page_title: str, url: str | None) -> None:
    chars = sum(visible_len(p) for p in parts.paragraphs)
    if chars < MIN_BODY_CHARS:
        raise NotAnArticle(f"no article body found ({chars} characters)", subject=url)
    if chars < 200 and _NOT_FOUND.search(page_title):
        raise NotAnArticle("error page", subject=url)


def _selected_fields(root: lxml.html.HtmlElement, selectors: SiteSelectors) -> dict[str, str]:
    picked: dict[str, str] = {}
    for name in ("title", "date", "author", "source", "editor"):
        selector = getattr(selectors, name)
        if not selector:
            continue
        for el in dom.select(root, selector):
            text = normalise(el.text_content())
            if text:
                picked[name] = text
                break
    return picked


def _selector_blocks(root: lxml.html.HtmlElement, selectors: SiteSelectors) -> list[Block] | None:
    assert selectors.body
    matches = dom.select(root, selectors.body)
    if not matches:
        return None
    blocks = [b for el in matches for b in linearise(el).blocks]
    wanted = {id(el) for body in matches for el in dom.select(body, selectors.paragraphs)}
    if wanted:
        inside = [b for b in blocks if b.img is not None or b.caption or _within(b, wanted)]
        kept = sum(b.chars for b in inside if b.img is None)
        if kept >= 0.5 * sum(b.chars for b in blocks):
            blocks = inside
    if not any(b.chars for b in blocks):
        return None
    return blocks


def _within(block: Block, wanted: set[int]) -> bool:
    el: lxml.html.HtmlElement | None = block.owner
    for _ in range(64):
        if el is None:
            return False
        if id(el) in wanted:
            return True
        el = el.getparent()
    return False


def _date(picked: str | None, meta: dict[str, str], lines: list[str],
          url: str | None) -> datetime | None:
    year = dates.year_from_url(url)
    if picked and (found := dates.parse_date(picked, year)):
        return found
    for key in _DATE_META:
        if key in meta and (found := dates.parse_date(meta[key], year)):
            return found
    for line in _labelled_first(lines):
        if (found := dates.parse_date(line, year)) is not None:
            return found
    return dates.date_from_url(url)


def _labelled_first(lines: list[str]) -> Iterable[str]:
    """Lines with a time, then lines with a date label, then the rest."""
    yield from (line for line in lines if dates.has_time(line))
    yield from (line for line in lines if re.search(r"时间|日期|時間|发布|發佈", line))
    yield from lines


def _labelled(picked: str | None, parse: object, lines: list[str], extra: Iterable[str],
              meta: dict[str, str], meta_keys: tuple[str, ...]) -> str | None:
    parser = parse if callable(parse) else None
    assert parser is not None
    if picked:
        return parser(picked) or picked
    for line in [*lines, *extra]:
        if (value := parser(line)) is not None:
            return str(value)
    for key in meta_keys:
        if meta.get(key):
            return meta[key][:60]
    return None
