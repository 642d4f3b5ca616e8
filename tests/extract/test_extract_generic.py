"""The generic extractor on pages built like Chinese news templates.

Each page is small and written here by hand, but has the parts real templates
have around the article: navigation, breadcrumbs, a dateline, share bars,
related-article lists, editor lines, comment boxes and copyright footers.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from pipeline.errors import NotAnArticle
from pipeline.extract import extract_html
from pipeline.models import SHANGHAI

NAV = """<div class="nav"><a href="/">首页</a> | <a href="/news/">新闻</a> |
<a href="/finance/">财经</a> | <a href="/tech/">科技</a> | <a href="/sports/">体育</a> |
<a href="/ent/">娱乐</a> | <a href="/auto/">汽车</a> | <a href="/house/">房产</a></div>"""

RELATED = """<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/a/1.html">稀土永磁电机能效新标准明年起实施</a></li>
<li><a href="/a/2.html">三季度稀土功能材料产量保持增长</a></li>
<li><a href="/a/3.html">北方稀土上调明年一季度稀土精矿交易价格</a></li>
<li><a href="/a/4.html">包头海关：稀土产品出口额同比增长</a></li></ul></div>"""

FOOTER = """<div class="footer"><p>关于我们 | 联系我们 | 广告服务 | 网站地图</p>
<p>Copyright © 2026 北疆产业网 版权所有 蒙ICP备12345678号</p></div>"""

PARAGRAPHS = (
    "本报讯（记者 王强 通讯员 张华）今年前十个月，包头市稀土产业实现产值一千二百亿元，同比增长百分之十八，"
    "稀土永磁材料产量占全国的三分之一以上。",
    "市工信局有关负责人介绍，今年以来，全市新落地稀土项目四十二个，总投资超过三百亿元，"
    "其中永磁电机、储氢材料等终端应用项目占比明显提高。",
    "业内人士认为，随着新能源汽车和风电装机持续增长，高性能磁材需求旺盛，"
    "稀土产业链向下游延伸的空间仍然很大。",
)


def news_page(*, body: str | None = None, title: str = "包头稀土产业产值突破千亿元",
              extra_after: str = "") -> str:
    paragraphs = [f"<p>　　{p}</p>" for p in PARAGRAPHS]
    body = body if body is not None else f"""
    <div class="article-content">
      {"".join(paragraphs[:2])}
      <p style="text-align:center"><img src="/uploads/2026/11/plant.jpg" width="600"></p>
      <p style="text-align:center">稀土永磁材料生产线（资料图）</p>
      {"".join(paragraphs[2:])}
      <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
      <p class="editor">（责任编辑：李明）</p>
    </div>"""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title}_产业新闻_北疆产业网</title></head><body>
{NAV}
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/news/">产业新闻</a> &gt; 正文</div>
<div class="main"><div class="article">
  <h1>{title}</h1>
  <div class="info">2026年11月27日 09:30　来源：包头日报　作者：王强　【字号 大 中 小】</div>
  {body}
</div>
<div class="pager">上一篇：<a href="/a/0.html">稀土价格周评</a> 下一篇：<a href="/a/2.html">储氢材料项目开工</a></div>
{RELATED}
{extra_after}
</div>
{FOOTER}
</body></html>"""


def test_body_is_the_article_paragraphs_in_order_and_nothing_else() -> None:
    extraction = extract_html(news_page(), url="https://news.example.cn/2026/11/27/1.html")
    assert extraction.paragraphs == PARAGRAPHS
    assert extraction.method == "generic"


def test_headline_and_metadata_come_from_the_template() -> None:
    extraction = extract_html(news_page())
    assert extraction.title == "包头稀土产业产值突破千亿元"
    assert extraction.published_at == datetime(2026, 11, 27, 9, 30, tzinfo=SHANGHAI)
    assert extraction.source == "包头日报"
    assert extraction.author == "王强"
    assert extraction.editor == "李明"


def test_image_keeps_its_caption_and_gets_an_absolute_url() -> None:
    extraction = extract_html(news_page(), url="https://news.example.cn/2026/11/27/1.html")
    assert [(i.src, i.caption) for i in extraction.images] == [
        ("https://news.example.cn/uploads/2026/11/plant.jpg", "稀土永磁材料生产线（资料图）")
    ]
    assert not any("资料图" in p for p in extraction.paragraphs)


def test_a_paragraph_right_under_an_image_is_not_taken_for_its_caption() -> None:
    first, second, third = (f"<p>{p}</p>" for p in PARAGRAPHS)
    body = f'<div class="article-content">{first}<p><img src="/a.jpg"></p>{second}{third}</div>'
    extraction = extract_html(news_page(body=body))
    assert extraction.paragraphs == PARAGRAPHS
    assert [i.caption for i in extraction.images] == [None]


def test_paragraphs_that_begin_with_a_toolbar_word_are_body_text() -> None:
    lines = (*PARAGRAPHS[:2], "打印机出货量同比增长一成，库存压力缓解。", "微信支付宣布下调部分商户费率。",
             PARAGRAPHS[2])
    body = '<div class="article-content">' + "".join(f"<p>{p}</p>" for p in lines) + "</div>"
    assert extract_html(news_page(body=body)).paragraphs == lines


def test_traditional_script_page_is_handled_the_same_way() -> None:
    body = """<div id="story">
      <p>【本報訊】香港特區政府今日公布，港鐵將於農曆新年期間加密列車班次，方便市民外出拜年及購物。</p>
      <p>運輸署表示，除夕晚上各主要綫路將提供通宵服務，乘客應預留充足時間，並留意車站廣播。</p>
      <p>責任編輯：陳大文</p></div>"""
    page = news_page(body=body, title="港鐵農曆新年加強服務")
    extraction = extract_html(page)
    assert extraction.title == "港鐵農曆新年加強服務"
    assert [p[:6] for p in extraction.paragraphs] == ["【本報訊】香", "運輸署表示，"]
    assert extraction.editor == "陳大文"


def test_old_table_layout_with_br_separated_paragraphs() -> None:
    text = "<br><br>".join(f"　　{p}" for p in PARAGRAPHS)
    page = f"""<html><head><title>包头稀土产业产值突破千亿元-新闻中心</title></head><body>
    <table width="760"><tr><td>{NAV}</td></tr>
    <tr><td class="title"><b>包头稀土产业产值突破千亿元</b></td></tr>
    <tr><td>http://www.example.com.cn 2005-06-08 20:41:05 来源：新华网</td></tr>
    <tr><td class="content"><font size="3">{text}</font></td></tr>
    <tr><td>【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</td></tr></table>
    {RELATED}</body></html>"""
    extraction = extract_html(page)
    assert extraction.paragraphs == PARAGRAPHS
    assert extraction.published_at == datetime(2005, 6, 8, 20, 41, 5, tzinfo=SHANGHAI)
    assert extraction.source == "新华网"


def test_paragraphs_loose_in_a_table_cell_among_navigation_are_collected() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = f"""<html><head><title>包头稀土产业产值突破千亿元</title></head><body><table><tr><td>
    {NAV}<div>包头稀土产业产值突破千亿元</div>{paragraphs}
    <a href="/1">热点新闻一</a><a href="/2">热点新闻二</a><a href="/3">热点新闻三</a>
    </td></tr></table></body></html>"""
    assert extract_html(page).paragraphs == PARAGRAPHS


def test_a_further_reading_box_inside_the_article_does_not_cut_it_short() -> None:
    first, *rest = (f"<p>{p}</p>" for p in PARAGRAPHS)
    box = """<p>延伸阅读：</p><p><a href="/x/1">稀土价格周评</a></p><p><a href="/x/2">储氢材料项目开工</a></p>"""
    body = f'<div class="article-content">{first}{box}{"".join(rest)}</div>'
    assert extract_html(news_page(body=body)).paragraphs == PARAGRAPHS


def test_comments_after_the_article_are_not_body_text() -> None:
    comments = """<div class="comments"><h3>网友评论</h3>
    <div class="c"><span>网友甲 2026-11-27 10:02</span><p>稀土是战略资源，产业链延伸是好事，希望多建一些下游企业，带动本地就业。</p></div>
    <div class="c"><span>网友乙 2026-11-27 10:15</span><p>环保也要跟上，不能只看产值，尾矿治理和生态修复同样重要，不能欠新账。</p></div>
    </div>"""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    body = f'<div class="article-content">{paragraphs}{comments}</div>'
    assert extract_html(news_page(body=body)).paragraphs == PARAGRAPHS


def test_hidden_elements_are_not_read() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    hidden = '<div style="display: none">这是隐藏的统计代码说明文字，不应出现在正文中，读者也看不到它。</div>'
    body = f'<div class="article-content">{paragraphs[:200]}{hidden}{paragraphs[200:]}</div>'
    assert "隐藏" not in extract_html(news_page(body=body)).body


def test_text_inside_an_unclosed_link_is_still_body_text() -> None:
    paragraphs = "<br>".join(PARAGRAPHS)
    body = f'<div class="intro"><dl><a href="/full.html">{paragraphs}</dl></div>'
    assert extract_html(news_page(body=body)).paragraphs == PARAGRAPHS


def test_a_longer_list_of_teasers_elsewhere_does_not_win_over_the_article() -> None:
    teasers = "".join(
        f'<li><a href="/t/{n}">其他新闻标题{n}</a><p>这是另一篇文章的摘要，讲述了很多与本文无关的内容，'
        f"包括市场、政策和企业动态等等方面的消息，读者点击可以查看全文……</p></li>"
        for n in range(8)
    )
    extraction = extract_html(news_page(extra_after=f'<ul class="hot">{teasers}</ul>'))
    assert extraction.paragraphs == PARAGRAPHS


@pytest.mark.parametrize("page", [
    pytest.param(f"""<html><head><title>产业资讯_北疆产业网</title></head><body>{NAV}
    <ul class="news-list">{"".join(
        f'<li><a href="/n/{n}.html">稀土新闻标题第{n}条</a><span>2026-11-2{n}</span>'
        f'<p>记者从包头稀土高新区管委会获悉，今年1至10月，高新区稀土产业实现产值同比增长百分之{n}……</p></li>'
        for n in range(1, 6))}</ul>
    <div class="pages"><a href="?p=2">2</a> <a href="?p=3">3</a> <a href="?p=2">下一页</a></div>
    {FOOTER}</body></html>""", id="listing"),
    pytest.param(f"""<html><head><title>404 页面不存在</title></head><body>{NAV}
    <div class="err"><h1>404</h1><p>抱歉，您访问的页面不存在或已被删除！</p>
    <p><a href="/">返回首页</a></p></div>{FOOTER}</body></html>""", id="error-page"),
    pytest.param(f"<html><body>{NAV}{RELATED}{FOOTER}</body></html>", id="navigation-only"),
])
def test_pages_that_are_not_articles_say_so(page: str) -> None:
    with pytest.raises(NotAnArticle):
        extract_html(page, url="https://news.example.cn/list/")
