"""``sitrep gazetteer``: build the embedded gazetteer, import GeoNames dump files, and show which index is used."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from ..errors import SitrepError


@click.group()
def gazetteer() -> None:
    """The GeoNames gazetteer that the places stage resolves toponyms against.

    By default sitrep compiles an embedded gazetteer (GeoNames cities of 500+ inhabitants, countries, first-level
    regions, French and English names) into its cache folder ($SITREP_CACHE_DIR, else $XDG_CACHE_HOME/sitrep or
    ~/.cache/sitrep) on first use. With a GeoNames dump (https://download.geonames.org/export/dump/),
    `sitrep gazetteer import` builds a fuller index that the pipeline then uses instead. $SITREP_GAZETTEER names
    an index file to use in place of both.
    """


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--alternate-names",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="alternateNamesV2.txt (or alternateNames.txt): names in other languages.",
)
@click.option(
    "--into",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Index file to write. [default: the cache folder's gazetteer-geonames.idx, used by the pipeline]",
)
@click.option(
    "--classes",
    metavar="LIST",
    help="GeoNames feature classes to keep, comma-separated (e.g. A,P,L,T,H). [default: all]",
)
@click.option("--min-population", type=click.IntRange(min=0), default=0, show_default=True,
              help="Leave out populated places (class P) smaller than this.")  # fmt: skip
def import_command(files: tuple[Path, ...], alternate_names: Path | None, target: Path | None, classes: str | None,
                   min_population: int) -> None:  # fmt: skip
    """Import GeoNames FILES (allCountries.txt, per-country files such as UA.txt, cities500.txt) into an index.

    \b
    Example:
      sitrep gazetteer import UA.txt RU.txt --alternate-names alternateNamesV2.txt
    """
    from ..gazetteer import Gazetteer, import_geonames, imported_index_path

    started = time.perf_counter()
    try:
        builder = import_geonames(
            files,
            alternate_names=alternate_names,
            classes=[c.strip() for c in classes.split(",") if c.strip()] if classes else None,
            min_population=min_population,
        )
        path = builder.write(target or imported_index_path())
        info = Gazetteer.load(path).info()
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {path}: {info['entries']:,} places, {info['names']:,} names "
               f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
    if target is not None:
        click.echo(f"to use it: export SITREP_GAZETTEER={path}")


@gazetteer.command()
def build() -> None:
    """Rebuild the embedded default gazetteer in the cache folder (done automatically on first use)."""
    from ..gazetteer import build_default

    started = time.perf_counter()
    try:
        path = build_default()
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {path} ({time.perf_counter() - started:.1f} s)")


@gazetteer.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--lookup", "names", multiple=True, metavar="NAME", help="Also look a name up (repeatable).")
def info(as_json: bool, names: tuple[str, ...]) -> None:
    """Show the index the pipeline uses: where it is, what it was built from, how many places and names."""
    from ..gazetteer import load_gazetteer

    try:
        started = time.perf_counter()
        gaz = load_gazetteer()
        facts = gaz.info()
        facts["load_seconds"] = round(time.perf_counter() - started, 3)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    found = {
        name: [
            {"geonameid": e.geonameid, "name": e.name, "country": e.country, "feature": e.feature,
             "lat": e.lat, "lon": e.lon, "population": e.population}
            for e in gaz.lookup(name)[:5]
        ]
        for name in names
    }  # fmt: skip
    if as_json:
        click.echo(json.dumps({**facts, "lookups": found}, ensure_ascii=False, indent=2))
        return
    for key, value in facts.items():
        click.echo(f"{key:15} {value}")
    for name, entries in found.items():
        click.echo(f"{name}:")
        for entry in entries or [{"name": "(not found)"}]:
            click.echo("  " + "  ".join(f"{k}={v}" for k, v in entry.items() if v is not None))
