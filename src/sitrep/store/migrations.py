"""Schema migrations: named steps, applied in order, each once, each in its own transaction, recorded in a table.

``schema_migrations`` lists the name and time of every applied step. :func:`migrate` applies what is pending; the
store calls it on every open. Each step runs in one transaction together with the row that records it, so a
step that fails leaves neither tables nor a record behind (PostgreSQL and, through the engine's ``BEGIN`` hook,
SQLite both have transactional DDL). Two processes opening the same database at once are serialised (a
PostgreSQL advisory lock; SQLite's ``BEGIN IMMEDIATE``), and the second finds nothing left to do.

What it cannot do: go down (there are no down-migrations; restore a backup instead), or open a database that a
newer sitrep migrated further than this one knows (:class:`StoreError` E307 rather than guessing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from ..errors import StoreError
from .engine import SQLITE_BEGIN, is_postgresql
from .schema import build_v1

LEDGER = "schema_migrations"
# Any constant works as long as it is sitrep's own: it names the PostgreSQL advisory lock that serialises migrators.
_PG_LOCK_ID = 0x5174_7265_70


@dataclass(frozen=True)
class Migration:
    """One schema step: a stable ``name`` (never renamed once released) and what it does on a connection."""

    name: str
    description: str
    apply: Callable[[sa.Connection], None]


@dataclass(frozen=True)
class Applied:
    """A row of ``schema_migrations``."""

    name: str
    applied_at: dt.datetime


def _initial_schema(conn: sa.Connection) -> None:
    build_v1().metadata.create_all(conn, checkfirst=False)


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial_schema", "articles and one table per record kind, with their indexes", _initial_schema),
)


def _ledger() -> sa.Table:
    md = sa.MetaData()
    return sa.Table(
        LEDGER,
        md,
        sa.Column("name", sa.String(128), primary_key=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
    )


def applied(conn: sa.Connection) -> list[Applied]:
    """The migrations recorded in the database, in the order they were applied (empty for a new database)."""
    if not sa.inspect(conn).has_table(LEDGER):
        return []
    ledger = _ledger()
    rows = conn.execute(sa.select(ledger.c.name, ledger.c.applied_at).order_by(ledger.c.applied_at, ledger.c.name))
    return [Applied(name, _aware(at)) for name, at in rows]


def migrate(engine: sa.Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply every pending migration of ``migrations`` in order; return the names of those applied now."""
    known = [m.name for m in migrations]
    if len(set(known)) != len(known):
        raise StoreError(f"E303: migration names must be unique: {known}.")
    done_now: list[str] = []
    while True:
        with engine.connect() as conn:
            conn.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
            with conn.begin():
                if is_postgresql(conn):
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_ID})
                ledger = _ledger()
                ledger.create(conn, checkfirst=True)
                recorded = {name for (name,) in conn.execute(sa.select(ledger.c.name))}
                unknown = sorted(recorded - set(known))
                if unknown:
                    raise StoreError(
                        f"E307: the database was migrated by a newer sitrep (unknown migrations {unknown}); "
                        "upgrade sitrep to open it."
                    )
                pending = [m for m in migrations if m.name not in recorded]
                if not pending:
                    return done_now
                step = pending[0]
                try:
                    step.apply(conn)
                except sa.exc.SQLAlchemyError as exc:
                    raise StoreError(f"E303: migration {step.name} failed and was rolled back: {exc}") from exc
                conn.execute(sa.insert(ledger).values(name=step.name, applied_at=dt.datetime.now(dt.UTC)))
            done_now.append(step.name)


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes; every time the store writes is UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
