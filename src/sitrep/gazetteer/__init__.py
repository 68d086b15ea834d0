"""The GeoNames gazetteer: an embedded default compiled from packaged data, or an index imported from GeoNames.

Public API: :func:`load_gazetteer` (the active index: ``$SITREP_GAZETTEER``, an imported one, or the embedded
default, compiled once into the cache folder), :class:`Gazetteer` (``lookup(name)``, ``country(iso2)``,
``admin1(cc, code)``, ``info()``), :func:`build_default`, :func:`import_geonames`. Nothing is read at import time.
"""

from __future__ import annotations

from .geonames import import_geonames
from .index import Gazetteer, GazetteerEntry, GazetteerError, IndexBuilder
from .normalize import name_key
from .store import (
    active_index_path,
    build_default,
    cache_dir,
    embedded_index_path,
    imported_index_path,
    load_gazetteer,
)

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerError",
    "IndexBuilder",
    "active_index_path",
    "build_default",
    "cache_dir",
    "embedded_index_path",
    "import_geonames",
    "imported_index_path",
    "load_gazetteer",
    "name_key",
]
