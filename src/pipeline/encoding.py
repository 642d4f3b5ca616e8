"""Decode HTML bytes the way a Chinese reader's browser would.

Chinese pages often declare ``gb2312`` while using characters only GBK or
GB18030 has, declare nothing at all, or declare ``gb2312`` while actually being
UTF-8. httpx (and the WHATWG-less stdlib codecs) then decode them wrongly. The
rules, in order:

1. a byte-order mark wins;
2. bytes that are valid UTF-8 are UTF-8 (legacy GB text is rarely valid
   UTF-8, so this catches pages that lie about being gb2312), unless a legacy
   charset is declared and its reading has more CJK text (a few GB bytes can be
   valid UTF-8 by accident: 一 in GB18030 is Cyrillic һ in UTF-8);
3. the charset the HTTP header or the page's ``<meta>`` declares, with the GB
   family widened to its superset GB18030 and big5 to Big5-HKSCS;
4. GB18030, then Big5-HKSCS, strictly;
5. the declared (or GB18030) codec with undecodable bytes replaced, so a page
   with a few broken bytes still yields its text.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-:.]+)", re.IGNORECASE)

# Superset codecs: what a browser really uses for a declared label.
_WIDEN = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "cp936": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}


def normalise_charset(label: str | None) -> str | None:
    """Return the Python codec name a browser would use for ``label``, or None."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WIDEN.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _WIDEN.get(name, name)


def declared_charset(raw: bytes, content_type: str | None = None) -> str | None:
    """The charset the HTTP header, else the page's first ``<meta>``, declares."""
    if content_type:
        header = _HEADER_CHARSET.search(content_type)
        found = normalise_charset(header.group(1)) if header else None
        if found:
            return found
    meta = _META_CHARSET.search(raw[:8192])
    if meta:
        return normalise_charset(meta.group(1).decode("ascii", "ignore"))
    return None


def _cjk_share(text: str) -> float:
    """Share of CJK ideographs and punctuation among the non-ASCII characters."""
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return 1.0
    return sum(1 for ch in wide if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef") / len(wide)


def decode_html(raw: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode ``raw`` HTML; return ``(text, codec name used)``."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace"), codec.replace("-sig", "")
    declared = declared_charset(raw, content_type)
    try:
        as_utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared in (None, "utf-8") or _cjk_share(as_utf8) >= 0.5:
            return as_utf8, "utf-8"
        try:  # short legacy text can be valid UTF-8 by accident: keep the likelier reading
            as_declared = raw.decode(declared)
        except UnicodeDecodeError:
            return as_utf8, "utf-8"
        if _cjk_share(as_declared) > _cjk_share(as_utf8):
            return as_declared, declared
        return as_utf8, "utf-8"
    candidates = [c for c in (declared, "gb18030", "big5hkscs") if c and c != "utf-8"]
    for codec in dict.fromkeys(candidates):
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError:
            continue
    fallback = declared if declared and declared != "utf-8" else "gb18030"
    return raw.decode(fallback, errors="replace"), fallback
