"""What kind of input a file is, from its name and first bytes, and the checks every input passes first."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Literal

from ..errors import InputError

Kind = Literal["text", "html", "jsonl", "feed"]

SUFFIXES: dict[str, Kind] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
}  # fmt: skip
SNIFF_BYTES = 4096


def kind_of(name: str, head: bytes) -> Kind:
    """The kind of an input named ``name`` whose content starts with ``head`` (decompressed)."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    by_name = SUFFIXES.get(suffixes[-1]) if suffixes else None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if by_name == "feed" and not (start.startswith(b"<?xml") or start.startswith(b"<rss") or b"<feed" in start
                                  or b"<rss" in start or b"<rdf" in start):  # fmt: skip
        return "html" if b"<html" in start else "feed"
    if by_name is not None:
        return by_name
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "feed"
        return "html"
    return "text"


def check_bytes(data: bytes, origin: str, *, max_bytes: int) -> None:
    """Refuse, with a clear message, what no reader can use: empty, too large or binary content."""
    if not data.strip():
        raise InputError("empty file", source=origin)
    if len(data) > max_bytes:
        raise InputError(
            f"too large ({len(data):,} bytes; the limit is {max_bytes:,}; raise it with --max-bytes)",
            source=origin,
        )
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("binary file (NUL bytes), not text, HTML, JSONL or a feed", source=origin)


def decode(data: bytes, origin: str, *, line: int | None = None) -> str:
    """UTF-8 text (a byte-order mark is dropped); undecodable bytes are an error that says where."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it with iconv first",
            source=origin,
            line=line,
        ) from None


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """A file's content, gunzipped when its name ends in ``.gz``."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes and not path.name.endswith(".gz"):
            raise InputError(
                f"too large ({size:,} bytes; the limit is {max_bytes:,}; raise it with --max-bytes)",
                source=origin,
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=origin) from None
    if path.name.endswith(".gz"):
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputError(f"not a readable gzip file ({exc})", source=origin) from None
    return raw
