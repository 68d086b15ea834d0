"""Conversion of a processed spaCy ``Doc`` into a :class:`~sitrep.report.Report`.

This is where spaCy objects stop: every record is built from span offsets and the stages' attribute objects.
Ids are given here, in order of first appearance (``e1``, ``q1``, ``v1``), so that they are stable for a given
text. A quote speaker that no entity mention covers becomes an entity of its own, so every named speaker links.
"""

from __future__ import annotations

import functools
from typing import cast

from spacy.tokens import Doc, Span

from ..report import (
    ENTITY_KINDS,
    MODALITIES,
    PLACE_FEATURES,
    QUOTE_KINDS,
    ArticleMeta,
    Claim,
    Entity,
    EntityKind,
    Event,
    Modality,
    Offsets,
    Place,
    PlaceFeature,
    Quantity,
    Quote,
    QuoteKind,
    Report,
    Speaker,
    TextSpan,
    Time,
)
from .attrs import ENTITIES, EVENTS, PLACES, QUANTITIES, QUOTES, TIMES, doc_info, entity_key


def _entity_kind(kind: str) -> EntityKind:
    return cast(EntityKind, kind) if kind in ENTITY_KINDS else "other"


def _quote_kind(kind: str) -> QuoteKind:
    if kind not in QUOTE_KINDS:
        raise ValueError(f"E104: the quotes stage gave an unknown quote kind {kind!r}")
    return cast(QuoteKind, kind)


def _modality(modality: str) -> Modality:
    if modality not in MODALITIES:
        raise ValueError(f"E105: the events stage gave an unknown modality {modality!r}")
    return cast(Modality, modality)


def _feature(feature: str | None) -> PlaceFeature | None:
    return cast(PlaceFeature, feature) if feature in PLACE_FEATURES else ("other" if feature else None)


def _group(doc: Doc, name: str) -> list[Span]:
    return sorted(doc.spans[name], key=lambda s: (s.start_char, s.end_char)) if name in doc.spans else []


def _text_span(span: Span) -> TextSpan:
    return TextSpan(span.start_char, span.end_char, span.text)


class _Entities:
    """Entity keys of the pipeline mapped to report ids, with the mentions that index them by offsets."""

    def __init__(self, doc: Doc) -> None:
        info = doc_info(doc)
        self.kinds: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.attributes: dict[str, dict[str, str]] = {}
        self.mentions: dict[str, list[TextSpan]] = {}
        for span in _group(doc, ENTITIES):
            key: str = entity_key(span)
            entity = info.entities.get(key)
            if key not in self.mentions:
                self.mentions[key] = []
                self.kinds[key] = entity.kind if entity else (span.label_.lower() or "other")
                self.names[key] = entity.name if entity else span.text
                self.attributes[key] = dict(entity.attributes) if entity else {}
            self.mentions[key].append(_text_span(span))
        self.by_offsets = {(m.start, m.end): key for key, ms in self.mentions.items() for m in ms}

    def covering(self, span: Span) -> str | None:
        """The entity one of whose mentions is ``span`` or overlaps it most, leaving out mentions inside the
        phrase's complement: "un porte-parole du gouvernement britannique" is not the government, "les habitants de
        Bakhmout" not the town; a name in apposition after a comma still is ("la vice-ministre de la Défense, Ganna
        Maliar")."""
        exact = self.by_offsets.get((span.start_char, span.end_char))
        if exact:
            return exact
        links = _link_words(span.doc.lang_)
        best, best_overlap = None, 0
        for (start, end), key in self.by_offsets.items():
            overlap = min(end, span.end_char) - max(start, span.start_char)
            if overlap > best_overlap and not _in_complement(span, start, links):
                best, best_overlap = key, overlap
        return best

    def add(self, span: Span, kind: str) -> str:
        key = f"_{span.start_char}"
        self.mentions[key] = [_text_span(span)]
        self.kinds[key], self.names[key], self.attributes[key] = kind, span.text, {}
        self.by_offsets[(span.start_char, span.end_char)] = key
        return key

    def records(self) -> tuple[tuple[Entity, ...], dict[str, str]]:
        order = sorted(self.mentions, key=lambda k: min(m.start for m in self.mentions[k]))
        ids = {key: f"e{i}" for i, key in enumerate(order, start=1)}
        entities = tuple(
            Entity(
                id=ids[key],
                kind=_entity_kind(self.kinds[key]),
                name=self.names[key],
                mentions=tuple(sorted(self.mentions[key], key=lambda m: m.start)),
                attributes=self.attributes[key],
            )
            for key in order
        )
        return entities, ids


@functools.cache
def _link_words(lang: str) -> frozenset[str]:
    """The words that open a complement inside a speaker phrase ("de", "of"), from the quotes' lexicon."""
    from ..resources import available_languages, load_resources

    if lang not in available_languages():
        return frozenset()
    resources = load_resources(lang)
    if not resources.has("quote_function_words.tsv"):
        return frozenset()
    table = resources.table("quote_function_words.tsv", required=("word", "role"))
    return frozenset(r["word"].lower() for r in table.records() if r["role"] == "link")


def _in_complement(span: Span, start: int, links: frozenset[str]) -> bool:
    """Whether a mention starting at ``start`` lies in a complement of the phrase ``span`` (after "de", "of"),
    rather than being its head or a name in apposition after a comma."""
    before = [t for t in span if t.idx < start]
    if any(t.text == "," for t in before):
        return False
    first = [t for t in span if t.idx == start]  # a mention may hold its own "du" ("du gouvernement britannique")
    return any(t.lower_ in links for t in before + first) and bool(before)


def doc_to_report(doc: Doc, article: ArticleMeta) -> Report:
    """The report of one processed document."""
    info = doc_info(doc)
    entities = _Entities(doc)

    quote_spans = _group(doc, QUOTES)
    speaker_keys: list[str | None] = []
    for span in quote_spans:
        attrs = span._.quote
        key = attrs.speaker_entity if attrs else None
        if key is not None and key not in entities.mentions and key in info.entities:
            key = None  # an entity the stage named but that has no mention: link by offsets instead
        named = (attrs.speaker_name or attrs.speaker) if attrs else None
        if key is None and named is not None:
            key = entities.covering(named)
            if key is None and attrs is not None and attrs.speaker_name is not None:
                key = entities.add(named, attrs.speaker_kind or "person")
        speaker_keys.append(key)

    entity_records, ids = entities.records()
    names = {ids[k]: entities.names[k] for k in ids}

    quotes: list[Quote] = []
    quote_ids: dict[tuple[int, int], str] = {}
    for number, (span, key) in enumerate(zip(quote_spans, speaker_keys, strict=True), start=1):
        attrs = span._.quote
        qid = f"q{number}"
        quote_ids[(span.start_char, span.end_char)] = qid
        speaker = None
        if attrs is not None and attrs.speaker is not None:
            eid = ids.get(key) if key else None
            speaker = Speaker(
                attrs.speaker.start_char, attrs.speaker.end_char, attrs.speaker.text,
                entity=eid, name=names.get(eid) if eid else None,
            )  # fmt: skip
        quotes.append(
            Quote(
                id=qid,
                kind=_quote_kind(attrs.kind if attrs else "direct"),
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                speaker=speaker,
                cue=_text_span(attrs.cue) if attrs is not None and attrs.cue is not None else None,
            )
        )
    speaker_of = {q.id: q.speaker for q in quotes}

    events: list[Event] = []
    for number, span in enumerate(_group(doc, EVENTS), start=1):
        attrs = span._.event
        if attrs is None:
            continue
        claim = None
        if attrs.quote is not None:
            claim_id = quote_ids.get((attrs.quote.start_char, attrs.quote.end_char))
            if claim_id is not None:
                who = speaker_of.get(claim_id)
                claim = Claim(claim_id, who.entity if who else None, who.name if who else None)
        sentence = attrs.sentence or span.sent
        events.append(
            Event(
                id=f"v{number}",
                type=attrs.type,
                mode=attrs.mode,
                context=attrs.context,
                trigger=_text_span(span),
                actors=tuple(ids[a] for a in attrs.actors if a in ids),
                recipients=tuple(ids[r] for r in attrs.recipients if r in ids),
                place=_text_span(attrs.place) if attrs.place is not None else None,
                time=_text_span(attrs.time) if attrs.time is not None else None,
                quantities=tuple(_text_span(q) for q in attrs.quantities),
                modality=_modality(attrs.modality),
                claimed_by=claim,
                sentence=Offsets(sentence.start_char, sentence.end_char),
                confidence=attrs.confidence,
            )
        )

    places = []
    for span in _group(doc, PLACES):
        p = span._.place
        places.append(
            Place(span.start_char, span.end_char, span.text) if p is None else Place(
                span.start_char, span.end_char, span.text, p.geonameid, p.name, p.country, p.lat, p.lon,
                _feature(p.feature), p.metonymic, p.confidence,
            )
        )  # fmt: skip
    times = [
        Time(s.start_char, s.end_char, s.text, s._.timex.type, s._.timex.value, s._.timex.anchor, s._.timex.mod)
        for s in _group(doc, TIMES)
        if s._.timex is not None
    ]
    quantities = [
        Quantity(
            s.start_char, s.end_char, s.text,
            s._.quantity.value, s._.quantity.unit, s._.quantity.approximate, s._.quantity.bound,
        )
        for s in _group(doc, QUANTITIES)
        if s._.quantity is not None
    ]
    return Report(
        article=article,
        text=doc.text,
        entities=entity_records,
        places=tuple(places),
        times=tuple(times),
        quantities=tuple(quantities),
        quotes=tuple(quotes),
        events=tuple(events),
    )
