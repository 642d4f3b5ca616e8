"""QA checks on one translated segment. Each returns flags a reviewer sees."""

from __future__ import annotations

import re

from pipeline.translate.glossary import Glossary
from pipeline.translate.numbers import NUMBER, numbers_in

_CJK = re.compile(r"[\u3400-\u9fff]")


def check(source: str, target: str, glossary: Glossary) -> tuple[str, ...]:
    """Flags: ``empty``, ``untranslated``, ``number:<n>``, ``term:<English>``, ``length``."""
    if not source.strip():
        return ()
    if not target.strip():
        return ("empty",)
    flags: list[str] = []
    if _CJK.search(target):
        flags.append("untranslated")
    plain = target.replace(",", "")
    for number in numbers_in(source):
        if number.replace(",", "") not in plain:
            flags.append(f"number:{number}")
    lowered = target.lower()
    numbers = [m.span() for m in NUMBER.finditer(source)]
    for start, end, zh in glossary.find(source):
        if any(a <= start and end <= b for a, b in numbers):
            continue  # 亿 in 286.4亿 is part of a number, checked as one
        term = glossary.terms[zh]
        if term.lower() not in lowered and f"term:{term}" not in flags:
            flags.append(f"term:{term}")
    cjk = len(_CJK.findall(source))
    if cjk >= 10 and not 0.8 <= len(target) / cjk <= 12:
        flags.append("length")
    return tuple(flags)
