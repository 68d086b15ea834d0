"""The times stage on English news sentences: extent, TIMEX3 type and value anchored on the DCT.

The DCT of every case is Tuesday 16 May 2023 unless a case says otherwise.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from tests.stage_helpers import DCT, TIMES_ONLY, one_time, times_found


def times(text: str, published: str | None = DCT) -> list[tuple[str, str, str]]:
    return times_found(text, "en", published)


def one(text: str, published: str | None = DCT) -> tuple[str, str, str]:
    return one_time(text, "en", published)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # absolute dates; prepositions stay outside
        ("The deal was signed on May 10, 2023 in Istanbul.", ("May 10, 2023", "DATE", "2023-05-10")),
        ("The ceasefire collapsed on 3 March 2022.", ("3 March 2022", "DATE", "2022-03-03")),
        ("The summit is scheduled for Sept. 12.", ("Sept. 12", "DATE", "2023-09-12")),
        ("Officials met on Monday, May 15 in Brussels.", ("Monday, May 15", "DATE", "2023-05-15")),
        ("The decree is dated 5/12/2023.", ("5/12/2023", "DATE", "2023-05-12")),
        ("The city fell in 2014.", ("2014", "DATE", "2014")),
        ("Fighting resumed in May 2022.", ("May 2022", "DATE", "2022-05")),
        ("The region was stable in the 1990s.", ("the 1990s", "DATE", "199X")),
        ("The fortress dates from the 12th century.", ("the 12th century", "DATE", "11XX")),
        # weekdays: the tense decides
        ("Russian forces shelled Kherson on Monday.", ("Monday", "DATE", "2023-05-15")),
        ("Troops attacked the bridge on Thursday.", ("Thursday", "DATE", "2023-05-11")),
        ("Talks will resume on Thursday in Geneva.", ("Thursday", "DATE", "2023-05-18")),
        ("The minister will visit Kyiv next Monday.", ("next Monday", "DATE", "2023-05-22")),
        ("The vote took place last Friday.", ("last Friday", "DATE", "2023-05-12")),
        # days relative to the DCT
        ("The president spoke yesterday in parliament.", ("yesterday", "DATE", "2023-05-15")),
        ("The Security Council meets tomorrow.", ("tomorrow", "DATE", "2023-05-17")),
        ("He was killed the day before yesterday.", ("the day before yesterday", "DATE", "2023-05-14")),
        # parts of day and clock times
        ("Explosions were heard on Tuesday night in Kyiv.", ("Tuesday night", "TIME", "2023-05-16TNI")),
        ("The convoy was hit yesterday morning.", ("yesterday morning", "TIME", "2023-05-15TMO")),
        ("The spokesman denied the report this morning.", ("this morning", "TIME", "2023-05-16TMO")),
        ("Kyiv will be dark tonight.", ("tonight", "TIME", "2023-05-16TNI")),
        ("Drones struck the port overnight.", ("overnight", "TIME", "2023-05-16TNI")),  # as "dans la nuit" in French
        ("Russia launched 30 drones at Kyiv last night.", ("last night", "TIME", "2023-05-15TNI")),
        ("Last night's strike cut power in Odesa.", ("Last night", "TIME", "2023-05-15TNI")),
        ("Sirens sounded at 3:30 a.m.", ("3:30 a.m.", "TIME", "2023-05-16T03:30")),
        ("The strike came at 1400 GMT.", ("1400 GMT", "TIME", "2023-05-16T14:00")),
        # months
        ("The dam collapsed in March.", ("March", "DATE", "2023-03")),
        ("The NATO summit will take place in July.", ("July", "DATE", "2023-07")),
        ("The city was retaken last November.", ("last November", "DATE", "2022-11")),
        # early / mid / late
        ("Deliveries began in late 2022.", ("late 2022", "DATE", "2022")),
        ("The tanks will arrive in early June.", ("early June", "DATE", "2023-06")),
        ("The counteroffensive began in mid-April.", ("mid-April", "DATE", "2023-04")),
        # durations
        ("The siege lasted three years.", ("three years", "DURATION", "P3Y")),
        ("A 48-hour truce was declared.", ("48-hour", "DURATION", "PT48H")),
        ("The war has lasted more than 14 months.", ("more than 14 months", "DURATION", "P14M")),
        ("The town has been encircled for months.", ("months", "DURATION", "PXM")),
        ("Fighting intensified over the past three years.", ("the past three years", "DURATION", "P3Y")),
        ("The hostages were freed after several days.", ("several days", "DURATION", "PXD")),
        ("The talks lasted a couple of days.", ("a couple of days", "DURATION", "P2D")),
        ("The alert lasted half an hour.", ("half an hour", "DURATION", "PT30M")),
        # units relative to the DCT
        ("Moscow rejected the offer last week.", ("last week", "DATE", "2023-W19")),
        ("The contract will be renewed next year.", ("next year", "DATE", "2024")),
        ("Exports fell sharply this year.", ("this year", "DATE", "2023")),
        ("The village was retaken three days ago.", ("three days ago", "DATE", "2023-05-13")),
        ("Inspectors will arrive two weeks from now.", ("two weeks from now", "DATE", "2023-05-30")),
        # vague references
        ("The front is currently quiet.", ("currently", "TIME", "PRESENT_REF")),
        ("Fighting has recently resumed.", ("recently", "TIME", "PAST_REF")),
        ("These guarantees will protect the country in the future.", ("in the future", "TIME", "FUTURE_REF")),
        # sets
        ("Drones fly over the city every day.", ("every day", "SET", "P1D")),
        ("Protesters gather on Mondays.", ("Mondays", "SET", "XXXX-WXX-1")),
        ("The UN publishes a weekly report.", ("weekly", "SET", "P1W")),
        ("Patrols pass twice a week.", ("twice a week", "SET", "P1W")),
    ],
)
def test_expression(sentence: str, expected: tuple[str, str, str]) -> None:
    assert one(sentence) == expected


def test_range_gives_the_second_day_the_month_of_the_first() -> None:
    assert times("The G7 summit will be held May 19-21 in Hiroshima.") == [
        ("May 19", "DATE", "2023-05-19"),
        ("21", "DATE", "2023-05-21"),
    ]


def test_clock_time_takes_the_day_named_after_it() -> None:
    assert times("The council will meet at noon on Friday.") == [
        ("noon", "TIME", "2023-05-19T12:00"),
        ("Friday", "DATE", "2023-05-19"),
    ]


def test_the_next_day_is_anchored_on_the_last_date_named() -> None:
    assert times("The city was bombed on May 2. The next day, the army withdrew.") == [
        ("May 2", "DATE", "2023-05-02"),
        ("The next day", "DATE", "2023-05-03"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The president spoke yesterday.", ("yesterday", "DATE", "XXXX-XX-XX", "DCT-P1D")),
        ("Kyiv was hit on Monday.", ("Monday", "DATE", "XXXX-XX-XX", "DCT<MO")),
        ("Talks will resume on Thursday.", ("Thursday", "DATE", "XXXX-XX-XX", "DCT>TH")),
        ("The town was retaken on May 10.", ("May 10", "DATE", "XXXX-05-10", None)),
        ("Moscow rejected the offer last week.", ("last week", "DATE", "XXXX-WXX", "DCT-P1W")),
    ],
)
def test_without_dct_relative_values_stay_underspecified(sentence: str, expected: tuple[str, ...]) -> None:
    report = extract(sentence, lang="en", published=None, options=TIMES_ONLY)
    assert [(t.text, t.type, t.value, t.anchor) for t in report.times] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 90% of voters approved the text.",
        "Troops advanced 20 km to the east.",
        "London wants to deliver F-16 jets while Moscow deploys S-400 systems.",
        "A 12-year-old boy was wounded.",
        "The suspect, who is 45 years old, was arrested.",
        "John Smith, 45, was arrested.",
        "The match ended with a score of 2-1.",
        "Call 555-1234 for information.",
        "Some 1,200 soldiers and 2000 reservists were mobilised.",
        "The convoy included 300 vehicles.",
        "He may attend the march.",
        "The fall of the city shocked Kyiv.",
        "A second explosion was heard in the Arab Spring square.",
        "The last night of the talks was tense.",
    ],
)
def test_no_false_times(sentence: str) -> None:
    assert times(sentence) == []
