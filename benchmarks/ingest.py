"""End-to-end ingestion check and timing: N OrangeSum articles into SQLite and PostgreSQL, twice each.

Extracts the articles once (the full default pipeline), then stores the reports through ``Store.add_many`` into a
fresh SQLite file and a PostgreSQL database (``SITREP_TEST_POSTGRES_URL``, or a throwaway local server started with
Debian's binaries as the tests do), a second time to show idempotency, and prints per-table counts side by side
and the write rate. Exits 1 if the counts differ between the databases or the second pass added anything. Usage::

    python benchmarks/ingest.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from _corpus import orangesum, table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.postgres (the throwaway server)


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    url = os.environ.get("SITREP_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    from tests.postgres import find_bindir, temporary_server

    bindir = find_bindir()
    if bindir is None:
        sys.exit("no PostgreSQL: set SITREP_TEST_POSTGRES_URL or install Debian's postgresql package")
    with temporary_server(bindir, fsync=True) as started:
        yield started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()

    import sitrep
    from sitrep.store import Store

    articles = orangesum(args.articles)
    extractor = sitrep.Extractor()
    start = time.perf_counter()
    reports = []
    for result in extractor.extract_many(articles):
        if isinstance(result, sitrep.Failure):
            print(f"extraction failed: {result.article_id}: {result.error}", file=sys.stderr)
        else:
            reports.append(result)
    extract_s = time.perf_counter() - start

    figures: dict[str, dict[str, int]] = {}
    rates: dict[str, str] = {}
    second: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp, postgres() as pg_url:
        for name, url in (("sqlite", str(Path(tmp) / "ingest.db")), ("postgresql", pg_url)):
            with Store(url) as store:
                start = time.perf_counter()
                first = store.add_many(reports)
                elapsed = time.perf_counter() - start
                again = store.add_many(reports)
                figures[name] = store.stats()["tables"]
            rates[name] = f"{first.added / elapsed:,.0f} reports/s ({first.added} added, {first.skipped} skipped)"
            second[name] = (again.added, again.skipped)

    print(f"{len(articles)} OrangeSum articles, {len(reports)} reports; extraction {len(reports) / extract_s:,.0f} "
          "articles/s")  # fmt: skip
    rows = [("table", "sqlite", "postgresql")]
    rows += [(k, str(figures["sqlite"][k]), str(figures["postgresql"].get(k))) for k in figures["sqlite"]]
    print(table(rows))
    for name in rates:
        print(f"{name}: first pass {rates[name]}; second pass added {second[name][0]}, skipped {second[name][1]}")
    same = figures["sqlite"] == figures["postgresql"]
    idempotent = all(added == 0 for added, _ in second.values())
    print(f"identical counts: {same}; second pass added nothing: {idempotent}")
    sys.exit(0 if same and idempotent else 1)


if __name__ == "__main__":
    main()
