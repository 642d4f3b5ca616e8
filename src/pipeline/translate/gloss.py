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
import jieba.posseg

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
# News words whose first CC-CEDICT sense misleads in a gloss (月 "moon", 元 "currency unit").
_HOUSE = {"月": "month", "日": "day", "年": "year", "元": "yuan", "万元": "10,000 yuan",
          "亿元": "100 million yuan", "本报讯": "(staff report)", "本报": "this paper",
          "记者": "reporter", "通讯员": "correspondent", "获悉": "learned", "今年": "this year",
          "同比": "year on year", "环比": "month on month", "至": "to", "其中": "of which",
          "个": "", "的": "", "了": "", "着": "", "均": "all", "以来": "since", "实现": "achieve",
          "产品": "products", "价格": "price", "企业": "enterprise", "吨": "tonnes",
          "项": "item(s)", "占比": "share", "该": "the", "该院": "the institute", "家": "",
          "于": "in", "将": "will", "已": "already", "为": "is", "以": "with", "对": "to",
          "在": "in", "和": "and", "与": "and", "及": "and", "等": "etc.", "从": "from",
          "把": "", "被": "by", "其": "its", "比": "compared with", "达": "reach",
          "日前": "recently", "近日": "recently", "据": "according to", "指出": "pointed out",
          "表示": "said", "介绍": "said", "目前": "at present", "上半年": "first half",
          "下一步": "next step", "副": "deputy", "总": "total", "业内人士": "industry insiders",
          "一季度": "first quarter", "二季度": "second quarter", "三季度": "third quarter",
          "四季度": "fourth quarter", "前三季度": "first three quarters", "明年": "next year",
          "去年": "last year", "公告": "announcement", "归属于": "attributable to",
          "亩": "mu (1/15 ha)", "万亩": "10,000 mu"}
_MAX_WORD = 8


class GlossEngine:
    name: ClassVar[str] = "gloss"
    label: ClassVar[str] = "offline word-by-word gloss (not a translation)"

    def __init__(self, settings: TranslateSettings, glossary: Glossary) -> None:
        self.glossary = glossary
        self.dictionary = cedict.load()
        jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary build on every start
        tokenizer = jieba.Tokenizer()
        for term in glossary.terms:
            tokenizer.add_word(term, freq=10**6)
        self._tagger = jieba.posseg.POSTokenizer(tokenizer)

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
        for pair in self._tagger.cut(text, HMM=True):
            token, flag = pair.word, pair.flag
            if flag == "nr" and 2 <= len(token) <= 4 and token not in self.glossary.terms \
                    and all(ch in self.dictionary for ch in token):
                words.append(self._name(token))  # a person's name: romanise it
            else:
                words.extend(self._word(token))
        return words

    def _word(self, token: str) -> list[str]:
        if token in self.glossary.terms:
            return [self.glossary.terms[token]]
        if token in _HOUSE:
            return [_HOUSE[token]] if _HOUSE[token] else []
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
            return [w for part in self._split(token) for w in self._word(part)]
        return [token]

    def _name(self, token: str) -> str:
        """王建国 → Wang Jianguo."""
        syllables = [cedict.pinyin(self.dictionary[ch]).lower() for ch in token]
        return syllables[0].capitalize() + " " + "".join(syllables[1:]).capitalize()

    def _known(self, piece: str) -> bool:
        return piece in self.glossary.terms or piece in _HOUSE or piece in self.dictionary

    def _split(self, token: str) -> list[str]:
        """Bidirectional maximum matching against the glossary, house words and CC-CEDICT.

        The split with fewer pieces wins; on a tie, the backward one (the usual
        choice for Chinese: 业内人士 is 业/内/人士, not 业/内人/士 "my wife").
        """
        forward: list[str] = []
        i = 0
        while i < len(token):
            size = next(n for n in range(min(_MAX_WORD, len(token) - i), 0, -1)
                        if n == 1 or self._known(token[i:i + n]))
            forward.append(token[i:i + size])
            i += size
        backward: list[str] = []
        j = len(token)
        while j > 0:
            size = next(n for n in range(min(_MAX_WORD, j), 0, -1)
                        if n == 1 or self._known(token[j - n:j]))
            backward.insert(0, token[j - size:j])
            j -= size
        return forward if len(forward) < len(backward) else backward

    def _gloss(self, text: str) -> str:
        out = ""
        for word in self._words(text):
            if not word.strip():
                continue
            if out and word[0] not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
                out += " "
            out += word
        return re.sub(r"\s+", " ", out).strip()
