"""Turn the blocks of an article container into paragraphs, images and metadata.

The container chosen by the selectors or by the generic scorer still holds
things that are not body text: the headline again, the dateline and source
line, share bars, 上一篇/下一篇, related-article lists, editor lines, image
captions. This module sorts each block into one of: paragraph, caption (kept
with its image), metadata line (parsed, not kept), boilerplate (dropped), or a
stop marker after which nothing belongs to the article.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from pipeline.extract import labels
from pipeline.extract.dates import has_time, parse_date
from pipeline.extract.flow import Block, Element
from pipeline.extract.text import fold
from pipeline.models import Image

_STOP = re.compile(
    r"^[【\[<〖(（]?\s*(?:相关新闻|相关阅读|相关链接|相关报道|相关文章|相关稿件|相關新聞|延伸阅读|"
    r"推荐阅读|热点推荐|热门推荐|猜你喜欢|更多精彩|网友评论|我要评论|发表评论|評論|热门评论|"
    r"上一篇|下一篇|上一條|下一條|上一条|下一条|点击排行|今日推荐|精彩推荐|阅读排行|"
    r"相关专题|新闻排行|往期回顾|(?:网友|網友|读者)?(?:评论|評論|留言)\s*(?:[(（]\d+[)）])?\s*$|"
    r"我来说两句|我要留言)"
)
#: Article tools and comment headers: the article is over when they appear
#: (as a short line of their own, or bracketed: 【打印】【关闭窗口】).
_END = re.compile(
    r"^[【\[(（]?\s*(?:打印|列印|关闭窗口|關閉視窗|关闭本页|发表评论|發表評論|我要评论|我來說兩句|"
    r"(?:网友|網友|读者|最新|热门)?(?:评论|評論|留言)\s*(?:[(（]\d+[)）])?\s*$|查看评论|"
    r"返回顶部|收藏本文|推荐给朋友)"
)
#: A blog's post footer ("由某某张贴 @ 2005-06-14 ... 发表评论"): the post is over.
_POST_FOOTER = re.compile(r"^由\S+(?:张贴|發表|发表于)")
#: Boilerplate lines, whatever their length (up to 60 characters).
_BOILER = re.compile(
    r"^[【\[(（]?\s*(?:分享到|分享至|转发到|打印本页|关闭窗口|關閉窗口|返回顶部|返回首页|"
    r"收藏本文|推荐给好友|我要纠错|扫一扫|扫描二维码|点击进入|进入论坛|"
    r"查看原图|查看大图|点击查看|本文地址|原文链接|版权所有|版權所有|copyright|©|"
    r"免责声明|特别声明|未经授权|凡本网注明|手机看新闻|点击这里|更多\s*>|"
    r"上一页|下一页|第\s*\d+\s*页|共\s*\d+\s*页|首页\s*上一页|您现在的位置|您的位置|当前位置|"
    r"现在位置|所在位置|凡注明|本网注明|本站注明|转载请注明)",
    re.IGNORECASE,
)
#: Tool and share-bar words: boilerplate only as short fragments ("打印", "微信 微博"),
#: since articles may begin with them ("打印机出货量……", "微信支付宣布……").
_TOOLS = re.compile(
    r"^[【\[(（]?\s*(?:打印|字号|字體|纠错|举报|投稿|微信|微博|新浪微博|腾讯微博|qq空间|QQ空间|人人网|"
    r"豆瓣|朋友圈|声明|收藏|推荐|分享)"
)
_COPYRIGHT = re.compile(r"版权所有|版權所有|copyright|all rights reserved|©|ICP备|ICP證|技术支持[：:]",
                        re.IGNORECASE)
_CAPTION_MARK = re.compile(
    r"^[(（\[【]?\s*(?:图为|图：|图:|图/|圖為|上图|下图|左图|右图|组图|▲|△|↑)|"
    r"(?:资料图|資料圖|供图|供圖|图片来源|图源|圖片來源|新华社发|摄\s*[)）]?$|攝\s*[)）]?$|图/|圖/)"
)
_HAS_WORD = re.compile(r"[^\W_]")
_FONT_SIZE = re.compile(r"字号\s*[:：]?\s*[【\[]?\s*大\s*[\]】]?\s*[【\[]?\s*中|大\s+中\s+小")
_META_LABEL = re.compile(
    r"(?:来源|來源|稿源|作者|记者|記者|通讯员|通訊員|编辑|編輯|责编|發佈|发布|发表|时间|時間|日期|"
    r"点击|浏览|阅读|字号)\s*[：:]"
)
_BYLINE = re.compile(r"^(?:本报|本報|本台|本网|本網)?(?:记者|記者|通讯员|通訊員)\s*\S{2,12}\s*(?:[/／]\s*\S{0,8})?(?:报道|報導|报导)$")
_PAGER = re.compile(r"^(?:[\[【]?\s*\d{1,3}\s*[\]】]?\s*){2,}(?:下一页|末页|>>)?$")


@dataclass(slots=True)
class Picture:
    src: str  # as written in the page (relative URLs stay relative)
    caption: str | None = None


@dataclass(slots=True)
class BodyParts:
    paragraphs: list[str] = field(default_factory=list)
    images: list[Picture] = field(default_factory=list)
    meta_lines: list[str] = field(default_factory=list)

    def image_models(self, base_url: str | None) -> tuple[Image, ...]:
        """The images as :class:`~pipeline.models.Image`, with absolute URLs when possible."""
        return tuple(Image(src=_absolute(base_url, p.src), caption=p.caption) for p in self.images)


def _absolute(base_url: str | None, src: str) -> str:
    if not base_url:
        return src
    try:
        return urljoin(base_url, src)
    except ValueError:  # a malformed URL (e.g. "http://[bad") stays as written
        return src


def _is_meta_line(block: Block) -> bool:
    text = block.text
    if block.chars > 90 or "。" in text:
        return False
    if _META_LABEL.search(text) or (block.chars <= 30 and _BYLINE.match(text)):
        return True
    return bool(has_time(text) and block.chars < 40 and parse_date(text))


def _image(block: Block) -> Picture | None:
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
    alt = (img.get("alt") or "").strip()
    return Picture(src, alt or None)


def _tiny(img: object) -> bool:
    get = getattr(img, "get")  # noqa: B009
    for attr in ("width", "height"):
        value = re.match(r"\s*(\d+)", get(attr) or "")
        if value and int(value.group(1)) < 60:
            return True
    return False


def _near(image_owner: object, owner: object) -> bool:
    """Whether a text block sits next to the image (same box, sibling box or parent box)."""
    if image_owner is None:
        return False
    if owner is image_owner:
        return True
    parent = getattr(owner, "getparent")()  # noqa: B009
    image_parent = getattr(image_owner, "getparent")()  # noqa: B009
    return parent is image_owner or owner is image_parent or (
        parent is not None and parent is image_parent)


def _caption_like(block: Block) -> bool:
    """A text right under an image reads as its caption: a photo credit or a
    picture marker, or a short line of at most one sentence."""
    if block.chars > 150:
        return False
    if _CAPTION_MARK.search(block.text):
        return True
    return block.chars <= 40 and block.punct <= 2


def split_blocks(blocks: list[Block], title: str | None) -> BodyParts:
    """Sort ``blocks`` into paragraphs, images (with captions) and metadata lines."""
    return _Sorter(blocks, title).run()


class _Sorter:
    def __init__(self, blocks: list[Block], title: str | None) -> None:
        self.blocks = blocks
        self.title = title or ""
        self.title_key = fold(title) if title else ""
        self.parts = BodyParts()
        self.kept_chars = 0
        self.caption_for: int | None = None  # index of the image awaiting a caption
        self.image_owner: Element | None = None
        self.prose_after: list[int] | None = None  # prose characters after each block

    def run(self) -> BodyParts:
        for index, block in enumerate(self.blocks):
            if block.img is not None:
                self.image(block)
            elif not self.caption(block) and self.text(index, block) is _STOP_HERE:
                break
        return self.parts

    def image(self, block: Block) -> None:
        image = _image(block)
        if image is not None:
            self.parts.images.append(image)
            self.caption_for = len(self.parts.images) - 1
            self.image_owner = block.owner

    def caption(self, block: Block) -> bool:
        """Attach ``block`` as a caption if it is one."""
        pending, self.caption_for = self.caption_for, None
        images = self.parts.images
        if not (block.caption or (pending is not None and _caption_like(block)
                                  and _near(self.image_owner, block.owner))):
            return False
        if images:
            index = pending if pending is not None else len(images) - 1
            images[index].caption = block.text
        return True

    def text(self, index: int, block: Block) -> object:
        text, parts = block.text, self.parts
        if block.chars <= 40:
            if self.kept_chars >= 80 and (
                    (_END.match(text) and (block.chars <= 12 or text[0] in "【[（("))
                    or _POST_FOOTER.match(text)):
                return _STOP_HERE
            if parts.paragraphs and block.chars <= 12 and _STOP.match(text):
                return None if self.continues(index) else _STOP_HERE
        if (self.title_key and abs(len(text) - len(self.title)) <= 8
                and fold(text) == self.title_key):
            return None
        if block.chars <= 60 and ("编" in text or "編" in text) and labels.parse_editor(text):
            parts.meta_lines.append(text)
            return None if not parts.paragraphs or self.continues(index) else _STOP_HERE
        if _is_meta_line(block):
            parts.meta_lines.append(text)
        elif not _drop(block):
            parts.paragraphs.append(text)
            self.kept_chars += block.chars
        return None

    def continues(self, index: int) -> bool:
        """Whether substantial prose follows a stop marker (a 延伸阅读 box mid-article)."""
        if self.prose_after is None:  # suffix sums, once: pages can have many markers
            prose = [b.chars - b.link_chars if b.punct >= 2 and b.link_ratio < 0.3 else 0
                     for b in self.blocks]
            self.prose_after = list(itertools.accumulate(reversed(prose), initial=0))[::-1]
        return self.prose_after[index + 1] > 0.5 * self.kept_chars


_STOP_HERE = object()


def _drop(block: Block) -> bool:
    text = block.text.lstrip("•·●■□◆◇▪►>» ")
    if not _HAS_WORD.search(text):  # separators, stray symbols
        return True
    if block.link_ratio > 0.5 and not (block.chars > 60 and block.punct >= 3):
        return True
    if block.chars <= 6 and text.endswith(("：", ":")):
        return True
    if block.chars <= 100 and _COPYRIGHT.search(text):
        return True
    if block.chars <= 12 and _TOOLS.match(text):
        return True
    if block.chars <= 60 and (_BOILER.match(text) or _FONT_SIZE.search(text) or _PAGER.match(text)):
        return True
    return bool(_STOP.match(text) and block.chars <= 40)
