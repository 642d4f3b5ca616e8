"""Parse HTML text into an lxml tree, safely; small tree helpers.

libxml2 does the parsing: it is fast, repairs tag soup and caps nesting depth
(content nested deeper than 256 levels is cut off, so neither lxml nor our
iterative walks can be driven into deep recursion). Nothing is removed from the
tree here: scripts, styles and hidden elements are skipped by the one walk in
:mod:`.flow`, which is cheaper than a cleaning pass.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from lxml import etree

from pipeline.errors import ExtractionError, NotAnArticle
from pipeline.extract.text import strip_controls

#: Pages above this many characters are refused rather than parsed.
MAX_CHARS = 40_000_000

Element = Any  # lxml.etree._Element; lxml ships no type stubs


def parse(html: str, subject: str | None = None) -> Element:
    """Parse ``html`` into an lxml tree; raise ExtractionError or NotAnArticle."""
    if not isinstance(html, str):
        raise ExtractionError(f"expected HTML text, got {type(html).__name__}", subject=subject)
    if len(html) > MAX_CHARS:
        raise ExtractionError(f"page too large ({len(html):,} characters)", subject=subject)
    if not html or html.isspace():  # (not .strip(): that copies the page)
        raise NotAnArticle("empty document", subject=subject)
    if "\x00" in html:  # libxml2 replaces other invalid characters itself
        html = strip_controls(html)
    data = html.encode("utf-8", errors="replace")
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractionError(f"cannot parse HTML: {exc}", subject=subject) from exc
    if root is None:
        raise ExtractionError("cannot parse HTML: no document", subject=subject)
    return root


def text_of(el: Element) -> str:
    """All text inside ``el`` (not its tail)."""
    return str(etree.tostring(el, method="text", encoding=str, with_tail=False))


def head_meta(root: Element) -> dict[str, str]:
    """``<meta name|property|itemprop=... content=...>`` values, lower-cased keys, first wins."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def page_title(root: Element) -> str:
    title = root.find(".//title")
    return text_of(title) if title is not None else ""


def drop_tree(el: Element) -> None:
    """Remove ``el`` and its content but keep its tail text (lxml.html's ``drop_tree``)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def remove_matching(root: Element, selectors: tuple[str, ...]) -> None:
    """Drop every element matching one of the CSS ``selectors``."""
    for selector in selectors:
        for el in select(root, selector):
            drop_tree(el)


def select(root: Element, selector: str) -> list[Element]:
    """CSS selection; a selector that cannot be compiled is an ExtractionError."""
    return [el for el in _compiled(selector)(root) if isinstance(el.tag, str)]


@functools.lru_cache(maxsize=256)
def _compiled(selector: str) -> Callable[[Element], list[Element]]:
    """A compiled CSS selector (compiling costs more than matching; sources reuse theirs)."""
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        return CSSSelector(selector)
    except (SelectorError, SyntaxError) as exc:
        raise ExtractionError(f"invalid CSS selector {selector!r}: {exc}") from exc
