"""Readers for each input kind, and the walk over paths, folders and standard input.

JSONL is streamed line by line (a gzipped file of millions of articles never sits in memory); the other kinds are
read whole, one article (text, HTML) or one feed at a time. Every reader yields :data:`Item` values: an
:class:`Article`, or an :class:`InputError` for what could not be read, in input order.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..article import Article, parse_published
from ..errors import InputError
from .sniff import SNIFF_BYTES, check_bytes, decode, kind_of, read_bytes

Item = Article | InputError
ARTICLE_FIELDS = ("id", "text", "title", "published", "language", "url", "source")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    ``fields`` maps sitrep's article fields to the names a JSONL file uses (``{"published": "date"}`` for
    OrangeSum); ``max_bytes`` bounds one text, HTML page, feed or JSONL line.
    """

    fields: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = 20_000_000
    text_id_from_name: bool = True

    def field_name(self, name: str) -> str:
        return self.fields.get(name, name)


def read_inputs(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Item]:
    """Every article of ``paths`` (files, folders, or ``-`` for standard input), in order."""
    opts = options or ReadOptions()
    for path in paths:
        if str(path) == "-":
            yield from read_stdin(opts)
        else:
            yield from read_path(Path(path), opts)


def read_path(path: Path, options: ReadOptions, *, root: Path | None = None) -> Iterator[Item]:
    """The articles of one file, or of every file under a folder (sorted, hidden files skipped)."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        if not files:
            yield InputError("folder holds no files", source=str(path))
        for file in files:
            yield from read_path(file, options, root=path)
        return
    if not path.exists():
        yield InputError("no such file or folder", source=str(path))
        return
    name = path.relative_to(root).with_suffix("").as_posix() if root else path.with_suffix("").name
    if name.endswith((".jsonl", ".ndjson", ".json")):
        name = name.rsplit(".", 1)[0]
    try:
        head = _head(path)
        kind = kind_of(path.name, head)
        if kind == "jsonl":
            yield from read_jsonl(_stream_lines(path), str(path), options)
            return
        data = read_bytes(path, max_bytes=options.max_bytes)
        check_bytes(data, str(path), max_bytes=options.max_bytes)
    except InputError as exc:
        yield exc
        return
    yield from read_document(data, kind, str(path), name, options)


def read_stdin(options: ReadOptions) -> Iterator[Item]:
    """Standard input, sniffed like a file without a name."""
    yield from read_data(sys.stdin.buffer.read(), "<stdin>", options)


def read_data(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Articles from bytes already in memory (standard input, an upload), sniffed like a file without a name."""
    try:
        check_bytes(data, origin, max_bytes=options.max_bytes)
    except InputError as exc:
        yield exc
        return
    kind = kind_of("", data[:SNIFF_BYTES])
    if kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), origin, options)
    else:
        yield from read_document(data, kind, origin, "", options)


def read_jsonl(stream: Iterable[bytes], origin: str, options: ReadOptions) -> Iterator[Item]:
    """One article per line; a blank line is skipped, a bad one is an error naming its line."""
    seen = False
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        seen = True
        if len(raw) > options.max_bytes:
            yield InputError(f"line too large ({len(raw):,} bytes)", source=origin, line=number)
            continue
        try:
            text = decode(raw, origin, line=number)
            record = json.loads(text)
            yield article_from_record(record, origin=origin, line=number, options=options)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed JSON ({exc.msg} at column {exc.colno})", source=origin, line=number)
        except InputError as exc:
            yield exc
    if not seen:
        yield InputError("empty file", source=origin)


def article_from_record(record: Any, *, origin: str, line: int, options: ReadOptions) -> Article:
    """An :class:`Article` from one JSON object, through the field mapping."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", source=origin, line=line)
    values: dict[str, Any] = {name: record.get(options.field_name(name)) for name in ARTICLE_FIELDS}
    text = values["text"]
    if not isinstance(text, str) or not text.strip():
        wanted = options.field_name("text")
        raise InputError(
            f"no text: the field {wanted!r} is missing or empty (map another field with --field text=NAME)",
            source=origin,
            line=line,
        )
    try:
        published = parse_published(values["published"])
    except ValueError as exc:
        raise InputError(str(exc), source=origin, line=line) from None
    ident = values["id"]
    return Article(
        text=text,
        id=str(ident) if ident not in (None, "") else f"{Path(origin).name}:{line}",
        title=_str_or_none(values["title"]),
        published=published,
        language=_str_or_none(values["language"]),
        url=_str_or_none(values["url"]),
        source=_str_or_none(values["source"]),
        origin=f"{origin}:{line}",
    )


def read_document(data: bytes, kind: str, origin: str, name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        if kind == "html":
            from .html import article_from_html

            yield article_from_html(data, origin=origin, name=name)
        elif kind == "feed":
            from .feed import articles_from_feed

            yield from articles_from_feed(data, origin=origin)
        else:
            text = decode(data, origin)
            yield Article(text=text, id=name if options.text_id_from_name else "", origin=origin)
    except InputError as exc:
        yield exc


def _head(path: Path) -> bytes:
    try:
        with _open_binary(path) as handle:
            return handle.read(SNIFF_BYTES)
    except (OSError, EOFError) as exc:
        what = "not a readable gzip file" if path.name.endswith(".gz") else "cannot read"
        raise InputError(f"{what} ({exc})", source=str(path)) from None


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _stream_lines(path: Path) -> Iterator[bytes]:
    """The lines of a (possibly gzipped) file, read lazily; a corrupt stream becomes an :class:`InputError`."""
    with _open_binary(path) as handle:
        try:
            yield from handle
        except (OSError, EOFError) as exc:
            raise InputError(f"truncated or corrupt gzip file ({exc})", source=str(path)) from None


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
