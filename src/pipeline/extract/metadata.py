"""Publication date, reporter, source and editor, from wherever the page has them.

Order of trust for each field: the source's configured selector (its text may
still carry a label), then the page's own lines (the dateline above the body,
metadata lines inside it, the source and editor lines below it), then
``<meta>`` tags, then, for the date, the URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from pipeline.extract import dates, labels

_DATE_META = ("article:published_time", "publishdate", "pubdate", "publish_date",
              "og:release_date", "datepublished", "published_time", "firstpublishedtime",
              "dc.date.issued", "dc.date", "date", "lastmodifiedtime")
_AUTHOR_META = ("author", "article:author", "dc.creator")
_SOURCE_META = ("source", "article:source", "contentsource")
_DATE_LABEL = re.compile(r"时间|日期|時間|发布|發佈|发表|發表")
#: "As of" a date (截至2006年8月10日): when a count or a collection was taken, not
#: when the page was published.
_AS_OF = re.compile(r"(?:截至|截止|直至)\s*(?:到\s*)?(?:19|20)\d{2}")
#: A line that is nothing but a date: "2005年1月2日", "2022-02-11 星期五".
_DATE_ONLY = re.compile(r"[\d\s年月日号:：时分/\-.()（）]+(?:星期|周|週)?[一二三四五六日天]?[)）]?\s*")


def published_at(picked: str | None, meta: dict[str, str], lines: Sequence[str],
                 tail: Sequence[str], url: str | None) -> datetime | None:
    """The publication time: selector, ``<meta>``, page lines, URL, in that order; a
    date-only ``<meta>`` value yields to a page line giving the time of that day."""
    year = dates.year_from_url(url)
    if picked and (found := dates.parse_date(picked, year)):
        return found
    from_meta = next((found for key in _DATE_META if key in meta
                      and (found := dates.parse_date(meta[key], year))), None)
    from_page = next((found for line in _by_date_likelihood(lines, tail)
                      if not _AS_OF.search(line) and (found := dates.parse_date(line, year))),
                     None)
    if from_meta and from_page and from_meta.date() == from_page.date():
        return from_page if (from_meta.hour, from_meta.minute) == (0, 0) else from_meta
    return from_meta or from_page or dates.date_from_url(url)


def body_lines(paragraphs: Sequence[str]) -> list[str]:
    """Metadata lines the body kept as text: a bare date line under the headline, a
    reporter line a few paragraphs down (under a subtitle or a photo caption), and
    a blog's or forum's "posted by" line (``本贴由大卫于2005年8月12日16:12:21发表``),
    which holds the post's time."""
    found = [p for p in paragraphs[:3] if len(p) <= 30 and _DATE_ONLY.fullmatch(p)
             and dates.parse_date(p)]
    found += [p for p in paragraphs[2:4] if len(p) <= 40 and labels.parse_author(p)]
    found += [p for p in paragraphs if "由" in p and len(p) <= 80 and labels.parse_poster(p)
              and dates.parse_date(p)]
    return found


def _by_date_likelihood(lines: Sequence[str], tail: Sequence[str]) -> Iterable[str]:
    """Lines with a time, then lines with a date label, then the rest; then the
    lines below the body that have a time (blogs date their posts at the foot)."""
    yield from (line for line in lines if dates.has_time(line))
    yield from (line for line in lines if _DATE_LABEL.search(line))
    yield from lines
    yield from (line for line in tail if dates.has_time(line))


def labelled(picked: str | None, parser: Callable[[str], str | None], lines: Iterable[str],
             meta: dict[str, str] | None = None, meta_keys: tuple[str, ...] = (),
             meta_check: Callable[[str], str | None] | None = None) -> str | None:
    """The value ``parser`` finds in the selected text, else in ``lines``, else in
    ``<meta>`` (passed through ``meta_check``, which may reject it)."""
    if picked:
        return parser(picked) or picked
    for line in lines:
        if (value := parser(line)) is not None:
            return value
    for key in meta_keys:
        value = (meta or {}).get(key, "")[:60]
        if value and (meta_check is None or (value := meta_check(value) or "")):
            return value
    return None


def author(picked: str | None, lines: Sequence[str], meta: dict[str, str],
           last_paragraph: str = "") -> str | None:
    """Reporters from labelled lines, else the user who posted a blog entry or forum
    post, else a closing byline, else ``<meta>``."""
    found = labelled(picked, labels.parse_author, lines)
    if found is None:
        found = next((name for line in lines
                      if "由" in line and (name := labels.parse_poster(line))), None)
    if found is None and last_paragraph:
        found = labels.parse_byline(last_paragraph)
    return found or labelled(None, labels.parse_author, (), meta, _AUTHOR_META,
                             labels.names_only)


def source(picked: str | None, lines: Iterable[str], meta: dict[str, str]) -> str | None:
    return labelled(picked, labels.parse_source, lines, meta, _SOURCE_META)


def editor(picked: str | None, lines: Iterable[str]) -> str | None:
    return labelled(picked, labels.parse_editor, lines)
