"""What the places stage reads off the whole article before it judges each name (:class:`ArticleReader`).

The article's surnames (a capitalised word after another, and those after a given name, a form of address or a
middle initial: "Elizabeth Fairfield", "Matthew D. Flores", "Mario Diaz-Balart"), the given names before a
surname ("Charlotte" in "Charlotte Dupont", unless the article also writes "Charlotte Police"), the one-word names
next to a
speech verb of ``place_speech_verbs.txt`` ("Nelson says", "said Noma"), the names it establishes as places (a
dateline in capitals before a dash, "BANTAM —"; a "Town, State" apposition whose state or country holds a place of
that name, "Hurricane, W.Va.") and the names that a cue of ``place_locatives.txt`` puts in a place somewhere ("in
Salina", "the city of Edwardsville"); also the capitalised common words that stand alone ("the Bush
administration"), the sentences in title case (headlines; names of places in them do not count, so that a
list of towns is none), the tokens inside a multi-word organisation name of the
entities stage ("Conseil de l'Europe") and the names in a list closed by a plural region word of
``place_list_heads.tsv`` ("Barrow and Jackson counties"). The rejection rules (:mod:`.place_rejection`) and
recognition (:mod:`.places`) read the :class:`ArticleReading`.

What it cannot do: tell a surname from a place by anything but the article's own capitalised word pairs, speech
verbs and cues; a name given once in full and used alone in another article is not known here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

from ..gazetteer import Gazetteer, name_key
from .place_lexicon import PlaceLexicon
from .place_words import LIST_SEPARATORS, is_initial, is_located, is_name_word

TITLE_CASE_SHARE = 0.85  # a sentence whose words are this capitalised is a headline in title case
HEADLINE_MIN_WORDS = 4  # words of four letters or more that a sentence needs to be taken for a headline
DATELINE_MARKS = frozenset({"—", "–", "--"})  # after a dateline in capitals: "BANTAM —", "ST. PAUL --"
CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?", "”", '"', "»"})  # "“…,” said Noma."

RunAt: TypeAlias = Callable[[int], tuple[int, str] | None]  # the longest gazetteer name starting at a token: (end, key)


@dataclass(frozen=True, slots=True)
class ArticleReading:
    """What the stage reads off the whole article before it judges each name."""

    words: list[str]
    sent_start: list[bool]
    headline: set[int]  # token indices of title-case sentences
    surnames: set[str]  # words used as a person's surname in the article ("Boris Johnson" -> "Johnson")
    given_surnames: set[str]  # those of them after a given name or a form of address ("Elizabeth Fairfield")
    given_names: set[str]  # given names that the article uses before a surname ("Charlotte" in "Charlotte Dupont")
    standalone: set[str]  # capitalised common words standing alone ("the Bush administration")
    speakers: set[str]  # one-word names next to a speech verb ("Nelson says", "said Noma")
    established: set[str]  # keys that a dateline or a "Town, State" apposition makes places in this article
    placed: set[str]  # keys that some preposition of place puts in a place somewhere in the article ("in Salina")
    glued: frozenset[int]  # indices of the tokens with no space after them ("Sars" in "Sars-Cov-2")
    in_organization: set[int]  # indices of the tokens inside a multi-word organisation name ("Conseil de l'Europe")
    listed: dict[int, tuple[int, str]]  # names in a list of regions: first token -> end and key of the full name
    lowered: list[str]  # each token's text in lower case
    capitalised: list[bool]  # whether each token starts with a capital letter


class ArticleReader:
    """Reads an article's tokens once, for every name the stage then judges in it."""

    def __init__(self, gazetteer: Gazetteer, lexicon: PlaceLexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon

    def read(self, text: str, words: list[str], offsets: list[int], sent_start: list[bool], glued: frozenset[int],
             run_at: RunAt) -> ArticleReading:  # fmt: skip
        """What the article says of its names; ``glued`` are the tokens with no space after them, ``run_at`` finds
        the longest gazetteer name at a token."""
        lowered = [word.lower() for word in words]  # once for every test below
        capitalised = [word[:1].isupper() for word in words]
        in_organization = self._inside_organizations(text, lowered, offsets)
        listed = self._listed_regions(words, lowered)
        established = self._established(words, capitalised, sent_start, run_at)
        placed = established | {
            run[1]
            for k in range(len(words))
            if capitalised[k] and (run := run_at(k)) is not None and is_located(self.lexicon, words, k, run[0])
        }
        return ArticleReading(
            words, sent_start, self._headline_sentences(words, lowered, capitalised, sent_start, run_at),
            *self._surnames(words, lowered, capitalised, sent_start),
            self._standalone_names(words, lowered, capitalised, sent_start), self._speakers(words, lowered),
            established, placed, glued, in_organization, listed, lowered, capitalised,
        )  # fmt: skip

    def _inside_organizations(self, text: str, lowered_words: list[str], offsets: list[int]) -> set[int]:
        """Indices of the tokens that lie inside a multi-word organisation name of the lexicon (``lowered_words``:
        the tokens in lower case)."""
        names = self.lexicon.organizations
        covered: set[int] = set()
        if not names:
            return covered
        lowered = text.lower().replace("’", "'")
        for i, word in enumerate(lowered_words):
            for name in names.get(word.replace("’", "'"), ()):
                end = offsets[i] + len(name)
                if lowered.startswith(name, offsets[i]) and (end >= len(lowered) or not lowered[end].isalnum()):
                    j = i
                    while j < len(lowered_words) and offsets[j] < end:
                        covered.add(j)
                        j += 1
                    break
        return covered

    def _surnames(self, words: list[str], lowered: list[str], capitalised: list[bool],
                  sent_start: list[bool]) -> tuple[set[str], set[str], set[str]]:  # fmt: skip
        """Words that end a run of two capitalised words in the article ("Boris Johnson", "Megyn Kelly"): alone
        later on, they name the same person or organisation. Runs that are place names are left out. Also the names
        that a word of ``place_person_after.txt`` follows ("the Obama administration"). Second, those of them that
        a given name or a form of address comes before ("Elizabeth Fairfield", "Barry M. George"), which are
        persons' names even when a big town bears them too. Third, the given names before those ("Charlotte" in
        "Charlotte Dupont"): alone elsewhere, they name the same person rather than the big town so named, unless the
        article also writes them before a common word or the head of a place's or a body's name ("Paris Police")."""
        lex = self.lexicon
        found: set[str] = set()
        given: set[str] = set()
        firsts: set[str] = set()
        headed: set[str] = set()  # names before a place's or a body's head word ("Paris Police", "Madison County")
        for k in range(1, len(words)):
            word, before = words[k], words[k - 1]
            initial = len(before) == 2 and is_initial(before)
            if not (capitalised[k] or initial or before in "-‐"):
                continue  # neither a name word nor after a hyphen: no test below can take it
            after_initial = initial and k > 1 and not sent_start[k - 1]
            b = k - 1
            if after_initial:
                b = k - 2
                before = words[b]  # "Roy A. Nelson" (the splitter may end a sentence at the initial)
            if before in "-‐" and k > 2 and is_name_word(words[k - 2]) and words[k - 3] in lex.person_before:
                found.add(word)  # "Mario Diaz-Balart": "Balart" alone later on is his
                given.add(word)
                continue
            if (
                not capitalised[k]
                or not is_name_word(word)
                or not is_name_word(before)
                or (sent_start[k] and not after_initial)
            ):
                continue
            if not self._surname_like(lowered[k]) or lowered[k] in lex.region_after:
                headed.add(before)
            if before in lex.modifiers or lowered[b] in lex.function_words or lowered[k] in lex.region_after:
                continue
            is_name = before in lex.person_before or not sent_start[k - 1]
            if is_name and name_key(f"{before} {word}") not in self.gazetteer:
                found.add(word)
                if before in lex.person_before:
                    given.add(word)
                    if not after_initial and not word.isupper() and self._surname_like(lowered[k]):
                        firsts.add(before)
        # "the Obama administration": the name before such a word is a person's, there and elsewhere in the article
        found.update(
            words[k - 1] for k in range(1, len(words)) if lowered[k] in lex.person_after and is_name_word(words[k - 1])
        )
        return found, given, firsts - headed

    def _surname_like(self, lowered: str) -> bool:
        """Whether a capitalised word after a given name reads as a surname, not a word of a place's or a firm's name
        (``lowered``: the word in lower case; "Charlotte Dupont"; not "Charlotte Observer", "Victoria Park")."""
        lex = self.lexicon
        return not (
            lowered in lex.common_words
            or lowered in lex.place_heads
            or lowered in lex.local_heads
            or lowered in lex.institutions
        )

    def _speakers(self, words: list[str], lowered: list[str]) -> set[str]:
        """One-word names that a speech verb follows or precedes: "Nelson says", "“…,” said Noma." (a town that
        speaks is a big one: the stage only refuses small places on this ground)."""
        verbs, skip, function_words = self.lexicon.speech_verbs, self.lexicon.skip, self.lexicon.function_words
        found: set[str] = set()
        if not verbs:
            return found
        n = len(words)
        for k, word in enumerate(lowered):
            if word not in verbs:
                continue
            j = k - 1
            while j > 0 and lowered[j] in skip:
                j -= 1
            if (
                j >= 0
                and is_name_word(words[j])
                and not (j > 0 and lowered[j - 1] in function_words)  # not "from Dewsbury said"
                and word not in function_words
                and not word.endswith("ing")  # "in Sligo saying": a participle after a place
            ):
                found.add(words[j])
            if k + 1 < n and is_name_word(words[k + 1]) and (k + 2 >= n or words[k + 2] in CLAUSE_ENDS):
                found.add(words[k + 1])  # "“…,” said Noma."
        return found

    def _established(self, words: list[str], capitalised: list[bool], sent_start: list[bool],
                     run_at: RunAt) -> set[str]:  # fmt: skip
        """Keys of the names that the article itself gives as places: a dateline in capitals at the head of a
        sentence ("BANTAM —", "ST. PAUL --"), and a "Town, State" apposition whose state or country holds a place
        of that name ("Hurricane, W.Va.", "Salina, Kan.")."""
        found: set[str] = set()
        n = len(words)
        for i in range(n):
            if not capitalised[i]:
                continue
            run = run_at(i)
            if run is None:
                continue
            end, key = run
            if end + 1 < n and words[end] == ",":
                region = run_at(end + 1)
                if region is not None and self._holds(region[1], key):
                    found.add(key)
                    continue
            head = i == 0 or sent_start[i] or not words[i - 1].strip()
            letters = [c for w in words[i:end] for c in w if c.isalpha()]
            if (
                head
                and end < n
                and words[end] in DATELINE_MARKS
                and len(letters) > 2
                and all(c.isupper() for c in letters)
            ):
                found.add(key)
        return found

    def _holds(self, region_key: str, key: str) -> bool:
        """Whether a country or first-level region called ``region_key`` holds a place called ``key``."""
        gaz = self.gazetteer
        regions = [r for r in gaz.candidates(region_key) if gaz.feature_code(r) == "c" or gaz.is_admin1(r)]
        return any(
            gaz.country_code(c) == gaz.country_code(r)
            and (gaz.feature_code(r) == "c" or gaz.admin1_code(c) == gaz.admin1_code(r))
            for r in regions
            for c in gaz.candidates(key)
            if c != r and gaz.feature_code(c) != "c"
        )

    def _listed_regions(self, words: list[str], lowered: list[str]) -> dict[int, tuple[int, str]]:
        """Names in a list that a plural region word closes, each with the key of its full name: "Barrow and
        Jackson counties", "Becker, Clay, Otter Tail and Wilkin counties" ("Clay" -> "clay county"), where the
        gazetteer has that full name and the list has two such names or more."""
        heads = self.lexicon.list_heads
        found: dict[int, tuple[int, str]] = {}
        if not heads:
            return found
        for h, word in enumerate(lowered):
            singular = heads.get(word)  # "counties", "Counties"
            if singular is None:
                continue
            k = h  # the list ends before token k
            names: dict[int, tuple[int, str]] = {}
            while k > 0:
                j = k
                while j > 0 and k - j < 3 and is_name_word(words[j - 1]):
                    j -= 1
                if j == k:
                    break
                for start in range(j, k):  # the longest full name: "The Barrow" no, "Barrow" yes
                    key = name_key(" ".join(words[start:k]) + " " + singular)
                    if key in self.gazetteer:
                        names[start] = (k, key)
                        break
                k = j
                while k > 0 and lowered[k - 1] in LIST_SEPARATORS:
                    k -= 1
                if k == j:
                    break
            if len(names) > 1:  # a list, not one name before a plural ("the four metro Athens counties")
                found.update(names)
        return found

    def _standalone_names(self, words: list[str], lowered: list[str], capitalised: list[bool],
                          sent_start: list[bool]) -> set[str]:  # fmt: skip
        """Capitalised common words that stand alone inside a sentence ("the Bush administration"): names there,
        so "George Bush" elsewhere is a person, where "Paris Police" (never "Police" alone) is a place's body."""
        common, function_words = self.lexicon.common_words, self.lexicon.function_words

        def name_at(k: int) -> bool:  # a capitalised word that is not a determiner ("The Bush administration")
            return 0 <= k < len(words) and is_name_word(words[k]) and lowered[k] not in function_words

        return {
            word
            for k, word in enumerate(words)
            if k > 0
            and not sent_start[k]
            and capitalised[k]
            and lowered[k] in common
            and not name_at(k - 1)
            and not name_at(k + 1)
        }

    def _headline_sentences(self, words: list[str], lowered: list[str], capitalised: list[bool],
                            sent_start: list[bool], run_at: RunAt) -> set[int]:  # fmt: skip
        """Token indices of sentences written in title case (most words capitalised): a headline. Names of places
        that are no common words do not count: a list of towns ("Auray à Quiberon ; Concarneau à Rosporden") is
        capitalised because names are, not because it is a headline; a headline needs two other words or more."""
        found: set[int] = set()
        common = self.lexicon.common_words
        starts = [k for k, flag in enumerate(sent_start) if flag] + [len(words)]
        for start, end in itertools.pairwise(starts):
            alpha = [k for k in range(start, end) if len(words[k]) > 3 and words[k].isalpha()]
            others = [words[k] for k in alpha if lowered[k] in common or not capitalised[k] or run_at(k) is None]
            if (
                len(alpha) >= HEADLINE_MIN_WORDS
                and len(others) >= 2
                and sum(w[0].isupper() for w in others) >= TITLE_CASE_SHARE * len(others)
            ):
                found.update(range(start, end))
        return found
