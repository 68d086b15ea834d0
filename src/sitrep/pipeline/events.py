"""The events stage (``sitrep_events_v1``): PLOVER-typed events with their arguments, modality and claimant.

Writes ``doc.spans["events"]``: one span per trigger word or phrase, with ``span._.event`` an
:class:`~sitrep.pipeline.attrs.EventAttrs`. It runs last and reads what the stages before it left, each optional:
``entities`` (actors and recipients are their keys), ``places``, ``times``, ``quantities`` (the event's clause's
nearest) and ``quotes`` (an event inside a quote's content is claimed by that quote: ``EventAttrs.quote``).
Without entities, events have no actors; without quotes, none is claimed. An event inside a quote takes its
actors and recipients from the quote's words ("nous", "nos troupes", a reported "il" and the implicit subject of
"dit avoir abattu" name the speaker's side), never from the speaker clause around it.

How: per sentence, triggers from ``resources/<lang>/event_triggers.tsv`` (lemmas through spaCy's lookup tables),
clauses cut at punctuation and conjunctions, arguments by clause-local rules (:mod:`.eventing.arguments`),
modality by the cues of ``event_modality.tsv`` (:mod:`.eventing.matching`), mode and context labels by the cue
words of ``event_cues.tsv``. A demand, threat, refusal or accusation takes in the events of its complement
("exige que Moscou retire ses troupes" is one REQUEST); an agreement or a pledge makes them future. An event of the
headline that the lead tells again is merged into one (:mod:`.eventing.headline`).

Cannot do: events spread over several sentences, coreference of events ("l'attaque" referring back), or scope
that needs a parse (a negation or condition far from its verb); precision on noun triggers used as names
("la Coalition") depends on the entities stage.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import load_resources
from .attrs import ENTITIES, EVENTS, PLACES, QUANTITIES, QUOTES, TIMES, EventAttrs, doc_info, entity_key
from .eventing.arguments import ArgumentFinder, CountryIndex, Mention
from .eventing.headline import merge_headline
from .eventing.lexicon import EventLexicon, Trigger, compile_lexicon
from .eventing.matching import (
    Match,
    ModalityHit,
    NeedsOracle,
    Word,
    clause_bounds,
    clauses,
    demanded,
    find_triggers,
    modality_cues,
    modality_of,
    words_of,
)

TERRITORY_UNITS = frozenset({"km2", "km", "ha", "m2", "mi2"})
PERSON_KINDS = frozenset({"person", "group"})


class _SpanIndex:
    """Spans of one group sorted by start token, for picking those of a sentence quickly."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]

    def within(self, start: int, end: int) -> list[Span]:
        out = []
        for s in self.spans[bisect_left(self.starts, start) :]:
            if s.start >= end:
                break
            if s.end <= end:
                out.append(s)
        return out


@dataclass(slots=True)
class _Draft:
    match: Match
    type: str
    mode: str | None
    context: list[str]
    actors: list[str]
    recipients: list[str]
    modality: str
    clause: int
    quote: Span | None


@dataclass(slots=True)
class _State:
    """What one sentence leaves to the next: its subject, for a pronoun subject ("Il a aussi fourni ..."), and
    the keys of the quotes' speakers that no entity mention covers (they may act, but hide no trigger)."""

    subject: str | None = None
    speakers: frozenset[str] = frozenset()


def _fallback_trigger(kind: str, dative: frozenset[str]) -> Trigger:
    """The trigger of an event that a cue word is where it governs none ("a promis des missiles à l'Ukraine")."""
    return Trigger((frozenset(),), (), kind, None, (), frozenset(), dative, (), None, -1)


class EventsStage:
    """The component: compiled lexicon in, events out."""

    def __init__(self, lex: EventLexicon) -> None:
        self.lex = lex
        dative = lex.classes.get("dative", frozenset())
        self.openers = lex.classes.get("complementizer", frozenset()) | lex.classes["relative"]
        self.fallbacks = {cue.fallback: _fallback_trigger(cue.fallback, dative)
                          for cue in lex.modality.values() if cue.fallback}  # fmt: skip
        # Forms of the cues that are events where they govern none: a sentence without them or a trigger is skipped.
        self.fallback_words = frozenset(
            word for word, cue in lex.modality.items() if cue.fallback
        ) | frozenset(form for form, lemma in lex.forms.items() if lex.modality.get(lemma, None) is not None and
                      lex.modality[lemma].fallback)  # fmt: skip

    def __call__(self, doc: Doc) -> Doc:
        info = doc_info(doc)
        mentions = [s for s in doc.spans[ENTITIES]] if ENTITIES in doc.spans else []
        table: dict[str, tuple[str, str, str | None]] = {}
        for span in mentions:
            key = entity_key(span)
            if key in table:
                continue
            entity = info.entities.get(key)
            kind = entity.kind if entity else (span.label_.lower() or "other")
            name = entity.name if entity else span.text
            country = entity.attributes.get("country") if entity else None
            people = self.lex.demonyms.get(span.text.lower().replace("’", "'").split()[-1]) if span.text else None
            if kind == "other" and people is not None:
                kind, country = "group", country or people  # "Palestinians", "les Européens": a people acts
            table[key] = (kind, name, country)
        quotes = sorted(doc.spans[QUOTES], key=lambda s: s.end_char - s.start_char) if QUOTES in doc.spans else []
        speakers = self._speaker_mentions(quotes, mentions, table)
        countries = CountryIndex(self.lex, table, lambda: self._stand_ins(doc, mentions))
        groups = {
            name: _SpanIndex(doc.spans[name]) if name in doc.spans else _SpanIndex(())
            for name in (PLACES, TIMES, QUANTITIES)
        }
        groups[ENTITIES] = _SpanIndex([*mentions, *speakers])
        events: list[Span] = []
        state = _State(speakers=frozenset(f"_{s.start_char}" for s in speakers))
        forms = [t.lower_.replace("’", "'") for t in doc]
        sentences = list(doc.sents)
        for sent in sentences:
            events.extend(self._sentence(doc, sent, forms, groups, table, countries, quotes, state))

        def code_of(key: str) -> str | None:
            """The country a side stands for: a country's name, a group's or a body's country; not a city's."""
            kind, name, country = table.get(key, ("other", "", None))
            named = self.lex.country_names.get(name.lower().replace("’", "'"))
            return named or (country if kind in ("group", "organization") else None)

        doc.spans[EVENTS] = merge_headline(doc, sentences, events, code_of)
        return doc

    @staticmethod
    def _stand_ins(doc: Doc, mentions: list[Span]) -> dict[str, str]:
        """Country code -> the entity key of the first place that stands for its government ("Kiev a repoussé")."""
        out: dict[str, str] = {}
        if PLACES not in doc.spans or not mentions:
            return out
        by_start = {m.start: m for m in mentions}
        for place in doc.spans[PLACES]:
            attrs = place._.place
            if attrs is None or not attrs.metonymic or not attrs.country or attrs.country in out:
                continue
            m = by_start.get(place.start)
            if m is not None:
                out[attrs.country] = entity_key(m)
        return out

    @staticmethod
    def _speaker_mentions(quotes: list[Span], mentions: list[Span],
                          table: dict[str, tuple[str, str, str | None]]) -> list[Span]:  # fmt: skip
        """The named speakers of quotes that no entity mention covers ("Rwandan rebels demanded ..."): the
        conversion to a report makes each an entity under this key (see pipeline/convert.py), so they may act."""
        if not mentions:
            return []  # no entities stage: no entity to name
        out = []
        for quote in quotes:
            attrs = quote._.quote
            named = attrs.speaker_name if attrs is not None else None
            if named is None or f"_{named.start_char}" in table:
                continue
            if any(m.start_char < named.end_char and named.start_char < m.end_char for m in mentions):
                continue
            table[f"_{named.start_char}"] = (attrs.speaker_kind or "person", named.text, None)
            out.append(named)
        return out

    # -- one sentence ---------------------------------------------------------------------------------------

    def _sentence(self, doc: Doc, sent: Span, forms: list[str], groups: dict[str, _SpanIndex],
                  table: dict[str, tuple[str, str, str | None]], countries: CountryIndex, quotes: list[Span],
                  state: _State) -> list[Span]:  # fmt: skip
        lex = self.lex
        offset = sent.start
        sentence_forms = forms[sent.start : sent.end]
        mention_spans = groups[ENTITIES].within(sent.start, sent.end)
        mentions = []
        for span in mention_spans:
            key = entity_key(span)
            kind, _, country = table.get(key, ("other", span.text, None))
            mentions.append(Mention(span.start - offset, span.end - offset, key, kind, country))
        if not any(lex.starts_event(f) or f in self.fallback_words for f in sentence_forms):
            # Nothing to find: only the subject is kept, for a pronoun in the next sentence.
            preps = lex.classes["prep"]
            subject = next((m for m in mentions if m.kind != "other" and (
                m.start == 0 or sentence_forms[m.start - 1] not in preps)), None)  # fmt: skip
            state.subject = subject.key if subject is not None else state.subject
            return []
        words = words_of(lex, sent.start, sentence_forms)
        clause_of = clauses(lex, words)
        bounds = clause_bounds(clause_of)
        places = groups[PLACES].within(sent.start, sent.end)
        times = groups[TIMES].within(sent.start, sent.end)
        quantities = groups[QUANTITIES].within(sent.start, sent.end)
        extras: list[set[str]] = [set() for _ in words]
        for q in quantities:
            unit = q._.quantity.unit if q._.quantity is not None else None
            if unit in TERRITORY_UNITS:
                extras[q.start - offset].add("territory")
        for p in places:
            extras[p.start - offset].add("territory")
        for m in mentions:
            if m.kind in PERSON_KINDS:
                extras[m.start].add("person")
            if m.kind == "location":
                extras[m.start].add("territory")
        named = {
            k for m in mentions if m.kind != "other" and m.key not in state.speakers for k in range(m.start, m.end)
        }
        glued = {k for k in range(1, len(words)) if words[k - 1].form in ("-", "‑") and not
                 doc[offset + k - 1].whitespace_}  # fmt: skip
        matches = find_triggers(lex, words, clause_of, NeedsOracle(lex, words, extras), named, glued)
        hits = modality_cues(lex, words, matches)
        matches = self._with_fallbacks(matches, hits, clause_of, words)
        finder = ArgumentFinder(lex, words, clause_of, mentions, matches, countries)
        previous = state.subject
        state.subject = finder.subject() or state.subject
        if not matches:
            return []
        drafts = self._drafts(doc, sent, words, clause_of, bounds, matches, hits, finder, quotes, table, previous)
        return self._spans(doc, sent, words, clause_of, drafts, mentions, places, times, quantities)

    def _with_fallbacks(self, matches: list[Match], hits: Sequence[ModalityHit], clause_of: list[int],
                        words: list[Word]) -> list[Match]:  # fmt: skip
        """Add an event at each modality cue with a fallback type that governs no trigger ("a promis des réformes")."""
        out = list(matches)
        for hit in hits:
            kind = hit.cue.fallback
            if kind is None:
                continue
            governed = any(
                0 < m.start - hit.position <= hit.cue.window and clause_of[m.start] == clause_of[hit.position]
                for m in matches
            )
            inside = any(m.start <= hit.position < m.end for m in matches)
            if not governed and not inside:
                out.append(Match(hit.position, hit.position + 1, self.fallbacks[kind], False))
        return sorted(out, key=lambda m: m.start)

    def _drafts(self, doc: Doc, sent: Span, words: list[Word], clause_of: list[int],
                bounds: dict[int, tuple[int, int]], matches: list[Match], hits: list[ModalityHit],
                finder: ArgumentFinder, quotes: list[Span], table: dict[str, tuple[str, str, str | None]],
                previous: str | None) -> list[_Draft]:  # fmt: skip
        lex = self.lex
        strong = lex.classes["strong"]
        weapon = "weapon"
        absorb_until = -1
        future_until = -1
        drafts: list[_Draft] = []
        for match in matches:
            if match.start < absorb_until:
                continue
            trig = match.trigger
            clause = clause_of[match.start]
            lo, hi = bounds[clause]
            start_char = doc[sent.start + match.start].idx
            quote = next((q for q in quotes if q.start_char <= start_char < q.end_char), None)
            speaker = self._speaker(quote, table) if quote is not None else None
            scope = next((k for k in range(match.end, len(words)) if words[k].form in strong), len(words))
            within = None
            if quote is not None:
                within = (max(0, quote.start - sent.start), min(len(words), quote.end - sent.start))
            args = finder.find(match, (lo, hi), speaker, previous if quote is None else None, scope, within)
            modality = modality_of(hits, match, clause_of, words, lex.classes.get("affirmative", frozenset()),
                                   self.openers, lex.classes.get("reversible", frozenset()))  # fmt: skip
            kind = trig.type
            fallback_demand = kind == "REQUEST" and trig.order < 0
            if fallback_demand or (kind != "REQUEST" and demanded(hits, match.start, clause_of)):
                # An obligation laid on the clause's subject: a demand by the quote's speaker or the sentence's.
                kind = "REQUEST"
                demander = speaker[0] if speaker is not None else finder.subject()
                args.recipients = [a for a in args.actors if a != demander]
                args.actors = [demander] if demander else []
                absorb_until = max(absorb_until, scope)
            if modality == "actual" and match.start < future_until:
                modality = "future"
            mode, context = trig.mode, list(trig.context)
            cue_mode = None
            best = len(words)
            for k in range(lo, hi):
                w = words[k]
                for cue in lex.cues.get(w.form, ()) or lex.cues.get(w.lemma, ()):
                    if cue.types and kind not in cue.types and not (trig.armed and trig.armed in cue.types):
                        continue
                    if cue.mode and abs(k - match.start) < best:
                        cue_mode, best = cue.mode, abs(k - match.start)
                    context.extend(c for c in cue.context if c not in context)
            if trig.armed and any(lex.in_class(weapon, words[k].form, words[k].lemma) for k in range(lo, hi)):
                kind, mode = trig.armed, None
            # A weapon named in the clause says more than a generic shooting verb ("tirer des missiles sur").
            if mode is None or (kind == "ASSAULT" and cue_mode and mode == "firearms"):
                mode = cue_mode if cue_mode else mode
            if kind not in ("ASSAULT", "RETREAT") and "territory" in context:
                context.remove("territory")
            drafts.append(_Draft(match, kind, mode, context, args.actors, args.recipients, modality, clause, quote))
            if "absorb" in trig.flags:
                absorb_until = next((k for k in range(match.end, len(words)) if words[k].form in strong), len(words))
            elif "future" in trig.flags:
                future_until = hi  # an agreement makes future what its own clause says it will do
        return self._dedupe(drafts)

    @staticmethod
    def _speaker(quote: Span, table: dict[str, tuple[str, str, str | None]]) -> tuple[str, str, str | None] | None:
        """The entity that speaks a quote: the stage's key, else the mention its speaker span lies on."""
        attrs = quote._.quote
        if attrs is None:
            return None
        key = attrs.speaker_entity
        if key is None or key not in table:
            named = attrs.speaker_name or attrs.speaker
            if named is None:
                return None
            if "entities" not in quote.doc.spans:
                return None  # no entities stage: no entity to name
            key = next((entity_key(m) for m in quote.doc.spans["entities"]
                        if m.start_char < named.end_char and named.start_char < m.end_char), None)  # fmt: skip
            if key is None and attrs.speaker_name is not None:
                # No mention covers the named speaker: the conversion to a report makes it an entity of its
                # own under this key (see pipeline/convert.py), so an event can name it as its actor.
                return f"_{attrs.speaker_name.start_char}", attrs.speaker_kind or "person", None
            if key is None or key not in table:
                return None
        kind, _, country = table[key]
        return key, kind, country

    @staticmethod
    def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
        """One event per type and clause: a verb and its noun ("lancé une attaque ... frappes") are one act."""
        kept: list[_Draft] = []
        for d in drafts:
            twin = next((k for k in kept if k.type == d.type and k.clause == d.clause), None)
            if twin is None:
                kept.append(d)
                continue
            if not twin.actors:
                twin.actors = [a for a in d.actors if a not in twin.recipients]
            if not twin.recipients:
                twin.recipients = [r for r in d.recipients if r not in twin.actors]
            twin.context.extend(c for c in d.context if c not in twin.context)
        return kept

    def _spans(self, doc: Doc, sent: Span, words: list[Word], clause_of: list[int], drafts: list[_Draft],
               mentions: list[Mention], places: list[Span], times: list[Span],
               quantities: list[Span]) -> list[Span]:  # fmt: skip
        offset = sent.start
        trigger_clauses = {d.clause for d in drafts}
        by_key: dict[str, list[Mention]] = {}
        for m in mentions:
            by_key.setdefault(m.key, []).append(m)

        def nearest(spans: list[Span], draft: _Draft, taken: set[int]) -> Span | None:
            best: Span | None = None
            best_score = (2, 0)
            for s in spans:
                k = s.start - offset
                if any(k <= j < s.end - offset for j in taken):
                    continue
                if clause_of[k] == draft.clause:
                    score = (0, abs(k - draft.match.start))
                elif clause_of[k] not in trigger_clauses:
                    score = (1, abs(k - draft.match.start))
                else:
                    continue
                if score < best_score:
                    best, best_score = s, score
            return best

        owners: dict[int, int] = {}  # quantity index -> draft index
        for qi, q in enumerate(quantities):
            k = q.start - offset
            same = [(abs(k - d.match.start), di) for di, d in enumerate(drafts) if d.clause == clause_of[k]]
            if same:
                owners[qi] = min(same)[1]
        out = []
        for di, d in enumerate(drafts):
            arguments = [m for key in (*d.actors, *d.recipients) for m in by_key.get(key, ())]
            taken = {j for m in arguments for j in range(m.start, m.end)}
            span = Span(doc, offset + d.match.start, offset + d.match.end, label=d.type)
            confidence = 0.5 + (0.2 if d.actors else 0.0) + (0.1 if d.recipients else 0.0)
            confidence += 0.1 if not d.match.noun and d.match.trigger.order >= 0 else 0.0
            confidence -= 0.2 if d.match.background else 0.0  # told in passing: less sure and less central
            span._.event = EventAttrs(
                type=d.type,
                mode=d.mode,
                context=tuple(d.context),
                actors=tuple(d.actors),
                recipients=tuple(d.recipients),
                place=nearest(places, d, taken),
                time=nearest(times, d, set()),
                quantities=tuple(q for qi, q in enumerate(quantities) if owners.get(qi) == di),
                modality=d.modality,
                quote=d.quote,
                sentence=sent,
                confidence=round(min(confidence, 0.9), 2),
            )
            out.append(span)
        return out


def make(nlp: Language, name: str) -> EventsStage:
    """Build the stage for ``nlp.lang``: its lexicon is read and compiled here, once."""
    return EventsStage(compile_lexicon(load_resources(nlp.lang)))
