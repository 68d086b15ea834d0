"""The on-disk layout of a batch run: numbered partitions of the input, their report files, and the manifest.

A batch cuts its input, in input order, into partitions of ``size`` records; partition ``k`` holds records
``k*size .. (k+1)*size - 1`` and its reports go to ``reports/part-{k:05d}.jsonl.gz`` (one line per record, a report
or a ``sitrep.error/v1`` line, as ``sitrep extract`` prints JSONL). A file is written under a temporary name and
renamed when complete, so a file that exists is a finished partition: a run that crashed resumes by redoing only
the partitions with no file. ``manifest.json`` records what the batch reads (inputs, partition size, options) so that
resuming with other inputs into the same folder is refused instead of mixing two batches.

Records travel to workers as :class:`Record`: an article, or the input error that stood in its place.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..article import Article
from ..errors import InputError, SitrepError

MANIFEST = "manifest.json"
REPORTS = "reports"
FORMAT = "sitrep.batch/v1"


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input record that could not be read (an :class:`InputError`, in a form that pickles)."""

    source: str | None
    line: int | None
    reason: str

    @classmethod
    def of(cls, error: InputError) -> InputProblem:
        return cls(error.source, error.line, error.reason)

    def message(self) -> str:
        return str(InputError(self.reason, source=self.source, line=self.line))


Record = Article | InputProblem


@dataclass(frozen=True, slots=True)
class Partition:
    """Partition ``index`` of a batch: its records, in input order."""

    index: int
    records: tuple[Record, ...]


def partitions(items: Iterable[Article | InputError], size: int) -> Iterator[Partition]:
    """The input cut into partitions of ``size`` records (the last may be shorter), read lazily."""
    if size < 1:
        raise SitrepError(f"E501: the partition size must be at least 1, not {size}.")
    batch: list[Record] = []
    index = 0
    for item in items:
        batch.append(InputProblem.of(item) if isinstance(item, InputError) else item)
        if len(batch) == size:
            yield Partition(index, tuple(batch))
            batch, index = [], index + 1
    if batch:
        yield Partition(index, tuple(batch))


def report_path(out: Path, index: int) -> Path:
    return out / REPORTS / f"part-{index:05d}.jsonl.gz"


def is_done(out: Path, index: int) -> bool:
    return report_path(out, index).is_file()


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write ``lines`` gzipped to ``path`` atomically: under a temporary name, renamed when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with partial.open("wb") as raw:
            with gzip.open(raw, "wt", encoding="utf-8") as stream:
                for line in lines:
                    stream.write(line + "\n")
            raw.flush()
            os.fsync(raw.fileno())  # on disk before the name says "finished": a crash leaves no truncated file
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def read_lines(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a finished partition file, in order."""
    number = 0
    try:
        if path.stat().st_size == 0:
            raise EOFError("the file is empty")
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for line in stream:
                number += 1
                yield json.loads(line)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"{path}:{number}" if isinstance(exc, json.JSONDecodeError) else str(path)
        raise SitrepError(f"E502: {where} cannot be read ({exc!r}); delete the file and run the batch again to redo "
                          "it.") from exc  # fmt: skip


def finished_files(out: Path) -> list[Path]:
    """The finished partition files of a batch folder, in partition order."""
    return sorted((out / REPORTS).glob("part-*.jsonl.gz"))


def check_manifest(out: Path, plan: dict[str, Any]) -> None:
    """Write the batch's manifest, or check that the one already in ``out`` describes the same batch."""
    path = out / MANIFEST
    wanted = json.loads(json.dumps({"format": FORMAT, **plan}))  # as it reads back: tuples become lists
    if path.is_file():
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise SitrepError(f"E503: cannot read {path}: {exc}") from exc
        if found != wanted:
            changed = sorted(k for k in wanted.keys() | found.keys() if wanted.get(k) != found.get(k))
            raise SitrepError(
                f"E504: {out} holds a batch with other {', '.join(changed)}; resume it with the same inputs and "
                "options, or write to another folder."
            )
        return
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(wanted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
