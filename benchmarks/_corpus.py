"""Shared by the benchmarks: reading N OrangeSum articles from ../shared, and measuring memory."""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sitrep.article import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ORANGESUM = SHARED / "corpora" / "orangesum.jsonl.gz"


def orangesum(limit: int, *, path: Path = ORANGESUM) -> list[Article]:
    """The first ``limit`` OrangeSum articles (title kept apart, date as publication date)."""
    if not path.is_file():
        sys.exit(f"benchmark data not found: {path} (the benchmarks read ../shared/data in place)")
    out: list[Article] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if not (record.get("text") or "").strip():
                continue
            out.append(Article(text=record["text"], id=str(record["id"]), title=record.get("title"),
                               published=(record.get("date") or "")[:10] or None, language="fr"))  # fmt: skip
            if len(out) >= limit:
                break
    return out


def best_rate(run: Callable[[], object], count: int, repeat: int) -> float:
    """Items per second of CPU time (one thread), best of ``repeat`` runs of ``run`` over ``count`` items."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return count / best


def stage_parser(doc: str | None) -> argparse.ArgumentParser:
    """The options of a stage benchmark: how many OrangeSum articles, best of how many timings, which corpus."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="OrangeSum articles")
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    parser.add_argument("--corpus", type=Path, default=ORANGESUM)
    return parser


def rate_rows(rates: dict[str, float], reference: str = "spaCy fr tokenizer alone") -> list[tuple[str, ...]]:
    """A table of articles per second, each also as a multiple of the ``reference`` run's rate."""
    rows: list[tuple[str, ...]] = [("run", "articles/s", "x tokenizer")]
    for name, rate in rates.items():
        rows.append((name, f"{rate:,.0f}", f"{rate / rates[reference]:.2f}"))
    return rows


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / (1024 * 1024)


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
        for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
