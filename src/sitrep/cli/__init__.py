"""The ``sitrep`` command: a thin layer over the library API, one module per command group."""

from __future__ import annotations

import gc
import importlib

import click

from .. import __version__

# Command modules, each defining a click command or group under the name given here.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("extract", "extract"),
    ("store", "ingest"),
    ("batch", "batch"),
    ("serve", "serve"),
    ("store", "show"),
    ("store", "export"),
    ("store", "stats"),
    ("events", "events"),
    ("evaluate", "eval_command"),
    ("gazetteer", "gazetteer"),
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="sitrep")
def cli() -> None:
    """sitrep: a sourced record of war and geopolitics news.

    Reads articles (text, HTML, JSONL, RSS/Atom, folders) and extracts who said what, about what, where, when and
    how much, each fact traced to its sentence and to who claims it. Runs offline with no downloaded model.
    """


def _register() -> None:
    for module_name, attr in COMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{module_name}":
                continue  # an optional command group that this build does not ship
            raise
        cli.add_command(getattr(module, attr))


def main() -> None:
    """Entry point of the ``sitrep`` console script."""
    _register()
    try:
        cli(prog_name="sitrep")
    finally:
        # the process ends here: the collector's last passes over the pipeline's objects (about 0.2 s) are no use
        gc.freeze()
