"""Settings, sources and glossary: one typed model each, validated at load.

Precedence, highest first: ``PIPELINE_*`` environment variables (nested keys
with ``__``, e.g. ``PIPELINE_FETCH__TIMEOUT=5``), then the TOML settings file,
then the defaults below. Unknown keys are errors, never silent defaults.
Relative paths are relative to the current working directory.
"""

from __future__ import annotations

import csv
import os
import tomllib
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from pipeline import registry
from pipeline.errors import ConfigError
from pipeline.models import SiteSelectors

DEFAULT_CONFIG = Path("config/pipeline.toml")
USER_AGENT = "zh-news-pipeline/0.1 (+https://example.org/zh-news-pipeline; translation for attribution)"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FetchSettings(_Section):
    timeout: float = Field(20.0, gt=0, description="seconds per request")
    user_agent: str = USER_AGENT
    max_redirects: int = Field(5, ge=0)
    delay: float = Field(1.0, ge=0, description="seconds between requests to one host")
    retries: int = Field(2, ge=0, description="extra attempts on timeouts and 5xx")
    robots: bool = Field(True, description="obey robots.txt (and its Crawl-delay)")
    replay_dir: Path | None = Field(
        None, description="serve responses from recordings here instead of the network"
    )


class TranslateSettings(_Section):
    engine: str = "gloss"
    fallback: list[str] = Field([], description="engines to try, in order, when it fails")
    timeout: float = Field(30.0, gt=0, description="seconds per engine call")
    source_language: str = "zh-CN"
    target_language: str = "en"
    endpoint: str | None = Field(None, description="override the engine's URL (a proxy)")

    @field_validator("engine", "fallback")
    @classmethod
    def _known_engine(cls, value: str | list[str]) -> str | list[str]:
        for name in [value] if isinstance(value, str) else value:
            if name not in registry.ENGINES:
                valid = ", ".join(sorted(registry.ENGINES))
                raise ValueError(f"unknown engine {name!r}; valid: {valid}")
        return value


class PublishSettings(_Section):
    publishers: list[str] = ["markdown", "html"]
    out_dir: Path = Path("out")
    translated_by: str = Field("the zh-news-pipeline desk", min_length=1)

    @field_validator("publishers")
    @classmethod
    def _known_publishers(cls, value: list[str]) -> list[str]:
        for name in value:
            if name not in registry.PUBLISHERS:
                valid = ", ".join(sorted(registry.PUBLISHERS))
                raise ValueError(f"unknown publisher {name!r}; valid: {valid}")
        return value


class Settings(BaseSettings):
    """Everything a run needs to know, from ``config/pipeline.toml`` and the environment."""

    model_config = SettingsConfigDict(
        env_prefix="PIPELINE_", env_nested_delimiter="__", extra="forbid"
    )
    toml_path: ClassVar[Path | None] = None

    store_url: str = "sqlite:///data/pipeline.db"
    lock_file: Path = Path("data/pipeline.lock")
    sources_file: Path = Path("config/sources.toml")
    glossary_file: Path = Path("config/glossary.tsv")
    as_of: date | None = Field(None, description="pin 'today' (Asia/Shanghai) for discovery")
    lookback_days: int = Field(0, ge=0, le=60)
    max_attempts: int = Field(3, ge=1, description="attempts per article before it stays failed")
    fetch: FetchSettings = FetchSettings()
    translate: TranslateSettings = TranslateSettings()
    publish: PublishSettings = PublishSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if cls.toml_path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=cls.toml_path))
        return tuple(sources)


def _describe(exc: ValidationError) -> tuple[str, str]:
    err = exc.errors()[0]
    key = ".".join(str(part) for part in err["loc"]) or "(top level)"
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message = "unknown key"
    elif "input" in err and not isinstance(err["input"], dict | list):
        message += f" (got {err['input']!r})"
    return key, message


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError("file not found", file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", file=str(path)) from exc


def load_settings(path: Path | None = None) -> Settings:
    """Load settings from ``path`` (or ``$PIPELINE_CONFIG``, or the default file)."""
    if path is None:
        env = os.environ.get("PIPELINE_CONFIG")
        path = Path(env) if env else DEFAULT_CONFIG
    if path != DEFAULT_CONFIG or path.exists():
        _read_toml(path)  # syntax errors name the file
    toml_path = path if path.exists() else None

    class _Loaded(Settings):
        pass

    _Loaded.toml_path = toml_path
    try:
        return _Loaded()
    except ValidationError as exc:
        key, message = _describe(exc)
        env_name = "PIPELINE_" + key.upper().replace(".", "__")
        origin = f"${env_name}" if env_name in os.environ else str(path)
        raise ConfigError(message, file=origin, key=key) from exc


class SourceConfig(BaseModel):
    """Fields every source has; each kind adds its own (see ``pipeline.sources``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    kind: str
    outlet_zh: str = Field(min_length=1)
    outlet_en: str = Field(min_length=1)
    enabled: bool = True
    selectors: SiteSelectors | None = None

    def entry_urls(self) -> list[str]:
        """The URLs discovery starts from (a kind overrides this)."""
        return []


def load_sources(path: Path, *, missing_ok: bool = False) -> list[SourceConfig]:
    """Read ``sources.toml``: a ``[[sources]]`` table per source, typed by its kind."""
    if missing_ok and not path.exists():
        return []
    data = _read_toml(path)
    extra = set(data) - {"sources"}
    if extra:
        raise ConfigError("unknown key", file=str(path), key=sorted(extra)[0])
    entries = data.get("sources", [])
    out: list[SourceConfig] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where = f"sources[{i}]"
        if not isinstance(entry, dict):
            raise ConfigError("expected a table", file=str(path), key=where)
        kind = entry.get("kind")
        if not isinstance(kind, str):
            raise ConfigError("missing 'kind'", file=str(path), key=where)
        try:
            source_cls = registry.load(registry.SOURCE_KINDS, kind, "source kind")
        except registry.UnknownName as exc:
            raise ConfigError(str(exc), file=str(path), key=f"{where}.kind") from None
        try:
            config = source_cls.Config.model_validate(entry)
        except ValidationError as exc:
            key, message = _describe(exc)
            raise ConfigError(message, file=str(path), key=f"{where}.{key}") from exc
        if config.id in seen:
            raise ConfigError(f"duplicate source id {config.id!r}", file=str(path), key=where)
        seen.add(config.id)
        out.append(config)
    return out


class GlossaryEntry(BaseModel):
    model_config = ConfigDict(frozen=True)
    zh: str
    en: str
    note: str = ""


def load_glossary(path: Path, *, missing_ok: bool = False) -> list[GlossaryEntry]:
    """Read a tab-separated glossary with a ``zh<TAB>en[<TAB>note…]`` header."""
    if missing_ok and not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 ({exc.reason})", file=str(path)) from exc
    rows = list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [c.strip().lower() for c in rows[0][:2]] != ["zh", "en"]:
        raise ConfigError("first line must be the header 'zh<TAB>en'", file=str(path), key="line 1")
    entries = []
    for lineno, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise ConfigError("expected 'zh<TAB>en'", file=str(path), key=f"line {lineno}")
        note = row[2].strip() if len(row) > 2 else ""
        entries.append(GlossaryEntry(zh=row[0].strip(), en=row[1].strip(), note=note))
    return entries

