"""The evaluation figures on the shared development sets must not fall below their recorded baselines.

``benchmarks/scores.py`` holds the suites and ``benchmarks/baselines.json`` the accepted figures; a change that
raises them records the new figures with ``python benchmarks/scores.py --update``. Skipped where ``../shared`` is
absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "scores.py"


def _scores() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sitrep_bench_scores", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


SCORES = _scores()


def test_every_suite_has_a_baseline() -> None:
    baselines = SCORES.load_baselines()
    for suite in SCORES.SUITES:
        assert set(suite.metrics) <= set(baselines.get(suite.name, {})), suite.name


def test_metric_paths_read_metrics_then_labels() -> None:
    metrics = {"strict": {"f1": 0.9}, "macro_f1": 0.7}
    per_label = {"PER": {"f1": 0.8}}
    assert SCORES.metric_value(metrics, per_label, "strict.f1") == 0.9
    assert SCORES.metric_value(metrics, per_label, "macro_f1") == 0.7
    assert SCORES.metric_value(metrics, per_label, "PER.f1") == 0.8
    assert SCORES.metric_value(metrics, per_label, "ORG.f1") is None


def test_a_fall_beyond_the_tolerance_is_reported() -> None:
    assert SCORES.Row("s", "m", 0.80, 0.81, 0.005).status == "FALLEN"
    assert SCORES.Row("s", "m", 0.807, 0.81, 0.005).status == "ok"
    assert SCORES.Row("s", "m", None, 0.81, 0.005).status == "missing"


@pytest.mark.slow
@pytest.mark.parametrize("suite", SCORES.SUITES, ids=lambda s: s.name)
def test_scores_do_not_fall(suite: object, shared_data: Path) -> None:
    path = suite.location(shared_data)  # type: ignore[attr-defined]
    if not path.exists():
        pytest.skip(f"{path} is missing")
    baselines = SCORES.load_baselines()
    [(rows, _seconds)] = list(SCORES.run_suites([suite], shared_data, baselines, 0.005))
    fallen = [f"{r.metric}: {r.value} < baseline {r.baseline}" for r in rows if r.status in ("FALLEN", "missing")]
    assert not fallen, fallen
