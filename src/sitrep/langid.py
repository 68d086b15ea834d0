"""Language identification for news text, with no model: script detection and stop-word profiles.

Stop-word lists come from spaCy's language data (``spacy.lang.<xx>.stop_words``) for a set of common news
languages, so that an article in German or Spanish is *named* as such and reported as unsupported rather than
misread as French or English. Scores are the share of a text's word tokens found in each language's list; short
texts (fewer than ``MIN_WORDS`` words) fall back to the best score with a lower bar. Cannot separate languages
that share most function words (e.g. Bokmål and Danish); it does not need to.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Languages whose stop-word profiles are compared. More than sitrep supports, on purpose (see module doc).
PROFILE_LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "nl", "pl", "tr", "ro", "sv", "id")
NAMES = {
    "fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "ro": "Romanian", "sv": "Swedish", "id": "Indonesian",
    "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "he": "Hebrew", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "el": "Greek", "fa": "Persian", "hi": "Hindi", "und": "undetermined",
}  # fmt: skip
MIN_WORDS = 8
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
)
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")


@dataclass(frozen=True, slots=True)
class Guess:
    """The most likely language of a text and how sure the guess is (share of words explained)."""

    lang: str
    score: float

    @property
    def name(self) -> str:
        return NAMES.get(self.lang, self.lang)


@functools.cache
def _profile(lang: str) -> frozenset[str]:
    from .pipeline.languages import stop_words

    return frozenset(w.lower() for w in stop_words(lang))


def identify(text: str, *, sample_chars: int = 4000) -> Guess:
    """Guess the language of ``text`` (its first ``sample_chars`` characters)."""
    sample = text[:sample_chars]
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if not words:
        return Guess("und", 0.0)
    letters = sum(len(w) for w in words)
    for lang, pattern in _SCRIPTS:
        if letters and len(pattern.findall(sample)) / letters > 0.3:
            if lang == "ru" and _UKRAINIAN.search(sample):
                return Guess("uk", 1.0)
            return Guess(lang, 1.0)
    best = Guess("und", 0.0)
    for lang in PROFILE_LANGUAGES:
        profile = _profile(lang)
        # French elisions ("l'armée", "qu'il") count through their clitic.
        hits = sum(1 for w in words if w in profile or w.split("'", 1)[0] + "'" in profile)
        score = hits / len(words)
        if score > best.score:
            best = Guess(lang, score)
    bar = 0.15 if len(words) >= MIN_WORDS else 0.05
    return best if best.score >= bar else Guess("und", best.score)
