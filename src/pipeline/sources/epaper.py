"""Founder-style e-paper: an edition index per day linking to page indexes,
each page index linking to its articles.

    …/html/2026-11/27/node_1.htm  → node_2.htm … → content_7741_1.htm …
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Literal

from pydantic import Field, field_validator

from pipeline.config import SourceConfig
from pipeline.errors import DiscoveryError, FetchError, HTTPStatusError
from pipeline.fetch import Fetcher
from pipeline.sources.base import LinkSource, canonical_url, unique

log = logging.getLogger(__name__)


def _valid_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    return value


class EpaperConfig(SourceConfig):
    kind: Literal["epaper"]
    index_url: str = Field(description="edition index; {date:%Y-%m} etc. are filled in")
    page_link: str = r"node_\d+\.htm$"
    article_link: str = r"content_\d+_\d+\.htm$"

    _check_regex = field_validator("page_link", "article_link")(_valid_regex)

    def entry_urls(self) -> list[str]:
        return [self.index_url]

    @field_validator("index_url")
    @classmethod
    def _template(cls, value: str) -> str:
        try:
            value.format(date=date(2000, 1, 2))
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"bad URL template (only {{date:...}} is known): {exc}") from None
        return value


class EpaperSource(LinkSource):
    Config = EpaperConfig
    config: EpaperConfig

    def discover(self, fetcher: Fetcher, dates: list[date]) -> list[str]:
        page_re = re.compile(self.config.page_link)
        article_re = re.compile(self.config.article_link)
        found: list[str] = []
        for day in dates:
            index_url = canonical_url(self.config.index_url.format(date=day))
            try:
                index = fetcher.fetch(index_url)
            except HTTPStatusError as exc:
                if exc.status != 404:
                    raise DiscoveryError(str(exc), subject=self.config.id) from exc
                log.info("%s: no edition for %s", self.config.id, day)
                continue
            except FetchError as exc:
                raise DiscoveryError(str(exc), subject=self.config.id) from exc
            pages = unique([index_url, *self.links(index, pattern=page_re)])
            for page_url in pages:
                page = index if page_url == index_url else self._index(fetcher, page_url)
                found.extend(self.links(page, pattern=article_re))
        return unique(found)
