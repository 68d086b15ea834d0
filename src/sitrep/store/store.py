"""The :class:`Store`: reports kept in SQLite (a file, the default) or PostgreSQL (by URL), one table per record kind.

Ingestion is idempotent and keyed by the content hash (SHA-256 of the article text): storing a report whose text
is already stored changes nothing and says so (``add`` returns False, ``add_many`` counts it as skipped), whatever
its id or metadata. The article id is the user's: the same id with a *different* text is a different article, so
both are kept, each under its own hash; :meth:`Store.get` by id returns the one stored last, and the older one
stays reachable by its hash (and in exports). A re-extraction of an unchanged text (a newer pipeline) is likewise
skipped: remove the database, or use another, to store it again.

Writes are transactions: an article and every row of its records are written together or not at all. ``add_many``
writes a chunk of articles in one transaction with one ``executemany`` per table; when a chunk fails on a bad
record, it is rolled back whole and replayed one article per transaction, so the good ones are stored and the bad
ones are returned as :class:`Rejected` with the reason. A database that fails as a whole (gone, locked, full)
raises :class:`~sitrep.errors.StoreError`; chunks committed before stay.

Error codes: E301 cannot open, E302 bad URL or missing driver, E303 migration failed, E304 write failed, E305
stored report unreadable, E306 unknown export format or kind, E307 database newer than this sitrep, E308 report
rejected, E309 bad date bound.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TextIO

import sqlalchemy as sa
from sqlalchemy.engine import URL

from ..article import content_hash
from ..errors import StoreError
from ..report import Event, Report, ReportError
from . import export as exporting
from .engine import SQLITE_BEGIN, describe, make_engine, resolve_url
from .migrations import Applied, applied, migrate
from .queries import EventFilter, event_query
from .rows import Prepared, Row, prepare, record_rows
from .schema import Tables, tables
from .summaries import article_rows, event_timeline, place_counts

DEFAULT_CHUNK = 500
# Values per IN (...) list: old SQLite builds allow 999 bound parameters a statement.
_IN_LIMIT = 900
_HASH = re.compile(r"[0-9a-fA-F]{64}")

DateBound = dt.date | str | None


@dataclass(frozen=True)
class Rejected:
    """A report the store refused, and why; nothing of it was written."""

    article_id: str
    hash: str
    error: StoreError


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Store.add_many` did: reports stored, reports already there, reports refused."""

    added: int = 0
    skipped: int = 0
    rejected: tuple[Rejected, ...] = ()

    def __add__(self, other: AddResult) -> AddResult:
        return AddResult(self.added + other.added, self.skipped + other.skipped, self.rejected + other.rejected)

    @property
    def ok(self) -> bool:
        return not self.rejected


def _bad_record(exc: BaseException) -> bool:
    """True when the database refused this data (a constraint, a value out of range), not the operation itself."""
    if isinstance(exc, sa.exc.IntegrityError | sa.exc.DataError | OverflowError):
        return True
    # A value that could not even be bound (wrong Python type for the column).
    return isinstance(exc, sa.exc.StatementError) and not isinstance(exc, sa.exc.DBAPIError)


def _reason(exc: BaseException) -> str:
    # SQLAlchemy's own message repeats the statement and its parameters (the whole report): keep the driver's.
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip()


class Store:
    """Reports in a SQL database. ``Store()`` is ``sitrep.db`` in the current directory; ``Store("out/my.db")`` a
    SQLite file; ``Store("postgresql://user@host/db")`` PostgreSQL through psycopg 3. Pending migrations are
    applied on open. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, url: str | os.PathLike[str] | None = None, *, chunk_size: int = DEFAULT_CHUNK) -> None:
        if chunk_size < 1:
            raise StoreError(f"E302: chunk_size must be at least 1, not {chunk_size}.")
        self.url: URL = resolve_url(url)
        self.chunk_size = chunk_size
        self._tables: Tables = tables()
        self._engine = make_engine(self.url)
        try:
            self.migrated: list[str] = migrate(self._engine)
        except StoreError:
            self._engine.dispose()
            raise
        except sa.exc.SQLAlchemyError as exc:
            self._engine.dispose()
            sqlite = self.url.get_backend_name() == "sqlite"
            hint = " Does its folder exist, and may sitrep write there?" if sqlite else ""
            raise StoreError(f"E301: cannot open the store {describe(self.url)!r}: {_reason(exc)}.{hint}") from exc

    # -- life cycle ---------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close every connection; the store cannot be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({describe(self.url)!r})"

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine, for queries the store has no method for (read it, do not write through it)."""
        return self._engine

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
            with conn.begin():
                yield conn

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.OperationalError as exc:
            raise StoreError(f"E301: cannot read the store {describe(self.url)!r}: {_reason(exc)}") from exc

    # -- writing ------------------------------------------------------------------------------------------------

    def add(self, report: Report) -> bool:
        """Store ``report``; False when its text is already stored (then nothing changes).

        Raises :class:`StoreError` E308 when the report cannot be stored (offsets that do not match its text, a
        malformed date, a repeated record id) and E304 when the database fails; in both cases nothing is written.
        """
        prepared = prepare(report, dt.datetime.now(dt.UTC))
        try:
            with self._writing() as conn:
                added, _ = self._insert(conn, [prepared])
        except (sa.exc.SQLAlchemyError, OverflowError) as exc:
            if isinstance(exc, sa.exc.IntegrityError) and self._has_hash(prepared.hash):
                return False  # another writer stored the same text in the meantime
            raise self._write_error(prepared, exc) from exc
        return added == 1

    def add_many(self, reports: Iterable[Report], *, chunk_size: int | None = None) -> AddResult:
        """Store ``reports`` in chunks of ``chunk_size`` (one transaction each); refused reports are returned, not
        raised. Raises :class:`StoreError` E304 only when the database itself fails (earlier chunks stay)."""
        size = chunk_size or self.chunk_size
        total = AddResult()
        chunk: list[Report] = []
        for report in reports:
            chunk.append(report)
            if len(chunk) >= size:
                total += self._add_chunk(chunk)
                chunk = []
        if chunk:
            total += self._add_chunk(chunk)
        return total

    def _add_chunk(self, chunk: Sequence[Report]) -> AddResult:
        now = dt.datetime.now(dt.UTC)
        prepared: list[Prepared] = []
        rejected: list[Rejected] = []
        for report in chunk:
            try:
                prepared.append(prepare(report, now))
            except StoreError as exc:
                rejected.append(Rejected(report.article.id, content_hash(report.text), exc))
        if not prepared:
            return AddResult(rejected=tuple(rejected))
        try:
            with self._writing() as conn:
                added, skipped = self._insert(conn, prepared)
            return AddResult(added, skipped, tuple(rejected))
        except (sa.exc.SQLAlchemyError, OverflowError) as exc:
            if not _bad_record(exc):
                raise self._write_error(None, exc) from exc
        # The chunk was rolled back: replay it one article per transaction to keep the good ones.
        added = skipped = 0
        for p in prepared:
            try:
                with self._writing() as conn:
                    a, s = self._insert(conn, [p])
            except (sa.exc.SQLAlchemyError, OverflowError) as exc:
                error = self._write_error(p, exc)
                if not _bad_record(exc):
                    raise error from exc
                rejected.append(Rejected(p.report.article.id, p.hash, error))
                continue
            added, skipped = added + a, skipped + s
        return AddResult(added, skipped, tuple(rejected))

    def _write_error(self, prepared: Prepared | None, exc: BaseException) -> StoreError:
        if isinstance(exc, StoreError):
            return exc
        if prepared is not None and _bad_record(exc):
            return StoreError(
                f"E308: report {prepared.report.article.id!r} cannot be stored (nothing of it was written): "
                f"{_reason(exc)}"
            )
        return StoreError(f"E304: writing to {describe(self.url)!r} failed and was rolled back: {_reason(exc)}")

    def _insert(self, conn: sa.Connection, prepared: Sequence[Prepared]) -> tuple[int, int]:
        """Insert the reports of ``prepared`` whose text is not stored yet; return (added, skipped)."""
        t = self._tables
        a = t.articles
        stored = {
            h
            for part in _slices([p.hash for p in prepared])
            for h in conn.scalars(sa.select(a.c.hash).where(a.c.hash.in_(part)))
        }
        new: dict[str, Prepared] = {}
        for p in prepared:
            if p.hash not in stored and p.hash not in new:
                new[p.hash] = p
        if not new:
            return 0, len(prepared)
        conn.execute(sa.insert(a), [p.article for p in new.values()])
        keys: dict[str, int] = {
            h: k
            for part in _slices(list(new))
            for h, k in conn.execute(sa.select(a.c.hash, a.c.key).where(a.c.hash.in_(part)))
        }
        batches: dict[str, list[Row]] = defaultdict(list)
        for h, p in new.items():
            for name, rows in record_rows(p.report, keys[h]).items():
                batches[name] += rows
        for table in t.record_tables():
            if batches.get(table.name):
                conn.execute(sa.insert(table), batches[table.name])
        return len(new), len(prepared) - len(new)

    def _has_hash(self, digest: str) -> bool:
        a = self._tables.articles
        with self._reading() as conn:
            return conn.scalar(sa.select(a.c.key).where(a.c.hash == digest)) is not None

    # -- reading ------------------------------------------------------------------------------------------------

    def get(self, id_or_hash: str) -> Report | None:
        """The report stored under this article id (the latest stored, when one id has several texts), else under
        this content hash (64 hex digits); None when there is none."""
        a = self._tables.articles
        with self._reading() as conn:
            raw = conn.scalar(sa.select(a.c.report).where(a.c.id == id_or_hash).order_by(a.c.key.desc()).limit(1))
            if raw is None and _HASH.fullmatch(id_or_hash):
                raw = conn.scalar(sa.select(a.c.report).where(a.c.hash == id_or_hash.lower()))
        return None if raw is None else self._load(raw)

    def __contains__(self, id_or_hash: object) -> bool:
        return isinstance(id_or_hash, str) and self.get(id_or_hash) is not None

    def iter_reports(self, since: DateBound = None, until: DateBound = None) -> Iterator[Report]:
        """Every stored report in ingestion order; with ``since``/``until`` (ISO dates, inclusive), only those
        published in that period (undated articles are then left out)."""
        a = self._tables.articles
        stmt = sa.select(a.c.report).where(*self._period(since, until)).order_by(a.c.key)
        with self._reading() as conn:
            for raw in conn.execute(stmt, execution_options={"yield_per": 200}).scalars():
                yield self._load(raw)

    def events(self, filters: EventFilter | None = None, *, since: DateBound = None, until: DateBound = None
               ) -> Iterator[tuple[Report, Event]]:  # fmt: skip
        """Stored events matching ``filters`` (see :class:`EventFilter`), in order of publication, each with the
        report it belongs to; ``since``/``until`` bound the publication date (inclusive)."""
        stmt = event_query(self._tables, filters or EventFilter(), self._period(since, until))
        a = self._tables.articles
        with self._reading() as conn:
            keys = [(row.article_key, row.event_id) for row in conn.execute(stmt)]
            loaded: dict[int, Report] = {}
            for key, event_id in keys:
                if key not in loaded:
                    raw = conn.execute(sa.select(a.c.report).where(a.c.key == key)).scalar_one()
                    loaded = {key: self._load(raw)}  # keys come grouped by article: keep one report at a time
                report = loaded[key]
                event = next((e for e in report.events if e.id == event_id), None)
                if event is None:
                    raise StoreError(f"E305: event {event_id} of article {report.article.id} is missing from its "
                                     "stored report")  # fmt: skip
                yield report, event

    def _load(self, raw: str) -> Report:
        try:
            return Report.from_json(raw)
        except (ReportError, ValueError) as exc:
            raise StoreError(f"E305: a stored report cannot be read back: {exc}") from exc

    def _period(self, since: DateBound, until: DateBound) -> list[sa.ColumnElement[bool]]:
        published = self._tables.articles.c.published
        where: list[sa.ColumnElement[bool]] = []
        if since is not None:
            where.append(published >= _date(since, "since"))
        if until is not None:
            where.append(published <= _date(until, "until"))
        return where

    def stats(self) -> dict[str, Any]:
        """Rows per table, the publication date range, articles per language, and the applied migrations."""
        t = self._tables
        a = t.articles
        with self._reading() as conn:
            counts = {
                table.name: int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
                for table in (a, *t.record_tables())
            }
            first, last = conn.execute(sa.select(sa.func.min(a.c.published), sa.func.max(a.c.published))).one()
            undated = conn.scalar(sa.select(sa.func.count()).select_from(a).where(a.c.published.is_(None)))
            n = sa.func.count().label("n")
            languages = {
                lang or "unknown": int(count)
                for lang, count in conn.execute(
                    sa.select(a.c.language, n).group_by(a.c.language).order_by(n.desc(), a.c.language)
                )
            }
            migrations = [m.name for m in applied(conn)]
        return {
            "database": describe(self.url),
            "tables": counts,
            "published": {
                "first": _iso_date(first),
                "last": _iso_date(last),
                "undated": int(undated or 0),
            },
            "languages": languages,
            "migrations": migrations,
        }

    def place_summary(self, since: DateBound = None, until: DateBound = None, *, limit: int = 1000
                      ) -> list[dict[str, Any]]:  # fmt: skip
        """Resolved places by GeoNames entry, most mentioned first: geonameid, name, country, lat, lon, feature,
        mentions and articles (in the publication period, if given)."""
        stmt = place_counts(self._tables, self._period(since, until), limit)
        with self._reading() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]

    def timeline(self, since: DateBound = None, until: DateBound = None) -> list[dict[str, Any]]:
        """Events per publication day and type: ``{"date", "type", "events"}`` rows in date order."""
        stmt = event_timeline(self._tables, self._period(since, until))
        with self._reading() as conn:
            rows = conn.execute(stmt).all()
        return [{"date": _iso_date(day), "type": kind, "events": int(n)} for day, kind, n in rows]

    def articles(self, since: DateBound = None, until: DateBound = None, *, limit: int = 50, offset: int = 0
                 ) -> list[dict[str, Any]]:  # fmt: skip
        """The stored articles' metadata (id, title, published, language, url, source), newest first."""
        stmt = article_rows(self._tables, self._period(since, until), limit, offset)
        with self._reading() as conn:
            return [{**row._mapping, "published": _iso_date(row.published)} for row in conn.execute(stmt)]

    def migrations(self) -> list[Applied]:
        """The migrations recorded in ``schema_migrations``, in the order they were applied."""
        with self._reading() as conn:
            return applied(conn)

    def export(
        self,
        fmt: str,
        out: TextIO,
        kind: str = "reports",
        *,
        since: DateBound = None,
        until: DateBound = None,
    ) -> int:
        """Write the store to ``out`` and return the number of lines/rows written (headers not counted).

        ``fmt`` is ``jsonl`` or ``csv``; ``kind`` is ``reports`` (JSONL: one report a line; CSV: one row per
        article) or a record kind (one row per record with article id, hash and offsets): see
        :data:`sitrep.store.EXPORT_KINDS`. ``since``/``until`` filter on the publication date as in
        :meth:`iter_reports`.
        """
        exporting.check(fmt, kind)
        where = self._period(since, until)
        a = self._tables.articles
        with self._reading() as conn:
            if fmt == "jsonl" and kind == "reports":
                stmt = sa.select(a.c.report).where(*where).order_by(a.c.key)
                n = 0
                for raw in conn.execute(stmt, execution_options={"yield_per": 200}).scalars():
                    out.write(raw)
                    out.write("\n")
                    n += 1
                return n
            result = conn.execute(exporting.query(self._tables, kind, where), execution_options={"yield_per": 1000})
            return exporting.write_rows(fmt, list(result.keys()), result, out)


def _slices(values: Sequence[str], size: int = _IN_LIMIT) -> Iterator[Sequence[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _date(value: dt.date | str, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise StoreError(f"E309: {name} must be an ISO date (YYYY-MM-DD), not {value!r}.") from exc


def _iso_date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
