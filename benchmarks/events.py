"""The events stage's cost on OrangeSum articles: the full pipeline with events against the same without them.

Usage: ``python benchmarks/events.py [--limit 1000] [--repeat 3] [--corpus PATH]``.
Reads the corpus in place (never copied into the repository). Prints articles per second on one core (CPU time of
this process, best of ``--repeat``) for: spaCy's bare French tokenizer, the full default pipeline without the events
stage, the full pipeline with it, and the events stage alone on docs the other stages have already processed; then
how many events the stage found, and the shares with an actor, with a recipient, claimed by a quote, and other
than actual.
"""

from __future__ import annotations

from pathlib import Path

from _corpus import best_rate, orangesum, rate_rows, stage_parser, table


def throughput(limit: int, repeat: int, corpus: Path) -> list[tuple[str, ...]]:
    import spacy

    from sitrep.api import Extractor
    from sitrep.config import Options
    from sitrep.pipeline.attrs import EVENTS, DocInfo
    from sitrep.pipeline.stages import DEFAULT_STAGES

    articles = orangesum(limit, path=corpus)
    texts = [f"{a.title}\n\n{a.text}" if a.title else a.text for a in articles]
    tokenizer = spacy.blank("fr")
    full = Extractor().pipeline("fr")
    without = Extractor(Options(stages=tuple(s for s in DEFAULT_STAGES if s != "events"))).pipeline("fr")
    events = full.get_pipe("events")
    n = len(texts)

    def run(nlp: spacy.language.Language) -> None:
        for text in texts:
            doc = nlp.make_doc(text)
            doc._.sitrep = DocInfo()
            nlp(doc)

    prepared = []
    for text in texts:
        doc = without.make_doc(text)
        doc._.sitrep = DocInfo()
        prepared.append(without(doc))

    def events_alone() -> None:
        for doc in prepared:
            events(doc)

    rates = {
        "spaCy fr tokenizer alone": best_rate(lambda: [tokenizer.make_doc(t) for t in texts], n, repeat),
        "full pipeline without events": best_rate(lambda: run(without), n, repeat),
        "full pipeline with events": best_rate(lambda: run(full), n, repeat),
        "events stage alone (docs of the other stages)": best_rate(events_alone, n, repeat),
    }
    rows = rate_rows(rates)
    slower = 1 - rates["full pipeline with events"] / rates["full pipeline without events"]
    rows.append(("the events stage's share of the full pipeline's time", f"{slower:.0%}", ""))
    found = [span._.event for doc in prepared for span in doc.spans[EVENTS] if span._.event is not None]
    total = max(1, len(found))
    rows.append((f"{n} articles: events found", f"{len(found):,}", ""))
    for label, count in (
        ("  with an actor", sum(1 for e in found if e.actors)),
        ("  with a recipient", sum(1 for e in found if e.recipients)),
        ("  claimed by a quote", sum(1 for e in found if e.quote is not None)),
        ("  not actual", sum(1 for e in found if e.modality != "actual")),
    ):
        rows.append((label, f"{count:,}", f"{count / total:.0%}"))
    return rows


def main() -> int:
    parser = stage_parser(__doc__)
    args = parser.parse_args()
    print(table(throughput(args.limit, args.repeat, args.corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
