"""What each stage attaches to its spans, and the extension attributes that carry it.

Each stage writes a named span group (``doc.spans["times"]``, ...) and puts its attributes on one extension of
its own (``span._.timex``, ``span._.quantity``, ...): spaCy (3.8) keys span extension values by the span's
character offsets alone, so two spans with the same offsets share every extension value; one extension per stage
keeps a place "Kiev" and an entity mention "Kiev" apart. Within a stage, two records need two different spans.
Document-level facts go on ``doc._.sitrep`` (a :class:`DocInfo`). Extensions are set by
:func:`register_extensions`, called when a pipeline is built, never at import time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

# Span group names: the stages' outputs, read by later stages and by the conversion to a report.
SENTENCES = "sentences"  # not a group: doc.sents
ENTITIES = "entities"  # mentions; span.label_ = kind, span.id_ = entity key
PLACES = "places"
TIMES = "times"
QUANTITIES = "quantities"
QUOTES = "quotes"
EVENTS = "events"  # trigger spans


@dataclass(slots=True)
class DocInfo:
    """Document-level context: the article's publication date (the DCT) and the entities table."""

    article_id: str = ""
    published: dt.date | None = None
    title_chars: int = 0  # the title, when extraction prepends it to the text, ends here
    entities: dict[str, EntityInfo] = field(default_factory=dict)


@dataclass(slots=True)
class EntityInfo:
    """One entity of the article: the mentions carry its key in ``span.id_``."""

    kind: str
    name: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TimexAttrs:
    type: str  # DATE, TIME, DURATION, SET
    value: str
    anchor: str | None = None
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, EVERY...


@dataclass(frozen=True, slots=True)
class QuantityAttrs:
    value: float | int | None
    unit: str | None = None
    approximate: bool = False
    bound: str | None = None  # lower, upper


@dataclass(frozen=True, slots=True)
class PlaceAttrs:
    geonameid: int | None = None
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country, admin, city, other
    metonymic: bool = False
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class QuoteAttrs:
    """A quote's content span carries: its kind, cue, surface speaker and the entity that speaker resolves to."""

    kind: str  # direct, indirect, mixed, according_to
    cue: Span | None = None
    speaker: Span | None = None  # nearest surface mention: name, title, pronoun, organisation
    speaker_entity: str | None = None  # key into DocInfo.entities
    speaker_name: Span | None = None  # the named mention the speaker resolves to, when there is one
    speaker_kind: str | None = None  # person / organization ..., a hint for an entity created for the speaker


@dataclass(frozen=True, slots=True)
class EventAttrs:
    """An event's trigger span carries its type and arguments (spans of the other stages' groups)."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # entity keys
    recipients: tuple[str, ...] = ()
    place: Span | None = None
    time: Span | None = None
    quantities: tuple[Span, ...] = ()
    modality: str = "actual"
    quote: Span | None = None  # the quote content span that reports it, if any
    sentence: Span | None = None
    confidence: float | None = None


EXTENSIONS: dict[str, type] = {
    "timex": TimexAttrs,
    "quantity": QuantityAttrs,
    "place": PlaceAttrs,
    "quote": QuoteAttrs,
    "event": EventAttrs,
}


def register_extensions() -> None:
    """Declare sitrep's extension attributes on spaCy's classes (idempotent)."""
    if not Doc.has_extension("sitrep"):
        Doc.set_extension("sitrep", default=None)
    for name in EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def doc_info(doc: Doc) -> DocInfo:
    """The document's :class:`DocInfo`, created empty when the doc was made outside :func:`sitrep.extract`."""
    info: DocInfo | None = doc._.sitrep
    if info is None:
        info = DocInfo()
        doc._.sitrep = info
    return info


def entity_key(mention: Span) -> str:
    """The key of the entity a mention belongs to (``span.id_``); a mention the entities stage did not group
    stands for an entity of its own, keyed by its start."""
    return mention.id_ or f"_{mention.start_char}"
