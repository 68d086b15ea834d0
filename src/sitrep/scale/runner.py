"""Batch extraction on a Dask cluster: partitions of the input extracted in parallel, written as they finish.

:func:`run_batch` reads the inputs on the client, cuts them into partitions (:mod:`sitrep.scale.partitions`) and
submits each unfinished one to the cluster, keeping only a few partitions per worker in flight so that memory stays
flat however large the input. Each worker process builds its extractor once (:class:`ExtractorPlugin`) and reuses it
for every partition it runs. With no client given, a ``LocalCluster`` of worker processes (one thread each) is
started on this machine; any other Dask cluster (Kubernetes, SLURM via dask-jobqueue) is used by passing its
client, or its scheduler address to ``sitrep batch --scheduler``. :func:`load_into_store` then bulk-loads the
finished partitions into a store (idempotent, as ``sitrep ingest``).

Cannot do: resume a batch read from standard input (it cannot be read twice); the client reads every input record,
including those of finished partitions, to know where each partition starts.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from distributed.diagnostics.plugin import WorkerPlugin

from ..config import Options
from ..errors import SitrepError
from ..ingest import ReadOptions, read_inputs
from ..report import ERROR_SCHEMA, Report, error_record
from .partitions import (
    InputProblem,
    Partition,
    Record,
    check_manifest,
    finished_files,
    is_done,
    partitions,
    read_lines,
    report_path,
    write_lines,
)

if TYPE_CHECKING:
    from distributed import Client, Future

    from ..api import Extractor
    from ..store import AddResult

PLUGIN_NAME = "sitrep-extractor"
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one partition gave: how many records, how many of them failed, and the worker's seconds."""

    index: int
    records: int
    failures: int
    seconds: float


@dataclass(slots=True)
class BatchSummary:
    """A batch run: partitions extracted now and found already done, records read, failures, wall time."""

    partitions_run: int = 0
    partitions_skipped: int = 0
    records: int = 0  # read, including those of partitions already done
    extracted: int = 0  # extracted by this run
    failures: int = 0
    seconds: float = 0.0

    def add(self, result: PartitionResult) -> None:
        self.partitions_run += 1
        self.records += result.records
        self.extracted += result.records
        self.failures += result.failures


class ExtractorPlugin(WorkerPlugin):
    """Holds one extractor per worker process, built on the worker's first partition and reused after.

    A worker may run several tasks at once on its threads; one lock keeps extractions one at a time, since a spaCy
    pipeline is not shared between threads (the GIL would serialise them anyway).
    """

    name = PLUGIN_NAME

    def __init__(self, options: Options) -> None:
        self.options = options
        self._extractor: Extractor | None = None
        self._lock: threading.Lock | None = None

    def setup(self, worker: Any) -> None:
        self._lock = threading.Lock()

    def lines(self, records: Iterable[Record], *, published: str | None, lang: str | None) -> tuple[list[str], int]:
        """The output lines of ``records`` (a report or an error line each, in order) and the number of errors."""
        from ..api import Extractor, Failure

        if self._lock is None:
            raise SitrepError("E507: the sitrep plugin was not set up on this worker (register it with the client).")
        out: list[str] = []
        failures = 0
        with self._lock:
            if self._extractor is None:
                self._extractor = Extractor(self.options)
            for record in records:
                if isinstance(record, InputProblem):
                    failures += 1
                    out.append(_json(error_record(None, record.source, record.message())))
                    continue
                article = record.with_overrides(published=published, language=lang)
                (result,) = self._extractor.extract_many([article])
                if isinstance(result, Failure):
                    failures += 1
                    out.append(_json(error_record(article.id, article.origin, str(result.error))))
                else:
                    out.append(result.to_json())
        return out, failures


def _json(record: dict[str, object]) -> str:
    import json

    return json.dumps(record, ensure_ascii=False)


def extract_partition(partition: Partition, out: str, published: str | None, lang: str | None) -> PartitionResult:
    """The task each worker runs: extract one partition and write its report file atomically."""
    from distributed import get_worker

    started = time.perf_counter()
    plugin = cast(ExtractorPlugin, get_worker().plugins[PLUGIN_NAME])
    lines, failures = plugin.lines(partition.records, published=published, lang=lang)
    write_lines(report_path(Path(out), partition.index), lines)
    return PartitionResult(partition.index, len(partition.records), failures, time.perf_counter() - started)


def _plan(paths: Iterable[str | Path], options: Options, read: ReadOptions, size: int, published: str | None,
          lang: str | None) -> dict[str, Any]:  # fmt: skip
    inputs = [str(p) if str(p) == "-" else str(Path(p).resolve()) for p in paths]
    return {
        "inputs": inputs,
        "partition_size": size,
        "options": dataclasses.asdict(options),
        "read": {"fields": dict(read.fields), "max_bytes": read.max_bytes},
        "published": published,
        "lang": lang,
    }


def _connect(scheduler: str | None, workers: int | None) -> Client:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="30s")
        except OSError as exc:
            raise SitrepError(f"E506: cannot reach the Dask scheduler at {scheduler}: {exc}") from exc

    count = workers or os.cpu_count() or 1
    cluster = LocalCluster(
        n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    )
    try:
        return Client(cluster)
    except Exception:
        cluster.close()
        raise


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    options: Options | None = None,
    read: ReadOptions | None = None,
    partition_size: int = 500,
    published: str | None = None,
    lang: str | None = None,
    client: Client | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    on_partition: Callable[[PartitionResult], None] | None = None,
) -> BatchSummary:
    """Extract every input record into ``out/reports/part-*.jsonl.gz``, skipping partitions already finished.

    ``client``: a connected Dask client; else ``scheduler``, the address of a running Dask scheduler; else a local
    cluster of ``workers`` processes (default: one per core), started here and closed at the end.
    ``on_partition`` is called with each partition's result as it finishes.
    """
    from distributed import as_completed

    paths = list(paths)
    options = options or Options()
    read = read or ReadOptions()
    folder = Path(out)
    check_manifest(folder, _plan(paths, options, read, partition_size, published, lang))
    summary = BatchSummary()
    started = time.perf_counter()
    own = client is None
    active = client or _connect(scheduler, workers)
    try:
        active.register_plugin(ExtractorPlugin(options), name=PLUGIN_NAME)
        limit = IN_FLIGHT_PER_WORKER * max(1, len(active.scheduler_info().get("workers", {})) or workers or 1)
        pending = as_completed()

        def collect(future: Future[PartitionResult]) -> None:
            try:
                result: PartitionResult = future.result()
            except Exception as exc:
                active.cancel(list(pending.futures))  # the others stop; the partitions already written stay
                raise SitrepError(
                    f"E505: a partition failed on the cluster: {exc!r}. Finished partitions are kept; run the same "
                    "command again to resume."
                ) from exc
            summary.add(result)
            if on_partition is not None:
                on_partition(result)

        for partition in partitions(read_inputs(paths, read), partition_size):
            if is_done(folder, partition.index):
                summary.partitions_skipped += 1
                summary.records += len(partition.records)
                continue
            pending.add(active.submit(extract_partition, partition, str(folder), published, lang, pure=False))
            while pending.count() >= limit:
                collect(next(pending))
        for future in pending:
            collect(future)
    finally:
        if own:
            cluster = None if scheduler else active.cluster  # a remote cluster is not ours to close
            active.close()
            if cluster is not None:
                cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary


def finished_reports(out: str | Path) -> Iterator[Report]:
    """The reports of a batch folder's finished partitions, in input order (error lines left out)."""
    for path in finished_files(Path(out)):
        for record in read_lines(path):
            if record.get("schema") != ERROR_SCHEMA:
                yield Report.from_dict(record)


def load_into_store(out: str | Path, url: str | None, *, chunk_size: int = 500) -> AddResult:
    """Store the finished partitions' reports (idempotent by content hash, as ``sitrep ingest``)."""
    from ..store import AddResult, Store

    total = AddResult()
    with Store(url) as store:
        chunk: list[Report] = []
        for report in finished_reports(out):
            chunk.append(report)
            if len(chunk) >= chunk_size:
                total = total + store.add_many(chunk)
                chunk = []
        if chunk:
            total = total + store.add_many(chunk)
    return total


__all__ = [
    "BatchSummary",
    "ExtractorPlugin",
    "PartitionResult",
    "extract_partition",
    "finished_reports",
    "load_into_store",
    "run_batch",
]
