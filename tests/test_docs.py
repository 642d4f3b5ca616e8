"""The README documents every command and every settings key (sqlite-utils' habit)."""

from tests.conftest import ROOT

from pipeline.cli import build_parser
from pipeline.config import Settings

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    out = []
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        nested = [a for a in command._actions if a.dest == "action"]
        if nested:
            out += [f"pipeline {name} {action}" for action in nested[0].choices]  # type: ignore[union-attr]
        else:
            out.append(f"pipeline {name}")
    return out


def test_every_command_is_documented():
    missing = [c for c in _commands() if f"`{c}" not in README]
    assert not missing


def test_every_settings_key_is_documented():
    keys = list(Settings.model_fields)
    for section in ("fetch", "translate", "publish"):
        keys += list(Settings.model_fields[section].annotation.model_fields)  # type: ignore[union-attr]
    assert not [k for k in keys if k not in README]


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
