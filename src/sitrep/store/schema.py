"""The store's tables: one per record kind of ``sitrep.report/v1``, each row keyed by its article and offsets.

``articles`` holds one row per stored text (``hash`` = SHA-256 of the text, unique) with the article's metadata,
its text and the full report JSON it was extracted into; every other table points at ``articles.key`` (a surrogate
integer, cascade on delete) and keeps the character offsets of its span (``start_char``/``end_char``, named so
that hand-written SQL need not quote ``end``). ``position`` is the record's index in its list in the report.

The tables are declared by :func:`build_v1`, which migration ``0001_initial_schema`` creates. That declaration is
frozen: a later schema change is a new migration (and a new ``build_vN`` that :func:`tables` then returns), never an
edit of v1, so that an old database and a new one reach the same schema.

What the indexes serve: articles by publication date, language and user id; places by GeoNames id and name;
quotes by speaker name; entities by name and kind; events by type and by who claims them; times by value.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sqlalchemy as sa

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite makes an INTEGER PRIMARY KEY the rowid (fast, autoincrementing); elsewhere a 64-bit key.
_Key = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


@dataclass(frozen=True)
class Tables:
    """The tables of one schema version, bound to their own :class:`sqlalchemy.MetaData`."""

    metadata: sa.MetaData
    articles: sa.Table
    entities: sa.Table
    entity_mentions: sa.Table
    places: sa.Table
    times: sa.Table
    quantities: sa.Table
    quotes: sa.Table
    events: sa.Table
    event_participants: sa.Table
    event_quantities: sa.Table

    def record_tables(self) -> tuple[sa.Table, ...]:
        """Every table below ``articles``, parents before children (the order rows are inserted in)."""
        return (
            self.entities,
            self.entity_mentions,
            self.places,
            self.times,
            self.quantities,
            self.quotes,
            self.events,
            self.event_participants,
            self.event_quantities,
        )


def _article_key() -> sa.Column[int]:
    return sa.Column("article_key", _Key, sa.ForeignKey("articles.key", ondelete="CASCADE"), nullable=False)


def _offsets() -> tuple[sa.Column[int], sa.Column[int]]:
    return sa.Column("start_char", sa.Integer, nullable=False), sa.Column("end_char", sa.Integer, nullable=False)


def _span(prefix: str, *, nullable: bool) -> tuple[sa.Column[int], sa.Column[int], sa.Column[str]]:
    return (
        sa.Column(f"{prefix}_start", sa.Integer, nullable=nullable),
        sa.Column(f"{prefix}_end", sa.Integer, nullable=nullable),
        sa.Column(f"{prefix}_text", sa.Text, nullable=nullable),
    )


def build_v1() -> Tables:
    """The schema of migration ``0001_initial_schema`` (frozen: change the schema with a new migration)."""
    md = sa.MetaData(naming_convention=NAMING)
    articles = sa.Table(
        "articles",
        md,
        sa.Column("key", _Key, primary_key=True, autoincrement=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("id", sa.Text, nullable=False, index=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date, index=True),
        sa.Column("language", sa.String(16), index=True),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("report_schema", sa.String(64), nullable=False),
        sa.Column("report", sa.Text, nullable=False),  # the report's JSON exactly as Report.to_json() wrote it
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    entities = sa.Table(
        "entities",
        md,
        _article_key(),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False, index=True),
        sa.Column("attributes", sa.Text, nullable=False),  # JSON object
        # Offsets of the first mention; null for an entity the article names only through pronouns.
        sa.Column("start_char", sa.Integer),
        sa.Column("end_char", sa.Integer),
        sa.PrimaryKeyConstraint("article_key", "entity_id"),
    )
    entity_mentions = sa.Table(
        "entity_mentions",
        md,
        sa.Column("article_key", _Key, nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        *_offsets(),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("article_key", "entity_id", "position"),
        sa.ForeignKeyConstraint(
            ["article_key", "entity_id"], ["entities.article_key", "entities.entity_id"], ondelete="CASCADE"
        ),
    )
    places = sa.Table(
        "places",
        md,
        _article_key(),
        sa.Column("position", sa.Integer, nullable=False),
        *_offsets(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("geonameid", sa.BigInteger, index=True),
        sa.Column("name", sa.Text, index=True),
        sa.Column("country", sa.String(8)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("feature", sa.String(16)),
        sa.Column("metonymic", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.PrimaryKeyConstraint("article_key", "position"),
    )
    times = sa.Table(
        "times",
        md,
        _article_key(),
        sa.Column("position", sa.Integer, nullable=False),
        *_offsets(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.Text, nullable=False, index=True),
        sa.Column("anchor", sa.Text),
        sa.PrimaryKeyConstraint("article_key", "position"),
    )
    quantities = sa.Table(
        "quantities",
        md,
        _article_key(),
        sa.Column("position", sa.Integer, nullable=False),
        *_offsets(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.String(64), index=True),
        sa.Column("approximate", sa.Boolean, nullable=False),
        sa.Column("bound", sa.String(16)),
        sa.PrimaryKeyConstraint("article_key", "position"),
    )
    quotes = sa.Table(
        "quotes",
        md,
        _article_key(),
        sa.Column("quote_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        *_offsets(),
        sa.Column("text", sa.Text, nullable=False),
        *_span("speaker", nullable=True),
        sa.Column("speaker_entity", sa.String(64)),
        sa.Column("speaker_name", sa.Text, index=True),
        *_span("cue", nullable=True),
        sa.PrimaryKeyConstraint("article_key", "quote_id"),
    )
    events = sa.Table(
        "events",
        md,
        _article_key(),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("type", sa.String(32), nullable=False, index=True),
        sa.Column("mode", sa.String(64)),
        sa.Column("context", sa.Text, nullable=False),  # JSON list of labels
        *_span("trigger", nullable=False),
        *_span("place", nullable=True),
        *_span("time", nullable=True),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("claimed_quote", sa.String(64)),
        sa.Column("claimed_entity", sa.String(64)),
        sa.Column("claimed_name", sa.Text, index=True),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.PrimaryKeyConstraint("article_key", "event_id"),
    )
    event_participants = sa.Table(
        "event_participants",
        md,
        sa.Column("article_key", _Key, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),  # "actor" or "recipient"
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("article_key", "event_id", "role", "position"),
        sa.ForeignKeyConstraint(
            ["article_key", "event_id"], ["events.article_key", "events.event_id"], ondelete="CASCADE"
        ),
        sa.Index("ix_event_participants_entity", "article_key", "entity_id"),
    )
    event_quantities = sa.Table(
        "event_quantities",
        md,
        sa.Column("article_key", _Key, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        *_offsets(),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("article_key", "event_id", "position"),
        sa.ForeignKeyConstraint(
            ["article_key", "event_id"], ["events.article_key", "events.event_id"], ondelete="CASCADE"
        ),
    )
    return Tables(
        metadata=md,
        articles=articles,
        entities=entities,
        entity_mentions=entity_mentions,
        places=places,
        times=times,
        quantities=quantities,
        quotes=quotes,
        events=events,
        event_participants=event_participants,
        event_quantities=event_quantities,
    )


@functools.cache
def tables() -> Tables:
    """The current schema, which the store reads and writes (built once; never mutated)."""
    return build_v1()
