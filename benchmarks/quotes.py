"""The quotes stage's throughput on OrangeSum articles against spaCy's bare tokenizer, and what it found.

Usage: ``python benchmarks/quotes.py [--limit 1000] [--repeat 3] [--corpus PATH]``.
Reads the corpus in place (never copied into the repository). Prints articles per second on one core (CPU time of
this process, best of ``--repeat``): the bare French tokenizer, the quotes stage alone on docs already tokenised
and split into sentences (no entities: the stage reads its own name runs), the quotes stage alone on docs that the
places and entities stages already ran on (as in the full pipeline), and tokenizer + sentences + quotes; then how
many statements it found, by kind, and the share with a speaker and with a speaker resolved to a name.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from _corpus import best_rate, orangesum, rate_rows, stage_parser, table


def throughput(limit: int, repeat: int, corpus: Path) -> list[tuple[str, ...]]:
    import spacy

    from sitrep.api import Extractor
    from sitrep.config import Options
    from sitrep.pipeline.attrs import QUOTES

    articles = orangesum(limit, path=corpus)
    texts = [f"{a.title}\n\n{a.text}" if a.title else a.text for a in articles]
    tokenizer = spacy.blank("fr")
    alone = Extractor(Options(stages=("quotes",))).pipeline("fr")
    sentences, quotes = alone.get_pipe("sentences"), alone.get_pipe("quotes")
    bare = [sentences(alone.make_doc(t)) for t in texts]
    full = Extractor(Options(stages=("places", "entities", "quotes"))).pipeline("fr")
    before_quotes = [name for name in full.pipe_names if name != "quotes"]
    prepared = []
    for text in texts:
        doc = full.make_doc(text)
        for name in before_quotes:
            doc = full.get_pipe(name)(doc)
        prepared.append(doc)
    full_quotes = full.get_pipe("quotes")
    n = len(texts)

    rates = {
        "spaCy fr tokenizer alone": best_rate(lambda: [tokenizer.make_doc(t) for t in texts], n, repeat),
        "quotes stage alone (tokenised, split docs)": best_rate(lambda: [quotes(d) for d in bare], n, repeat),
        "quotes stage alone (after places, entities)": best_rate(lambda: [full_quotes(d) for d in prepared], n,
                                                                 repeat),
        "tokenizer + sentences + quotes": best_rate(lambda: [alone(t) for t in texts], n, repeat),
    }
    found = [span._.quote for doc in prepared for span in doc.spans[QUOTES]]
    tokens = sum(len(d) for d in bare)
    rows = rate_rows(rates)
    rows.append((f"{n} articles, {tokens:,} tokens: statements found", f"{len(found):,}", ""))
    for kind, count in sorted(Counter(q.kind for q in found).items()):
        rows.append((f"  {kind}", f"{count:,}", f"{count / max(1, len(found)):.0%}"))
    with_speaker = sum(1 for q in found if q.speaker is not None)
    named = sum(1 for q in found if q.speaker_name is not None or q.speaker_entity is not None)
    rows.append(("  with a speaker", f"{with_speaker:,}", f"{with_speaker / max(1, len(found)):.0%}"))
    rows.append(("  with a speaker resolved to a name or entity", f"{named:,}", f"{named / max(1, len(found)):.0%}"))
    return rows


def main() -> int:
    parser = stage_parser(__doc__)
    args = parser.parse_args()
    print(table(throughput(args.limit, args.repeat, args.corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
