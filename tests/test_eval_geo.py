"""The geoparsing evaluation: LGL and GeoWebNews readers and the recognition / resolution scorer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.api import Extractor
from sitrep.config import Options
from sitrep.evaluation.geo import evaluate, haversine_km, read_corpus

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title>
    <text><![CDATA[Fire in Alexandria, Louisiana. The Russian envoy flew to Cairo.]]></text>
    <toponyms>
      <toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>31.3113</lat><lon>-92.4451</lon><country geonameid="6252001">United States</country></gaztag>
      </toponym>
      <toponym><start>20</start><end>29</end><phrase>Louisiana</phrase>
        <gaztag geonameid="4331987"><name>Louisiana</name><fclass>A</fclass><fcode>ADM1</fcode>
          <lat>31.00047</lat><lon>-92.00015</lon><country geonameid="6252001">United States</country></gaztag>
      </toponym>
      <toponym><start>35</start><end>42</end><phrase>Russian</phrase></toponym>
      <toponym><start>57</start><end>62</end><phrase>Cairo</phrase>
        <gaztag geonameid="360630"><name>Cairo</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>30.06263</lat><lon>31.24967</lon><country geonameid="357994">Egypt</country></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="0">
    <title>t</title>
    <text>Turkey said Syrian forces left Afrin. Mr Jamison spoke.</text>
    <toponyms>
      <toponym><extractedName>Turkey</extractedName><normalisedName>Turkey</normalisedName><type>Metonymic</type>
        <modifierType/><nonLocational>No</nonLocational><start>0</start><end>6</end>
        <geonamesID>298795</geonamesID><latitude>39.0</latitude><longitude>35.0</longitude></toponym>
      <toponym><extractedName>Syrian</extractedName><normalisedName>Syria</normalisedName>
        <type>Literal_Modifier</type><modifierType>Adjective</modifierType><nonLocational>No</nonLocational>
        <start>12</start><end>18</end><geonamesID>163843</geonamesID><latitude>35.0</latitude>
        <longitude>38.0</longitude></toponym>
      <toponym><extractedName>Afrin</extractedName><normalisedName>Afrin</normalisedName><type>Literal</type>
        <modifierType/><nonLocational>No</nonLocational><start>31</start><end>36</end>
        <geonamesID>174186</geonamesID><latitude>36.51194</latitude><longitude>36.86954</longitude></toponym>
      <toponym><extractedName>Jamison</extractedName><normalisedName/><type>Homonym</type><modifierType/>
        <nonLocational>No</nonLocational><start>41</start><end>48</end><geonamesID/><latitude/><longitude/></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Extractor]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITREP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "sitrep-cache"))
        patch.delenv("SITREP_GAZETTEER", raising=False)
        yield Extractor(Options(stages=("places",)))


def test_lgl_reader_keeps_offsets_ids_and_points(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    (doc,) = read_corpus(path)
    assert [t.text for t in doc.toponyms] == ["Alexandria", "Louisiana", "Russian", "Cairo"]
    assert doc.toponyms[0].geonameid == 4314550 and doc.toponyms[0].country_geonameid == 6252001
    assert doc.toponyms[2].geonameid is None and doc.toponyms[2].lat is None


def test_gwn_reader_sets_aside_adjectives_and_marks_homonyms(tmp_path: Path) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN, encoding="utf-8")
    (doc,) = read_corpus(path)
    assert [(t.text, t.kind) for t in doc.toponyms] == [("Turkey", "Metonymic"), ("Afrin", "Literal")]
    assert doc.ignored == [(12, 18)] and doc.negatives == [(41, 48)]


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((48.8566, 2.3522), (51.5074, -0.1278), 344), ((50.45, 30.52), (50.45, 30.52), 0)],
)
def test_haversine(a: tuple[float, float], b: tuple[float, float], km: int) -> None:
    assert abs(haversine_km(*a, *b) - km) < 3


def test_scores_lgl(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    result = evaluate(path, extractor)
    metrics = result.metrics
    assert result.documents == 1
    # "Russian" is a demonym, set aside; the three places are found
    assert metrics["recognition"]["tp"] == 3 and metrics["recognition"]["fn"] == 0
    assert metrics["exact_geonameid"]["right"] >= 2  # Alexandria (by the apposition) and Cairo
    assert metrics["country"]["accuracy"] == 1.0
    assert any("demonyms" in note for note in result.notes)


def test_scores_gwn(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN, encoding="utf-8")
    result = evaluate(path, extractor)
    metrics = result.metrics
    assert metrics["recognition"]["tp"] == 2 and metrics["recognition"]["fp"] == 0
    assert metrics["exact_geonameid"]["right"] == 2
    assert metrics["acc@161km"]["total"] == 2
    assert result.per_label["Literal"]["recall"] == 1.0


def test_limit_counts_documents(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN.replace("</articles>", GWN.split("<articles>")[1]), encoding="utf-8")
    assert evaluate(path, extractor, limit=1).documents == 1


@pytest.mark.slow
@pytest.mark.parametrize("name", ["GWN.xml", "lgl.xml"])
def test_shared_corpora_run(shared_data: Path, extractor: Extractor, name: str) -> None:
    path = shared_data / "geo" / name
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    result = evaluate(path, extractor, limit=20)
    assert result.documents == 20
    assert result.metrics["recognition"]["f1"] > 0.5


HIPE = (
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n"
    "# hipe2022:document_id = d1\n"
    "Le\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "ministre\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "est\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "parti\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "pour\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
    "Londres\tB-LOC\t_\tO\t_\t_\tO\tQ84\t_\tNoSpaceAfter\n"
    ".\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
)


def test_hipe_reader_rebuilds_text_and_scores_recognition(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "hipe-fr.tsv"
    path.write_text(HIPE, encoding="utf-8")
    (doc,) = read_corpus(path)
    assert doc.text.startswith("Le ministre est parti pour Londres.")
    assert [(t.text, t.kind) for t in doc.toponyms] == [("Londres", "LOC-linked")]
    result = evaluate(path, extractor)
    assert result.metrics["recognition"]["tp"] == 1 and result.metrics["recognition"]["fp"] == 0


def hipe_rows(*rows: tuple[str, str, str]) -> str:
    """A HIPE TSV document from (token, coarse tag, MISC) rows."""
    head = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT"
    lines = [head + "\tNEL-METO\tMISC", "# hipe2022:document_id = d2"]
    lines += [f"{token}\t{tag}\t_\tO\t_\t_\tO\t_\t_\t{misc}" for token, tag, misc in rows]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("rows", "text"),
    [
        # a line break that the OCR'd page lost between two words: they stay two words
        (
            (
                ("de", "O", "_"),
                ("la", "O", "NoSpaceAfter"),
                ("France", "B-LOC", "NoSpaceAfter"),
                ("Ajoutons", "O", "_"),
            ),
            "de la\nFrance\nAjoutons",
        ),
        ((("888", "O", "NoSpaceAfter"), ("France", "B-LOC", "_")), "888\nFrance"),
        # an elision and a word cut at a line end stay glued
        ((("l", "O", "NoSpaceAfter"), ("’", "O", "NoSpaceAfter"), ("Allemagne", "B-LOC", "_")), "l’Allemagne"),
        ((("ex¬", "O", "NoSpaceAfter|EndOfLine"), ("cessif", "O", "_")), "ex¬cessif"),
    ],
)
def test_hipe_reader_restores_lost_line_breaks(
    tmp_path: Path, rows: tuple[tuple[str, str, str], ...], text: str
) -> None:
    path = tmp_path / "hipe-lines.tsv"
    path.write_text(hipe_rows(*rows), encoding="utf-8")
    (doc,) = read_corpus(path)
    assert doc.text.strip() == text
    assert all(doc.text[t.start : t.end] == t.text for t in doc.toponyms)
