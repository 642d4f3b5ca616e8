"""Fetch one URL: politeness per host, retries, status checks, decoding."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.robotparser import RobotFileParser

import httpx

from pipeline.config import FetchSettings
from pipeline.encoding import decode_html
from pipeline.errors import FetchError, HTTPStatusError, PipelineError
from pipeline.models import FetchedPage

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_BYTES = 30 * 1024 * 1024


class Fetcher:
    """Fetches pages through the client it is given.

    robots.txt is obeyed (disallowed URLs raise :class:`FetchError`; a
    ``Crawl-delay`` longer than ``settings.delay`` wins). Requests to one host are
    spaced by ``settings.delay`` seconds; timeouts,
    connection errors and 429/5xx answers are retried ``settings.retries``
    times with exponential back-off (honouring ``Retry-After``).
    """

    def __init__(
        self,
        client: httpx.Client,
        settings: FetchSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.settings = settings
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    def _robots_for(self, url: httpx.URL) -> RobotFileParser | None:
        """The host's robots.txt rules, fetched once; None when it has none we can read."""
        origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
        if origin not in self._robots:
            rules: RobotFileParser | None = None
            try:
                response = self._get(origin + "/robots.txt")
                if response.status_code == 200:
                    rules = RobotFileParser()
                    rules.parse(response.text.splitlines())
            except PipelineError as exc:  # unreachable or unrecorded: no rules
                log.info("no robots.txt for %s: %s", origin, exc)
            self._robots[origin] = rules
        return self._robots[origin]

    def _check_robots(self, url: str) -> None:
        rules = self._robots_for(httpx.URL(url))
        if rules is not None and not rules.can_fetch(self.settings.user_agent, url):
            raise FetchError("disallowed by robots.txt", url=url)

    def _delay_for(self, host: str) -> float:
        rules = next((r for origin, r in self._robots.items()
                      if r is not None and httpx.URL(origin).host == host), None)
        crawl_delay = rules.crawl_delay(self.settings.user_agent) if rules else None
        return max(self.settings.delay, float(crawl_delay or 0))

    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = self._delay_for(host) - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _get(self, url: str) -> httpx.Response:
        host = httpx.URL(url).host
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            self._wait_turn(host)
            try:
                response = self.client.get(url)
            except PipelineError:
                raise
            except httpx.TooManyRedirects as exc:
                raise FetchError(f"too many redirects (limit {self.settings.max_redirects})",
                                 url=url) from exc
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if attempt == attempts:
                    kind = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
                    raise FetchError(f"request {kind} after {attempts} attempts: {exc!r}",
                                     url=url) from exc
                self._backoff(attempt, None)
                continue
            except httpx.HTTPError as exc:
                raise FetchError(f"request failed: {exc!r}", url=url) from exc
            if response.status_code in RETRY_STATUSES and attempt < attempts:
                self._backoff(attempt, response.headers.get("retry-after"))
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int, retry_after: str | None) -> None:
        delay = min(2.0 ** (attempt - 1), 30.0)
        if retry_after and retry_after.isdigit():
            delay = min(float(retry_after), 120.0)
        log.info("retrying in %.1f s", delay)
        self._sleep(delay)

    def fetch(self, url: str) -> FetchedPage:
        """Download ``url``; raise :class:`FetchError` unless the answer is 2xx HTML-ish."""
        if self.settings.robots:
            self._check_robots(url)
        response = self._get(url)
        if response.status_code >= 400:
            raise HTTPStatusError(response.status_code, url=url)
        content = response.content
        if len(content) > MAX_BYTES:
            raise FetchError(f"page is {len(content)} bytes, over the {MAX_BYTES} limit", url=url)
        headers = {k.lower(): v for k, v in response.headers.items()}
        _, encoding = decode_html(content, headers.get("content-type"))
        return FetchedPage(
            url=url,
            final_url=str(response.url),
            status=response.status_code,
            headers=headers,
            content=content,
            digest=hashlib.sha256(content).hexdigest(),
            encoding=encoding,
            fetched_at=datetime.now(UTC),
        )
