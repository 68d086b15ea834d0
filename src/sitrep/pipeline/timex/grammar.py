"""The time grammar of one language, compiled once from its resource files.

Reads ``resources/<lang>/time_lexicon.tsv`` (the project's own time words: relative days, parts of day, units,
modifiers, vague references), ``time_patterns.tsv`` (one regular expression per expression family, with
``%KIND%`` placeholders) and ``time_tense.tsv`` (tense cues), and takes month and weekday names from CLDR through
babel. Nothing here knows a language: a new language is a new resource folder.

Cannot do: patterns are regular expressions over the raw text, so a construction that needs syntax (a weekday
governed by a verb three clauses away) is out of reach; the tense cues only approximate the clause's tense.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Literal

from babel.dates import get_day_names, get_month_names

from ...errors import ResourceError
from ...resources import Resources

# Kinds of time_lexicon.tsv whose words become %KIND% placeholders in the patterns.
LEXICON_KINDS = (
    "reldays", "anaphor", "part", "unit", "rel", "season", "position", "approx", "vague", "set",
    "demonstr", "det", "quant", "vaguenum", "approxnum", "one", "partadj", "option",
)  # fmt: skip
APOSTROPHES = "'’"


@functools.lru_cache(maxsize=4096)
def normalise_word(text: str) -> str:
    """The lookup key of a matched word: lower case, straight apostrophe, single spaces, no final stop.

    Cached (a pure function of its argument, bounded): the same few hundred words recur in every article."""
    return " ".join(text.lower().replace("’", "'").split()).rstrip(".")


def _alternation(words: list[str]) -> str:
    """A regex matching any of ``words``, built as a trie (Python's ``re`` tries plain alternatives one by one,
    a trie lets it reject a position on its first character); apostrophes match ' and ’, a space any space run."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):
        node = trie
        for ch in word.replace("’", "'"):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!x)x"


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = "['’]" if ch == "'" else r"\s+" if ch == " " else re.escape(ch)
        branches.append(atom + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # Longest first: the engine tries the longer branches, then the shorter word that ends here.
        return "(?:" + body + ")?" if len(branches) == 1 and len(body) > 1 else body + "?"
    return body


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    triggers: frozenset[str]  # word classes ("unit") or words ("=même") of which one must occur near a match
    ends_at_trigger: bool  # the trigger is the match's last word: no need to look far past it


TRIGGER_CLASSES = frozenset({"month", "weekday", "year", "numsep", "clock", *LEXICON_KINDS}) - {"option"}


@dataclass(frozen=True)
class Grammar:
    """Everything the tagger needs for one language, compiled."""

    lang: str
    months: dict[str, int]  # normalised month name or abbreviation -> 1..12
    weekdays: dict[str, int]  # normalised weekday name (singular and plural) -> 0 (Monday) .. 6
    lexicon: dict[str, dict[str, str]]  # kind -> normalised word -> value
    patterns: tuple[Pattern, ...]
    tense_cues: re.Pattern[str]  # groups named past / future
    trigger_regex: re.Pattern[str]  # digit runs and the words that trigger patterns
    trigger_classes: dict[str, frozenset[str]]  # lower-case trigger word -> classes
    stop_words: frozenset[str]
    options: dict[str, str] = field(default_factory=dict)

    def value(self, kind: str, word: str) -> str | None:
        return self.lexicon.get(kind, {}).get(normalise_word(word))


def _babel_names(lang: str) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    wide_months = {normalise_word(n): m for m, n in get_month_names("wide", locale=lang).items()}
    abbr_months = {normalise_word(n): m for m, n in get_month_names("abbreviated", locale=lang).items()}
    contexts: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")
    for context in contexts:
        wide_months.update({normalise_word(n): m for m, n in get_month_names("wide", context, lang).items()})
    days: dict[str, int] = {}
    for context in contexts:
        days.update({normalise_word(n): d for d, n in get_day_names("wide", context, lang).items()})
    return wide_months, abbr_months, days


def load_grammar(resources: Resources) -> Grammar:
    """Read and compile the time grammar of ``resources.lang``; raises ResourceError on a malformed file."""
    lang = resources.lang
    lexicon: dict[str, dict[str, str]] = {kind: {} for kind in LEXICON_KINDS}
    for row in resources.table("time_lexicon.tsv", required=("word", "kind", "value")).records():
        if row["kind"] not in lexicon:
            raise ResourceError(
                f"E240: {lang}/time_lexicon.tsv: unknown kind {row['kind']!r} for {row['word']!r}; "
                f"the kinds are {', '.join(LEXICON_KINDS)}."
            )
        lexicon[row["kind"]][normalise_word(row["word"])] = row["value"]
    options = dict(lexicon.pop("option"))
    wide, abbr, days = _babel_names(lang)
    extra_months = {normalise_word(k[len("month:") :]): int(v) for k, v in options.items() if k.startswith("month:")}
    months = {**abbr, **wide, **extra_months}
    plural = options.get("weekday_plural", "s")
    weekdays = {**days, **{name + plural: d for name, d in days.items()}}
    case_names = options.get("case_sensitive_names", "no") == "yes"

    def names(words: list[str]) -> str:
        alternation = _alternation(words)
        if not case_names:
            return alternation
        # Capitalised or upper-case only: "May" the month, never "may" the verb.
        variants = [w[:1].upper() + w[1:] for w in words] + [w.upper() for w in words]
        return "(?-i:" + _alternation(variants) + ")"

    # Abbreviations ("janv.", "Sept.") only where they differ from the full name; the stop is part of them.
    abbr_forms = [f for w in abbr if w not in wide for f in (w, w + ".")]
    abbr_forms += [k for k, v in extra_months.items()] + [k + "." for k in extra_months]
    placeholders = {
        "MONTH": names(list(wide)),
        "MONTHABBR": names(list(wide) + abbr_forms),
        "WEEKDAY": names(list(days)),
        # Digits, or one (hyphenated) word that text2num reads as a number: checked when matched.
        "NUM": "(?:" + options.get("number_pattern", r"\d+(?:[.,]\d+)?") + ")",
        **{kind.upper(): _alternation(list(words)) for kind, words in lexicon.items()},
    }
    patterns: list[Pattern] = []
    table = resources.table("time_patterns.tsv", required=("name", "kind", "triggers", "pattern"))
    for row in table.records():
        source = row["pattern"]
        for key in re.findall(r"%([A-Z]+)%", source):
            if key not in placeholders:
                raise ResourceError(f"E241: {lang}/time_patterns.tsv: pattern {row['name']}: unknown %{key}%.")
            source = source.replace(f"%{key}%", placeholders[key])
        try:
            regex = re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise ResourceError(
                f"E242: {lang}/time_patterns.tsv: pattern {row['name']} does not compile: {exc}"
            ) from exc
        declared = row["triggers"].split()
        ends_at_trigger = bool(declared) and all(t.endswith("<") for t in declared)
        triggers = frozenset(t.rstrip("<") for t in declared)
        if not triggers or not all(t in TRIGGER_CLASSES or t.startswith("=") for t in triggers):
            raise ResourceError(
                f"E246: {lang}/time_patterns.tsv: pattern {row['name']}: triggers {sorted(triggers)} must be among "
                f"{', '.join(sorted(TRIGGER_CLASSES))}."
            )
        patterns.append(Pattern(row["name"], row["kind"], regex, triggers, ends_at_trigger))
    cues: dict[str, list[str]] = {"future": [], "past": []}  # future first: "scheduled" is no past tense
    for row in resources.table("time_tense.tsv", required=("cue", "tense")).records():
        if row["tense"] not in cues:
            raise ResourceError(f"E243: {lang}/time_tense.tsv: tense must be past or future, not {row['tense']!r}.")
        cues[row["tense"]].append(row["cue"])
    # The word-start assertion comes first so that the engine leaves a position inside a word at once.
    tense_source = (
        "(?<!\\w)(?:"
        + "|".join(f"(?P<{tense}>(?:{'|'.join(items)}))" for tense, items in cues.items() if items)
        + ")(?!\\w)"
    )
    try:
        tense_cues = re.compile(tense_source or "(?!x)x", re.IGNORECASE)
    except re.error as exc:
        raise ResourceError(f"E244: {lang}/time_tense.tsv does not compile: {exc}") from exc
    used = frozenset(kind for pattern in patterns for kind in pattern.triggers)
    trigger_regex, trigger_classes = _triggers(lexicon, months, weekdays, options, used)
    from ..lexical import stop_words as spacy_stop_words

    stop_words = spacy_stop_words(lang)
    return Grammar(
        lang=lang,
        months=months,
        weekdays=weekdays,
        lexicon=lexicon,
        patterns=tuple(patterns),
        tense_cues=tense_cues,
        stop_words=stop_words,
        trigger_regex=trigger_regex,
        trigger_classes=trigger_classes,
        options=options,
    )


def _triggers(lexicon: dict[str, dict[str, str]], months: dict[str, int], weekdays: dict[str, int],
              options: dict[str, str], used: frozenset[str]
              ) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:  # fmt: skip
    """One pass finds where patterns may match: digit runs and, for each lexicon entry of a kind that triggers
    a pattern (``used``), its longest word."""
    classes: dict[str, set[str]] = {}

    def add(entry: str, kind: str) -> None:
        words = re.findall(r"[^\W\d_]+", entry)
        if words and kind in used:
            classes.setdefault(max(words, key=len).lower(), set()).add(kind)

    for name in months:
        add(name, "month")
    for name in weekdays:
        add(name, "weekday")
    for kind, words in lexicon.items():
        for word in words:
            add(word, kind)
    for word in options.get("clock_words", "").split("|"):
        if word:
            add(word, "clock")
    for kind in used:
        if kind.startswith("="):
            add(kind[1:], kind)  # a pattern triggered by one word
    # Matched against the lower-cased text: case-insensitive matching costs the engine more than lower().
    regex = re.compile(r"\d+(?:[:/.\-]\d+)*|(?<![^\W\d_])" + _alternation(list(classes)) + r"(?![^\W\d_])")
    return regex, {word: frozenset(kinds) for word, kinds in classes.items()}
