"""Numbers as French and English news write them, read into values; shared by the stages that need numbers.

:func:`parse_number` reads one written number: digits in either language's conventions ("1 200" with a space, a
no-break or a narrow no-break space, "1.200" and "12,6" in French, "1,200.5" in English), digits with a scale word
("2,5 milliards", "1.2 billion", "3bn") and number words ("deux cents", "quatorze", "quarante-huit",
"one hundred and twenty"), whose arithmetic is text2num's. :class:`NumberSyntax` is the compiled form the stages
scan text with: a regex for digits, a regex for runs of number words, and the scale words of
``resources/<lang>/quantity_scales.tsv`` and ``quantity_number_words.tsv``.

Digit conventions: a space-like separator groups thousands only in French ("1 200"), and only between groups of
exactly three digits. When a number has both a comma and a dot, the last one is the decimal mark. With one kind
only, French reads the comma as decimal ("1,200" is 1.2) and the dot as a thousands mark when every group after
it has three digits ("46.000" is 46000, "49.3" is 49.3); English reads the comma as a thousands mark when every
group after it has three digits ("1,200") and as decimal otherwise ("12,6"), and the dot as decimal unless it
repeats ("1.200.000"). Values are exact (``decimal.Decimal``) until they are handed out: an ``int`` when whole,
else a ``float``.

Cannot do: fractions ("un tiers", "two-thirds"), negative numbers, Roman numerals, ordinals (left alone on
purpose), mixed digits and words inside one number ("2 millions" is fine, "vingt 3" is not), and words for one
alone ("un", "one") which are read only inside a longer number ("un million").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from text_to_num import text2num

from ..errors import ResourceError
from ..resources import load_resources

# Thousands separators in French: space, no-break space, narrow no-break space, thin space.
GROUP_SPACES = " \u00a0\u202f\u2009"
_SPACES_RE = re.compile(f"[{GROUP_SPACES}]")
_THREE_DIGIT_GROUPS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_SCALE_CONDITIONS = ("any", "glued", "currency")
_WORD_ROLES = ("number", "one", "article", "scale", "connector")
_WORD_SPLIT = re.compile(r"[^\s\-]+")

# Digits as each language groups them; the value is read by NumberSyntax.digits_value. Each pattern starts with
# a bare \d so that the regex engine can skip ahead to the next digit quickly.
_DIGITS = {
    "fr": rf"\d(?:\d{{0,2}}(?:[{GROUP_SPACES}]\d{{3}})+(?:,\d+)?(?!\d)|\d*(?:[.,]\d+)*)",
    "en": r"\d\d*(?:[.,]\d+)*",
}


@dataclass(frozen=True, slots=True)
class Scale:
    """A scale word after digits ("milliards", "bn") and when it may be read as one."""

    multiplier: int
    condition: str  # any, glued (only glued to the digits), currency (only after a currency sign)


@dataclass(frozen=True)
class NumberSyntax:
    """The compiled number syntax of one language (built once by :func:`number_syntax`)."""

    lang: str
    digits: re.Pattern[str]
    words: re.Pattern[str]  # a run of number words, case-insensitive; the caller checks what comes before
    scales: Mapping[str, Scale]
    word_roles: Mapping[str, str]
    # The words that may start a run, each with the look-ahead it needs ("un" only before a scale word), for
    # scanning lower-cased text (see word_trie; the caller checks that the word is not glued to one before).
    starts: Mapping[str, str]

    def digits_value(self, text: str) -> Decimal | None:
        """The value of a number written in digits with this language's separators, or None."""
        raw = _SPACES_RE.sub("", text)
        if not raw or not raw[0].isdigit() or not raw[-1].isdigit():
            return None
        commas, dots = raw.count(","), raw.count(".")
        if commas and dots:
            decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
            grouping = "." if decimal_mark == "," else ","
            if raw.count(decimal_mark) > 1:
                return None
            raw = raw.replace(grouping, "").replace(decimal_mark, ".")
        elif commas:
            if self.lang != "fr" and _THREE_DIGIT_GROUPS.fullmatch(raw):
                raw = raw.replace(",", "")
            elif commas == 1:
                raw = raw.replace(",", ".")
            else:
                return None
        elif dots:
            if _THREE_DIGIT_GROUPS.fullmatch(raw) and (self.lang == "fr" or dots > 1):
                raw = raw.replace(".", "")
            elif dots > 1:
                return None
        try:
            return Decimal(raw)
        except InvalidOperation:
            return None

    def scale(self, word: str, *, glued: bool = False, after_currency: bool = False) -> int | None:
        """The multiplier of ``word`` as a scale after digits, given how it is written, or None."""
        found = self.scales.get(word)
        if found is None and len(word) > 2:
            found = self.scales.get(word.lower())
        if found is None:
            return None
        if found.condition == "glued" and not glued:
            return None
        if found.condition == "currency" and not after_currency:
            return None
        return found.multiplier

    def words_value(self, text: str) -> tuple[int, int] | None:
        """The value of the longest run of number words that starts ``text``, and where that run ends.

        A lone "un"/"one"/"a" is not a number here (it is an article far more often than a count).
        """
        spans = [(m.start(), m.end(), m.group().lower()) for m in _WORD_SPLIT.finditer(text)]
        for count in range(len(spans), 0, -1):
            roles = [self.word_roles.get(w, "") for _, _, w in spans[:count]]
            if "" in roles or roles[-1] == "connector" or roles[0] == "connector":
                continue
            if count == 1 and roles[0] in ("one", "article"):
                continue
            words = [w for _, _, w in spans[:count]]
            if roles[0] == "article":
                if roles[1] != "scale":
                    continue
                words[0] = "one"
            if "article" in roles[1:]:
                continue
            phrase = text[: spans[count - 1][1]].lower()
            if roles[0] == "article":
                phrase = "one" + phrase[spans[0][1] :]
            try:
                return int(text2num(phrase, self.lang)), spans[count - 1][1]
            except ValueError:
                continue
        return None


def plain(value: Decimal) -> int | float:
    """A Decimal as an ``int`` when whole, else a ``float``."""
    integral = value.to_integral_value()
    return int(integral) if value == integral else float(value)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _run_starts(roles: Mapping[str, str]) -> dict[str, str]:
    gap = rf"[{GROUP_SPACES}\-]+"
    scales = _alternation([w for w, r in roles.items() if r == "scale"])
    starts = {w: "" for w, r in roles.items() if r in ("number", "scale")}
    starts.update({w: rf"(?={gap}(?:{scales})(?!\w))" for w, r in roles.items() if r in ("one", "article")})
    return starts


def word_trie(words: Mapping[str, str]) -> str:
    """A regex matching any of ``words`` (each followed by its own look-ahead, "" for none), as a trie.

    A trie ("c(?:ent|inq)") rather than a flat alternation ("cent|cinq") lets the regex engine test one
    character per branch and skip at once to positions where some word can start: scanning a text for a few
    dozen words gets several times faster.
    """
    tree: dict[str, Any] = {}
    for word, tail in words.items():
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = tail

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        tail = node.get("")
        if tail:  # this word ends here but only before its look-ahead
            branches.append(tail)
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if tail == "" else body

    return emit(tree)


def _compile_words(roles: Mapping[str, str]) -> re.Pattern[str]:
    alternation = _alternation
    scales = [w for w, r in roles.items() if r == "scale"]
    anywhere = [w for w, r in roles.items() if r in ("number", "scale", "one")]
    connectors = [w for w, r in roles.items() if r == "connector"]
    head_only = [w for w, r in roles.items() if r in ("one", "article")]
    gap = rf"[{GROUP_SPACES}\-]+"  # number words never run across a line break
    scale_ahead = rf"(?={gap}(?:{alternation(scales)})(?!\w))"
    head = rf"(?:(?:{alternation([w for w, r in roles.items() if r in ('number', 'scale')])})(?![\w])"
    if head_only:
        head += rf"|(?:{alternation(head_only)}){scale_ahead}"
    head += ")"
    link = rf"{gap}(?:(?:{alternation(connectors)}){gap})?" if connectors else gap
    tail = rf"(?:{link}(?:{alternation(anywhere)})(?![\w]))*"
    return re.compile(rf"(?:{head}){tail}", re.IGNORECASE)


@functools.cache
def number_syntax(lang: str) -> NumberSyntax:
    """The number syntax of ``lang``, read from its resources once (immutable, so safe to share)."""
    res = load_resources(lang)
    scales: dict[str, Scale] = {}
    for row in res.table("quantity_scales.tsv", required=("form", "multiplier", "condition")).records():
        if row["condition"] not in _SCALE_CONDITIONS or not row["multiplier"].isdigit():
            raise ResourceError(
                f"E210: {lang}/quantity_scales.tsv: bad row {row}; the multiplier is an integer and the "
                f"condition one of {', '.join(_SCALE_CONDITIONS)}."
            )
        scales[row["form"]] = Scale(int(row["multiplier"]), row["condition"])
    roles: dict[str, str] = {}
    for row in res.table("quantity_number_words.tsv", required=("word", "role")).records():
        if row["role"] not in _WORD_ROLES:
            raise ResourceError(
                f"E210: {lang}/quantity_number_words.tsv: role {row['role']!r} of {row['word']!r} is not one "
                f"of {', '.join(_WORD_ROLES)}."
            )
        roles[row["word"].lower()] = row["role"]
    digits = _DIGITS.get(lang, _DIGITS["en"])
    return NumberSyntax(
        lang,
        re.compile(digits),
        _compile_words(roles),
        MappingProxyType(scales),
        MappingProxyType(roles),
        MappingProxyType(_run_starts(roles)),
    )


_TRAILING_WORD = re.compile(r"(.*\d)[\s\u00a0\u202f\u2009]*([^\W\d_]+)", re.DOTALL)


def parse_number(text: str, lang: str) -> float | int | None:
    """The value of one written number in ``lang`` ("fr", "en"), or None when ``text`` is not one number.

    >>> parse_number("1 200", "fr"), parse_number("2,5 milliards", "fr"), parse_number("deux cents", "fr")
    (1200, 2500000000, 200)
    >>> parse_number("1,200.5", "en"), parse_number("a $1", "en")
    (1200.5, None)
    """
    syntax = number_syntax(lang)
    text = text.strip()
    if not text:
        return None
    value = syntax.digits_value(text) if syntax.digits.fullmatch(text) else None
    if value is not None:
        return plain(value)
    if text[0].isdigit():
        found = _TRAILING_WORD.fullmatch(text)
        if found is None or not syntax.digits.fullmatch(found.group(1).rstrip()):
            return None
        number = syntax.digits_value(found.group(1).rstrip())
        glued = found.group(1)[-1].isdigit() and text[len(found.group(1))] not in GROUP_SPACES
        multiplier = syntax.scale(found.group(2), glued=glued)
        if number is None or multiplier is None:
            return None
        return plain(number * multiplier)
    run = syntax.words.match(text)
    if run is None or run.end() != len(text):
        return None
    read = syntax.words_value(text)
    return read[0] if read is not None and read[1] == len(text) else None
