"""Regression gate: extraction quality on the shared dev corpus may not drop below the pinned floor.

The floor lives in ``dev_floor.json`` beside this file. The scoring is the
corpus scorer's own (``shared/tools/extract_eval.py``: bag of tokens, one token
per CJK character, NFKC, lower case, punctuation ignored). A change that
improves the numbers must raise the floor in the same commit: the gate also
fails when the floor has fallen more than ``SLACK`` behind the measurement.
The publish-date and reporter figures (``date_day``, ``author``) are
``bench/metadata.py``'s, on the pages whose gold has a date or an author. The
eval split is never read here.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
from pathlib import Path
from types import ModuleType

import pytest

from pipeline.extract.scorer import extract

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "corpus/dev"
SCORER = SHARED / "tools/extract_eval.py"
FLOOR = Path(__file__).with_name("dev_floor.json")
METADATA_BENCH = Path(__file__).resolve().parents[2] / "bench/metadata.py"
SLACK = 0.005  # how far the measurement may run ahead of the pinned floor

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (DEV.is_dir() and SCORER.is_file()),
                       reason=f"dev corpus or scorer not found under {SHARED}: put the shared folder (corpus/dev, tools/extract_eval.py) beside the checkout to run this gate"),
]


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _scorer() -> ModuleType:
    return _module("extract_eval", SCORER)


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    scorer = _scorer()
    f1s: list[float] = []
    exact: list[bool] = []
    fuzzy: list[bool] = []
    for gold, html_path in scorer.load_split(str(DEV)):
        out = extract(Path(html_path).read_bytes(), gold.get("url"))
        f1s.append(scorer.prf(gold["body"], out["body"])["f1"])
        if gold.get("title"):
            match = scorer.title_match(gold["title"], out["title"])
            exact.append(match["exact"])
            fuzzy.append(match["fuzzy"])
    return {
        "pages": len(f1s),
        "f1_mean": statistics.mean(f1s),
        "f1_median": statistics.median(f1s),
        "pages_below_0_5": sum(f < 0.5 for f in f1s),
        "title_exact": sum(exact) / len(exact),
        "title_fuzzy": sum(fuzzy) / len(fuzzy),
    }


def test_dev_quality_does_not_drop_below_the_floor(measured: dict[str, float]) -> None:
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    assert measured["pages"] == floor["pages"], "the dev split changed: re-pin dev_floor.json"
    for key in ("f1_mean", "f1_median", "title_exact", "title_fuzzy"):
        assert measured[key] >= floor[key], f"{key} fell to {measured[key]:.4f} (floor {floor[key]})"
    assert measured["pages_below_0_5"] <= floor["pages_below_0_5"]


@pytest.fixture(scope="module")
def measured_metadata() -> dict[str, float]:
    return dict(_module("bench_metadata", METADATA_BENCH).score(DEV).figures())


def test_dev_metadata_does_not_drop_below_the_floor(measured_metadata: dict[str, float]) -> None:
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    for key in ("date_day", "author"):
        assert measured_metadata[key] >= floor[key], (
            f"{key} fell to {measured_metadata[key]:.4f} (floor {floor[key]})")


def test_the_metadata_floor_is_raised_with_the_improvements(
        measured_metadata: dict[str, float]) -> None:
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    for key in ("date_day", "author"):
        assert measured_metadata[key] - floor[key] <= 0.03, (  # one page is ~0.03
            f"{key} is {measured_metadata[key]:.4f}, well above the floor {floor[key]}: "
            "raise it in tests/extract/dev_floor.json"
        )


def test_the_floor_is_raised_with_the_improvements(measured: dict[str, float]) -> None:
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    for key in ("f1_mean", "title_exact"):
        assert measured[key] - floor[key] <= SLACK, (
            f"{key} is {measured[key]:.4f}, well above the floor {floor[key]}: "
            "raise it in tests/extract/dev_floor.json"
        )
