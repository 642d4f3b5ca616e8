"""``google``: Google Translate through deep-translator, made safe to call unattended.

deep-translator sets no timeout on its HTTP requests, so each call runs in a
worker thread and is abandoned after ``settings.timeout`` seconds; its
exceptions become :class:`TranslationError`. Glossary terms are put into the
source text in English before the call, so they survive.
"""

from __future__ import annotations

import concurrent.futures
from typing import Any, ClassVar

from pipeline.config import TranslateSettings
from pipeline.errors import TranslationError
from pipeline.translate.glossary import Glossary

MAX_CHARS = 4500  # deep-translator refuses more than 5000 characters per call


class GoogleEngine:
    name: ClassVar[str] = "google"
    label: ClassVar[str] = "Google Translate (machine translation)"

    def __init__(self, settings: TranslateSettings, glossary: Glossary,
                 endpoint: str | None = None) -> None:
        self.settings = settings
        self.glossary = glossary
        self.endpoint = endpoint or settings.endpoint
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=2,
                                                           thread_name_prefix="google")

    def _translator(self) -> Any:
        from deep_translator import GoogleTranslator

        translator = GoogleTranslator(source=self.settings.source_language,
                                      target=self.settings.target_language)
        if self.endpoint:
            translator._base_url = self.endpoint  # a proxy or a local stand-in
        return translator

    def _call(self, text: str) -> str:
        try:
            result = self._translator().translate(text)
        except Exception as exc:  # deep-translator's errors share no base class
            raise TranslationError(f"google: {type(exc).__name__}: {exc}") from exc
        if not isinstance(result, str):
            raise TranslationError("google: no translation in the response")
        return result

    def translate(self, texts: list[str]) -> list[str]:
        out = []
        for text in texts:
            protected = self.glossary.protect(text)
            if len(protected) > MAX_CHARS:
                raise TranslationError(f"google: segment of {len(protected)} characters is "
                                       f"over the {MAX_CHARS} limit")
            future = self._pool.submit(self._call, protected)
            try:
                out.append(future.result(timeout=self.settings.timeout))
            except concurrent.futures.TimeoutError:
                future.cancel()
                raise TranslationError(
                    f"google: no answer within {self.settings.timeout:g} s") from None
        return out
