"""``sitrep ingest``, ``show``, ``export`` and ``stats``: the record in a SQLite file or PostgreSQL database."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from ..errors import SitrepError
from ..ingest import read_inputs
from ..report import Report
from .common import Problem, extracted, input_options, make_extractor, progress, published_option, read_options, warn
from .pretty import render

EXPORT_KINDS = ("reports", "articles", "entities", "mentions", "places", "times", "quantities", "quotes", "events",
                "participants", "event_quantities")  # fmt: skip  # sitrep.store.EXPORT_KINDS, without importing it

if TYPE_CHECKING:
    from ..store import Store

DB_HELP = "Database: a SQLite file path or an SQLAlchemy URL (postgresql://user@host/db). [default: sitrep.db]"
CHUNK = 200  # reports written per transaction


F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option("--db", "db_url", envvar="SITREP_DB", metavar="URL", help=DB_HELP + " Env: SITREP_DB.")(func)


def open_store(db_url: str | None) -> Store:
    from ..store import Store

    try:
        return Store(db_url)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH|-...")
@db_option
@input_options
def ingest(
    paths: tuple[str, ...], db_url: str | None, lang: str | None, published: str | None, fields: tuple[str, ...],
    max_bytes: int, model: str | None, stages: str | None, config_path: Path | None, show_progress: bool | None,
) -> None:  # fmt: skip
    """Extract articles and store their reports.

    Reads the same inputs as `sitrep extract`. Ingestion is idempotent: an article whose text is already stored
    (same content hash) is skipped. Reports are written in transactions, so an interrupted run loses nothing
    already written and leaves nothing half-written. Inputs that fail are named on standard error, counted, and
    make the exit status 1.
    """
    published = published_option(published)
    extractor = make_extractor(model, stages, config_path)
    failures = 0
    added = skipped = 0

    def reports() -> Iterator[Report]:
        nonlocal failures
        items = progress(read_inputs(paths, read_options(fields, max_bytes)), enabled=show_progress, desc="ingest")
        for result in extracted(items, extractor, published=published, lang=lang):
            if isinstance(result, Problem):
                failures += 1
            else:
                yield result

    def write(store: Store, chunk: list[Report]) -> None:
        nonlocal added, skipped, failures
        try:
            result = store.add_many(chunk)
        except SitrepError as exc:  # the database itself failed; chunks already committed stay
            raise click.ClickException(f"{exc} (stored before the failure: {added} new, {skipped} skipped)") from exc
        added, skipped = added + result.added, skipped + result.skipped
        for rejected in result.rejected:
            failures += 1
            warn(f"{rejected.article_id}: {rejected.error}")

    with open_store(db_url) as store:
        chunk: list[Report] = []
        for report in reports():
            chunk.append(report)
            if len(chunk) >= CHUNK:
                write(store, chunk)
                chunk = []
        if chunk:
            write(store, chunk)
    click.echo(f"stored {added} new article(s), {skipped} already stored, {failures} failed", err=True)
    if failures:
        sys.exit(1)


@click.command()
@click.argument("article_id")
@db_option
@click.option("--pretty", is_flag=True, help="Print a readable summary instead of JSON.")
def show(article_id: str, db_url: str | None, pretty: bool) -> None:
    """Print the stored report of an article, by its id or content hash."""
    with open_store(db_url) as store:
        report = store.get(article_id)
    if report is None:
        raise click.ClickException(f"no article {article_id!r} in the store")
    click.echo(render(report) if pretty else report.to_json(indent=2))


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: one report per line; csv: one row per record of --kind.")
@click.option("--kind", default="reports", show_default=True, type=click.Choice(EXPORT_KINDS),
              help="What to export: whole reports (jsonl), article metadata, or one kind of record, one row each.")
@click.option("--since", metavar="DATE", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
def export(db_url: str | None, fmt: str, kind: str, since: str | None, until: str | None, output: TextIO) -> None:
    """Export the stored record as JSONL or CSV.

    `--format jsonl` (default) writes each stored report as it was stored, one per line; `--format csv --kind
    quotes` (or places, times, events, ...) writes one row per record with its article id and offsets. With CSV,
    `reports` means one row of metadata per article.
    """
    with open_store(db_url) as store:
        try:
            count = store.export(fmt, output, kind=kind, since=since, until=until)
        except SitrepError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"exported {count} {'line' if fmt == 'jsonl' else 'row'}(s)", err=True)


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(db_url: str | None, as_json: bool) -> None:
    """Counts of what the store holds: articles, records of each kind, dates and languages."""
    with open_store(db_url) as store:
        figures = store.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2, default=str))
        return
    for line in _stats_lines(figures):
        click.echo(line)


def _stats_lines(figures: dict[str, Any], indent: str = "") -> Iterator[str]:
    width = max((len(str(k)) for k in figures), default=0)
    for key, value in figures.items():
        if isinstance(value, dict):
            yield f"{indent}{key}"
            yield from _stats_lines(value, indent + "  ")
        elif isinstance(value, list):
            yield f"{indent}{str(key).ljust(width)}  {', '.join(map(str, value)) or '-'}"
        else:
            yield f"{indent}{str(key).ljust(width)}  {value}"
