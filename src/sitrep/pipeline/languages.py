"""Blank spaCy languages, built fast.

``import spacy.lang.fr`` takes about 1.8 s, more than all the rest of sitrep's start-up: Python's ``re`` compiles
the French ``token_match``, a 1.45 MB pattern of ~270 alternatives that each repeat one of a few huge letter
classes. For such languages (:data:`CACHED`) the first build stores the tokenizer's settings in sitrep's cache
with that pattern *factored* — alternatives that end in the same class tail are merged, ``(?:^a T$)|(?:^b T$)``
becoming ``^(?:a|b)T$``, and the atoms that all the merged ones start or end with leave the group, so that
``(?:^(?:C+-les|C+-la)T$)`` becomes ``^C+-(?:les|la)T$`` (each huge class compiled once), the same strings matched —
and the stop words; later builds make a plain
``Language`` with ``lang="fr"`` from them in a few hundredths of a second. It tokenizes as spaCy's French does
(same prefixes, suffixes, infixes, exceptions; an equivalent token_match); it lacks spaCy's French ``like_num``
word list (stages parse numbers with :mod:`text_to_num`, not ``token.like_num``).
"""

from __future__ import annotations

import json
import re

import spacy
import srsly
from spacy.lang.lex_attrs import LEX_ATTRS
from spacy.language import Language

from .. import cache

CACHED = frozenset({"fr"})
DERIVATION = 2  # how the cached settings are derived from spaCy's (bump it when that changes)
# The language defaults that only spaCy's tokenizer factory reads: the cached language makes its first tokenizer
# without them (compiling them costs time), and loads the real ones from the cache at once.
_TOKENIZER_DEFAULTS = ("prefixes", "suffixes", "infixes", "token_match", "url_match")


def cache_key(lang: str) -> str:
    """What the tokenizer of :func:`blank` depends on (spaCy's version and how sitrep derives its settings), for
    the keys of data derived from its tokens."""
    return f"spacy-{spacy.about.__version__}-d{DERIVATION}/{lang}"


def blank(lang: str) -> Language:
    """A blank pipeline for ``lang``: from the cache where that is faster, else ``spacy.blank``."""
    if lang not in CACHED:
        return spacy.blank(lang)
    tokenizer = cache.read_bytes(f"{cache_key(lang)}.tokenizer")
    meta = cache.read_bytes(f"{cache_key(lang)}.json")
    if tokenizer is not None and meta is not None:
        try:
            return _from_cache(lang, tokenizer, json.loads(meta))
        except (ValueError, KeyError):
            pass  # a stale or damaged entry: rebuild it below
    nlp = spacy.blank(lang)
    settings = srsly.msgpack_loads(nlp.tokenizer.to_bytes())  # type: ignore[union-attr]
    if settings.get("token_match"):
        settings["token_match"] = factor_alternatives(settings["token_match"])
    cache.write_bytes(f"{cache_key(lang)}.tokenizer", srsly.msgpack_dumps(settings))
    stop_words = sorted(nlp.Defaults.stop_words)
    cache.write_bytes(f"{cache_key(lang)}.json", json.dumps({"stop_words": stop_words}).encode("utf-8"))
    return nlp


def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang``, kept in sitrep's cache: importing ``spacy.lang.<xx>`` runs that language's
    package (tokenizer data and all), which language identification would otherwise do for a dozen languages."""
    words: list[str] = cache.memoized(f"stop-words-{lang}", cache_key(lang), lambda: sorted(_read_stop_words(lang)))
    return frozenset(words)


def _read_stop_words(lang: str) -> frozenset[str]:
    if lang in CACHED:
        meta = cache.read_bytes(f"{cache_key(lang)}.json")
        if meta is None:
            blank(lang)
            meta = cache.read_bytes(f"{cache_key(lang)}.json")
        if meta is not None:
            return frozenset(json.loads(meta)["stop_words"])
    import importlib

    module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    return frozenset(module.STOP_WORDS)


def _from_cache(lang: str, tokenizer: bytes, meta: dict[str, list[str]]) -> Language:
    settings: dict[str, object] = {name: None for name in _TOKENIZER_DEFAULTS}
    settings.update(tokenizer_exceptions={}, stop_words=set(meta["stop_words"]), lex_attr_getters=dict(LEX_ATTRS))
    defaults = type(f"Cached{lang.title()}Defaults", (Language.Defaults,), settings)
    cls = type(f"Cached{lang.title()}", (Language,), {"lang": lang, "Defaults": defaults})
    nlp: Language = cls()
    nlp.tokenizer.from_bytes(tokenizer)  # type: ignore[union-attr]
    return nlp


_BIG_CLASS = r"\[(?:[^\[\]\\]|\\.){200,}\]"
_TAIL = re.compile(rf"(?:{_BIG_CLASS}[+*?]?)+$")


def _top_level(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (escapes, classes and groups respected)."""
    parts, depth, start, in_class, i = [], 0, 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def factor_alternatives(pattern: str) -> str:
    """An equivalent pattern where alternatives ``(?:^LIT TAIL$)`` sharing a TAIL of big classes are merged.

    Alternatives of any other shape are kept as they are. LIT parts must be alternation-free and balanced, which
    :func:`_top_level` checks by splitting them; otherwise the alternative is kept too.
    """
    flags = re.match(r"^\(\?[a-zA-Z]+\)", pattern)
    head = flags.group(0) if flags else ""
    groups: dict[str, list[str]] = {}
    kept: list[str] = []
    for alternative in _top_level(pattern[len(head) :]):
        inner = alternative[3:-1] if alternative.startswith("(?:") and alternative.endswith(")") else None
        tail = _TAIL.search(inner[:-1]) if inner and inner.startswith("^") and inner.endswith("$") else None
        literal = inner[1 : tail.start()] if inner and tail else None
        if tail is None or literal is None or len(_top_level(literal)) != 1 or literal.count("(") != literal.count(")"):
            kept.append(alternative)
            continue
        groups.setdefault(tail.group(0), []).append(literal)
    merged = [f"(?:^{_factor_ends(literals)}{tail}$)" for tail, literals in groups.items()]
    return head + "|".join(merged + kept)


_ATOM = re.compile(r"\\.|\[(?:[^\]\\]|\\.)*\]|[^\\\[()]")  # an escape, a class or one plain character
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d+(?:,\d*)?\}|\{,\d+\})\??")


def _atoms(literal: str) -> list[str] | None:
    """``literal`` cut into its atoms, each with its quantifier (``[ab]+``, ``(?:l['’])?``, ``x``); None when it
    holds a capturing group or cannot be cut."""
    atoms: list[str] = []
    i = 0
    while i < len(literal):
        end = _group_end(literal, i) if literal[i] == "(" else None
        if end is None:
            found = _ATOM.match(literal, i)
            if found is None:
                return None
            end = found.end()
        quantifier = _QUANTIFIER.match(literal, end)
        if quantifier is not None:
            end = quantifier.end()
        atoms.append(literal[i:end])
        i = end
    return atoms


def _group_end(literal: str, i: int) -> int | None:
    """Where the non-capturing group opened at ``literal[i]`` closes (None for another group or none closed)."""
    if not literal.startswith("(?:", i):
        return None  # a capturing group or a lookaround: the pattern's groups must stay as they are
    depth, k = 1, i + 3
    while depth and k < len(literal):
        if literal[k] in "()":
            if literal[k] == "(" and not literal.startswith("(?:", k):
                return None
            depth += 1 if literal[k] == "(" else -1
            k += 1
            continue
        found = _ATOM.match(literal, k)
        if found is None:
            return None
        k = found.end()
    return k if depth == 0 else None


def _factor_ends(literals: list[str]) -> str:
    """``(?:L1|L2|...)`` with the atoms that all the alternatives start or end with taken out of the group:
    ``(?:[A]+-les|[A]+-la)`` becomes ``[A]+-(?:les|la)``, the same strings, each big class compiled once."""
    group = f"(?:{'|'.join(literals)})"
    cut = [_atoms(literal) for literal in literals]
    if len(literals) < 2 or any(
        atoms is None or "".join(atoms) != literal for atoms, literal in zip(cut, literals, strict=True)
    ):
        return group
    parts = [atoms for atoms in cut if atoms is not None]
    shortest = min(len(atoms) for atoms in parts)
    head = 0
    while head < shortest and all(atoms[head] == parts[0][head] for atoms in parts):
        head += 1
    tail = 0
    while tail < shortest - head and all(atoms[-1 - tail] == parts[0][-1 - tail] for atoms in parts):
        tail += 1
    if not head and not tail:
        return group
    middles = ["".join(atoms[head : len(atoms) - tail]) for atoms in parts]
    return "".join(parts[0][:head]) + f"(?:{'|'.join(middles)})" + "".join(parts[0][len(parts[0]) - tail :])
