"""The places stage on English news: toponyms found, resolved to GeoNames, metonymy flagged, non-places left out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from sitrep.api import Extractor
from sitrep.config import Options
from sitrep.pipeline.attrs import PLACES, PlaceAttrs


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Language]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITREP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "sitrep-cache"))
        patch.delenv("SITREP_GAZETTEER", raising=False)
        yield Extractor(Options(stages=("places",))).pipeline("en")


def places(nlp: Language, text: str) -> dict[str, PlaceAttrs]:
    doc = nlp(text)
    return {span.text: span._.place for span in doc.spans[PLACES]}


@pytest.mark.parametrize(
    ("text", "mention", "name", "country", "feature"),
    [
        ("Russian forces shelled Kharkiv overnight, officials said.", "Kharkiv", "Kharkiv", "UA", "city"),
        ("Fighting continued around Bakhmut on Tuesday.", "Bakhmut", "Bakhmut", "UA", "city"),
        ("Grain ships left Odesa under a UN-brokered deal.", "Odesa", "Odesa", "UA", "city"),
        ("The talks opened in Cairo on Sunday.", "Cairo", "Cairo", "EG", "city"),
        ("Airstrikes hit Idlib and Aleppo in northwestern Syria.", "Aleppo", "Aleppo", "SY", "city"),
        ("Airstrikes hit Idlib and Aleppo in northwestern Syria.", "Syria", "Syria", "SY", "country"),
        ("French troops left Mali after nine years.", "Mali", "Mali", "ML", "country"),
        ("Protesters gathered in New York and Los Angeles.", "Los Angeles", "Los Angeles", "US", "city"),
        ("The US imposed new sanctions.", "US", "United States", "US", "country"),
        ("Rockets were fired from the Gaza Strip toward Israel.", "Israel", "Israel", "IL", "country"),
        ("The aid convoy reached Eastern Ukraine on Monday.", "Ukraine", "Ukraine", "UA", "country"),
        ("The delegation flew on to Louisiana.", "Louisiana", "Louisiana", "US", "admin"),
    ],
)  # fmt: skip
def test_toponyms_are_found_and_resolved(
    nlp: Language, text: str, mention: str, name: str, country: str, feature: str
) -> None:
    found = places(nlp, text)
    assert mention in found, found
    place = found[mention]
    assert (place.name, place.country, place.feature) == (name, country, feature)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Shelling intensified in the Donetsk region.", "Donetsk region", "UA"),
        ("Ukrainian troops advanced in Kharkiv Oblast.", "Kharkiv Oblast", "UA"),
        ("Clashes were reported in Idlib province.", "Idlib province", "SY"),
    ],
)
def test_region_patterns_make_first_level_regions(nlp: Language, text: str, mention: str, country: str) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert (found[mention].country, found[mention].feature) == (country, "admin")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Moscow said the strikes were a response.", "Moscow"),
        ("Kyiv has received new air defence systems.", "Kyiv"),
        ("Kyiv welcomed the support from London.", "London"),
        ("According to Damascus, ten people died.", "Damascus"),
        ("Beijing warned against any interference.", "Beijing"),
    ],
)
def test_metonymic_uses_are_flagged(nlp: Language, text: str, mention: str) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert found[mention].metonymic


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Russians launched a new offensive.", "Russians"),
        ("Russian troops withdrew from the area.", "Russian"),
        ("Paris Hilton arrived at the festival.", "Paris"),
        ("Boris Johnson visited the troops. Johnson said morale was high.", "Johnson"),
        ("NATO leaders met on Monday.", "NATO"),
        ("The White House declined to comment.", "White House"),
        ("Congress passed the bill.", "Congress"),
    ],
)
def test_demonyms_people_and_organisations_are_not_places(nlp: Language, text: str, absent: str) -> None:
    assert absent not in places(nlp, text)


def test_town_and_state_apposition_chooses_the_homonym(nlp: Language) -> None:
    found = places(nlp, "The fire broke out in Alexandria, Louisiana, on Friday.")
    assert found["Alexandria"].country == "US" and found["Alexandria"].geonameid == 4314550
    found = places(nlp, "The museum in Alexandria, Egypt, reopened.")
    assert found["Alexandria"].country == "EG"
