"""A site with one or more listing pages that link to articles."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import Field, field_validator

from pipeline.config import SourceConfig
from pipeline.fetch import Fetcher
from pipeline.sources.base import LinkSource, unique
from pipeline.sources.epaper import _valid_regex


class ListingConfig(SourceConfig):
    kind: Literal["listing"]
    listing_urls: list[str] = Field(min_length=1)
    article_links: str = Field("a[href]", description="CSS selector for article links")
    article_link: str | None = Field(None, description="regex the href must match")

    def entry_urls(self) -> list[str]:
        return list(self.listing_urls)

    @field_validator("article_link")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        return None if value is None else _valid_regex(value)


class ListingSource(LinkSource):
    Config = ListingConfig
    config: ListingConfig

    def discover(self, fetcher: Fetcher, dates: list[date]) -> list[str]:
        pattern = re.compile(self.config.article_link) if self.config.article_link else None
        found: list[str] = []
        for url in self.config.listing_urls:
            page = self._index(fetcher, url)
            found.extend(self.links(page, self.config.article_links, pattern))
        return unique(found)
