"""The one place that builds the HTTP client."""

from __future__ import annotations

import httpx

from pipeline.config import FetchSettings
from pipeline.fetch.replay import ReplayTransport


def build_client(
    settings: FetchSettings, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """An httpx client with our timeouts, User-Agent and redirect limit.

    ``transport`` replaces the network (tests hand one in); when it is None and
    ``settings.replay_dir`` is set, recorded responses are replayed from there.
    """
    if transport is None and settings.replay_dir is not None:
        transport = ReplayTransport(settings.replay_dir)
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(settings.timeout),
        headers={"User-Agent": settings.user_agent, "Accept-Language": "zh-CN,zh;q=0.9"},
        follow_redirects=True,
        max_redirects=settings.max_redirects,
    )
