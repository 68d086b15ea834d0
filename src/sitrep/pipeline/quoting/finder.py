"""Attributions of one document: content, cue and speaker phrase, by rules over tokens (no parser needed).

Order of work, per document: quotations by their marks (:mod:`.marks`), then per sentence the colon lead-ins,
the according-to markers and the cues of the lexicon, then the quotations with no cue of their own.

- A quotation followed by ", CUE SPEAKER" ("…", a indiqué X / a-t-elle ajouté / said the minister / X said) or
  announced by a colon ("X a déclaré : «…»", "Zelensky : «…»", "Le major céda : «…»") is direct. A cue inside
  the marks between commas («…, a-t-il dit, …», or after ! ? …) splits it into two records that share cue and
  speaker; so does «…», a-t-il dit, «…», and a quotation that goes on in the next sentence ("…," Ross said. "…").
- A quotation signed by a dash and a name that ends its paragraph ("«…» — Jean Dupont", testimonies and posts)
  is direct, the dash its cue.
- A quotation inside a clause ("Les troupes avancent, « détruisant la ville », a-t-elle ajouté") leaves the
  record to the clause, which is then mixed.
- "CLAUSE, CUE SPEAKER" is indirect (mixed when it holds a quotation); an incise in mid-sentence ("What worried
  her, she said, was …") gives two records sharing the cue.
- "SUBJECT CUE que|that|: CLAUSE", "SUBJECT dit avoir …" (infinitive claims), "s'est dit …", "asked whether …"
  and, in English, "X said the …" / "told reporters the …" without "that": the clause up to the end of the
  sentence (or a coordinated second cue) is the content. A participle cue ("ajoutant", "saying") takes the
  speaker of the sentence. English stance verbs ("praised", "called for": PolNeAR counts them as attributions)
  take the rest of the clause.
- "C'est ce qu'a indiqué X": the previous sentence is the content.
- "selon X, …" / "…, d'après X" / "according to X": kind according_to (X must name a source: "selon les pays"
  is a preposition; markers marked ``open`` in quote_markers.tsv take any noun phrase: "according to the
  results"); a stressed pronoun ("selon lui", "according to her") is resolved like a subject pronoun.
- "X asked [OBJECT] whether|how …" and a sentence-opening "Asked if …," (no asker named): the question is the
  content. A colon lead-in may close the previous sentence or paragraph ("Cruz continued:" then the quotation).
- "Vladimir Poutine : la guerre sera longue" (a paragraph opening with a name or title, then a colon) is
  indirect, with the colon as cue; a single capitalised word needs to be the surname of a longer name in the
  article, so topic headlines ("Coronavirus : …") are not statements.
- An em-dash dialogue line is direct, split around its incise ("— Nous tiendrons, a répondu le général.", "—
  Halte ! cria le sergent en levant la main."); a French turn of dialogue inside a paragraph too ("Il demanda :
  — Vous partez ?"), with the speaker of its colon lead-in. What follows an incise goes on with the speech
  unless it describes the speaker ("…, affirme X, joint par téléphone").
- French inversion may put a short adjunct before the speaker ("a assuré sur Telegram le gouverneur X"), an
  infinitive may complete the cue ("a fait savoir X"), and adverbs or a negation may come before an infinitive
  claim ("a indiqué samedi avoir frappé", "affirme ne pas avoir fourni").
- A quotation that opens a sentence with no cue, when it is long or fills its paragraph, goes to the speaker of
  its paragraph (or the one before), else to the person who is the subject of the sentence before it in the
  paragraph ("Sergueï Lavrov s'est exprimé devant la presse. « … »"); short quoted fragments with no cue are
  scare quotes, titles or names, and are not statements.

Cannot do: subjects far from their verb across a long incise without commas, cues that are nouns ("la
déclaration de X", "in a statement, X …"), French speech verbs whose content is a bare noun phrase ("a dénoncé
une provocation"), content that runs over several sentences without marks, text whose sentences are glued
together without spaces, and speakers that only a parser or a coreference model would find ("the former
secretary" for a name two paragraphs up).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .lexicon import Cue, QuoteLexicon
from .marks import PAIRS, Marked, TokenView, scan
from .speakers import NAME_PARTICLES, PUNCT_STOP, Referent, SpeakerReader, is_capitalised

CLOSERS = frozenset(c for cs in PAIRS.values() for c in cs)
SENT_END = frozenset({".", "!", "?", "…", "...", ";"})
DASHES = frozenset({"—", "–", "―"})
INCISE_END = frozenset({",", ".", "!", "?", "…", ";"})
Part = tuple[int, int, tuple[int, int] | None, tuple[int, int] | None]  # content start, end, cue, speaker


@dataclass(slots=True)
class Attribution:
    """One statement found: content tokens [start, end), cue tokens and the speaker phrase (token spans)."""

    start: int
    end: int
    kind: str  # direct, indirect, mixed, according_to
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    inherit: bool = False  # no speaker phrase of its own: take the paragraph's (participle cue, bare quote)
    referent: Referent | None = None


class Finder:
    """Finds the attributions of one document; call :meth:`run`."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, places: Sequence[Span] = ()) -> None:
        self.doc = doc
        self.places = places
        self._surnames: set[str] | None = None  # built on first use
        self.lex = lex
        self.reader = SpeakerReader(doc, lex)
        r = self.reader
        self.lower, self.text, self.ws, self.space = r.lower, r.text, r.ws, r.space
        self.punct, self.num = r.punct, r.num
        n = len(doc)
        self.claimed = [False] * n
        self.quote_at: dict[int, Marked] = {}  # open mark (or dash) token -> quotation
        self.in_quote = [False] * n
        self.sent_of = [0] * n
        self.sents: list[tuple[int, int]] = []
        starts = [i for i, flag in enumerate(doc.to_array("SENT_START").tolist()) if flag == 1] or [0]
        if starts[0] != 0:
            starts.insert(0, 0)
        for k, (first, last) in enumerate(zip(starts, [*starts[1:], n], strict=True)):
            self.sents.append((first, last))
            self.sent_of[first:last] = [k] * (last - first)
        self.para_of = [0] * n
        para = 0
        for i in range(n):
            self.para_of[i] = para
            if "\n" in self.ws[i] or (self.space[i] and "\n" in self.text[i]):
                para += 1

    # -- helpers -------------------------------------------------------------------------------------------

    def next_word(self, i: int, limit: int | None = None) -> int | None:
        limit = len(self.doc) if limit is None else limit
        while i < limit and self.space[i]:
            i += 1
        return i if i < limit else None

    def prev_word(self, i: int, floor: int = 0) -> int | None:
        while i >= floor and self.space[i]:
            i -= 1
        return i if i >= floor else None

    def pronoun_of(self, i: int) -> str | None:
        """The pronoun of an inverted clitic token ("-elle" -> "elle")."""
        low = self.lower[i]
        if low.startswith("-") and low[1:] in self.lex.pronouns:
            return low[1:]
        return None

    def cue_at(self, i: int) -> Cue | None:
        cue = self.reader.cue_of[i]
        if cue is None or self.punct[i] or self.in_quote[i]:
            return None
        if is_capitalised(self.text[i]) and self.sents[self.sent_of[i]][0] != i and not self.headline_case(i):
            return None  # a proper noun ("Dit", "Note") mid-sentence
        p = self.prev_word(i - 1)
        if p is not None and self.lower[p] in self.lex.determiners and self.lower[p] not in ("l'", "l’", "leur"):
            return None  # a noun: "la note", "the report"
        if p == i - 1 and p >= 0 and self.text[p] in ("-", "‐") and not self.ws[p]:
            return None  # a compound: "so-called"
        if self.lower[i] == cue.lemma and self.lex.lang == "fr":
            return None  # a bare infinitive reports nothing by itself: "pour espérer", "a semblé confirmer"
        if p is not None and self.lower[p] in ("être", "été", "étant", "being", "been", "be"):
            return None  # a passive: "ne peut être considérée comme", "was described as"
        if self.lex.lang == "fr" and self.is_bare_participle(i):
            return None  # an adjective: "les aides dites sociales", "les personnes interrogées"
        return cue

    def is_bare_participle(self, i: int) -> bool:
        """A French past participle with no auxiliary, clitic or inverted pronoun before it."""
        low = self.lower[i]
        if not (low.endswith(("é", "ée", "és", "ées")) or low.endswith(("dite", "dites", "dits", "écrite", "écrites"))):
            return False
        p = self.prev_word(i - 1)
        if p is None:
            return False
        prev = self.lower[p]
        return not (prev in self.lex.aux or self.lex.has_role(prev, "skip") or self.pronoun_of(p) or prev == "-t"
                    or self.text[p] in (",", ":", "(") or self.text[p] in CLOSERS)

    def headline_case(self, i: int) -> bool:
        """A word in a title-case headline ("Former Pollster Says Clinton Is In Trouble"): its neighbours are
        capitalised too."""
        p, n = self.prev_word(i - 1), self.next_word(i + 1)
        return p is not None and n is not None and is_capitalised(self.text[p]) and \
            is_capitalised(self.text[n]) and self.sent_of[p] == self.sent_of[i] == self.sent_of[n]

    def trim(self, start: int, end: int, *, keep_stop: bool = False) -> tuple[int, int]:
        """Drop spaces and edge punctuation (but not quotation marks) from a content span; ``keep_stop`` keeps
        a final full stop, which belongs to a quoted sentence."""
        while start < end and (self.space[start] or self.text[start] in (",", ":", ";", "—", "–", "'", "’")):
            start += 1
        while end > start and (self.space[end - 1] or self.text[end - 1] in (",", ":", ";", "—", "–") or
                               (self.text[end - 1] == "." and not keep_stop)):
            end -= 1
        return start, end

    # -- cue groups ----------------------------------------------------------------------------------------

    def inverted(self, i: int) -> tuple[int, int] | None:
        """The speaker tokens of an inverted cue at ``i``: "affirme-t-il" (after) or "a-t-elle ajouté" (before)."""
        n = len(self.doc)
        j = i + 1
        if j < n and self.lower[j] == "-t":
            j += 1
        if j < n and self.pronoun_of(j):
            return (j, j + 1)
        # aux -t -pron [adverbs] participle
        k = i - 1
        while k >= 0 and self.lex.has_role(self.lower[k], "skip"):
            k -= 1
        if k >= 0 and self.pronoun_of(k):
            pron = k
            k -= 1
            if k >= 0 and self.lower[k] == "-t":
                k -= 1
            if k >= 0 and self.lower[k] in self.lex.aux:
                return (k, pron + 1)
        return None

    def impersonal_source(self, inv: tuple[int, int], cue_end: int, limit: int) -> tuple[int, int]:
        """ "a-t-on appris auprès du ministère" / "de source militaire": the source named after an impersonal
        "on", else the pronoun itself."""
        if self.pronoun_of(inv[1] - 1) != "on":
            return inv
        j = self.next_word(cue_end, limit)
        if j is None:
            return inv
        if self.lower[j] == "auprès":
            k = self.next_word(j + 1, limit)
            if k is not None and self.lex.has_role(self.lower[k], "link"):
                return self.reader.phrase_right(k + 1, limit) or inv
        if self.lower[j] == "de":
            k = self.next_word(j + 1, limit)
            if k is not None and self.lower[k] == "source":
                return self.reader.phrase_right(k, limit) or inv
        return inv

    def group_start(self, i: int, floor: int) -> int:
        """The first token of the verb group of the cue at ``i`` (auxiliaries, adverbs and clitics before it)."""
        k = i
        while k - 1 >= floor:
            low = self.lower[k - 1]
            if self.space[k - 1] or low in self.lex.aux or low in ("-t", "ne", "n'", "n’") or \
                    self.pronoun_of(k - 1) or (self.lex.has_role(low, "skip") and low not in self.lex.pronouns):
                k -= 1
            else:
                break
        return k

    # -- main ----------------------------------------------------------------------------------------------

    def run(self) -> list[Attribution]:
        marked = scan(TokenView(self.text, self.ws, self.space, self.punct), inline_dialogue=self.lex.lang == "fr")
        for m in marked:
            self.quote_at[m.open] = m
            for i in range(m.open, (m.close + 1) if m.close is not None else m.end):
                self.in_quote[i] = True
        found: list[Attribution] = []
        self.direct_quotes(marked, found)
        for s, (start, end) in enumerate(self.sents):
            self.sentence(s, start, end, found)
        self.unattributed(marked, found)
        found.sort(key=lambda a: (a.start, a.end))
        return found

    def claim(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.claimed[i] = True

    # -- quotations ----------------------------------------------------------------------------------------

    def direct_quotes(self, marked: list[Marked], found: list[Attribution]) -> None:
        shared: Attribution | None = None
        previous_end = 0
        for m in marked:
            floor, previous_end = previous_end, (m.close + 1) if m.close is not None else m.end
            if m.dialogue:
                lead = self.cue_before(m, floor) if self.led_by_colon(m) else None
                if lead is not None:
                    self.dialogue(m, found, lead)
                    self.claim(m.open, m.end)
                    for span in (lead.cue, lead.speaker):
                        if span is not None:
                            self.claim(*span)
                continue
            sent_start = self.sents[self.sent_of[m.open]][0]
            p = self.prev_word(m.open - 1, sent_start)
            inside_clause = p is not None and self.text[p] != ":" and not self.claimed[p] and \
                self.text[p] not in CLOSERS and self.text[p] not in SENT_END
            after = self.cue_after(m)
            if inside_clause and after is not None:
                continue  # "Les troupes avancent, « détruisant la ville », a-t-elle ajouté": the clause is said
            parts = self.split_interrupted(m)
            before = self.cue_before(m) if after is None else None
            if after is None and before is None and shared is not None and shared.cue is not None and \
                    self._follows(shared, m):
                after = Attribution(0, 0, "direct", shared.cue, shared.speaker, shared.inherit)
            found_one = after or before or (parts[1] if len(parts) > 1 else None)
            if found_one is None:
                continue
            for s, e, cue, speaker in parts[0]:
                use = (cue, speaker) if cue is not None else (found_one.cue, found_one.speaker)
                inherit = found_one.inherit if cue is None else False
                found.append(Attribution(s, e, "direct", use[0], use[1], inherit))
            self.claim(m.open, (m.close + 1) if m.close is not None else m.end)
            if found_one.cue is not None:
                self.claim(*found_one.cue)
            if found_one.speaker is not None:
                self.claim(*found_one.speaker)
            signed = after is not None and after.cue is not None and self.text[after.cue[0]] in DASHES
            shared = found[-1] if after is not None and not signed else None  # a signature ends its paragraph

    def _follows(self, prev: Attribution, m: Marked) -> bool:
        """«…», a-t-il dit, «…»: the quotation opens right after the cue group that followed the previous one."""
        last = max(x for x in (prev.cue, prev.speaker) if x is not None)[1]
        j = self.next_word(last)
        if j is not None and self.text[j] in (",", ".", ";"):
            j = self.next_word(j + 1)
        if j == m.open:
            return True
        # "…," Ross said. "…": the next sentence of the same paragraph goes on with the same quotation.
        s = self.sent_of[prev.start]
        return s == self.sent_of[last - 1] and s + 1 < len(self.sents) and self.sents[s + 1][0] == m.open and \
            self.para_of[m.open] == self.para_of[prev.start]

    def split_interrupted(self, m: Marked) -> tuple[list[Part], Attribution | None]:
        """The parts of a quotation around an incise cue (or the whole), with the incise's cue and speaker."""
        i = m.start
        while i < m.end:
            if self.text[i] in (",", "!", "?", "…") and i + 1 < m.end:
                group = self.incise(i + 1, m.end) if self.text[i] == "," else self.incise_after_mark(i + 1, m.end)
                if group is not None:
                    cue, speaker, after = group
                    a = self.trim(m.start, i if self.text[i] == "," else i + 1)
                    b = self.trim(after, m.end, keep_stop=True)
                    incise = Attribution(0, 0, "direct", cue, speaker)
                    parts: list[Part] = [(a[0], a[1], cue, speaker)]
                    if b[1] > b[0]:
                        parts.append((b[0], b[1], cue, speaker))
                    self.claim(cue[0], after)
                    return parts, incise
            i += 1
        s, e = self.trim(m.start, m.end, keep_stop=True)
        return [(s, e, None, None)], None

    def incise(self, i: int, limit: int) -> tuple[tuple[int, int], tuple[int, int] | None, int] | None:
        """A cue group between commas inside a quotation: ", a-t-il dit," / ", said Smith," -> (cue, speaker, next)."""
        j = self.next_word(i, limit)
        if j is None:
            return None
        k = j
        # Up to 3 words of the subject in English (", Smith said,"), else the verb first.
        for k in range(j, min(limit, j + 5)):
            cue = self.cue_at_unquoted(k)
            if cue is not None:
                break
        else:
            return None
        cue_tok = k
        if any(self.text[x] in INCISE_END for x in range(j, cue_tok)):
            return None  # "Demain ! demain ! m'écriai-je": the cue's incise starts after the last mark
        inv = self.inverted(cue_tok)
        speaker: tuple[int, int] | None
        verb_first = all(self.lower[x] in self.lex.aux or self.lex.has_role(self.lower[x], "skip")
                         for x in range(j, k))
        if inv is None and self.lex.lang == "fr" and not verb_first and \
                all(self.lower[x] in self.lex.pronouns for x in range(j, k)):
            return None  # "…, je crie à la garde, dit Morel": a French incise inverts its pronoun
        if inv is not None:
            speaker = inv
            end = max(cue_tok, inv[1] - 1) + 1
        elif k > j and not verb_first:
            speaker = (j, k)
            end = k + 1
        else:
            speaker = self.reader.phrase_right(k + 1, limit)
            end = speaker[1] if speaker else k + 1
        if speaker is not None and speaker[0] < cue_tok and inv is None and not verb_first:
            gs = j
            if not all(self.reader.is_name_token(x) or self.lower[x] in self.lex.pronouns or
                       self.lower[x] in self.lex.determiners or self.lower[x] in self.lex.heads or
                       self.lex.has_role(self.lower[x], "skip") or self.lower[x] in self.lex.aux
                       for x in range(gs, cue_tok)):
                return None
        nxt = self.next_word(end, limit)
        if nxt is not None and speaker is not None and self.text[nxt] not in INCISE_END and \
                self.lex.has_role(self.lower[nxt], "stop"):
            # an adjunct after the speaker: "dit-elle à moitié folle de joie,"
            k = nxt
            while k < limit and k - nxt < 30 and self.text[k] not in INCISE_END and self.text[k] not in PAIRS:
                k += 1
            if (k == limit or (self.text[k] in SENT_END and self.next_word(k + 1, limit) is None)) and \
                    self.reader.names_a_source(speaker):
                # the adjunct runs to the end: "s'écria la Goualeuse en se réfugiant dans l'allée."
                return self.incise_cue(cue_tok, inv, j), speaker, limit
            nxt = k if k - nxt < 12 else None
        if nxt is None or self.text[nxt] not in INCISE_END or (
                speaker is not None and not self.reader.names_a_source(speaker) and
                self.lower[speaker[0]] not in self.lex.determiners):
            return None  # "…, understands how to create jobs.": "how" names no one; "dit l'inconnu" does
        if self.text[nxt] == "," and self.next_word(nxt + 1, limit) is None:
            return None
        return self.incise_cue(cue_tok, inv, j), speaker, nxt + 1

    def incise_cue(self, cue_tok: int, inv: tuple[int, int] | None, floor: int) -> tuple[int, int]:
        """The cue tokens of an incise: the verb group, or the participle alone after "a-t-il"."""
        if inv is not None and inv[0] < cue_tok:
            return (cue_tok, cue_tok + 1)
        return (self.group_start(cue_tok, floor) if inv is None or inv[0] > cue_tok else cue_tok, cue_tok + 1)

    def cue_at_unquoted(self, i: int) -> Cue | None:
        """A cue inside quotation marks (for incises): same tests as :meth:`cue_at` but inside the marks."""
        saved = self.in_quote[i]
        self.in_quote[i] = False
        try:
            return self.cue_at(i)
        finally:
            self.in_quote[i] = saved

    def cue_after(self, m: Marked) -> Attribution | None:
        """ "…", a indiqué X / a-t-elle ajouté / said X / X said: the cue group right after the closing mark."""
        if m.close is None:
            return None
        sent_end = self.sents[self.sent_of[m.close]][1]
        j = self.next_word(m.close + 1, sent_end)
        signed = self.signature(j) if j is not None else None
        if signed is not None:
            return signed
        if j is not None and self.text[j] in (",", "—", "–"):
            j = self.next_word(j + 1, sent_end)
        elif j is not None and self.text[m.close - 1] not in (",", "!", "?", "…", "."):
            return None  # text goes on after the quotation: it is part of a clause, not a direct quote
        if j is None:
            return None
        return self.postposed_group(j, sent_end, "direct")

    def signature(self, dash: int) -> Attribution | None:
        """ "«…» — Jean Dupont" / "“…” ― Steve Quinlan.": a quotation signed by a dash and a name that ends the
        paragraph (testimonies, epigraphs, posts)."""
        if self.text[dash] not in DASHES:
            return None
        n = len(self.doc)
        j = self.next_word(dash + 1)
        if j is None or self.para_of[j] != self.para_of[dash]:
            return None
        end = self.reader.name_end(j, n) if self.reader.is_name_token(j) else j
        rest = self.next_word(end)
        if rest is not None and self.text[rest] == ".":
            rest = self.next_word(rest + 1)
        if end - j < 2 or not self.reader.names_someone((j, end)) or (
                rest is not None and self.para_of[rest] == self.para_of[dash]):
            return None
        return Attribution(0, 0, "direct", (dash, dash + 1), (j, end))

    def postposed_group(self, j: int, limit: int, kind: str) -> Attribution | None:
        """A cue group that follows its content, starting at token ``j``."""
        lex = self.lex
        # Verb first: "a indiqué X", "a-t-elle ajouté", "affirme-t-il", "said the minister"
        k = j
        while k < limit and k - j < 6 and (self.lower[k] in lex.aux or lex.has_role(self.lower[k], "skip")
                                           or self.lower[k] == "-t" or self.pronoun_of(k)):
            k += 1
        if k < limit:
            cue = self.cue_at(k)
            if cue is not None and cue.use != "stance":
                inv = self.inverted(k)
                if inv is not None:
                    cue_span = (k, k + 1) if inv[0] < k else (self.group_start(k, j), k + 1)
                    return Attribution(0, 0, kind, cue_span, self.impersonal_source(inv, max(k, inv[1] - 1) + 1,
                                                                                    limit))
                if k == j or all(self.lower[x] in lex.aux or lex.has_role(self.lower[x], "skip")
                                 for x in range(j, k)):
                    nxt = self.next_word(k + 1, limit)
                    if nxt is not None and lex.has_role(self.lower[nxt], "tail"):
                        k = nxt  # "a fait savoir X": the infinitive completes the cue
                        nxt = self.next_word(k + 1, limit)
                    while nxt is not None and (lex.has_role(self.lower[nxt], "time") or
                                               lex.has_role(self.lower[nxt], "skip")) and \
                            (self.lower[nxt] not in lex.determiners or self.lower[nxt + 1] in ("part", "côté")):
                        nxt = self.next_word(nxt + 1, limit)  # "a estimé lundi pour sa part X"
                    if nxt is None:
                        return None
                    if lex.has_role(self.lower[nxt], "comp") or self.text[nxt] in (":",) or \
                            self.text[nxt] in PAIRS or (cue.infinitive and self.is_infinitive(nxt)) or \
                            (self.is_infinitive(nxt) and lex.has_role(self.lower[self.prev_word(nxt - 1) or 0],
                                                                      "link")):
                        return None  # "…, a déclaré que …" / "…, a reconnu avoir …" / "a menacé de …": no inversion
                    speaker = self.reader.phrase_right(nxt, limit)
                    if speaker is None and lex.lang == "fr" and lex.has_role(self.lower[nxt], "stop"):
                        speaker = self.after_adjunct(nxt, limit)
                    if speaker is None or not self.ends_group(speaker[1], limit) or \
                            not self.reader.names_a_source(speaker):
                        return None
                    after = self.next_word(speaker[1], limit)
                    if lex.lang == "en" and after is not None and self.text[after] in PAIRS:
                        return None  # "…, says Cruz will “leave …”": a subject and its clause, not an inversion
                    return Attribution(0, 0, kind, (j, k + 1), speaker)
        # Subject first (English, and French "X a-t-il …" is rare): ", he said" / ", Smith said"
        for k in range(j, min(limit, j + 6)):
            cue = self.cue_at(k)
            if cue is None or cue.use == "stance":
                continue
            if self.punct[k]:
                return None
            gs = self.group_start(k, j)
            subject = self.reader.phrase_left(gs, j)
            if subject is None or subject[0] != j:
                return None
            after = self.object_end(k + 1, limit) if cue.lemma in ("tell",) else k + 1
            rest = self.next_word(k + 1, limit)
            if rest is not None and (lex.has_role(self.lower[rest], "comp") or self.text[rest] in PAIRS
                                     or self.text[rest] == ":" or not (self.ends_group(after, limit) or (
                                         cue.lemma == "tell" and self.adjunct_tail(after, limit)))):
                return None
            return Attribution(0, 0, kind, (gs, k + 1), subject)
        return None

    def after_adjunct(self, prep: int, limit: int) -> tuple[int, int] | None:
        """ "a assuré sur Telegram le gouverneur X" / "a indiqué dans un communiqué le ministère": a short
        adjunct between an inverted cue and its speaker, who opens with a determiner (French inversion; English
        puts the adjunct after the speaker)."""
        for q in range(prep + 2, min(limit, prep + 6)):
            low = self.lower[q]
            if self.punct[q] or (self.reader.cue_of[q] is not None and self.lower[q - 1] not in self.lex.determiners) \
                    or low in self.lex.aux or {"comp", "rel", "coord"} & self.lex.roles.get(low, frozenset()):
                return None
            if low in self.lex.determiners and q + 1 < limit and not self.punct[q + 1]:
                return self.reader.phrase_right(q, limit)  # the caller checks that it names a source
        return None

    def adjunct_tail(self, i: int, limit: int) -> bool:
        """The rest of the sentence after "told OBJECT" holds no clause ("…," Kasich told a crowd in Ohio on
        Tuesday.): no complementiser, colon, quotation, auxiliary or second cue."""
        for k in range(i, limit):
            if self.text[k] in (":", ";") or self.text[k] in PAIRS or self.lex.has_role(self.lower[k], "comp") or \
                    self.lower[k] in self.lex.aux or self.reader.cue_of[k] is not None:
                return False
        return True

    def ends_group(self, i: int, limit: int) -> bool:
        """After a postposed speaker comes the end of the sentence, a comma, an adjunct or a quotation, not a verb."""
        j = self.next_word(i, limit)
        if j is None:
            return True
        low = self.lower[j]
        return self.text[j] in SENT_END or self.text[j] in (",", "(", "—", "–", ":") or self.text[j] in PAIRS or \
            self.lex.has_role(low, "stop") or self.lex.has_role(low, "time") or self.reader.cue_of[j] is not None

    def cue_before(self, m: Marked, floor: int = 0) -> Attribution | None:
        """X a déclaré : «…» / Zelensky : «…» / he said: "…" — a lead-in that ends with a colon (and starts
        after ``floor``, the end of the previous turn of dialogue)."""
        sent_start = max(self.sents[self.sent_of[m.open]][0], floor)
        p = self.prev_word(m.open - 1, sent_start)
        if p is None:
            # "Cruz continued:" closing the previous sentence or paragraph, the quotation opening the next one.
            p = self.prev_word(m.open - 1)
            if p is None or self.text[p] != ":" or self.claimed[p]:
                return None
            sent_start = self.sents[self.sent_of[p]][0]
        if self.text[p] not in (":", ","):
            return None
        colon = self.text[p] == ":"
        q = self.prev_word(p - 1, sent_start)
        if q is None:
            return None
        # The cue (possibly with an adjunct between: "a déclaré lundi à la presse :")
        k = q
        while k >= sent_start and q - k < 8 and not self.claimed[k]:
            cue = self.cue_at(k)
            if cue is not None:
                inv = self.inverted(k)
                if inv is not None:
                    return Attribution(0, 0, "direct", (k, k + 1), inv)
                gs = self.group_start(k, sent_start)
                floor = self.clause_floor(gs, sent_start)
                subject = self.reader.phrase_left(gs, floor)
                if subject is None and not colon:
                    return None
                if subject is None:
                    return Attribution(0, 0, "direct", (gs, k + 1), None, inherit=True)
                return Attribution(0, 0, "direct", (gs, k + 1), subject)
            if self.text[k] in PUNCT_STOP:
                break
            k -= 1
        if not colon:
            return None
        # "Le major céda : «…»": a quotation announced by a colon is speech even without a reporting verb.
        floor = self.clause_floor(q + 1, sent_start)
        phrase = self.reader.phrase_left(q + 1, floor)
        if phrase is None or phrase[0] != floor:
            subject = self.lead_subject(floor, q)
            return Attribution(0, 0, "direct", (p, p + 1), subject, inherit=subject is None)
        # "Zelensky : «…»": a short phrase alone before the colon, at the start of its clause.
        if phrase[1] - phrase[0] > 8 or not self.reader.names_a_source(phrase):
            subject = self.lead_subject(floor, q)
            return Attribution(0, 0, "direct", (p, p + 1), subject, inherit=subject is None)
        return Attribution(0, 0, "direct", (p, p + 1), phrase)

    def lead_subject(self, floor: int, q: int) -> tuple[int, int] | None:
        """The subject of a colon lead-in with no reporting verb, at its start or after an opening adverbial
        clause ("When Wallace died, President Clinton released the following statement:")."""
        subject = self.sentence_subject(floor, q)
        if subject is not None:
            return subject
        commas = [k for k in range(floor, q) if self.text[k] == "," and not self.in_quote[k]]
        return self.sentence_subject(commas[0] + 1, q) if len(commas) == 1 else None

    def clause_floor(self, i: int, sent_start: int) -> int:
        """Where the clause that ends before ``i`` starts: after the last comma-free boundary."""
        k = i - 1
        depth = 0
        while k >= sent_start:
            text = self.text[k]
            if text in CLOSERS:
                depth += 1
            elif text in PAIRS and depth:
                depth -= 1
            elif depth == 0 and (text in (":", ";") or (self.claimed[k] and not self.in_quote[k])):
                return k + 1
            k -= 1
        return sent_start

    # -- sentences -----------------------------------------------------------------------------------------

    def colon_lead(self, start: int, end: int) -> Attribution | None:
        """ "Poutine : la guerre sera longue" / "Lopez: Well, no one …": a short name or title phrase opening a
        paragraph, a colon, then what it says."""
        first = self.next_word(start, end)
        if first is None or (first > 0 and self.para_of[first] == self.para_of[first - 1] and
                             self.sents[self.sent_of[first]][0] != first) or self.claimed[first]:
            return None
        for colon in range(first + 1, min(end, first + 5)):
            if self.text[colon] == ":":
                break
            if self.punct[colon]:
                return None
        else:
            return None
        phrase = (first, colon)
        if not all(self.reader.is_name_token(x) or self.lower[x] in self.lex.heads or
                   self.lower[x] in self.lex.determiners or self.lower[x] in NAME_PARTICLES for x in range(*phrase)):
            return None
        if not self.known_person(phrase) or self.is_place(phrase):
            return None
        cs, ce = self.trim(colon + 1, self.content_end(colon + 1, end), keep_stop=True)
        if sum(1 for x in range(cs, ce) if not self.punct[x]) < 3 or self.in_quote[cs] or self.claimed[cs]:
            return None  # "Zelensky : «…»" is a direct quote with a colon lead-in
        return Attribution(cs, ce, self.kind_of(cs, ce, "indirect"), (colon, colon + 1), phrase)

    def sentence(self, s: int, start: int, end: int, found: list[Attribution]) -> None:
        lead = self.colon_lead(start, end)
        if lead is not None:
            found.append(lead)
            self.claim(lead.start, lead.end)
            self.claim(*(lead.speaker or (0, 0)))
        i = start
        while i < end:
            if self.claimed[i] or self.in_quote[i] or self.space[i]:
                i += 1
                continue
            marker = self.marker_at(i, end)
            if marker is not None:
                got = self.according_to(i, marker, start, end)
                if got is not None:
                    found.append(got)
                    i = max(got.end, got.speaker[1] if got.speaker else i) if got.start > i else i + 1
                    continue
            cue = self.cue_at(i)
            if cue is None:
                i += 1
                continue
            got = self.report(i, cue, s, start, end, found)
            if got is None:
                i += 1
                continue
            found.append(got)
            self.claim(got.start, got.end)
            if got.cue:
                self.claim(*got.cue)
            if got.speaker:
                self.claim(*got.speaker)
            i = i + 1

    def report(self, i: int, cue: Cue, s: int, start: int, end: int, found: list[Attribution]
               ) -> Attribution | None:
        lex = self.lex
        gs = self.group_start(i, start)
        p = self.prev_word(gs - 1, start)
        inv = self.inverted(i)
        # "C'est ce qu'a indiqué X": the previous sentence is the content.
        if p is not None and lex.has_role(self.lower[p], "comp"):
            pp = self.prev_word(p - 1, start)
            if pp is not None and self.lower[pp] in ("ce", "c'", "c’") and s > 0:
                said_by = inv or self.reader.phrase_right(self.skip_adjuncts(i + 1, end), end)
                prev_start, prev_end = self.sents[s - 1]
                cs, ce = self.trim(prev_start, prev_end)
                if ce > cs and not any(self.claimed[x] and not self.in_quote[x] for x in range(cs, ce)):
                    return Attribution(cs, ce, self.kind_of(cs, ce, "indirect"), (gs, i + 1), said_by)
                return None
        # Postposed: ", a indiqué X" / ", a-t-elle ajouté" / ", said X" / ", X said" after the content.
        participle = self.is_participle(i)
        comma = None if participle else self.postposed_comma(i, gs, start)
        if comma is not None:
            group = self.postposed_group(self.next_word(comma + 1, end) or comma + 1, end, "indirect")
            if group is not None and group.cue is not None and group.cue[0] <= i < group.cue[1]:
                floor = self.content_floor(comma, start, found)
                cs, ce = self.trim(floor, comma)
                last = max(x for x in (group.cue, group.speaker) if x is not None)[1]
                nxt = self.next_word(last, end)
                mid = nxt is not None and self.text[nxt] == "," and floor == self.next_word(start, end)
                if ce - cs >= 3 or (mid and ce - cs == 2):  # "This campaign, he says, is different."
                    group.start, group.end = cs, ce
                    group.kind = self.kind_of(cs, ce, "indirect")
                    self.resumed(group, end, found)
                    return self.exact_quote(group)
        if p is None or self.lower[p] == "when":
            asked = self.opening_question(i, cue, end)
            if asked is not None:
                return asked
        if cue.use == "incise" and inv is None:
            return self.question(i, gs, cue, start, end)
        if cue.use == "stance":
            return self.stance(i, gs, start, end, participle, found)
        # Prefix: SUBJECT CUE que|that|:|infinitive CONTENT
        content_start = self.content_start(i, cue, end)
        if content_start is None:
            return None
        ce = self.content_end(content_start, end)
        cs, ce = self.trim(content_start, ce)
        if ce - cs < 2 and not (ce > cs and self.lower[cs] in ("so", "yes", "no")):
            return None
        speaker: tuple[int, int] | None
        if inv is not None:
            speaker = inv
        elif participle:
            # "…, saying that …" / "…, ajoutant que …": the subject of the sentence's main clause speaks.
            earlier = [a for a in found if a.speaker is not None and start <= (a.cue or (a.start, 0))[0] < i]
            speaker = earlier[-1].speaker if earlier else self.main_subject(start, gs)
        else:
            floor = self.clause_floor(gs, start)
            speaker = self.reader.phrase_left(gs, floor)
        cue_span = (gs if inv is None or inv[0] > i else i, i + 1)
        if inv is not None and inv[0] < i:
            cue_span = (i, i + 1)
        got = Attribution(cs, ce, self.kind_of(cs, ce, "indirect"), cue_span, speaker, inherit=speaker is None)
        return self.exact_quote(got)

    def opening_question(self, i: int, cue: Cue, end: int) -> Attribution | None:
        """ "Asked whether the deal would hold, 60 percent said no": a sentence-opening participle of "ask" and
        the question up to the comma, whose asker the sentence does not name."""
        j = self.next_word(i + 1, end)
        if j is None or self.lower[j] != self.text[j].lower() or not self.lex.has_role(self.lower[j], "wh") or \
                cue.lemma not in ("ask", "demander", "interroger", "question") or not self.is_passive_opening(i):
            return None
        k = j + 1
        while k < end:
            if self.text[k] == "," and self.in_quote[k]:
                n = self.next_word(k + 1, end)
                if n is not None and self.text[n] in CLOSERS:
                    break  # the question ends inside its quotation: "Asked if he is “ready,” 60 percent …"
            elif self.text[k] in (",", ";") or self.text[k] in SENT_END:
                break
            k += 1
        if k >= end or self.text[k] != ",":
            return None
        cs, ce = self.trim(j, k)
        if ce - cs < 3:
            return None
        return Attribution(cs, ce, self.kind_of(cs, ce, "indirect"), (i, i + 1), None)

    def question(self, i: int, gs: int, cue: Cue, start: int, end: int) -> Attribution | None:
        """ "A reporter asked the general whether the bridge still stood": SUBJECT asked [OBJECT] wh-CLAUSE."""
        if cue.lemma not in ("ask", "demander") or self.is_participle(i):
            return None
        j = self.next_word(i + 1, end)
        if j is None or self.punct[j]:
            return None
        k = j
        while k - j < 5 and not self.lex.has_role(self.lower[k], "wh"):  # a short object: "asked the general how"
            nxt = self.next_word(k + 1, end)
            if nxt is None or self.punct[nxt] or self.lex.has_role(self.lower[nxt], "comp"):
                return None
            k = nxt
        if not self.lex.has_role(self.lower[k], "wh"):
            return None
        j = k
        cs, ce = self.trim(j, self.content_end(j, end))
        speaker = self.reader.phrase_left(gs, self.clause_floor(gs, start))
        if speaker is not None and not self.reader.names_a_source(speaker) and \
                self.lower[speaker[0]] not in self.lex.determiners:
            return None
        if speaker is None:  # "He shook hands and asked workers if …"
            speaker = self.main_subject(start, gs)
        if ce - cs < 3 or speaker is None:
            return None
        return Attribution(cs, ce, self.kind_of(cs, ce, "indirect"), (gs, i + 1), speaker)

    def is_passive_opening(self, i: int) -> bool:
        """A past participle that opens its sentence ("Asked if …", "When asked whether …")."""
        return self.lex.lang == "en" and self.lower[i] == "asked"

    def resumed(self, group: Attribution, end: int, found: list[Attribution]) -> None:
        """ "What worried her, she said, was the silence": the clause resumes after the incise cue; the rest is a
        second record sharing the cue and speaker."""
        last = max(x for x in (group.cue, group.speaker) if x is not None)[1]
        j = self.next_word(last, end)
        if j is None or self.text[j] != ",":
            return
        pronoun = group.speaker is not None and self.reader.referent(group.speaker).pronoun
        if not pronoun and group.cue is not None and group.cue[1] != last:
            return  # ", explique Milad, employé de 22 ans": an apposition to the speaker, not more content
        cs, ce = self.trim(j + 1, self.content_end(j + 1, end))
        words = sum(1 for x in range(cs, ce) if not self.punct[x])
        if words < 3 or any(self.claimed[x] for x in range(cs, ce)) or (
                self.reader.cue_of[cs] is not None and self.is_participle(cs)):
            return  # ", she said, adding that …" is a new report; ", Bush said, celebrated …" goes on
        found.append(Attribution(cs, ce, self.kind_of(cs, ce, "indirect"), group.cue, group.speaker))
        self.claim(cs, ce)

    def stance(self, i: int, gs: int, start: int, end: int, participle: bool, found: list[Attribution]
               ) -> Attribution | None:
        """SUBJECT praised|criticised|called for OBJECT: the rest of the clause is what the subject holds."""
        j = self.next_word(i + 1, end)
        if j is None or (self.punct[j] and self.text[j] not in PAIRS):
            return None
        cs, ce = self.trim(j, self.content_end(j, end))
        if ce - cs < 2:
            return None
        if participle:
            earlier = [a for a in found if a.speaker is not None and start <= (a.cue or (a.start, 0))[0] < i]
            speaker = earlier[-1].speaker if earlier else self.main_subject(start, gs)
        else:
            speaker = self.reader.phrase_left(gs, self.clause_floor(gs, start))
            p = self.prev_word(gs - 1, start)
            if speaker is None and p is not None and self.lower[p] in ("and", "et"):
                speaker = self.main_subject(start, gs)  # "Carson took the stage and called the system …"
        if speaker is None or (not self.reader.names_a_source(speaker) and \
                self.lower[speaker[0]] not in self.lex.determiners):
            return None
        return Attribution(cs, ce, self.kind_of(cs, ce, "indirect"), (gs, i + 1), speaker)

    def is_participle(self, i: int) -> bool:
        """A present participle cue ("saying", "ajoutant") has no subject of its own."""
        low = self.lower[i]
        return low.endswith("ing") if self.lex.lang == "en" else low.endswith("ant")

    def sentence_subject(self, start: int, limit: int) -> tuple[int, int] | None:
        """The phrase that opens a sentence when it looks like a subject (pronoun, name or title phrase)."""
        i = self.next_word(start, limit)
        if i is None:
            return None
        if self.lower[i] in self.lex.pronouns:
            return (i, i + 1)
        phrase = self.reader.phrase_right(i, limit)
        if phrase is None or not self.known_person(phrase) or self.is_place(phrase):
            return None
        ref = self.reader.referent(phrase)
        return (ref.start, ref.end) if ref.name is not None or ref.title_key else None

    def main_subject(self, start: int, limit: int) -> tuple[int, int] | None:
        """The subject of the main clause for a participle cue ("Obama ended his speech by saying …"): the
        sentence subject, else a source phrase opening the sentence that a verb follows."""
        subject = self.sentence_subject(start, limit)
        if subject is not None:
            return subject
        i = self.next_word(start, limit)
        if i is None:
            return None
        phrase = self.reader.phrase_right(i, limit)
        if phrase is None or phrase[1] - phrase[0] > 6 or not self.reader.names_a_source(phrase) or \
                self.is_place(phrase):
            return None
        ref = self.reader.referent(phrase)
        return (ref.start, ref.end) if ref.name is not None or ref.title_key else phrase

    def known_person(self, span: tuple[int, int]) -> bool:
        """A phrase that names someone, or a single name that is the last word of a longer name elsewhere in the
        article ("Lopez" after "Luciana Lopez")."""
        if self.reader.names_someone(span):
            return True
        if span[1] - span[0] != 1 or not self.reader.is_name_token(span[0]):
            return False
        if self._surnames is None:
            self._surnames = set()
            for k in range(1, len(self.text)):
                if self.reader.is_name_token(k) and self.reader.is_name_token(k - 1) and \
                        (k + 1 >= len(self.text) or not self.reader.is_name_token(k + 1)):
                    self._surnames.add(self.text[k])
        return self.text[span[0]] in self._surnames

    def is_place(self, span: tuple[int, int]) -> bool:
        """Whether the places stage (when it ran) found a toponym in the phrase ("Equateur : …"); a given name
        followed by another name is a person's ("Elizabeth Warren"), whatever the places stage made of it."""
        if span[1] - span[0] >= 2 and self.text[span[0]] in self.lex.first_names and \
                self.reader.is_name_token(span[0] + 1):
            return False
        return any(span[0] <= p.start < span[1] for p in self.places)

    def exact_quote(self, a: Attribution) -> Attribution:
        """Content that is exactly one quotation (with its marks) is direct, its marks excluded."""
        m = self.quote_at.get(a.start)
        if m is not None and m.close is not None and m.close + 1 >= a.end:
            self.claim(a.start, a.end)
            a.start, a.end = self.trim(m.start, m.end, keep_stop=True)
            a.kind = "direct"
        return a

    def kind_of(self, start: int, end: int, default: str) -> str:
        return "mixed" if any(self.in_quote[x] for x in range(start, end)) else default

    def postposed_comma(self, i: int, gs: int, start: int) -> int | None:
        """The comma (or closing mark) that ends the content of a postposed cue at ``i``, if the cue follows one."""
        p = self.prev_word(gs - 1, start)
        if p is None:
            return None
        if self.text[p] in (",", "—", "–") or self.text[p] in CLOSERS:
            return p if self.text[p] != "»" and self.text[p] not in CLOSERS else p + 1
        # English subject first: ", he said" / ", the official said"
        if self.lex.lang == "en":
            subject = self.reader.phrase_left(gs, start)
            if subject is not None and subject[1] - subject[0] <= 6:
                q = self.prev_word(subject[0] - 1, start)
                if q is not None and self.text[q] == ",":
                    return q
                if q is not None and self.text[q] in CLOSERS:
                    return q + 1
        return None

    def content_floor(self, comma: int, start: int, found: list[Attribution]) -> int:
        """Where a postposed cue's content starts: the sentence start or after an earlier attribution."""
        floor = start
        for k in range(comma - 1, start - 1, -1):
            if self.claimed[k] and not self.in_quote[k]:
                floor = k + 1
                break
        return floor

    def skip_adjuncts(self, i: int, end: int) -> int:
        while i < end and (self.space[i] or self.lex.has_role(self.lower[i], "time")
                           or self.lex.has_role(self.lower[i], "skip")) and self.lower[i] not in self.lex.determiners:
            i += 1
        return i

    def content_start(self, i: int, cue: Cue, end: int) -> int | None:
        """Where the reported clause after a prefix cue starts, or None when none follows."""
        lex = self.lex
        j = i + 1
        if j < end and self.lower[j] == "-t":
            j += 1
        if j < end and self.pronoun_of(j):
            j += 1
        reflexive = any(self.lower[x] in ("s'", "s’", "se") for x in range(max(0, i - 3), i))
        if lex.lang == "fr" and cue.infinitive:
            inf = j  # "a indiqué samedi avoir frappé", "affirme ne pas avoir fourni": adverbs, then the infinitive
            while inf < end and inf - j < 4 and (self.space[inf] or lex.has_role(self.lower[inf], "time") or
                                                 lex.has_role(self.lower[inf], "neg")):
                inf += 1
            if j < inf < end and self.is_infinitive(inf):
                negated = next((x for x in range(j, inf) if lex.has_role(self.lower[x], "neg")), None)
                return inf if negated is None else negated
        steps = 0
        while j < end and steps < 12:
            low = self.lower[j]
            if self.space[j]:
                j += 1
                continue
            if lex.has_role(low, "comp"):
                return j + 1
            if lex.has_role(low, "wh") and cue.lemma in ("ask", "demander", "wonder", "interroger", "question"):
                return j  # "asked whether …" / "a demandé si …": the question is the content
            if self.text[j] == ":":
                return j + 1
            if self.text[j] in PAIRS or j in self.quote_at:
                # Right after the cue the quotation is the content; further on, the clause holding it is.
                return j if steps == 0 else self.next_word(i + 1, end)
            if self.text[j] in SENT_END or self.text[j] == "(":
                return None
            if steps == 0 and lex.lang == "fr":
                if cue.infinitive and self.is_infinitive(j):
                    return j
                if reflexive and cue.lemma == "dire" and not self.punct[j]:
                    return j
            if lex.lang == "en" and cue.use in ("speech", "belief") and not self.punct[j]:
                if lex.has_role(low, "stop") or lex.has_role(low, "time") or lex.has_role(low, "skip") or \
                        low in ("so", "nothing", "goodbye", "yes", "no"):
                    if low == "to" and cue.infinitive and steps == 0:
                        return j + 1
                    if steps == 0 and low in ("so", "yes", "no"):
                        return j  # "55 percent said so", "most said yes": the answer is what they said
                    if steps == 0 and low in ("nothing", "goodbye"):
                        return None
                elif cue.lemma in ("tell", "ask", "remind", "assure", "warn", "inform") and steps == 0:
                    # "told CNN that …" / "told reporters the …": the object first, then the clause.
                    k = self.next_word(self.object_end(j, end), end)
                    while k is not None and lex.has_role(self.lower[k], "time"):
                        k = self.next_word(k + 1, end)  # "told reporters Tuesday that …"
                    if k is None:
                        return None
                    if lex.has_role(self.lower[k], "comp"):
                        return k + 1
                    if self.punct[k] or lex.has_role(self.lower[k], "stop"):
                        j, steps = k, steps + 1
                        continue
                    return k
                elif steps == 0 or lex.has_role(self.lower[self.prev_word(j - 1) or 0], "time"):
                    return j  # "said the …" / "said Monday the …"
            if self.text[j] == ",":
                if lex.lang == "en" and steps > 0:
                    pass
                else:
                    return None
            j += 1
            steps += 1
        return None

    def object_end(self, j: int, end: int) -> int:
        """The end of a short object after "told": "reporters", "CNN", "The Washington Post", "the Post"."""
        k = j
        if self.lower[k] in self.lex.determiners:
            k += 1
        while k < end and k - j < 5 and self.reader.is_name_token(k):
            k += 1
        return max(k, j + 1)

    def is_infinitive(self, j: int) -> bool:
        low = self.lower[j]
        if self.lex.has_role(low, "skip") or self.lex.has_role(low, "time"):
            return False  # "hier" is no infinitive
        return len(low) > 3 and low.endswith(self.lex.infinitive_endings) and low.isalpha()

    def content_end(self, cs: int, end: int) -> int:
        """A reported clause runs to the end of its sentence, to a coordinated second cue ("et s'est dit") or to an
        according-to marker after a comma."""
        j = cs
        while j < end:
            low = self.lower[j]
            if self.text[j] in (".", "?", "!") and not self.in_quote[j]:
                k = self.next_word(j + 1, end)
                if k is not None and (self.text[k] in PAIRS or is_capitalised(self.text[k])):
                    return j + 1  # a sentence end the splitter kept ("… business. ''It was …")
            elif len(self.text[j]) > 2 and self.text[j].endswith(".") and not self.in_quote[j]:
                k = self.next_word(j + 1, end)
                if k is not None and is_capitalised(self.text[k]) and self.lower[k] in self.lex.pronouns:
                    return j + 1  # an abbreviation that ends the sentence: "… in the U.S. He says …"
            if self.text[j] == "," and not self.in_quote[j]:
                k = self.next_word(j + 1, end)
                if k is not None and self.marker_at(k, end) is not None:
                    return j  # "…, selon un communiqué du ministère.": the report's source, not its content
            if self.lex.has_role(low, "coord") and not self.in_quote[j]:
                k = self.next_word(j + 1, end)
                subject = False
                if k is not None and (self.lower[k] in self.lex.pronouns or self.reader.is_name_token(k)):
                    subject = True  # "… and he added that …" / "… mais Kiev affirme que …"
                    k = self.next_word(k + 1, end)
                while k is not None and (self.lower[k] in self.lex.aux or self.lex.has_role(self.lower[k], "skip")):
                    k = self.next_word(k + 1, end)
                if k is None:
                    break
                cue = self.cue_at(k)
                if cue is not None and cue.use != "stance" and (subject or k > j + 1 or self.lex.lang == "fr"
                                                                 or low in ("and", "but")):
                    return j  # a second report begins: it is not part of this content
            j += 1
        return end

    # -- according to --------------------------------------------------------------------------------------

    def marker_at(self, i: int, end: int) -> int | None:
        """How many tokens an according-to marker starting at ``i`` spans ("d'" "après" is one marker)."""
        joined = ""
        for n in range(1, min(4, end - i) + 1):
            joined += self.lower[i + n - 1].replace("’", "'")
            where = self.lex.markers.get(joined)
            if where == "any" or (where == "start" and self.prev_word(i - 1, self.sents[self.sent_of[i]][0]) is None):
                return n
            if joined not in self.lex.marker_prefixes:
                return None
        return None

    def according_to(self, i: int, n: int, start: int, end: int) -> Attribution | None:
        k = self.next_word(i + n, end)
        marker = "".join(self.lower[i:i + n]).replace("’", "'")
        if k is not None and self.lower[k] in self.lex.object_pronouns:
            source: tuple[int, int] | None = (k, k + 1)  # "selon lui", "according to her"
        else:
            source = self.reader.phrase_right(i + n, end)
        if source is None or (not self.reader.names_a_source(source) and marker not in self.lex.open_markers):
            return None  # "selon les pays": a preposition, not a source
        if self.lex.markers.get("".join(self.lower[i:i + n]).replace("’", "'")) == "start":
            # "Pour le chef de la diplomatie, Josep Borrell, « … »": a person named, then a comma.
            after_source = self.next_word(source[1], end)
            if self.reader.name_run(*source) is None or after_source is None or self.text[after_source] != ",":
                return None
        after = self.next_word(source[1], end)
        before = self.prev_word(i - 1, start)
        cue = (i, i + n)
        if before is None or (self.claimed[before] and not self.in_quote[before]):
            # "Selon X, content." / "Selon X citées par l'agence Reuters, content."
            comma = self.source_comma(after, end) if after is not None else None
            if comma is not None:
                cs, ce = self.trim(comma + 1, end)
            else:
                cs, ce = self.trim(source[1], end)
        elif self.text[before] == "," and (after is None or self.text[after] in SENT_END or
                                           self.source_tail(after, end)):
            cs, ce = self.trim(self.content_floor(before, start, []), before)
        else:
            cs, ce = self.trim(start, end)
        if ce - cs < 3 or any(self.claimed[x] and not self.in_quote[x] for x in range(cs, ce)):
            return None
        self.claim(cs, ce)
        self.claim(*cue)
        self.claim(*source)
        m = self.quote_at.get(cs)
        if m is not None and m.close is not None and m.close + 1 >= ce:
            cs, ce = self.trim(m.start, m.end, keep_stop=True)  # the content is one quotation: marks excluded
        return Attribution(cs, ce, "according_to", cue, source)

    def source_comma(self, after: int, end: int) -> int | None:
        """The comma that closes a sentence-opening marker's source: right after it, or after a short tail
        that still describes the source ("des sources militaires citées par l'agence Reuters,")."""
        if self.text[after] == ",":
            return after
        if not self.lex.has_role(self.lower[after], "agent"):
            return None
        for k in range(after + 1, min(end, after + 7)):
            if self.text[k] == ",":
                return k
            low = self.lower[k]
            if self.punct[k] or low in self.lex.aux or self.reader.cue_of[k] is not None or \
                    {"comp", "rel", "coord"} & self.lex.roles.get(low, frozenset()):
                return None
        return None

    def source_tail(self, i: int, end: int) -> bool:
        """The rest of a sentence after a marker's source is still about the source ("according to a count by The
        Associated Press."): a short run with no comma, clause opener or quotation."""
        words = 0
        for k in range(i, end):
            if self.text[k] in SENT_END:
                return True
            if self.text[k] == "," or self.text[k] in PAIRS or self.lex.has_role(self.lower[k], "comp") or \
                    self.reader.cue_of[k] is not None or self.lower[k] in self.lex.aux:
                return False
            words += not self.space[k]
            if words > 8:
                return False
        return True

    # -- quotations without a cue --------------------------------------------------------------------------

    def unattributed(self, marked: list[Marked], found: list[Attribution]) -> None:
        """Dialogue lines and long sentence-opening quotations: the paragraph's speaker said them."""
        for m in marked:
            if self.claimed[m.open] and not m.dialogue:
                continue
            if any(a.start <= m.start < a.end for a in found):
                continue
            if m.dialogue:
                self.dialogue(m, found)
                continue
            s, e = self.trim(m.start, m.end)
            words = sum(1 for x in range(s, e) if not self.punct[x] and not self.space[x])
            sent_start = self.sents[self.sent_of[m.open]][0]
            opens = self.prev_word(m.open - 1, sent_start) is None
            last = (m.close if m.close is not None else m.end - 1)
            after = self.next_word(last + 1)
            whole = opens and (after is None or self.para_of[after] != self.para_of[m.open] or
                               (self.text[after] in SENT_END and (
                                   self.next_word(after + 1) is None or
                                   self.para_of[self.next_word(after + 1) or 0] != self.para_of[m.open])))
            if (words >= 6 and opens) or (whole and words >= 1) or (m.dashed and words >= 1):
                found.append(Attribution(s, e, "direct", None, None, inherit=True))
                self.claim(m.open, (m.close + 1) if m.close is not None else m.end)

    def speaker_apposition(self, start: int, end: int) -> bool:
        """ "— Nous tenons, affirme le commandant X, joint par téléphone.": what follows the incise describes
        the speaker (a participle and its agent, "cité par", "interrogé par") instead of going on with the speech."""
        k = self.next_word(start + 1, end)
        first = self.lower[start]
        return k is not None and self.lex.has_role(self.lower[k], "agent") and first.isalpha() and \
            first not in self.lex.roles and first not in self.lex.pronouns and first not in self.lex.aux

    def led_by_colon(self, m: Marked) -> bool:
        """ "Il demanda : — Vous partez ?": a turn of dialogue right after a colon in its paragraph."""
        p = self.prev_word(m.open - 1)
        return p is not None and self.text[p] == ":" and self.para_of[p] == self.para_of[m.open]

    def dialogue(self, m: Marked, found: list[Attribution], lead: Attribution | None = None) -> None:
        """A turn of dialogue, split around its incise; with no incise, the lead-in's cue and speaker (or the
        paragraph's speaker)."""
        i = m.start
        while i < m.end:
            if self.text[i] in (",", "?", "!", "…", ".") and i + 1 < m.end:
                group = self.incise(i + 1, m.end) if self.text[i] == "," else self.incise_after_mark(i + 1, m.end)
                if group is not None:
                    cue, speaker, after = group
                    a = self.trim(m.start, i + (0 if self.text[i] == "," else 1))
                    found.append(Attribution(a[0], a[1], "direct", cue, speaker))
                    if self.text[after - 1] in (",", ";", ".") and after < m.end:
                        b = self.trim(after, m.end)
                        if b[1] > b[0] and not self.speaker_apposition(b[0], b[1]):
                            found.append(Attribution(b[0], b[1], "direct", cue, speaker))
                    return
            i += 1
        s, e = self.trim(m.start, m.end)
        if e > s and lead is not None:
            found.append(Attribution(s, e, "direct", lead.cue, lead.speaker, lead.inherit))
        elif e > s:
            found.append(Attribution(s, e, "direct", None, None, inherit=True))

    def incise_after_mark(self, i: int, limit: int) -> tuple[tuple[int, int], tuple[int, int] | None, int] | None:
        """ "– Que voulez-vous ? dit le lapidaire." : an incise after ? ! … (no comma)."""
        j = self.next_word(i, limit)
        if j is None or (is_capitalised(self.text[j]) and self.lex.lang == "fr" and self.cue_at_unquoted(j) is None):
            return None
        return self.incise(i, limit)



def find_attributions(doc: Doc, lex: QuoteLexicon) -> list[Attribution]:
    """Every attribution of ``doc`` in text order (speakers not yet resolved)."""
    return Finder(doc, lex).run()
