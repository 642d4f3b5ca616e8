"""Replay recorded HTTP responses: the demo's and the tests' network.

A recording directory holds ``manifest.json``::

    {"responses": [{"url": "...", "status": 200,
                    "headers": {"content-type": "text/html"},
                    "body": "path/relative/to/the/directory"}]}

A URL that has no recording raises :class:`~pipeline.errors.NotRecorded`: the
replay transport never falls through to the network.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from pipeline.errors import ConfigError, NotRecorded


def _key(url: httpx.URL | str) -> str:
    url = httpx.URL(str(url))
    return str(url.copy_with(fragment=None))


class ReplayTransport(httpx.BaseTransport):
    """An httpx transport that answers from a recording directory."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        manifest = self.directory / "manifest.json"
        try:
            entries = json.loads(manifest.read_text(encoding="utf-8"))["responses"]
        except FileNotFoundError:
            raise ConfigError("recording manifest not found", file=str(manifest)) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"invalid manifest: {exc}", file=str(manifest)) from exc
        self._entries = {_key(e["url"]): e for e in entries}
        self.requests: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        key = _key(request.url)
        self.requests.append(key)
        entry = self._entries.get(key)
        if entry is None:
            raise NotRecorded(f"no recording in {self.directory}", url=key)
        content = b""
        if entry.get("body"):
            content = (self.directory / entry["body"]).read_bytes()
        return httpx.Response(
            entry.get("status", 200),
            headers=entry.get("headers", {}),
            content=content,
            request=request,
        )
