"""The TimeML reader and the time scorer (sitrep.evaluation.time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.api import Extractor
from sitrep.config import Options
from sitrep.errors import SitrepError
from sitrep.evaluation.time import GoldDoc, GoldTimex, evaluate, read_corpus, read_tml, score

TML = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DOCID>test-1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="2023-05-16" /></DCT>
<TEXT>
Kiev a été <EVENT eid="e1">frappée</EVENT> <TIMEX3 tid="t2" type="DATE" value="2023-05-15">lundi</TIMEX3> \
pendant <TIMEX3 tid="t3" type="DURATION" value="PT3H">trois heures</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml(tmp_path: Path) -> Path:
    path = tmp_path / "test-1.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_reader_gives_offsets_in_the_plain_text(tml: Path) -> None:
    doc = read_tml(tml)
    assert doc.dct == "2023-05-16"
    assert "<" not in doc.text
    assert [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes] == [
        ("lundi", "DATE", "2023-05-15"),
        ("trois heures", "DURATION", "PT3H"),
    ]


def test_reader_rejects_a_file_that_is_not_timeml(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(SitrepError, match="E430"):
        read_tml(bad)


def test_scores_strict_relaxed_type_and_value() -> None:
    doc = GoldDoc("d", "x" * 40, "2023-05-16", (GoldTimex(0, 5, "DATE", "2023-05-15"),
                                                 GoldTimex(10, 20, "DURATION", "P3Y")))  # fmt: skip
    predicted = [(0, 5, "DATE", "2023-05-15"), (12, 20, "DATE", "P3Y"), (30, 35, "DATE", "2023")]
    result = score([doc], [predicted], dataset="unit")
    assert result.metrics["strict"]["tp"] == 1
    assert result.metrics["relaxed"]["tp"] == 2
    assert result.metrics["relaxed"]["fp"] == 1
    assert result.metrics["type_accuracy"]["accuracy"] == 0.5
    assert result.metrics["value_accuracy"]["accuracy"] == 1.0


def test_evaluate_runs_the_pipeline_on_a_file(tml: Path) -> None:
    result = evaluate(tml, Extractor(Options(stages=("times",))))
    assert result.documents == 1
    assert result.metrics["strict"]["f1"] == 1.0
    assert result.metrics["value_accuracy"]["accuracy"] == 1.0


def test_french_timebank_sample_stays_above_its_baseline(shared_data: Path) -> None:
    timebank = shared_data / "time" / "fr-timebank"
    if not timebank.is_dir():
        pytest.skip(f"{timebank} is missing")
    result = evaluate(timebank, Extractor(Options(stages=("times",))), limit=20)
    assert result.documents == len(read_corpus(timebank, limit=20))
    assert result.metrics["relaxed"]["f1"] >= 0.85
    assert result.metrics["value_accuracy"]["accuracy"] >= 0.8
