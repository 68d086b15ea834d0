"""PackedNames, the compact read-only mapping behind the entities lexicon: it must behave like the dict it packs."""

from __future__ import annotations

import pytest

from sitrep.pipeline.naming.lexicon import PackedNames

PLACES = {"Kiev": "UA", "Kyiv": "UA", "Bakhmout": "UA", "Moscou": "RU", "Saint-Pétersbourg": "RU",
          "Le Caire": "EG", "Ağrı": "TR", "東京": "JP", "": "XX"}  # fmt: skip


@pytest.fixture(scope="module")
def packed() -> PackedNames:
    return PackedNames(PackedNames.pack(PLACES))


def test_lookups_match_the_dict(packed: PackedNames) -> None:
    for name, country in PLACES.items():
        assert name in packed and packed[name] == country and packed.get(name) == country
    for absent in ("kiev", "Kie", "Kievv", "Paris", "Le", "Saint", "東"):
        assert absent not in packed and packed.get(absent) is None
        with pytest.raises(KeyError):
            packed[absent]


def test_size_and_iteration(packed: PackedNames) -> None:
    assert len(packed) == len(PLACES)
    assert sorted(packed) == sorted(PLACES)
    assert dict(packed.items()) == PLACES


def test_a_set_packs_too() -> None:
    words = PackedNames(PackedNames.pack(["front", "ligne", "offensive"]))
    assert "ligne" in words and "lignes" not in words and len(words) == 3
