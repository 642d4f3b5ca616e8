"""Record real HTTP responses into a replay directory (see :mod:`pipeline.fetch.replay`).

Wrap the network transport in :class:`RecordingTransport`, fetch as usual, and every
response (redirect hops included) is saved byte for byte and listed in the
directory's ``manifest.json``, which :class:`ReplayTransport` then serves offline.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from pipeline.fetch.replay import _key

KEEP_HEADERS = ("content-type", "location", "last-modified", "etag", "retry-after")


def _body_path(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path.strip("/") or "index"
    if path.endswith("/") or "." not in path.rsplit("/", 1)[-1]:
        path = path.rstrip("/") + "/index.html"
    if parts.query:
        path += "." + hashlib.sha256(parts.query.encode()).hexdigest()[:8]
    safe = "/".join(seg for seg in path.split("/") if seg not in ("", ".", ".."))
    return f"{parts.hostname or 'host'}/{safe}"


class RecordingTransport(httpx.BaseTransport):
    def __init__(self, directory: Path | str, inner: httpx.BaseTransport | None = None) -> None:
        self.directory = Path(directory)
        self.inner = inner or httpx.HTTPTransport()
        self.manifest = self.directory / "manifest.json"
        self._entries: dict[str, dict[str, object]] = {}
        if self.manifest.exists():
            for entry in json.loads(self.manifest.read_text(encoding="utf-8"))["responses"]:
                self._entries[_key(entry["url"])] = entry

    def __len__(self) -> int:
        return len(self._entries)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        content = response.read()
        key = _key(request.url)
        entry: dict[str, object] = {
            "url": key, "status": response.status_code,
            "headers": {k: v for k, v in response.headers.items() if k.lower() in KEEP_HEADERS},
        }
        if content:
            body = _body_path(key)
            target = self.directory / body
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            entry["body"] = body
        self._entries[key] = entry
        self.save()
        return httpx.Response(response.status_code, headers=response.headers, content=content,
                              request=request)

    def save(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        data = {"responses": sorted(self._entries.values(), key=lambda e: str(e["url"]))}
        self.manifest.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")

    def close(self) -> None:
        self.inner.close()
