"""Language resources: one folder per language (``resources/fr``, ``resources/en``), read as data.

A folder holds plain word lists (``*.txt``: one entry a line, ``#`` starts a comment) and tables (``*.tsv``:
tab-separated columns, the first non-comment line names them). Adding a language is adding a folder with at
least ``language.txt`` (the language's name). Files are read on first use, validated, and kept by the
:class:`Resources` object that read them; nothing is read at import time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from importlib.resources.abc import Traversable

from ..errors import ResourceError, UnsupportedLanguageError


def _root() -> Traversable:
    return importlib_resources.files(__package__)


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The languages that have a resource folder, sorted (``('en', 'fr')``); the package's folders do not change
    while it runs."""
    return tuple(
        sorted(p.name for p in _root().iterdir() if p.is_dir() and (p / "language.txt").is_file())
    )


def _lines(path: Traversable) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("\\#") else raw.rstrip()
        if line.strip():
            yield number, line


@dataclass(frozen=True)
class Table:
    """A validated TSV resource: column names and rows of strings."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Resources:
    """The resource folder of one language, read lazily and validated."""

    lang: str
    _cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def folder(self) -> Traversable:
        return _root() / self.lang

    def has(self, name: str) -> bool:
        return (self.folder / name).is_file()

    def words(self, name: str) -> frozenset[str]:
        """A word list (``name`` like ``"abbreviations.txt"``) as a set of stripped entries."""
        key = f"words:{name}"
        if key not in self._cache:
            self._cache[key] = frozenset(line.strip() for _, line in _lines(self._file(name)))
        return self._cache[key]  # type: ignore[return-value]

    def lines(self, name: str) -> tuple[str, ...]:
        """A word list in file order (for lists whose order matters, such as longest-first patterns)."""
        key = f"lines:{name}"
        if key not in self._cache:
            self._cache[key] = tuple(line.strip() for _, line in _lines(self._file(name)))
        return self._cache[key]  # type: ignore[return-value]

    def table(self, name: str, *, required: tuple[str, ...] = ()) -> Table:
        """A TSV table; raises :class:`ResourceError` naming the file and line when a row is malformed."""
        key = f"table:{name}"
        if key not in self._cache:
            path = self._file(name)
            rows = list(_lines(path))
            if not rows:
                raise ResourceError(f"E201: {self.lang}/{name} is empty; it needs a header line.")
            columns = tuple(c.strip() for c in rows[0][1].split("\t"))
            missing = [c for c in required if c not in columns]
            if missing:
                raise ResourceError(f"E202: {self.lang}/{name} lacks the column(s) {missing}.")
            body: list[tuple[str, ...]] = []
            for number, line in rows[1:]:
                cells = tuple(c.strip() for c in line.split("\t"))
                if len(cells) < len(columns):
                    cells = cells + ("",) * (len(columns) - len(cells))
                if len(cells) != len(columns):
                    raise ResourceError(
                        f"E203: {self.lang}/{name}:{number} has {len(cells)} columns, expected {len(columns)}."
                    )
                body.append(cells)
            self._cache[key] = Table(columns, tuple(body))
        return self._cache[key]  # type: ignore[return-value]

    def _file(self, name: str) -> Traversable:
        path = self.folder / name
        if not path.is_file():
            raise ResourceError(f"E204: the resource {self.lang}/{name} is missing from sitrep/resources.")
        return path


@functools.cache
def load_resources(lang: str) -> Resources:
    """The (shared, read-only) resources of ``lang``.

    The cache holds immutable data read from the package, so results never depend on what ran before.
    """
    if lang not in available_languages():
        raise UnsupportedLanguageError(
            f"E205: no resources for language {lang!r}; sitrep supports {', '.join(available_languages())}. "
            "Add a folder sitrep/resources/<lang>/ to support another."
        )
    return Resources(lang)
