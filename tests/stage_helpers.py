"""Helpers the per-language stage tests share: each runs one stage and returns its records as plain tuples."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.language import Language

from sitrep import extract
from sitrep.config import Options
from sitrep.pipeline.build import build_pipeline

DCT = "2023-05-16"  # a Tuesday: the publication date of the time-expression cases
TIMES_ONLY = Options(stages=("times",))
Q = tuple[str, Any, str | None, bool, str | None]  # span text, value, unit, approximate, bound
QuoteRow = tuple[str, str, str | None, str | None, str | None]  # kind, content, speaker, speaker name, cue


@cache
def stage_pipeline(lang: str, stage: str) -> Language:
    """A pipeline of ``lang`` running ``stage`` (and the sentence splitter), built once per test session."""
    return build_pipeline(lang, stages=(stage,))


def times_found(text: str, lang: str, published: str | None = DCT) -> list[tuple[str, str, str]]:
    """(text, TIMEX3 type, value) of every time expression, offsets checked."""
    report = extract(text, lang=lang, published=published, options=TIMES_ONLY)
    for t in report.times:
        assert report.text[t.start : t.end] == t.text
    return [(t.text, t.type, t.value) for t in report.times]


def one_time(text: str, lang: str, published: str | None = DCT) -> tuple[str, str, str]:
    """The single time expression of ``text``."""
    found = times_found(text, lang, published)
    assert len(found) == 1, found
    return found[0]


def quantities_found(nlp: Language, text: str) -> list[Q]:
    """(text, value, unit, approximate, bound) of every quantity, offsets checked."""
    doc = nlp(text)
    out = []
    for span in doc.spans["quantities"]:
        assert text[span.start_char : span.end_char] == span.text
        q = span._.quantity
        out.append((span.text, q.value, q.unit, q.approximate, q.bound))
    return out


def quotes_found(text: str, lang: str) -> list[QuoteRow]:
    """(kind, content, speaker, speaker name, cue) of every quote, in text order."""
    doc = stage_pipeline(lang, "quotes")(text)
    out: list[QuoteRow] = []
    for span in doc.spans["quotes"]:
        q = span._.quote
        out.append((
            q.kind,
            span.text,
            q.speaker.text if q.speaker is not None else None,
            q.speaker_name.text if q.speaker_name is not None else None,
            q.cue.text if q.cue is not None else None,
        ))
    return out
