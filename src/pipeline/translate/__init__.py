"""Translate: an article becomes an English draft, segment by segment."""

from __future__ import annotations

from pipeline import registry
from pipeline.config import TranslateSettings
from pipeline.errors import PipelineError, TranslationError
from pipeline.models import Article, Draft, Segment
from pipeline.translate import qa
from pipeline.translate.base import Engine
from pipeline.translate.glossary import Glossary
from pipeline.translate.segment import split_sentences

__all__ = ["Engine", "Glossary", "Translator", "build_engine", "split_sentences"]


def build_engine(settings: TranslateSettings, glossary: Glossary) -> Engine:
    cls = registry.load(registry.ENGINES, settings.engine, "engine")
    engine: Engine = cls(settings, glossary)
    return engine


class Translator:
    """Splits an article into segments and has the engine translate them."""

    def __init__(self, engine: Engine, glossary: Glossary) -> None:
        self.engine = engine
        self.glossary = glossary

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
        parts = self.segments(article)
        try:
            english = self.engine.translate([text for _, _, text in parts])
        except PipelineError:
            raise
        except Exception as exc:  # an engine's own bug must not kill the run
            raise TranslationError(f"{self.engine.name}: {exc!r}", subject=article.url) from exc
        if len(english) != len(parts):
            raise TranslationError(
                f"{self.engine.name} returned {len(english)} segments for {len(parts)}",
                subject=article.url)
        segments = [
            Segment(id=sid, paragraph=para, source=text, machine=out, engine=self.engine.name,
                    qa=qa.check(text, out, self.glossary))
            for (sid, para, text), out in zip(parts, english, strict=True)
        ]
        return Draft(article=article, engine=self.engine.name, engine_label=self.engine.label,
                     segments=segments)
