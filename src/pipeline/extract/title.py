"""Find the article's headline (not the site name, not the ``<title>`` suffix)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html

from pipeline.extract.text import fold, normalise

_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|——|－|\s[-–—]\s|·\s|：：)\s*")
_TITLE_HINT = re.compile(r"title|headline|tit\b|biaoti|bt\b|heading", re.IGNORECASE)


def strip_site_suffix(page_title: str) -> str:
    """``"标题_新闻中心_新浪网"`` → ``"标题"``: the first long-enough segment."""
    parts = [p for p in _SEPARATORS.split(page_title) if p and p.strip()]
    if not parts:
        return page_title.strip()
    for part in parts:
        if len(fold(part)) >= 4:
            return part.strip()
    return parts[0].strip()


def heading_candidates(root: lxml.html.HtmlElement) -> list[str]:
    """Texts of headings and of elements whose class or id says "title"."""
    found: list[str] = []
    for el in root.iter("h1", "h2", "h3", "div", "p", "span", "td", "strong", "font", "b"):
        tag = el.tag
        if tag in ("h1", "h2", "h3") or _TITLE_HINT.search(
            (el.get("class") or "") + " " + (el.get("id") or "")
        ):
            text = normalise(el.text_content())
            if 4 <= len(text) <= 120:
                found.append(text)
        if len(found) >= 200:
            break
    return found


def find_title(root: lxml.html.HtmlElement, page_title: str, meta: dict[str, str],
               lines: Iterable[str] = ()) -> str | None:
    """The headline: the longest heading or short text line that the ``<title>``
    contains, else the ``<title>`` minus its site suffix."""
    page_title = normalise(page_title)
    og = normalise(meta.get("og:title", "") or meta.get("title", ""))
    reference = page_title or og
    ref_key = fold(reference)
    headings = heading_candidates(root)
    headings.extend(line for line in lines if 4 <= len(line) <= 100)
    if ref_key:
        best = ""
        for text in headings:
            key = fold(text)
            if len(key) >= 4 and key in ref_key and len(text) > len(best):
                best = text
        stripped = strip_site_suffix(reference)
        if fold(best) == ref_key:  # the <title> itself, repeated in the page
            return stripped or None
        if best and len(fold(best)) >= max(4, len(fold(stripped)) // 2):
            return best
        return stripped or None
    for text in headings:
        if len(fold(text)) >= 4:
            return text
    return None
