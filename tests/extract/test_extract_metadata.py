"""Metadata as Chinese pages write it: dates, 来源, 记者/作者/通讯员, 责任编辑, headlines."""

from __future__ import annotations

from datetime import datetime

import pytest

from pipeline.extract import extract_html
from pipeline.extract.dates import date_from_url, parse_date
from pipeline.extract.labels import (
    parse_author,
    parse_byline,
    parse_editor,
    parse_poster,
    parse_source,
)
from pipeline.extract.title import strip_site_suffix
from pipeline.models import SHANGHAI


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SHANGHAI)  # type: ignore[misc]


@pytest.mark.parametrize(("text", "expected"), [
    ("2025年6月8日", at(2025, 6, 8)),
    ("2025年06月08日 20:41", at(2025, 6, 8, 20, 41)),
    ("2025-06-08 20:41", at(2025, 6, 8, 20, 41)),
    ("2025/6/8 8:05:09", at(2025, 6, 8, 8, 5, 9)),
    ("2025.06.08", at(2025, 6, 8)),
    ("发布时间：2025-06-08 20:41:30 来源：新华社", at(2025, 6, 8, 20, 41, 30)),
    ("【发布日期：2025年6月8日 20时41分】", at(2025, 6, 8, 20, 41)),
    ("2025-06-08T12:41:00Z", at(2025, 6, 8, 20, 41)),
    ("2025-06-08T20:41:00+08:00", at(2025, 6, 8, 20, 41)),
    ("时间：2025-6-8", at(2025, 6, 8)),
    ("发布日期： 9/17/2004 5:54:13 AM", at(2004, 9, 17, 5, 54, 13)),
    ("发布日期： 7/5/2005 9:23:57 PM", at(2005, 7, 5, 21, 23, 57)),
    ("更新：6/8/2025 12:05 AM", at(2025, 6, 8, 0, 5)),
    ("17/9/2004", at(2004, 9, 17)),
])
def test_chinese_date_forms_become_shanghai_time(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_month_and_day_alone_take_the_year_from_a_hint() -> None:
    assert parse_date("06月08日 20:41", year_hint=2025) == at(2025, 6, 8, 20, 41)
    assert parse_date("06月08日 20:41") is None


@pytest.mark.parametrize("text", ["2025年13月40日", "电话：2025-1234", "共有12345条评论", "",
                                  "20:02:45 9/12/05", "1/2/2005 13:05 PM"])
def test_things_that_are_not_dates_are_not_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(("url", "expected"), [
    ("http://www.example.cn/2025/06/08/a.html", at(2025, 6, 8)),
    ("http://epaper.example.cn/html/2025-06/08/content_1.htm", at(2025, 6, 8)),
    ("http://www.example.cn/news/20250608/123.shtml", at(2025, 6, 8)),
    ("http://www.example.cn/news/show.php?id=1043", None),
])
def test_dates_in_urls(url: str, expected: datetime | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("来源：新华社", "新华社"),
    ("2025-06-08 20:41　来源：人民网-人民日报　作者：王强", "人民网-人民日报"),
    ("信息来源: 包头市工信局 | 浏览次数：123", "包头市工信局"),
    ("来源：新华社 记者 王强", "新华社"),
    ("责任编辑：李明", None),
])
def test_source_lines(line: str, expected: str | None) -> None:
    assert parse_source(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("责任编辑：李明", "李明"),
    ("（责任编辑：张帆）", "张帆"),
    ("【责编：王小丽】", "王小丽"),
    ("編輯：陳大文", "陳大文"),
    ("来源：新华社", None),
])
def test_editor_lines(line: str, expected: str | None) -> None:
    assert parse_editor(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("记者 王强 通讯员 张华", "王强 张华"),
    ("本报讯（记者 陈晓东 通讯员 刘镕）北方稀土日前召开董事会", "陈晓东 刘镕"),
    ("作者：郭晓敏", "郭晓敏"),
    ("新华社记者 伊琳、李清芬", "伊琳 李清芬"),
    ("本网 记者韩雪报道", "韩雪"),
    ("記者鄧富珍／彰化報導", "鄧富珍"),
    ("文/格桑·边觉", "格桑·边觉"),
    ("记者从包头稀土高新区管委会获悉，今年产值增长", None),
    ("新京报记者 彭冲 山东冠县报道", "彭冲"),
    ("记者调查 民意调查", None),
    ("与作者联系（英文）", None),
    ("执笔人：闵乐夫 赵兰波 刘韬", "闵乐夫 赵兰波 刘韬"),
    ("（执笔：王强）", "王强"),
    ("顶端新闻·河南商报记者马俊峰/文 受访者供图", "马俊峰"),
])
def test_reporter_names_without_their_labels(line: str, expected: str | None) -> None:
    assert parse_author(line) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("……所有的改革难道不都是利益再分配的过程吗？”（姚峰 上海报道）", "姚峰"),
    ("……过一个平安、祥和、温馨、廉洁的新春佳节。（常书香 马丹阳 ）", "常书香 马丹阳"),
    ("……各项工作有序推进。（新华社）", None),
    ("……各项工作有序推进。（完）", None),
])
def test_unlabelled_byline_closing_the_article(paragraph: str, expected: str | None) -> None:
    assert parse_byline(paragraph) == expected


@pytest.mark.parametrize(("page_title", "expected"), [
    ("新能源汽车销量创新高_财经频道_某某网", "新能源汽车销量创新高"),
    ("新能源汽车销量创新高--社会--人民网", "新能源汽车销量创新高"),
    ("新能源汽车销量创新高 - 新闻中心 - 某某网", "新能源汽车销量创新高"),
    ("新能源汽车销量创新高|某某网", "新能源汽车销量创新高"),
    ("专家：新能源汽车销量将创新高", "专家：新能源汽车销量将创新高"),
])
def test_site_suffix_is_cut_from_the_browser_title(page_title: str, expected: str) -> None:
    assert strip_site_suffix(page_title) == expected


def _page(title_tag: str, heading: str) -> str:
    return f"""<html><head><title>{title_tag}</title></head><body>
    <div class="logo"><h1><a href="/">某某网</a></h1></div>
    <div class="art"><h2 class="art-title">{heading}</h2>
    <p>今年前十个月，全国新能源汽车销量同比增长百分之三十，创历史新高，市场渗透率持续提升。</p>
    <p>业内人士认为，电池成本下降和充电网络完善是主要原因，未来几年增长仍将持续，出口也有望扩大。</p>
    </div></body></html>"""


def test_headline_is_the_heading_the_browser_title_repeats_not_the_site_logo() -> None:
    page = _page("格兰仕连曝质量门 专家:多元化战略需脚踏实地-财经-某某网",
                 "格兰仕连曝质量门 专家:多元化战略需脚踏实地")
    assert extract_html(page).title == "格兰仕连曝质量门 专家:多元化战略需脚踏实地"


def test_headline_of_an_epaper_page_whose_browser_title_is_the_paper_name() -> None:
    page = _page("包钢日报数字报", "稀土高新区永磁产业集群产值突破千亿元")
    assert extract_html(page).title == "稀土高新区永磁产业集群产值突破千亿元"


def test_published_at_falls_back_to_the_date_in_the_url() -> None:
    page = _page("新能源汽车销量创新高_某某网", "新能源汽车销量创新高")
    extraction = extract_html(page, url="http://www.example.cn/2026/11/27/a.html")
    assert extraction.published_at == at(2026, 11, 27)


def test_published_at_prefers_meta_tags_over_the_url() -> None:
    page = _page("新能源汽车销量创新高_某某网", "新能源汽车销量创新高").replace(
        "<head>", '<head><meta property="article:published_time" content="2026-11-26T23:15:00+08:00">')
    extraction = extract_html(page, url="http://www.example.cn/2026/11/27/a.html")
    assert extraction.published_at == at(2026, 11, 26, 23, 15)


@pytest.mark.parametrize(("line", "expected"), [
    ("本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.", "大卫"),
    ("由海姑娘张贴 @ 2005-03-21 01:20:44 (359) 共 3 篇评论", "海姑娘"),
    ("由 zboy 发表于 2005-07-31 12:30", "zboy"),
    ("由于天气原因，比赛于2025年6月8日延期发布", None),
    ("这是由国务院于2025年发布的通知", None),
    ("本文由新华社于2025年6月8日发布", None),
])
def test_who_posted_a_blog_entry_or_forum_post(line: str, expected: str | None) -> None:
    assert parse_poster(line) == expected


_PROSE = ("<p>今年前十个月，全国新能源汽车销量同比增长百分之三十，创历史新高，市场渗透率持续提升。</p>"
          "<p>业内人士认为，电池成本下降和充电网络完善是主要原因，未来几年增长仍将持续，出口也有望扩大。</p>")


def _article(before_body: str, after_body: str = "", head: str = "") -> str:
    return f"""<html><head><title>新能源汽车销量创新高_某某网</title>{head}</head><body>
    <div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
    <div class="art"><h1>新能源汽车销量创新高</h1>{before_body}{_PROSE}{after_body}</div>
    </body></html>"""


def test_forum_post_gives_its_poster_and_the_time_it_was_posted() -> None:
    page = _article("", "<p><center>本贴由<b>老张</b>于2025年6月8日20:41:30在〖汽车论坛〗发表.</center></p>")
    extraction = extract_html(page)
    assert extraction.author == "老张"
    assert extraction.published_at == at(2025, 6, 8, 20, 41, 30)


def test_a_bare_date_line_under_the_headline_is_the_publication_date() -> None:
    page = _article("<p>作者： 周思博</p><p>2025年6月8日</p>")
    assert extract_html(page).published_at == at(2025, 6, 8)


def test_aspx_style_month_first_dateline() -> None:
    page = _article('<div class="info">作者：王强 来源：本站 发布日期： 6/8/2025 8:41:30 PM</div>')
    assert extract_html(page).published_at == at(2025, 6, 8, 20, 41, 30)


def test_reporter_line_below_a_subtitle_and_a_photo_caption() -> None:
    page = _article("<p>前十个月销量同比增长三成，充电网络加快完善</p><p>新能源汽车展销现场</p>"
                    "<p>某某日报记者 陈晓东/文 受访者供图</p>")
    assert extract_html(page).author == "陈晓东"


def test_an_as_of_date_is_not_the_publication_date() -> None:
    page = _article("").replace(
        '<div class="art">', '<div class="blog">车市观察精选文章（截至2026年8月10日）</div><div class="art">')
    extraction = extract_html(page, url="http://www.example.cn/2025/06/08/a.html")
    assert extraction.published_at == at(2025, 6, 8)
