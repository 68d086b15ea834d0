"""Ingestion: every input sitrep reads, turned into :class:`~sitrep.article.Article` objects.

Inputs are plain text, HTML (through trafilatura), JSONL (``.jsonl``, ``.ndjson``, gzipped or not), RSS/Atom files
(through feedparser), folders of those, and standard input (``-``). :func:`read_inputs` yields articles in input
order and, for what cannot be read (binary, undecodable, empty, too large, malformed JSON, ...), an
:class:`~sitrep.errors.InputError` naming the file and line, so that a batch goes on and counts its failures.
"""

from __future__ import annotations

from .readers import Item, ReadOptions, read_data, read_inputs, read_path, read_stdin

__all__ = ["Item", "ReadOptions", "read_data", "read_inputs", "read_path", "read_stdin"]
