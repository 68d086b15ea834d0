"""Build the spaCy pipeline: a blank ``fr`` / ``en`` Language, or a user-named spaCy pipeline, plus sitrep's stages.

One factory function, :func:`build_pipeline`. With a user model (``--model fr_core_news_lg`` or a path), its own
components run first, so sitrep's stages can use its entities, tags and parse where present; sitrep's sentence
splitter is put before its parser, which respects the boundaries it sets.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language

from ..errors import PipelineError
from ..resources import load_resources
from .languages import blank
from .registry import DEFAULT_STAGES, STAGES, register_components


def build_pipeline(lang: str, *, model: str | None = None, stages: Sequence[str] = DEFAULT_STAGES) -> Language:
    """A ready pipeline for ``lang`` running ``stages`` (in sitrep's order)."""
    load_resources(lang)  # fails early, with a clear message, for a language without resources
    register_components()
    if model is None:
        nlp = blank(lang)
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise PipelineError(
                f"E207: cannot load the spaCy pipeline {model!r} ({exc}). Install it (e.g. "
                f"`pip install {model}` from a wheel you have) or give a path to a saved pipeline."
            ) from exc
        if nlp.lang != lang:
            raise PipelineError(
                f"E208: the pipeline {model!r} is for {nlp.lang!r}, but the article is {lang!r}."
            )
    wanted = set(stages) | {"sentences"}
    for stage in STAGES:
        if stage.key not in wanted:
            continue
        if stage.key == "sentences" and nlp.pipe_names:
            before = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
            nlp.add_pipe(stage.factory, name=stage.key, before=before) if before else nlp.add_pipe(
                stage.factory, name=stage.key, first=True
            )
        else:
            nlp.add_pipe(stage.factory, name=stage.key)
    analysis = nlp.analyze_pipes()
    problems = analysis["problems"] if analysis else {}
    missing = {name: attrs for name, attrs in problems.items() if attrs}
    if missing:
        raise PipelineError(f"E209: pipeline stages miss what they require: {missing}.")
    return nlp
