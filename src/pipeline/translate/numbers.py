"""Chinese number forms → English: 1.2万吨 → 12,000 tonnes, 3.5亿元 → 350 million yuan."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万亿|亿|万)?")
_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "万亿": Decimal(10) ** 12}


def _plain(value: Decimal) -> str:
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def english_number(digits: str, unit: str | None) -> str:
    """``("1.2", "万")`` → ``"12,000"``; ``("3.5", "亿")`` → ``"350 million"``."""
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return digits
    if not unit:
        return digits
    value *= _SCALE[unit]
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
                       (Decimal(10) ** 6, "million")):
        if value >= size:
            return f"{_plain(value / size)} {word}"
    return _plain(value)


def numbers_in(text: str) -> list[str]:
    """The numbers of ``text`` in English form, for QA comparison."""
    return [english_number(m.group(1), m.group(2)) for m in NUMBER.finditer(text)]
