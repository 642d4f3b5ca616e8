"""Read labelled metadata lines: 来源, 记者/作者/通讯员, 责任编辑, 发布时间.

Chinese news templates print metadata as label-value pairs, often several on
one line (``2025-06-08 20:41 来源：新华社 作者：王强 【字号 大 中 小】``).
Each parser takes such a line and returns the value without its label.
"""

from __future__ import annotations

import re

#: A reporter's name: 2-4 Han characters, a transcribed name with "·", or Latin words.
_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8})+|[A-Za-z][A-Za-z.\-]{1,30}"
)
_NOT_NAMES = frozenset({"本报", "本網", "本网", "本台", "本刊", "本站", "报道", "報導", "摄影", "通讯员",
                        "记者", "作者", "实习生", "特约", "综合", "整理", "编译"})
_LABELS = (
    r"来源|來源|稿源|信息来源|作者|作者：|记者|記者|通讯员|通訊員|编辑|編輯|责任编辑|責任編輯|责编|"
    r"发布时间|發佈時間|发布日期|发表时间|发稿时间|时间|時間|日期|点击|點擊|浏览|字号|字體|"
    r"阅读|閱讀|打印|分享|审核|校对|摄影|摄|供图|編輯者"
)
_NEXT_LABEL = re.compile(rf"\s*(?:[【\[（(|｜]\s*)?(?:{_LABELS})\s*[：:]")
_SOURCE = re.compile(r"(?:信息来源|稿件来源|文章来源|新闻来源|来源|來源|稿源|出处|出處)\s*[：:]\s*")
_EDITOR = re.compile(r"(?:责任编辑|責任編輯|责编|責編|本文编辑|编辑|編輯)\s*[：:]\s*")
_EDITOR_PAREN = re.compile(r"[（(【\[]\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:]?\s*([^）)】\]]{1,40})[）)】\]]")
_REPORTER = re.compile(
    r"(?:特约记者|首席记者|本报记者|本台记者|本網記者|本网记者|新华社记者|记者|記者|作者|通讯员|通訊員|"
    r"实习生|實習生|文\s*[/／|｜]|文\s*[：:]|撰文|采写|执笔人|執筆人|执笔|執筆)\s*[：:/／]?\s*"
)
#: Who posted a blog entry or forum post: "本贴由大卫于2005年8月12日16:12:21在〖…〗发表",
#: "由海姑娘张贴 @ 2005-03-21 01:20:44", "由 zboy 发表于 2005-07-31".
_POSTED_BY = re.compile(
    r"(?:^|本[贴帖文]|[\s，,。（(])由\s*([^\s于於@，,。]{1,20}?)\s*"
    r"(?:[于於@]\s*(?=.{0,40}?(?:\d{4}|\d月))|(?=张贴|張貼|发表|發表|发布|發佈|发帖|發帖))"
)
_POSTED_VERB = re.compile(r"张贴|張貼|发表|發表|发布|發佈|发帖|發帖|@")
_TRAILERS = re.compile(r"(?:报道|報導|报导|发自.*|摄影?|攝影?|整理|编译|編譯|供图|/图|／图|\s)+$")
_PLACE_REPORTED = re.compile(r"\s+\S{2,8}(?:报道|報導|报导|电|電)\s*$")
_BYLINE_END = re.compile(r"[（(]\s*([\u4e00-\u9fff·]{2,8}(?:\s+[\u4e00-\u9fff·]{2,10}){0,3})\s*[)）]\s*$")
_INSTITUTION = ("社", "报", "報", "网", "網", "台", "站", "部", "局", "委", "会", "會", "院", "办", "完",
                "处", "所", "厅", "司", "中心", "图", "摄", "供图")
_VALUE_STOP = re.compile(
    r"\s{2,}|[|｜【】\[\]（）()/／]|\s(?=\d{4}[-年/])|"
    r"\s*(?=(?:特约|首席|本报|本台)?(?:记者|記者|作者|通讯员|通訊員|责任编辑|責任編輯|编辑|編輯|"
    r"发布|發佈|时间|時間|日期|点击|點擊|浏览)\s*[：:\s])"
)


def _value_after(match: re.Match[str], text: str) -> str:
    rest = text[match.end(): match.end() + 80]  # values are short; bounds the regex work
    nxt = _NEXT_LABEL.search(rest)
    if nxt:
        rest = rest[: nxt.start()]
    stop = _VALUE_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    return rest.strip(" \t,，。;；:：、()（）")


#: Words that follow 记者/作者 in navigation and prose ("记者调查", "与作者联系").
_NOT_NAME_PARTS = re.compile(r"调查|文章|联系|聯繫|获悉|獲悉|了解|采访|採訪|走访|观察|觀察|手记|专访|来信|信箱|"
                             r"新闻|新聞|中心|编辑|專欄|专栏|节|證|证|从|在|的|是|们|們")


def _is_name(name: str) -> bool:
    return bool(_NAME.fullmatch(name)) and name not in _NOT_NAMES and not (
        _NOT_NAME_PARTS.search(name))


def parse_source(text: str) -> str | None:
    match = _SOURCE.search(text)
    if not match:
        return None
    value = _value_after(match, text)
    return value[:60] or None


def parse_editor(text: str) -> str | None:
    paren = _EDITOR_PAREN.search(text)
    if paren:
        return " ".join(paren.group(1).split()).strip("：: ") or None
    match = _EDITOR.search(text)
    if not match:
        return None
    value = _value_after(match, text)
    return " ".join(value.split())[:40] or None


def parse_author(text: str) -> str | None:
    """Reporter names behind 记者/作者/通讯员 labels, joined by a space."""
    names: list[str] = []
    for match in _REPORTER.finditer(text):
        value = _value_after(match, text)
        value = _REPORTER.split(value)[0]
        value = _PLACE_REPORTED.sub("", value)  # "王强 上海报道": the place is no name
        value = _TRAILERS.sub("", value)
        for name in re.split(r"[\s、，,;；和及]+", value):
            name = name.strip("：: ")
            if _is_name(name) and name not in names:
                names.append(name)
    return " ".join(names) or None


def parse_poster(text: str) -> str | None:
    """The user who posted a blog entry or forum post (``本贴由大卫于…发表``), or None.
    User names may be ids ("ggjjzhzz"), so any short token is accepted."""
    if "由" not in text or len(text) > 120 or not _POSTED_VERB.search(text):
        return None
    match = _POSTED_BY.search(text)
    if not match:
        return None
    name = match.group(1).strip("<>《》【】[]〖〗\"“”'")
    return name if name and not name.endswith(_INSTITUTION) else None


def parse_byline(paragraph: str) -> str | None:
    """Reporters named without a label in parentheses closing the article:
    ``（王强 上海报道）``, ``（王强 李明）``."""
    match = _BYLINE_END.search(paragraph)
    if not match:
        return None
    value = _PLACE_REPORTED.sub("", match.group(1))
    value = _TRAILERS.sub("", value)
    names = names_only(value)
    if names and not any(n.endswith(_INSTITUTION) for n in names.split()):
        return names
    return None


def names_only(text: str) -> str | None:
    """``text`` if it is nothing but person names (a ``<meta name=author>`` is often
    a site name or a user id), joined by a space; else None."""
    names = [n for n in re.split(r"[\s、，,;；]+", text.strip()) if n]
    if names and all(map(_is_name, names)):
        return " ".join(names)
    return None
