"""The events stage (``sitrep_events_v1``): writes ``doc.spans["events"]``.

Placeholder until its own issue lands: it declares its output group, empty, so that the pipeline, the report
and the store are complete end to end. It finds nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .attrs import EVENTS


class EventsStage:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[EVENTS] = []
        return doc


def make(nlp: Language, name: str) -> EventsStage:
    return EventsStage()
