"""The quantities stage on French news sentences: what counts, what it counts, how exactly, and what is no count."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.pipeline.attrs import TIMES
from sitrep.pipeline.build import build_pipeline
from tests.stage_helpers import Q, quantities_found


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline("fr", stages=("quantities",))


def quantities(nlp: Language, text: str) -> list[Q]:
    return quantities_found(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Measures and areas
        ("Les forces ukrainiennes ont repris environ 20 kilomètres carrés autour de Bakhmout.",
         [("environ 20 kilomètres carrés", 20, "km2", True, None)]),
        ("Kiev affirme avoir libéré 12,6 km2 en une semaine.", [("12,6 km2", 12.6, "km2", False, None)]),
        ("L'armée a progressé de 20km carrés au sud de la ville.", [("20km carrés", 20, "km2", False, None)]),
        ("Le village se trouve à 60 km au sud-est de Niamey.", [("60 km", 60, "km", False, None)]),
        ("Une explosion de 2.750 tonnes de nitrate d'ammonium.", [("2.750 tonnes", 2750, "t", False, None)]),
        ("Le front s'étend sur plus de 1 000 kilomètres.", [("plus de 1 000 kilomètres", 1000, "km", False, "lower")]),
        # Percentages
        ("Plus de 90 % des bâtiments de la ville sont détruits.", [("Plus de 90 %", 90, "percent", False, "lower")]),
        ("Le candidat a obtenu 41,8% des voix.", [("41,8%", 41.8, "percent", False, None)]),
        ("Le chômage a grimpé de 3 points de pourcentage.",
         [("3 points de pourcentage", 3, "percentage_point", False, None)]),
        # Counted people and things, digits in every French grouping
        ("Moscou a envoyé 1 200 soldats en renfort.", [("1 200 soldats", 1200, "soldier", False, None)]),
        ("Moscou a envoyé 1\u00a0200 soldats en renfort.", [("1\u00a0200 soldats", 1200, "soldier", False, None)]),
        ("Moscou a envoyé 1\u202f200 soldats en renfort.", [("1\u202f200 soldats", 1200, "soldier", False, None)]),
        ("Le bilan s'élève à 2.722 morts.", [("2.722 morts", 2722, "killed", False, None)]),
        ("L'attaque a fait 5 morts et 40 blessés.",
         [("5 morts", 5, "killed", False, None), ("40 blessés", 40, "wounded", False, None)]),
        ("Berlin va livrer 14 chars Leopard 2 à l'Ukraine.", [("14 chars", 14, "tank", False, None)]),
        ("L'armée a reçu 300 nouveaux chars.", [("300 nouveaux chars", 300, "tank", False, None)]),
        ("Plus de 17.000 civils ont fui la ville.", [("Plus de 17.000 civils", 17000, "civilian", False, "lower")]),
        # Number words
        ("La Russie a tiré deux cents missiles sur le pays.", [("deux cents missiles", 200, "missile", False, None)]),
        ("Les bombardements ont fait quatorze morts.", [("quatorze morts", 14, "killed", False, None)]),
        ("Vingt et un drones ont été abattus dans la nuit.", [("Vingt et un drones", 21, "drone", False, None)]),
        ("Trois hélicoptères ont été envoyés sur place.", [("Trois hélicoptères", 3, "helicopter", False, None)]),
        # Scales and currencies
        ("L'Union européenne débloque 2 milliards d'euros pour Kiev.",
         [("2 milliards d'euros", 2_000_000_000, "EUR", False, None)]),
        ("Washington prévoit €2 milliards d'aide.", [("€2 milliards", 2_000_000_000, "EUR", False, None)]),
        ("Le plan prévoit 2,5 milliards de dollars.",
         [("2,5 milliards de dollars", 2_500_000_000, "USD", False, None)]),
        ("Il a payé une amende de 2 000 €.", [("2 000 €", 2000, "EUR", False, None)]),
        ("Le pays compte 18 millions d'habitants.", [("18 millions d'habitants", 18_000_000, "person", False, None)]),
        ("Kiev a reçu 100 millions de hryvnias.", [("100 millions de hryvnias", 100_000_000, "UAH", False, None)]),
        # Approximations and bounds
        ("Près de 5.000 combattants syriens sont en Libye.",
         [("Près de 5.000 combattants", 5000, "fighter", True, None)]),
        ("Près d'1,5 milliard d'enfants ont été privés d'école.",
         [("Près d'1,5 milliard d'enfants", 1_500_000_000, "child", True, None)]),
        ("Quelque 3.300 combattants s'entraînent.", [("Quelque 3.300 combattants", 3300, "fighter", True, None)]),
        ("L'ONG évoque jusqu'à 9.000 mercenaires.", [("jusqu'à 9.000 mercenaires", 9000, "fighter", False, "upper")]),
        ("Au moins 20 personnes ont été tuées.", [("Au moins 20 personnes", 20, "person", False, "lower")]),
        ("Le séisme a fait 20 morts au moins.", [("20 morts au moins", 20, "killed", False, "lower")]),
        ("Moins de 100 soldats tiennent encore la position.",
         [("Moins de 100 soldats", 100, "soldier", False, "upper")]),
        ("Les effectifs sont de moins de 2.000.", [("moins de 2.000", 2000, None, False, "upper")]),
        # Collectives
        ("Des dizaines de milliers de soldats sont massés à la frontière.",
         [("Des dizaines de milliers de soldats", 10_000, "soldier", True, "lower")]),
        ("Une centaine de chars ont franchi la frontière.", [("Une centaine de chars", 100, "tank", True, None)]),
        ("Plus d'une centaine de civils ont été évacués.",
         [("Plus d'une centaine de civils", 100, "civilian", True, "lower")]),
        ("Des milliers de manifestants ont défilé.",
         [("Des milliers de manifestants", 1000, "protester", True, "lower")]),
        # Unknown counted nouns keep the number, without a unit
        ("Les 27 pays membres ont voté le texte.", [("27", 27, None, False, None)]),
    ],
)  # fmt: skip
def test_french_quantities(nlp: Language, text: str, expected: list[Q]) -> None:
    assert quantities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entre 10 et 15 civils ont été tués.",
         [("Entre 10", 10, "civilian", False, "lower"), ("15 civils", 15, "civilian", False, "upper")]),
        ("L'attaque a fait 10 à 15 morts.",
         [("10", 10, "killed", False, "lower"), ("15 morts", 15, "killed", False, "upper")]),
        ("On compte 10-15 blessés.",
         [("10", 10, "wounded", False, "lower"), ("15 blessés", 15, "wounded", False, "upper")]),
        ("L'Europe promet deux à trois millions d'obus.",
         [("deux", 2_000_000, "shell", False, "lower"), ("trois millions d'obus", 3_000_000, "shell", False, "upper")]),
        ("Le coût devrait se situer entre 1.000 et 2.000 milliards d'euros.",
         [("entre 1.000", 10**12, "EUR", False, "lower"),
          ("2.000 milliards d'euros", 2 * 10**12, "EUR", False, "upper")]),
        ("Environ 10 à 20 personnes ont été arrêtées.",
         [("Environ 10", 10, "person", True, "lower"), ("20 personnes", 20, "person", True, "upper")]),
        # The tokenizer keeps "10–15" in one token: each end's span grows to whole tokens.
        ("L'armée a abattu 10–15 drones.",
         [("10–15", 10, "drone", False, "lower"), ("10–15 drones", 15, "drone", False, "upper")]),
        # Two numbers with their own unit are two values, not a range.
        ("Le taux est passé de 8 % à 9 %.", [("8 %", 8, "percent", False, None), ("9 %", 9, "percent", False, None)]),
    ],
)  # fmt: skip
def test_french_ranges_are_two_bounded_quantities(nlp: Language, text: str, expected: list[Q]) -> None:
    assert quantities(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le 10 mai, les troupes sont entrées dans la ville.",  # a date
        "Les combats ont repris en 2023 dans la région.",  # a year
        "L'offensive a commencé à 14h30 heure locale.",  # a clock time
        "Le sommet aura lieu à 10:30.",
        "Les combats durent depuis trois jours.",  # a duration
        "Un homme âgé de 45 ans a été arrêté.",  # an age
        "Le suspect, 45 ans, a été interpellé.",
        "Ils ont passé les 24 dernières heures sous les bombes.",
        "Kiev réclame des F-16 et des T-72.",  # model names
        "La Russie a déployé des S-400 et des Su-25.",
        "L'Ukraine a reçu un HIMARS M142.",
        "Le 1er bataillon et le 5e régiment ont été engagés.",  # ordinals
        "C'est la troisième attaque cette semaine.",
        "L'article 5 de l'OTAN n'a pas été invoqué.",  # a reference
        "La résolution 2334 a été adoptée.",
        "Le vol 752 a été abattu.",
        "Pour tout renseignement, appelez le 01 23 45 67 89.",  # a phone number
        "L'équipe s'est imposée 3-1 face à Lyon.",  # a score
        "Les Deux-Sèvres et le G7 ont réagi.",
        "Les deux pays ont signé un accord.",  # number words need a unit
        "Il a accepté la quarantaine imposée.",  # a collective word without its count
        "L'armée a perdu deux fois plus d'hommes.",  # a multiplier
    ],
)
def test_french_non_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


def test_a_number_inside_a_time_span_is_left_to_the_times_stage(nlp: Language) -> None:
    doc = nlp.make_doc("Il est arrivé il y a 48 soldats.")
    # A made-up times span over "il y a 48" stands for whatever the times stage took.
    made_up = doc.char_span(14, 23)
    assert made_up is not None
    doc.spans[TIMES] = [made_up]
    assert not nlp.get_pipe("quantities")(doc).spans["quantities"]
    doc.spans[TIMES] = []
    assert [s.text for s in nlp.get_pipe("quantities")(doc).spans["quantities"]] == ["48 soldats"]


def test_the_stage_runs_without_the_times_group(nlp: Language) -> None:
    doc = nlp.make_doc("L'attaque a fait 12 morts.")
    assert TIMES not in doc.spans
    assert [s.text for s in nlp.get_pipe("quantities")(doc).spans["quantities"]] == ["12 morts"]


def test_quantities_reach_the_report() -> None:
    from sitrep.api import Extractor
    from sitrep.article import Article
    from sitrep.config import Options

    extractor = Extractor(Options(stages=("quantities",)))
    report = extractor.extract_article(
        Article(id="a1", text="Plus de 90 % de la ville est détruite et 1 200 soldats sont morts.", language="fr")
    )
    report.check_offsets()
    assert [(q.text, q.value, q.unit, q.bound) for q in report.quantities] == [
        ("Plus de 90 %", 90, "percent", "lower"),
        ("1 200 soldats", 1200, "soldier", None),
    ]
