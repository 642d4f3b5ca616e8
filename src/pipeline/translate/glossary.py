"""Glossary terms: found by longest match, forced into every engine's output."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.config import GlossaryEntry


class Glossary:
    """Chinese → English terms. Longer terms win over the terms they contain."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.terms: dict[str, str] = {}
        for entry in entries:
            self.terms.setdefault(entry.zh, entry.en)
        ordered = sorted(self.terms, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping ``(start, end, zh)`` matches, longest first, left to right."""
        if self._pattern is None:
            return []
        return [(m.start(), m.end(), m.group()) for m in self._pattern.finditer(text)]

    def protect(self, text: str) -> str:
        """Put each term's English into ``text`` so a machine engine cannot mistranslate it."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: f" {self.terms[m.group()]} ", text)
