"""Adapter for ``shared/tools/extract_eval.py --py pipeline.extract.scorer:extract``."""

from __future__ import annotations

from pipeline.encoding import decode_html
from pipeline.errors import ExtractionError, NotAnArticle
from pipeline.extract.core import extract_html


def extract(html: bytes, url: str | None = None) -> dict[str, str]:
    """Page bytes → ``{"title", "body"}`` (body = paragraphs joined by newlines)."""
    text, _codec = decode_html(html)
    try:
        result = extract_html(text, url)
    except (ExtractionError, NotAnArticle):
        return {"title": "", "body": ""}
    return {"title": result.title or "", "body": "\n".join(result.paragraphs)}
