"""Batch extraction at scale on Dask: a local cluster on one machine, any Dask cluster beyond.

``sitrep batch`` and :func:`run_batch` cut the input into numbered partitions, extract them in parallel, write one
gzipped JSONL report file per partition (atomically, so a crashed run resumes where it stopped) and optionally load
the reports into a store. Needs the ``scale`` extra (``pip install "sitrep[scale]"``: Dask and distributed).
"""

from __future__ import annotations

from typing import Any

__all__ = ["BatchSummary", "PartitionResult", "finished_reports", "load_into_store", "run_batch"]


def __getattr__(name: str) -> Any:
    """Import the runner (and Dask) only when it is used."""
    if name in __all__:
        from . import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
