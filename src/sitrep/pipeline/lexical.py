"""Lexical data that several stages share, read once per process and cached on disk: spaCy's lemma tables.

spacy-lookups-data ships each language's form -> lemma table as gzipped JSON (French: about 1 M entries), which
takes about a second to parse; several stages (quotes, places, entities, events) need it to match every inflection
of a word listed once. :func:`lemma_lookup` parses it once into sitrep's cache as a ``marshal`` file (loaded in
about a tenth of the time) and keeps one read-only copy per process for every stage. A stage that only needs the
entries whose lemma its lexicon can use asks :func:`lemma_subset` instead, which keeps that part in the cache
(rebuilt, from the whole table, only when the table's version or the stage's key changes), so that the million
entries are not read at start-up. Stop words come from :func:`sitrep.pipeline.languages.stop_words`, which avoids
importing slow spaCy language packages. Cannot see context: one form has one lemma (the table's first).
"""

from __future__ import annotations

import functools
import marshal
from collections.abc import Callable, Mapping
from importlib import metadata
from importlib import resources as importlib_resources
from types import MappingProxyType

from .. import cache
from .languages import stop_words

__all__ = ["lemma_lookup", "lemma_of", "lemma_subset", "stop_words"]


def lemma_table_version() -> str:
    """The version of the lemma tables (spacy-lookups-data's), for keys of data derived from them."""
    try:
        return metadata.version("spacy-lookups-data")
    except metadata.PackageNotFoundError:
        return "none"


@functools.cache
def lemma_lookup(lang: str) -> Mapping[str, str | list[str]]:
    """spacy-lookups-data's ``lemma_lookup`` table for ``lang`` as a read-only mapping (empty where there is none).

    Read from the raw file rather than through ``spacy.lookups``, whose tables are keyed by hashes that cannot be
    listed back as words.
    """
    name = f"lookups-{lemma_table_version()}/{lang}_lemma_lookup.marshal"
    raw = cache.read_bytes(name)
    if raw is not None:
        try:
            return MappingProxyType(marshal.loads(raw))
        except (EOFError, ValueError, TypeError):
            pass  # a damaged entry: read the source again below
    table = _read_source(lang)
    cache.write_bytes(name, marshal.dumps(table))
    return MappingProxyType(table)


def _read_source(lang: str) -> dict[str, str | list[str]]:
    try:
        folder = importlib_resources.files("spacy_lookups_data") / "data"
    except ModuleNotFoundError:
        return {}
    path = folder / f"{lang}_lemma_lookup.json.gz"
    if not path.is_file():
        return {}
    import srsly

    table: dict[str, str | list[str]] = srsly.read_gzip_json(str(path))
    return table


def lemma_of(lang: str, form: str) -> str | None:
    """The first lemma the table gives for ``form`` (as written), or None."""
    lemma = lemma_lookup(lang).get(form)
    if isinstance(lemma, list):
        return lemma[0] if lemma else None
    return lemma


def lemma_subset(lang: str, name: str, key: str, keep: Callable[[str, str], bool]) -> dict[str, str]:
    """The entries ``form -> lemma`` of the lemma table that ``keep(form, lemma)`` accepts (``lemma`` as
    :func:`lemma_of` gives it; forms without one are never offered), kept in sitrep's cache as entry ``name``.

    ``key`` must name everything ``keep`` depends on (the stage's words, a digest of its resource files): the entry
    is rebuilt, from the whole table, when it or the table's version changes.
    """

    def build() -> dict[str, str]:
        out: dict[str, str] = {}
        for form, value in lemma_lookup(lang).items():
            lemma = (value[0] if value else None) if isinstance(value, list) else value
            if lemma is not None and keep(form, lemma):
                out[form] = lemma
        return out

    return cache.memoized(f"{name}-{lang}", f"{lang};{lemma_table_version()};{key}", build)
