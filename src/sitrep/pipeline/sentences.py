"""Sentence segmentation that never splits inside a quotation.

Rules, in order: a paragraph break (a newline) always ends a sentence and closes any quotation left open; inside
« … », “ … ”, ‹ ›, " … ", or newswire's `` … '' and '' … '', nothing splits, but a mark that its paragraph never
closes opens nothing (its quotation's extent is unknown, so the paragraph splits as prose) and a stray straight
quote is told from the paired ones by its position; elsewhere a sentence ends after ``.``, ``!``, ``?`` or ``…``
(with any closing marks that follow) when the next word starts like a sentence (a capital, a digit, an opening mark
or a dash), unless the full stop ends an abbreviation from the language's ``abbreviations.txt`` or an initial
("J. Biden"). Does not handle headlines without a final stop run into the body on one line; ingestion keeps the
title apart for that reason."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

OPENING = {"«": "»", "“": "”", "‹": "›", "„": "“", "‘": "’", "``": "''"}
CLOSING = {"»", "”", "›"}
STRAIGHT = '"'
TYPEWRITER = "''"  # newswire's two apostrophes: closes a ``, else opens or closes like a straight quote
TERMINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "?.", "!."}
# Marks that may follow a terminal mark and still belong to its sentence.
TRAILING = CLOSING | {")", "]", STRAIGHT, TYPEWRITER, "’", "'"}
DASHES = {"—", "–", "-"}


class SentenceSplitter:
    """The ``sitrep.sentences.v1`` component: sets ``token.is_sent_start`` on every token."""

    def __init__(self, abbreviations: Iterable[str]) -> None:
        self.abbreviations = frozenset(a.rstrip(".") for a in abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # One bulk write: setting token.is_sent_start token by token re-checks the whole doc each time.
        flags = numpy.full(len(doc), -1, dtype=numpy.int64)  # 1 starts a sentence, -1 does not
        flags[sorted(self.sentence_starts(doc))] = 1
        column = cast(Ints2d, flags.view(numpy.uint64).reshape(-1, 1))  # spaCy's arrays: uint64, one column an attr
        doc.from_array([SENT_START], column)
        return doc

    def sentence_starts(self, doc: Doc) -> set[int]:
        starts = {0}
        unclosed = _unclosed_openers(doc)
        stack: list[str] = []  # expected closing marks of the open quotations
        straight_open = False
        pending = False  # a sentence may end before the next word
        new_paragraph = False
        for token in doc:
            text = token.text
            if token.is_space:
                if "\n" in text:
                    new_paragraph = True
                continue
            if new_paragraph:
                starts.add(token.i)
                stack.clear()
                straight_open = False
                pending = new_paragraph = False
            elif pending:
                closes = text not in (STRAIGHT, TYPEWRITER) or straight_open or bool(stack and stack[-1] == text)
                if text in TRAILING and closes:
                    pass  # closing marks stay with the sentence they close
                elif self._starts_sentence(token) and not stack and not straight_open:
                    starts.add(token.i)
                    pending = False
                else:
                    pending = False
            # Quotation depth after this token.
            if token.i in unclosed:
                pass  # a mark its paragraph never closes: the quotation's extent is unknown, so it splits as prose
            elif text in OPENING and not (text == "“" and stack and stack[-1] == "“"):
                stack.append(OPENING[text])
            elif text == "`" and token.i and doc[token.i - 1].text == "`" and not doc[token.i - 1].whitespace_:
                stack.append(TYPEWRITER)  # spaCy cuts `` into two tokens
            elif stack and text == stack[-1]:
                stack.pop()
            elif text in CLOSING and stack:
                stack.pop()  # a mismatched closing mark still closes the innermost quotation
            elif text in (STRAIGHT, TYPEWRITER):
                straight_open = not straight_open
            if self._ends_sentence(token):
                pending = True
            if "\n" in token.whitespace_:
                new_paragraph = True
        return starts

    def _ends_sentence(self, token: Token) -> bool:
        text = token.text
        if text in TERMINAL:
            if text == "." and token.i > 0:
                prev = token.doc[token.i - 1]
                if not prev.whitespace_ and self._is_abbreviation(prev.text):
                    return False
            return True
        if text.endswith(".") and len(text) > 1:
            # The tokenizer kept the stop on the word: an abbreviation or initial never ends a sentence.
            return not self._is_abbreviation(text[:-1])
        return False

    def _is_abbreviation(self, word: str) -> bool:
        if word in self.abbreviations:
            return True
        # Initials: "J", "J.-P", "U.S" (single capitals joined by stops or hyphens).
        letters = word.replace(".", "").replace("-", "")
        return (
            bool(letters)
            and len(letters) <= 3
            and letters.isupper()
            and letters.isalpha()
            and (len(letters) == 1 or "." in word)
        )

    @staticmethod
    def _starts_sentence(token: Token) -> bool:
        first = token.text[0]
        text = token.text
        return (first.isupper() or first.isdigit() or first in OPENING or text in OPENING or first in DASHES
                or text in (STRAIGHT, TYPEWRITER, "`"))  # fmt: skip


def _unclosed_openers(doc: Doc) -> set[int]:
    """The opening marks (typographic, straight or ````) that nothing closes before their paragraph ends.

    Straight quotes are paired in order; when their count in a paragraph is odd, the stray one is the mark whose
    removal leaves the others looking most like what their places need (an opener has a space or a bracket before
    it and a word right after it), then the one that leaves the shorter quotations.
    """
    unclosed: set[int] = set()
    stack: list[tuple[str, int]] = []  # (expected closing mark, index of the opener)
    straight: list[int] = []  # indices of straight (or '') marks in the paragraph
    for token in doc:
        text = token.text
        if token.is_space and "\n" in text:
            unclosed.update(_close_paragraph(doc, stack, straight))
            continue
        if text in OPENING and not (text == "“" and stack and stack[-1][0] == "“"):
            stack.append((OPENING[text], token.i))
        elif text == "`" and token.i and doc[token.i - 1].text == "`" and not doc[token.i - 1].whitespace_:
            stack.append((TYPEWRITER, token.i - 1))
        elif stack and (text == stack[-1][0] or text in CLOSING):
            stack.pop()  # a mismatched closing mark still closes the innermost quotation
        elif text in (STRAIGHT, TYPEWRITER):
            straight.append(token.i)
        if "\n" in token.whitespace_:
            unclosed.update(_close_paragraph(doc, stack, straight))
    unclosed.update(_close_paragraph(doc, stack, straight))
    return unclosed


def _close_paragraph(doc: Doc, stack: list[tuple[str, int]], straight: list[int]) -> set[int]:
    """The unclosed openers of the paragraph that ends here; empties ``stack`` and ``straight``."""
    found = {index for _, index in stack}
    if len(straight) % 2:
        found.add(straight[_stray(straight, [_looks_opening(doc, i) for i in straight])])
    stack.clear()
    straight.clear()
    return found


def _stray(marks: list[int], looks: list[bool]) -> int:
    """Which of an odd number of straight marks is the stray one: the mark whose removal leaves the most others
    looking like what their place in the pairs needs, then the shortest quotations. Linear in the number of marks
    (prefix and suffix sums), so a text full of stray quotes costs no more than one with a few."""
    count = len(marks)
    same = [opening == (n % 2 == 0) for n, opening in enumerate(looks)]  # fits its place if nothing before moves
    shifted = [opening == (n % 2 == 1) for n, opening in enumerate(looks)]  # fits its place once one before goes
    before = [0] * (count + 1)  # marks before k that fit their places
    for n in range(count):
        before[n + 1] = before[n] + same[n]
    after = [0] * (count + 1)  # marks after k that fit their places once k is gone
    for n in range(count - 1, -1, -1):
        after[n] = after[n + 1] + shifted[n]
    pairs_before = [0] * (count + 1)  # length of the quotations (0,1), (2,3) ... that end before k
    for k in range(2, count + 1, 2):
        pairs_before[k] = pairs_before[k - 2] + marks[k - 1] - marks[k - 2]
    pairs_from = [0] * (count + 2)  # length of the quotations (m, m+1), (m+2, m+3) ... to the end
    for m in range(count - 2, -1, -1):
        pairs_from[m] = marks[m + 1] - marks[m] + pairs_from[m + 2]

    def key(k: int) -> tuple[int, int]:
        fitting = before[k] + after[k + 1]
        if k % 2 == 0:
            length = pairs_before[k] + pairs_from[k + 1]
        else:  # the mark before k now pairs with the one after it
            length = pairs_before[k - 1] + marks[k + 1] - marks[k - 1] + pairs_from[k + 2]
        return fitting, -length

    return max(range(count), key=key)


def _looks_opening(doc: Doc, i: int) -> bool:
    before = doc[i - 1] if i else None
    after_space = doc[i].whitespace_ != "" or i + 1 == len(doc)
    return (before is None or before.whitespace_ != "" or before.text in OPENING or before.text == "(") and (
        not after_space
    )


def make(nlp: Language, name: str) -> SentenceSplitter:
    from ..resources import load_resources

    return SentenceSplitter(load_resources(nlp.lang).words("abbreviations.txt"))
