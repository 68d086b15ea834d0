"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..article import parse_published
from ..config import Options
from ..errors import InputError, SitrepError
from ..ingest import Item, ReadOptions
from ..report import Report

if TYPE_CHECKING:
    from ..api import Extractor

F = TypeVar("F", bound=Callable[..., Any])


def parse_fields(values: Iterable[str]) -> dict[str, str]:
    """``--field published=date`` pairs as a mapping from sitrep's field to the input's."""
    mapping: dict[str, str] = {}
    for value in values:
        ours, sep, theirs = value.partition("=")
        if not sep or not ours or not theirs:
            raise click.BadParameter(f"{value!r}: expected SITREP_FIELD=INPUT_FIELD, e.g. published=date")
        if ours not in ("id", "text", "title", "published", "language", "url", "source"):
            raise click.BadParameter(f"{ours!r} is not an article field (id, text, title, published, ...)")
        mapping[ours] = theirs
    return mapping


def input_options(func: F) -> F:
    """The options of commands that read articles."""
    decorators = [
        click.option("--lang", metavar="LANG", help="Language of every article (fr, en), instead of identifying it."),
        click.option("--published", metavar="DATE",
                     help="Publication date (YYYY-MM-DD) of every article, overriding the input's own."),
        click.option("--field", "fields", multiple=True, metavar="OURS=THEIRS",
                     help="Read a JSONL field under another name, e.g. --field published=date (repeatable)."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True,
                     help="Largest text, HTML page, feed or JSONL line accepted."),
        click.option("--model", metavar="NAME",
                     help="A spaCy pipeline (package name or path) to build on instead of the blank default."),
        click.option("--stages", metavar="LIST",
                     help="Comma-separated stages to run (default: all: sentences,times,quantities,places,"
                          "entities,quotes,events)."),
        click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="A TOML file of extraction options."),
        click.option("--progress/--no-progress", "show_progress", default=None,
                     help="Show a progress bar (default: when standard error is a terminal)."),
    ]  # fmt: skip
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def make_extractor(model: str | None, stages: str | None, config_path: Path | None) -> Extractor:
    """The extractor the options ask for (importing the pipeline only now)."""
    from ..api import Extractor

    return Extractor(build_options(model, stages, config_path))


def build_options(model: str | None, stages: str | None, config_path: Path | None) -> Options:
    try:
        base = Options.from_toml(config_path) if config_path else Options()
        chosen = tuple(s.strip() for s in stages.split(",") if s.strip()) if stages else None
        return base.merged(model=model, stages=chosen)
    except SitrepError as exc:
        raise click.UsageError(str(exc)) from exc


def read_options(fields: Iterable[str], max_bytes: int) -> ReadOptions:
    return ReadOptions(fields=parse_fields(fields), max_bytes=max_bytes)


T = TypeVar("T")


def progress(items: Iterable[T], *, enabled: bool | None, desc: str, unit: str = "article") -> Iterator[T]:
    """``items`` with a progress bar on standard error when it is a terminal (or when asked)."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(items, desc=desc, unit=unit, file=sys.stderr, dynamic_ncols=True) as bar:
        yield from bar


def warn(message: str) -> None:
    click.echo(f"sitrep: {message}", err=True)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input record that gave no report; already named on standard error."""

    article_id: str | None
    origin: str | None
    message: str


def extracted(items: Iterable[Item], extractor: Extractor, *, published: str | None, lang: str | None
              ) -> Iterator[Report | Problem]:  # fmt: skip
    """Each input item in order: its report (with the ``--published`` / ``--lang`` overrides), or a :class:`Problem`."""
    from ..api import Failure

    for item in items:
        if isinstance(item, InputError):
            warn(str(item))
            yield Problem(None, item.source, item.reason)
            continue
        article = item.with_overrides(published=published, language=lang)
        (result,) = extractor.extract_many([article])
        if isinstance(result, Failure):
            warn(f"{article.origin or article.id}: {result.error}")
            yield Problem(article.id, article.origin, str(result.error))
            continue
        yield result


def published_option(value: str | None) -> str | None:
    """The ``--published`` option as an ISO date, or a usage error."""
    try:
        return parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from exc
