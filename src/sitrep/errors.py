"""Errors with codes and a sentence that says what to do.

Codes are stable so that users can search for them: E0xx set-up and input, E1xx report contract, E2xx
pipeline and resources, E3xx store, E4xx evaluation.
"""

from __future__ import annotations


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
