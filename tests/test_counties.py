"""The county of a US town and the point of a county, from ZIP code points (sitrep.gazetteer.counties)."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import name_key
from sitrep.gazetteer.counties import CountyFinder, ZipPoint, county_points


def _zip(county: str, town: str, lat: float, lon: float, state: str = "TN") -> ZipPoint:
    return ZipPoint(state, name_key(county), name_key(town), lat, lon)


ZIPS = [
    _zip("Henry County", "Paris", 36.30, -88.32),
    _zip("Henry County", "Puryear", 36.44, -88.33),
    _zip("Carroll County", "Mckenzie", 36.13, -88.52),
    _zip("Benton County", "Camden", 36.06, -88.10),
    _zip("Edgar County", "Paris", 39.61, -87.69, state="IL"),
]


@pytest.mark.parametrize(
    ("state", "town", "lat", "lon", "county"),
    [
        ("TN", "Paris", 36.30, -88.33, "henry county"),  # a ZIP code of its own name
        ("TN", "Springville", 36.26, -88.30, "henry county"),  # no ZIP of its name: the nearest ZIP of the state
        ("IL", "Paris", 39.60, -87.70, "edgar county"),  # the same name in another state
        ("TN", "Nowhere", 35.00, -85.00, None),  # no ZIP code near enough
        ("KY", "Paris", 36.30, -88.32, None),  # ZIP codes of another state never count
    ],
)
def test_the_county_of_a_town(state: str, town: str, lat: float, lon: float, county: str | None) -> None:
    assert CountyFinder(ZIPS).county_of(state, town, lat, lon) == county


def test_a_same_named_zip_wins_over_a_nearer_one() -> None:
    zips = [_zip("Near County", "Other", 36.30, -88.30), _zip("Far County", "Paris", 36.40, -88.30)]
    assert CountyFinder(zips).county_of("TN", "Paris", 36.30, -88.30) == "far county"


def test_a_county_point_is_the_mean_of_its_zip_codes() -> None:
    points = county_points([*ZIPS, _zip("Henry County", "Paris", 36.30, -88.32)])  # a repeated point counts once
    assert points[("TN", "henry county")] == (36.37, -88.325)
    assert points[("IL", "edgar county")] == (39.61, -87.69)
