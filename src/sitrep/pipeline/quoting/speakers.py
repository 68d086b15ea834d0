"""Speakers: the phrase that names a quote's source, what kind of source it is, and what a pronoun refers to.

Without a parser, a speaker phrase is read from the words around the cue: leftwards from the cue to the start
of its clause (subject before the verb), or rightwards after an inverted cue up to a preposition, a time word or
punctuation ("a indiqué la vice-ministre ukrainienne de la Défense, Ganna Maliar, dans un communiqué"). Inside
the phrase a run of capitalised words after a title is the person's name; a phrase headed by an organisation
noun (``quote_titles.tsv``) or a capitalised name after a determiner ("l'Ukraine", "le Kremlin") is an
organisation; its name may go on after "pour" ("le Haut-Commissariat des Nations unies pour les réfugiés"). A
name runs across particles ("Ursula von der Leyen"). Between a subject and its verb an adverbial incise is
skipped ("Moscou, de son côté, affirme"). Pronouns resolve to the most recent compatible referent (gender and
number agree): first the speaker of the latest quote in the same or previous paragraph, then the latest subject,
then any mention.
Genders come from determiners, titles, honorifics, the given-names list of the entities resources, and the
pronouns that later refer to a name. Does not resolve "on", first- or second-person pronouns, or cataphora.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .lexicon import Cue, Head, QuoteLexicon

PUNCT_STOP = frozenset({",", ".", ":", ";", "!", "?", "(", ")", "[", "]", "«", "»", "“", "”", '"', "—", "–", "…",
                        "''", "``", "‘", "’", "„", "‹", "›"})
NAME_PARTICLES = frozenset({"de", "du", "von", "van", "der", "al", "el", "ben", "bin", "da", "di", "le", "la"})
TWO_PARTICLES = frozenset({("von", "der"), ("van", "der"), ("van", "de")})


@dataclass(slots=True)
class Referent:
    """A person, organisation or group the text mentions: its surface span and, when named, its name span."""

    start: int
    end: int
    kind: str  # person, organization, group
    gender: str = "-"  # m, f, n, -
    number: str = "sg"
    name: tuple[int, int] | None = None  # the canonical named mention (first, fullest)
    subject: bool = False
    pronoun: bool = False
    title_key: str | None = None  # "président ukrainien": a title phrase that names one person
    links: list[Referent] = field(default_factory=list)


def is_capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


class SpeakerReader:
    """Reads speaker phrases around cues and classifies them, for one document."""

    def __init__(self, doc: Doc, lex: QuoteLexicon) -> None:
        self.doc = doc
        self.lex = lex
        # One pass over the tokens: spaCy builds a Token object per access, so the rules read these lists.
        self.text: list[str] = []
        self.lower: list[str] = []
        self.ws: list[str] = []
        self.space: list[bool] = []
        self.punct: list[bool] = []
        self.num: list[bool] = []
        for t in doc:
            self.text.append(t.text)
            self.lower.append(t.lower_)
            self.ws.append(t.whitespace_)
            self.space.append(t.is_space)
            self.punct.append(t.is_punct)
            self.num.append(t.like_num)
        memo: dict[str, Cue | None] = {}  # per document: the lemma table is queried once per distinct word
        self.cue_of: list[Cue | None] = []  # the reporting verb each token is a form of
        for low, punct in zip(self.lower, self.punct, strict=True):
            if punct:
                self.cue_of.append(None)
                continue
            if low not in memo:
                memo[low] = lex.cue(low)
            self.cue_of.append(memo[low])

    # -- phrase boundaries -------------------------------------------------------------------------------

    def _word(self, i: int) -> bool:
        return not self.space[i]

    def is_name_token(self, i: int) -> bool:
        if not is_capitalised(self.text[i]) or self.punct[i]:
            return False
        low = self.lower[i]
        roles = self.lex.roles.get(low)
        if roles and ({"det", "comp", "rel", "coord", "stop", "skip"} & roles):
            return False
        return low not in self.lex.pronouns and self.cue_of[i] is None

    def phrase_right(self, i: int, limit: int) -> tuple[int, int] | None:
        """The speaker phrase starting at token ``i`` read rightwards (at most to ``limit``)."""
        lex = self.lex
        while i < limit and self.space[i]:
            i += 1
        if i >= limit:
            return None
        j = i
        if self.lower[j] in lex.pronouns:
            return (j, j + 1)
        first_roles = lex.roles.get(self.lower[i], frozenset())
        if self.text[i] in PUNCT_STOP or ({"stop", "comp", "rel", "coord", "time"} & first_roles and
                                         "det" not in first_roles):
            return None
        while j < limit and j - i < 14:
            low = self.lower[j]
            if self.space[j] or self.text[j] in PUNCT_STOP:
                break
            roles = lex.roles.get(low, frozenset())
            if j > i and "link" not in roles and ({"stop", "time", "rel", "comp", "coord"} & roles) and \
                    not self.continues_name(i, j, limit):
                break
            if j > i and self.cue_of[j] is not None and not is_capitalised(self.text[j]):
                break
            verb = low in lex.aux and not is_capitalised(self.text[j])
            if j > i and (verb or low in ("se", "s'", "s’", "ne", "n'", "n’")):
                break  # a verb group starts: "L'opposition s'est insurgée" (not "le commandement Est")
            j += 1
        if j == i:
            return None
        # An apposed name: "la vice-ministre de la Défense, Ganna Maliar[,.]"
        if j < limit and self.text[j] == "," and self.head_kind(i, j)[0] == "person":
            k = j + 1
            while k < limit and self.space[k]:
                k += 1
            m = k
            while m < limit and (self.is_name_token(m) or (m > k and self.lower[m] in NAME_PARTICLES)):
                m += 1
            if m > k and (m >= limit or self.punct[m] or self.space[m] or self.text[m] in PUNCT_STOP
                          or lex.has_role(self.lower[m], "stop") or lex.has_role(self.lower[m], "time")):
                return (i, m)
        return (i, j)

    def continues_name(self, i: int, j: int, limit: int) -> bool:
        """ "le Haut-Commissariat des Nations unies pour les réfugiés": a word that goes on with an organisation's
        name (role ``orglink``) after a capitalised head, before a determiner and a common noun."""
        if not self.lex.has_role(self.lower[j], "orglink"):
            return False
        head = i + 1 if self.lower[i] in self.lex.determiners else i
        k = j + 1
        if not (head < j and is_capitalised(self.text[head]) and k + 1 < limit and
                self.lower[k] in self.lex.determiners and not is_capitalised(self.text[k + 1])):
            return False
        for x in range(k + 1, limit):  # the rest of the name, up to the punctuation that ends the group
            if self.space[x] or self.text[x] in PUNCT_STOP:
                return x - k <= 4
            if self.lower[x] in self.lex.roles or self.lower[x] in self.lex.pronouns or self.cue_of[x] is not None:
                return False
        return limit - k <= 4

    def phrase_left(self, end: int, floor: int) -> tuple[int, int] | None:
        """The subject phrase that ends at token ``end`` (exclusive), not reaching before ``floor``."""
        lex = self.lex
        j = end - 1
        timed = False
        while j >= floor:
            low = self.lower[j]
            if low in lex.pronouns:
                break
            if lex.has_role(low, "time"):
                timed = True
            elif timed and lex.has_role(low, "stop"):
                timed = False  # "on Thursday", "lundi soir à Kiev"
            elif not (self.space[j] or low in lex.aux or lex.has_role(low, "skip") or low in ("-t", "ne", "n'")):
                break
            j -= 1
        if j < floor:
            return None
        if self.lower[j] in lex.pronouns:
            if j - 1 >= floor and self.lower[j - 1] in lex.pronouns:
                return (j - 1, j)  # "il nous a dit": the first pronoun is the subject
            return (j, j + 1)
        # Skip an incise between commas: a relative clause or an apposition ("X, porte-parole du Kremlin, a dit").
        if self.text[j] == ",":
            k = j - 1
            while k >= floor and self.text[k] not in (",", ":", ";", "(", "«", "»", '"'):
                k -= 1
            if k < floor or self.text[k] != ",":
                return None
            inner_first = k + 1
            low = self.lower[inner_first]
            if all(self.is_name_token(x) or self.lower[x] in NAME_PARTICLES for x in range(inner_first, j)):
                return (inner_first, j)  # "le porte-parole du Kremlin, Dmitri Peskov, a déclaré"
            if lex.has_role(low, "rel") or lex.has_role(low, "det") or low in lex.heads:
                left = self.phrase_left(k, floor)
                if left is not None and not lex.has_role(low, "rel") and self.name_run(inner_first, j) is not None \
                        and self.name_run(*left) is None:
                    return (inner_first, j)  # "Le porte-parole de l'armée, le colonel Olivier Rebel, a dit"
                if left is not None:
                    return left
                if lex.has_role(low, "det") or low in lex.heads:
                    return (inner_first, j)
            elif j - inner_first <= 4 and {"stop", "skip", "link", "time"} & lex.roles.get(low, frozenset()) and \
                    not any(self.cue_of[x] is not None or self.lower[x] in lex.aux for x in range(inner_first, j)):
                return self.phrase_left(k, floor)  # "Moscou, de son côté, affirme" / "Kyiv, for its part, said"
            return None
        stop = j + 1
        k = j
        while k >= floor and j - k < 12:
            low = self.lower[k]
            if self.space[k] or self.text[k] in PUNCT_STOP:
                break
            roles = lex.roles.get(low, frozenset())
            if "link" not in roles and ({"comp", "rel", "coord"} & roles):
                break
            if "stop" in roles and "link" not in roles and "det" not in roles:
                break
            if self.cue_of[k] is not None and k != j and not is_capitalised(self.text[k]):
                break
            k -= 1
        start = k + 1
        if start >= stop:
            return None
        return self._plausible(start, stop)

    def _plausible(self, start: int, stop: int) -> tuple[int, int] | None:
        """Keep a subject read leftwards only if it can name a source; cut a long one to its last phrase."""
        lex = self.lex
        if stop - start > 6:
            for k in range(stop - 1, start - 1, -1):
                if self.lower[k] in lex.determiners or (self.is_name_token(k) and not self.is_name_token(k - 1)):
                    start = k
                    break
        if stop - start > 8:
            return None
        return (start, stop)

    # -- classification ----------------------------------------------------------------------------------

    def names_a_source(self, span: tuple[int, int]) -> bool:
        """Whether a phrase can be a speaker: it holds a name, a title or organisation noun, or a pronoun."""
        return any(self.is_name_token(k) or self.lower[k] in self.lex.heads or self.lower[k] in self.lex.pronouns
                   or self.lower[k].lstrip("-") in self.lex.pronouns for k in range(*span)) or \
            (span[1] - span[0] == 1 and self.lower[span[0]] in self.lex.object_pronouns)

    def names_someone(self, span: tuple[int, int]) -> bool:
        """Stricter than :meth:`names_a_source`, for speakers with no reporting verb ("X : …"): a title or
        organisation noun, a pronoun, a known given name, or a name of two words or more."""
        start, end = span
        if any(len(self.text[k]) > 4 and self.text[k].isupper() for k in range(start, end)):
            return False  # a section heading in capitals ("NORVEGE Bilan :")
        if any(self.lower[k] in self.lex.heads or self.lower[k] in self.lex.pronouns for k in range(start, end)):
            return True
        run = self.name_run(start, end)
        if run is None:
            return False
        return run[1] - run[0] >= 2 or self.text[run[0]] in self.lex.first_names or (
            run[0] > 0 and self.text[run[0] - 1] in self.lex.honorifics)

    def name_run(self, start: int, end: int) -> tuple[int, int] | None:
        """The last run of capitalised words in a phrase that is not the complement of a title ("de la Défense")."""
        best: tuple[int, int] | None = None
        i = start
        while i < end:
            if self.is_name_token(i):
                j = self.name_end(i, end)
                titled = [h for h in range(i, j - 1) if self.lower[h] in self.lex.heads]
                if titled:
                    i = titled[-1] + 1  # "Defence Minister Ben Wallace": the capitalised title is not the name
                prev = self.lower[i - 1] if i > start else ""
                if not (self.lex.has_role(prev, "link") or (prev in ("la", "l'", "l’") and i - 2 >= start
                        and self.lex.has_role(self.lower[i - 2], "link"))):
                    best = (i, j)
                i = j
            else:
                i += 1
        return best

    def name_end(self, i: int, limit: int) -> int:
        """The end of the run of capitalised words from ``i``, across particles ("Ursula von der Leyen")."""
        j = i + 1
        while j < limit:
            if self.is_name_token(j):
                j += 1
                continue
            k = j
            while k < limit and k - j < 2 and self.lower[k] in NAME_PARTICLES:
                k += 1
            if k - j == 2 and (self.lower[j], self.lower[j + 1]) not in TWO_PARTICLES:
                break  # "la Défense de la Russie" is no name; "von der Leyen", "van der Bellen" are
            if k == j or k >= limit or not self.is_name_token(k):
                break
            j = k + 1
        return j

    def head_kind(self, start: int, end: int) -> tuple[str, str, str]:
        """(kind, gender, number) of a phrase from its determiner and head noun."""
        lex = self.lex
        gender, number = "-", "sg"
        i = start
        det = lex.determiners.get(self.lower[i]) if i < end else None
        if det is not None:
            gender, number = det
            i += 1
        found: tuple[int, Head] | None = None
        for k in range(i, min(end, i + 5)):
            head = lex.heads.get(self.lower[k])
            if head is not None:
                found = (k, head)  # the last head wins: "the Kremlin spokesman"
            elif self.lex.has_role(self.lower[k], "link") or (found is not None and self.is_name_token(k)):
                break
        if found is not None:
            k, last = found
            g = last.gender if last.gender != "-" else gender
            if g == "-":
                g = self.adjective_gender(k + 1, end)
            return last.kind, g, last.number if number in ("-", "sg") else number
        if det is not None and number == "pl":
            return "group", gender, "pl"
        return ("organization" if det is not None else "person"), gender, number

    def adjective_gender(self, start: int, end: int) -> str:
        """Feminine agreement of the adjectives after a head ("la vice-ministre ukrainienne") when visible."""
        if self.lex.lang != "fr":
            return "-"
        for k in range(start, min(end, start + 3)):
            low = self.lower[k]
            if low.endswith(("ienne", "aine", "aise", "ise", "ée", "elle", "euse", "trice", "ive", "ique")) and not \
                    low.endswith("ique"):
                return "f"
            if self.lex.has_role(low, "link"):
                break
        return "-"

    def referent(self, span: tuple[int, int]) -> Referent:
        """Classify a speaker phrase: pronoun, title with a name, organisation, bare name or descriptor."""
        start, end = span
        lex = self.lex
        low = self.lower[start]
        if end - start == 1 and (low in lex.pronouns or low in lex.object_pronouns):
            gender, number = lex.pronouns.get(low) or lex.object_pronouns[low]
            return Referent(start, end, "person", gender, number, pronoun=True)
        for k in range(start, end):  # an inverted clitic: "a-t-elle", "-il"
            clitic = self.lower[k]
            if clitic.startswith("-") and clitic[1:] in lex.pronouns:
                gender, number = lex.pronouns[clitic[1:]]
                return Referent(start, end, "person", gender, number, pronoun=True)
        kind, gender, number = self.head_kind(start, end)
        name = self.name_run(start, end)
        first_is_det = low in lex.determiners
        first_is_head = low in lex.heads
        if name is not None:
            honor = lex.honorifics.get(self.text[name[0] - 1]) if name[0] > 0 else None
            if honor:
                gender = honor
            elif gender == "-":
                gender = lex.first_names.get(self.text[name[0]], "-")
            descriptor = first_is_det and kind == "organization" and name[1] == end and name[0] > start + 1 and \
                all(not is_capitalised(self.text[k]) for k in range(start + 1, name[0])) and \
                (name[1] - name[0] >= 2 or self.text[name[0]] in lex.first_names)
            if descriptor:
                kind = "person"  # "l'économiste Karen Young": a descriptor the titles list lacks, then a name
            if (first_is_det or first_is_head) and kind == "person":
                ref = Referent(name[0], name[1], "person", gender, "sg", name=name)
                ref.title_key = self.title_key(start, name[0])
                return ref
            if (first_is_det and name[0] == start + 1) or (kind in ("organization", "group") and first_is_det):
                return Referent(start, end, "organization" if kind == "person" else kind, gender, number,
                                name=(start + 1 if first_is_det else start, end))
            if name == (start, end) or not first_is_det:
                return Referent(name[0], name[1], "person" if kind == "person" else kind, gender, "sg", name=name)
        if kind in ("organization",) and end - start > (1 if first_is_det else 0):
            return Referent(start, end, kind, gender, number, name=(start + 1 if first_is_det else start, end))
        ref = Referent(start, end, kind, gender, number)
        if kind == "person":
            ref.title_key = self.title_key(start, end)
        return ref

    def title_key(self, start: int, end: int) -> str | None:
        """A normalised title phrase ("président ukrainien") that a later bare title refers back to."""
        words = [self.lower[k] for k in range(start, end) if self.lower[k] not in self.lex.determiners
                 and not self.punct[k]]
        if not words or words[0] not in self.lex.heads:
            return None
        return " ".join(words[:4])
