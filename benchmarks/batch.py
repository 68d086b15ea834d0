"""Batch throughput on Dask against one process, on the same OrangeSum articles in the same run.

Writes N OrangeSum articles to a temporary JSONL file, then times (wall clock, start-up included):
one process reading them through ``Extractor.extract_many`` (the peer: what ``sitrep ingest`` does), and
``run_batch`` on a local Dask cluster of 1, 2, ... worker processes writing partition files. Prints records/s and the
speed-up over one process. On a machine with C cores, the best case is C times one process, less the cluster's
start-up and each worker's pipeline build (both paid once per run). Usage::

    python benchmarks/batch.py [--articles 2000] [--workers 1,2] [--partition-size 250]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from _corpus import orangesum, table
from sitrep.api import Extractor
from sitrep.ingest import ReadOptions, read_inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts to time")
    parser.add_argument("--partition-size", type=int, default=250)
    args = parser.parse_args()

    from sitrep.scale import run_batch

    articles = orangesum(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for a in articles:
                record = {"id": a.id, "title": a.title, "text": a.text, "published": a.published, "language": "fr"}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        extractor = Extractor()
        count = sum(1 for _ in extractor.extract_many(i for i in read_inputs([source]) if not isinstance(i, Exception)))
        single = time.perf_counter() - started
        rows = [
            ("run", "records", "seconds", "records/s", "vs one process"),
            ("one process (extract_many)", str(count), f"{single:.1f}", f"{count / single:.0f}", "1.00x"),
        ]
        for workers in (int(w) for w in args.workers.split(",")):
            started = time.perf_counter()
            summary = run_batch([source], Path(tmp) / f"batch-{workers}", read=ReadOptions(),
                                partition_size=args.partition_size, workers=workers)  # fmt: skip
            seconds = time.perf_counter() - started
            rows.append((f"sitrep batch, {workers} worker(s)", str(summary.extracted), f"{seconds:.1f}",
                         f"{summary.extracted / seconds:.0f}", f"{single / seconds:.2f}x"))  # fmt: skip
    print(table(rows))


if __name__ == "__main__":
    main()
