"""Names that the GeoNames data lacks or that readers of French and English use: added to any index.

- Country names in French and English from CLDR (``babel``) and ISO 3166 (``pycountry``: name, official and
  common names), linked to the index's country entries by ISO code.
- Continent and world-region names in French and English (CLDR, UN M49 codes) for the continents.
- The project's exonym tables (``resources/<lang>/place_exonyms.tsv``): a name and a target that says which
  entry it names (``country:UA``, ``city:UA:Kyiv``, ``admin:UA-43`` (ISO 3166-2), ``name:UA:Crimea`` (a
  region, country or city of that country with that name), ``regionof:UA:Simferopol`` (the first-level region
  that holds that city), ``continent:EU``; ``a|b`` tries ``a`` then ``b``), or ``region:Name`` for a region that
  the gazetteer has no entry for: an entry is then made, with the GeoNames id and point of
  ``resources/en/place_geonames_features.tsv`` (seas, gulfs, macro-regions copied from GeoNames' no-country dump)
  where that table lists the Name; else, where ``resources/en/place_region_parts.tsv`` lists the region's parts
  (first-level regions, countries or a town, in the same target grammar: Donbas is ``admin:UA-14, admin:UA-09``),
  with the mean of the parts' points and the country they share, but no id (never an invented one); else without
  id or coordinates. A target that the index cannot resolve is skipped (an import of one country file lacks the
  rest), and so is a part.
- Names from these tables are marked *curated* in the index (see :meth:`.IndexBuilder.add_name`).
"""

from __future__ import annotations

import hashlib
import math
import re

from ..resources import available_languages, load_resources
from .index import IndexBuilder

# UN M49 region codes that CLDR names, mapped to GeoNames continent codes.
M49_CONTINENTS = {"002": "AF", "150": "EU", "142": "AS", "009": "OC", "005": "SA", "003": "NA", "010": "AN"}
LANGUAGES = ("fr", "en")
_BRACKETS = re.compile(r"\s*[\[(].*?[\])]\s*")


def clean_name(name: str) -> str:
    """A display name without bracketed notes ("Wales [Cymru GB-CYM]" -> "Wales")."""
    return _BRACKETS.sub(" ", name).strip()


def add_country_names(builder: IndexBuilder) -> None:
    import pycountry
    from babel import Locale

    locales = [Locale(lang) for lang in LANGUAGES]
    for country in pycountry.countries:
        index = builder.countries.get(country.alpha_2)
        if index is None:
            continue
        names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        for locale in locales:
            names.add(locale.territories.get(country.alpha_2))
        for name in names:
            if name and "," not in name:
                builder.add_name(clean_name(name), index, curated=True)


def add_continent_names(builder: IndexBuilder, continents: dict[str, int]) -> None:
    """``continents`` maps GeoNames continent codes (``EU``) to entry indices."""
    from babel import Locale

    for lang in LANGUAGES:
        territories = Locale(lang).territories
        for m49, code in M49_CONTINENTS.items():
            if code in continents and m49 in territories:
                builder.add_name(territories[m49], continents[code], curated=True)


FEATURES_TABLE = "place_geonames_features.tsv"  # in resources/en: GeoNames ids and points of "region:" names
PARTS_TABLE = "place_region_parts.tsv"  # in resources/en: the parts of "region:" names that GeoNames lacks here


def _known_regions(builder: IndexBuilder, continents: dict[str, int],
                   subdivisions: dict[str, int]) -> dict[str, int]:  # fmt: skip
    """Entries for the regions of the features and parts tables, made up front so that "region:Name" finds them."""
    resources = load_resources("en")
    regions: dict[str, int] = {}
    if resources.has(FEATURES_TABLE):
        for row in resources.table(FEATURES_TABLE, required=("name", "geonameid", "lat", "lon")).records():
            name = row["name"]
            regions[name] = builder.add(geonameid=int(row["geonameid"]), name=name, country=None, admin1=None,
                                        lat=float(row["lat"]), lon=float(row["lon"]), feature="other")  # fmt: skip
            builder.add_name(name, regions[name], curated=True)
    if resources.has(PARTS_TABLE):
        for row in resources.table(PARTS_TABLE, required=("name", "parts")).records():
            if row["name"] not in regions:
                regions[row["name"]] = _region_of_parts(builder, row["name"], row["parts"].split(","), continents,
                                                        subdivisions)  # fmt: skip
    return regions


def _region_of_parts(builder: IndexBuilder, name: str, parts: list[str], continents: dict[str, int],
                     subdivisions: dict[str, int]) -> int:  # fmt: skip
    """An entry for a region that GeoNames lacks here, at the mean point of the parts that the index has (the
    mean of their directions, so that a region across the 180th meridian stays there), in the country that all its
    parts share (if they do and the index has them all), with no id. A part is a country, region or town target,
    never another "region:" (which would make an entry of its own)."""
    targets = [part.strip() for part in parts if part.strip() and not part.strip().startswith("region:")]
    found = [_resolve_one(builder, target, continents, subdivisions, {}) for target in targets]
    located = [i for i in found if i is not None and not math.isnan(builder.lat[i])]
    point = _mean_point([(builder.lat[i], builder.lon[i]) for i in located])
    countries = {builder.cc[i] for i in located}
    # a country only where every part was found in it: "Kashmir" lies in India and Pakistan
    country = countries.pop() or None if len(countries) == 1 and len(located) == len(targets) else None
    index = builder.add(geonameid=None, name=name, country=country, admin1=None, lat=point[0] if point else None,
                        lon=point[1] if point else None, feature="other")  # fmt: skip
    builder.add_name(name, index, curated=True)
    return index


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The mean of points on the sphere (of their unit vectors), rounded to 4 decimals; None for no point."""
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 4), round(lon, 4)


def add_exonyms(builder: IndexBuilder, continents: dict[str, int], subdivisions: dict[str, int]) -> None:
    """Apply the exonym tables of every language (``subdivisions`` maps ISO 3166-2 codes to entry indices)."""
    regions = _known_regions(builder, continents, subdivisions)
    for lang in available_languages():
        resources = load_resources(lang)
        if not resources.has("place_exonyms.tsv"):
            continue
        for row in resources.table("place_exonyms.tsv", required=("name", "target")).records():
            index = resolve_target(builder, row["target"], continents, subdivisions, regions)
            if index is not None:
                builder.add_name(row["name"], index, curated=True)
                if not builder.name[index]:  # an unnamed GeoNames region takes its first exonym as its name
                    builder.name[index] = row["name"]


def resolve_target(builder: IndexBuilder, target: str, continents: dict[str, int], subdivisions: dict[str, int],
                   regions: dict[str, int]) -> int | None:  # fmt: skip
    """The entry a target names; ``a|b`` tries ``a`` then ``b``."""
    for option in target.split("|"):
        index = _resolve_one(builder, option.strip(), continents, subdivisions, regions)
        if index is not None:
            return index
    return None


def _resolve_one(builder: IndexBuilder, target: str, continents: dict[str, int], subdivisions: dict[str, int],
                 regions: dict[str, int]) -> int | None:  # fmt: skip
    kind, _, rest = target.partition(":")
    if kind == "country":
        return builder.countries.get(rest)
    if kind == "continent":
        return continents.get(rest)
    if kind == "admin":
        return subdivisions.get(rest)
    if kind in ("city", "name"):  # name: any entry of that country with that name, regions and countries first
        country, _, name = rest.partition(":")
        wanted = "p" if kind == "city" else "cap"
        found = [i for i in builder.entries_named(name) if builder.cc[i] == country and builder.feat[i] in wanted]
        return max(found, key=lambda i: (builder.feat[i] != "p", builder.pop[i])) if found else None
    if kind == "regionof":  # the first-level region that holds a city: "regionof:UA:Simferopol"
        city = _resolve_one(builder, f"city:{rest}", continents, subdivisions, regions)
        if city is None or not builder.a1[city]:
            return None
        return builder.admin1.get(f"{builder.cc[city]}.{builder.a1[city]}")
    if kind == "region":
        if rest not in regions:
            regions[rest] = builder.add(geonameid=None, name=rest, country=None, admin1=None, lat=None, lon=None,
                                        feature="other")  # fmt: skip
            builder.add_name(rest, regions[rest], curated=True)
        return regions[rest]
    return None


def resources_digest() -> str:
    """A digest of the exonym and region tables, so that editing them rebuilds the embedded index."""
    digest = hashlib.sha1()
    for lang in available_languages():
        resources = load_resources(lang)
        for name in (
            "place_exonyms.tsv",
            "place_geonames_admin1.tsv",
            "place_geonames_us_counties.tsv",
            FEATURES_TABLE,
            PARTS_TABLE,
        ):
            if resources.has(name):
                digest.update((resources.folder / name).read_bytes())
    return digest.hexdigest()[:12]
