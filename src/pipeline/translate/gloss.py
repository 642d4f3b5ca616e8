"""``gloss``: an offline word-by-word glossing engine (no network, no model).

Text is segmented with jieba (glossary terms added as words), numbers with
万/亿 are converted, glossary terms win, then every word gets its first
CC-CEDICT sense; unknown words (mostly names) are romanised in pinyin. The
result is a gloss for a reviewer, not a translation, and is labelled so
wherever it appears.
"""

from __future__ import annotations

import logging
import re
from typing import ClassVar

import jieba

from pipeline.config import TranslateSettings
from pipeline.translate import cedict
from pipeline.translate.glossary import Glossary
from pipeline.translate.numbers import NUMBER, english_number

_PUNCT = {"，": ",", "、": ",", "。": ".", "；": ";", "：": ":", "！": "!", "？": "?",
          "“": '"', "”": '"', "‘": "'", "’": "'", "《": '"', "》": '"', "（": "(", "）": ")",
          "【": "[", "】": "]", "—": "-", "——": "-", "…": "...", "……": "...", "·": " ",
          "「": '"', "」": '"', "『": '"', "』": '"', "％": "%", "\u3000": " "}
_NO_SPACE_BEFORE = set(",.;:!?)]%'\"")
_NO_SPACE_AFTER = set("([")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class GlossEngine:
    name: ClassVar[str] = "gloss"
    label: ClassVar[str] = "offline word-by-word gloss (not a translation)"

    def __init__(self, settings: TranslateSettings, glossary: Glossary) -> None:
        self.glossary = glossary
        self.dictionary = cedict.load()
        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        for term in glossary.terms:
            self._tokenizer.add_word(term, freq=10**6)

    def translate(self, texts: list[str]) -> list[str]:
        return [self._gloss(text) for text in texts]

    def _words(self, text: str) -> list[str]:
        out: list[str] = []
        pos = 0
        for match in NUMBER.finditer(text):
            out.extend(self._segment(text[pos:match.start()]))
            out.append(english_number(match.group(1), match.group(2)))
            pos = match.end()
        out.extend(self._segment(text[pos:]))
        return out

    def _segment(self, text: str) -> list[str]:
        words: list[str] = []
        for token in self._tokenizer.cut(text, HMM=True):
            words.extend(self._word(token))
        return words

    def _word(self, token: str) -> list[str]:
        if token in self.glossary.terms:
            return [self.glossary.terms[token]]
        if token in _PUNCT:
            return [_PUNCT[token]]
        if not _CJK.search(token):
            return [token] if token.strip() else []
        entries = self.dictionary.get(token)
        if entries:
            found = cedict.gloss(entries, prefer_proper=len(token) > 1)
            if found:
                return [found]
        if len(token) > 1:
            if all(ch in self.dictionary for ch in token) and len(token) <= 3:
                # Most likely a personal or place name: romanise it.
                syllables = [cedict.pinyin(self.dictionary[ch]) for ch in token]
                return [syllables[0].capitalize() + " " + "".join(syllables[1:]).lower()
                        if len(syllables) > 1 else syllables[0].capitalize()]
            return [w for ch in token for w in self._word(ch)]
        return [token]

    def _gloss(self, text: str) -> str:
        out = ""
        for word in self._words(text):
            if not word.strip():
                continue
            if out and word[0] not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
                out += " "
            out += word
        return re.sub(r"\s+", " ", out).strip()
