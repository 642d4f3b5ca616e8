"""Find the article's headline (not the site name, not the ``<title>`` suffix)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from pipeline.extract.dom import Element, text_of
from pipeline.extract.flow import Block, TextIndex
from pipeline.extract.text import fold, normalise

_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|——|－|\s[-–—]\s|·\s|：：)\s*")


_SEGMENT_START = re.compile(r"[_|｜:：\-–—\s\]】)）]+")


def strip_site_suffix(page_title: str) -> str:
    """``"标题_新闻中心_新浪网"`` → ``"标题"``: the first long-enough segment."""
    parts = [p for p in _SEPARATORS.split(page_title) if p and p.strip()]
    if not parts:
        return page_title.strip()
    for part in parts:
        if len(fold(part)) >= 4:
            return part.strip()
    return parts[0].strip()


def heading_texts(headings: Iterable[Element]) -> list[str]:
    """Texts of headings and of elements whose class or id says "title"."""
    found: list[str] = []
    for el in itertools.islice(headings, 200):
        text = normalise(text_of(el))
        if 4 <= len(text) <= 120:
            found.append(text)
    return found


def find_title(headings: Iterable[Element], page_title: str, meta: dict[str, str],
               index: TextIndex | None = None) -> tuple[str | None, bool]:
    """The headline, and whether the page confirms it.

    The headline is the longest heading, or short text line, that the
    ``<title>`` contains (confirmed), else the ``<title>`` minus its site suffix
    (not confirmed: e-paper pages title every page with the paper's name).
    """
    page_title = normalise(page_title)
    og = normalise(meta.get("og:title", "") or meta.get("title", ""))
    reference = page_title or og
    ref_key = fold(reference)
    texts = heading_texts(headings)
    if not ref_key:
        return next((t for t in texts if len(fold(t)) >= 4), None), False
    if index is not None:
        texts.extend(_lines_from(reference, index))
    best = ""
    for text in texts:
        key = fold(text)
        if len(key) >= 4 and key in ref_key and len(text) > len(best):
            best = text
    stripped = strip_site_suffix(reference)
    if fold(best) == ref_key:  # the <title> itself, repeated in the page
        return stripped or None, True
    if best and len(fold(best)) >= max(4, len(fold(stripped)) // 2):
        return best, True
    return stripped or None, False


def _lines_from(reference: str, index: TextIndex) -> list[str]:
    """Short page lines that may be a part of ``reference`` (the ``<title>``): lines
    holding the first characters of the title or of one of its segments."""
    starts = {0} | {m.end() for m in _SEGMENT_START.finditer(reference)}
    lines: list[str] = []
    for start in sorted(starts):
        probe = reference[start: start + 4]
        if len(probe) == 4:
            lines.extend(index.texts[i] for i in index.blocks_with(probe)
                         if len(index.texts[i]) <= len(reference) + 8)
    return lines


def heading_before(window: list[Block], headings: Iterable[Element]) -> str | None:
    """The longest heading-like line in ``window`` (the blocks around the top of the
    body): the headline when ``<title>`` is no help."""
    marked = set(headings)
    found = [b.text for b in window
             if b.owner in marked and 4 <= b.chars <= 80
             and not b.text.endswith(("。", "！", "？", "：", ":"))]
    return max(found, key=len, default=None)
