"""Shared fixtures: the ../shared data folder (skipped cleanly when absent) and small example texts."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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
