"""Translate: an article becomes an English draft, segment by segment."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from pipeline import registry
from pipeline.config import TranslateSettings
from pipeline.errors import PipelineError, TranslationError
from pipeline.models import Article, Draft, Segment
from pipeline.translate import qa
from pipeline.translate.base import Engine
from pipeline.translate.glossary import Glossary
from pipeline.translate.segment import split_sentences

__all__ = ["DOWN_AFTER", "Engine", "Glossary", "Translator", "build_engine", "split_sentences"]


def build_engine(settings: TranslateSettings, glossary: Glossary,
                 name: str | None = None) -> Engine:
    """Build the engine ``name`` (default: the configured primary engine)."""
    cls = registry.load(registry.ENGINES, name or settings.engine, "engine")
    engine: Engine = cls(settings, glossary)
    return engine


#: Failures in a row after which the translator stops trying an engine.
DOWN_AFTER = 3


class Translator:
    """Splits an article into segments and has an engine translate them.

    Engines are tried in order (the configured engine, then its ``fallback``
    chain); each is built on first use. An engine that failed ``DOWN_AFTER``
    times in a row is skipped from then on, so a dead engine costs a few
    timeouts, not one per article.
    """

    def __init__(self, factories: Sequence[Callable[[], Engine]], glossary: Glossary) -> None:
        self._factories = list(factories)
        self._built: dict[int, Engine] = {}
        self._failures: dict[int, int] = {}
        self.glossary = glossary

    @classmethod
    def from_settings(cls, settings: TranslateSettings, glossary: Glossary) -> Translator:
        names = [settings.engine, *[n for n in settings.fallback if n != settings.engine]]
        return cls([functools.partial(build_engine, settings, glossary, name) for name in names],
                   glossary)

    @classmethod
    def single(cls, engine: Engine, glossary: Glossary) -> Translator:
        """A translator with one ready-made engine and no fallback."""
        return cls([lambda: engine], glossary)

    def _engine(self, index: int) -> Engine:
        if index not in self._built:
            try:
                self._built[index] = self._factories[index]()
            except PipelineError:
                raise
            except Exception as exc:
                raise TranslationError(f"engine could not start: {exc!r}") from exc
        return self._built[index]

    @staticmethod
    def segments(article: Article) -> list[tuple[str, int, str]]:
        """``(segment id, paragraph index, Chinese text)``: the headline is ``h``
        (paragraph -1), image captions ``c0``, ``c1``… (paragraph -2)."""
        out = [("h", -1, article.headline)]
        for p, paragraph in enumerate(article.paragraphs):
            for s, sentence in enumerate(split_sentences(paragraph)):
                if sentence.strip():
                    out.append((f"p{p}.s{s}", p, sentence.strip()))
        for i, image in enumerate(article.images):
            if image.caption and image.caption.strip():
                out.append((f"c{i}", -2, image.caption.strip()))
        return out

    def translate(self, article: Article) -> Draft:
        """A draft from the first engine of the chain that works; TranslationError if none does."""
        parts = self.segments(article)
        errors: list[str] = []
        for index in range(len(self._factories)):
            if self._failures.get(index, 0) >= DOWN_AFTER:
                errors.append(f"engine #{index + 1} skipped after {DOWN_AFTER} failures")
                continue
            try:
                engine = self._engine(index)
                english = self._call(engine, [text for _, _, text in parts], article.url)
            except TranslationError as exc:
                self._failures[index] = self._failures.get(index, 0) + 1
                errors.append(str(exc))
                continue
            self._failures[index] = 0
            segments = [
                Segment(id=sid, paragraph=para, source=text, machine=out, engine=engine.name,
                        qa=qa.check(text, out, self.glossary))
                for (sid, para, text), out in zip(parts, english, strict=True)
            ]
            return Draft(article=article, engine=engine.name, engine_label=engine.label,
                         segments=segments)
        raise TranslationError("; ".join(errors), subject=article.url)

    @staticmethod
    def _call(engine: Engine, texts: list[str], url: str) -> list[str]:
        try:
            english = engine.translate(texts)
        except TranslationError:
            raise
        except Exception as exc:  # an engine's own bug must not kill the run
            raise TranslationError(f"{engine.name}: {exc!r}") from exc
        if len(english) != len(texts):
            raise TranslationError(
                f"{engine.name} returned {len(english)} segments for {len(texts)}")
        return english
