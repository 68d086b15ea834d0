"""The pipeline's components, registered with spaCy when a pipeline is built (never at import time).

Each stage is a spaCy component factory under a versioned name (``sitrep_quotes_v1``; spaCy forbids dots in
factory names), declaring what it requires and assigns so that :func:`spacy.Language.analyze_pipes` can check a
pipeline when it is built. The stage's code lives in its own module and is imported only when a pipeline uses it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from spacy.language import Language

from .attrs import register_extensions
from .stages import DEFAULT_STAGES, STAGES, Stage

__all__ = ["DEFAULT_STAGES", "STAGES", "Stage", "make_sentences", "register_components"]




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
