"""Settings, sources and glossary: precedence and errors that name the file and key."""

from pathlib import Path

import pytest
from tests.conftest import cli

from pipeline.config import load_glossary, load_settings, load_sources
from pipeline.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_file_then_environment(workspace: Path, monkeypatch: pytest.MonkeyPatch):
    path = write(workspace / "s.toml", "lookback_days = 3\n[fetch]\ndelay = 4.5\n")
    settings = load_settings(path)
    assert settings.lookback_days == 3
    assert settings.fetch.delay == 4.5
    assert settings.fetch.timeout == 20  # default kept
    monkeypatch.setenv("PIPELINE_FETCH__DELAY", "0.5")
    monkeypatch.setenv("PIPELINE_LOOKBACK_DAYS", "1")
    settings = load_settings(path)
    assert (settings.fetch.delay, settings.lookback_days) == (0.5, 1)


def test_unknown_key_is_an_error_naming_file_and_key(workspace: Path):
    path = write(workspace / "s.toml", "[fetch]\ndelya = 2\n")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert "s.toml: fetch.delya: unknown key" in str(err.value)


def test_wrong_type_names_the_value(workspace: Path):
    path = write(workspace / "s.toml", 'max_attempts = "three"\n')
    with pytest.raises(ConfigError, match=r"max_attempts: .*'three'"):
        load_settings(path)


def test_bad_environment_value_names_the_variable(workspace: Path, monkeypatch):
    monkeypatch.setenv("PIPELINE_FETCH__TIMEOUT", "-1")
    with pytest.raises(ConfigError, match=r"\$PIPELINE_FETCH__TIMEOUT: fetch.timeout"):
        load_settings(Path("config/demo.toml"))


def test_unknown_engine_lists_the_valid_ones(workspace: Path):
    path = write(workspace / "s.toml", '[translate]\nengine = "deepl-typo"\n')
    with pytest.raises(ConfigError, match=r"translate.engine: .*valid: gloss, google"):
        load_settings(path)


def test_unknown_publisher_is_rejected(workspace: Path):
    path = write(workspace / "s.toml", '[publish]\npublishers = ["markdown", "wordpres"]\n')
    with pytest.raises(ConfigError, match="unknown publisher 'wordpres'"):
        load_settings(path)


def test_invalid_toml_names_the_file(workspace: Path):
    path = write(workspace / "s.toml", "lookback_days = = 1\n")
    with pytest.raises(ConfigError, match="s.toml: invalid TOML"):
        load_settings(path)


def test_sources_file_loads_typed_by_kind():
    sources = load_sources(Path(__file__).parents[1] / "config/sources.toml")
    assert [(s.id, s.kind) for s in sources] == [("baogang-daily", "epaper"), ("reindustry", "listing")]
    assert sources[0].selectors is not None and sources[0].selectors.body == "#ozoom"


@pytest.mark.parametrize(("body", "message"), [
    ('kind = "rss"', r"sources\[0\].kind: unknown source kind 'rss'; valid: epaper, listing"),
    ('kind = "listing"\nlisting_urls = ["https://a.example/"]\nlisting_url = 1',
     r"sources\[0\].listing_url: unknown key"),
    ('kind = "epaper"\nindex_url = "http://a.example/{day}/node_1.htm"', r"sources\[0\].index_url"),
    ('kind = "epaper"\nindex_url = "http://a.example/node_1.htm"\narticle_link = "content_(("',
     r"article_link: .*regular expression"),
])
def test_bad_source_entries_are_named(tmp_path: Path, body: str, message: str):
    path = write(tmp_path / "sources.toml",
                 f'[[sources]]\nid = "x"\noutlet_zh = "某报"\noutlet_en = "Some Daily"\n{body}\n')
    with pytest.raises(ConfigError, match=message):
        load_sources(path)


def test_duplicate_source_ids_are_rejected(tmp_path: Path):
    entry = '[[sources]]\nid = "x"\nkind = "listing"\noutlet_zh = "甲"\noutlet_en = "A"\nlisting_urls = ["https://a.example/"]\n'
    with pytest.raises(ConfigError, match="duplicate source id 'x'"):
        load_sources(write(tmp_path / "s.toml", entry + entry))


def test_glossary_errors_name_the_line(tmp_path: Path):
    assert [e.en for e in load_glossary(write(tmp_path / "g.tsv", "zh\ten\n稀土\trare earths\n"))] == ["rare earths"]
    with pytest.raises(ConfigError, match="g.tsv: line 3: expected"):
        load_glossary(write(tmp_path / "g.tsv", "zh\ten\n稀土\trare earths\n包头\n"))
    with pytest.raises(ConfigError, match="header"):
        load_glossary(write(tmp_path / "g.tsv", "稀土\trare earths\n"))


def test_cli_bad_config_exits_2_with_one_line(workspace: Path):
    write(workspace / "config/demo.toml", "[fetch]\ntimeuot = 3\n")
    proc = cli("status", cwd=workspace, check=2)
    lines = proc.stderr.strip().splitlines()
    assert lines == ["pipeline: error: config/demo.toml: fetch.timeuot: unknown key"]


def test_cli_missing_config_file_exits_2(workspace: Path):
    proc = cli("--config", "nope.toml", "status", cwd=workspace, check=2)
    assert "nope.toml: file not found" in proc.stderr
