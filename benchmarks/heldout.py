"""The team's check sets kept apart from rule writing (``benchmarks/heldout/``): quotes, events, entity grouping and
places in French, in one table. Measure with them; never write a rule for one of their lines (see their README).

    python benchmarks/heldout.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from _corpus import table
from sitrep.api import Extractor
from sitrep.article import Article
from sitrep.evaluation import evaluate
from sitrep.evaluation.geo import haversine_km

HERE = Path(__file__).resolve().parent / "heldout"


def _lines(name: str) -> list[dict[str, Any]]:
    with (HERE / name).open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def coref(extractor: Extractor) -> tuple[float, float, int]:
    """Share of gold mentions found; share of actors whose mentions all land in one entity; wrong merges."""
    found = total = grouped = actors = merges = 0
    for item in _lines("coref_fr_heldout.jsonl"):
        report = extractor.extract_article(Article(text=str(item["text"]), id=str(item["id"]), language="fr"))
        spans = [(m.start, m.end, e.id) for e in report.entities for m in e.mentions]
        owners: dict[str, set[int]] = {}
        for index, mentions in enumerate(item["entities"]):
            ids: set[str] = set()
            missing = False
            for mention in mentions:
                start = report.text.find(mention)
                total += 1
                hit = [key for a, b, key in spans if a < start + len(mention) and start < b]
                if hit:
                    found += 1
                    ids.add(hit[0])
                    owners.setdefault(hit[0], set()).add(index)
                else:
                    missing = True
            actors += 1
            grouped += len(ids) == 1 and not missing
        merges += sum(1 for golds in owners.values() if len(golds) > 1)
    return found / total, grouped / actors, merges


def places(extractor: Extractor) -> tuple[float, float]:
    """Share of toponyms recognised; share resolved within 161 km of the expected point."""
    total = found = near = 0
    for item in _lines("places_fr_heldout.jsonl"):
        report = extractor.extract_article(Article(text=str(item["text"]), language="fr"))
        for name, lat, lon in item["places"]:
            total += 1
            start = report.text.find(name)
            hit = [p for p in report.places if p.start < start + len(name) and start < p.end]
            if hit:
                found += 1
                at_lat, at_lon = hit[0].lat, hit[0].lon
                near += at_lat is not None and at_lon is not None and haversine_km(lat, lon, at_lat, at_lon) <= 161
    return found / total, near / total


def main() -> None:
    extractor = Extractor()
    quotes = evaluate("quotes", HERE / "quotes_fr_heldout.jsonl", extractor).metrics
    events = evaluate("events", HERE / "events_fr_heldout.jsonl", extractor).metrics
    mention_recall, grouped, merges = coref(extractor)
    recognised, within = places(extractor)
    rows: list[tuple[str, ...]] = [
        ("set", "figure", "value"),
        ("quotes (25 paragraphs)", "content F1 at 30 % / 80 %",
         f"{quotes['content@30']['f1']:.3f} / {quotes['content@80']['f1']:.3f}"),
        ("", "speaker right", f"{quotes['speaker_accuracy']['accuracy']:.3f}"),
        ("events (30 paragraphs)", "detection F1", f"{events['detection']['f1']:.3f}"),
        ("", "actor / recipient right", f"{events['actor_accuracy']['accuracy']:.3f} / "
         f"{events['recipient_accuracy']['accuracy']:.3f}"),
        ("", "claimed_by / modality right", f"{events['claimed_by_accuracy']['accuracy']:.3f} / "
         f"{events['modality_accuracy']['accuracy']:.3f}"),
        ("entities (10 paragraphs)", "mentions found / actors grouped whole",
         f"{mention_recall:.3f} / {grouped:.3f}"),
        ("", "wrong merges", str(merges)),
        ("places (25 sentences)", "recognised / within 161 km", f"{recognised:.3f} / {within:.3f}"),
    ]  # fmt: skip
    print(table(rows))


if __name__ == "__main__":
    main()
