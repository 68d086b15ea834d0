"""Language identification: French and English read, other languages named and refused."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.errors import UnsupportedLanguageError
from sitrep.langid import identify


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'armée ukrainienne affirme avoir repoussé une attaque près de la ville dans la nuit de lundi.", "fr"),
        ("The Ukrainian army said it had repelled an attack near the city on Monday night.", "en"),
        ("Die ukrainische Armee hat nach eigenen Angaben einen Angriff in der Nähe der Stadt abgewehrt.", "de"),
        ("El ejército ucraniano afirmó haber repelido un ataque cerca de la ciudad el lunes por la noche.", "es"),
        ("L'esercito ucraino ha detto di aver respinto un attacco vicino alla città lunedì notte.", "it"),
        ("Украинская армия заявила, что отразила атаку под городом в ночь на понедельник.", "ru"),
        ("Українська армія заявила, що відбила атаку біля міста в ніч на понеділок.", "uk"),
        ("الجيش الأوكراني قال إنه صد هجوما قرب المدينة", "ar"),
    ],
)
def test_identify(text: str, lang: str) -> None:
    assert identify(text).lang == lang


def test_nothing_to_identify() -> None:
    assert identify("12 345 — 2023").lang == "und"


def test_extract_identifies_french_and_english() -> None:
    fr = sitrep.extract("Le Kremlin a démenti toute implication dans l'attaque de drones contre la capitale.")
    en = sitrep.extract("The Kremlin denied any involvement in the drone attack on the capital.")
    assert (fr.article.language, en.article.language) == ("fr", "en")


def test_an_unsupported_language_is_refused_with_its_name() -> None:
    with pytest.raises(UnsupportedLanguageError, match="German"):
        sitrep.extract("Der Kreml hat jede Beteiligung an dem Drohnenangriff auf die Hauptstadt bestritten.")


def test_a_given_language_overrides_identification() -> None:
    report = sitrep.extract("Kiev, Kharkiv, Odesa.", lang="en")
    assert report.article.language == "en"


def test_an_unsupported_given_language_is_refused() -> None:
    with pytest.raises(UnsupportedLanguageError, match="not supported"):
        sitrep.extract("Kiew wurde angegriffen.", lang="de")
