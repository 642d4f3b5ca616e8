"""The engine protocol. An engine turns Chinese segments into English ones."""

from __future__ import annotations

from typing import ClassVar, Protocol

from pipeline.config import TranslateSettings
from pipeline.translate.glossary import Glossary


class Engine(Protocol):
    name: ClassVar[str]
    #: Shown wherever the engine's output appears (drafts, published articles).
    label: ClassVar[str]

    def __init__(self, settings: TranslateSettings, glossary: Glossary) -> None: ...

    def translate(self, texts: list[str]) -> list[str]:
        """Translate each text; same length and order. Raise TranslationError on failure."""
        ...
