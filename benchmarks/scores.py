"""Every evaluation on the shared development sets, in one table, checked against recorded baselines.

A score may rise; it must not fall silently. ``benchmarks/baselines.json`` records, for each (task, data set,
metric), the figure last accepted; this script runs the scorers (``sitrep.evaluation.evaluate``), prints the table and
exits 1 when a figure is more than ``--tolerance`` below its baseline. After a change that raises figures on purpose,
``--update`` writes the new figures as the baselines (commit them with the change). ``tests/test_score_baselines.py``
runs the same check in the slow test set.

    python benchmarks/scores.py                      # all sets (about two minutes on two cores)
    python benchmarks/scores.py --only geo --only ner
    python benchmarks/scores.py --update

The data sets live in ``../shared/data`` (``--shared`` to point elsewhere); a set that is absent is reported and
skipped, never counted as a pass.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BASELINES = ROOT / "benchmarks" / "baselines.json"
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
NER_OVERALL = "overall (PER/ORG/LOC).f1"


@dataclass(frozen=True)
class Suite:
    """One evaluation run: a task over one gold set, and the metrics (paths into ``EvalResult.metrics``) it gates."""

    name: str
    task: str
    path: str  # relative to the shared data folder, or to the repository when it starts with "repo:"
    metrics: tuple[str, ...]

    def location(self, shared: Path) -> Path:
        return ROOT / self.path[5:] if self.path.startswith("repo:") else shared / self.path


SUITES: tuple[Suite, ...] = (
    Suite("sentences/ud-fr-gsd-dev", "sentences", "ud/fr-gsd/fr_gsd-ud-dev.conllu",
          ("boundaries.f1", "sentences.f1", "tokens.f1")),
    Suite("time/fr-timebank", "time", "time/fr-timebank",
          ("strict.f1", "relaxed.f1", "value_accuracy.accuracy")),
    Suite("ner/wikineural-fr", "ner", "ner/wikineural-fr/val.conllu",
          (NER_OVERALL, "PER.f1", "ORG.f1", "LOC.f1")),
    Suite("ner/conll2003-en", "ner", "ner/conll2003-en/val.conllu",
          (NER_OVERALL, "PER.f1", "ORG.f1", "LOC.f1")),
    Suite("ner/europeana-fr", "ner", "ner/europeana-fr/enp_FR.bnf.bio", (NER_OVERALL, "PER.f1", "LOC.f1")),
    Suite("ner/hipe-newseye-fr", "ner", "ner/hipe-newseye-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv",
          (NER_OVERALL, "PER.f1", "LOC.f1")),
    Suite("geo/GWN", "geo", "geo/GWN.xml",
          ("recognition.f1", "exact_geonameid.accuracy", "acc@161km.accuracy")),
    Suite("geo/lgl", "geo", "geo/lgl.xml",
          ("recognition.f1", "exact_geonameid.accuracy", "acc@161km.accuracy")),
    Suite("quotes/polnear-en-dev", "quotes", "quotes/polnear-en/dev",
          ("content@30.f1", "content@80.f1", "source_accuracy.accuracy")),
    Suite("quotes/aads-fr", "quotes", "quotes/aads-fr/val.json", ("direct@30.f1", "direct@80.f1")),
    Suite("events/plover-gsr-en-dev", "events", "events/plover-gsr-en/dev.json",
          ("macro_f1", "actor_accuracy.accuracy", "recipient_accuracy.accuracy")),
    # the team's own French gold sets (written by the team, so a development check, not an independent measure)
    Suite("quotes/team-fr", "quotes", "repo:tests/data/quotes_fr_gold.jsonl",
          ("content@30.f1", "content@80.f1", "speaker_accuracy.accuracy")),
    Suite("events/team-fr", "events", "repo:tests/data/events_fr_gold.jsonl",
          ("detection.f1", "actor_accuracy.accuracy", "claimed_by_accuracy.accuracy", "modality_accuracy.accuracy")),
    Suite("geo/team-fr", "geo", "repo:tests/data/places_fr_gold.jsonl",
          ("recognition.f1", "exact_geonameid.accuracy", "acc@161km.accuracy")),
)  # fmt: skip


@dataclass(frozen=True)
class Row:
    """One gated figure: measured now, its baseline, and whether it passes."""

    suite: str
    metric: str
    value: float | None
    baseline: float | None
    tolerance: float

    @property
    def status(self) -> str:
        if self.value is None:
            return "missing"
        if self.baseline is None:
            return "new"
        return "FALLEN" if self.value < self.baseline - self.tolerance else "ok"


def metric_value(metrics: dict[str, Any], per_label: dict[str, Any], dotted: str) -> float | None:
    """The figure at ``dotted`` ("strict.f1", "macro_f1", "PER.f1") in an EvalResult's metrics, else its per-label
    rows; None if absent."""
    head, _, rest = dotted.partition(".")
    node: Any = metrics.get(head, per_label.get(head))
    for part in rest.split(".") if rest else ():
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return float(node) if isinstance(node, int | float) else None


def load_baselines(path: Path = BASELINES) -> dict[str, dict[str, float]]:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {suite: {m: float(v) for m, v in figures.items()} for suite, figures in data["baselines"].items()}


def run_suites(suites: Iterable[Suite], shared: Path, baselines: dict[str, dict[str, float]], tolerance: float
               ) -> Iterator[tuple[list[Row], float]]:  # fmt: skip
    """Evaluate each suite whose data is present; yield its rows and the seconds it took."""
    from sitrep.api import Extractor
    from sitrep.evaluation import evaluate

    extractor = Extractor()
    for suite in suites:
        path = suite.location(shared)
        if not path.exists():
            print(f"skipped {suite.name}: {path} is absent", file=sys.stderr)
            continue
        started = time.perf_counter()
        result = evaluate(suite.task, path, extractor)
        seconds = time.perf_counter() - started
        known = baselines.get(suite.name, {})
        rows = [
            Row(suite.name, m, metric_value(result.metrics, result.per_label, m), known.get(m), tolerance)
            for m in suite.metrics
        ]
        yield rows, seconds


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="run only the suites whose name starts with PREFIX (repeatable)")  # fmt: skip
    parser.add_argument("--tolerance", type=float, default=0.005, help="allowed fall below a baseline")
    parser.add_argument("--update", action="store_true", help="write the measured figures as the new baselines")
    args = parser.parse_args(argv)

    suites = [s for s in SUITES if not args.only or any(s.name.startswith(p) for p in args.only)]
    baselines = load_baselines()
    all_rows: list[Row] = []
    print(f"{'suite':<26} {'metric':<26} {'now':>7} {'baseline':>8}  status")
    for rows, seconds in run_suites(suites, args.shared, baselines, args.tolerance):
        for row in rows:
            print(f"{row.suite:<26} {row.metric:<26} {_fmt(row.value):>7} {_fmt(row.baseline):>8}  {row.status}")
        print(f"{'':<26} ({seconds:.1f} s)")
        all_rows += rows
    if args.update:
        merged = {suite: dict(figures) for suite, figures in baselines.items()}
        for row in all_rows:
            if row.value is not None:
                merged.setdefault(row.suite, {})[row.metric] = round(row.value, 4)
        BASELINES.write_text(
            json.dumps({"tolerance_default": args.tolerance, "baselines": merged}, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        print(f"baselines written to {BASELINES.relative_to(ROOT)}")
        return 0
    bad = [r for r in all_rows if r.status in ("FALLEN", "missing")]
    for row in bad:
        print(f"{row.status}: {row.suite} {row.metric} = {_fmt(row.value)} (baseline {_fmt(row.baseline)})",
              file=sys.stderr)  # fmt: skip
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
