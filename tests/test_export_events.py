"""PLOVER/POLECAT-shaped records and ACLED-shaped rows from a report's events (``sitrep.export_events``)."""

from __future__ import annotations

import pytest

from sitrep.export_events import ACLED_COLUMNS, acled_category, acled_rows, plover_records, plover_type
from sitrep.report import (
    ArticleMeta,
    Claim,
    Entity,
    Event,
    Offsets,
    Place,
    Quantity,
    Quote,
    Report,
    Speaker,
    TextSpan,
    Time,
)

TEXT = (
    "Des frappes russes ont tué 12 personnes à Kharkiv lundi, selon Oleh Synehoubov. "
    "Londres va livrer des missiles à Kiev."
)


def _span(text: str, needle: str) -> TextSpan:
    start = text.index(needle)
    return TextSpan(start, start + len(needle), needle)


def _report() -> Report:
    s1 = Offsets(0, TEXT.index("Londres") - 1)
    s2 = Offsets(TEXT.index("Londres"), len(TEXT))
    entities = (
        Entity("e1", "location", "Russie", (), {"country": "RU"}),
        Entity("e2", "location", "Kharkiv", (_span(TEXT, "Kharkiv"),), {"country": "UA"}),
        Entity("e3", "person", "Oleh Synehoubov", (_span(TEXT, "Oleh Synehoubov"),), {"country": "UA"}),
        Entity("e4", "location", "Londres", (_span(TEXT, "Londres"),), {"country": "GB"}),
        Entity("e5", "location", "Kiev", (_span(TEXT, "Kiev"),), {"country": "UA"}),
    )
    kharkiv = _span(TEXT, "Kharkiv")
    place = Place(kharkiv.start, kharkiv.end, "Kharkiv", 706483, "Kharkiv", "UA", 49.98, 36.25, "city")
    monday = _span(TEXT, "lundi")
    dead = _span(TEXT, "12 personnes")
    quote = _span(TEXT, "Des frappes russes ont tué 12 personnes à Kharkiv lundi")
    speaker = _span(TEXT, "Oleh Synehoubov")
    events = (
        Event("v1", "ASSAULT", _span(TEXT, "frappes"), s1, mode="aerial", context=("military",), actors=("e1",),
              recipients=("e2",), place=TextSpan(place.start, place.end, place.text), time=monday,
              quantities=(dead,), claimed_by=Claim("q1", "e3", "Oleh Synehoubov"), confidence=0.8),
        Event("v2", "AID", _span(TEXT, "livrer"), s2, context=("military",), actors=("e4",), recipients=("e5",),
              modality="future", confidence=0.9),
    )  # fmt: skip
    return Report(
        ArticleMeta("a1", published="2023-05-16", source="AFP"),
        TEXT,
        entities=entities,
        places=(place,),
        times=(Time(monday.start, monday.end, "lundi", "DATE", "2023-05-15"),),
        quantities=(Quantity(dead.start, dead.end, dead.text, 12, "killed"),),
        quotes=(Quote("q1", "according_to", quote.start, quote.end, quote.text,
                      Speaker(speaker.start, speaker.end, speaker.text, "e3", "Oleh Synehoubov")),),
        events=events,
    )  # fmt: skip


def test_plover_records_have_the_polecat_fields_and_the_claim() -> None:
    records = plover_records(_report())
    assert [r["event"] for r in records] == ["ASSAULT", "AGREE"]  # a future aid is a PLOVER AGREE
    first = records[0]
    for key in ("actor", "recipient", "event", "mode", "context", "date", "event_loc", "event_text", "claimed_by"):
        assert key in first
    assert [a["name"] for a in first["actor"]] == ["Russie"]
    assert [r["name"] for r in first["recipient"]] == ["Kharkiv"]
    assert first["date"] == "2023-05-15"  # the event's own date, not the article's
    assert first["event_loc"]["geonameid"] == 706483
    assert first["event_text"].startswith("Des frappes russes")
    assert first["claimed_by"] == {"quote": "q1", "entity": "e3", "name": "Oleh Synehoubov"}
    second = records[1]
    assert (second["sitrep_type"], second["modality"], second["claimed_by"]) == ("AID", "future", None)
    assert second["date"] == "2023-05-16"  # no time of its own: the publication date


@pytest.mark.parametrize(
    ("kind", "modality", "expected"),
    [
        ("AID", "actual", "AID"),
        ("AID", "future", "AGREE"),
        ("CONSULT", "hypothetical", "AGREE"),
        ("ASSAULT", "future", "THREATEN"),
        ("SANCTION", "hypothetical", "THREATEN"),
        ("REQUEST", "future", "REQUEST"),
        ("AGREE", "negated", "REJECT"),
        ("ASSAULT", "negated", None),
    ],
)
def test_plover_conventions_for_modality(kind: str, modality: str, expected: str | None) -> None:
    event = Event("v1", kind, TextSpan(0, 1, "x"), Offsets(0, 1), modality=modality)  # type: ignore[arg-type]
    assert plover_type(event) == expected


def test_acled_rows() -> None:
    rows = acled_rows(_report())
    assert len(rows) == 1  # the future aid is no ACLED event
    row = rows[0]
    assert tuple(row) == ACLED_COLUMNS
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (row["actor1"], row["actor2"]) == ("Russie", "Kharkiv")
    assert (row["country"], row["location"], row["geo_precision"]) == ("Ukraine", "Kharkiv", 1)
    assert (row["latitude"], row["longitude"]) == (49.98, 36.25)
    assert row["event_date"] == "2023-05-15"
    assert row["fatalities"] == 12
    assert row["source"] == "AFP"
    assert "claimed by Oleh Synehoubov" in row["notes"]


@pytest.mark.parametrize(
    ("kind", "mode", "context", "expected"),
    [
        ("ASSAULT", "heavy-weapons", (), ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("ASSAULT", "drone", (), ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", "suicide-attack", (), ("Explosions/Remote violence", "Suicide bomb")),
        ("ASSAULT", None, ("territory",), ("Battles", "Armed clash")),
        ("ASSAULT", "torture", (), ("Violence against civilians", "Attack")),
        ("PROTEST", "riot", (), ("Riots", "Violent demonstration")),
        ("PROTEST", "demo", (), ("Protests", "Peaceful protest")),
        ("COERCE", "arrest", (), ("Strategic developments", "Arrests")),
        ("COERCE", "detain", (), ("Violence against civilians", "Abduction/forced disappearance")),
        ("RETREAT", "withdraw", ("territory",), ("Strategic developments", "Non-violent transfer of territory")),
        ("AGREE", None, (), ("Strategic developments", "Agreement")),
        ("CONSULT", "visit", (), None),
        ("SANCTION", None, (), None),
    ],
)
def test_acled_mapping(kind: str, mode: str | None, context: tuple[str, ...],
                       expected: tuple[str, str] | None) -> None:  # fmt: skip
    event = Event("v1", kind, TextSpan(0, 1, "x"), Offsets(0, 1), mode=mode, context=context)
    assert acled_category(event) == expected


def test_empty_report() -> None:
    report = Report(ArticleMeta("a0"), "Rien.")
    assert plover_records(report) == []
    assert acled_rows(report) == []
