"""``sitrep extract``: reports for articles, printed as JSON (one article) or JSONL (many)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import click

from ..ingest import Item, ReadOptions, read_data, read_inputs
from ..ingest.sniff import SNIFF_BYTES, kind_of
from ..report import Report, error_record
from .common import Problem, extracted, input_options, make_extractor, progress, published_option, read_options, warn
from .pretty import render


def _inputs(paths: tuple[str, ...], options: ReadOptions) -> tuple[bool, Iterator[Item]]:
    """Whether the input is a single document (one text or HTML file or stdin text), and its articles."""
    if paths == ("-",):
        data = sys.stdin.buffer.read()
        single = kind_of("", data[:SNIFF_BYTES]) in ("text", "html")
        return single, read_data(data, "<stdin>", options)
    single = False
    if len(paths) == 1:
        path = Path(paths[0])
        single = path.is_file() and not path.name.endswith(".gz") and kind_of(path.name, b"") in ("text", "html")
    return single, read_inputs(paths, options)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH|-...")
@input_options
@click.option("--pretty", is_flag=True, help="Print a readable summary instead of JSON.")
@click.option("--indent", type=click.IntRange(min=0), default=None,
              help="Indent JSON by this many spaces (default: 2 for one article, none for JSONL).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
def extract(
    paths: tuple[str, ...], lang: str | None, published: str | None, fields: tuple[str, ...], max_bytes: int,
    model: str | None, stages: str | None, config_path: Path | None, show_progress: bool | None, pretty: bool,
    indent: int | None, output: TextIO,
) -> None:  # fmt: skip
    """Extract the sourced record of articles.

    PATH is a text, HTML, JSONL (optionally .gz) or RSS/Atom file, a folder of them, or - for standard input.
    One text or HTML file prints one report as JSON; anything else prints JSONL, one line per input record in
    input order (a record that cannot be read gives an error line, and is named on standard error). The exit
    status is 1 when any input failed.
    """
    published = published_option(published)
    extractor = make_extractor(model, stages, config_path)
    single, items = _inputs(paths, read_options(fields, max_bytes))
    failures = 0
    items = progress(items, enabled=show_progress, desc="extract")
    for result in extracted(items, extractor, published=published, lang=lang):
        if isinstance(result, Problem):
            failures += 1
            if not single and not pretty:
                line = error_record(result.article_id, result.origin, result.message)
                print(json.dumps(line, ensure_ascii=False), file=output)
            continue
        _write(result, output, pretty=pretty, single=single, indent=indent)
    if failures:
        warn(f"{failures} input(s) failed")
        sys.exit(1)


def _write(report: Report, output: TextIO, *, pretty: bool, single: bool, indent: int | None) -> None:
    if pretty:
        click.echo(render(report), file=output)
    elif single:
        output.write(report.to_json(indent=2 if indent is None else indent) + "\n")
    else:
        output.write(report.to_json(indent=indent) + "\n")
