"""Errors with codes and a sentence that says what to do.

Codes are stable so that users can search for them. Each layer owns a range (:data:`CODE_RANGES`; a test holds
every raised code to its range), so one code has one meaning:

====  ==========================================================
E00x  options and configuration files
E10x  the report contract (schema, records)
E20x  language resources, pipeline assembly, unsupported languages
E21x  quantities and written numbers
E22x  the gazetteer (embedded index, GeoNames imports)
E23x  event trigger lexicons
E24x  time grammars
E25x  entity lexicons
E26x  quote lexicons
E27x  places
E29x  internal errors (a bug in sitrep)
E30x  the store (databases, migrations, exports)
E40x  the evaluation dispatcher; E41x NER, E42x geo, E43x time, E44x quotes, E45x events, E46x sentences gold sets
E50x  batch runs on Dask (partitions, manifests, the cluster)
====  ==========================================================
"""

from __future__ import annotations

# The modules (paths under ``sitrep/``, a trailing slash for a package) that may raise each range's codes.
CODE_RANGES: dict[str, tuple[str, ...]] = {
    "E00": ("config.py",),
    "E10": ("report.py", "pipeline/convert.py"),
    "E20": ("resources/", "pipeline/build.py", "pipeline/registry.py", "api.py"),
    "E21": ("pipeline/numbers.py", "pipeline/quantities.py"),
    "E22": ("gazetteer/",),
    "E23": ("pipeline/eventing/", "pipeline/events.py"),
    "E24": ("pipeline/timex/", "pipeline/times.py"),
    "E25": ("pipeline/naming/", "pipeline/entities.py"),
    "E26": ("pipeline/quoting/", "pipeline/quotes.py"),
    "E27": ("pipeline/places.py",),
    "E29": ("api.py",),
    "E30": ("store/",),
    "E40": ("evaluation/__init__.py", "evaluation/scoring.py"),
    "E41": ("evaluation/ner.py",),
    "E42": ("evaluation/geo.py",),
    "E43": ("evaluation/time.py",),
    "E44": ("evaluation/quotes.py",),
    "E45": ("evaluation/events.py",),
    "E46": ("evaluation/sentences.py",),
    "E50": ("scale/",),
}


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""


class UnsupportedLanguageError(SitrepError):
    """The article is in a language sitrep has no resources for."""


class InputError(SitrepError):
    """An input (file, line, record) cannot be read as an article."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        where = source or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
        self.reason = message


class ResourceError(SitrepError):
    """A language resource file is missing or malformed."""


class PipelineError(SitrepError):
    """The pipeline cannot be built as asked."""


class StoreError(SitrepError):
    """The store cannot be opened, migrated or written."""
