"""``sitrep eval TASK PATH``: score the default pipeline (or a chosen model) on a gold data set."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import SitrepError
from ..evaluation import TASKS
from .common import make_extractor


@click.command("eval")
@click.argument("task", type=click.Choice(list(TASKS)), metavar="TASK")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N documents (or sentences).")
@click.option("--model", metavar="NAME", help="A spaCy pipeline to build on instead of the blank default.")
def eval_command(task: str, path: Path, as_json: bool, limit: int | None, model: str | None) -> None:
    """Score extraction against gold data: precision, recall, F1 and the task's own figures.

    \b
    TASK is one of:
      time    TimeML .tml files (French TimeBank): TIMEX3 extraction, type and value
      ner     CoNLL / BIO files: exact-span P/R/F1 per PER, ORG, LOC (MISC apart)
      geo     LGL / GeoWebNews XML or HIPE TSV: toponym recognition and GeoNames
              resolution
      quotes  PolNeAR BRAT folders, the aads JSON or a .jsonl quote gold set: quote
              content, source and speaker
      events  PLOVER gold standard records (JSON): event types and actors; or a
              .jsonl claims gold set: detection, actor, recipient, claimed_by,
              modality
      sentences  Universal Dependencies CoNLL-U: sentence boundaries and tokens
    """
    from ..evaluation import evaluate

    extractor = make_extractor(model, None, None)
    try:
        result = evaluate(task, path, extractor, limit=limit)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(result.to_json() if as_json else result.to_text())

