"""Metadata quality: publish date and reporter against the dev corpus gold.

    python bench/metadata.py [SPLIT_DIR] [--json FILE] [--quiet]

SPLIT_DIR defaults to ../shared/corpus/dev beside the repository (the eval split
is held out: never tune on it). Only the pages whose gold has a ``date`` or an
``author`` are scored (the CWCED pages; see the corpus README):

* date, day: our ``published_at`` (Asia/Shanghai) falls on the gold day (a gold
  date that gives only year and month, such as ``2003-5``, needs that month);
* date, day+time: the same, and when the gold gives a time, the same hour and
  minute too (pages whose gold has no time count when the day is right);
* author: the gold string is contained in ours or ours in the gold, after
  removing all whitespace.

Prints the figures and every failing page (id, gold, ours).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pipeline.encoding import decode_html  # noqa: E402
from pipeline.errors import ExtractionError, NotAnArticle  # noqa: E402
from pipeline.extract import extract_html  # noqa: E402
from pipeline.extract.result import Extraction  # noqa: E402

DEFAULT_SPLIT = ROOT.parent / "shared/corpus/dev"
_GOLD_DATE = re.compile(
    r"(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?)?")


@dataclass
class Scores:
    date_pages: int = 0
    date_day: int = 0
    date_time: int = 0
    author_pages: int = 0
    author: int = 0
    failures: list[tuple[str, str, str, str]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "date_pages": self.date_pages,
            "date_day": self.date_day / self.date_pages if self.date_pages else 0.0,
            "date_day_time": self.date_time / self.date_pages if self.date_pages else 0.0,
            "author_pages": self.author_pages,
            "author": self.author / self.author_pages if self.author_pages else 0.0,
        }


def date_matches(gold: str, ours: datetime | None) -> tuple[bool, bool]:
    """(same day, same day and time) of ``ours`` against the gold date string."""
    match = _GOLD_DATE.match(gold.strip())
    if not match or ours is None:
        return False, False
    year, month, day, hour, minute = (int(g) if g else None for g in match.groups())
    same_day = (ours.year, ours.month) == (year, month) and day in (None, ours.day)
    same_time = hour is None or (ours.hour, ours.minute) == (hour, minute)
    return same_day, same_day and same_time


def author_matches(gold: str, ours: str | None) -> bool:
    if not ours:
        return False
    gold, ours = "".join(gold.split()), "".join(ours.split())
    return gold in ours or ours in gold


def extract(path: Path, url: str | None) -> Extraction | None:
    text, _codec = decode_html(path.read_bytes())
    try:
        return extract_html(text, url)
    except (ExtractionError, NotAnArticle):
        return None


def score(split: Path) -> Scores:
    scores = Scores()
    for gold_path in sorted(split.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not (gold.get("date") or gold.get("author")):
            continue
        html = gold_path.with_suffix(".html")
        if not html.is_file():
            continue
        out = extract(html, gold.get("url"))
        if gold.get("date"):
            ours = out.published_at if out else None
            day, day_time = date_matches(gold["date"], ours)
            scores.date_pages += 1
            scores.date_day += day
            scores.date_time += day_time
            if not day_time:
                shown = ours.strftime("%Y-%m-%d %H:%M") if ours else "-"
                scores.failures.append((gold["id"], "date", gold["date"], shown))
        if gold.get("author"):
            ours_author = out.author if out else None
            scores.author_pages += 1
            if author_matches(gold["author"], ours_author):
                scores.author += 1
            else:
                scores.failures.append((gold["id"], "author", gold["author"],
                                        ours_author or "-"))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--quiet", action="store_true", help="figures only, no failures")
    args = parser.parse_args(argv)
    if not args.split.is_dir():
        raise SystemExit(f"no such split: {args.split}")

    scores = score(args.split)
    fig = scores.figures()
    print(f"{args.split}")
    print(f"date, same day:       {scores.date_day}/{scores.date_pages} = {fig['date_day']:.3f}")
    print(f"date, same day+time:  {scores.date_time}/{scores.date_pages} "
          f"= {fig['date_day_time']:.3f}")
    print(f"author:               {scores.author}/{scores.author_pages} = {fig['author']:.3f}")
    if not args.quiet and scores.failures:
        print("\nfailures (id, field, gold, ours):")
        for page_id, name, gold, ours in scores.failures:
            print(f"  {page_id:<34} {name:<6} {gold!r:<28} {ours!r}")
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
