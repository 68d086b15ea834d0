"""sitrep's on-disk cache: compiled data that is slow to build and cheap to load (tokenizer settings, gazetteer).

The folder is ``$SITREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``, read when called
(never at import time). Entries are written atomically (a temporary file renamed into place), so concurrent
processes, such as Dask workers starting together, never read half a file. A cache that cannot be written is not
an error: the caller just builds again next time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ENV_CACHE = "SITREP_CACHE_DIR"


def cache_dir() -> Path:
    """The cache folder (it may not exist yet)."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE]).expanduser()
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]).expanduser() / "sitrep"
    return Path.home() / ".cache" / "sitrep"


def read_bytes(name: str) -> bytes | None:
    """The cached entry ``name``, or None when there is none (or it cannot be read)."""
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def write_bytes(name: str, data: bytes) -> bool:
    """Store ``data`` as entry ``name`` atomically; False when the cache folder is not writable."""
    target = cache_dir() / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        return False
    return True


T = TypeVar("T")


def memoized(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, kept in the cache as entry ``name`` for inputs summed up by ``key``.

    For plain data only (what :mod:`marshal` writes: str, numbers, tuples, lists, dicts, sets, frozensets). The
    entry is rebuilt when ``key`` changes (it should name every input: package versions, resource digests).
    """
    entry = f"{name}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}.marshal"
    raw = read_bytes(entry)
    if raw is not None:
        try:
            value: T = marshal.loads(raw)
            return value
        except (EOFError, ValueError, TypeError):
            pass  # damaged: build again
    value = build()
    write_bytes(entry, marshal.dumps(value))  # type: ignore[arg-type]  # plain data, as documented
    return value
