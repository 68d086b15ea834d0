"""Resident memory over a long run of the full default pipeline, with and without pipeline refreshes.

spaCy's vocabulary keeps every new word it sees; ``Options.refresh_every`` rebuilds the pipeline so that memory stays
bounded. Prints RSS every ``--every`` articles for both settings, one after the other in separate processes::

    python benchmarks/memory.py [--articles 6000] [--refresh-every 2000] [--every 1000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from _corpus import current_rss_mb, orangesum


def run(articles: int, refresh_every: int, every: int) -> None:
    import sitrep

    extractor = sitrep.Extractor(sitrep.Options(refresh_every=refresh_every))
    start = time.perf_counter()
    for i, article in enumerate(orangesum(articles), start=1):
        extractor.extract_article(article)
        if i % every == 0:
            rate = i / (time.perf_counter() - start)
            print(f"refresh_every={refresh_every:<6} {i:>6} articles  {current_rss_mb():5.0f} MB  {rate:4.0f}/s",
                  flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--refresh-every", type=int, default=2000)
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        run(args.articles, args.child, args.every)
        return
    for refresh in (0, args.refresh_every):
        subprocess.run([sys.executable, __file__, "--articles", str(args.articles), "--every", str(args.every),
                        "--child", str(refresh)], check=True)  # fmt: skip


if __name__ == "__main__":
    main()
