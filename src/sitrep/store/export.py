"""Exports of the store: reports as JSONL, or the rows of one record kind as CSV or JSONL.

``reports`` in JSONL writes each stored report exactly as it was stored (one ``sitrep.report/v1`` object a line);
in CSV, like ``articles`` in either format, it writes one row per article (metadata, no text). Every other kind
writes one row per record with the article's ``article_id`` and ``article_hash`` first, then the record's columns
as the store keeps them (offsets as ``start_char``/``end_char`` or ``<part>_start``/``<part>_end``). Rows come in
ingestion order, then in report order. This module builds queries and writes text; it opens no connection of its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

import sqlalchemy as sa

from ..errors import StoreError
from .schema import Tables

FORMATS: tuple[str, ...] = ("jsonl", "csv")
# kind -> table name. "reports" and "articles" differ only in JSONL (whole reports vs. metadata rows).
KINDS: Mapping[str, str] = {
    "reports": "articles",
    "articles": "articles",
    "entities": "entities",
    "mentions": "entity_mentions",
    "places": "places",
    "times": "times",
    "quantities": "quantities",
    "quotes": "quotes",
    "events": "events",
    "participants": "event_participants",
    "event_quantities": "event_quantities",
}
# Columns the store keeps as JSON text: CSV writes them as they are, JSONL as JSON values.
JSON_COLUMNS = frozenset({"attributes", "context"})
_ARTICLE_COLUMNS = ("id", "hash", "title", "published", "language", "url", "source", "ingested_at")


def check(fmt: str, kind: str) -> None:
    if fmt not in FORMATS:
        raise StoreError(f"E306: unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if kind not in KINDS:
        raise StoreError(f"E306: unknown export kind {kind!r}; choose one of {', '.join(KINDS)}.")


def query(t: Tables, kind: str, where: Sequence[sa.ColumnElement[bool]]) -> sa.Select[Any]:
    """The rows of ``kind`` (``where`` filters on ``articles``), in ingestion then report order."""
    a = t.articles
    if KINDS[kind] == "articles":
        cols = [a.c[name].label("article_id" if name == "id" else name) for name in _ARTICLE_COLUMNS]
        return sa.select(*cols).where(*where).order_by(a.c.key)
    table = t.metadata.tables[KINDS[kind]]
    record_cols = [c for c in table.c if c.name != "article_key"]
    order = [c for c in table.primary_key.columns if c.name != "article_key"]
    if "position" in table.c and table.c.position not in order:
        order.insert(0, table.c.position)
    return (
        sa.select(a.c.id.label("article_id"), a.c.hash.label("article_hash"), *record_cols)
        .join_from(table, a, table.c.article_key == a.c.key)
        .where(*where)
        .order_by(a.c.key, *order)
    )


def write_rows(fmt: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO) -> int:
    """Write ``rows`` to ``out`` as CSV (with a header) or JSONL objects; return how many."""
    n = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_value(v) for v in row])
            n += 1
        return n
    for row in rows:
        record = {c: _json_value(c, v) for c, v in zip(columns, row, strict=True)}
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def _iso(value: dt.date) -> str:
    if isinstance(value, dt.datetime):
        # The store writes UTC; SQLite hands it back naive, PostgreSQL in the session's time zone.
        value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return value.isoformat()


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return _iso(value)
    return value


def _json_value(column: str, value: Any) -> Any:
    if isinstance(value, dt.date):
        return _iso(value)
    if column in JSON_COLUMNS and isinstance(value, str):
        return json.loads(value)
    return value
