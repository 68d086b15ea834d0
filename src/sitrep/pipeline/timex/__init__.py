"""Time expressions: grammar (per-language data compiled once), calendar arithmetic and the tagger.

:func:`tagger_for` builds the :class:`TimeTagger` of a language from its resource folder; the pipeline stage
(``sitrep.pipeline.times``), the evaluation and the benchmark all use it. See ``tagger.py`` for what it cannot do.
"""

from __future__ import annotations

from ...resources import load_resources
from .grammar import Grammar, load_grammar
from .tagger import TimeTagger, Timex


def tagger_for(lang: str) -> TimeTagger:
    """A new tagger for ``lang`` (compiles its grammar: call once and keep it)."""
    return TimeTagger(load_grammar(load_resources(lang)))


__all__ = ["Grammar", "TimeTagger", "Timex", "load_grammar", "tagger_for"]
