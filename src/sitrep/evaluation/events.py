"""Evaluation of event typing and arguments on the PLOVER gold standard records (``plover-gsr-en/dev.json``).

The gold file is a JSON list of records: ``text`` (one sentence), ``event`` (a PLOVER category of version 0.5b1),
``source`` / ``target`` (lists of ``{"actorText": ...}``, or empty). Older names are mapped to the 16 current
types: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT. Records sharing a sentence are
one gold set for it.

Each sentence is extracted on its own (English, no date) with the full pipeline and read through
:func:`sitrep.export_events.plover_records`, so future and conditional acts count as PLOVER counts them (AGREE,
THREATEN). Measured:

- per type and macro (the mean over the 16 types) F1 of the set of event types per sentence, plus micro F1;
- top-1 accuracy: the most confident predicted record's type is a gold type of its sentence;
- actor / recipient accuracy, over gold records that mark a source / target: a predicted record of the gold type
  has an actor (recipient) whose name or a mention overlaps a gold actor text; also given the type was found.

Cannot do: score triggers (the gold marks several words as EVT, not the trigger) or modes (the gold's v0.5b1
modes differ from current PLOVER's).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..api import Extractor
from ..article import Article
from ..errors import SitrepError
from ..export_events import plover_records
from ..report import EVENT_TYPES
from .scoring import PRF, Accuracy, EvalResult

OLD_NAMES: dict[str, str] = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    events: tuple[GoldEvent, ...]

    @property
    def types(self) -> frozenset[str]:
        return frozenset(e.type for e in self.events)


def plover_type(name: str) -> str:
    """The current PLOVER type for a gold category name (old names mapped)."""
    upper = name.strip().upper()
    mapped = OLD_NAMES.get(upper, upper)
    if mapped not in EVENT_TYPES:
        raise SitrepError(f"E430: unknown PLOVER category {name!r} in the gold data.")
    return mapped


def _actor_texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(a["actorText"]).strip() for a in value if isinstance(a, dict) and a.get("actorText"))


def read_gold(path: Path) -> list[GoldSentence]:
    """The gold sentences of a PLOVER records file, in file order, records of one sentence merged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SitrepError(f"E431: cannot read the PLOVER records {path}: {exc}") from exc
    if not isinstance(data, list):
        raise SitrepError(f"E432: {path} is not a JSON list of PLOVER records.")
    order: list[str] = []
    ids: dict[str, str] = {}
    events: dict[str, list[GoldEvent]] = {}
    for number, record in enumerate(data):
        if not isinstance(record, dict) or "text" not in record or "event" not in record:
            raise SitrepError(f"E433: {path}: record {number} lacks 'text' or 'event'.")
        text = " ".join(str(record["text"]).split())
        if text not in events:
            order.append(text)
            ids[text] = str(record.get("id", number))
            events[text] = []
        events[text].append(
            GoldEvent(plover_type(str(record["event"])), _actor_texts(record.get("source")),
                      _actor_texts(record.get("target")))
        )  # fmt: skip
    return [GoldSentence(ids[t], t, tuple(events[t])) for t in order]


def _norm(text: str) -> str:
    words = text.lower().replace("’", "'").replace("'s", "").split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def _overlaps(gold: Iterable[str], predicted: Iterable[dict[str, Any]]) -> bool:
    golds = [_norm(g) for g in gold if g.strip()]
    for entity in predicted:
        for text in (entity.get("name") or "", entity.get("text") or ""):
            p = _norm(text)
            if p and any(p in g or g in p for g in golds if g):
                return True
    return False


def evaluate(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    sentences = read_gold(path)
    if limit is not None:
        sentences = sentences[:limit]
    per_type = {t: PRF() for t in EVENT_TYPES}
    top1 = Accuracy()
    actor, recipient = Accuracy(), Accuracy()
    actor_found, recipient_found = Accuracy(), Accuracy()
    for sentence in sentences:
        report = extractor.extract_article(Article(text=sentence.text, id=sentence.id, language="en"))
        records = plover_records(report)
        predicted = {r["event"] for r in records}
        gold = sentence.types
        for t in EVENT_TYPES:
            per_type[t].add(PRF(tp=int(t in gold and t in predicted), fp=int(t in predicted and t not in gold),
                                fn=int(t in gold and t not in predicted)))  # fmt: skip
        if records:
            best = max(records, key=lambda r: r["confidence"] or 0.0)  # the first of equals
            top1.score(best["event"] in gold)
        else:
            top1.score(False)
        for event in sentence.events:
            same = [r for r in records if r["event"] == event.type]
            if event.sources:
                ok = any(_overlaps(event.sources, r["actor"]) for r in same)
                actor.score(ok)
                if same:
                    actor_found.score(ok)
            if event.targets:
                ok = any(_overlaps(event.targets, r["recipient"]) for r in same)
                recipient.score(ok)
                if same:
                    recipient_found.score(ok)
    total = PRF()
    for prf in per_type.values():
        total.add(prf)
    macro = sum(p.f1 for p in per_type.values()) / len(per_type)
    metrics: dict[str, Any] = {
        "macro_f1": round(macro, 4),
        "micro": total.as_dict(),
        "top1_accuracy": top1.as_dict(),
        "actor_accuracy": actor.as_dict(),
        "recipient_accuracy": recipient.as_dict(),
        "actor_accuracy_type_found": actor_found.as_dict(),
        "recipient_accuracy_type_found": recipient_found.as_dict(),
    }
    notes = [
        "types per sentence as sets, read through export_events.plover_records (future cooperative acts -> AGREE, "
        "future hostile acts -> THREATEN, negated cooperative acts -> REJECT)",
        "old names mapped: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT",
    ]
    return EvalResult(
        task="events",
        dataset=path.name,
        documents=len(sentences),
        metrics=metrics,
        per_label={t: p.as_dict() for t, p in per_type.items()},
        notes=notes,
    )
