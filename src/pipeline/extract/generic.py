"""The generic article finder for Chinese news pages.

1. Every element's blocks are scored (:mod:`pipeline.extract.flow`); the best
   container is the element with the highest subtree score, with a bonus for
   containers that hold or directly follow the headline: Chinese templates put
   the body right under the title and its dateline, while the prose-rich
   competitors (summary lists, comment boxes) sit elsewhere.
2. When that container is a single paragraph, the template has no common
   body element: templates without one (paragraphs directly in a table
   cell among navigation) are handled by extending the chosen block range to
   the neighbouring blocks while that raises the summed score (a bounded
   maximum-subarray step).
3. The blocks above the range are the page *header*, where metadata lines live.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.flow import Block, Candidate, Element, Flow, TextIndex, linearise
from pipeline.extract.text import fold

#: How many blocks above the body are searched for metadata lines.
HEADER_BLOCKS = 40
#: Candidates starting this close to the headline block get the title bonus.
TITLE_WINDOW = (-3, 8)
TITLE_BONUS = 2.0
#: An extension stops once the running sum falls this far below its best.
EXTEND_SLACK = 100.0
#: How many of the best candidates are checked for being teaser listings.
MAX_TRIES = 12


#: How many blocks below the body are searched for source and editor lines.
FOOTER_BLOCKS = 12


@dataclass(slots=True)
class Found:
    blocks: list[Block]
    header: list[Block]
    footer: list[Block]


def title_block(flow: Flow, index: TextIndex, title: str | None) -> int | None:
    """Index of the block that repeats the headline, if any."""
    if not title:
        return None
    key = fold(title)
    if len(key) < 4:
        return None
    for found in index.blocks_with(title[:6]):
        if fold(flow.blocks[found].text) == key:
            return found
    return None


_TEASER_END = ("……", "...", "…", "。。。")


def is_listing(blocks: list[Block]) -> bool:
    """Whether most prose blocks are teasers ("……"-ended summaries of other articles)."""
    prose = teasers = 0
    for block in blocks:
        if block.score > 0 and block.punct and block.chars >= 20:
            prose += 1
            teasers += block.text.endswith(_TEASER_END)
    return teasers >= 2 and teasers >= 0.5 * prose


def best_candidate(flow: Flow, title_at: int | None) -> tuple[Candidate, float] | None:
    """The highest-scoring candidate that is not a listing of teasers."""
    ranked: list[tuple[float, int]] = []
    low, high = TITLE_WINDOW
    for index, cand in enumerate(flow.candidates):
        score = cand.score
        if title_at is not None and low <= cand.first - title_at <= high:
            score *= TITLE_BONUS
        ranked.append((score, index))
    ranked.sort(reverse=True)
    for score, index in ranked[:MAX_TRIES]:
        cand = flow.candidates[index]
        if not is_listing(flow.blocks[cand.first:cand.end]):
            return cand, score
    return None


def parent_range(flow: Flow, cand: Candidate) -> tuple[int, int]:
    """Block range of the nearest recorded ancestor of ``cand``'s element."""
    spans = {c.element: (c.first, c.end) for c in flow.candidates}
    el = cand.element.getparent()
    while el is not None:
        if el in spans:
            return spans[el]
        el = el.getparent()
    return 0, len(flow.blocks)


def extend(blocks: list[Block], first: int, end: int, limit: tuple[int, int]) -> tuple[int, int]:
    """Grow ``[first, end)`` within ``limit`` while the summed block score rises."""
    running = best = 0.0
    new_end = end
    for index in range(end, limit[1]):
        running += blocks[index].score
        if running > best:
            best, new_end = running, index + 1
        elif running < best - EXTEND_SLACK:
            break
    running = best = 0.0
    new_first = first
    for index in range(first - 1, limit[0] - 1, -1):
        running += blocks[index].score
        if running > best:
            best, new_first = running, index
        elif running < best - EXTEND_SLACK:
            break
    return new_first, new_end


def page_flow(root: Element) -> Flow:
    body = root.find("body")
    return linearise(body if body is not None else root)


def find_article(flow: Flow, index: TextIndex, title: str | None) -> Found | None:
    """The article blocks of the page's ``flow`` and the header above them, or None."""
    best = best_candidate(flow, title_block(flow, index, title))
    if best is None or best[1] <= 0:
        return None
    cand = best[0]
    first, end = cand.first, cand.end
    if end - first <= 2 or cand.element.tag in ("p", "span", "font"):
        first, end = extend(flow.blocks, first, end, parent_range(flow, cand))
    header = flow.blocks[max(0, first - HEADER_BLOCKS): first]
    if (first, end) != (cand.first, cand.end) and is_listing(flow.blocks[first:end]):
        return None
    footer = flow.blocks[end: end + FOOTER_BLOCKS]
    return Found(flow.blocks[first:end], header, footer)
