"""Evaluation: readers for the gold formats in ``../shared/data`` and scorers that print P/R/F1.

One module per task (``sitrep.evaluation.time``, ``.ner``, ``.geo``, ``.quotes``, ``.events``), each exposing
``evaluate(path, extractor, *, limit=None) -> EvalResult``. ``sitrep eval TASK PATH`` dispatches here.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..errors import SitrepError
from .scoring import EvalResult

if TYPE_CHECKING:
    from ..api import Extractor

TASKS: dict[str, str] = {
    "time": "time — TimeML .tml files (French TimeBank): TIMEX3 extraction, type and value",
    "ner": "ner — CoNLL / BIO files: exact-span P/R/F1 per PER, ORG, LOC",
    "geo": "geo — LGL / GeoWebNews XML: toponym recognition and GeoNames resolution",
    "quotes": "quotes — PolNeAR BRAT folders, the aads JSON or a .jsonl gold set: quote content, source, speaker",
    "events": "events — PLOVER records (JSON) or a .jsonl claims gold set: event types, arguments, claims",
    "sentences": "sentences — Universal Dependencies CoNLL-U: sentence boundaries and tokens",
}


class _TaskModule(Protocol):
    def evaluate(self, path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult: ...


def evaluate(task: str, path: str | Path, extractor: Extractor | None = None, *, limit: int | None = None
             ) -> EvalResult:  # fmt: skip
    """Run the scorer of ``task`` over the gold data at ``path``."""
    if task not in TASKS:
        raise SitrepError(f"E401: unknown evaluation task {task!r}; the tasks are {', '.join(TASKS)}.")
    target = Path(path)
    if not target.exists():
        raise SitrepError(f"E402: {target} does not exist.")
    try:
        module: _TaskModule = importlib.import_module(f"{__name__}.{task}")
    except ModuleNotFoundError as exc:
        raise SitrepError(f"E403: the {task} evaluation is not available yet ({exc}).") from exc
    if extractor is None:
        from ..api import Extractor

        extractor = Extractor()
    return module.evaluate(target, extractor, limit=limit)


__all__ = ["TASKS", "EvalResult", "evaluate"]
