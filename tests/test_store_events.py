"""Event queries over the store (``Store.events`` and ``sitrep events``), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import _register, cli
from sitrep.report import (
    ArticleMeta,
    Claim,
    Entity,
    Event,
    Offsets,
    Place,
    Quote,
    Report,
    Speaker,
    TextSpan,
)  # fmt: skip
from sitrep.store import EventFilter, Store
from tests.postgres import fresh_schema, postgres_url  # noqa: F401 - pytest fixture


def at(text: str, needle: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return TextSpan(start, start + len(needle), needle)


def kyiv_report() -> Report:
    text = ("Kiev a repoussé dans la nuit une attaque de missiles russes. « Nos troupes ont libéré deux villages "
            "près de Bakhmout », a déclaré Ganna Maliar.")  # fmt: skip
    kyiv, bakhmut = at(text, "Kiev"), at(text, "Bakhmout")
    quote = at(text, "Nos troupes ont libéré deux villages près de Bakhmout")
    maliar = at(text, "Ganna Maliar")
    return Report(
        article=ArticleMeta("kyiv-1", published="2023-05-16", language="fr"),
        text=text,
        entities=(Entity("e1", "location", "Kiev", (kyiv,)), Entity("e2", "group", "Russie", (at(text, "russes"),)),
                  Entity("e3", "person", "Ganna Maliar", (maliar,))),
        places=(Place(kyiv.start, kyiv.end, kyiv.text, 703448, "Kyiv", "UA", 50.45, 30.52, "city"),
                Place(bakhmut.start, bakhmut.end, bakhmut.text, 713174, "Bakhmut", "UA", 48.59, 38.0, "city")),
        quotes=(Quote("q1", "direct", quote.start, quote.end, quote.text,
                      Speaker(maliar.start, maliar.end, maliar.text, "e3", "Ganna Maliar"), at(text, "a déclaré")),),
        events=(
            Event("v1", "ASSAULT", at(text, "repoussé"), Offsets(0, 60), mode="aerial", actors=("e2",),
                  recipients=("e1",), place=kyiv),
            Event("v2", "ASSAULT", at(text, "libéré"), Offsets(61, len(text)), context=("territory",),
                  place=bakhmut, claimed_by=Claim("q1", "e3", "Ganna Maliar")),
        ),
    )


def london_report() -> Report:
    text = "Rishi Sunak s'est engagé à livrer des missiles à l'Ukraine."
    sunak, ukraine = at(text, "Rishi Sunak"), at(text, "l'Ukraine")
    return Report(
        article=ArticleMeta("london-2", published="2023-05-17", language="fr"),
        text=text,
        entities=(Entity("e1", "person", "Rishi Sunak", (sunak,)), Entity("e2", "location", "Ukraine", (ukraine,))),
        events=(Event("v1", "AID", at(text, "livrer"), Offsets(0, len(text)), actors=("e1",), recipients=("e2",),
                      modality="future"),),
    )  # fmt: skip


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = str(tmp_path / "events.db")
        with Store(url) as opened:
            opened.add_many([kyiv_report(), london_report()])
            yield opened
        return
    base = request.getfixturevalue("postgres_url")
    with fresh_schema(base, f"ev_{tmp_path.name[-16:].replace('-', '_').lower()}") as url, Store(url) as opened:
        opened.add_many([kyiv_report(), london_report()])
        yield opened


def found(store: Store, **kw: object) -> list[tuple[str, str]]:
    since, until = kw.pop("since", None), kw.pop("until", None)
    return [(r.article.id, e.id) for r, e in store.events(EventFilter(**kw), since=since, until=until)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("kyiv-1", "v1"), ("kyiv-1", "v2"), ("london-2", "v1")]),
        ({"type": "assault"}, [("kyiv-1", "v1"), ("kyiv-1", "v2")]),
        ({"actor": "sunak"}, [("london-2", "v1")]),
        ({"recipient": "ukraine"}, [("london-2", "v1")]),
        ({"recipient": "KIEV"}, [("kyiv-1", "v1")]),
        ({"place": "bakhmut"}, [("kyiv-1", "v2")]),  # GeoNames name of "Bakhmout"
        ({"place": "bakhmout"}, [("kyiv-1", "v2")]),  # as written
        ({"claimed_by": "maliar"}, [("kyiv-1", "v2")]),
        ({"modality": "future"}, [("london-2", "v1")]),
        ({"since": "2023-05-17"}, [("london-2", "v1")]),
        ({"until": "2023-05-16", "type": "AID"}, []),
        ({"limit": 1}, [("kyiv-1", "v1")]),
        ({"actor": "100%_"}, []),  # LIKE wildcards in a name are taken literally
    ],
)
def test_event_filters(store: Store, filters: dict[str, object], expected: list[tuple[str, str]]) -> None:
    assert found(store, **filters) == expected


def test_events_command(tmp_path: Path) -> None:
    _register()
    db = str(tmp_path / "cli.db")
    with Store(db) as opened:
        opened.add_many([kyiv_report(), london_report()])
    runner = CliRunner()
    table = runner.invoke(cli, ["events", "--db", db, "--claimed-by", "Maliar"])
    assert table.exit_code == 0, table.output
    header, row = table.stdout.splitlines()
    assert header.split("\t")[:3] == ["published", "article", "type"]
    assert row.split("\t") == ["2023-05-16", "kyiv-1", "ASSAULT", "actual", "", "", "Bakhmut (UA)",
                               "Ganna Maliar", "libéré"]  # fmt: skip
    lines = runner.invoke(cli, ["events", "--db", db, "--format", "jsonl", "--type", "AID"]).stdout.splitlines()
    assert [json.loads(x)["event"]["modality"] for x in lines] == ["future"]


def test_events_command_exports_plover_and_acled(tmp_path: Path) -> None:
    _register()
    db = str(tmp_path / "cli.db")
    with Store(db) as opened:
        opened.add_many([kyiv_report(), london_report()])
    runner = CliRunner()
    plover = runner.invoke(cli, ["events", "--db", db, "--format", "plover"])
    assert plover.exit_code == 0, plover.output
    records = [json.loads(line) for line in plover.stdout.splitlines()]
    assert [(r["id"], r["event"], r["sitrep_type"]) for r in records] == [
        ("kyiv-1:v1", "ASSAULT", "ASSAULT"), ("kyiv-1:v2", "ASSAULT", "ASSAULT"),
        ("london-2:v1", "AGREE", "AID"),  # a pledge is coded AGREE, as PLOVER does
    ]  # fmt: skip
    assert records[1]["claimed_by"]["name"] == "Ganna Maliar"
    assert records[0]["event_loc"]["geonameid"] == 703448
    acled = runner.invoke(cli, ["events", "--db", db, "--format", "acled"])
    rows = list(csv.DictReader(io.StringIO(acled.stdout)))
    assert [(r["event_type"], r["sub_event_type"], r["location"]) for r in rows] == [
        ("Explosions/Remote violence", "Air/drone strike", "Kyiv"), ("Battles", "Armed clash", "Bakhmut"),
    ]  # fmt: skip  # the future AID is no ACLED event
    assert rows[1]["notes"].endswith("[claimed by Ganna Maliar]")
