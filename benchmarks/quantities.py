"""Throughput of the quantities stage on OrangeSum articles, beside spaCy's bare tokenizer on the same texts.

Reads the first N articles (default 1,000) of ``../shared/data/corpora/orangesum.jsonl.gz`` in place, and in one
run times: the blank French tokenizer alone (``nlp.make_doc``), the quantities stage alone on those Docs, and
both together (text in, quantities out). Prints a table of articles per second and the ratios. One core, no
warm-up beyond building the pipeline; the best of ``--repeat`` runs. Times are the process's CPU time by default
(``--clock cpu``), which a machine shared with other jobs disturbs far less than wall time (``--clock wall``).

    .venv/bin/python benchmarks/quantities.py [--limit 1000] [--repeat 3] [--clock cpu|wall] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from sitrep.pipeline.quantities import make

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora" / "orangesum.jsonl.gz"


def read_texts(path: Path, limit: int) -> list[str]:
    texts: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if len(texts) >= limit:
                break
            texts.append(json.loads(line)["text"])
    return texts


def best_seconds(run: Callable[[], object], repeat: int, clock: Callable[[], float]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus} (the benchmark reads ../shared in place)", file=sys.stderr)
        return 2
    texts = read_texts(args.corpus, args.limit)
    nlp = spacy.blank("fr")
    from sitrep.pipeline.attrs import register_extensions

    register_extensions()
    stage = make(nlp, "quantities")
    docs = [nlp.make_doc(t) for t in texts]

    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    tokenizer = best_seconds(lambda: [nlp.make_doc(t) for t in texts], args.repeat, clock)
    alone = best_seconds(lambda: [stage(d) for d in docs], args.repeat, clock)
    both = best_seconds(lambda: [stage(nlp.make_doc(t)) for t in texts], args.repeat, clock)
    found = sum(len(d.spans["quantities"]) for d in docs)

    n = len(texts)
    rows = [
        ("spaCy blank fr tokenizer", n / tokenizer, 1.0),
        ("quantities stage alone (on Docs)", n / alone, tokenizer / alone),
        ("tokenizer + quantities (text in)", n / both, tokenizer / both),
    ]
    print(
        f"{n} OrangeSum articles, {sum(map(len, texts)):,} characters, {found:,} quantities found, "
        f"best of {args.repeat}, {args.clock} time"
    )
    print(f"{'what':36} {'articles/s':>12} {'x tokenizer':>12}")
    for name, rate, ratio in rows:
        print(f"{name:36} {rate:12,.0f} {ratio:12.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
