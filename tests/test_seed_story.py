"""The founding story (../shared/data/corpora/seed-fr-2023-05-16.txt) end to end, as a reader would check it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import Report, extract


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[Report, dict[str, str]]:
    report = extract(seed_path.read_text(encoding="utf-8"), lang="fr", published="2023-05-16")
    report.check_offsets()
    return report, {e.id: e.name for e in report.entities}


def test_maliar_claims_the_territory_gain(seed: tuple[Report, dict[str, str]]) -> None:
    report, _ = seed
    event = next(e for e in report.events if e.trigger.text == "libéré")
    assert (event.type, event.modality) == ("ASSAULT", "actual")
    assert "territory" in event.context
    assert event.claimed_by is not None and event.claimed_by.name == "Ganna Maliar"


def test_kiev_repels_russian_missiles_in_own_voice(seed: tuple[Report, dict[str, str]]) -> None:
    report, names = seed
    event = next(e for e in report.events if e.trigger.text == "repoussé")
    assert (event.type, event.mode, event.modality, event.claimed_by) == ("ASSAULT", "aerial", "actual", None)
    assert [names[r] for r in event.recipients] == ["Kiev"]


def test_sunak_pledges_missiles(seed: tuple[Report, dict[str, str]]) -> None:
    report, names = seed
    event = next(e for e in report.events if e.trigger.text == "livrer" and e.time and e.time.text == "prochainement")
    assert (event.type, event.modality) == ("AID", "future")
    assert [names[a] for a in event.actors] == ["Rishi Sunak"]
    assert [names[r] for r in event.recipients] == ["Ukraine"]
