"""The entities stage (``sitrep_entities_v1``): persons, organisations, groups and locations, grouped per entity.

Writes ``doc.spans["entities"]``: every mention (names and descriptors such as "le président ukrainien"; pronouns
excluded), with ``span.label_`` the kind (person, organization, group, location, other) and ``span.id_`` the
entity's key, and fills ``doc_info(doc).entities[key]`` with an :class:`EntityInfo` whose ``name`` is the fullest
name in the article and whose attributes hold what the article says: ``title`` (as written), ``role`` (a key
shared by the forms of a title), ``country`` (ISO code, from demonyms, the gazetteer or the organisation table),
``gender`` (m/f, from the title or the given name) and ``org`` (the organisation a title belongs to).

The default uses no statistical model: :mod:`sitrep.pipeline.naming` finds and classifies mentions with rules and
lexicons and groups them. With a user pipeline that has an ``ner`` component, its ``doc.ents`` are candidates that
take precedence over the rules where they overlap; the places stage's spans (when it ran) mark locations.
Cannot resolve pronouns, and reads no syntax: titles must stand next to the name they qualify.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from .attrs import ENTITIES, PLACES, EntityInfo, doc_info
from .naming.coref import Coreference, Entity
from .naming.lexicon import Lexicon, build_lexicon
from .naming.mentions import Mention, MentionFinder, TokenTexts

# Labels of common statistical NER schemes mapped to sitrep's kinds.
MODEL_LABELS = {
    "PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "location", "GPE": "location",
    "FAC": "location", "NORP": "group", "MISC": "other",
}  # fmt: skip
# After these a word is capitalised by position, as at a sentence start.
OPENERS = frozenset({'"', "«", "“", "‘", "(", "[", "—", "–", "-", ":", "\n", "\n\n"})
TERMINALS = frozenset({".", "!", "?", "…", "...", "»", "”"})


class EntitiesStage:
    """The component: finds mentions, resolves them to entities, writes the span group and the table."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.finder = MentionFinder(lexicon)
        self.coref = Coreference(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        words = self._token_texts(doc)
        if not words:
            doc.spans[ENTITIES] = []
            return doc
        starts = self._sentence_starts(doc, words)
        headline = self._headlines(words, starts)
        original = TokenTexts(list(words), words.spaces) if any(headline) else words
        self._uncapitalise(words, headline)
        initial = [s or (i > 0 and words[i - 1] in OPENERS) for i, s in enumerate(starts)]
        mentions = self.finder.find(words, initial, headline)
        mentions = self._merge_external(doc, mentions)
        entities = self.coref.resolve(mentions)
        self._write(doc, original, mentions, entities)
        return doc

    # --- inputs ------------------------------------------------------------------------------------------------

    @staticmethod
    def _token_texts(doc: Doc) -> TokenTexts:
        """Token strings read from the doc's arrays (iterating over Token objects costs more than the stage)."""
        strings = doc.vocab.strings
        orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
        return TokenTexts([strings[h] for h in orths], [" " if sp else "" for sp in spaces])

    @staticmethod
    def _sentence_starts(doc: Doc, words: Sequence[str]) -> list[bool]:
        starts = [False] * len(words)
        if doc.has_annotation("SENT_START"):
            for sent in doc.sents:
                starts[sent.start] = True
            return starts
        starts[0] = True
        for i in range(1, len(words)):
            prev = words[i - 1]
            if prev in TERMINALS or "\n" in prev or prev.isspace():
                starts[i] = True
        return starts

    @staticmethod
    def _headlines(words: Sequence[str], starts: Sequence[bool]) -> list[bool]:
        """Tokens of sentences written in capitals, where capitalisation says nothing about names."""
        flags = [False] * len(words)
        capitals = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper()]
        if len(capitals) < 2:
            return flags
        bounds = [i for i, s in enumerate(starts) if s] + [len(words)]
        hit = {bisect.bisect_right(bounds, i) - 1 for i in capitals}  # the sentences that hold capitals
        for index in sorted(hit):
            a, b = bounds[index], bounds[index + 1]
            upper = lower = 0
            for w in words[a:b]:
                if len(w) > 1 and w.isalpha():
                    if w.isupper():
                        upper += 1
                    else:
                        lower += 1
            if upper >= 2 and upper > 2 * lower:
                for i in range(a, b):
                    flags[i] = True
        return flags

    def _uncapitalise(self, words: TokenTexts, headline: Sequence[bool]) -> None:
        """Words of an all-capitals sentence are looked up as if written in title case ("LONDON" -> "London"),
        except short acronyms a table knows ("UN", "US")."""
        lex = self.lexicon
        for i, flag in enumerate(headline):
            word = words[i]
            if (
                flag
                and len(word) > 1
                and word.isupper()
                and not (len(word) <= 4 and (word in lex.orgs or word in lex.places))
            ):
                words[i] = word[0] + word[1:].lower()

    def _merge_external(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Merge the candidates of a statistical NER (they replace the rule mentions they overlap) and of the places
        stage (a place replaces only a rule mention that is a location or unclassified; a person or organisation
        the rules recognised keeps its kind: "Jordan Bardella", "Forbes")."""
        model: list[Mention] = []
        for ent in doc.ents:
            kind = MODEL_LABELS.get(ent.label_.upper())
            if kind is None:
                continue
            m = Mention(ent.start, ent.end, kind, True, 3, words=tuple(t.text for t in ent), source="model")
            if kind == "location":
                m.country = self.lexicon.places.get(ent.text, "")
            model.append(m)
        if model:
            kept: list[Mention] = []
            for m in mentions:
                clash = next((x for x in model if x.start < m.end and m.start < x.end), None)
                if clash is None:
                    kept.append(m)
                elif m.named and (clash.start, clash.end) == (m.start, m.end) and clash.kind == m.kind:
                    clash.title, clash.role, clash.gender = m.title, m.role, m.gender
                    clash.country, clash.key = clash.country or m.country, m.key
            mentions = kept + model
        places = [span for span in doc.spans.get(PLACES, []) if not any(
            x.start < span.end and span.start < x.end for x in model)]  # fmt: skip
        if not places:
            mentions.sort(key=lambda x: (x.start, -x.end))
            return mentions
        out: list[Mention] = []
        for span in places:
            overlapping = [m for m in mentions if m.start < span.end and span.start < m.end]
            if any(m.kind not in ("location", "other") and m.evidence >= 1 for m in overlapping):
                for m in overlapping:
                    if m.kind == "location" and span._.place is not None:
                        m.country = m.country or span._.place.country or ""
                continue
            place = span._.place
            m = Mention(span.start, span.end, "location", True, 1, words=tuple(t.text for t in span),
                        source="places")  # fmt: skip
            if place is not None:
                m.country = place.country or ""
                if place.feature == "country" and place.country:
                    m.key = f"country:{place.country}"
            for old in overlapping:
                mentions.remove(old)
                if (old.start, old.end) == (m.start, m.end) and old.key:
                    m.key = old.key
            out.append(m)
        mentions = mentions + out
        mentions.sort(key=lambda x: (x.start, -x.end))
        return mentions

    # --- output ------------------------------------------------------------------------------------------------

    def _write(self, doc: Doc, words: TokenTexts, mentions: Sequence[Mention], entities: Sequence[Entity]) -> None:
        info = doc_info(doc)
        spans: list[Span] = []
        used: set[str] = set()
        for index, entity in enumerate(entities):
            key = entity.key if entity.key not in used else f"{entity.key}#{index}"
            used.add(key)
            members = [mentions[k] for k in entity.mentions]
            named = [m for m in members if m.named]
            if named:
                best = max(named, key=lambda m: (len(m.words), m.end - m.start, -m.start))
                name = words.text(best.start, best.end)
            else:
                first = members[0]
                opener = words[first.start].lower()
                lex = self.lexicon
                start = first.start + (1 if opener in lex.determiners or opener in lex.articles
                                       or opener in ("l'", "l’") else 0)  # fmt: skip
                name = words.text(start, first.end)
            attributes: dict[str, str] = {}
            if entity.title:
                attributes["title"] = entity.title
            if entity.role:
                attributes["role"] = entity.role
            if entity.country:
                attributes["country"] = entity.country
            if entity.gender in ("m", "f"):
                attributes["gender"] = entity.gender
            if "org" in entity.extra:
                attributes["org"] = entity.extra["org"]
            info.entities[key] = EntityInfo(entity.kind, name, attributes)
            for m in members:
                span = Span(doc, m.start, m.end, label=entity.kind)
                span.id_ = key
                spans.append(span)
        spans.sort(key=lambda s: (s.start, s.end))
        doc.spans[ENTITIES] = spans


def make(nlp: Language, name: str) -> EntitiesStage:
    return EntitiesStage(build_lexicon(nlp.lang))


__all__ = ["EntitiesStage", "make"]
