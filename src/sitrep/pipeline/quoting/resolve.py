"""Who a speaker phrase refers to: named mentions, title phrases and pronouns resolved to one named referent.

Referents come from the speaker phrases themselves and from a scan of the document for capitalised name runs
(or the entities stage's mentions when it ran) and title phrases ("le président ukrainien"). A later short form
of a name ("Zelensky") resolves to its fullest form in the article ("Volodymyr Zelensky"); a bare title to the
name it was last written with; a pronoun to the most recent compatible referent (see :mod:`.speakers`). A
person's gender and subject role come from the title written before the name or in apposition ("la Première
ministre estonienne Kaja Kallas", "Le maire de Kharkiv, Ihor Terekhov,"); a title phrase may hold named
complements ("les ministres des Affaires étrangères du G7"), which are then not the speaker; names inside
quotation marks are what is said, not candidates for a pronoun.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .finder import Attribution, Finder
from .lexicon import QuoteLexicon
from .speakers import Referent, SpeakerReader


@dataclass(slots=True)
class Resolved:
    """An attribution with its speaker resolved: surface span, canonical name span, entity key and kind."""

    attribution: Attribution
    speaker: tuple[int, int] | None
    name: tuple[int, int] | None
    entity: str | None
    kind: str | None


class Resolver:
    def __init__(self, finder: Finder, lex: QuoteLexicon, entities: list[Span], places: list[Span]) -> None:
        self.f = finder
        self.doc: Doc = finder.doc
        self.lex = lex
        self.reader: SpeakerReader = finder.reader
        self.text, self.punct = finder.text, finder.punct
        self.entities = entities
        self.place_spans = {(p.start, p.end) for p in places}
        self.mentions: list[Referent] = []
        self.titles: dict[str, tuple[int, int]] = {}
        self.gender_of: dict[str, str] = {}  # canonical name text -> gender learnt in the document
        self.canonical: dict[str, tuple[int, int]] = {}  # last name word -> first full name span
        self.locative = frozenset({"à", "en", "au", "aux", "de", "d'", "d’", "du", "vers", "depuis", "in", "at",
                                   "from", "to", "near", "of"})
        self._scan()

    # -- referents of the document ---------------------------------------------------------------------------

    def _scan(self) -> None:
        doc, reader, lex = self.doc, self.reader, self.lex
        if self.entities:
            for span in self.entities:
                label = span.label_.lower()
                kind = "person" if label in ("person", "per") else "group" if label == "group" else "organization"
                if label in ("location", "loc", "place"):
                    continue
                ref = Referent(span.start, span.end, kind, name=(span.start, span.end))
                if kind == "person":
                    self._describe(ref)
                self._add_mention(ref)
        n = len(doc)
        i = 0
        while i < n:
            if reader.is_name_token(i) and not (i > 0 and reader.is_name_token(i - 1)):
                j = reader.name_end(i, n)
                sent_start = self.f.sents[self.f.sent_of[i]][0]
                if i == sent_start and j - i == 1 and not self.entities:
                    i = j
                    continue  # a capitalised first word alone is as often a common word as a name
                if all(self.lower(x) in lex.heads for x in range(i, j)):
                    i = j
                    continue  # "la Première ministre", "le Président": a capitalised title, not a name
                if not self.entities:
                    start = i
                    k = i - 1
                    while k >= sent_start and i - k <= 6 and not self.punct[k] and \
                            not lex.has_role(self.lower(k), "link") and not reader.is_name_token(k) and \
                            self.lower(k) not in lex.aux and reader.cue_of[k] is None:
                        if self.lower(k) in lex.determiners:
                            start = k
                            break
                        k -= 1
                    prev = self.f.prev_word(start - 1, sent_start)
                    if prev is not None and self.lower(prev) in self.locative:
                        i = j
                        continue  # "à Londres", "in Ohio": a place, not a speaker
                    ref = reader.referent((start, j)) if start < i else reader.referent((i, j))
                    if (i, j) in self.place_spans or (ref.name and ref.name in self.place_spans):
                        ref.kind = "organization"
                    ref.subject = self._is_subject(start)
                    if start == i and ref.kind == "person":
                        self._describe(ref)
                    self._add_mention(ref)
                i = j
                continue
            low = self.lower(i)
            if low in lex.determiners and i + 1 < n and self.lower(i + 1) in lex.heads:
                end = self._title_end(i)
                if end < n and reader.is_name_token(end):
                    i += 1
                    continue  # "le président X": the name run makes the referent
                ref = reader.referent((i, end))
                ref.subject = self._is_subject(i)
                self._add_mention(ref)
            i += 1
        self.mentions.sort(key=lambda r: r.start)

    def lower(self, i: int) -> str:
        return self.reader.lower[i]

    def _title_end(self, i: int) -> int:
        """The end of the title phrase opening at determiner ``i`` ("le président ukrainien"): it stops at a verb,
        a clitic, a stop word, another noun phrase or a name; a name in the head's complement, after "de", belongs
        to it ("les ministres des Affaires étrangères du G7") unless it is a person's."""
        lex, reader, n = self.lex, self.reader, len(self.doc)
        end = i + 2
        linked = False
        while end < n and end - i < (9 if linked else 5) and not self.punct[end]:
            low = self.lower(end)
            if (reader.is_name_token(end) and (not linked or self._person_at(end))) or lex.has_role(low, "stop") \
                    or reader.cue_of[end] is not None or low in lex.aux or lex.has_role(low, "clitic") or (
                        low in lex.determiners and not lex.has_role(low, "link") and
                        not lex.has_role(self.lower(end - 1), "link")):
                break
            linked = linked or lex.has_role(low, "link")
            end += 1
        return end

    def _person_at(self, i: int) -> bool:
        """A person's name starts at token ``i``: a person mention of the entities stage, or a known given name."""
        if self.entities:
            return any(span.start == i and span.label_.lower() in ("person", "per") for span in self.entities)
        return self.text[i] in self.lex.first_names

    def _describe(self, ref: Referent) -> None:
        """Gender, subject role and title of a person's name from the words before it: an honorific, a known
        given name, a title right before ("la Première ministre estonienne Kaja Kallas") or an apposition ("Le
        maire de Kharkiv, Ihor Terekhov")."""
        i = ref.start
        sent_start = self.f.sents[self.f.sent_of[i]][0]
        title = self._title_before(i, sent_start)
        if title is not None:
            kind, gender, _ = self.reader.head_kind(*title)
            if kind == "person" and gender in ("m", "f") and ref.gender == "-":
                ref.gender = gender
            key = self.reader.title_key(*title)
            if key and ref.name is not None:
                self.titles.setdefault(key, ref.name)
        honor = self.lex.honorifics.get(self.text[i - 1]) if i > 0 else None
        if ref.gender == "-":
            ref.gender = honor or self.lex.first_names.get(self.text[i], "-")
        ref.subject = ref.subject or self._is_subject(title[0] if title is not None else i)

    def _title_before(self, i: int, sent_start: int) -> tuple[int, int] | None:
        """The title phrase (determiner, head noun ...) that ends right before the name at ``i`` or before the
        comma of an apposition."""
        end = i
        p = self.f.prev_word(i - 1, sent_start)
        if p is not None and self.text[p] == ",":
            end = p
        for k in range(end - 1, max(sent_start, end - 9) - 1, -1):
            if self.punct[k] or self.lower(k) in self.lex.aux or self.reader.cue_of[k] is not None:
                break  # a verb between: the title belongs to another clause
            if self.lower(k) in self.lex.determiners and k + 1 < end and self.lower(k + 1) in self.lex.heads:
                return (k, end)
        return None

    def _is_subject(self, start: int) -> bool:
        sent_start = self.f.sents[self.f.sent_of[start]][0]
        prev = self.f.prev_word(start - 1, sent_start)
        return prev is None or self.text[prev] == "," or start - sent_start <= 3

    def _add_mention(self, ref: Referent) -> None:
        if ref.name is not None:
            key = self.text[ref.name[1] - 1]
            old = self.canonical.get(key)
            if old is None or old[1] - old[0] == 1 < ref.name[1] - ref.name[0]:
                self.canonical[key] = ref.name
            if ref.gender in ("m", "f"):
                self.gender_of.setdefault(key, ref.gender)
            if ref.title_key:
                self.titles[ref.title_key] = ref.name
        elif ref.title_key:
            ref.name = self.title_name(ref.title_key)
        self.mentions.append(ref)

    def title_name(self, key: str | None) -> tuple[int, int] | None:
        """The name last written with this title: same head, and one key's words a prefix of the other's."""
        if not key:
            return None
        if key in self.titles:
            return self.titles[key]
        words = key.split()
        best: tuple[int, int] | None = None
        best_len = 0
        for known, name in self.titles.items():
            other = known.split()
            n = min(len(words), len(other))
            if n >= 2 and words[:n] == other[:n] and n > best_len:
                best, best_len = name, n
        return best

    def name_of(self, ref: Referent) -> tuple[int, int] | None:
        if ref.name is None:
            titled = self.title_name(ref.title_key)
            if titled is not None:
                return self.canonical.get(self.text[titled[1] - 1], titled)
            return None
        return self.canonical.get(self.text[ref.name[1] - 1], ref.name)

    def gender(self, ref: Referent) -> str:
        if ref.gender != "-" or ref.name is None:
            return ref.gender
        return self.gender_of.get(self.text[ref.name[1] - 1], "-")

    # -- pronouns --------------------------------------------------------------------------------------------

    def compatible(self, pron: Referent, ref: Referent) -> bool:
        if ref.pronoun or pron.gender == "x":
            return False
        gender = self.gender(ref)
        if pron.number != "-" and ref.number != "-" and pron.number != ref.number and \
                not (self.lex.lang == "en" and pron.number == "pl" and ref.kind == "organization"):
            return False  # English "they" may stand for an organisation
        if self.lex.lang == "en":
            if pron.gender in ("m", "f") and ref.kind != "person":
                return False
            if pron.gender == "n" and ref.kind == "person":
                return False
        return pron.gender == "-" or gender == "-" or gender == pron.gender or (gender == "n" and pron.gender == "-")

    def resolve_pronoun(self, pron: Referent, previous: list[tuple[Referent, int]]) -> Referent | None:
        f = self.f
        para = f.para_of[pron.start]
        sent = f.sent_of[pron.start]
        exact: Referent | None = None
        for ref, at in reversed(previous):
            if at >= pron.start or para - f.para_of[at] > 1:
                continue
            if self.compatible(pron, ref):
                if self.gender(ref) == pron.gender or pron.gender == "-":
                    return ref
                exact = exact or ref
                break
        candidates = [r for r in self.mentions if r.end <= pron.start and sent - f.sent_of[r.start] <= 4
                      and not f.in_quote[r.start]]  # a name inside a quotation is what is said, not who says it
        # Most telling first: a person of the pronoun's gender as subject nearby, then any such person, then a
        # person subject of unknown gender in this sentence or the one before, then organisations of that
        # grammatical gender, then any compatible referent a little further back.
        passes = ((True, True, True, 2), (False, True, True, 2), (True, False, True, 1), (True, True, False, 2),
                  (False, True, False, 2), (True, False, False, 4), (False, False, False, 4))
        for want_subject, want_gender, want_person, reach in passes:
            for ref in reversed(candidates):
                if (want_subject and not ref.subject) or sent - f.sent_of[ref.start] > reach or \
                        (want_person and ref.kind != "person"):
                    continue
                if want_gender and (pron.gender == "-" or self.gender(ref) != pron.gender):
                    continue
                if self.compatible(pron, ref):
                    if exact is not None and exact.start > ref.start:
                        return exact
                    return ref
        return exact

    # -- all attributions ------------------------------------------------------------------------------------

    def run(self, found: list[Attribution]) -> list[Resolved]:
        out: list[Resolved] = []
        previous: list[tuple[Referent, int]] = []  # resolved speakers and where they spoke
        last: Resolved | None = None
        for a in found:
            speaker = a.speaker
            ref: Referent | None = None
            if speaker is not None:
                phrase = self.reader.referent(speaker)
                if phrase.pronoun:
                    target = self.resolve_pronoun(phrase, previous)
                    if target is not None and target.gender == "-" and phrase.gender in ("m", "f") and \
                            target.name is not None:
                        self.gender_of.setdefault(self.text[target.name[1] - 1], phrase.gender)
                    ref = target
                    surface = speaker
                    if target is not None and target.name is None and target.kind in ("group", "organization") and \
                            self.name_of(target) is None:
                        first = target.start + (self.lower(target.start) in self.lex.determiners)
                        target.name = (first, target.end) if target.end > first else None
                else:
                    if phrase.name is not None and (phrase.name in self.place_spans):
                        phrase.kind = "organization"
                    self._add_mention(phrase)
                    ref = phrase
                    surface = (phrase.start, phrase.end) if phrase.name is not None and phrase.kind == "person" \
                        else speaker
                resolved = Resolved(a, surface, self.name_of(ref) if ref else None, None,
                                    ref.kind if ref else None)
            elif a.inherit and last is not None and self.f.para_of[a.start] - self.f.para_of[
                    last.attribution.start] <= 1:
                resolved = Resolved(a, last.speaker, last.name, last.entity, last.kind)
                ref = previous[-1][0] if previous else None
            elif a.inherit and a.kind == "direct" and a.cue is None and \
                    (ref := self.paragraph_subject(a.start)) is not None:
                resolved = Resolved(a, (ref.start, ref.end), self.name_of(ref), None, ref.kind)
            else:
                resolved = Resolved(a, None, None, None, None)
            resolved.entity = self.entity_of(resolved)
            if ref is not None:
                previous.append((ref, a.start if a.cue is None else a.cue[0]))
            out.append(resolved)
            if resolved.speaker is not None:
                last = resolved
        return out

    def paragraph_subject(self, start: int) -> Referent | None:
        """The person a quotation with no cue goes to when no quote came before it: the named subject of the
        sentence right before, in the same paragraph ("Sergueï Lavrov s'est exprimé devant la presse. « … »")."""
        f = self.f
        sent = f.sent_of[start]
        for ref in reversed(self.mentions):
            if ref.start >= start or f.sent_of[ref.start] < sent - 1:
                continue
            if f.para_of[ref.start] != f.para_of[start] or f.sent_of[ref.start] != sent - 1:
                return None
            if ref.subject and ref.kind == "person" and ref.name is not None:
                return ref
        return None

    def entity_of(self, r: Resolved) -> str | None:
        """The entity the speaker's name (else its phrase) is a mention of; never a place, nor a name in the
        complement of the phrase ("les habitants de Bakhmout", "les ministres des Affaires étrangères du G7")."""
        if not self.entities:
            return None
        for target in (r.name, r.speaker):
            if target is None:
                continue
            for span in self.entities:
                if span.start < target[1] and target[0] < span.end and span.id_:
                    if span.label_.lower() in ("location", "loc", "place"):
                        continue
                    if span.start > target[0] and (
                        self.lex.has_role(self.lower(span.start - 1), "link")
                        or self.lex.has_role(self.lower(span.start), "link")  # a mention that holds its "du"
                    ):
                        continue
                    return span.id_
        return None
