"""Named registries, loaded lazily.

Config picks a source kind, an engine or a publisher by name. The registry maps
each name to a ``"module:attribute"`` path; nothing is imported until a name is
used, and an unknown name is an error that lists the valid ones. Adding an
engine means one new module plus one line in :data:`ENGINES`.
"""

from __future__ import annotations

import importlib
from typing import Any

SOURCE_KINDS: dict[str, str] = {
    "epaper": "pipeline.sources.epaper:EpaperSource",
    "listing": "pipeline.sources.listing:ListingSource",
}

ENGINES: dict[str, str] = {
    "gloss": "pipeline.translate.gloss:GlossEngine",
    "google": "pipeline.translate.google:GoogleEngine",
}

PUBLISHERS: dict[str, str] = {
    "markdown": "pipeline.publish.markdown:MarkdownPublisher",
    "html": "pipeline.publish.html:HtmlPublisher",
}


class UnknownName(LookupError):
    def __init__(self, what: str, name: str, valid: dict[str, str]) -> None:
        self.valid = sorted(valid)
        super().__init__(f"unknown {what} {name!r}; valid: {', '.join(self.valid)}")


def load(registry: dict[str, str], name: str, what: str) -> Any:
    """Import and return the object registered under ``name``."""
    try:
        path = registry[name]
    except KeyError:
        raise UnknownName(what, name, registry) from None
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)
