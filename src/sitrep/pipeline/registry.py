"""The pipeline's components, registered with spaCy when a pipeline is built (never at import time).

Each stage is a spaCy component factory under a versioned name (``sitrep_quotes_v1``; spaCy forbids dots in
factory names), declaring what it requires and assigns so that :func:`spacy.Language.analyze_pipes` can check a
pipeline when it is built. The stage's code lives in its own module and is imported only when a pipeline uses it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from .attrs import register_extensions


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage of the default pipeline: its factory name, module, and declared inputs and outputs."""

    key: str  # short name used on the command line ("times")
    factory: str  # spaCy factory name
    module: str  # sitrep.pipeline.<module> holds make(nlp, name)
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("sentences", "sitrep_sentences_v1", "sentences", (), ("token.is_sent_start",)),
    Stage("times", "sitrep_times_v1", "times", ("token.is_sent_start",), ("doc.spans", "span._.timex")),
    Stage("quantities", "sitrep_quantities_v1", "quantities", ("token.is_sent_start",),
          ("doc.spans", "span._.quantity")),
    Stage("places", "sitrep_places_v1", "places", ("token.is_sent_start",), ("doc.spans", "span._.place")),
    Stage("entities", "sitrep_entities_v1", "entities", ("token.is_sent_start",), ("doc.spans", "doc._.sitrep")),
    Stage("quotes", "sitrep_quotes_v1", "quotes", ("token.is_sent_start",),
          ("doc.spans", "span._.quote")),
    Stage("events", "sitrep_events_v1", "events", ("token.is_sent_start",),
          ("doc.spans", "span._.event")),
)  # fmt: skip
DEFAULT_STAGES: tuple[str, ...] = tuple(s.key for s in STAGES)


def _lazy_factory(stage: Stage) -> Callable[[Language, str], Any]:
    def make(nlp: Language, name: str) -> Any:
        module = importlib.import_module(f"{__package__}.{stage.module}")
        return module.make(nlp, name)

    make.__name__ = f"make_{stage.key}"
    make.__doc__ = f"Build the {stage.key} stage ({stage.factory})."
    return make


def register_components() -> None:
    """Register sitrep's component factories and extension attributes with spaCy (idempotent)."""
    register_extensions()
    for stage in STAGES:
        if not Language.has_factory(stage.factory):
            Language.factory(
                stage.factory,
                func=_lazy_factory(stage),
                requires=list(stage.requires),
                assigns=list(stage.assigns),
            )


def make_sentences(nlp: Language, name: str) -> Any:
    """Entry point for spaCy's ``spacy_factories`` group, so saved pipelines that name sitrep load."""
    register_components()
    from .sentences import make

    return make(nlp, name)
