"""Shared test fixtures: a demo workspace in a temporary directory, and a CLI runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
RECORDED = FIXTURES / "recorded"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo configuration in a temporary working directory."""
    shutil.copytree(ROOT / "config", tmp_path / "config")
    demo = (tmp_path / "config/demo.toml").read_text(encoding="utf-8")
    demo = demo.replace('replay_dir = "fixtures/recorded"', f'replay_dir = "{RECORDED}"')
    (tmp_path / "config/demo.toml").write_text(demo, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("PIPELINE_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("PIPELINE_CONFIG", "config/demo.toml")
    return tmp_path


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None,
        check: int | None = 0, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pipeline ARGS`` as a user would, in ``cwd``."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PIPELINE_")}
    full_env["PIPELINE_CONFIG"] = "config/demo.toml"
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
    if check is not None:
        assert proc.returncode == check, (proc.returncode, proc.stdout, proc.stderr)
    return proc


@pytest.fixture(scope="session")
def gloss_engine() -> Iterator[object]:
    """One gloss engine for the session: it loads CC-CEDICT and jieba (a second or two)."""
    from pipeline.config import TranslateSettings, load_glossary
    from pipeline.translate import Glossary
    from pipeline.translate.gloss import GlossEngine

    glossary = Glossary(load_glossary(ROOT / "config/glossary.tsv"))
    yield GlossEngine(TranslateSettings(), glossary)
