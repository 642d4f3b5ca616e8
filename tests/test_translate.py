"""Segmentation, glossary, the offline gloss engine, the Google engine on a local stand-in, QA."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import unquote_plus

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import ROOT
from tests.localserver import Answer, Script, serve

from pipeline import registry
from pipeline.config import GlossaryEntry, TranslateSettings, load_glossary
from pipeline.errors import TranslationError
from pipeline.models import Article, Attribution
from pipeline.translate import Glossary, Translator, build_engine, split_sentences
from pipeline.translate.google import GoogleEngine
from pipeline.translate.numbers import english_number
from pipeline.translate.qa import check

GLOSSARY = Glossary(load_glossary(ROOT / "config/glossary.tsv"))


def article(*paragraphs: str, headline: str = "包头稀土产业快速发展") -> Article:
    return Article(source_id="t", url="http://x.example/1.htm", headline=headline,
                   paragraphs=paragraphs,
                   attribution=Attribution(outlet_zh="某报", outlet_en="Some Daily",
                                           url="http://x.example/1.htm"))


@given(st.text(alphabet=st.sampled_from(list("稀土包头。！？；…”」 \n,.!?abc12")), max_size=80))
def test_sentence_split_is_lossless(text: str):
    assert "".join(split_sentences(text)) == text


def test_sentences_end_at_chinese_punctuation_and_keep_closing_quotes():
    assert split_sentences("他说：“产量增长。”价格稳定！出口呢？") == ["他说：“产量增长。”", "价格稳定！", "出口呢？"]


@pytest.mark.parametrize(("digits", "unit", "english"), [
    ("1.2", "万", "12,000"), ("286.4", "亿", "28.64 billion"), ("3", "亿", "300 million"),
    ("2", "万亿", "2 trillion"), ("18.6", None, "18.6"), ("5000", "万", "50 million"),
])
def test_chinese_number_units(digits, unit, english):
    assert english_number(digits, unit) == english


def test_glossary_prefers_the_longest_term():
    glossary = Glossary([GlossaryEntry(zh="稀土", en="rare earth"),
                         GlossaryEntry(zh="稀土精矿", en="rare earth concentrate")])
    assert [zh for _, _, zh in glossary.find("稀土精矿和稀土")] == ["稀土精矿", "稀土"]
    assert glossary.protect("稀土精矿价格").split() == ["rare", "earth", "concentrate", "价格"]


def test_gloss_knows_baotou_the_city_not_the_turban(gloss_engine):
    (out,) = gloss_engine.translate(["包头是稀土之都"])
    assert "Baotou" in out and "turban" not in out


def test_gloss_uses_glossary_terms_and_converts_numbers(gloss_engine):
    (out,) = gloss_engine.translate(["北方稀土稀土精矿产量达1.2万吨，营收286.4亿元。"])
    assert "China Northern Rare Earth" in out
    assert "rare earth concentrate" in out
    assert "12,000" in out and "28.64 billion" in out
    assert out.endswith(".")


def test_gloss_splits_unknown_words_sensibly(gloss_engine):
    assert gloss_engine._split("外内人士") == ["外", "内", "人士"]  # not 内人, "my wife"


def test_gloss_romanises_names(gloss_engine):
    (out,) = gloss_engine.translate(["记者王建国报道"])
    assert "Wang Jianguo" in out


def test_qa_flags_what_a_reviewer_must_check():
    assert check("产量1.2万吨", "output 1,200 tonnes", GLOSSARY) == ("number:12,000",)
    assert "untranslated" in check("包钢稀土", "Baogang 稀土", GLOSSARY)
    assert "term:China Northern Rare Earth" in check("北方稀土扩产", "Northern expands", GLOSSARY)
    assert check("稀土", "", GLOSSARY) == ("empty",)
    assert check("包头稀土产量增长", "Baotou rare earth output grows", GLOSSARY) == ()
    assert check("营收286.4亿元", "revenue 28.64 billion yuan", GLOSSARY) == ()  # 亿 is a number


def test_translator_makes_a_headline_and_sentence_segments(gloss_engine):
    draft = Translator.single(gloss_engine, GLOSSARY).translate(article("产量增长。价格稳定。", "出口增加。"))
    assert [s.id for s in draft.segments] == ["h", "p0.s0", "p0.s1", "p1.s0"]
    assert len(draft.paragraphs()) == 2
    assert draft.engine_label == "offline word-by-word gloss (not a translation)"
    assert all(s.machine for s in draft.segments)


def google_page(text: str) -> bytes:
    return (f'<html><body><div class="result-container">{text}</div></body></html>').encode()


def google(base: str, timeout: float = 5) -> GoogleEngine:
    return GoogleEngine(TranslateSettings(engine="google", timeout=timeout), GLOSSARY,
                        endpoint=f"{base}/m")


def test_google_engine_speaks_the_mobile_protocol_with_glossary_terms_in_english():
    script = Script()
    script.on("/m", Answer(200, google_page("Baogang output rose 5%")))
    with serve(script) as base:
        assert google(base).translate(["包钢产量增长5%"]) == ["Baogang output rose 5%"]
    path = script.log[0][1]
    assert "sl=zh-CN" in path and "tl=en" in path
    assert "Baogang" in unquote_plus(path)  # the glossary term went out in English


def test_google_engine_errors_become_translation_errors():
    script = Script()
    script.on("/m", Answer(429, b"slow down"))
    with serve(script) as base, pytest.raises(TranslationError, match="google: TooManyRequests"):
        google(base).translate(["稀土"])


def test_google_engine_never_hangs():
    script = Script()
    script.on("/m", Answer(200, google_page("late"), delay=3))
    with serve(script) as base:
        started = time.monotonic()
        with pytest.raises(TranslationError, match="no answer within 0.5 s"):
            google(base, timeout=0.5).translate(["稀土"])
        assert time.monotonic() - started < 2


def test_a_dead_engine_fails_the_article_not_the_process(gloss_engine):
    class Dead:
        name, label = "dead", "dead engine"

        def translate(self, texts):
            raise ConnectionError("engine down")

    with pytest.raises(TranslationError, match="dead: ConnectionError"):
        Translator.single(Dead(), GLOSSARY).translate(article("稀土"))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(registry.ENGINES))
def test_every_registered_engine_honours_the_contract(name: str, tmp_path: Path):
    """Same number of segments out as in, English text, the label set."""
    texts = ["包头稀土产量增长12%。", "价格稳定。"]
    script = Script()
    script.on("/m", Answer(200, google_page("Baotou rare earth output rose 12%.")))
    with serve(script) as base:
        settings = TranslateSettings(engine=name, endpoint=f"{base}/m")
        engine = build_engine(settings, GLOSSARY)
        out = engine.translate(texts)
    assert len(out) == len(texts)
    assert all(o and not any("\u4e00" <= ch <= "\u9fff" for ch in o) for o in out)
    assert engine.label and engine.name == name


def test_the_fallback_chain_takes_over_and_a_dead_engine_is_dropped(gloss_engine):
    calls = []

    class Dead:
        name, label = "dead", "dead engine"

        def translate(self, texts):
            calls.append(len(texts))
            raise TranslationError("dead: no answer within 30 s")

    dead = Dead()
    translator = Translator([lambda: dead, lambda: gloss_engine], GLOSSARY)  # type: ignore[list-item]
    drafts = [translator.translate(article("包头稀土产量增长。")) for _ in range(5)]
    assert {d.engine for d in drafts} == {"gloss"}
    assert all(s.engine == "gloss" for d in drafts for s in d.segments)
    assert len(calls) == 3  # tried three times, then skipped


def test_when_every_engine_fails_the_error_names_each():
    class Dead:
        name, label = "dead", "dead engine"

        def translate(self, texts):
            raise TranslationError("dead: HTTP 503")

    translator = Translator([Dead, Dead], GLOSSARY)  # type: ignore[list-item]
    with pytest.raises(TranslationError, match=r"x.example/1.htm: dead: HTTP 503; dead: HTTP 503"):
        translator.translate(article("稀土"))


def test_fallback_engines_are_validated_at_config_load():
    with pytest.raises(ValueError, match="unknown engine 'deepl'; valid: gloss, google"):
        TranslateSettings(engine="google", fallback=["deepl"])
