"""Parse the many ways Chinese pages write a publication date.

``2025年6月8日``, ``2025-06-08 20:41``, ``2025/6/8 20:41:05``, ``2025.06.08``,
``06月08日 20:41`` (year taken from a hint such as the URL), ISO 8601 from
``<meta>`` tags, the ``9/17/2004 5:54:13 AM`` that ASP and .NET sites print
(month first, as their US locale does), each optionally behind a label
(``发布时间：``). All results are timezone-aware in Asia/Shanghai; an explicit
offset is converted.
"""

from __future__ import annotations

import re
from datetime import datetime

from pipeline.models import SHANGHAI

_FULL = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年|-|/|\.|／)\s*(\d{1,2})\s*(?:月|-|/|\.|／)\s*(\d{1,2})"
    r"(?!\d)\s*日?(?:\s*(?:T|\s)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?!\d)"
    r"(?:\s*[:：分]\s*(\d{1,2})(?!\d))?)?"
)
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_MONTH_DAY = re.compile(
    r"(?<!\d)(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[:：时](\d{1,2})(?!\d)(?:[:：分](\d{1,2}))?)?"
)
#: Month/day/year, as US-locale servers print it: "9/17/2004 5:54:13 AM". A first
#: number above 12 can only be the day ("17/9/2004").
_US = re.compile(
    r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?!\d)|(?<!\d)((?:19|20)\d{2})[-/_]?(\d{2})/"
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def _build(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
           second: int = 0) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=SHANGHAI)
    except ValueError:
        return None


def parse_date(text: str, year_hint: int | None = None) -> datetime | None:
    """The first date (with time, when given) in ``text``, or None."""
    text = text.strip()
    if _ISO.match(text):
        try:
            iso = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:  # well-formed but impossible, e.g. hour 25
            return None
        return iso.astimezone(SHANGHAI) if iso.tzinfo else iso.replace(tzinfo=SHANGHAI)
    match = _FULL.search(text)
    if match:
        parts = [int(g) if g else 0 for g in match.groups()]
        found = _build(*parts)
        if found:
            return found
    match = _US.search(text) if "/" in text else None
    if match:
        return _us_date(match)
    match = _MONTH_DAY.search(text)
    if match and year_hint:
        month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        return _build(year_hint, month, day, hour, minute, second)
    return None


def _us_date(match: re.Match[str]) -> datetime | None:
    first, second, year, hour, minute, second_of_minute = (
        int(g) if g else 0 for g in match.groups()[:6])
    month, day = (second, first) if first > 12 else (first, second)
    meridiem = (match.group(7) or "").lower()
    if meridiem and not 1 <= hour <= 12:
        return None
    if meridiem == "p" and hour != 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return _build(year, month, day, hour, minute, second_of_minute)


def has_time(text: str) -> bool:
    match = _FULL.search(text)
    if match:
        return bool(match.group(4))
    match = _US.search(text) if "/" in text else None  # has_time runs on every body block
    return bool(match and match.group(4))


def date_from_url(url: str | None) -> datetime | None:
    """A date written in a URL path (``/2025/06/08/``, ``/20250608/``, ``/2025-06/08/``)."""
    if not url:
        return None
    for match in _URL_DATE.finditer(url):
        if match.group(1):
            found = _build(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found:
                return found
    return None


def year_from_url(url: str | None) -> int | None:
    if not url:
        return None
    match = re.search(r"(?<!\d)((?:19|20)\d{2})(?:[-/_]?\d{2})", url)
    return int(match.group(1)) if match else None
