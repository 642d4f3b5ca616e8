"""Small string helpers shared by the extractor modules."""

from __future__ import annotations

import re
import unicodedata

WS_RE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_VISIBLE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff]")
#: Sentence punctuation, full and half width: its density marks running prose.
PUNCT_RE = re.compile(r"[，。！？；、：,!?;“”「」『』…]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def normalise(text: str) -> str:
    """Collapse whitespace runs (including ideographic and zero-width space) to one space."""
    return WS_RE.sub(" ", text).strip()


def visible_len(text: str) -> int:
    """Number of non-whitespace characters."""
    return len(_VISIBLE.findall(text))


def punct_count(text: str) -> int:
    """Number of sentence punctuation marks (commas, full stops, quotes...)."""
    return len(PUNCT_RE.findall(text))


def strip_controls(text: str) -> str:
    """Remove characters libxml2 refuses (NUL, C0 controls, non-characters)."""
    return _CONTROL.sub("", text)


_NON_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """A comparison key: NFKC, lower case, letters and digits only."""
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", text).lower())


#: The most frequent Chinese characters (simplified; most are also traditional forms).
#: Real prose draws a good share of its characters from them; binary junk decoded
#: as GB18030 or Big5 does not.
COMMON_HAN = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
    "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实"
    "加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样"
    "与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情"
    "者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级"
    "少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色"
    "光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再"
    "采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马"
    "节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须"
    "际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准"
    "精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火"
    "住调满县局照参红细引听该铁价严龙飞們這個國會時來說後對於學發過還麼當經與為無點體沒開現"
)
_NOT_HAN = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")
_NOT_COMMON_HAN = re.compile("[^" + "".join(sorted(COMMON_HAN)) + "]+")
_LATIN = re.compile(r"[A-Za-z0-9]")


def looks_like_language(text: str, sample: int = 500) -> bool:
    """Whether ``text`` reads as Chinese (or Latin-script) prose rather than decoded junk."""
    text = text[:sample]
    han = len(_NOT_HAN.sub("", text))
    if han >= 20:
        return len(_NOT_COMMON_HAN.sub("", text)) >= 0.15 * han
    return len(_LATIN.findall(text)) >= 0.5 * visible_len(text)
