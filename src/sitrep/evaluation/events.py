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

A second format, the team's claims gold (``tests/data/events_fr_gold.jsonl``; one JSON object a line: ``id``,
``text``, ``published``, optional ``language`` or ``lang`` (default ``fr``), ``events``: ``type``, ``trigger``,
``actor``, ``recipient``, ``modality``, ``claimed_by``), is read when the path ends in ``.jsonl``. A trigger,
actor, recipient or speaker may give alternatives separated by ``|``; an actor given as a list is a coordination
(each must be found); null means none is expected. Measured there:

- detection P/R/F1: a predicted event matches a gold one of the same stage type whose trigger (any alternative,
  any occurrence) it overlaps, one to one, in gold order;
- over matched events: actor and recipient accuracy (where the gold names one), ``claimed_by`` accuracy (the
  speaker's name or one of its entity's mentions, or both null) and modality accuracy; actor and recipient are also
  given over all gold events that name one (a missed event counts wrong).

Cannot do: score triggers on the PLOVER records (the gold marks several words as EVT, not the trigger) or modes
(the gold's v0.5b1 modes differ from current PLOVER's); the claims gold is written by the team, not independent.
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
from ..report import EVENT_TYPES, Event, Report
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
        raise SitrepError(f"E450: unknown PLOVER category {name!r} in the gold data.")
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
        raise SitrepError(f"E451: cannot read the PLOVER records {path}: {exc}") from exc
    if not isinstance(data, list):
        raise SitrepError(f"E452: {path} is not a JSON list of PLOVER records.")
    order: list[str] = []
    ids: dict[str, str] = {}
    events: dict[str, list[GoldEvent]] = {}
    for number, record in enumerate(data):
        if not isinstance(record, dict) or "text" not in record or "event" not in record:
            raise SitrepError(f"E453: {path}: record {number} lacks 'text' or 'event'.")
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
    """Score ``extractor`` on a PLOVER records file (``.json``) or on a claims gold file (``.jsonl``)."""
    if path.suffix == ".jsonl":
        return evaluate_claims(path, extractor, limit=limit)
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


# -- the claims gold (team-written paragraphs with triggers, arguments, modality and claimant) ----------------------

Names = tuple[tuple[str, ...], ...]  # a conjunction of alternatives: every inner tuple must be matched by one name
MODALITIES = frozenset({"actual", "future", "hypothetical", "negated"})


@dataclass(frozen=True, slots=True)
class ClaimedEvent:
    type: str
    triggers: tuple[tuple[int, int], ...]  # every occurrence of every alternative, as character offsets
    actor: Names
    recipient: Names
    modality: str
    claimed_by: tuple[str, ...]  # alternatives; empty: in the article's own voice


@dataclass(frozen=True, slots=True)
class ClaimsParagraph:
    id: str
    text: str
    published: str | None
    language: str
    events: tuple[ClaimedEvent, ...]


def _alternatives(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


def _names(value: Any, where: str) -> Names:
    if value is None:
        return ()
    if isinstance(value, str):
        return (_alternatives(value),)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(_alternatives(v) for v in value)
    raise SitrepError(f"E454: {where}: a name must be a string, a list of strings or null, not {value!r}.")


def _occurrences(text: str, needles: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    out = []
    for needle in needles:
        start = text.find(needle)
        while start >= 0:
            out.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    return tuple(out)


def read_claims_gold(path: Path) -> list[ClaimsParagraph]:
    """The paragraphs of a claims gold file (JSON lines), validated: every trigger must occur in its text."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SitrepError(f"E451: cannot read the events gold {path}: {exc}") from exc
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SitrepError(f"E455: {where} is not JSON: {exc}") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not isinstance(row.get("events"), list):
            raise SitrepError(f"E455: {where} lacks 'text' or 'events'.")
        text = row["text"]
        events = []
        for e in row["events"]:
            kind = plover_type(str(e.get("type", "")))
            triggers = _occurrences(text, _alternatives(str(e.get("trigger", ""))))
            if not triggers:
                raise SitrepError(f"E456: {where}: trigger {e.get('trigger')!r} does not occur in the text.")
            modality = str(e.get("modality", "actual"))
            if modality not in MODALITIES:
                raise SitrepError(f"E454: {where}: unknown modality {modality!r}.")
            claimed = e.get("claimed_by")
            speaker = _alternatives(claimed) if isinstance(claimed, str) else ()
            actors, recipients = _names(e.get("actor"), where), _names(e.get("recipient"), where)
            events.append(ClaimedEvent(kind, triggers, actors, recipients, modality, speaker))
        out.append(ClaimsParagraph(str(row.get("id", number)), text, row.get("published"),
                                   str(row.get("language", row.get("lang", "fr"))), tuple(events)))  # fmt: skip
    return out


def _claims_norm(text: str) -> str:
    words = text.lower().replace("’", "'").replace("'s", "").replace("'", "' ").split()
    return " ".join(w for w in words if w not in _DETERMINERS)


_DETERMINERS = frozenset({"the", "a", "an", "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'"})


def _entity_texts(report: Report, key: str) -> list[str]:
    entity = next((e for e in report.entities if e.id == key), None)
    if entity is None:
        return []
    return [entity.name, *(m.text for m in entity.mentions)]


def _name_found(alternatives: tuple[str, ...], texts: Iterable[str]) -> bool:
    """Whether a predicted name and a gold one are the same words, or one is a run of the other's words ("Maliar"
    in "Ganna Maliar"; not "Russie" in "Biélorussie", nor "Niger" in "Nigeria")."""
    golds = [tuple(_claims_norm(g).split()) for g in alternatives]
    for text in texts:
        predicted = tuple(_claims_norm(text).split())
        if predicted and any(g and (_word_run(predicted, g) or _word_run(g, predicted)) for g in golds):
            return True
    return False


def _word_run(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _names_found(names: Names, keys: Iterable[str], report: Report) -> bool:
    texts = [t for key in keys for t in _entity_texts(report, key)]
    return all(_name_found(alternatives, texts) for alternatives in names)


def _claim_right(gold: tuple[str, ...], event: Event, report: Report) -> bool:
    claim = event.claimed_by
    if not gold or claim is None:
        return not gold and claim is None
    texts = [claim.name or ""]
    if claim.entity:
        texts.extend(_entity_texts(report, claim.entity))
    quote = next((q for q in report.quotes if q.id == claim.quote), None)
    if quote is not None and quote.speaker is not None:
        texts.append(quote.speaker.text)
    return _name_found(gold, texts)


def evaluate_claims(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    """Score detection, arguments, modality and claimant on a claims gold file (see the module docstring)."""
    paragraphs = read_claims_gold(path)
    if limit is not None:
        paragraphs = paragraphs[:limit]
    detection, per_type = PRF(), {t: PRF() for t in EVENT_TYPES}
    actor, recipient, claimed, modality = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    actor_all, recipient_all = Accuracy(), Accuracy()
    for paragraph in paragraphs:
        article = Article(text=paragraph.text, id=paragraph.id, language=paragraph.language,
                          published=paragraph.published)  # fmt: skip
        report = extractor.extract_article(article)
        predicted = list(report.events)
        used: set[int] = set()
        for gold in paragraph.events:
            index = next((i for i, p in enumerate(predicted) if i not in used and p.type == gold.type and any(
                p.trigger.start < end and start < p.trigger.end for start, end in gold.triggers)), None)  # fmt: skip
            found = predicted[index] if index is not None else None
            if index is not None:
                used.add(index)
            per_type[gold.type].add(PRF(tp=int(found is not None), fn=int(found is None)))
            for names, side, right, overall in ((gold.actor, "actors", actor, actor_all),
                                                (gold.recipient, "recipients", recipient, recipient_all)):  # fmt: skip
                if not names:
                    continue
                ok = found is not None and _names_found(names, getattr(found, side), report)
                overall.score(ok)
                if found is not None:
                    right.score(ok)
            if found is not None:
                claimed.score(_claim_right(gold.claimed_by, found, report))
                modality.score(found.modality == gold.modality)
        for i, p in enumerate(predicted):
            if i not in used and p.type in per_type:
                per_type[p.type].add(PRF(fp=1))
    for prf in per_type.values():
        detection.add(prf)
    metrics: dict[str, Any] = {
        "detection": detection.as_dict(),
        "actor_accuracy": actor.as_dict(),
        "recipient_accuracy": recipient.as_dict(),
        "claimed_by_accuracy": claimed.as_dict(),
        "modality_accuracy": modality.as_dict(),
        "actor_accuracy_all_gold": actor_all.as_dict(),
        "recipient_accuracy_all_gold": recipient_all.as_dict(),
    }
    notes = [
        "detection: same stage type and overlapping trigger, one to one; arguments, claimant and modality over the "
        "matched events (actor/recipient also over every gold event that names one)",
        "team-written gold: a development check, not an independent measure",
    ]
    return EvalResult(task="events", dataset=path.name, documents=len(paragraphs), metrics=metrics,
                      per_label={t: p.as_dict() for t, p in per_type.items()}, notes=notes)  # fmt: skip
