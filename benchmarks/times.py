"""Time expressions: sitrep against dateparser's ``search_dates``, in quality and in speed, in one run.

Quality: the French TimeBank (``../shared/data/time/fr-timebank``) scored by ``sitrep.evaluation.time`` for both
systems (strict and relaxed extraction P/R/F1, type and value accuracy on relaxed matches). dateparser finds
strings and datetimes, not TIMEX3: its strings are located in the text in order, its values written as TIMEX3
days (``2023-05-15``) or, with a time of day, minutes (``2023-05-15T14:30``), all typed DATE or TIME.

Speed: text in, times out, on the first N OrangeSum articles (default 1,000; ``../shared/data/corpora``):
spaCy's tokenizer plus the times stage (the stage as a user runs it alone), sitrep's public API (``Extractor``
with the times stage: tokenizer, sentence splitter, times, report), the times tagger alone on the raw texts,
spaCy's bare French tokenizer for scale, and ``search_dates`` (French, the article's date as base) on the same
texts. One core, rates in articles per second of CPU time (``time.process_time``, robust to a busy machine);
the best of ``--repeat`` runs for sitrep's rows, one run for dateparser (it is slow). Prints both tables.

    .venv/bin/python benchmarks/times.py [--limit 1000] [--repeat 3] [--skip-peer]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import ORANGESUM, SHARED, best_rate, orangesum, table
from sitrep.api import Extractor
from sitrep.article import Article
from sitrep.config import Options
from sitrep.evaluation.time import GoldDoc, Predicted, predict, read_corpus, score

TIMEBANK = SHARED / "time" / "fr-timebank"


def dateparser_times(text: str, published: str | None) -> list[Predicted]:
    """``search_dates`` output as scored predictions: offsets found left to right, TIMEX3-like values."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(published)} if published else {}
    found = search_dates(text, languages=["fr"], settings=settings) or []
    out: list[Predicted] = []
    cursor = 0
    for surface, moment in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        if (moment.hour, moment.minute) == (0, 0):
            out.append((start, cursor, "DATE", moment.date().isoformat()))
        else:
            out.append((start, cursor, "TIME", moment.strftime("%Y-%m-%dT%H:%M")))
    return out


def quality(docs: Sequence[GoldDoc], peer: bool) -> list[tuple[str, ...]]:
    header = ("strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "type acc", "value acc")
    rows: list[tuple[str, ...]] = [("system", *header)]
    systems: list[tuple[str, Callable[[GoldDoc], list[Predicted]]]] = []
    extractor = Extractor(Options(stages=("times",)))
    systems.append(("sitrep", lambda d: predict(d, extractor)))
    if peer:
        systems.append(("dateparser search_dates", lambda d: dateparser_times(d.text, d.dct)))
    for name, run in systems:
        m = score(docs, [run(d) for d in docs], dataset=str(TIMEBANK), system=name).metrics
        s, r = m["strict"], m["relaxed"]
        figures = (s["precision"], s["recall"], s["f1"], r["precision"], r["recall"], r["f1"],
                   m["type_accuracy"]["accuracy"], m["value_accuracy"]["accuracy"])  # fmt: skip
        rows.append((name, *(f"{x:.3f}" for x in figures)))
    return rows


def speed(articles: list[Article], repeat: int, peer: bool) -> list[tuple[str, ...]]:
    import spacy

    from sitrep.pipeline.attrs import DocInfo
    from sitrep.pipeline.registry import register_components
    from sitrep.pipeline.timex import tagger_for

    extractor = Extractor(Options(stages=("times",), include_title=False))
    extractor.pipeline("fr")  # built before timing
    tagger = tagger_for("fr")
    tokenizer = spacy.blank("fr")
    register_components()
    bare = spacy.blank("fr")  # the tokenizer and the times stage, nothing else
    bare.add_pipe("sitrep_times_v1", name="times")

    def tokenizer_and_times() -> None:
        for article, day in zip(articles, dates, strict=True):
            doc = bare.make_doc(article.text)
            doc._.sitrep = DocInfo(published=day)
            bare(doc)

    dates = [dt.date.fromisoformat(a.published) if a.published else None for a in articles]
    n = len(articles)
    rates: dict[str, float] = {
        "spaCy tokenizer alone (scale)": best_rate(lambda: [tokenizer.make_doc(a.text) for a in articles], n, repeat),
        "sitrep times tagger alone": best_rate(
            lambda: [tagger.tag(a.text, d) for a, d in zip(articles, dates, strict=True)], n, repeat
        ),
        "sitrep tokenizer + times stage": best_rate(tokenizer_and_times, n, repeat),
        "sitrep extract(): tokenizer, sentences, times, report": best_rate(
            lambda: [extractor.extract_article(a) for a in articles], n, repeat
        ),
    }
    if peer:
        rates["dateparser search_dates"] = best_rate(
            lambda: [dateparser_times(a.text, a.published) for a in articles], n, 1
        )
    reference = rates.get("dateparser search_dates")
    rows: list[tuple[str, ...]] = [("system", "articles/s", "x dateparser")]
    for name, rate in rates.items():
        rows.append((name, f"{rate:,.0f}", f"{rate / reference:.1f}" if reference else "-"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="OrangeSum articles for the speed table")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timebank", type=Path, default=TIMEBANK)
    parser.add_argument("--corpus", type=Path, default=ORANGESUM)
    parser.add_argument("--skip-peer", action="store_true", help="leave dateparser out")
    args = parser.parse_args()
    if not args.timebank.is_dir():
        print(f"TimeBank not found: {args.timebank} (the benchmark reads ../shared in place)", file=sys.stderr)
        return 2
    docs = read_corpus(args.timebank)
    print(f"French TimeBank, {len(docs)} documents, {sum(len(d.timexes) for d in docs)} TIMEX3 (DCT not scored)")
    print(table(quality(docs, not args.skip_peer)))
    articles = orangesum(args.limit, path=args.corpus)
    print(f"\nThroughput on {len(articles)} OrangeSum articles, one core")
    print(table(speed(articles, args.repeat, not args.skip_peer)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
