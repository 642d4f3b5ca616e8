"""What every source kind shares: the protocol, link collection, URL canonicalisation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import ClassVar, Protocol
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from pipeline import registry
from pipeline.config import SourceConfig
from pipeline.errors import DiscoveryError, FetchError
from pipeline.fetch import Fetcher
from pipeline.models import FetchedPage

_TRACKING = re.compile(r"^(utm_\w+|spm|from|share_token|fbclid|gclid)$", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no default port, no tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} \
        else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


class Source(Protocol):
    config: SourceConfig

    def discover(self, fetcher: Fetcher, dates: list[date]) -> list[str]:
        """Return the canonical URLs of the articles the source lists for ``dates``."""
        ...


class LinkSource:
    """Helpers for sources that read links out of HTML index pages."""

    Config: ClassVar[type[SourceConfig]]

    def __init__(self, config: SourceConfig) -> None:
        self.config = config

    def _index(self, fetcher: Fetcher, url: str) -> FetchedPage:
        try:
            return fetcher.fetch(url)
        except FetchError as exc:
            raise DiscoveryError(f"index page {url} failed: {exc}", subject=self.config.id) from exc

    @staticmethod
    def links(page: FetchedPage, selector: str = "a[href], area[href]",
              pattern: re.Pattern[str] | None = None) -> list[str]:
        """Absolute, canonical hrefs of ``selector`` matches whose href matches ``pattern``."""
        soup = BeautifulSoup(page.text, "lxml")
        out: list[str] = []
        for element in soup.select(selector):
            href = str(element.get("href") or "").strip()
            if not href or href.startswith(("javascript:", "mailto:", "#")):
                continue
            if pattern is not None and not pattern.search(href):
                continue
            out.append(canonical_url(urljoin(page.final_url, href)))
        return out


def unique(urls: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(urls))


def build_source(config: SourceConfig) -> Source:
    cls = registry.load(registry.SOURCE_KINDS, config.kind, "source kind")
    source: Source = cls(config)
    return source
