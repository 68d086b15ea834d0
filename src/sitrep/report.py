"""The report: typed, immutable records of schema ``sitrep.report/v1``.

Every extraction produces one :class:`Report`. It is the contract that the CLI, the store, the exports and the
evaluation tooling share (see the README and the JSON Schema shipped in ``sitrep/schema``). Offsets are
Python string indices (code points, end exclusive) into ``Report.text``: ``text[start:end] == span.text`` always.

Records are frozen dataclasses; :meth:`Report.to_dict` gives exactly the JSON of the contract, field order
included, and :meth:`Report.from_dict` reads it back. No spaCy object ever reaches this module.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast

SCHEMA = "sitrep.report/v1"
ERROR_SCHEMA = "sitrep.error/v1"

EntityKind = Literal["person", "organization", "location", "group", "other"]
PlaceFeature = Literal["country", "admin", "city", "other"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Bound = Literal["lower", "upper"]
QuoteKind = Literal["direct", "indirect", "mixed", "according_to"]
Modality = Literal["actual", "future", "hypothetical", "negated"]

ENTITY_KINDS: tuple[str, ...] = ("person", "organization", "location", "group", "other")
PLACE_FEATURES: tuple[str, ...] = ("country", "admin", "city", "other")
TIME_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "according_to")
MODALITIES: tuple[str, ...] = ("actual", "future", "hypothetical", "negated")
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


class ReportError(ValueError):
    """A report (or a dict claiming to be one) breaks the contract."""


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the report's text: ``text == report.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextSpan:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True, slots=True)
class Offsets:
    """A stretch of text given by offsets only (the evidence sentence of an event)."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Offsets:
        return cls(int(data["start"]), int(data["end"]))


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known of the article apart from its text."""

    id: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date, "2023-05-16"
    language: str | None = None
    url: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "url": self.url,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleMeta:
        return cls(
            id=str(data["id"]),
            title=data.get("title"),
            published=data.get("published"),
            language=data.get("language"),
            url=data.get("url"),
            source=data.get("source"),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """One actor or thing of the article with every mention of it (pronouns excluded)."""

    id: str
    kind: EntityKind
    name: str
    mentions: tuple[TextSpan, ...]
    attributes: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "attributes": dict(self.attributes),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            kind=cast(EntityKind, data["kind"]),
            name=str(data["name"]),
            mentions=tuple(TextSpan.from_dict(m) for m in data.get("mentions", ())),
            attributes=dict(data.get("attributes") or {}),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym mention and the GeoNames entry it resolves to (nulls when unresolved)."""

    start: int
    end: int
    text: str
    geonameid: int | None = None
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: PlaceFeature | None = None
    metonymic: bool = False
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "geonameid": self.geonameid,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "metonymic": self.metonymic,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Place:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            geonameid=data.get("geonameid"),
            name=data.get("name"),
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            feature=data.get("feature"),
            metonymic=bool(data.get("metonymic", False)),
            confidence=data.get("confidence"),
        )


@dataclass(frozen=True, slots=True)
class Time:
    """A temporal expression with its TIMEX3 type and value, anchored on the publication date.

    ``anchor`` is set only when the value could not be anchored (no publication date): it keeps what the text
    said (e.g. the weekday) so that a later reader with a date can resolve it. ``mod`` is the TIMEX3 modifier
    ("fin mai" -> END, "plus de vingt ans" -> MORE_THAN). Both appear in the JSON only when set.
    """

    start: int
    end: int
    text: str
    type: TimeType
    value: str
    anchor: str | None = None
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.anchor is not None:
            out["anchor"] = self.anchor
        if self.mod is not None:
            out["mod"] = self.mod
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Time:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            type=cast(TimeType, data["type"]),
            value=str(data["value"]),
            anchor=data.get("anchor"),
            mod=data.get("mod"),
        )


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts or measures."""

    start: int
    end: int
    text: str
    value: float | int | None
    unit: str | None = None
    approximate: bool = False
    bound: Bound | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "approximate": self.approximate,
            "bound": self.bound,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quantity:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            value=data.get("value"),
            unit=data.get("unit"),
            approximate=bool(data.get("approximate", False)),
            bound=data.get("bound"),
        )


@dataclass(frozen=True, slots=True)
class Speaker:
    """The nearest surface mention of a quote's source and the entity it resolves to."""

    start: int
    end: int
    text: str
    entity: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "entity": self.entity, "name": self.name}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            entity=data.get("entity"),
            name=data.get("name"),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """A reported statement: its content, its speaker (None when the article gives none) and its cue."""

    id: str
    kind: QuoteKind
    start: int
    end: int
    text: str
    speaker: Speaker | None = None
    cue: TextSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        speaker = data.get("speaker")
        cue = data.get("cue")
        return cls(
            id=str(data["id"]),
            kind=cast(QuoteKind, data["kind"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            speaker=Speaker.from_dict(speaker) if speaker else None,
            cue=TextSpan.from_dict(cue) if cue else None,
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """Who claims an event: the quote reporting it and that quote's speaker entity."""

    quote: str
    entity: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "entity": self.entity, "name": self.name}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Claim:
        return cls(quote=str(data["quote"]), entity=data.get("entity"), name=data.get("name"))


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER-typed event with its arguments, modality, evidence and who claims it."""

    id: str
    type: str
    trigger: TextSpan
    sentence: Offsets
    mode: str | None = None
    context: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    place: TextSpan | None = None
    time: TextSpan | None = None
    quantities: tuple[TextSpan, ...] = ()
    modality: Modality = "actual"
    claimed_by: Claim | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "trigger": self.trigger.to_dict(),
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "place": self.place.to_dict() if self.place else None,
            "time": self.time.to_dict() if self.time else None,
            "quantities": [q.to_dict() for q in self.quantities],
            "modality": self.modality,
            "claimed_by": self.claimed_by.to_dict() if self.claimed_by else None,
            "sentence": self.sentence.to_dict(),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        place, time, claim = data.get("place"), data.get("time"), data.get("claimed_by")
        return cls(
            id=str(data["id"]),
            type=str(data["type"]),
            mode=data.get("mode"),
            context=tuple(data.get("context") or ()),
            trigger=TextSpan.from_dict(data["trigger"]),
            actors=tuple(data.get("actors") or ()),
            recipients=tuple(data.get("recipients") or ()),
            place=TextSpan.from_dict(place) if place else None,
            time=TextSpan.from_dict(time) if time else None,
            quantities=tuple(TextSpan.from_dict(q) for q in data.get("quantities") or ()),
            modality=cast(Modality, data.get("modality", "actual")),
            claimed_by=Claim.from_dict(claim) if claim else None,
            sentence=Offsets.from_dict(data["sentence"]),
            confidence=data.get("confidence"),
        )


@dataclass(frozen=True, slots=True)
class Report:
    """Everything sitrep extracted from one article (schema ``sitrep.report/v1``)."""

    article: ArticleMeta
    text: str
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        if data.get("schema") != SCHEMA:
            raise ReportError(f"E101: expected schema {SCHEMA!r}, got {data.get('schema')!r}.")
        try:
            return cls(
                article=ArticleMeta.from_dict(data["article"]),
                text=str(data["text"]),
                entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
                places=tuple(Place.from_dict(p) for p in data.get("places", ())),
                times=tuple(Time.from_dict(t) for t in data.get("times", ())),
                quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities", ())),
                quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
                events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ReportError(f"E102: not a valid {SCHEMA} report: {exc!r}") from exc

    @classmethod
    def from_json(cls, raw: str) -> Report:
        return cls.from_dict(json.loads(raw))

    def spans(self) -> list[tuple[str, int, int, str]]:
        """Every span of the report as ``(where, start, end, text)``, for checking offsets."""
        out: list[tuple[str, int, int, str]] = []
        for e in self.entities:
            out += [(f"entities[{e.id}].mentions", m.start, m.end, m.text) for m in e.mentions]
        out += [("places", p.start, p.end, p.text) for p in self.places]
        out += [("times", t.start, t.end, t.text) for t in self.times]
        out += [("quantities", q.start, q.end, q.text) for q in self.quantities]
        for q in self.quotes:
            out.append((f"quotes[{q.id}]", q.start, q.end, q.text))
            if q.speaker:
                out.append((f"quotes[{q.id}].speaker", q.speaker.start, q.speaker.end, q.speaker.text))
            if q.cue:
                out.append((f"quotes[{q.id}].cue", q.cue.start, q.cue.end, q.cue.text))
        for v in self.events:
            parts: Sequence[TextSpan | None] = (v.trigger, v.place, v.time, *v.quantities)
            out += [(f"events[{v.id}]", s.start, s.end, s.text) for s in parts if s is not None]
        return out

    def check_offsets(self) -> None:
        """Raise :class:`ReportError` unless ``text[start:end] == span.text`` for every span."""
        for where, start, end, text in self.spans():
            if not (0 <= start <= end <= len(self.text)) or self.text[start:end] != text:
                raise ReportError(
                    f"E103: {where} span {start}:{end} {text!r} does not match the text "
                    f"({self.text[max(0, start):max(0, end)]!r})."
                )


def error_record(article_id: str | None, origin: str | None, message: str) -> dict[str, object]:
    """The JSONL line standing for an input record that gave no report (so output lines stay aligned with inputs)."""
    return {"schema": ERROR_SCHEMA, "article": {"id": article_id}, "origin": origin, "error": message}
