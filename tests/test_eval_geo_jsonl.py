"""The geo evaluation on the team's JSON lines gold format (``tests/data/places_fr_gold.jsonl``): the reader takes
offsets, ids and features, gives gold points from the gazetteer, keeps null ids for recognition only, refuses bad
records; the scorer runs each document in its own language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.api import Extractor
from sitrep.config import Options
from sitrep.errors import SitrepError
from sitrep.evaluation.geo import evaluate, read_corpus
from sitrep.gazetteer import load_gazetteer

KYIV, MOSCOW, LONDON = 703448, 524901, 2643743
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extractor() -> Iterator[Extractor]:
    """The places stage on the embedded gazetteer (conftest isolates the cache folder)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SITREP_GAZETTEER", raising=False)
        yield Extractor(Options(stages=("places",)))


def _place(text: str, name: str, geonameid: int | None, feature: str) -> dict[str, object]:
    start = text.index(name)
    return {"start": start, "end": start + len(name), "text": name, "geonameid": geonameid, "feature": feature}


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


FR = "Des frappes ont visé Kiev dans la nuit, puis le ministre est parti pour le Darfour."
EN = "The delegation flew from London to Moscow on Monday."
RECORDS: list[dict[str, object]] = [
    {"id": "a", "lang": "fr", "text": FR,
     "places": [_place(FR, "Kiev", KYIV, "city"), _place(FR, "Darfour", None, "other")]},
    {"id": "b", "lang": "en", "text": EN,
     "places": [_place(EN, "London", LONDON, "city"), _place(EN, "Moscow", MOSCOW, "city")]},
]  # fmt: skip


def test_reader_keeps_offsets_ids_features_and_gazetteer_points(tmp_path: Path) -> None:
    first, second = read_corpus(_write(tmp_path / "gold.jsonl", RECORDS))
    assert (first.id, first.lang, second.lang) == ("a", "fr", "en")
    kiev, darfour = first.toponyms
    assert (kiev.text, kiev.kind, kiev.geonameid) == ("Kiev", "city", KYIV)
    entry = load_gazetteer().by_geonameid(KYIV)
    assert entry is not None and (kiev.lat, kiev.lon) == (entry.lat, entry.lon)
    assert (darfour.geonameid, darfour.lat, darfour.lon, darfour.kind) == (None, None, None, "other")


def test_scores_recognition_and_resolution_each_document_in_its_language(tmp_path: Path,
                                                                         extractor: Extractor) -> None:  # fmt: skip
    result = evaluate(_write(tmp_path / "gold.jsonl", RECORDS), extractor)
    assert result.documents == 2
    assert result.metrics["recognition"]["tp"] >= 3 and result.metrics["recognition"]["fp"] == 0
    exact = result.metrics["exact_geonameid"]
    assert exact["total"] == 3 and exact["right"] == 3  # the null id counts for recognition only
    assert result.per_label["city"]["gold"] == 3


@pytest.mark.parametrize(
    ("place", "message"),
    [
        ({"start": 0, "end": 3, "text": "Kiev", "geonameid": KYIV}, "give"),  # offsets and text disagree
        ({"start": 5, "end": 2, "geonameid": KYIV}, "bad offsets"),
        ({"start": 21, "end": 25, "geonameid": "Kyiv"}, "not an integer"),
        ({"end": 25, "geonameid": KYIV}, "start"),
    ],
)
def test_bad_records_raise_coded_errors(tmp_path: Path, place: dict[str, object], message: str) -> None:
    path = _write(tmp_path / "bad.jsonl", [{"id": "x", "lang": "fr", "text": FR, "places": [place]}])
    with pytest.raises(SitrepError, match=f"E422.*line 1.*{message}"):
        list(read_corpus(path))


def test_team_gold_set_is_well_formed() -> None:
    documents = list(read_corpus(REPO / "tests" / "data" / "places_fr_gold.jsonl"))
    assert len(documents) >= 50
    assert all(d.lang == "fr" and d.toponyms for d in documents[:5])
    assert {t.kind for d in documents for t in d.toponyms} <= {"city", "admin", "country", "other"}
