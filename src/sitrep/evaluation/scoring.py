"""Scoring primitives shared by every evaluation task: counts, P/R/F1, span matching, result tables."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class PRF:
    """True positive, false positive and false negative counts, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class Accuracy:
    """Right answers out of those scored."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def score(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "right": self.right, "total": self.total}


Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: Sequence[Span], predicted: Sequence[Span], *, strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)``: exact offsets when ``strict``, else any overlap.

    Greedy on the largest overlap first, so that each span is matched at most once.
    """
    if strict:
        where = {span: i for i, span in enumerate(predicted)}
        return [(g, where[span]) for g, span in enumerate(gold) if span in where]
    candidates = [
        (overlap(gs, ps), g, p)
        for g, gs in enumerate(gold)
        for p, ps in enumerate(predicted)
        if overlap(gs, ps) > 0
    ]
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, g, p in sorted(candidates, reverse=True):
        if g not in used_g and p not in used_p:
            pairs.append((g, p))
            used_g.add(g)
            used_p.add(p)
    return sorted(pairs)


def prf_from_matches(n_gold: int, n_predicted: int, n_matched: int) -> PRF:
    return PRF(tp=n_matched, fp=n_predicted - n_matched, fn=n_gold - n_matched)


@dataclass(slots=True)
class EvalResult:
    """What a task's scorer measured: headline metrics, optional per-label rows, and notes."""

    task: str
    dataset: str
    documents: int
    metrics: dict[str, Any] = field(default_factory=dict)
    per_label: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(
            {
                "task": self.task,
                "dataset": self.dataset,
                "documents": self.documents,
                "metrics": self.metrics,
                "per_label": self.per_label,
                "notes": self.notes,
            },
            ensure_ascii=False,
            indent=2,
        )

    def to_text(self) -> str:
        lines = [f"{self.task} on {self.dataset} ({self.documents} documents)"]
        lines += _table(self.metrics.items())
        if self.per_label:
            lines.append("")
            lines += _label_table(self.per_label)
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, dict):
        return "  ".join(f"{k}={_fmt(v)}" for k, v in value.items())
    return str(value)


def _table(items: Iterable[tuple[str, Any]]) -> list[str]:
    rows = list(items)
    width = max((len(k) for k, _ in rows), default=0)
    return [f"  {k.ljust(width)}  {_fmt(v)}" for k, v in rows]


def _label_table(per_label: dict[str, dict[str, Any]]) -> list[str]:
    columns = list(dict.fromkeys(c for row in per_label.values() for c in row))
    width = max(len(k) for k in per_label)
    header = "  " + "label".ljust(width) + "".join(f"  {c:>9}" for c in columns)
    body = [
        "  " + label.ljust(width) + "".join(f"  {_fmt(row.get(c, '')):>9}" for c in columns)
        for label, row in per_label.items()
    ]
    return [header, *body]
