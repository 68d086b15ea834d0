"""Summaries of the stored record for maps, timelines and listings (the HTTP API and the web page read them).

Each function builds one SELECT over the tables of :mod:`sitrep.store.schema`, restricted to a publication period:
places counted by GeoNames entry (for a map), events counted by publication day and type (for a timeline), and the
articles' metadata newest first (for a listing). They return rows, not reports, so that a large store answers
without reading every report.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from .schema import Tables


def place_counts(t: Tables, period: list[sa.ColumnElement[bool]], limit: int) -> sa.Select[Any]:
    """Resolved places, one row per GeoNames entry: its name, country, point, mentions and articles."""
    p, a = t.places, t.articles
    mentions = sa.func.count().label("mentions")
    return (
        sa.select(
            p.c.geonameid,
            sa.func.min(p.c.name).label("name"),
            sa.func.min(p.c.country).label("country"),
            sa.func.min(p.c.lat).label("lat"),
            sa.func.min(p.c.lon).label("lon"),
            sa.func.min(p.c.feature).label("feature"),
            mentions,
            sa.func.count(sa.distinct(p.c.article_key)).label("articles"),
        )
        .join(a, a.c.key == p.c.article_key)
        .where(p.c.geonameid.is_not(None), p.c.lat.is_not(None), p.c.lon.is_not(None), *period)
        .group_by(p.c.geonameid)
        .order_by(mentions.desc(), p.c.geonameid)
        .limit(limit)
    )


def event_timeline(t: Tables, period: list[sa.ColumnElement[bool]]) -> sa.Select[Any]:
    """Events counted by their article's publication day and by type (undated articles left out)."""
    v, a = t.events, t.articles
    return (
        sa.select(a.c.published, v.c.type, sa.func.count().label("events"))
        .join(a, a.c.key == v.c.article_key)
        .where(a.c.published.is_not(None), *period)
        .group_by(a.c.published, v.c.type)
        .order_by(a.c.published, v.c.type)
    )


def article_rows(t: Tables, period: list[sa.ColumnElement[bool]], limit: int, offset: int
                 ) -> sa.Select[Any]:  # fmt: skip
    """The articles' metadata, newest publication first (undated last), then latest ingested first."""
    a = t.articles
    return (
        sa.select(a.c.id, a.c.title, a.c.published, a.c.language, a.c.url, a.c.source)
        .where(*period)
        .order_by(a.c.published.desc().nulls_last(), a.c.key.desc())
        .limit(limit)
        .offset(offset)
    )
