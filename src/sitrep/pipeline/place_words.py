"""Tests on the tokens in and around a candidate place name, shared by the places modules.

Recognition (:mod:`.places`), the reading of the whole article (:mod:`.place_article`) and the rejection rules
(:mod:`.place_rejection`) all ask the same questions of a token list: is this word shaped like a name, does a cue of
:class:`~.place_lexicon.PlaceLexicon` end just before it, does a region word widen it. The answers here read only the
words and the lexicon, never the gazetteer.

What it cannot do: judge a word by anything but its letters and the lexicon's lists (no part of speech, no parse).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .place_lexicon import PlaceLexicon

INITIAL = re.compile(r"[A-Z]\.")  # a middle initial ("Roy A. Nelson")
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "the"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
LIST_SEPARATORS = frozenset({",", "and", "or", "&", "et", "ou"})  # between the names of a list


def is_initial(word: str) -> bool:
    """Whether a token is a middle initial ("A." in "Roy A. Nelson"): ``INITIAL.fullmatch(word)``, without the
    regular expression (it is asked of most tokens)."""
    return len(word) == 2 and word[1] == "." and "A" <= word[0] <= "Z"


def is_name_word(word: str) -> bool:
    """Whether a token is shaped like a word of a name: capitalised, two characters or more, letters (and inner
    hyphens or apostrophes: "O'Connor")."""
    return (
        len(word) > 1
        and word[0].isupper()
        and word[-1] not in "'’"  # an elided article ("Compagnied'") is no name
        and word.replace("-", "").replace("'", "").replace("’", "").isalpha()  # "O'Connor"
    )


def ending(words: list[str], cues: Iterable[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The first of ``cues`` (lower-case token sequences) that the words end with, or None."""
    n = len(words)
    tails = [tuple(words[n - k :]) for k in range(n + 1)]  # tails[k]: the last k words (few: a cue is short)
    for cue in cues:
        if len(cue) <= n and tails[len(cue)] == cue:
            return cue
    return None


def ends_with_any(words: list[str], cues: Iterable[tuple[str, ...]]) -> bool:
    return ending(words, cues) is not None


def is_located(lexicon: PlaceLexicon, words: list[str], i: int, end: int) -> bool:
    """Whether a preposition of place stands before the name ``words[i:end]``, and no other name or possessive after
    it ("in Salina", "the city of Edwardsville"; not "in Bantam Superior Court", "in Tyler's case"), nor a phrase of
    ``place_not_locative.txt`` that holds the preposition ("quant à Daniel")."""
    if end < len(words) and (words[end][:1].isupper() or words[end] in POSSESSIVES):
        return False
    before = [w.lower().replace("’", "'") for w in words[max(0, i - 3) : i]]
    return ends_with_any(before, lexicon.locatives) and not ends_with_any(before, lexicon.not_locatives)


def region_span(lexicon: PlaceLexicon, words: list[str], i: int, end: int) -> tuple[int, int] | None:
    """The tokens of the name ``words[i:end]`` widened by a region word of ``place_regions.tsv`` after it ("Kharkiv
    Oblast") or before it ("la région de Donetsk"); None when no region word stands there."""
    if end < len(words) and words[end].lower() in lexicon.region_after:
        return i, end + 1
    lowered = [w.lower().replace("’", "'") for w in words[max(0, i - 3) : i]]
    pattern = ending(lowered, lexicon.region_before)
    if pattern is not None:
        return i - len(pattern), end
    return None
