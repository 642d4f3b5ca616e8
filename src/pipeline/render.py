"""Plain-text renderings for the terminal: summaries, status, side-by-side review."""

from __future__ import annotations

import json
import textwrap
import unicodedata
from typing import Any

from pipeline.extract import Extraction
from pipeline.models import Draft, State
from pipeline.runner import Report
from pipeline.store import ArticleRow
from pipeline.translate.glossary import Glossary

STATE_ORDER = [s.value for s in State]


def state_table(counts: dict[str, dict[str, int]]) -> str:
    states = [s for s in STATE_ORDER if any(s in c for c in counts.values())]
    if not states:
        return "the store is empty"
    width = max([len("source"), *map(len, counts)])
    head = "source".ljust(width) + "".join(f"  {s:>10}" for s in states) + f"  {'total':>6}"
    lines = [head, "-" * len(head)]
    totals: dict[str, int] = {}
    for source, by_state in sorted(counts.items()):
        row = source.ljust(width)
        for s in states:
            n = by_state.get(s, 0)
            totals[s] = totals.get(s, 0) + n
            row += f"  {n:>10}"
        lines.append(row + f"  {sum(by_state.values()):>6}")
    lines.append("all".ljust(width) + "".join(f"  {totals[s]:>10}" for s in states)
                 + f"  {sum(totals.values()):>6}")
    return "\n".join(lines)


def summary(report: Report, counts: dict[str, dict[str, int]]) -> str:
    did = ", ".join(f"{k} {v}" for k, v in report.done.items() if v) or "nothing new"
    lines = [f"this run: {did}"]
    if report.skipped:
        lines.append("skipped: " + ", ".join(f"{k} {v}" for k, v in report.skipped.items()))
    lines.append(f"characters translated: {report.chars:,}; time: {report.elapsed:.1f} s")
    for failure in report.failures:
        lines.append(f"FAILED at {failure.stage}: {failure.subject}: {failure.error}")
    lines += ["", state_table(counts)]
    return "\n".join(lines)


def review_list(rows: list[ArticleRow]) -> str:
    if not rows:
        return "no drafts waiting for review"
    lines = []
    for row in rows:
        draft = Draft.model_validate(row.draft)
        flags = sum(1 for s in draft.segments if s.qa)
        lines.append(f"#{row.id:<5} {row.state:<10} {row.source_id:<16} "
                     f"{len(draft.segments):>3} segments {flags:>3} QA  {row.headline}")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Terminal columns: CJK characters and full-width punctuation take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap_wide(text: str, columns: int) -> list[str]:
    """Wrap Chinese text (no spaces to break at) to ``columns`` terminal columns."""
    lines, current = [], ""
    for ch in text:
        if _width(current + ch) > columns:
            lines.append(current)
            current = ""
        current += ch
    return [*lines, current] if current or not lines else lines


def side_by_side(row: ArticleRow, draft: Draft, glossary: Glossary | None = None,
                 width: int = 100) -> str:
    """Chinese and English per segment, with QA flags and the glossary terms it holds."""
    half = (width - 3) // 2
    a = draft.article
    lines = [f"#{row.id} [{row.state}] {a.headline}", f"{a.url}",
             f"engine: {draft.engine} ({draft.engine_label})", ""]
    for seg in draft.segments:
        edited = " (edited)" if seg.final is not None else ""
        lines.append(f"[{seg.id}]{edited}" + (f"  QA: {', '.join(seg.qa)}" if seg.qa else ""))
        terms = dict.fromkeys(zh for _, _, zh in glossary.find(seg.source)) if glossary else {}
        if terms and glossary:
            lines.append("  glossary: " + "; ".join(f"{zh} = {glossary.terms[zh]}"
                                                    for zh in terms))
        left = _wrap_wide(seg.source, half)
        right = textwrap.wrap(seg.text, half) or [""]
        for i in range(max(len(left), len(right))):
            zh = left[i] if i < len(left) else ""
            lines.append(zh + " " * (half - _width(zh)) + " | " + (right[i] if i < len(right) else ""))
        lines.append("")
    return "\n".join(lines)


def draft_markdown(draft: Draft) -> str:
    a = draft.article
    parts = [f"# {draft.headline()}", "", f"> {draft.engine_label}; not reviewed.", ""]
    parts += [p + "\n" for p in draft.paragraphs()]
    parts += [f"*Image: {caption}* ({image.src})\n" for image, caption in draft.captions()]
    parts += ["---", f"Source: {a.attribution.outlet_en} ({a.attribution.outlet_zh})",
              f"Original headline: {a.headline}"]
    if a.published_at:
        parts.append(f"Published: {a.published_at.isoformat()}")
    parts.append(f"Original article: {a.url}")
    flagged = [s for s in draft.segments if s.qa]
    if flagged:
        parts += ["", "QA warnings:"] + [f"- [{s.id}] {', '.join(s.qa)}" for s in flagged]
    return "\n".join(parts) + "\n"


def extraction_json(found: Extraction) -> str:
    data: dict[str, Any] = {
        "title": found.title,
        "body": "\n".join(found.paragraphs),
        "date": found.published_at.isoformat() if found.published_at else None,
        "author": found.author,
        "source": found.source,
        "editor": found.editor,
        "paragraphs": list(found.paragraphs),
        "images": [i.model_dump() for i in found.images],
        "method": found.method,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
