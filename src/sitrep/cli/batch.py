"""``sitrep batch``: extract a large input on a Dask cluster into partition files, resumable, optionally stored."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import SitrepError
from .common import build_options, input_options, published_option, read_options, warn

if TYPE_CHECKING:
    from ..scale.runner import PartitionResult


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-o",
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the batch: manifest.json and reports/part-NNNNN.jsonl.gz (created if missing).",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Input records per partition (one task, one report file).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes of the local cluster [default: one per core].",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Use the Dask cluster at this scheduler address (tcp://host:8786) instead of a local one.",
)
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    default=None,
    help="After extraction, load the reports into this store: a SQLite file path or an SQLAlchemy URL.",
)
@input_options
def batch(
    paths: tuple[str, ...], out: Path, partition_size: int, workers: int | None, scheduler: str | None,
    db_url: str | None, lang: str | None, published: str | None, fields: tuple[str, ...], max_bytes: int,
    model: str | None, stages: str | None, config_path: Path | None, show_progress: bool | None,
) -> None:  # fmt: skip
    """Extract many articles in parallel on Dask, resumable after a crash.

    Reads the same inputs as `sitrep extract` and cuts them, in order, into partitions; each partition's reports
    go to OUT/reports/part-NNNNN.jsonl.gz (JSONL as `sitrep extract` prints it, an error line for each record that
    failed), written whole or not at all. Running the same command again redoes only the partitions that have no
    file. Needs the scale extra: pip install "sitrep[scale]". The exit status is 1 when a record extracted by this
    run failed (the error lines of partitions done before stay in their files).
    """
    try:
        from ..scale.partitions import report_path
        from ..scale.runner import load_into_store, run_batch
    except ModuleNotFoundError as exc:
        raise click.ClickException(
            f'sitrep batch needs Dask ({exc.name} is not installed): pip install "sitrep[scale]"'
        ) from exc
    if "-" in paths:
        raise click.UsageError("sitrep batch cannot read standard input (a batch must be readable again to resume).")
    options = build_options(model, stages, config_path)
    published = published_option(published)
    bar = _bar(show_progress)

    def done(result: PartitionResult) -> None:
        if bar is not None:
            bar.update(result.records)
        if result.failures:
            path = report_path(out, result.index)
            warn(f"partition {result.index}: {result.failures} of {result.records} record(s) failed (see {path})")

    try:
        summary = run_batch(
            paths, out, options=options, read=read_options(fields, max_bytes), partition_size=partition_size,
            published=published, lang=lang, scheduler=scheduler, workers=workers, on_partition=done,
        )  # fmt: skip
        stored = load_into_store(out, db_url) if db_url else None
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if bar is not None:
            bar.close()
    rate = summary.extracted / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"{summary.records} record(s) in {summary.partitions_run + summary.partitions_skipped} partition(s): "
        f"{summary.partitions_run} extracted now ({summary.extracted} records, {rate:.0f}/s), "
        f"{summary.partitions_skipped} already done; {summary.failures} failed now; {summary.seconds:.1f} s -> {out}",
        err=True,
    )
    if stored is not None:
        click.echo(f"stored {stored.added} new article(s), {stored.skipped} already stored, "
                   f"{len(stored.rejected)} refused", err=True)  # fmt: skip
    if summary.failures or (stored is not None and stored.rejected):
        sys.exit(1)


def _bar(enabled: bool | None) -> Any:
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(desc="batch", unit="record", file=sys.stderr, dynamic_ncols=True)
