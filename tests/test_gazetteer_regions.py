"""Region entries of the embedded gazetteer: pycountry subdivisions linked to GeoNames regions by similar names,
and regions that GeoNames lacks here placed at the mean point of their parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.gazetteer import Gazetteer, load_gazetteer
from sitrep.gazetteer.linking import LINK_SIMILARITY, best_links, core, name_similarity


@pytest.fixture(scope="module")
def embedded(isolated_cache: Path) -> Gazetteer:
    """The embedded gazetteer, compiled into the session's cache folder (see conftest.py)."""
    return load_gazetteer()


@pytest.mark.parametrize(
    ("local", "geonames"),
    [
        ("Zaporizka oblast", "Zaporizhzhia"),
        ("Odeska oblast", "Odessa"),
        ("Belgorodskaya oblast'", "Belgorod Oblast"),
        ("Sud-Kivu", "South Kivu"),
        ("Shamāl Sīnā'", "North Sinai"),
        ("Anhui Sheng", "Anhui"),
        ("Tigrai", "Tigray"),
        ("Paktiyā", "Paktia"),
    ],
)
def test_a_local_region_name_is_like_its_geonames_name(local: str, geonames: str) -> None:
    assert name_similarity(local, geonames) >= LINK_SIMILARITY


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("North Darfur", "South Darfur"),  # compass words differ
        ("Nord-Kivu", "Sud-Kivu"),
        ("Kharkivska oblast", "Khersonska oblast"),
        ("Oblast", "Province"),  # nothing but generic words
        ("North Kordofan", "North Darfur"),  # a shared first word is no shared start
        ("Central Darfur", "Central Equatoria"),
        ("Santa Cruz", "Santa Fe"),
        ("Kyivska oblast", "Kyiv City"),  # the oblast is not the city's own region
    ],
)
def test_different_regions_are_not_alike(a: str, b: str) -> None:
    assert name_similarity(a, b) < LINK_SIMILARITY


def test_core_drops_generic_words_and_translates_compass_words() -> None:
    assert core("Sud-Kivu") == ("south", "kivu")
    assert core("Belgorodskaya oblast'") == ("belgorodskaya",)


def test_best_links_use_each_region_once_best_pair_first() -> None:
    links = best_links(
        [("UA-51", "Odeska oblast"), ("UA-53", "Poltavska oblast"), ("XX-1", "Nowhere")],
        [("17", "Odessa"), ("18", "Poltava")],
    )
    assert {code: region for code, (region, _) in links.items()} == {"UA-51": "17", "UA-53": "18"}


@pytest.mark.parametrize(
    ("name", "country", "geonameid"),
    [
        ("Sud-Kivu", "CD", 205413),  # pycountry's (French) name, linked to GeoNames' South Kivu
        ("Zaporizka oblast", "UA", 687699),
        ("Shamāl Sīnā'", "EG", 349401),
    ],
)
def test_subdivisions_are_linked_to_their_geonames_region(
    embedded: Gazetteer, name: str, country: str, geonameid: int
) -> None:
    entry = next(e for e in embedded.lookup(name) if e.feature == "admin")
    assert (entry.country, entry.geonameid) == (country, geonameid) and entry.lat is not None


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Donbas", "UA", 48.5, 38.4),  # Donetsk and Luhansk oblasts
        ("Darfour", "SD", 13.0, 24.0),
        ("Haut-Karabakh", "AZ", 39.8, 46.8),
        ("South Ossetia", "GE", 42.2, 44.0),
        ("Kashmir", None, 34.5, 75.5),  # parts in India and Pakistan: no country
        ("Horn of Africa", None, 11.0, 42.0),
        ("Amérique latine", None, -0.4, -75.1),  # the mean of nineteen countries' points
        ("Asie centrale", None, 41.8, 67.6),
    ],
)
def test_regions_without_geonames_entry_sit_at_the_mean_of_their_parts(
    embedded: Gazetteer, name: str, country: str | None, lat: float, lon: float
) -> None:
    entry = next(e for e in embedded.lookup(name) if e.feature == "other")
    assert entry.geonameid is None and entry.country == country
    assert entry.lat is not None and entry.lon is not None
    assert abs(entry.lat - lat) < 1.5 and abs(entry.lon - lon) < 1.5


def test_every_region_of_the_parts_table_has_a_point(embedded: Gazetteer) -> None:
    from sitrep.resources import load_resources

    table = load_resources("en").table("place_region_parts.tsv", required=("name", "parts"))
    for row in table.records():
        entry = next(e for e in embedded.lookup(row["name"]) if e.feature == "other")
        assert entry.lat is not None and entry.geonameid is None, row["name"]


def test_the_mean_of_parts_stays_across_the_180th_meridian() -> None:
    from sitrep.gazetteer.localised import _mean_point

    point = _mean_point([(-18.0, 178.0), (-14.0, -172.0)])  # Fiji and Samoa
    assert point is not None and abs(point[0] + 16.0) < 0.5 and abs(abs(point[1]) - 177.0) < 1.0
    assert _mean_point([]) is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_exonym_of_a_place_leads_to_a_point(embedded: Gazetteer, lang: str) -> None:
    from sitrep.resources import load_resources

    table = load_resources(lang).table("place_exonyms.tsv", required=("name", "target"))
    pointless = [
        row["name"]
        for row in table.records()
        if not row["target"].startswith("region:")
        and (entries := embedded.lookup(row["name"]))
        and entries[0].lat is None
    ]
    assert pointless == []  # e.g. "Catalogne" once named pycountry's unlinked Catalunya, with no point
