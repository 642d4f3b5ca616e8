"""The extract stage on the recorded demo pages: what a reader of the English would need."""

from datetime import date, datetime

import pytest
from tests.conftest import EXPECTED, RECORDED, ROOT

from pipeline.config import FetchSettings, load_sources
from pipeline.extract.stage import Extractor
from pipeline.fetch import Fetcher, build_client

ARTICLES = EXPECTED["articles"]


@pytest.fixture(scope="module")
def extracted():
    settings = FetchSettings(delay=0, replay_dir=RECORDED)
    fetcher = Fetcher(build_client(settings), settings)
    extractor = Extractor(load_sources(ROOT / "config/sources.toml"))
    return {url: extractor.extract(fetcher.fetch(url), spec["source_id"])
            for url, spec in ARTICLES.items()}


@pytest.mark.parametrize("url", list(ARTICLES))
def test_article_text_and_metadata(extracted, url):
    spec, article = ARTICLES[url], extracted[url]
    assert article.headline == spec["headline"]
    assert article.paragraphs[0] == spec["first_paragraph"]
    assert article.paragraphs[-1] == spec["last_paragraph"]
    assert len(article.paragraphs) == spec["paragraph_count"]
    assert article.source_line == spec["source_line"]
    assert article.editor == spec["editor"]
    for name in spec["reporters"]:
        assert name in (article.reporter or "")
    assert article.method == "selectors"
    assert [image.model_dump() for image in article.images] == spec["images"]


@pytest.mark.parametrize("url", list(ARTICLES))
def test_publish_date_is_in_shanghai_time(extracted, url):
    spec, article = ARTICLES[url], extracted[url]
    assert article.published_at is not None
    assert article.published_at.utcoffset().total_seconds() == 8 * 3600
    if "T" in spec["published_at"]:
        assert article.published_at == datetime.fromisoformat(spec["published_at"])
    else:
        assert article.published_at.date() == date.fromisoformat(spec["published_at"])


@pytest.mark.parametrize("url", list(ARTICLES))
def test_no_boilerplate_or_captions_in_the_body(extracted, url):
    body = "\n".join(extracted[url].paragraphs)
    for junk in ("上一篇", "下一篇", "责任编辑", "版权所有", "分享到", "相关阅读", "（记者", "摄）"):
        if junk == "（记者" and junk in ARTICLES[url]["first_paragraph"]:
            continue
        assert junk not in body.replace(ARTICLES[url]["first_paragraph"], ""), junk


def test_attribution_travels_with_the_article(extracted):
    url = "http://epaper.baogangdaily.example/bgrb/html/2026-11/27/content_7741_1.htm"
    attribution = extracted[url].attribution
    assert (attribution.outlet_zh, attribution.outlet_en) == ("包钢日报", "Baogang Daily")
    assert attribution.url == url
    assert attribution.original_headline == ARTICLES[url]["headline"]


def test_redirected_article_is_attributed_to_its_final_url(extracted):
    url = "https://www.reindustry.example/news/2026/11/1043.html"
    assert extracted[url].url == url
