"""The report contract: exact JSON shape, offsets, round trips, and the shipped JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import sitrep
from sitrep.report import (
    SCHEMA,
    ArticleMeta,
    Claim,
    Entity,
    Event,
    Offsets,
    Place,
    Quantity,
    Quote,
    Report,
    ReportError,
    Speaker,
    TextSpan,
    Time,
)
from sitrep.schema import report_schema

TEXT = (
    "« Nos troupes ont libéré environ 20 kilomètres carrés », a indiqué lundi la vice-ministre Ganna Maliar "
    "à Bakhmout."
)


def span(text: str, needle: str, start: int = 0) -> TextSpan:
    at = text.index(needle, start)
    return TextSpan(at, at + len(needle), needle)


def full_report() -> Report:
    """A report with one record of every kind, offsets computed from TEXT."""
    content = span(TEXT, "Nos troupes ont libéré environ 20 kilomètres carrés")
    name = span(TEXT, "Ganna Maliar")
    place = span(TEXT, "Bakhmout")
    when = span(TEXT, "lundi")
    qty = span(TEXT, "environ 20 kilomètres carrés")
    return Report(
        article=ArticleMeta(id="a1", title="Bakhmout", published="2023-05-16", language="fr"),
        text=TEXT,
        entities=(Entity("e1", "person", "Ganna Maliar", (name,), {"title": "vice-ministre", "country": "UA"}),),
        places=(Place(place.start, place.end, place.text, 713174, "Bakhmut", "UA", 48.594, 37.999, "city", False,
                      0.9),),
        times=(Time(when.start, when.end, when.text, "DATE", "2023-05-15"),),
        quantities=(Quantity(qty.start, qty.end, qty.text, 20, "km2", True, None),),
        quotes=(Quote("q1", "direct", content.start, content.end, content.text,
                      Speaker(name.start, name.end, name.text, "e1", "Ganna Maliar"), span(TEXT, "a indiqué")),),
        events=(Event("v1", "ASSAULT", span(TEXT, "libéré"), Offsets(0, len(TEXT)), context=("territory",),
                      place=place, time=when, quantities=(qty,), claimed_by=Claim("q1", "e1", "Ganna Maliar"),
                      confidence=0.8),),
    )


def test_keys_follow_the_contract_in_order() -> None:
    data = full_report().to_dict()
    assert list(data) == ["schema", "article", "text", "entities", "places", "times", "quantities", "quotes",
                          "events"]  # fmt: skip
    assert data["schema"] == SCHEMA == "sitrep.report/v1"
    assert list(data["places"][0]) == ["start", "end", "text", "geonameid", "name", "country", "lat", "lon",
                                       "feature", "metonymic", "confidence"]  # fmt: skip
    assert list(data["quotes"][0]) == ["id", "kind", "start", "end", "text", "speaker", "cue"]
    assert list(data["events"][0]) == ["id", "type", "mode", "context", "trigger", "actors", "recipients", "place",
                                       "time", "quantities", "modality", "claimed_by", "sentence", "confidence"]


def test_round_trip_through_json() -> None:
    report = full_report()
    again = Report.from_json(report.to_json())
    assert again == report
    assert again.to_dict() == report.to_dict()


def test_offsets_check_passes_and_catches_a_shifted_span() -> None:
    report = full_report()
    report.check_offsets()
    bad = Report(article=report.article, text=report.text,
                 times=(Time(1, 6, "lundi", "DATE", "2023-05-15"),))  # fmt: skip
    with pytest.raises(ReportError, match="E103"):
        bad.check_offsets()


def test_records_are_immutable() -> None:
    report = full_report()
    with pytest.raises(AttributeError):
        report.text = "autre"  # type: ignore[misc]


@pytest.mark.parametrize("broken", [{"schema": "other/v9"}, {"schema": SCHEMA, "article": {}}])
def test_from_dict_rejects_what_is_not_a_report(broken: dict[str, object]) -> None:
    with pytest.raises(ReportError):
        Report.from_dict(broken)


def test_schema_accepts_a_full_report_and_rejects_a_bad_one() -> None:
    schema = report_schema()
    jsonschema.validate(full_report().to_dict(), schema)
    data = full_report().to_dict()
    data["quotes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_real_output_validates_against_the_schema() -> None:
    report = sitrep.extract(
        "Le ministère russe de la Défense a affirmé mardi avoir abattu 12 drones. « Nous continuerons », a dit "
        "le porte-parole.",
        lang="fr",
        published="2023-05-16",
    )
    jsonschema.validate(json.loads(report.to_json()), report_schema())
    report.check_offsets()


def test_seed_story_report_is_valid(seed_path: Path) -> None:
    report = sitrep.extract(seed_path.read_text(encoding="utf-8"), published="2023-05-16")
    jsonschema.validate(report.to_dict(), report_schema())
    report.check_offsets()
    assert report.article.language == "fr"
    assert report.article.published == "2023-05-16"
