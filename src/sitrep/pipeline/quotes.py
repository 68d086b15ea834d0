"""The quotes stage (``sitrep_quotes_v1``): writes ``doc.spans["quotes"]``.

Placeholder until its own issue lands: it declares its output group, empty, so that the pipeline, the report
and the store are complete end to end. It finds nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .attrs import QUOTES


class QuotesStage:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[QUOTES] = []
        return doc


def make(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage()
