"""Parse HTML text into a cleaned lxml tree, safely.

libxml2 does the parsing: it is fast, repairs tag soup and caps nesting depth
(content nested deeper than 256 levels is cut off, so neither lxml nor our
iterative walks can be driven into deep recursion). Everything that is never
article text (scripts, styles, forms' controls, hidden elements) is removed
here, once, so later stages only see readable content.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from pipeline.errors import ExtractionError, NotAnArticle
from pipeline.extract.text import strip_controls

#: Pages above this many characters are refused rather than parsed.
MAX_CHARS = 40_000_000

_REMOVE = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "svg", "canvas", "template", "input", "textarea", "select", "option", "button",
    "audio", "video", "map", "link", "meta", etree.Comment, etree.ProcessingInstruction,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def parse(html: str, subject: str | None = None) -> lxml.html.HtmlElement:
    """Parse ``html`` into an lxml tree; raise ExtractionError or NotAnArticle."""
    if not isinstance(html, str):
        raise ExtractionError(f"expected HTML text, got {type(html).__name__}", subject=subject)
    if len(html) > MAX_CHARS:
        raise ExtractionError(f"page too large ({len(html):,} characters)", subject=subject)
    if not html.strip():
        raise NotAnArticle("empty document", subject=subject)
    data = strip_controls(html).encode("utf-8", errors="replace")
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractionError(f"cannot parse HTML: {exc}", subject=subject) from exc
    if root is None:
        raise ExtractionError("cannot parse HTML: no document", subject=subject)
    return root


def head_meta(root: lxml.html.HtmlElement) -> dict[str, str]:
    """``<meta name|property|itemprop=... content=...>`` values, lower-cased keys, first wins."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def page_title(root: lxml.html.HtmlElement) -> str:
    title = root.find(".//title")
    return (title.text_content() if title is not None else "") or ""


def clean(root: lxml.html.HtmlElement) -> None:
    """Remove non-content elements in place (after metadata has been read)."""
    etree.strip_elements(root, *_REMOVE, with_tail=False)
    hidden = [
        el for el in root.iter()
        if isinstance(el.tag, str)
        and (el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""))
    ]
    for el in hidden:
        if el.getparent() is not None:
            el.drop_tree()


def remove_matching(root: lxml.html.HtmlElement, selectors: tuple[str, ...]) -> None:
    """Drop every element matching one of the CSS ``selectors``."""
    for selector in selectors:
        for el in select(root, selector):
            if el.getparent() is not None:
                el.drop_tree()


def select(root: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    """CSS selection; a selector that cannot be compiled is an ExtractionError."""
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        compiled = CSSSelector(selector)
    except (SelectorError, SyntaxError) as exc:
        raise ExtractionError(f"invalid CSS selector {selector!r}: {exc}") from exc
    return [el for el in compiled(root) if isinstance(el.tag, str)]
