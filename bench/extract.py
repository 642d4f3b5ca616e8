"""Extraction speed: our extractor against trafilatura, readability-lxml and a bare lxml parse.

    python bench/extract.py [SPLIT_DIR] [--rounds N] [--json FILE]

SPLIT_DIR defaults to ../shared/corpus/dev beside the repository (the eval split
is not for tuning, and speed is not measured on it either). Every contestant
gets the same decoded page text, in one process; after an untimed warm-up pass,
each round runs every contestant over all pages in turn, and a contestant's time
is the sum over pages of each page's best round (the least disturbed by the
machine). Decoding bytes to text
is done once, up front, and billed to nobody.

"bare parse" is ``lxml.html.document_fromstring`` alone: no extractor can be
faster than parsing the page, so it is the practical floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pipeline.encoding import decode_html  # noqa: E402
from pipeline.errors import ExtractionError, NotAnArticle  # noqa: E402
from pipeline.extract import extract_html  # noqa: E402

DEFAULT_SPLIT = ROOT.parent / "shared/corpus/dev"
#: Goals from the project's issue 3.
GOAL_VS_READABILITY = 2.0  # at least this many times readability-lxml's pages/s
GOAL_VS_PARSE = 3.0  # at most this many times the bare parse time


def ours(text: str) -> object:
    try:
        return extract_html(text)
    except (ExtractionError, NotAnArticle):
        return None


def bare_parse(text: str) -> object:
    import lxml.html

    return lxml.html.document_fromstring(text)


def trafilatura(text: str) -> object:
    import trafilatura as lib

    return lib.bare_extraction(text, with_metadata=True)


def readability(text: str) -> object:
    from readability import Document

    doc = Document(text)
    return doc.short_title(), doc.summary(html_partial=True)


CONTESTANTS: dict[str, Callable[[str], object]] = {
    "bare lxml parse": bare_parse,
    "ours": ours,
    "trafilatura": trafilatura,
    "readability-lxml": readability,
}


def load(split: Path) -> list[str]:
    pages = sorted(split.glob("*.html"))
    if not pages:
        raise SystemExit(f"no pages in {split}")
    return [decode_html(path.read_bytes())[0] for path in pages]


def time_all(contestants: dict[str, Callable[[str], object]], texts: list[str],
             rounds: int) -> dict[str, float]:
    """Seconds per contestant for all pages: the sum over pages of each page's best
    time. Rounds interleave the contestants, and taking each page's best round
    filters out the moments the machine was busy elsewhere."""
    for fn in contestants.values():  # warm-up: imports, lazy caches
        for text in texts:
            fn(text)
    best = {name: [float("inf")] * len(texts) for name in contestants}
    clock = time.perf_counter
    for _ in range(rounds):
        for name, fn in contestants.items():
            page_best = best[name]
            for i, text in enumerate(texts):
                start = clock()
                fn(text)
                elapsed = clock() - start
                if elapsed < page_best[i]:
                    page_best[i] = elapsed
    return {name: sum(times) for name, times in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)

    texts = load(args.split)
    contestants = dict(CONTESTANTS)
    for name, fn in CONTESTANTS.items():
        try:
            fn(texts[0])
        except ImportError as exc:
            print(f"{name}: skipped ({exc})", file=sys.stderr)
            del contestants[name]
    seconds = time_all(contestants, texts, args.rounds)
    n = len(texts)
    print(f"{n} pages from {args.split}, each page's best of {args.rounds} rounds\n")
    print(f"| {'extractor':<18} | {'ms/page':>8} | {'pages/s':>8} | {'ours is ×':>10} |")
    print(f"|{'-' * 20}|{'-' * 10}|{'-' * 10}|{'-' * 12}|")
    for name, secs in seconds.items():
        speedup = secs / seconds["ours"]
        print(f"| {name:<18} | {1000 * secs / n:8.2f} | {n / secs:8.1f} | {speedup:9.2f}× |")
    result = {"pages": n, "rounds": args.rounds,
              "pages_per_s": {name: n / secs for name, secs in seconds.items()}}
    if "readability-lxml" in seconds:
        ratio = seconds["readability-lxml"] / seconds["ours"]
        verdict = "met" if ratio >= GOAL_VS_READABILITY else "NOT met"
        print(f"\nours vs readability-lxml: {ratio:.2f}× its pages/s "
              f"(goal ≥ {GOAL_VS_READABILITY}×: {verdict})")
        result["ratio_vs_readability"] = ratio
    if "trafilatura" in seconds:
        ratio = seconds["trafilatura"] / seconds["ours"]
        print(f"ours vs trafilatura: {ratio:.2f}× its pages/s")
        result["ratio_vs_trafilatura"] = ratio
    ratio = seconds["ours"] / seconds["bare lxml parse"]
    verdict = "met" if ratio <= GOAL_VS_PARSE else "NOT met"
    print(f"ours vs bare parse: {ratio:.2f}× the parse time (goal ≤ {GOAL_VS_PARSE}×: {verdict})")
    result["ratio_vs_parse"] = ratio
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
