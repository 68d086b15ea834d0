"""Numbers as French and English news write them: digits in both conventions, scale words, number words."""

from __future__ import annotations

import pytest

from sitrep.pipeline.numbers import number_syntax, parse_number


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1 200", "fr", 1200),
        ("1\u00a0200", "fr", 1200),  # no-break space
        ("1\u202f200", "fr", 1200),  # narrow no-break space
        ("1 200 000", "fr", 1_200_000),
        ("46.000", "fr", 46_000),  # AFP style thousands
        ("1.731.035", "fr", 1_731_035),
        ("12,6", "fr", 12.6),
        ("0,01", "fr", 0.01),
        ("49.3", "fr", 49.3),  # one digit after the dot: a decimal
        ("1,200", "fr", 1.2),  # French reads the comma as decimal
        ("1.200,5", "fr", 1200.5),
        ("1,200", "en", 1200),
        ("1,200.5", "en", 1200.5),
        ("1.2", "en", 1.2),
        ("12,6", "en", 12.6),
        ("1.200.000", "en", 1_200_000),
        ("2,5 milliards", "fr", 2_500_000_000),
        ("1,5 million", "fr", 1_500_000),
        ("3 Md", "fr", 3_000_000_000),
        ("20 mille", "fr", 20_000),
        ("1.2 billion", "en", 1_200_000_000),
        ("3bn", "en", 3_000_000_000),
        ("1.2bn", "en", 1_200_000_000),
        ("10k", "en", 10_000),
        ("2 billions", "fr", 2_000_000_000_000),  # a French "billion" is 10^12
        ("deux cents", "fr", 200),
        ("quatorze", "fr", 14),
        ("vingt et un", "fr", 21),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("soixante-dix", "fr", 70),
        ("Deux Cents", "fr", 200),
        ("deux millions", "fr", 2_000_000),
        ("un million", "fr", 1_000_000),
        ("fourteen", "en", 14),
        ("twenty-one", "en", 21),
        ("one hundred and twenty", "en", 120),
        ("a hundred", "en", 100),
        ("seventy-five thousand", "en", 75_000),
    ],
)
def test_parse_number_reads_news_formats(text: str, lang: str, value: float) -> None:
    result = parse_number(text, lang)
    assert result == value
    assert type(result) is type(value)  # an int when whole


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("", "fr"),
        ("soldats", "fr"),
        ("un", "fr"),  # an article far more often than a count
        ("one", "en"),
        ("a", "en"),
        ("10.05.2023", "fr"),  # a date
        ("1 2", "fr"),  # two numbers, not one
        ("10 k", "en"),  # "k" counts only glued to its digits
        ("500m", "en"),  # "m" is millions only after a currency sign
        ("deux trois", "fr"),
        ("F-16", "en"),
    ],
)
def test_parse_number_refuses_what_is_not_one_number(text: str, lang: str) -> None:
    assert parse_number(text, lang) is None


def test_number_syntax_is_built_once_per_language() -> None:
    assert number_syntax("fr") is number_syntax("fr")
    assert number_syntax("fr") is not number_syntax("en")


@pytest.mark.parametrize(
    ("text", "lang", "first"),
    [
        ("vingt et un chars", "fr", ("vingt et un", 21)),
        ("trois cents missiles", "fr", ("trois cents", 300)),
        ("twenty-five drones", "en", ("twenty-five", 25)),
    ],
)
def test_words_run_ends_where_the_number_ends(text: str, lang: str, first: tuple[str, int]) -> None:
    syntax = number_syntax(lang)
    run = syntax.words.match(text)
    assert run is not None
    read = syntax.words_value(run.group())
    assert read is not None
    assert (text[: read[1]], read[0]) == first
