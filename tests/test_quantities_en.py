"""The quantities stage on English news sentences: what counts, what it counts, how exactly, and what is no count."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.pipeline.build import build_pipeline
from tests.stage_helpers import Q, quantities_found


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline("en", stages=("quantities",))


def quantities(nlp: Language, text: str) -> list[Q]:
    return quantities_found(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Measures and areas
        ("Ukraine says it retook about 20 square kilometres near Bakhmut.",
         [("about 20 square kilometres", 20, "km2", True, None)]),
        ("Troops advanced 12.6 sq km in a week.", [("12.6 sq km", 12.6, "km2", False, None)]),
        ("The convoy stretched for 20km along the road.", [("20km", 20, "km", False, None)]),
        ("Russia dug a 10-km trench line.", [("10-km", 10, "km", False, None)]),
        ("The blast left a crater 30 metres wide.", [("30 metres", 30, "m", False, None)]),
        ("The missile flew some 1,200 miles.", [("some 1,200 miles", 1200, "mi", True, None)]),
        # Percentages
        ("More than 90% of the town has been destroyed.", [("More than 90%", 90, "percent", False, "lower")]),
        ("Turnout reached 62.9 percent.", [("62.9 percent", 62.9, "percent", False, None)]),
        ("Inflation rose by 2 percentage points.", [("2 percentage points", 2, "percentage_point", False, None)]),
        # Counted people and things
        ("Moscow sent 1,200 troops to the front.", [("1,200 troops", 1200, "soldier", False, None)]),
        ("The strike killed 12 civilians and injured 30 people.",
         [("12 civilians", 12, "civilian", False, None), ("30 people", 30, "person", False, None)]),
        ("At least 30 drones were shot down overnight.", [("At least 30 drones", 30, "drone", False, "lower")]),
        ("Germany will send 30 Leopard 2 tanks.", [("30 Leopard 2 tanks", 30, "tank", False, None)]),
        ("Kyiv has received 31 M1 Abrams tanks.", [("31 M1 Abrams tanks", 31, "tank", False, None)]),
        ("Some 30 Iranian-made Shahed drones hit the city.",
         [("Some 30 Iranian-made Shahed drones", 30, "drone", True, None)]),
        ("The shelling left 15 dead and 40 wounded.",
         [("15 dead", 15, "killed", False, None), ("40 wounded", 40, "wounded", False, None)]),
        ("Police arrested 35 protesters.", [("35 protesters", 35, "protester", False, None)]),
        # Number words
        ("Fourteen soldiers were killed in the ambush.", [("Fourteen soldiers", 14, "soldier", False, None)]),
        ("Russia fired two hundred missiles in a month.", [("two hundred missiles", 200, "missile", False, None)]),
        ("Twenty-one aircraft took part in the raid.", [("Twenty-one aircraft", 21, "aircraft", False, None)]),
        ("One hundred and twenty hostages were freed.",
         [("One hundred and twenty hostages", 120, "hostage", False, None)]),
        # Scales and currencies
        ("Congress approved a $1.2 billion aid package.", [("$1.2 billion", 1_200_000_000, "USD", False, None)]),
        ("The EU pledged €2 billion for ammunition.", [("€2 billion", 2_000_000_000, "EUR", False, None)]),
        ("Britain announced £3bn of military aid.", [("£3bn", 3_000_000_000, "GBP", False, None)]),
        ("The deal is worth US$5 million.", [("US$5 million", 5_000_000, "USD", False, None)]),
        ("Kyiv received $500m in loans.", [("$500m", 500_000_000, "USD", False, None)]),
        ("The fund holds 2 billion euros.", [("2 billion euros", 2_000_000_000, "EUR", False, None)]),
        ("Salaries were cut by 3,000 hryvnias.", [("3,000 hryvnias", 3000, "UAH", False, None)]),
        # Approximations and bounds
        ("Nearly 5,000 fighters have been deployed.", [("Nearly 5,000 fighters", 5000, "fighter", True, None)]),
        ("The group says up to 9,000 mercenaries are in Libya.",
         [("up to 9,000 mercenaries", 9000, "fighter", False, "upper")]),
        ("Fewer than 100 deaths were recorded.", [("Fewer than 100 deaths", 100, "killed", False, "upper")]),
        ("The quake killed 20 people or more.", [("20 people or more", 20, "person", False, "lower")]),
        ("Officials said over 300 were missing.", [("over 300", 300, None, False, "lower")]),
        # Collectives
        ("Tens of thousands of troops are massed on the border.",
         [("Tens of thousands of troops", 10_000, "soldier", True, "lower")]),
        ("A dozen tanks crossed the river.", [("A dozen tanks", 12, "tank", True, None)]),
        ("Several hundred troops were withdrawn.", [("Several hundred troops", 100, "soldier", True, "lower")]),
        ("Hundreds of drones were launched.", [("Hundreds of drones", 100, "drone", True, "lower")]),
        # Unknown counted nouns keep the number, without a unit
        ("The 27 member states agreed.", [("27", 27, None, False, None)]),
    ],
)  # fmt: skip
def test_english_quantities(nlp: Language, text: str, expected: list[Q]) -> None:
    assert quantities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 10 and 15 civilians were killed.",
         [("Between 10", 10, "civilian", False, "lower"), ("15 civilians", 15, "civilian", False, "upper")]),
        ("The raid left 10 to 15 dead.",
         [("10", 10, "killed", False, "lower"), ("15 dead", 15, "killed", False, "upper")]),
        ("Medics counted 10-15 wounded.",
         [("10", 10, "wounded", False, "lower"), ("15 wounded", 15, "wounded", False, "upper")]),
        ("The war displaced 2 to 3 million people.",
         [("2", 2_000_000, "person", False, "lower"), ("3 million people", 3_000_000, "person", False, "upper")]),
        ("Inflation went from 8% to 9%.", [("8%", 8, "percent", False, None), ("9%", 9, "percent", False, None)]),
    ],
)  # fmt: skip
def test_english_ranges_are_two_bounded_quantities(nlp: Language, text: str, expected: list[Q]) -> None:
    assert quantities(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On May 10, the troops entered the city.",  # a date
        "Fighting resumed in 2023 in the region.",  # a year
        "The summit starts at 10:30 local time.",  # a clock time
        "The siege lasted three days.",  # a duration
        "A 45-year-old man was arrested.",  # an age
        "The suspect, aged 45, was detained.",
        "Kyiv wants F-16s and more T-72 tanks.",  # model names
        "Russia deployed S-400 systems and Su-25 jets.",
        "Ukraine received a HIMARS M142 launcher.",
        "It was the 3rd attack this week.",  # ordinals
        "Article 5 of the NATO treaty was not invoked.",  # a reference
        "Resolution 2334 was adopted.",
        "Flight 752 was shot down.",
        "For details call +1 202 555 0199.",  # a phone number
        "The home side won 3-1.",  # a score
        "One of the soldiers was wounded.",  # a lone "one" is no count
        "Both countries signed the deal.",
        "Losses were two times higher.",  # a multiplier
    ],
)
def test_english_non_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []
