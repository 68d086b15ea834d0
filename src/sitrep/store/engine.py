"""Where the store lives: turning what a user types (a path, a URL) into a configured SQLAlchemy engine.

A plain path (``out/my.db``) or no URL at all (``sitrep.db`` in the current directory) means a SQLite file; any
SQLAlchemy URL is accepted, and ``postgresql://`` / ``postgres://`` are mapped to the psycopg 3 driver. Nothing is
created here: an engine only connects when the store first uses it, and a SQLite file's folder must already exist.

SQLite through Python's ``sqlite3`` module does not open a transaction before DDL and opens one lazily before
DML, so "a migration in a transaction" would silently not be one. The engine therefore takes over ``BEGIN`` itself
(SQLAlchemy's documented recipe), which gives real transactions for DDL and DML alike; writers ask for
``BEGIN IMMEDIATE`` so that two processes writing the same file queue up instead of failing half-way.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL

from ..errors import StoreError

DEFAULT_PATH = "sitrep.db"
# The execution option that picks how a SQLite transaction starts (DEFERRED for readers, IMMEDIATE for writers).
SQLITE_BEGIN = "sitrep_sqlite_begin"
SQLITE_TIMEOUT_S = 30.0


def resolve_url(url: str | os.PathLike[str] | None = None) -> URL:
    """The SQLAlchemy URL for what the user gave: None, a file path, or a database URL."""
    if url is None:
        return _sqlite_file(Path(DEFAULT_PATH))
    if isinstance(url, os.PathLike):
        return _sqlite_file(Path(url))
    raw = url.strip()
    if not raw:
        raise StoreError("E302: empty database URL; give a file path (out/sitrep.db) or a URL (postgresql://...).")
    if "://" not in raw:
        return _sqlite_file(Path(raw))
    scheme, rest = raw.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        raw = f"postgresql+psycopg://{rest}"
    try:
        return sa.make_url(raw)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"E302: not a database URL: {describe(raw)!r} ({exc}).") from exc


def _sqlite_file(path: Path) -> URL:
    return URL.create("sqlite", database=str(path.expanduser().resolve()))


def describe(url: URL | str) -> str:
    """The URL as it may be shown to a user: the password hidden."""
    if isinstance(url, str):
        try:
            url = sa.make_url(url)
        except sa.exc.ArgumentError:
            return "<unparsable URL>"
    return url.render_as_string(hide_password=True)


def make_engine(url: URL) -> sa.Engine:
    """An engine for ``url``; for SQLite, with real transactions and foreign keys enforced."""
    try:
        if url.get_backend_name() == "sqlite":
            engine = sa.create_engine(url, connect_args={"timeout": SQLITE_TIMEOUT_S})
            sa.event.listen(engine, "connect", _sqlite_on_connect)
            sa.event.listen(engine, "begin", _sqlite_on_begin)
            return engine
        return sa.create_engine(url)
    except (sa.exc.NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StoreError(
            f"E302: no database driver for {describe(url)!r} ({exc}); for PostgreSQL install "
            "'sitrep[postgres]' (psycopg 3)."
        ) from exc
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"E302: cannot use {describe(url)!r}: {exc}") from exc


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Leave transaction control to the "begin" hook below, and make foreign keys (cascades) real.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: sa.Connection) -> None:
    mode = connection.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
    if mode not in ("DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
        raise StoreError(f"E302: unknown SQLite transaction mode {mode!r}.")
    connection.exec_driver_sql(f"BEGIN {mode}")


def is_postgresql(engine_or_conn: sa.Engine | sa.Connection) -> bool:
    return engine_or_conn.dialect.name == "postgresql"
