"""Decoding Chinese pages the way a browser does."""

from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import EXPECTED, RECORDED

from pipeline.encoding import declared_charset, decode_html

GB2312_META = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>{}</body></html>'


def test_gb2312_declared_page_with_gbk_only_characters_decodes_as_gb18030():
    text = GB2312_META.format("记者 刘镕 李堃 报道：包钢集团")
    decoded, codec = decode_html(text.encode("gb18030"))
    assert decoded == text
    assert codec == "gb18030"


def test_page_declaring_gb2312_but_utf8_is_read_as_utf8():
    text = GB2312_META.format("稀土精矿价格上调")
    assert decode_html(text.encode("utf-8")) == (text, "utf-8")


def test_page_with_no_declaration_falls_back_to_gb18030():
    text = "<html><body><p>白云鄂博矿区生态修复</p></body></html>"
    assert decode_html(text.encode("gb18030"))[0] == text


def test_http_header_charset_counts_as_a_declaration():
    assert declared_charset(b"<html></html>", "text/html; charset=GBK") == "gb18030"
    assert declared_charset(b'<meta charset="big5">', None) == "big5hkscs"


def test_broken_bytes_do_not_raise_and_keep_the_rest():
    raw = GB2312_META.format("包头稀土").encode("gb18030") + b"\xff\xfe\x81" + "高新区".encode("gb18030")
    decoded, _ = decode_html(raw)
    assert "包头稀土" in decoded and "高新区" in decoded


def test_every_recorded_epaper_page_decodes_to_its_expected_text():
    for url, expected in EXPECTED["articles"].items():
        if not url.startswith("http://epaper."):
            continue
        path = RECORDED / url.removeprefix("http://").replace("epaper.baogangdaily.example", "baogangdaily")
        decoded, _ = decode_html(path.read_bytes(), "text/html")
        assert expected["headline"] in decoded, url
        assert expected["first_paragraph"][:30] in decoded.replace("\u3000", ""), url


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1))
def test_any_gb18030_text_under_a_gb2312_label_round_trips(body: str):
    page = GB2312_META.format(body)
    assert decode_html(page.encode("gb18030"))[0] == page
