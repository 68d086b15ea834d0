"""Options: one typed, immutable object that the code receives (never a global dict).

Defaults are the dataclass's own; a user's TOML file (``sitrep --config FILE``) overrides any of them, and
unknown keys are an error rather than silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import SitrepError
from .pipeline.stages import DEFAULT_STAGES


@dataclass(frozen=True, slots=True)
class Options:
    """How sitrep reads and extracts.

    - ``model``: a spaCy pipeline to build on (a package name or a path); None for the blank default.
    - ``stages``: which stages run, in pipeline order.
    - ``include_title``: put the title before the body as the report's first paragraph (headlines carry claims).
    - ``max_chars``: longer articles are refused with a clear error instead of exhausting memory.
    - ``min_chars``: shorter texts (after stripping) are refused as empty.
    - ``refresh_every``: rebuild a language's pipeline after this many articles. spaCy's vocabulary keeps every
      new word it sees, so over millions of articles memory would grow without bound; a rebuild (well under a
      second, from the cache) starts it afresh. 0 never rebuilds.
    """

    model: str | None = None
    stages: tuple[str, ...] = DEFAULT_STAGES
    include_title: bool = True
    max_chars: int = 1_000_000
    min_chars: int = 1
    refresh_every: int = 20_000

    def __post_init__(self) -> None:
        unknown = [s for s in self.stages if s not in DEFAULT_STAGES]
        if unknown:
            raise SitrepError(f"E001: unknown stage(s) {unknown}; the stages are {', '.join(DEFAULT_STAGES)}.")
        if "sentences" not in self.stages:
            object.__setattr__(self, "stages", ("sentences", *self.stages))
        ordered = tuple(s for s in DEFAULT_STAGES if s in self.stages)
        object.__setattr__(self, "stages", ordered)

    def merged(self, **overrides: Any) -> Options:
        """These options with the non-None ``overrides`` applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    @classmethod
    def from_toml(cls, path: str | Path) -> Options:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SitrepError(f"E002: cannot read the options file {path}: {exc}") from exc
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise SitrepError(f"E003: {path}: unknown option(s) {unknown}; known: {sorted(known)}.")
        if "stages" in data:
            data["stages"] = tuple(data["stages"])
        return cls(**data)
