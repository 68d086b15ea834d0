"""``sitrep events``: stored events, filtered by type, actor, place, period and who claims them."""

from __future__ import annotations

import csv
import json
from typing import TextIO

import click

from ..errors import SitrepError
from ..report import EVENT_TYPES, MODALITIES, Event, Report
from .store import db_option, open_store


def _names(report: Report, ids: tuple[str, ...]) -> str:
    names = {e.id: e.name for e in report.entities}
    return "; ".join(names.get(i, i) for i in ids)


def _place(report: Report, event: Event) -> str:
    if event.place is None:
        return ""
    for place in report.places:
        if (place.start, place.end) == (event.place.start, event.place.end) and place.name:
            return f"{place.name} ({place.country})" if place.country else place.name
    return event.place.text


def _row(report: Report, event: Event) -> list[str]:
    claim = event.claimed_by.name or event.claimed_by.quote if event.claimed_by else "(article)"
    return [report.article.published or "", report.article.id, event.type, event.modality,
            _names(report, event.actors), _names(report, event.recipients), _place(report, event),
            claim or "", event.trigger.text]  # fmt: skip


@click.command()
@db_option
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False),
              help="PLOVER event type.")
@click.option("--actor", metavar="NAME", help="An actor's name contains NAME (case-insensitive).")
@click.option("--recipient", metavar="NAME", help="A recipient's name contains NAME.")
@click.option("--place", metavar="NAME", help="The event's place (as written, or its GeoNames name) contains NAME.")
@click.option("--claimed-by", metavar="NAME", help="The speaker who claims the event contains NAME.")
@click.option("--modality", type=click.Choice(MODALITIES), help="actual, future, hypothetical or negated.")
@click.option("--since", metavar="DATE", help="Articles published on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Articles published on or before DATE (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "plover", "acled"]), default="table",
              show_default=True,
              help="table: a tab-separated line per event; jsonl: the event record with its article; plover: "
                   "POLECAT-shaped JSON lines (PLOVER conventions: pledges become AGREE, threats THREATEN); acled: "
                   "ACLED-shaped CSV of the actual events ACLED codes (mapping in sitrep.export_events).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
def events(
    db_url: str | None, event_type: str | None, actor: str | None, recipient: str | None, place: str | None,
    claimed_by: str | None, modality: str | None, since: str | None, until: str | None, limit: int | None,
    fmt: str, output: TextIO,
) -> None:  # fmt: skip
    """List stored events, in order of publication.

    Each event comes with its article, its actors and recipients, its place, and who claims it ("(article)" when
    the article states it in its own voice).
    """
    from ..export_events import ACLED_COLUMNS, acled_row, plover_record
    from ..store import EventFilter

    filters = EventFilter(type=event_type, actor=actor, recipient=recipient, place=place, claimed_by=claimed_by,
                          modality=modality, limit=limit)  # fmt: skip
    count = 0
    with open_store(db_url) as store:
        try:
            acled = csv.DictWriter(output, fieldnames=ACLED_COLUMNS, lineterminator="\n")
            if fmt == "table":
                header = ["published", "article", "type", "modality", "actors", "recipients", "place",
                          "claimed_by", "trigger"]  # fmt: skip
                print("\t".join(header), file=output)
            elif fmt == "acled":
                acled.writeheader()
            for report, event in store.events(filters, since=since, until=until):
                if fmt == "table":
                    print("\t".join(_row(report, event)), file=output)
                elif fmt == "jsonl":
                    record = {"article": report.article.to_dict(), "event": event.to_dict()}
                    print(json.dumps(record, ensure_ascii=False), file=output)
                elif fmt == "plover":
                    coded = plover_record(report, event)
                    if coded is None:
                        continue
                    print(json.dumps(coded, ensure_ascii=False), file=output)
                else:
                    row = acled_row(report, event)
                    if row is None:
                        continue
                    acled.writerow(row)
                count += 1
        except SitrepError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} event(s)", err=True)
