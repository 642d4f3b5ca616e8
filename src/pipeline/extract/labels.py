"""Read labelled metadata lines: 来源, 记者/作者/通讯员, 责任编辑, 发布时间.

Chinese news templates print metadata as label-value pairs, often several on
one line (``2025-06-08 20:41 来源：新华社 作者：王强 【字号 大 中 小】``).
Each parser takes such a line and returns the value without its label.
"""

from __future__ import annotations

import re

_NAME = r"[\u4e00-\u9fff·•A-Za-z][\u4e00-\u9fff·•A-Za-z.]{0,15}"
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
    r"实习生|實習生|文\s*[/／|｜]|文\s*[：:]|撰文|采写)\s*[：:/／]?\s*"
)
_TRAILERS = re.compile(r"(?:报道|報導|报导|发自.*|摄影?|攝影?|整理|编译|編譯|供图|/图|／图|\s)+$")
_VALUE_STOP = re.compile(
    r"\s{2,}|[|｜【】\[\]]|\s(?=\d{4}[-年/])|"
    r"\s*(?=(?:特约|首席|本报|本台)?(?:记者|記者|作者|通讯员|通訊員|责任编辑|責任編輯|编辑|編輯|"
    r"发布|發佈|时间|時間|日期|点击|點擊|浏览)\s*[：:\s])"
)


def _value_after(match: re.Match[str], text: str) -> str:
    rest = text[match.end():]
    nxt = _NEXT_LABEL.search(rest)
    if nxt:
        rest = rest[: nxt.start()]
    stop = _VALUE_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    return rest.strip(" \t,，。;；:：、()（）")


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
        value = _TRAILERS.sub("", value)
        for name in re.split(r"[\s、，,;；和及]+", value):
            name = name.strip("：: ")
            if name and re.fullmatch(_NAME, name) and name not in names:
                names.append(name)
    return " ".join(names) or None
