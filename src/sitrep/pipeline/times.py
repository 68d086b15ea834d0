"""The times stage (``sitrep_times_v1``): writes ``doc.spans["times"]`` with a :class:`TimexAttrs` on each span.

Runs the language's :class:`~sitrep.pipeline.timex.TimeTagger` over the document text, anchored on the DCT
(``doc_info(doc).published``; None gives underspecified values), and turns each expression into a span aligned
on the tokens. The grammar is compiled once, when the component is made. Reads nothing from other stages.
Cannot do: see :mod:`sitrep.pipeline.timex.tagger`; the TIMEX3 ``mod`` (START, APPROX, ...) is computed but
TimexAttrs has no field for it yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import PipelineError
from .attrs import TIMES, TimexAttrs, doc_info
from .timex import TimeTagger, tagger_for


class TimesStage:
    def __init__(self, tagger: TimeTagger) -> None:
        self.tagger = tagger

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        last_end = -1
        published = doc_info(doc).published
        for timex in self.tagger.tag(doc.text, published):
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None or span.start < last_end:
                continue  # two expressions inside one token ("14h-16h"): keep the first
            # The report keeps an anchor only where the value could not be anchored (no DCT).
            span._.timex = TimexAttrs(
                timex.type, timex.value, timex.anchor if published is None else None, timex.mod
            )
            spans.append(span)
            last_end = span.end
        doc.spans[TIMES] = spans
        return doc


def make(nlp: Language, name: str) -> TimesStage:
    if not nlp.lang:
        raise PipelineError("E247: the times stage needs a pipeline with a language (nlp.lang is empty).")
    return TimesStage(tagger_for(nlp.lang))
