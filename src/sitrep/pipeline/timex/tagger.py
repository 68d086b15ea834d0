"""Find time expressions in a text and normalise them to TIMEX3 type and value, anchored on the DCT.

Works on plain text (no spaCy), so that the pipeline stage, the evaluation and the benchmark share it. Three
passes: one scan finds the trigger words (month and weekday names, units, relative words, digits) and every
pattern of the language's grammar is tried only near its own triggers, each match checked (extent, number
words, ages, quantities that are not years); overlapping matches are resolved longest first; the survivors are
normalised in text order, keeping a reference date (the last day the text named, at first the DCT) for
anaphoric expressions ("le lendemain", "la soirée", a clock time after a date).

Relative expressions take their direction from the tense cue nearest to them in their sentence (past: the
previous Monday / May; future: the next; none: the nearest). Without a DCT a relative expression gets an
underspecified value ("XXXX-XX-XX") and says in ``anchor`` how it relates to the DCT ("DCT-P1D", "DCT<MO",
"DCT>MO", "DCT~MO"), never a guessed date.

Cannot do: expressions anchored on events ("deux jours après l'attaque"), holidays, ordinal weekdays ("le
premier dimanche du printemps"), generic readings of specific-looking expressions ("le mercredi" meaning every
Wednesday), fractions other than a half, time zones ("12 h 30 locales"), and a tense cue farther than
``tense_window`` characters or in another sentence. A match may not start more than ``WINDOW_BEFORE`` characters
before its trigger.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from text_to_num import text2num

from . import calendar as cal
from .grammar import Grammar, normalise_word

_WORD_REST = re.compile(r"\w*")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
SENTENCE_END = re.compile(r"[.!?…]\s|\n")
# A pattern is tried only this close (characters) to one of its trigger words: its longest prefix before the
# trigger ("aux alentours de 14 h") and its longest continuation after ("mardi prochain en fin d'après-midi").
WINDOW_BEFORE = 45
WINDOW_AFTER = 60
TRIGGER_WORD_MAX = 14  # the longest trigger word, for patterns that end with their trigger


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: character offsets into the text, TIMEX3 type, value, and optional anchor and mod."""

    start: int
    end: int
    type: str
    value: str
    anchor: str | None = None
    mod: str | None = None


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    order: int
    kind: str
    groups: dict[str, str]


@dataclass(slots=True)
class _Context:
    text: str
    dct: dt.date | None
    ref: dt.date | None


Normalised = tuple[str, str, str | None, str | None]  # type, value, anchor, mod


def _proper_name(word: str) -> bool:
    """Capitalised but not all capitals: inside a sentence, a name ("20 Minutes") rather than a time word."""
    return word[:1].isupper() and not word.isupper()


def _sentence_start(before: str) -> bool:
    """Whether the text before a word ends a sentence or a paragraph (or is empty)."""
    stripped = before.rstrip()
    return not stripped or stripped[-1] in '.!?…:\n"«(' or before.endswith("\n")


def _option_regex(options: dict[str, str], name: str) -> re.Pattern[str] | None:
    return re.compile(options[name], re.IGNORECASE) if name in options else None


def _option_words(options: dict[str, str], name: str) -> frozenset[str]:
    return frozenset(normalise_word(w) for w in options.get(name, "").split("|") if w)


class TimeTagger:
    """The time tagger of one language: ``tag(text, dct)`` -> list of :class:`Timex` in text order."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        opts = grammar.options
        # Context rules of the language (time_lexicon.tsv, kind "option"); see the French file for their meaning.
        self.age_before = _option_regex(opts, "age_before")
        self.age_after = _option_regex(opts, "age_after")
        self.age_after_is_age = _option_regex(opts, "age_after_is_age")
        self.duration_before = _option_regex(opts, "duration_before")
        self.clock_before = _option_regex(opts, "clock_before")
        self.clock_after = _option_regex(opts, "clock_after")
        self.newspaper_before = _option_regex(opts, "newspaper_before")
        self.month_context = _option_regex(opts, "month_context")
        self.anaphor_bare_before = _option_regex(opts, "anaphor_bare_before")
        self.age_group_before = _option_regex(opts, "age_group_before")
        self.lowercase_weekdays = opts.get("lowercase_weekdays", "no") == "yes"
        self.present_ref = opts.get("present_ref_today", "no") == "yes"
        self.ambiguous_units = _option_words(opts, "ambiguous_units")
        self.ambiguous_months = _option_words(opts, "ambiguous_months")
        # A tense cue farther than this (characters) from an expression is taken to belong to another clause.
        self.tense_window = int(opts.get("tense_window", "60"))
        self._normalisers: dict[str, Callable[[_Candidate, _Context], Normalised | None]] = {
            "date": self._date,
            "dayonly": self._date,
            "numdate": self._numdate,
            "month": self._month,
            "year": self._year,
            "decade": self._decade,
            "century": self._century,
            "weekday": self._weekday,
            "nightrange": self._weekday,
            "reldays": self._reldays,
            "anaphor": self._anaphor,
            "partofday": self._partofday,
            "relunit": self._relunit,
            "lastunits": self._lastunits,
            "ago": self._ago,
            "duration": self._duration,
            "clock": self._clock,
            "set": self._set,
            "setadj": self._setadj,
            "season": self._season,
            "vague": self._vague,
            "partadj": self._partadj,
        }
        unknown = {p.kind for p in grammar.patterns} - set(self._normalisers)
        if unknown:
            from ...errors import ResourceError

            raise ResourceError(
                f"E245: {grammar.lang}/time_patterns.tsv uses unknown kind(s) {sorted(unknown)}; "
                f"the kinds are {', '.join(sorted(self._normalisers))}."
            )

    # -- public ------------------------------------------------------------------------------------------------

    def tag(self, text: str, dct: dt.date | None) -> list[Timex]:
        candidates = self._candidates(text)
        chosen = self._select(candidates)
        context = _Context(text, dct, dct)
        out: list[Timex] = []
        for i, cand in enumerate(chosen):
            if cand.kind == "dayonly":
                self._borrow_month(cand, chosen[i + 1 :])
            if cand.kind in ("clock", "partofday") and i + 1 < len(chosen):
                self._date_after_clock(cand, chosen[i + 1], context)
            result = self._normalisers[cand.kind](cand, context)
            if result is None:
                continue
            type_, value, anchor, mod = result
            out.append(Timex(cand.start, cand.end, type_, value, anchor, mod))
            if type_ in ("DATE", "TIME") and _DAY_VALUE.match(value):
                # A calendar day becomes the reference for "le lendemain", "la soirée", "à 14 h" that follow;
                # an underspecified value (XXXX-...) leaves the reference as it was.
                context.ref = dt.date.fromisoformat(value[:10])
        return out

    # -- pass 1: matching and checks ---------------------------------------------------------------------------

    def _candidates(self, text: str) -> list[_Candidate]:
        hits = self._trigger_hits(text)
        found: list[_Candidate] = []
        windows: dict[tuple[frozenset[str], bool], list[tuple[int, int]]] = {}
        for order, pattern in enumerate(self.grammar.patterns):
            key = (pattern.triggers, pattern.ends_at_trigger)
            if key not in windows:
                windows[key] = self._windows(text, hits, pattern.triggers, pattern.ends_at_trigger)
            for window_start, window_end in windows[key]:
                for match in pattern.regex.finditer(text, window_start, window_end):
                    groups = {k: v for k, v in match.groupdict().items() if v is not None}
                    cand = _Candidate(match.start(), match.end(), order, pattern.kind, groups)
                    if "prep" in groups:
                        # A preposition the pattern needs as context stays outside the extent ("en [été]").
                        cand.start = match.end("prep")
                        while cand.start < cand.end and text[cand.start].isspace():
                            cand.start += 1
                    if self._check(cand, match, text):
                        found.append(cand)
        return found

    def _trigger_hits(self, text: str) -> dict[str, list[int]]:
        """Where each trigger class occurs (start offsets), found in one pass over the text."""
        hits: dict[str, list[int]] = {}
        classes = self.grammar.trigger_classes
        lower = text.lower()
        if len(lower) != len(text):  # a character whose lower case is longer ("İ"): keep the offsets right
            lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        for match in self.grammar.trigger_regex.finditer(lower):
            token = match.group()
            if token[0].isdigit():
                if not token.isdigit():
                    kinds: frozenset[str] | tuple[str, ...] = ("numsep",)
                elif len(token) == 4 and 1500 <= int(token) <= 2099:
                    kinds = ("year",)
                else:
                    continue
            else:
                kinds = classes.get(token.lower(), ())
            for kind in kinds:
                hits.setdefault(kind, []).append(match.start())
        return hits

    @staticmethod
    def _windows(text: str, hits: dict[str, list[int]], triggers: frozenset[str], ends_at_trigger: bool
                 ) -> list[tuple[int, int]]:  # fmt: skip
        """Merged stretches of text around the pattern's triggers; a match lies within reach of its trigger."""
        found = [hits[kind] for kind in triggers if kind in hits]
        if not found:
            return []
        starts = sorted(found[0] if len(found) == 1 else [p for positions in found for p in positions])
        after = TRIGGER_WORD_MAX if ends_at_trigger else WINDOW_AFTER
        windows: list[tuple[int, int]] = []
        for position in starts:
            begin = position - WINDOW_BEFORE if position > WINDOW_BEFORE else 0
            # Never cut a word: the pattern's end assertions need to see it whole.
            end = _WORD_REST.match(text, position + after).end()  # type: ignore[union-attr]
            if windows and begin <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((begin, end))
        return windows

    @staticmethod
    def _select(candidates: list[_Candidate]) -> list[_Candidate]:
        taken: list[tuple[int, int]] = []
        chosen: list[_Candidate] = []
        for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
            if cand.end <= cand.start:
                continue
            if any(cand.start < e and s < cand.end for s, e in taken):
                continue
            taken.append((cand.start, cand.end))
            chosen.append(cand)
        chosen.sort(key=lambda c: c.start)
        return chosen

    def _check(self, cand: _Candidate, match: re.Match[str], text: str) -> bool:
        g = cand.groups
        kind = cand.kind
        before = text[max(0, cand.start - 30) : cand.start]
        after = text[cand.end : cand.end + 30]
        if "num" in g and self._number(g["num"]) is None:
            return False
        if "num2" in g and self._number(g["num2"]) is None:
            return False
        if kind == "year":
            return self._check_year(cand, match, text, after)
        two_digit_year = kind in ("date", "month") and "year" in g and len(g["year"].lstrip("'")) == 2
        if two_digit_year and not self._year_follower_ok(after):
            # "le 10 mai 15 soldats": the number is not a year; keep the date without it.
            cand.end = match.end("month")
            g.pop("year")
            g.pop("rel", None)
        if kind == "month" and not self._check_month(cand, before):
            return False
        if kind == "duration":
            before_number = text[max(0, match.start("num") - 30) : match.start("num")] if "num" in g else before
            return self._check_duration(cand, before, before_number, after)
        if kind == "clock":
            before_hour = text[max(0, match.start("hour") - 30) : match.start("hour")] if "hour" in g else before
            return self._check_clock(cand, before_hour, after)
        if kind == "weekday" and self.lowercase_weekdays and _proper_name(g["weekday"]) and not _sentence_start(before):
            return False  # "le Vendredi saint", "Mardi gras": a capital inside a French sentence makes a name
        if kind == "weekday":
            name = normalise_word(g["weekday"])
            plural = name not in self.grammar.weekdays or (
                name.endswith(self.grammar.options.get("weekday_plural", "s")) and name[:-1] in self.grammar.weekdays
            )
            return not plural
        if kind == "relunit":
            return self._check_relunit(cand)
        if kind == "lastunits" and "num" not in g and "num2" not in g:
            word = normalise_word(g["unit"])
            return word != word.rstrip("s") or self.grammar.value("unit", g["unit"]) == "M"  # "ces derniers jours"
        if kind == "anaphor" and "det" not in g and "same" not in g:
            # "au lendemain de": the anaphor without its (contracted) determiner.
            return self.anaphor_bare_before is not None and bool(self.anaphor_bare_before.search(before))
        if kind == "setadj" and self.newspaper_before is not None and self.newspaper_before.search(before):
            return False
        if kind == "vague" and _proper_name(g["vague"]) and before.strip() and before.rstrip()[-1] not in '.!?«"\n':
            return False  # "Fridays for Future": a name, not the future
        if kind == "season":
            return any(k in g for k in ("det", "dem", "prep", "year", "rel"))
        return True

    def _year_follower_ok(self, after: str) -> bool:
        """A number stands for a year only if what follows is not a counted noun ("2000 soldats")."""
        word = re.match(r"\s*([^\W\d_]+)", after)
        if word is None:
            return not re.match(r"\s*(?:%|‰|°|[$€£]|\d)", after)
        first = word.group(1)
        if after[: word.start(1)].strip():
            return True  # punctuation between: "en 2019, les"
        low = first.lower()
        return (
            low in self.grammar.stop_words
            or first[0].isupper()
            or normalise_word(low) in self.grammar.months
            or bool(self.grammar.value("rel", low))
        )

    def _check_year(self, cand: _Candidate, match: re.Match[str], text: str, after: str) -> bool:
        g = cand.groups
        if "det" in g or "position" in g:
            return True
        if not self._year_follower_ok(after):
            return False
        before = text[max(0, cand.start - 12) : cand.start]
        # "n° 2019", "1 2019", "F-2000", "2000-2001 €" are not years on their own.
        return not re.search(r"(?:\d[\s.,]?|n°\s*|[A-Za-z]-|[$€£]\s*)$", before)

    def _check_month(self, cand: _Candidate, before: str) -> bool:
        g = cand.groups
        if normalise_word(g["month"]) not in self.ambiguous_months:
            return True
        if any(k in g for k in ("det", "position", "year", "rel", "day")):
            return True
        return self.month_context is not None and bool(self.month_context.search(before))

    def _check_duration(self, cand: _Candidate, before: str, before_number: str, after: str) -> bool:
        g = cand.groups
        unit = self.grammar.value("unit", g["unit"])
        if unit is None:
            return False
        if _proper_name(g["unit"]):
            return False  # "20 Minutes", "les 24 Heures du Mans": titles, not durations
        if normalise_word(g["unit"]) in self.ambiguous_units and not g.get("num", "x")[:1].isdigit():
            return False  # "une seconde explosion"
        if unit == "H" and "num" in g and self.clock_before is not None and self.clock_before.search(before_number):
            return False  # "à 14 heures": a clock time
        if unit == "Y" and self.age_after_is_age is not None and self.age_after_is_age.match(after):
            return False  # "a 45-year-old man", "45 years old"
        if unit == "Y" and "approx" in g and self.age_group_before is not None and self.age_group_before.search(before):
            return False  # "les moins de 17 ans": an age group
        is_age = (
            unit == "Y"
            and "num" in g
            and "approx" not in g
            and self.age_before is not None
            and bool(self.age_before.search(before))
            and (self.age_after is None or not self.age_after.match(after))
        )
        return not is_age  # "une fillette de 6 ans", "Pierre Monod, 97 ans"; not "condamné à 10 ans de prison"

    def _check_clock(self, cand: _Candidate, before: str, after: str) -> bool:
        g = cand.groups
        if "noon" in g or "meridiem" in g or "colon" in g:
            return "noon" not in g or self.clock_before is None or bool(self.clock_before.search(before))
        if self.clock_after is not None and self.clock_after.match(after):
            return False  # "24h/24"
        if "hword" in g:
            return self.clock_before is not None and bool(self.clock_before.search(before))
        return True

    def _check_relunit(self, cand: _Candidate) -> bool:
        g = cand.groups
        unit = self.grammar.value("unit", g["unit"])
        if unit is None or unit in ("H", "MIN", "S"):
            return False
        if "position" in g:
            return True
        plural = normalise_word(g["unit"]) != normalise_word(g["unit"]).rstrip("s") and unit != "M"
        if "rel" in g:
            return not plural
        return "dem" in g and not plural

    # -- pass 2: normalisation --------------------------------------------------------------------------------

    def _borrow_month(self, cand: _Candidate, following: list[_Candidate]) -> None:
        """ "du 19 au 23 juillet": the first day takes the month, year and modifier of the next date."""
        for other in following[:2]:
            if other.kind == "date":
                for key in ("month", "year", "rel"):
                    if key in other.groups:
                        cand.groups.setdefault(key, other.groups[key])
                return

    def _date_after_clock(self, clock: _Candidate, following: _Candidate, ctx: _Context) -> None:
        """ "Vers 0 h 40, jeudi", "la nuit du 5 décembre": a day right after a clock time or a part of the day
        dates it (the reference date moves to it)."""
        if following.kind not in ("weekday", "date", "reldays") or following.start - clock.end > 6:
            return
        if clock.kind == "partofday" and "dem" in clock.groups and "distal" not in clock.groups:
            return  # "ce soir" is the DCT's evening whatever follows
        if not re.fullmatch(r"[\s,]*(?:[^\W\d_]{1,3}\s+)?", ctx.text[clock.end : following.start]):
            return  # only a comma or a short preposition between: "à 8 h, samedi", "at noon on Friday"
        result = self._normalisers[following.kind](following, ctx)
        if result is not None and len(result[1]) >= 10 and result[1][:4].isdigit():
            ctx.ref = dt.date.fromisoformat(result[1][:10])

    def _direction(self, ctx: _Context, start: int, end: int) -> int:
        """-1 (past), +1 (future) or 0: the tense cue nearest to the expression, in its sentence, within reach."""
        text = ctx.text
        reach = self.tense_window
        low = max(start - reach, 0)
        s = max(text.rfind(". ", low, start), text.rfind("\n", low, start), text.rfind("? ", low, start),
                text.rfind("! ", low, start), low - 1) + 1  # fmt: skip
        m = SENTENCE_END.search(text, end, end + reach + 30)
        e = m.start() + 1 if m else min(len(text), end + reach + 30)
        best: tuple[int, int] | None = None
        for cue in self.grammar.tense_cues.finditer(text, s, e):
            pos = cue.start()
            if start <= pos < end:
                continue
            # From the cue's end when it comes first ("will be held | May 19"), from its start when it follows.
            distance = max(0, start - cue.end()) if pos < start else pos - end
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, -1 if cue.lastgroup == "past" else 1)
        return best[1] if best else 0

    def _number(self, text: str) -> float | None:
        word = normalise_word(text)
        one = self.grammar.value("one", word)
        if one is not None:
            return float(one)
        if word[:1].isdigit():
            try:
                return float(word.replace(",", ".").replace(" ", ""))
            except ValueError:
                return None
        try:
            return float(text2num(word, self.grammar.lang))
        except ValueError:
            return None

    def _year_number(self, text: str, dct: dt.date | None) -> int:
        digits = text.lstrip("'’")
        if len(digits) == 4:
            return int(digits)
        value = int(digits)
        # "octobre 98" said in 1999 is 1998, "novembre 93" said in 2002 is 1993, "mai 21" said in 2023 is 2021.
        century = (dct.year // 100 * 100) if dct else 2000
        limit = (dct.year % 100 + 1) if dct else 30
        return (century if value <= limit else century - 100) + value

    def _mod(self, g: dict[str, str]) -> str | None:
        if "position" in g:
            return self.grammar.value("position", g["position"])
        if "approx" in g:
            return self.grammar.value("approx", g["approx"])
        return None

    def _rel(self, g: dict[str, str]) -> int | None:
        if "rel" not in g:
            return None
        value = self.grammar.value("rel", g["rel"])
        return int(value) if value is not None else None

    def _date(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        if "month" not in g:
            return None
        month_number = self.grammar.months.get(normalise_word(g["month"]))
        day_text = normalise_word(g["day"])
        day_number = 1 if not day_text[:1].isdigit() else int(re.sub(r"\D", "", day_text))
        if month_number is None:
            return None
        if "year" in g:
            year = self._year_number(g["year"], ctx.dct)
            try:
                return "DATE", cal.day(dt.date(year, month_number, day_number)), None, None
            except ValueError:
                return None
        if ctx.dct is None:
            return "DATE", f"XXXX-{month_number:02d}-{day_number:02d}", None, None
        rel = self._rel(g)
        if "weekday" in g and rel is None:
            # "samedi 29 mai": the year in which the 29th of May is a Saturday, nearest to the DCT.
            weekday = self.grammar.weekdays.get(normalise_word(g["weekday"]))
            for delta in (0, -1, 1):
                try:
                    candidate = dt.date(ctx.dct.year + delta, month_number, day_number)
                except ValueError:
                    continue
                if candidate.weekday() == weekday:
                    return "DATE", cal.day(candidate), None, None
        direction = rel if rel is not None else self._direction(ctx, c.start, c.end)
        found = cal.day_month_year(ctx.dct, month_number, day_number, direction, strict=rel is not None)
        if found is None:
            return None
        return "DATE", cal.day(found), None, None

    def _numdate(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        # The language's pattern names the groups in its own order (day/month in French, month/day in English).
        day_number, month_number = int(g["day"]), int(g["monthnum"])
        try:
            value = dt.date(self._year_number(g["year"], ctx.dct), month_number, day_number)
        except ValueError:
            return None
        return "DATE", cal.day(value), None, None

    def _month(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        month_number = self.grammar.months.get(normalise_word(g["month"]))
        if month_number is None:
            return None
        mod = self._mod(g)
        if "year" in g:
            return "DATE", cal.month(self._year_number(g["year"], ctx.dct), month_number), None, mod
        if ctx.dct is None:
            return "DATE", f"XXXX-{month_number:02d}", None, mod
        rel = self._rel(g)
        direction = rel if rel is not None else self._direction(ctx, c.start, c.end)
        year = cal.month_year(ctx.dct, month_number, direction, strict=rel is not None)
        return "DATE", cal.month(year, month_number), None, mod

    def _year(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        return "DATE", f"{int(c.groups['year']):04d}", None, self._mod(c.groups)

    def _decade(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        digits = c.groups["decade"]
        if len(digits) == 2:
            # "les années 60" is the 1960s; "les années 10" said in 2023 the 2010s.
            recent = ctx.dct is not None and ctx.dct.year >= 2000 + int(digits) + 10
            digits = ("20" if recent else "19") + digits
        return "DATE", digits[:3] + "X", None, self._mod(c.groups)

    def _century(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        text = c.groups["century"].upper()
        if text.isdigit():
            number = int(text)
        else:
            values = {"I": 1, "V": 5, "X": 10}
            number = 0
            for i, ch in enumerate(text):
                v = values[ch]
                number += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
        if not 1 <= number <= 21:
            return None
        return "DATE", f"{number - 1:02d}XX", None, None

    def _weekday(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        weekday = self.grammar.weekdays[normalise_word(g["weekday"])]
        part = self.grammar.value("part", g["part"]) if "part" in g else None
        if c.kind == "nightrange":
            part = "NI"
        type_ = "TIME" if part else "DATE"
        code = cal.WEEKDAY_CODES[weekday]
        rel = self._rel(g)
        if "same" in g and ctx.ref is not None and ctx.ref.weekday() == weekday:
            found: dt.date | None = ctx.ref
            anchor = "REF"
        elif rel is not None:
            anchor = f"DCT{'<' if rel < 0 else '>'}{code}"
            found = cal.weekday_date(ctx.dct, weekday, rel, strict=True) if ctx.dct else None
        else:
            direction = self._direction(ctx, c.start, c.end)
            anchor = f"DCT{'<' if direction < 0 else '>' if direction > 0 else '~'}{code}"
            found = cal.weekday_date(ctx.dct, weekday, direction) if ctx.dct else None
        value = cal.day(found) if found else "XXXX-XX-XX"
        return type_, value + (f"T{part}" if part else ""), anchor, self._mod(g)

    def _reldays(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        # A value may name the part of the day the word implies: "last night" is "-1 NI".
        offset_text, _, implied_part = (self.grammar.value("reldays", g["reldays"]) or "0").partition(" ")
        if implied_part and "det" in g:  # "the last night of the talks" is not last night
            return None
        offset = int(offset_text)
        part = self.grammar.value("part", g["part"]) if "part" in g else implied_part or None
        if offset == 0 and part is None and "weekday" not in g and self._present_reference(c, ctx):
            return "TIME", "PRESENT_REF", None, None
        anchor = "DCT" if offset == 0 else f"DCT{'+' if offset > 0 else '-'}P{abs(offset)}D"
        value = cal.day(ctx.dct + dt.timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
        if part:
            return "TIME", f"{value}T{part}", anchor, self._mod(g)
        return "DATE", value, anchor, None

    def _present_reference(self, c: _Candidate, ctx: _Context) -> bool:
        """ "Aujourd'hui, la ville a changé": today as the present era, not as the DCT's calendar day."""
        if not self.present_ref:
            return False
        before = ctx.text[max(0, c.start - 3) : c.start].rstrip()
        after = ctx.text[c.end : c.end + 2].lstrip()
        return not before or before[-1] in ',.«"\n:;!?' or after.startswith(",")

    def _anaphor(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        offset = int(self.grammar.value("anaphor", g["anaphor"]) or 0) if "anaphor" in g else 0
        part = self.grammar.value("part", g["part"]) if "part" in g else None
        if "unit" in g and normalise_word(g["unit"]) != normalise_word(self.grammar.options.get("day_word", "")):
            part = self.grammar.value("part", g["unit"])
        anchor = f"REF{'+' if offset >= 0 else '-'}P{abs(offset)}D"
        value = cal.day(ctx.ref + dt.timedelta(days=offset)) if ctx.ref else "XXXX-XX-XX"
        if part:
            return "TIME", f"{value}T{part}", anchor, None
        return "DATE", value, anchor, None

    def _partofday(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        part = self.grammar.value("part", g["part"])
        if part is None:
            return None
        # "ce matin" is the DCT's morning; "la soirée", "ce matin-là" the day the text is talking about.
        deictic = "dem" in g and "distal" not in g
        base = ctx.dct if deictic else ctx.ref
        anchor = "DCT" if deictic else "REF"
        value = cal.day(base) if base else "XXXX-XX-XX"
        return "TIME", f"{value}T{part}", anchor, self._mod(g)

    def _relunit(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        unit = self.grammar.value("unit", g["unit"])
        if unit is None:
            return None
        rel = self._rel(g)
        offset = rel if rel is not None else 0
        if unit == "WE" and rel is None and ctx.dct is not None and ctx.dct.weekday() < 5:
            # "ce week-end" in a past clause said on a weekday is the weekend just gone.
            offset = -1 if self._direction(ctx, c.start, c.end) < 0 else 0
        if "distal" in g:  # "ce jour-là", "cette semaine-là": the time the text is talking about
            base = ctx.ref
            value = cal.unit_of(base, unit, 0) if base else None
            return ("DATE", value, "REF", self._mod(g)) if value else None
        if unit == "D" and offset == 0:
            return self._reldays_value(ctx, 0)
        anchor = "DCT" + (f"{'+' if offset > 0 else '-'}P{abs(offset)}{unit}" if offset else unit)
        if ctx.dct is None:
            value = {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX", "D": "XXXX-XX-XX"}.get(
                unit, "XXXX"
            )
        else:
            value = cal.unit_of(ctx.dct, unit, offset) or ""
            if not value:
                return None
        return "DATE", value, anchor, self._mod(g)

    def _reldays_value(self, ctx: _Context, offset: int) -> Normalised:
        value = cal.day(ctx.dct + dt.timedelta(days=offset)) if ctx.dct else "XXXX-XX-XX"
        return "DATE", value, "DCT", None

    def _lastunits(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        unit = self.grammar.value("unit", g["unit"])
        if unit is None:
            return None
        amount = self._number(g["num"]) if "num" in g else self._number(g["num2"]) if "num2" in g else None
        return "DURATION", cal.duration(amount, unit), None, None  # "ces derniers jours": PXD, ending at the DCT

    def _ago(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        unit = self.grammar.value("unit", g["unit"])
        if unit is None:
            return None
        sign = 1 if "future" in g else -1
        if "vaguenum" in g:
            return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", None, None
        amount = self._number(g["num"])
        if amount is None or not float(amount).is_integer():
            return None
        anchor = f"DCT{'+' if sign > 0 else '-'}{cal.duration(amount, unit)}"
        if ctx.dct is None:
            return "DATE", "XXXX-XX-XX", anchor, self._mod(g)
        if unit in ("H", "MIN", "S"):
            return "DATE", cal.day(ctx.dct), anchor, self._mod(g)  # "il y a trois heures": today
        value = cal.shift(ctx.dct, unit, sign * int(amount))
        if value is None:
            return None
        return "DATE", value, anchor, self._mod(g)

    def _duration(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        unit = self.grammar.value("unit", g["unit"])
        if unit is None:
            return None
        amount = self._number(g["num"]) if "num" in g else None
        if "approxnum" in g:  # "une dizaine de jours": about ten
            amount = float(self.grammar.value("approxnum", g["approxnum"]) or 0) or None
            return "DURATION", cal.duration(amount, unit), None, self._mod(g) or "APPROX"
        if "half" in g:  # "une demi-heure": half the unit, in the unit below
            smaller = {"H": (30, "MIN"), "D": (12, "H"), "Y": (6, "M"), "M": (15, "D"), "MIN": (30, "S")}.get(unit)
            return ("DURATION", cal.duration(*smaller), None, None) if smaller else None
        return "DURATION", cal.duration(amount, unit), None, self._mod(g)

    def _clock(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        base = cal.day(ctx.ref) if ctx.ref else "XXXX-XX-XX"
        if "noon" in g:
            part = self.grammar.value("part", g["noon"])
            return ("TIME", f"{base}T{part}", None, None) if part else None
        hour = int(g["hour"])
        minute = int(g.get("minute") or 0)
        meridiem = normalise_word(g.get("meridiem", "")).replace(".", "").replace(" ", "")
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or (hour == 24 and minute):
            return None
        if self.duration_before is not None and self.duration_before.search(ctx.text[max(0, c.start - 20) : c.start]):
            return "DURATION", f"PT{hour}H{minute}M" if minute else f"PT{hour}H", None, None
        return "TIME", f"{base}T{hour:02d}:{minute:02d}", None, self._mod(g)

    def _set(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        amount = self._number(g["num"]) if "num" in g else 1.0
        if "weekday" in g:
            name = normalise_word(g["weekday"])
            weekday = self.grammar.weekdays.get(name)
            if weekday is None:
                return None
            return "SET", f"XXXX-WXX-{weekday + 1}", None, "EVERY"
        if "part" in g:
            part = self.grammar.value("part", g["part"])
            return ("SET", f"XXXX-XX-XXT{part}", None, "EVERY") if part and ":" not in part else None
        unit = self.grammar.value("unit", g["unit"])
        if unit is None:
            return None
        return "SET", cal.duration(amount, unit), None, "EVERY"

    def _setadj(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        value = self.grammar.value("set", c.groups["setadj"])
        return ("SET", value, None, "EVERY") if value else None

    def _season(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        g = c.groups
        code = self.grammar.value("season", g["season"])
        if code is None:
            return None
        rel = self._rel(g)
        if "year" in g:
            return "DATE", f"{int(g['year']):04d}-{code}", None, None
        if "det" not in g and "dem" not in g and rel is None:
            return "DATE", f"XXXX-{code}", None, None  # "en été": any summer
        if ctx.dct is None:
            return "DATE", f"XXXX-{code}", f"DCT{'+' if (rel or 0) > 0 else '-' if (rel or 0) < 0 else ''}", None
        return "DATE", f"{ctx.dct.year + (rel or 0):04d}-{code}", None, None

    def _partadj(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        code = self.grammar.value("partadj", c.groups["partadj"])
        return ("TIME", f"T{code}", None, None) if code else None

    def _vague(self, c: _Candidate, ctx: _Context) -> Normalised | None:
        value = self.grammar.value("vague", c.groups["vague"])
        if not value or ":" not in value:
            return None
        type_, ref = value.split(":", 1)
        return type_, ref, None, None
