"""Throughput of the full default pipeline on OrangeSum, against spaCy's bare tokenizer in the same run.

Prints articles/s, tokens/s, the ratio to the bare tokenizer, start-up time (import + pipeline build, and a whole
``sitrep extract`` of one article as a subprocess), peak memory and resident memory along the run (it must stay
flat). One process, one core. Usage::

    python benchmarks/throughput.py [--articles 1000] [--stages times,quantities]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import current_rss_mb, orangesum, peak_rss_mb, table


def startup_seconds(runs: int = 3) -> tuple[float, float]:
    """Median wall time of ``import sitrep`` + building the French pipeline + one extraction, and of the CLI."""
    code = (
        "import time; t=time.perf_counter(); import sitrep; "
        "sitrep.extract('Kiev a été frappée lundi.', lang='fr', published='2023-05-16'); "
        "print(time.perf_counter()-t)"
    )
    inproc = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
              for _ in range(runs)]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "one.txt"
        article.write_text("Kiev a été frappée lundi, a indiqué l'armée ukrainienne.", encoding="utf-8")
        exe = Path(sys.executable).with_name("sitrep")
        cli = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([str(exe), "extract", str(article), "--published", "2023-05-16"], capture_output=True,
                           check=True)  # fmt: skip
            cli.append(time.perf_counter() - start)
    return statistics.median(inproc), statistics.median(cli)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="OrangeSum articles to process")
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up measurement")
    args = parser.parse_args()

    import spacy

    import sitrep
    from sitrep.config import Options

    articles = orangesum(args.articles)
    texts = [f"{a.title}\n\n{a.text}" if a.title else a.text for a in articles]

    bare = spacy.blank("fr")
    start = time.perf_counter()
    tokens = sum(len(bare.make_doc(t)) for t in texts)
    bare_s = time.perf_counter() - start

    options = Options(stages=tuple(args.stages.split(","))) if args.stages else Options()
    extractor = sitrep.Extractor(options)
    build_start = time.perf_counter()
    extractor.pipeline("fr")
    build_s = time.perf_counter() - build_start
    rss = {0: current_rss_mb()}
    marks = {len(articles) // 10, len(articles) // 2, len(articles)}
    counts = {"places": 0, "times": 0, "quantities": 0, "quotes": 0, "entities": 0, "events": 0}
    start = time.perf_counter()
    for i, article in enumerate(articles, start=1):
        report = extractor.extract_article(article)
        for key in counts:
            counts[key] += len(getattr(report, key))
        if i in marks:
            rss[i] = current_rss_mb()
    full_s = time.perf_counter() - start

    n = len(articles)
    rows = [
        ("pipeline", "articles/s", "tokens/s", "share of bare tokenizer"),
        ("spaCy blank('fr') tokenizer", f"{n / bare_s:,.0f}", f"{tokens / bare_s:,.0f}", "100 %"),
        (f"sitrep default ({','.join(options.stages)})", f"{n / full_s:,.0f}", f"{tokens / full_s:,.0f}",
         f"{100 * bare_s / full_s:.1f} %"),
    ]  # fmt: skip
    print(f"OrangeSum, {n} articles, {tokens:,} tokens, one process")
    print(table(rows))
    print()
    print(f"pipeline build (fr): {build_s:.2f} s")
    if not args.no_startup:
        inproc, cli = startup_seconds()
        print(f"start-up, import + build + one extraction (median of 3): {inproc:.2f} s")
        print(f"start-up, `sitrep extract one.txt` wall time (median of 3): {cli:.2f} s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB; RSS along the run: "
          + ", ".join(f"{k} articles {v:.0f} MB" for k, v in sorted(rss.items())))  # fmt: skip
    print("records found: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
