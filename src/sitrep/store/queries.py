"""Queries over stored events: by type, actor, place, period and who claims them (``sitrep events``).

Filters on names are case-insensitive substrings (``--actor zelensk`` finds "Volodymyr Zelensky"); SQLite lowers
ASCII letters only, so on SQLite a filter with accented capitals must match the stored case. The query returns
event keys in order of publication; the events themselves are read from each article's stored report, so what a
user gets is exactly what extraction produced, with its article.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from .schema import Tables


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``sitrep events`` asks for; None means no constraint."""

    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    claimed_by: str | None = None
    modality: str | None = None
    limit: int | None = None


def _contains(column: sa.ColumnElement[str], needle: str) -> sa.ColumnElement[bool]:
    escaped = needle.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.func.lower(column).like(f"%{escaped}%", escape="\\")


def _participant(t: Tables, role: str, name: str) -> sa.ColumnElement[bool]:
    """The event has a participant in ``role`` whose entity name (or a mention of it) contains ``name``."""
    p, e, m, v = t.event_participants, t.entities, t.entity_mentions, t.events
    by_name = sa.select(e.c.entity_id).where(
        e.c.article_key == p.c.article_key, e.c.entity_id == p.c.entity_id, _contains(e.c.name, name)
    )
    by_mention = sa.select(m.c.entity_id).where(
        m.c.article_key == p.c.article_key, m.c.entity_id == p.c.entity_id, _contains(m.c.text, name)
    )
    return sa.exists(
        sa.select(p.c.event_id).where(
            p.c.article_key == v.c.article_key,
            p.c.event_id == v.c.event_id,
            p.c.role == role,
            sa.or_(sa.exists(by_name), sa.exists(by_mention)),
        )
    )


def event_query(t: Tables, filters: EventFilter, period: list[sa.ColumnElement[bool]]) -> sa.Select[tuple[int, str]]:
    """A SELECT of ``(article_key, event_id)`` for the events matching ``filters`` within ``period``."""
    v, a, pl = t.events, t.articles, t.places
    where: list[sa.ColumnElement[bool]] = list(period)
    if filters.type:
        where.append(v.c.type == filters.type.upper())
    if filters.modality:
        where.append(v.c.modality == filters.modality.lower())
    if filters.claimed_by:
        where.append(_contains(v.c.claimed_name, filters.claimed_by))
    if filters.actor:
        where.append(_participant(t, "actor", filters.actor))
    if filters.recipient:
        where.append(_participant(t, "recipient", filters.recipient))
    if filters.place:
        resolved = sa.select(pl.c.position).where(
            pl.c.article_key == v.c.article_key,
            pl.c.start_char == v.c.place_start,
            pl.c.end_char == v.c.place_end,
            _contains(pl.c.name, filters.place),
        )
        where.append(sa.or_(_contains(v.c.place_text, filters.place), sa.exists(resolved)))
    stmt = (
        sa.select(v.c.article_key, v.c.event_id)
        .join(a, a.c.key == v.c.article_key)
        .where(*where)
        .order_by(a.c.published, a.c.key, v.c.position)
    )
    return stmt.limit(filters.limit) if filters.limit else stmt
