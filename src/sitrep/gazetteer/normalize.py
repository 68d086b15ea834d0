"""Name keys: how a toponym is normalised before it is looked up in the gazetteer.

A key is the name casefolded, without accents, with typographic apostrophes made straight, hyphens and
whitespace runs made one space and full stops dropped ("Saint-Pétersbourg" and "saint petersbourg" share the key
``saint petersbourg``; "St. Louis" and "St Louis" share ``st louis``). Scripts other than Latin are kept as they
are (casefolded); the gazetteer only indexes Latin-script names, since sitrep reads French and English.
A full stop is dropped inside a name ("St. Louis" = "St Louis") but kept at its end and between letters, so that
abbreviations stay apart from words ("Ga." is Georgia, "Ga" is not; "D.C." is not "DC").
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"[\s\-‐‑‒–—]+")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’‘ .\-()]+$")
_SPECIAL = {"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t", "ß": "ss", "þ": "th",
            "ð": "d", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'"}  # fmt: skip
_INNER_STOP = re.compile(r"(?<=\w)\.(?=\s)")  # "St. Louis" -> "St Louis"; "D.C." and "Ga." keep their stops


@functools.cache
def _table() -> dict[int, str]:
    """A translation table from accented Latin letters to their base letters (built once, immutable use)."""
    table: dict[int, str] = {ord(k): v for k, v in _SPECIAL.items()}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code).lower()
        if len(char) != 1 or ord(char) in table:
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base != char and base.isascii():
            table[ord(char)] = base
    for mark in range(0x300, 0x370):  # combining marks left by decomposed input
        table[mark] = ""
    return table


def name_key(text: str) -> str:
    """The lookup key of a name: casefolded, accents removed, hyphens and spaces made single spaces."""
    key = _INNER_STOP.sub("", text.lower().translate(_table()))
    return _SPACES.sub(" ", key).strip(" '")


def is_latin_name(text: str) -> bool:
    """Whether a name is written in Latin script (letters, spaces, apostrophes, hyphens, full stops)."""
    return bool(_LATIN.match(text))
