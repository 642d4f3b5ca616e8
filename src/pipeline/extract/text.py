"""Small string helpers shared by the extractor modules."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3400-\u9fff])")
_VISIBLE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff]")
#: Sentence punctuation, full and half width: its density marks running prose.
PUNCT = frozenset("，。！？；、：,.!?;“”\"「」『』（）()…—")
_PUNCT_RE = re.compile(r"[，。！？；、：,!?;“”「」『』…]")
_SENTENCE_END = frozenset("。！？!?…”」』.；;)）】]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def normalise(text: str) -> str:
    """Collapse whitespace runs (including ideographic and zero-width space) to one space."""
    return _WS.sub(" ", text).strip()


def visible_len(text: str) -> int:
    """Number of non-whitespace characters."""
    return len(_VISIBLE.findall(text))


def punct_count(text: str) -> int:
    """Number of sentence punctuation marks (commas, full stops, quotes...)."""
    return len(_PUNCT_RE.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in _SENTENCE_END


def strip_controls(text: str) -> str:
    """Remove characters libxml2 refuses (NUL, C0 controls, non-characters)."""
    return _CONTROL.sub("", text)


def fold(text: str) -> str:
    """A comparison key: NFKC, lower case, letters and digits only."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())
