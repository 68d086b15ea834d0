"""Shared fixtures: the ../shared data folder (skipped cleanly when absent) and small example texts."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test session compiles its caches (tokenizer, gazetteer) into a folder of its own, never the user's."""
    folder = tmp_path_factory.mktemp("sitrep-cache")
    before = os.environ.get("SITREP_CACHE_DIR")
    os.environ["SITREP_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("SITREP_CACHE_DIR", None)
    else:
        os.environ["SITREP_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that use it are skipped where it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"shared data not found at {data} (tests that read the shared corpora need ../shared)")
    return data


@pytest.fixture(scope="session")
def seed_path(shared_data: Path) -> Path:
    path = shared_data / "corpora" / "seed-fr-2023-05-16.txt"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    return path


@pytest.fixture(scope="session")
def places_pipeline(isolated_cache: Path) -> Iterator[Callable[[str], Language]]:
    """The places stage alone on the embedded gazetteer, one pipeline per language, built once per session."""
    from sitrep.api import Extractor
    from sitrep.config import Options

    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SITREP_GAZETTEER", raising=False)
        extractor = Extractor(Options(stages=("places",)))
        yield extractor.pipeline
