"""From a :class:`~sitrep.report.Report` to the rows of the store's tables (pure functions, no database).

:func:`prepare` checks what the store relies on before anything is written (offsets that match the text, an ISO
publication date) and computes the article's content hash; :func:`record_rows` lays the report out as one list of
row dicts per table, ready for one ``executemany`` per table. Identifiers that must be unique within a report
(entity, quote and event ids) are left to the database's primary keys, so a report that repeats one fails inside
its transaction and is rolled back whole.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..article import content_hash
from ..errors import StoreError
from ..report import SCHEMA, Report, ReportError, TextSpan

Row = dict[str, Any]


@dataclass(frozen=True)
class Prepared:
    """A report checked for the store, with its content hash and its ``articles`` row (the key not yet known)."""

    report: Report
    hash: str
    article: Row


def prepare(report: Report, ingested_at: dt.datetime) -> Prepared:
    """Check ``report`` and build its ``articles`` row; :class:`StoreError` E308 when the store cannot take it."""
    meta = report.article
    try:
        report.check_offsets()
    except ReportError as exc:
        raise StoreError(f"E308: report {meta.id!r} cannot be stored: {exc}") from exc
    published: dt.date | None = None
    if meta.published is not None:
        try:
            published = dt.date.fromisoformat(meta.published)
        except ValueError as exc:
            raise StoreError(
                f"E308: report {meta.id!r} cannot be stored: published {meta.published!r} is not an ISO date "
                "(YYYY-MM-DD)."
            ) from exc
    digest = content_hash(report.text)
    article: Row = {
        "hash": digest,
        "id": meta.id,
        "title": meta.title,
        "published": published,
        "language": meta.language,
        "url": meta.url,
        "source": meta.source,
        "text": report.text,
        "report_schema": SCHEMA,
        "report": report.to_json(),
        "ingested_at": ingested_at,
    }
    return Prepared(report=report, hash=digest, article=article)


def _span(prefix: str, span: TextSpan | None) -> Row:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def record_rows(report: Report, key: int) -> dict[str, list[Row]]:
    """The rows of every record table for ``report`` stored under article ``key``, by table name."""
    out: dict[str, list[Row]] = {
        "entities": [],
        "entity_mentions": [],
        "places": [],
        "times": [],
        "quantities": [],
        "quotes": [],
        "events": [],
        "event_participants": [],
        "event_quantities": [],
    }
    for i, e in enumerate(report.entities):
        first = e.mentions[0] if e.mentions else None
        out["entities"].append(
            {
                "article_key": key,
                "entity_id": e.id,
                "position": i,
                "kind": e.kind,
                "name": e.name,
                "attributes": json.dumps(dict(e.attributes), ensure_ascii=False),
                "start_char": first.start if first else None,
                "end_char": first.end if first else None,
            }
        )
        out["entity_mentions"] += [
            {
                "article_key": key,
                "entity_id": e.id,
                "position": j,
                "start_char": m.start,
                "end_char": m.end,
                "text": m.text,
            }
            for j, m in enumerate(e.mentions)
        ]
    out["places"] = [
        {
            "article_key": key,
            "position": i,
            "start_char": p.start,
            "end_char": p.end,
            "text": p.text,
            "geonameid": p.geonameid,
            "name": p.name,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "feature": p.feature,
            "metonymic": p.metonymic,
            "confidence": p.confidence,
        }
        for i, p in enumerate(report.places)
    ]
    out["times"] = [
        {
            "article_key": key,
            "position": i,
            "start_char": t.start,
            "end_char": t.end,
            "text": t.text,
            "type": t.type,
            "value": t.value,
            "anchor": t.anchor,
        }
        for i, t in enumerate(report.times)
    ]
    out["quantities"] = [
        {
            "article_key": key,
            "position": i,
            "start_char": q.start,
            "end_char": q.end,
            "text": q.text,
            "value": q.value,
            "unit": q.unit,
            "approximate": q.approximate,
            "bound": q.bound,
        }
        for i, q in enumerate(report.quantities)
    ]
    for i, q in enumerate(report.quotes):
        speaker = q.speaker
        out["quotes"].append(
            {
                "article_key": key,
                "quote_id": q.id,
                "position": i,
                "kind": q.kind,
                "start_char": q.start,
                "end_char": q.end,
                "text": q.text,
                **_span("speaker", TextSpan(speaker.start, speaker.end, speaker.text) if speaker else None),
                "speaker_entity": speaker.entity if speaker else None,
                "speaker_name": speaker.name if speaker else None,
                **_span("cue", q.cue),
            }
        )
    for i, v in enumerate(report.events):
        claim = v.claimed_by
        out["events"].append(
            {
                "article_key": key,
                "event_id": v.id,
                "position": i,
                "type": v.type,
                "mode": v.mode,
                "context": json.dumps(list(v.context), ensure_ascii=False),
                **_span("trigger", v.trigger),
                **_span("place", v.place),
                **_span("time", v.time),
                "modality": v.modality,
                "claimed_quote": claim.quote if claim else None,
                "claimed_entity": claim.entity if claim else None,
                "claimed_name": claim.name if claim else None,
                "sentence_start": v.sentence.start,
                "sentence_end": v.sentence.end,
                "confidence": v.confidence,
            }
        )
        for role, ids in (("actor", v.actors), ("recipient", v.recipients)):
            out["event_participants"] += [
                {"article_key": key, "event_id": v.id, "role": role, "position": j, "entity_id": entity_id}
                for j, entity_id in enumerate(ids)
            ]
        out["event_quantities"] += [
            {
                "article_key": key,
                "event_id": v.id,
                "position": j,
                "start_char": s.start,
                "end_char": s.end,
                "text": s.text,
            }
            for j, s in enumerate(v.quantities)
        ]
    return out
