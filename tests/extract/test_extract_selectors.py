"""A source's configured selectors come first; whatever they miss falls back to the generic extractor."""

from __future__ import annotations

from datetime import datetime

import pytest

from pipeline.errors import ExtractionError
from pipeline.extract import extract_html
from pipeline.models import SHANGHAI, SiteSelectors

PAGE = """<html><head><meta charset="gb2312"><title>包钢日报数字报</title></head><body>
<table><tr><td class="nav"><a href="node_1.htm">第01版：要闻</a> <a href="node_2.htm">第02版：经济</a></td></tr>
<tr><td class="font01"><h1>北方稀土上调明年一季度稀土精矿交易价格</h1></td></tr>
<tr><td id="article_info"><span class="pub-date">2026年11月27日</span>
 <span class="pub-author">作者：记者 陈晓东 通讯员 刘镕</span></td></tr>
<tr><td><div id="ozoom">
 <p>本报讯（记者 陈晓东）北方稀土日前召开董事会，审议通过关于调整2027年第一季度稀土精矿交易价格的议案。</p>
 <table class="pic"><tr><td><img src="../../../res/1/20261127/a.jpg"></td></tr><tr><td>董事会现场</td></tr></table>
 <p>经与关联方包钢股份协商，稀土精矿交易价格调整为不含税每吨二万六千元，较本季度上涨百分之二点三。</p>
 <p>据了解，北方稀土今年前三季度实现营业收入二百九十八亿元，同比增长百分之十五。</p>
</div></td></tr>
<tr><td id="article_note"><span class="laiyuan">来源：包钢日报</span> <span class="zebian">责任编辑：马晓峰</span></td></tr>
</table></body></html>"""

SELECTORS = SiteSelectors(
    title="td.font01 h1", date="#article_info .pub-date", author="#article_info .pub-author",
    source="#article_note .laiyuan", editor="#article_note .zebian", body="#ozoom",
    drop=("#ozoom table.pic",),
)
URL = "http://epaper.example.cn/bgrb/html/2026-11/27/content_7742_1.htm"


def test_selected_fields_are_parsed_out_of_their_labels() -> None:
    extraction = extract_html(PAGE, URL, SELECTORS)
    assert extraction.method == "selectors"
    assert extraction.title == "北方稀土上调明年一季度稀土精矿交易价格"
    assert extraction.published_at == datetime(2026, 11, 27, tzinfo=SHANGHAI)
    assert extraction.author == "陈晓东 刘镕"
    assert extraction.source == "包钢日报"
    assert extraction.editor == "马晓峰"
    assert [p[:4] for p in extraction.paragraphs] == ["本报讯（", "经与关联", "据了解，"]


def test_dropped_elements_are_gone_before_anything_is_read() -> None:
    extraction = extract_html(PAGE, URL, SELECTORS)
    assert extraction.images == ()
    assert "董事会现场" not in extraction.body


def test_a_body_selector_that_matches_nothing_falls_back_to_the_generic_extractor() -> None:
    selectors = SELECTORS.model_copy(update={"body": "div.no-such-body"})
    extraction = extract_html(PAGE, URL, selectors)
    assert extraction.method == "generic"
    assert extraction.paragraphs[0].startswith("本报讯（记者 陈晓东）")
    assert extraction.title == "北方稀土上调明年一季度稀土精矿交易价格"  # still from its selector


def test_metadata_selectors_that_match_nothing_fall_back_field_by_field() -> None:
    selectors = SiteSelectors(body="#ozoom", editor=".missing", source=".missing")
    extraction = extract_html(PAGE, URL, selectors)
    assert extraction.method == "selectors"
    assert extraction.editor == "马晓峰"
    assert extraction.source == "包钢日报"
    assert extraction.title == "北方稀土上调明年一季度稀土精矿交易价格"
    assert extraction.published_at == datetime(2026, 11, 27, tzinfo=SHANGHAI)


def test_paragraph_selector_narrows_the_body() -> None:
    selectors = SELECTORS.model_copy(update={"paragraphs": "p:nth-of-type(odd)"})
    extraction = extract_html(PAGE, URL, selectors)
    assert [p[:4] for p in extraction.paragraphs] == ["本报讯（", "据了解，"]


def test_a_body_written_without_p_elements_is_not_lost_to_the_default_paragraph_selector() -> None:
    page = PAGE.replace("<p>", "").replace("</p>", "<br>")
    extraction = extract_html(page, URL, SELECTORS)
    assert extraction.method == "selectors"
    assert len(extraction.paragraphs) == 3


def test_a_body_selector_matching_nested_elements_reads_each_paragraph_once() -> None:
    page = PAGE.replace('<div id="ozoom">', '<div id="ozoom" class="box"><div class="box">')
    page = page.replace("</div></td></tr>", "</div></div></td></tr>")
    extraction = extract_html(page, URL, SELECTORS.model_copy(update={"body": "div.box"}))
    assert [p[:4] for p in extraction.paragraphs] == ["本报讯（", "经与关联", "据了解，"]


def test_an_invalid_selector_is_an_extraction_error_naming_it() -> None:
    with pytest.raises(ExtractionError, match="div\\[unclosed"):
        extract_html(PAGE, URL, SiteSelectors(body="div[unclosed"))
