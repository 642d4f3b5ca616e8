"""Linearise a tree into text blocks and score every element on the way.

One iterative walk (``etree.iterwalk``, no Python recursion) turns the tree into
the sequence of *blocks* a reader sees: runs of text between block-level
boundaries, plus images. Each block gets a content score in the spirit of
CETD/GNE (long, punctuated, unlinked text scores high; link text and tiny
fragments score below zero) and every element accumulates the scores of the
blocks it holds, so the best article container is the element with the
highest subtree score (a maximum-subtree search).

This walk is the extractor's hot loop: it touches every element of the page,
so it is written as one flat loop over local variables.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from lxml import etree

from pipeline.extract.text import PUNCT_RE, punct_count

Element = Any  # lxml.etree._Element; lxml ships no type stubs

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "title",
})
#: Elements that are never the article container (inline or too small).
_NOT_CONTAINERS = frozenset({
    "a", "br", "hr", "img", "html", "head", "title", "b", "strong", "em", "i", "u", "h1", "h2",
    "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "thead", "tfoot", "th", "span", "font",
    "small", "big", "sup", "sub", "label", "abbr", "cite", "code", "s", "strike", "ins", "del",
    "nobr", "wbr", "q", "var", "tt", "mark", "time",
})
IMAGE_SCORE = -8.0
_HEADING_TAGS = frozenset({"h1", "h2", "h3"})
_CAPTION_HINT = re.compile(
    r"caption|pic_?txt|pic-txt|pictext|img_?desc|img-desc|pic_?note|picintro|tuzhu|"
    r"pic_?title|img_?txt|photo_?txt", re.IGNORECASE)
_TITLE_HINT = re.compile(r"title|headline|biaoti|heading", re.IGNORECASE)
#: A cheap, case-sensitive first look before the two searches above.
_ANY_HINT = re.compile(r"[Tt]itle|TITLE|[Cc]aption|[Pp]ic|PIC|[Ii]mg|[Pp]hoto|[Hh]ead|biaoti|tuzhu")
#: Elements never checked for hiding styles (the common, small ones: checking
#: their attributes would cost more than it finds) ...
_NO_ATTRS = frozenset({"a", "img", "br", "hr", "li", "tr", "tbody", "i", "em", "b", "strong", "u"})
#: ... and for caption or title class names.
_NO_HINTS = _NO_ATTRS | {"ul", "ol", "dl", "table"}

# Tag kinds, as bits, so the walk does one dict lookup per element.
_BLOCK, _CONTAINER, _LINK, _IMG, _HEADING, _FIGCAPTION, _HINTED, _ATTRS, _SKIP = (
    1 << n for n in range(9))
_SPECIAL = _BLOCK | _LINK | _IMG | _HEADING | _FIGCAPTION | _SKIP
#: Never text a reader sees: skipped by the walk, subtree and all (their tails are read).
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "svg",
    "canvas", "template", "input", "textarea", "select", "option", "button", "audio", "video",
    "map", "link", "meta",
})


def _kind(tag: str) -> int:
    if tag in SKIP_TAGS:
        return _SKIP
    kind = 0 if tag in _NOT_CONTAINERS else _CONTAINER
    kind |= _BLOCK if tag in BLOCK_TAGS else 0
    kind |= _LINK if tag == "a" else _IMG if tag == "img" else 0
    kind |= _HEADING if tag in _HEADING_TAGS else _FIGCAPTION if tag == "figcaption" else 0
    kind |= 0 if tag in _NO_ATTRS else _ATTRS
    return kind | (0 if tag in _NO_HINTS else _HINTED)


_KINDS = {tag: _kind(tag) for tag in BLOCK_TAGS | _NOT_CONTAINERS | _NO_HINTS | SKIP_TAGS}
_DEFAULT_KIND = _CONTAINER | _HINTED | _ATTRS  # the kind of any other tag
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class Block(NamedTuple):
    """A run of text between block boundaries, or an image (``img`` set, ``text`` empty).

    A named tuple because the walk makes one per line of the page: built with
    ``tuple.__new__`` it costs a third of a dataclass.
    """

    text: str
    chars: int
    link_chars: int
    punct: int
    owner: Element  # the innermost block-level element holding the text
    img: Element | None = None
    caption: bool = False  # inside <figcaption> or another caption element
    score: float = 0.0

    @property
    def link_ratio(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


class Candidate(NamedTuple):
    """An element that could be the article container, with its blocks' summed score."""

    element: Element
    score: float
    first: int  # index of the first block inside the element
    end: int  # one past the last block inside it


@dataclass(slots=True)
class Flow:
    blocks: list[Block] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    headings: list[Element] = field(default_factory=list)  # h1-h3, class or id "title"


def _prose(text: str) -> bool:
    """Long punctuated text is prose even inside an ``<a>`` (unclosed anchors are common)."""
    return len(text) >= 40 and punct_count(text) >= 2


def _hinted(el: Element, hint: str, captions: set[Element], headings: list[Element]) -> None:
    if _CAPTION_HINT.search(hint):
        captions.add(el)
    if _TITLE_HINT.search(hint):
        headings.append(el)


def linearise(root: Element) -> Flow:
    """Walk ``root`` once; return its blocks and the score of every positive container.

    Scripts, styles, form controls and hidden elements (``display:none``,
    ``hidden``) are skipped; text inside ``<figcaption>`` or a caption-like
    class/id is flagged as caption; headings are collected for the title finder.
    One function on purpose: splitting it would add calls to every element.
    """
    flow = Flow()
    blocks, candidates, headings = flow.blocks, flow.candidates, flow.headings
    pieces: list[str] = []
    linked: list[str] = []
    scores: list[float] = [0.0]  # per open container: summed block scores so far
    firsts: list[int] = [0]  # per open container: index of its first block
    owners: list[Element] = [root]  # open block-level elements
    captions: set[Element] = set()  # open caption elements
    skipped: set[Element] = set()  # hidden elements whose subtree was skipped
    link_depth = 0
    walker = etree.iterwalk(root, events=("start", "end"))

    def flush() -> None:
        # A block's score: its unlinked characters, plus 8 per punctuation mark (at most
        # one per two characters), minus 2.5 per linked character, minus 8 per block;
        # pure link text scores -2 per character - 8. Inlined: this runs for every line.
        words = (pieces[0] if len(pieces) == 1 else "".join(pieces)).split()
        pieces.clear()
        link_chars = len("".join("".join(linked).split())) if linked else 0
        linked.clear()
        if not words:
            return
        text = " ".join(words)
        chars = len(text) - len(words) + 1
        plain = chars - link_chars
        if plain <= 0:  # pure link text (most blocks of a portal page)
            link_chars = chars
            punct = 0
            score = -2.0 * chars - 8.0
        else:
            punct = len(find_punct(text))
            score = plain + 8.0 * min(punct, plain // 2 + 1) - 2.5 * link_chars - 8.0
        blocks.append(new_block(Block, (text, chars, link_chars, punct, owners[-1], None,
                                        bool(captions), score)))
        scores[-1] += score

    # Globals and methods as locals: this loop runs twice per element of the page.
    kinds, default_kind = _KINDS.get, _DEFAULT_KIND
    block_, link_, img_, heading_, figcaption_, hinted_, attrs_, container_, special_, skip_ = (
        _BLOCK, _LINK, _IMG, _HEADING, _FIGCAPTION, _HINTED, _ATTRS, _CONTAINER, _SPECIAL, _SKIP)
    end_work = _BLOCK | _LINK | _CONTAINER
    any_hint, hidden_style = _ANY_HINT.search, _HIDDEN.search
    add_piece, add_linked = pieces.append, linked.append
    find_punct = PUNCT_RE.findall
    seen: dict[str, bool] = {}  # class/id strings repeat: test each once per page
    new_block = tuple.__new__
    open_kinds: list[int] = []  # the kind of every open element: no second tag lookup at its end
    for event, el in walker:
        if event == "start":
            kind = kinds(el.tag, default_kind)
            if kind & attrs_ and el.keys():
                style = el.get("style")
                if ((style and ("none" in style or "hidden" in style) and hidden_style(style))
                        or el.get("hidden") is not None):
                    walker.skip_subtree()
                    skipped.add(el)
                    continue
                if kind & hinted_:
                    hint = el.get("class")
                    ident = el.get("id")
                    if ident:
                        hint = f"{hint} {ident}" if hint else ident
                    if hint and (seen[hint] if hint in seen else seen.setdefault(
                            hint, any_hint(hint) is not None)):
                        _hinted(el, hint, captions, headings)
            if kind & special_:
                if kind & link_:
                    open_kinds.append(kind)
                    link_depth += 1
                    text = el.text
                    if text:
                        if pieces or not text.isspace():
                            add_piece(text)
                        if len(text) < 40 or punct_count(text) < 2:  # see _prose
                            add_linked(text)
                    continue
                if kind & skip_:
                    walker.skip_subtree()
                    skipped.add(el)
                    continue
                if kind & heading_:
                    headings.append(el)
                elif kind & figcaption_:
                    captions.add(el)
                if kind & block_:
                    if pieces:
                        flush()
                    owners.append(el)
                elif kind & img_:
                    if pieces:
                        flush()
                    blocks.append(new_block(Block, ("", 0, 0, 0, owners[-1], el, False,
                                                    IMAGE_SCORE)))
                    scores[-1] += IMAGE_SCORE
            if kind & container_:
                scores.append(0.0)
                firsts.append(len(blocks))
            open_kinds.append(kind)
            text = el.text
        elif skipped and el in skipped:
            skipped.discard(el)
            text = el.tail
        else:
            kind = open_kinds.pop()
            if kind & end_work:
                if kind & block_:
                    if pieces:
                        flush()
                    owners.pop()
                elif kind & link_:
                    link_depth -= 1
                if kind & container_:
                    score = scores.pop()
                    first = firsts.pop()
                    scores[-1] += score
                    if score > 0:
                        candidates.append(new_block(Candidate, (el, score, first, len(blocks))))
            if captions:
                captions.discard(el)
            text = el.tail
        if text:
            if pieces or not text.isspace():
                add_piece(text)
            if link_depth and not _prose(text):
                add_linked(text)
    if pieces:
        flush()
    return flow


class TextIndex:
    """All block texts joined into one string, to find a phrase's blocks at C speed."""

    def __init__(self, blocks: list[Block]) -> None:
        texts = list(map(_TEXT, blocks))
        self.texts = texts
        self.joined = "\n".join(texts)
        # start offset of block i in ``joined``: its predecessors' lengths plus separators
        self.starts = list(map(operator.add, itertools.accumulate(map(len, texts), initial=0),
                               range(len(texts) + 1)))

    def blocks_with(self, phrase: str, limit: int = 8) -> list[int]:
        """Indexes of (up to ``limit``) blocks whose text contains ``phrase``."""
        found: list[int] = []
        position = self.joined.find(phrase)
        while position >= 0 and len(found) < limit:
            index = bisect.bisect_right(self.starts, position) - 1
            if not found or found[-1] != index:
                found.append(index)
            position = self.joined.find(phrase, position + 1)
        return found


_TEXT = operator.attrgetter("text")
