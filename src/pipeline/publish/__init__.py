"""Publish: reviewed drafts become attributed English articles.

A publisher is a class registered in :data:`pipeline.registry.PUBLISHERS`,
built with the publish settings, whose ``publish`` writes one article and
returns where it went. Publishing the same article again must overwrite, never
duplicate: the runner may repeat a publish after a crash.
"""

from __future__ import annotations

from typing import Protocol

from pipeline import registry
from pipeline.config import PublishSettings
from pipeline.publish.document import EnglishArticle

__all__ = ["EnglishArticle", "Publisher", "build_publishers"]


class Publisher(Protocol):
    name: str

    def __init__(self, settings: PublishSettings) -> None: ...

    def publish(self, article: EnglishArticle) -> list[str]:
        """Write ``article``; return the locations (paths or URLs) written."""
        ...


def build_publishers(settings: PublishSettings) -> list[Publisher]:
    return [registry.load(registry.PUBLISHERS, name, "publisher")(settings)
            for name in settings.publishers]
