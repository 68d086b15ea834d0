"""sitrep: a sourced record of war and geopolitics news.

``sitrep.extract(text, lang=..., published=...)`` returns a :class:`Report` (schema ``sitrep.report/v1``): the
quotes and their speakers, places, times, quantities, entities and events of an article, each traced to its
offsets in the text and to who claims it. ``sitrep.Store(url)`` keeps reports in SQLite or PostgreSQL.
Importing the package does no work: spaCy, pipelines and resources load on first use.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from .article import Article
from .config import Options
from .errors import SitrepError
from .report import SCHEMA, Report

if TYPE_CHECKING:
    from .api import Extractor, Failure, extract
    from .store import Store

try:
    __version__ = version("sitrep")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "SCHEMA",
    "Article",
    "Extractor",
    "Failure",
    "Options",
    "Report",
    "SitrepError",
    "Store",
    "__version__",
    "extract",
]


def __getattr__(name: str) -> Any:
    # spaCy (the pipeline) and SQLAlchemy (the store) load only for those who use them: reading reports, the
    # command line's help and the store's commands need neither.
    if name in ("Extractor", "Failure", "extract"):
        from . import api

        return getattr(api, name)
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
