"""The places stage's throughput on OrangeSum articles against spaCy's bare tokenizer, and the gazetteer's cost.

Usage: ``python benchmarks/places.py [--limit 1000] [--repeat 3] [--corpus PATH]``.
Reads the corpus in place (never copied into the repository). Prints:
- the gazetteer: the time to build the embedded index (only with ``--build``: it rewrites the cache file), to load
  it (the first load and the best of ``--repeat``, wall clock, spaCy already imported), and the memory the index
  holds (Python allocations traced by ``tracemalloc``; the resident-memory growth of the first load is also shown,
  but it is meaningless after ``--build``, whose freed memory the load reuses);
- articles per second on one core (CPU time of this process, best of ``--repeat``): the bare French tokenizer, the
  places stage alone on docs already tokenised and split into sentences, and tokenizer + sentences + places;
- how many places the stage found, and the share of them resolved to a GeoNames id.
Set ``SITREP_CACHE_DIR`` to measure with a fresh cache folder.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from pathlib import Path

from _corpus import best_rate, current_rss_mb, orangesum, rate_rows, stage_parser, table


def gazetteer_costs(repeat: int, build: bool) -> list[tuple[str, ...]]:
    import spacy  # noqa: F401  - loaded as in a real run, before the index

    from sitrep.gazetteer import Gazetteer, active_index_path, build_default

    rows: list[tuple[str, ...]] = [("gazetteer", "value")]
    if build:
        start = time.perf_counter()
        build_default()
        rows.append(("build embedded index (s)", f"{time.perf_counter() - start:.1f}"))
    path = active_index_path()
    gc.collect()
    before = current_rss_mb()
    start = time.perf_counter()
    gazetteer = Gazetteer.load(path)  # the first load, in a process that has not loaded one yet
    times = [time.perf_counter() - start]
    grown = current_rss_mb() - before
    info = gazetteer.info()
    for _ in range(repeat - 1):
        start = time.perf_counter()
        Gazetteer.load(path)
        times.append(time.perf_counter() - start)
    del gazetteer
    gc.collect()
    tracemalloc.start()
    kept = Gazetteer.load(path)
    held = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del kept
    rows += [
        ("index file", f"{path.name} ({path.stat().st_size / 1e6:.1f} MB)"),
        ("entries / names", f"{info['entries']:,} / {info['names']:,}"),
        ("load (s): first / best", f"{times[0]:.3f} / {min(times):.3f}"),
        ("memory held by the index (MB, tracemalloc)", f"{held:.0f}"),
        ("resident-memory growth of the first load (MB)", f"{grown:.0f}"),
    ]
    return rows


def throughput(limit: int, repeat: int, corpus: Path) -> list[tuple[str, ...]]:
    import spacy

    from sitrep.api import Extractor
    from sitrep.config import Options
    from sitrep.pipeline.attrs import PLACES

    articles = orangesum(limit, path=corpus)
    texts = [f"{a.title}\n\n{a.text}" if a.title else a.text for a in articles]
    tokenizer = spacy.blank("fr")
    nlp = Extractor(Options(stages=("places",))).pipeline("fr")
    sentences, places = nlp.get_pipe("sentences"), nlp.get_pipe("places")
    docs = [sentences(nlp.make_doc(t)) for t in texts]
    n = len(texts)

    def places_alone() -> None:
        for doc in docs:
            places(doc)

    rates = {
        "spaCy fr tokenizer alone": best_rate(lambda: [tokenizer.make_doc(t) for t in texts], n, repeat),
        "places stage alone (tokenised, split docs)": best_rate(places_alone, n, repeat),
        "tokenizer + sentences + places": best_rate(lambda: [nlp(t) for t in texts], n, repeat),
    }
    found = [span._.place for doc in docs for span in doc.spans[PLACES]]
    tokens = sum(len(d) for d in docs)
    rows = rate_rows(rates)
    rows.append((f"{n} articles, {tokens:,} tokens: places found", f"{len(found):,}", ""))
    with_id = sum(1 for p in found if p.geonameid is not None)
    rows.append(("  with a GeoNames id", f"{with_id:,}", f"{with_id / max(1, len(found)):.0%}"))
    rows.append(("  metonymic", f"{sum(1 for p in found if p.metonymic):,}", ""))
    return rows


def main() -> int:
    parser = stage_parser(__doc__)
    parser.add_argument("--build", action="store_true", help="also time a rebuild of the embedded index")
    args = parser.parse_args()
    print(table(gazetteer_costs(args.repeat, args.build)))
    print()
    print(table(throughput(args.limit, args.repeat, args.corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
