"""Throughput of the entities stage on OrangeSum articles, against spaCy's bare tokenizer in the same run.

Usage: ``python benchmarks/entities.py [--articles 1000] [--path ../shared/data/corpora/orangesum.jsonl.gz]``.
Reads the corpus in place (it is never copied into the repository), tokenises and splits every article once with
the blank French pipeline, then times the bare tokenizer, and the entities stage alone on the tokenised and split
docs. Prints articles per second for each, on one core. Exits with a message (status 0) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora" / "orangesum.jsonl.gz"


def read(path: Path, count: int) -> list[str]:
    texts: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = "\n\n".join(p for p in (record.get("title"), record.get("heading"), record.get("text")) if p)
            if text.strip():
                texts.append(text)
            if len(texts) >= count:
                break
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--path", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = parser.parse_args()
    if not args.path.exists():
        print(f"skipped: {args.path} is absent")
        return 0

    from sitrep.pipeline.build import build_pipeline

    texts = read(args.path, args.articles)
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    nlp = build_pipeline("fr", stages=("sentences", "entities"))
    load = time.perf_counter() - started
    sentences = nlp.get_pipe("sentences")
    entities = nlp.get_pipe("entities")

    def best(run: object) -> float:
        timings = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            run()  # type: ignore[operator]
            timings.append(time.perf_counter() - t0)
        return min(timings)

    tokenizer_s = best(lambda: [nlp.make_doc(t) for t in texts])
    docs = [sentences(nlp.make_doc(t)) for t in texts]
    entities_s = best(lambda: [entities(d) for d in docs])
    mentions = sum(len(d.spans["entities"]) for d in docs)
    n = len(texts)
    print(f"{n} OrangeSum articles, {words:,} words; pipeline built in {load:.1f} s")
    print(f"  bare tokenizer     {n / tokenizer_s:8.0f} articles/s")
    print(f"  entities stage     {n / entities_s:8.0f} articles/s (alone, {mentions / n:.1f} mentions/article)")
    print(f"  tokenizer+entities {n / (tokenizer_s + entities_s):8.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
