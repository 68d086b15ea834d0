"""The store: reports kept in SQLite (a file, the default) or PostgreSQL, queryable one table per record kind.

``Store(url)`` opens (and migrates) a database; ``add`` / ``add_many`` store reports idempotently by content hash;
``get``, ``iter_reports``, ``events``, ``stats`` and ``export`` read them back. See :mod:`sitrep.store.store` for what
happens to an id stored twice with different texts, :mod:`sitrep.store.schema` for the tables and
:mod:`sitrep.store.migrations` for how the schema evolves. Importing this package imports SQLAlchemy but opens
nothing.
"""

from __future__ import annotations

from .engine import DEFAULT_PATH, describe, resolve_url
from .export import FORMATS as EXPORT_FORMATS
from .export import KINDS as _KINDS
from .migrations import MIGRATIONS, Applied, Migration
from .queries import EventFilter
from .store import AddResult, Rejected, Store

EXPORT_KINDS: tuple[str, ...] = tuple(_KINDS)

__all__ = [
    "DEFAULT_PATH",
    "EXPORT_FORMATS",
    "EXPORT_KINDS",
    "MIGRATIONS",
    "AddResult",
    "Applied",
    "EventFilter",
    "Migration",
    "Rejected",
    "Store",
    "describe",
    "resolve_url",
]
