"""The extract stage: HTML page → article text and metadata.

>>> from pipeline.extract import extract_html
>>> extraction = extract_html(html, url, selectors)  # doctest: +SKIP

A source's configured :class:`~pipeline.models.SiteSelectors` are used first;
any field they miss falls back to the generic extractor, which scores text and
punctuation density against link density over the page's blocks.
"""

from __future__ import annotations

from pipeline.extract.core import extract_html
from pipeline.extract.result import Extraction

__all__ = ["Extraction", "extract_html"]
