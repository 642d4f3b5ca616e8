"""Linearise a tree into text blocks and score every element on the way.

One iterative walk (``etree.iterwalk``, no Python recursion) turns the tree into
the sequence of *blocks* a reader sees: runs of text between block-level
boundaries, plus images. Each block gets a content score in the spirit of
CETD/GNE (long, punctuated, unlinked text scores high; link text and tiny
fragments score below zero) and every element accumulates the scores of the
blocks it holds, so the best article container is the element with the
highest subtree score (a maximum-subtree search).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from pipeline.extract.text import normalise, punct_count, visible_len

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "title",
})
_NOT_CONTAINERS = frozenset({"a", "br", "hr", "img", "html", "head", "title", "b", "strong",
                             "em", "i", "u", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt",
                             "dd", "tr", "thead", "tfoot", "th"})


@dataclass(slots=True)
class Block:
    """A run of text between block boundaries, or an image (``img`` set, ``text`` empty)."""

    text: str
    chars: int
    link_chars: int
    punct: int
    owner: lxml.html.HtmlElement
    img: lxml.html.HtmlElement | None = None
    caption: bool = False  # inside <figcaption> or another caption element
    score: float = 0.0

    @property
    def link_ratio(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


@dataclass(slots=True)
class Candidate:
    element: lxml.html.HtmlElement
    score: float
    first: int  # index of the first block inside the element
    end: int  # one past the last block inside it


@dataclass(slots=True)
class Flow:
    blocks: list[Block] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


def block_score(chars: int, link_chars: int, punct: int) -> float:
    """Content score of one block: prose up, links and fragments down."""
    text = chars - link_chars
    if text <= 0:
        return -2.0 * link_chars - 8.0
    return text + 8.0 * min(punct, text // 2 + 1) - 2.5 * link_chars - 8.0


class _Walker:
    def __init__(self) -> None:
        self.flow = Flow()
        self.pieces: list[str] = []
        self.link_chars = 0
        self.link_depth = 0
        self.caption_depth = 0
        self.stack: list[list[object]] = []  # [element, score, first_block]
        self.owners: list[lxml.html.HtmlElement] = []

    def text(self, value: str | None) -> None:
        if value:
            self.pieces.append(value)
            if self.link_depth and not _prose(value):
                self.link_chars += visible_len(value)

    def flush(self) -> None:
        if not self.pieces:
            return
        text = normalise("".join(self.pieces))
        self.pieces = []
        link_chars, self.link_chars = self.link_chars, 0
        if not text:
            return
        chars = visible_len(text)
        punct = punct_count(text)
        link_chars = min(link_chars, chars)
        owner = self.owners[-1] if self.owners else None
        if owner is None:
            return
        score = block_score(chars, link_chars, punct)
        self.flow.blocks.append(
            Block(text, chars, link_chars, punct, owner, None, self.caption_depth > 0, score)
        )
        if self.stack:
            self.stack[-1][1] = float(self.stack[-1][1]) + score  # type: ignore[arg-type]

    def start(self, el: lxml.html.HtmlElement) -> None:
        tag = el.tag
        if tag in BLOCK_TAGS:
            self.flush()
            self.owners.append(el)
        elif tag == "img":
            self.flush()
            owner = self.owners[-1] if self.owners else el
            self.flow.blocks.append(Block("", 0, 0, 0, owner, img=el, score=-8.0))
        if tag == "a":
            self.link_depth += 1
        if tag == "figcaption" or _is_caption_class(el):
            self.caption_depth += 1
        self.stack.append([el, 0.0, len(self.flow.blocks)])
        self.text(el.text)

    def end(self, el: lxml.html.HtmlElement) -> None:
        tag = el.tag
        if tag in BLOCK_TAGS:
            self.flush()
            if self.owners and self.owners[-1] is el:
                self.owners.pop()
        if tag == "a":
            self.link_depth -= 1
        if tag == "figcaption" or _is_caption_class(el):
            self.caption_depth -= 1
        _, score, first = self.stack.pop()
        if self.stack:
            self.stack[-1][1] = float(self.stack[-1][1]) + float(score)  # type: ignore[arg-type]
        if tag not in _NOT_CONTAINERS:
            self.flow.candidates.append(
                Candidate(el, float(score), int(first), len(self.flow.blocks))  # type: ignore[call-overload]
            )
        self.text(el.tail)


def _prose(text: str) -> bool:
    """Long punctuated text is prose even inside an ``<a>`` (unclosed anchors are common)."""
    return len(text) >= 40 and punct_count(text) >= 2


_CAPTION_HINTS = ("caption", "pic_txt", "pictext", "pic-txt", "img_desc", "imgdesc",
                  "picnote", "pic_note", "img-desc", "image-caption", "picintro", "tuzhu")


def _is_caption_class(el: lxml.html.HtmlElement) -> bool:
    hint = (el.get("class") or "") + " " + (el.get("id") or "")
    if len(hint) < 4:
        return False
    hint = hint.lower()
    return any(h in hint for h in _CAPTION_HINTS)


def linearise(root: lxml.html.HtmlElement) -> Flow:
    """Walk ``root`` once; return its blocks and every container's score."""
    walker = _Walker()
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            walker.start(el)
        else:
            walker.end(el)
    walker.flush()
    return walker.flow
