"""Turn the blocks of an article container into paragraphs, images and metadata.

The container chosen by the selectors or by the generic scorer still holds
things that are not body text: the headline again, the dateline and source
line, share bars, 上一篇/下一篇, related-article lists, editor lines, image
captions. This module sorts each block into one of: paragraph, caption (kept
with its image), metadata line (parsed, not kept), boilerplate (dropped), or a
stop marker after which nothing belongs to the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from pipeline.extract import labels
from pipeline.extract.dates import has_time, parse_date
from pipeline.extract.flow import Block
from pipeline.extract.text import ends_sentence, fold
from pipeline.models import Image

_STOP = re.compile(
    r"^[【\[<〖(（]?\s*(?:相关新闻|相关阅读|相关链接|相关报道|相关文章|相关稿件|相關新聞|延伸阅读|"
    r"推荐阅读|热点推荐|热门推荐|猜你喜欢|更多精彩|网友评论|我要评论|发表评论|評論|热门评论|"
    r"上一篇|下一篇|上一條|下一條|上一条|下一条|点击排行|今日推荐|精彩推荐|阅读排行|"
    r"相关专题|新闻排行|往期回顾|(?:网友|網友|读者)?(?:评论|評論|留言)\s*(?:[(（]\d+[)）])?\s*$|"
    r"我来说两句|我要留言)"
)
_BOILER = re.compile(
    r"^[【\[(（]?\s*(?:分享到|分享至|转发到|打印本页|打印|关闭窗口|關閉窗口|返回顶部|返回首页|"
    r"收藏本文|推荐给好友|字号|字體|我要纠错|纠错|扫一扫|扫描二维码|点击进入|进入论坛|"
    r"查看原图|查看大图|点击查看|本文地址|原文链接|版权所有|版權所有|copyright|©|"
    r"声明[：:]|免责声明|特别声明|未经授权|凡本网注明|举报|投稿|"
    r"微信|微博|qq空间|人人网|豆瓣|手机看新闻|手机上|点击这里|更多\s*>|"
    r"上一页|下一页|第\s*\d+\s*页|共\s*\d+\s*页|首页\s*上一页|您现在的位置|您的位置|当前位置|"
    r"现在位置|所在位置|凡注明|本网注明|本站注明|转载请注明)",
    re.IGNORECASE,
)
_FONT_SIZE = re.compile(r"字号\s*[:：]?\s*[【\[]?\s*大\s*[\]】]?\s*[【\[]?\s*中|大\s+中\s+小")
_META_LABEL = re.compile(
    r"(?:来源|來源|稿源|作者|记者|記者|通讯员|通訊員|编辑|編輯|责编|發佈|发布|发表|时间|時間|日期|"
    r"点击|浏览|阅读|字号)\s*[：:]"
)
_PAGER = re.compile(r"^(?:[\[【]?\s*\d{1,3}\s*[\]】]?\s*){2,}(?:下一页|末页|>>)?$")


@dataclass(slots=True)
class BodyParts:
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    meta_lines: list[str] = field(default_factory=list)


def _is_meta_line(block: Block) -> bool:
    text = block.text
    if block.chars > 90 or "。" in text:
        return False
    if _META_LABEL.search(text):
        return True
    return bool(has_time(text) and block.chars < 40 and parse_date(text))


def _is_editor_line(text: str) -> bool:
    return len(text) <= 60 and labels.parse_editor(text) is not None


def _image(block: Block, base_url: str | None) -> Image | None:
    img = block.img
    if img is None:
        return None
    src = ""
    for attr in ("data-original", "data-src", "original", "file", "src"):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            src = value
            break
    if not src or _tiny(img) or re.search(r"(?:logo|icon|share|spacer|blank|qrcode|erweima)",
                                          src, re.IGNORECASE):
        return None
    if base_url:
        src = urljoin(base_url, src)
    alt = (img.get("alt") or "").strip()
    return Image(src=src, caption=alt or None)


def _tiny(img: object) -> bool:
    get = getattr(img, "get")  # noqa: B009
    for attr in ("width", "height"):
        value = re.match(r"\s*(\d+)", get(attr) or "")
        if value and int(value.group(1)) < 60:
            return True
    return False


def _caption_like(block: Block) -> bool:
    return block.chars <= 80 and not (ends_sentence(block.text) and block.punct >= 3)


def split_blocks(blocks: list[Block], title: str | None, base_url: str | None) -> BodyParts:
    """Sort ``blocks`` into paragraphs, images (with captions) and metadata lines."""
    parts = BodyParts()
    title_key = fold(title) if title else ""
    last_image: int | None = None  # index into parts.images awaiting a caption
    for index, block in enumerate(blocks):
        if block.img is not None:
            image = _image(block, base_url)
            if image is not None:
                parts.images.append(image)
                last_image = len(parts.images) - 1
            continue
        text = block.text
        pending, last_image = last_image, None
        if block.caption or (pending is not None and _caption_like(block)):
            if parts.images:
                idx = pending if pending is not None else len(parts.images) - 1
                parts.images[idx] = parts.images[idx].model_copy(update={"caption": text})
            continue
        if parts.paragraphs and _STOP.match(text) and block.chars <= 12:
            if not _article_continues(blocks, index, parts.paragraphs):
                break
            continue
        if title_key and fold(text) == title_key:
            continue
        if _is_editor_line(text):
            parts.meta_lines.append(text)
            if parts.paragraphs and not _article_continues(blocks, index, parts.paragraphs):
                break
            continue
        if _is_meta_line(block):
            parts.meta_lines.append(text)
            continue
        if _drop(block):
            continue
        parts.paragraphs.append(text)
    return parts


def _article_continues(blocks: list[Block], index: int, kept: list[str]) -> bool:
    """Whether substantial prose follows a stop marker (a 延伸阅读 box mid-article)."""
    rest = sum(b.chars - b.link_chars for b in blocks[index + 1:]
               if b.punct >= 2 and b.link_ratio < 0.3)
    return rest > 0.5 * sum(len(p) for p in kept)


def _drop(block: Block) -> bool:
    text = block.text.lstrip("•·●■□◆◇▪►>» ")
    if block.link_ratio > 0.5 and not (block.chars > 60 and block.punct >= 3):
        return True
    if block.chars <= 60 and (_BOILER.match(text) or _FONT_SIZE.search(text) or _PAGER.match(text)):
        return True
    return bool(_STOP.match(text) and block.chars <= 40)
