"""Sources discover article URLs. A kind is a class registered in
:data:`pipeline.registry.SOURCE_KINDS` with a ``Config`` model (the keys its
``[[sources]]`` table accepts) and a ``discover`` method."""

from pipeline.sources.base import Source, build_source, canonical_url

__all__ = ["Source", "build_source", "canonical_url"]
