"""The quantities stage (``sitrep_quantities_v1``): numbers with what they count or measure.

It writes ``doc.spans["quantities"]``.

Each span carries a :class:`~sitrep.pipeline.attrs.QuantityAttrs`: ``value`` (an ``int`` when whole), ``unit``
normalised (km2, km, percent, person, killed, wounded, soldier, missile, drone, aircraft, tank, ..., ISO 4217
codes USD, EUR, GBP, UAH, RUB, ...; None when the number counts something sitrep has no unit for),
``approximate`` ("environ", "près de", "quelque", "about", "nearly", "some", "une centaine") and ``bound``
("lower" for "plus de", "au moins", "more than", "at least", "des milliers de"; "upper" for "moins de",
"jusqu'à", "up to", "fewer than"). The span covers the number with its qualifiers and unit: "environ 20
kilomètres carrés", "plus de 90 %", "a $1.2 billion" gives "$1.2 billion".

How it reads: two regex passes find the numbers in digits and, in the lower-cased text, the words that start
a run of number words or a collective ("dizaines", "thousands"); around each, the language's data
(``resources/<lang>/quantity_*``, compiled once per stage; months and weekdays from babel) decides the
scale ("2,5 milliards"), the unit after it (with "de"/"of" after a scale or collective: "2 milliards d'euros",
"hundreds of drones"; a word or two may stand before a counted noun: "30 Russian tanks"), a currency sign
before it ("€2 billion"), the qualifiers before and after it, and whether it is a quantity at all. Values are
read by :mod:`sitrep.pipeline.numbers`.

Decisions:
- A range ("entre 10 et 15 morts", "10 à 15 morts", "10-15 dead", "between 10 and 15") is two quantities: the
  low end with ``bound="lower"`` and the high end with ``bound="upper"``, both with the unit written after the
  high end; the low end takes the high end's scale when it has none and is smaller ("2 à 3 millions" is 2
  million to 3 million). Their spans are "entre 10" and "15 morts", labelled ``range_low`` and ``range_high``
  (a single quantity's label is ``quantity``). When the tokenizer keeps the range in one token ("10–15" with
  an en dash), each end's span grows to whole tokens: "10–15" for the low end, "10–15 drones" for the high end.
  Two numbers that each carry their unit ("de 8 % à 9 %") are two separate quantities, not a range.
- Vague collectives count as their base: "des dizaines de milliers de soldats" is 10000 soldier, approximate,
  lower bound; "une centaine de morts" is 100 killed, approximate.
- A number written in words needs a unit or counted noun ("quatorze morts"); a lone "un"/"one" is never a
  quantity. A number in digits is a quantity when a unit follows, when a qualifier or a scale word goes with it
  ("plus de 300", "2 millions"), or when a content word follows it ("27 pays": unit None, the noun outside the
  span).
- Not quantities: dates and years ("10 mai", "May 10", "en 2023", a four-digit number from 1000 to 2100 with no
  unit), clock times ("14h30", "10:30"), durations and ages ("trois jours", "45 ans", "aged 45": the times
  stage's), multipliers ("deux fois"), model names and codes glued to letters ("F-16", "T-72", "S-400", "Su-25",
  "M142", "G7"), ordinals ("1er", "5e", "3rd"), labels and references ("article 5", "résolution 2334", "vol
  752"), phone numbers and scores (leading zeros, runs of small numbers, "3-1", "3 à 1"), a model number after
  a capitalised word ("Leopard 2", "Boeing 737"), and anything that overlaps a span of the times stage when
  that stage ran before.
- Spans follow token boundaries. Where one cuts inside a token (text run together in the source: "1 km2.Les"),
  the span's end grows to the end of that token and its start moves forward past a glued qualifier, so the
  number and its unit are never cut; ``text[start:end] == span.text`` always holds.

Cannot do: fractions and multiples ("un tiers", "deux fois plus"), changes ("de 8 à 9 %" reads as a range),
units other than those listed in the data, a unit written before the number other than a currency ("pour un
total de 20 km" is fine, "km 20" is not), "m" after digits as millions without a currency sign ("5m people" is
read as 5 metres), numbers split across lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import babel.dates
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ResourceError
from ..resources import load_resources
from .attrs import QUANTITIES, TIMES, QuantityAttrs
from .numbers import GROUP_SPACES, NumberSyntax, number_syntax, plain, word_trie

SP = f"[{GROUP_SPACES}]"  # a space inside a quantity: never a line break
_UNIT_KINDS = ("measure", "percent", "currency", "count")
_MODIFIER_KINDS = (
    "approximate", "lower", "upper", "determiner", "vague_determiner", "link", "range_start", "range_join",
)  # fmt: skip
_WORD_AFTER = re.compile(rf"{SP}+([^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?)")  # "a.m." is one word
_WORD_AT = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A modifier between a number and a counted noun: a word, a model name ("M1", "Su-25") or a capitalised name
# with its model number ("Leopard 2").
_INNER_WORD = re.compile(rf"{SP}*([A-Z][^\W\d_]+{SP}\d+|[^\W\d_]\w*(?:-\w+)*)(?![\w-])")
_WORD_BEFORE = re.compile(rf"(?<![\w.])([^\W\d_][\w.°]*){SP}*$")
_GLUED_WORD = re.compile(r"[^\W\d_]+[23²³]?")
_LOOKBACK = 40  # characters searched for qualifiers before a number


def _key(text: str) -> str:
    """A written form as the tables index it: lower case, one space, straight apostrophes."""
    return " ".join(text.replace("’", "'").lower().split())


def _alternation(phrases: Iterable[str]) -> str:
    """A case-sensitive regex alternation of lower-cased phrases, longest first; a space matches any run of
    spaces and ' matches ’ too."""
    out = []
    for phrase in sorted({_key(p) for p in phrases}, key=len, reverse=True):
        parts = [re.escape(word).replace("'", "['’]") for word in phrase.split()]
        out.append(f"{SP}+".join(parts))
    return "|".join(out)


def _lower(text: str) -> str:
    """``text`` in lower case, offset for offset (the few characters whose lower case is longer stay as
    they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    kind: str  # measure, percent, currency, count


@dataclass(slots=True)
class Reading:
    """A number read at a place in the text, before its context decides whether it is a quantity."""

    start: int
    end: int  # after the number and its scale word
    value: Decimal
    coefficient: Decimal  # the number before its scale ("2,5" in "2,5 milliards")
    multiplier: int = 1
    words: bool = False  # written in words
    collective: str | None = None  # approximate or vague (from quantity_collectives.tsv)
    lone_scale: bool = False  # a scale word alone: "hundred" in "several hundred"
    raw: str = ""
    currency: Unit | None = None
    currency_start: int = -1


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity found in the text: character offsets, attributes, and its part of a range if it is one."""

    start: int
    end: int
    attrs: QuantityAttrs
    part: str = "quantity"  # quantity, range_low, range_high
    number_start: int = -1  # where the number itself starts (after its qualifiers)


@dataclass(slots=True)
class _Context:
    """What was read around a number: qualifiers, unit, and where the quantity's span starts and ends."""

    start: int
    end: int
    unit: Unit | None = None
    approximate: bool = False
    bound: str | None = None
    range_start: bool = False
    before_range_start: tuple[int, bool] | None = None  # start and qualified before "entre"/"between"
    qualified: bool = False  # a qualifier, determiner or scale makes a bare number a quantity
    previous: str | None = None  # the word right before the quantity


@dataclass(frozen=True, slots=True)
class _Source:
    """The text being read and its lower-cased copy (same offsets), where the language data is matched."""

    text: str
    low: str


class QuantityGrammar:
    """The compiled quantity rules of one language; :meth:`find` reads a text. Built once per stage."""

    def __init__(self, lang: str, stop_words: Iterable[str]) -> None:
        res = load_resources(lang)
        self.lang = lang
        self.syntax: NumberSyntax = number_syntax(lang)
        self.stop_words = frozenset(w.lower() for w in stop_words)
        self.inner = frozenset(w.lower() for w in res.words("quantity_inner.txt"))
        self.months = frozenset(self._calendar_words(lang))
        self.not_units = frozenset(w.lower() for w in res.words("quantity_not_units.txt")) | self.months
        self.not_before = frozenset(w.lower() for w in res.words("quantity_not_before.txt"))

        units: dict[str, Unit] = {}
        before: dict[str, Unit] = {}
        for row in res.table("quantity_units.tsv", required=("forms", "unit", "kind", "position")).records():
            if row["kind"] not in _UNIT_KINDS or row["position"] not in ("", "after", "both"):
                raise ResourceError(
                    f"E211: {lang}/quantity_units.tsv: bad row {row}; kind is one of {', '.join(_UNIT_KINDS)} "
                    "and position after or both."
                )
            unit = Unit(row["unit"], row["kind"])
            for form in row["forms"].split("|"):
                form = form.strip()
                previous = units.get(_key(form))
                if previous is not None and previous != unit:
                    raise ResourceError(
                        f"E211: {lang}/quantity_units.tsv: {form!r} is both {previous.name} and {unit.name}."
                    )
                units[_key(form)] = unit
                if row["position"] == "both" and not any(c.islower() for c in form):
                    before[form] = unit
        self.units = units
        self.currency_before = tuple(sorted(before.items(), key=lambda kv: len(kv[0]), reverse=True))
        self.currency_last_chars = frozenset(form[-1] for form in before)
        self.unit_after = re.compile(rf"{SP}*(?P<u>{_alternation(units)})(?![\w²³])")

        modifiers: dict[tuple[str, str], str] = {}
        for row in res.table("quantity_modifiers.tsv", required=("phrase", "kind", "position")).records():
            if row["kind"] not in _MODIFIER_KINDS or row["position"] not in ("before", "after"):
                raise ResourceError(
                    f"E212: {lang}/quantity_modifiers.tsv: bad row {row}; kind is one of "
                    f"{', '.join(_MODIFIER_KINDS)} and position before or after."
                )
            modifiers[(_key(row["phrase"]), row["position"])] = row["kind"]
        self.modifiers = modifiers

        def phrases(*kinds: str, position: str) -> list[str]:
            return [p for (p, pos), k in modifiers.items() if k in kinds and pos == position]

        qualifiers = phrases("approximate", "lower", "upper", "range_start", position="before")
        self.before = re.compile(rf"(?<![\w'’])(?P<p>{_alternation(qualifiers)}){SP}*$")
        determiners = phrases("determiner", "vague_determiner", position="before")
        self.determiner = re.compile(rf"(?<![\w])(?P<p>{_alternation(determiners)}){SP}+$")  # "d'une centaine"
        after = phrases("approximate", "lower", "upper", position="after")
        links = _alternation(phrases("link", position="after"))
        # A qualifier after the unit, unless it opens the next phrase: "160 morts et plus de 6.000 blessés".
        self.after = re.compile(rf"{SP}+(?P<p>{_alternation(after)})(?![\w])(?!{SP}*(?:{links})(?![\w]))")
        self.link = re.compile(rf"{SP}+(?:{links})(?:{SP}+|(?<=['’]))")
        self.join = re.compile(rf"{SP}*(?P<j>{_alternation(phrases('range_join', position='after'))}){SP}*")

        collectives: dict[str, tuple[int, str]] = {}
        for row in res.table("quantity_collectives.tsv", required=("form", "value", "kind")).records():
            if not row["value"].isdigit() or row["kind"] not in ("approximate", "vague"):
                raise ResourceError(
                    f"E213: {lang}/quantity_collectives.tsv: bad row {row}; value is an integer and kind "
                    "approximate or vague."
                )
            collectives[_key(row["form"])] = (int(row["value"]), row["kind"])
        self.collectives = collectives
        self.collective_chain = re.compile(
            rf"{SP}+(?:{links})(?:{SP}+|(?<=['’]))(?P<c>{_alternation(collectives)})(?!\w)"
        )
        # Words that may start a quantity, scanned in the lower-cased text; every branch starts with a letter
        # so the regex engine skips quickly to the next possible start.
        self.word_scan = re.compile(
            rf"(?:{word_trie({**self.syntax.starts, **dict.fromkeys(collectives, '')})})(?![\w])"
        )

    @staticmethod
    def _calendar_words(lang: str) -> Iterable[str]:
        for width in ("wide", "abbreviated"):
            for names in (
                babel.dates.get_month_names(width, locale=lang),
                babel.dates.get_day_names(width, locale=lang),
            ):
                for name in names.values():
                    yield name.lower().rstrip(".")

    # -- finding ---------------------------------------------------------------------------------------------

    def find(self, text: str, blocked: Sequence[tuple[int, int]] = ()) -> list[Found]:
        """Every quantity of ``text``, in text order; none overlaps a ``blocked`` (start, end) interval."""
        src = _Source(text, _lower(text))
        found: list[Found] = []
        consumed = 0
        starts = sorted(
            [(m.start(), m.end(), False) for m in self.syntax.digits.finditer(text)]
            + [(m.start(), m.end(), True) for m in self.word_scan.finditer(src.low)]
        )
        for start, end, words in starts:
            if start < consumed:
                continue
            results, reach = self._quantities_at(src, start, end, words)
            consumed = max(consumed, reach)
            if (
                results
                and blocked
                and any(f.start < b_end and b_start < f.end for f in results for b_start, b_end in blocked)
            ):
                continue
            found.extend(results)
        return found

    def _quantities_at(self, src: _Source, start: int, end: int, words: bool) -> tuple[list[Found], int]:
        """The quantities that start with the candidate at ``start`` and how far the reading went."""
        if words:
            before = src.text[start - 1] if start else " "
            before2 = src.text[start - 2] if start > 1 else " "
            if before.isalnum() or before == "_" or (before == "-" and before2.isalnum()):
                return [], end  # inside a word or a compound: "Deux-Sèvres", "Jean-Deux"
            reading = self._read_words(src, start, end)
        else:
            reading = self._read_digits(src, start, end)
        if reading is None:
            return [], end
        context = self._left(src, reading)
        if context is None:
            return [], reading.end
        # A range: the low end has no unit of its own, and a join word and a number follow.
        if reading.currency is None and self._unit_at(src, reading.end, reading, direct=True) is None:
            pair = self._range(src, reading, context)
            if pair is not None:
                return pair, pair[-1].end if pair else reading.end
        if context.before_range_start is not None:  # "entre des centaines de jeunes": no range after all
            context.start, context.qualified = context.before_range_start
            context.range_start = False
        if not self._right(src, reading, context):
            return [], reading.end
        return [self._found(reading, context)], context.end

    # -- reading numbers -------------------------------------------------------------------------------------

    def _read_digits(self, src: _Source, start: int, end: int, *, in_range: bool = False) -> Reading | None:
        text = src.text
        raw = text[start:end]
        if not in_range and start > 0:
            before = text[start - 1]
            before2 = text[start - 2] if start > 1 else " "
            if before.isalnum() or before in "_°/:@#+":
                return None  # glued to a word or code: "M142", "n°5", "10/05", "+33"
            if before in "-–.," and before2.isalnum():
                return None  # "F-16", "Su-25", a range end whose low end was rejected ("d'1,5" is fine)
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            return None  # a code or a phone number
        value = self.syntax.digits_value(raw)
        if value is None:
            return None
        reading = Reading(start, end, value, value, raw=raw)
        self._currency_before(text, reading)
        # A scale word, glued ("3bn") or after a space ("2,5 milliards").
        pos = end
        while pos < len(text) and text[pos] in GROUP_SPACES:
            pos += 1
        word = _GLUED_WORD.match(text, pos)
        if word is not None:
            glued = pos == end
            multiplier = self.syntax.scale(word.group(), glued=glued, after_currency=reading.currency is not None)
            if multiplier is not None and not (glued and word.end() < len(text) and text[word.end()].isalnum()):
                reading.value = value * multiplier
                reading.multiplier = multiplier
                reading.end = word.end()
        return reading

    def _read_words(self, src: _Source, start: int, end: int) -> Reading | None:
        """A run of number words or a collective ("dizaines de milliers") starting at ``start``."""
        first = src.low[start:end]
        if first in self.collectives:
            return self._read_collective(src, start, end)
        run = self.syntax.words.match(src.text, start)
        read = self.syntax.words_value(run.group()) if run is not None else None
        if read is None:
            return None
        value, length = read
        raw = src.text[start : start + length]
        words = raw.split()
        last = words[-1].split("-")[-1]
        lone = len(words) == 1 and "-" not in raw and self.syntax.word_roles.get(last.lower()) == "scale"
        # A lone scale word is a number of its own ("cent soldats", "several hundred"), not a scaled one.
        multiplier = 1 if lone else self.syntax.scale(last) or 1
        coefficient = Decimal(value) / multiplier
        after = start + length
        if after < len(src.text) and src.text[after] == "-" and src.text[after + 1 : after + 2].isalpha():
            return None  # part of a compound name: "Deux-Sèvres"
        return Reading(start, after, Decimal(value), coefficient, multiplier, words=True, lone_scale=lone, raw=raw)

    def _read_collective(self, src: _Source, start: int, end: int) -> Reading:
        value, kind = self.collectives[src.low[start:end]]
        total = Decimal(value)
        while (chained := self.collective_chain.match(src.low, end)) is not None:
            more, more_kind = self.collectives[_key(chained.group("c"))]
            total *= more
            kind = "vague" if "vague" in (kind, more_kind) else kind
            end = chained.end()
        return Reading(start, end, total, total, words=True, collective=kind, raw=src.text[start:end])

    def _currency_before(self, text: str, reading: Reading) -> None:
        pos = reading.start
        while pos > 0 and text[pos - 1] in GROUP_SPACES:
            pos -= 1
        if pos == 0 or text[pos - 1] not in self.currency_last_chars:
            return
        for form, unit in self.currency_before:
            if text.endswith(form, 0, pos):
                begin = pos - len(form)
                if form[0].isalpha() and begin > 0 and text[begin - 1].isalnum():
                    continue
                reading.currency, reading.currency_start = unit, begin
                return

    # -- context ---------------------------------------------------------------------------------------------

    def _left(self, src: _Source, reading: Reading) -> _Context | None:
        """Qualifiers and determiners before the number; None when what precedes makes it no quantity."""
        start = reading.currency_start if reading.currency is not None else reading.start
        context = _Context(start, reading.end)
        if reading.collective is not None:
            context.approximate = True
            context.bound = "lower" if reading.collective == "vague" else None
            context.qualified = True
        if reading.collective is not None or reading.lone_scale:
            determiner = self.determiner.search(src.low, max(0, start - _LOOKBACK), start)
            if determiner is not None:
                kind = self.modifiers[(_key(determiner.group("p")), "before")]
                if reading.collective is None:  # "several hundred", "quelques milliers"
                    context.approximate = True
                    context.bound = "lower" if kind == "vague_determiner" else None
                    context.qualified = True
                context.start = start = determiner.start()
        for _ in range(2):
            qualifier = self.before.search(src.low, max(0, start - _LOOKBACK), start)
            if qualifier is None:
                break
            kind = self.modifiers[(_key(qualifier.group("p")), "before")]
            if kind == "approximate":
                context.approximate = True
            elif kind in ("lower", "upper"):
                context.bound = kind
            elif kind == "range_start":
                context.range_start = True
                context.before_range_start = (start, context.qualified)
            context.qualified = True
            context.start = start = qualifier.start()
        previous = _WORD_BEFORE.search(src.text, max(0, start - _LOOKBACK), start)
        if previous is not None:
            word = previous.group(1).lower()
            if word in self.not_before or word.rstrip("'’") in self.not_before:
                return None  # "article 5", "aged 45"
            context.previous = previous.group(1)
        return context

    def _unit_at(self, src: _Source, pos: int, reading: Reading, *, direct: bool = False) -> tuple[Unit, int] | None:
        """The unit written at ``pos`` (after the number) and where it ends, or None.

        ``direct``: only a unit right there; otherwise also after "de"/"of" (after a scale of a million or more
        or a collective) and after a word or two before a counted noun.
        """
        starts = [pos]
        if not direct and (reading.collective is not None or reading.multiplier >= 1_000_000 or reading.lone_scale):
            link = self.link.match(src.low, pos)
            if link is not None:
                starts.append(link.end())
        for at in starts:
            hit = self.unit_after.match(src.low, at)
            if hit is not None:
                unit = self.units[_key(hit.group("u"))]
                if unit.kind == "currency" and reading.currency is not None:
                    return None
                return unit, hit.end()
            if direct:
                continue
            # A word or two between the number and a counted noun: "20 nouveaux chars", "30 Russian tanks".
            cursor = at
            for _ in range(2):
                word = _INNER_WORD.match(src.text, cursor)
                if word is None:
                    break
                lowered = word.group(1).lower()
                if lowered in self.not_units or lowered in self.units:
                    break
                if lowered in self.stop_words and lowered not in self.inner:
                    break
                cursor = word.end()
                hit = self.unit_after.match(src.low, cursor)
                if hit is not None and hit.start("u") > cursor:
                    unit = self.units[_key(hit.group("u"))]
                    if unit.kind == "count":
                        return unit, hit.end()
        return None

    def _next_word(self, src: _Source, reading: Reading) -> str | None:
        """The word after the number (after "de"/"of" when a scale or collective takes one), or None.

        A collective needs its link word: "une quarantaine de soldats", not "la quarantaine deviendra".
        """
        pos = reading.end
        if reading.multiplier >= 1_000_000 or reading.collective is not None or reading.lone_scale:
            link = self.link.match(src.low, pos)
            if link is not None:
                word = _WORD_AT.match(src.text, link.end())
                return word.group() if word is not None else None
            if reading.collective is not None:
                return None
        found = _WORD_AFTER.match(src.text, pos)
        return found.group(1) if found is not None else None

    def _time_follows(self, src: _Source, reading: Reading, word: str | None) -> bool:
        """Whether the number counts time: "45 ans", "24 dernières heures", "three more years"."""
        if word is None:
            return False
        lowered = _key(word).rstrip(".")
        if lowered in self.not_units:
            return True
        if lowered in self.inner or lowered not in self.stop_words:
            second = _WORD_AFTER.match(src.text, src.text.find(word, reading.end) + len(word))
            return second is not None and _key(second.group(1)).rstrip(".") in self.not_units
        return False

    def _right(self, src: _Source, reading: Reading, context: _Context) -> bool:
        """Unit and qualifiers after the number; False when what follows makes it no quantity."""
        text = src.text
        end = reading.end
        nxt = text[end] if end < len(text) else " "
        after_next = text[end + 1 : end + 2]
        if nxt in ":/" and after_next.isdigit():
            return False  # a clock time or a date: "10:30", "10/05"
        if nxt in "-–" and after_next.isdigit():
            return False  # a score or a range that did not read as one: "3-1", "2022-2023"
        hyphenated = nxt == "-" and after_next.isalpha()
        unit_end = None
        if reading.currency is not None:
            context.unit = reading.currency
        else:
            at = end + 1 if hyphenated and not reading.words else end
            hit = self._unit_at(src, at, reading)
            if hit is not None and (at == end or hit[0].kind == "measure"):
                context.unit, unit_end = hit
            elif nxt.isalpha() or hyphenated:
                return False  # "14h30", "1er", "5e", "1990s", "45-year-old", "5,000-strong"
        word = self._next_word(src, reading) if unit_end is None else None
        if self._time_follows(src, reading, word):
            return False  # a duration, an age, a clock time or a date: the times stage's
        context.end = unit_end if unit_end is not None else reading.end
        suffix = self.after.match(src.low, context.end)
        if suffix is not None:
            kind = self.modifiers[(_key(suffix.group("p")), "after")]
            if kind == "approximate":
                context.approximate = True
            else:
                context.bound = kind
            context.qualified = True
            context.end = suffix.end()
        names = context.previous is not None and self._names_something(context.previous)
        if context.unit is not None:
            return not (context.unit.kind == "count" and names)  # "Leopard 2 tanks": a model, not a count
        if reading.collective is not None or (reading.lone_scale and context.qualified):
            return self._content_word(word)  # "des milliers de manifestants", "several hundred recruits"
        if reading.words:
            return False  # number words need a unit: "les deux pays" is not counted here
        if self._year_like(reading) or names:
            return False  # "en 2023"; "Leopard 2", "Boeing 737", "May 10"
        if reading.multiplier > 1 or context.qualified:
            return True
        return self._content_word(word)

    def _content_word(self, word: str | None) -> bool:
        if word is None or not word[0].islower():
            return False
        lowered = word.lower().rstrip(".")
        return lowered not in self.stop_words and lowered not in self.not_units

    def _names_something(self, previous: str) -> bool:
        lowered = previous.lower()
        return (previous[0].isupper() and lowered not in self.stop_words) or lowered.rstrip(".") in self.months

    @staticmethod
    def _year_like(reading: Reading) -> bool:
        raw = reading.raw
        return reading.multiplier == 1 and len(raw) == 4 and raw.isdigit() and 1000 <= int(raw) <= 2100

    def _range(self, src: _Source, low: Reading, context: _Context) -> list[Found] | None:
        """The two ends of a range starting with ``low``; None when no range starts there, an empty list when
        one does but is no quantity ("entre 50 et 54 ans")."""
        join = self.join.match(src.low, low.end)
        if join is None or low.collective is not None:
            return None
        joiner = _key(join.group("j"))
        if joiner[0].isalpha() and (join.start("j") == low.end or join.end() == join.end("j")):
            return None  # a word joiner needs spaces around it
        if joiner in ("et", "and") and not context.range_start:
            return None
        pos = join.end()
        high: Reading | None = None
        if low.words:
            scan = self.word_scan.match(src.low, pos)
            if scan is not None and scan.group() not in self.collectives:
                high = self._read_words(src, pos, scan.end())
        else:
            digits = self.syntax.digits.match(src.text, pos)
            if digits is not None:
                high = self._read_digits(src, pos, digits.end(), in_range=True)
        if high is None or self._year_like(low) or self._year_like(high):
            return None
        high_context = _Context(high.start, high.end, qualified=context.range_start)
        if not self._right(src, high, high_context):
            return [] if context.range_start or self._next_word(src, high) else None
        if high_context.unit is None and not context.range_start and not joiner[0].isalpha():
            return None  # "3-1": a score, not a range
        low_value = low.value
        if low.multiplier == 1 and high.multiplier > 1 and low.value < high.coefficient:
            low_value = low.value * high.multiplier  # "2 à 3 millions": 2 million to 3 million
        if low_value >= high.value:
            return None  # "3 à 1": a score, not a range
        approximate = context.approximate or high_context.approximate
        unit = high_context.unit.name if high_context.unit is not None else None
        return [
            Found(context.start, low.end, QuantityAttrs(plain(low_value), unit, approximate, "lower"), "range_low",
                  low.start),
            Found(high.start, high_context.end, QuantityAttrs(plain(high.value), unit, approximate, "upper"),
                  "range_high", high.start),
        ]  # fmt: skip

    @staticmethod
    def _found(reading: Reading, context: _Context) -> Found:
        unit = context.unit.name if context.unit is not None else None
        attrs = QuantityAttrs(plain(reading.value), unit, context.approximate, context.bound)
        return Found(context.start, context.end, attrs, number_start=reading.start)


class QuantitiesStage:
    """The ``sitrep_quantities_v1`` component: writes ``doc.spans["quantities"]`` and ``span._.quantity``."""

    def __init__(self, grammar: QuantityGrammar) -> None:
        self.grammar = grammar

    def __call__(self, doc: Doc) -> Doc:
        blocked = [(s.start_char, s.end_char) for s in doc.spans[TIMES]] if TIMES in doc.spans else []
        spans: list[Span] = []
        found = self.grammar.find(doc.text, blocked)
        i = 0
        while i < len(found):
            item = found[i]
            pairs: list[tuple[Span | None, Found]]
            if item.part == "range_low" and i + 1 < len(found):
                high = found[i + 1]
                # Token boundaries may cut inside a range ("10–15" is one token): each end's span then grows
                # to whole tokens; when both ends come out the same, only the low end is kept (spaCy keys span
                # extensions by offsets, so two spans with the same offsets would share one QuantityAttrs).
                low_span, high_span = self._span(doc, item), self._span(doc, high)
                if (
                    low_span is not None
                    and high_span is not None
                    and ((low_span.start_char, low_span.end_char) == (high_span.start_char, high_span.end_char))
                ):
                    high_span = None
                pairs = [(low_span, item), (high_span, high)]
                i += 2
            else:
                pairs = [(self._span(doc, item), item)]
                i += 1
            for span, quantity in pairs:
                if span is not None:
                    span._.quantity = quantity.attrs
                    spans.append(span)
        doc.spans[QUANTITIES] = spans
        return doc

    @staticmethod
    def _span(doc: Doc, found: Found) -> Span | None:
        """The span of ``found``, on token boundaries.

        Where a boundary cuts inside a token (text run together, "10–15" kept whole), the span never cuts the
        number or its unit: its end grows to the end of its token; its start moves forward past a qualifier
        glued to something else (``qu'"entre dix``), or grows back when the number itself starts mid-token.
        """
        span = doc.char_span(found.start, found.end, label=found.part)
        if span is not None:
            return span
        grown = doc.char_span(found.start, found.end, label=found.part, alignment_mode="expand")
        if grown is None or grown.start_char == found.start:
            return grown
        inner = doc.char_span(found.start, found.end, alignment_mode="contract")
        if inner is not None and inner.start_char <= found.number_start:
            return Span(doc, inner.start, grown.end, label=found.part)
        return grown


def make(nlp: Language, name: str) -> QuantitiesStage:
    """Build the stage for ``nlp``'s language, compiling its quantity resources once."""
    return QuantitiesStage(QuantityGrammar(str(nlp.lang), nlp.Defaults.stop_words))
