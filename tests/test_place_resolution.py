"""Place resolution from the article's other names: counties and their towns, and region names over town aliases."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from sitrep.pipeline.attrs import PLACES, PlaceAttrs


@pytest.fixture(scope="module")
def nlp(places_pipeline: Callable[[str], Language]) -> Language:
    return places_pipeline("en")


@pytest.fixture(scope="module")
def nlp_fr(places_pipeline: Callable[[str], Language]) -> Language:
    return places_pipeline("fr")


def resolved(nlp: Language, text: str) -> dict[str, PlaceAttrs]:
    doc = nlp(text)
    return {span.text: span._.place for span in doc.spans[PLACES]}


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        # a town in a county the article names: the Paris of the Henry County that has one (Tennessee)
        ("A Paris man was charged on Monday, the Henry County sheriff said.", "Paris", 4647963),
        ("A Paris man was charged on Monday, the Henry County sheriff said.", "Henry County", 4628829),
        # the same town name with another county: the Paris of Edgar County (Illinois)
        ("Edgar County deputies closed a road north of Paris after the storm.", "Paris", 4246659),
        ("Edgar County deputies closed a road north of Paris after the storm.", "Edgar County", 4237672),
        # no county, no other name: the most likely reading stays
        ("The summit opened in Paris on Monday.", "Paris", 2988507),
    ],
)
def test_a_county_and_its_town_choose_each_other(nlp: Language, text: str, mention: str, geonameid: int) -> None:
    place = resolved(nlp, text)[mention]
    assert place.geonameid == geonameid


def test_a_county_has_a_point_near_its_towns(nlp: Language) -> None:
    found = resolved(nlp, "Edgar County deputies closed a road north of Paris after the storm.")
    county, town = found["Edgar County"], found["Paris"]
    assert county.lat is not None and county.lon is not None and town.lat is not None and town.lon is not None
    assert abs(county.lat - town.lat) < 0.5 and abs(county.lon - town.lon) < 0.5


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        # "Florida" is an old name of a small Californian town: the state wins even next to California
        ("Students in California and Florida walked out of class on Wednesday.", "Florida", 4155751),
        # "Maryland" is an alternate name of Maryland City: the state wins next to one of its towns
        ("Police in Severn, Maryland, arrested two men on Friday.", "Maryland", 4361885),
    ],
)
def test_a_region_name_is_not_a_small_town_alias(nlp: Language, text: str, mention: str, geonameid: int) -> None:
    assert resolved(nlp, text)[mention].geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        # three names that may all lie in the US state of Georgia: the article's focus, and its "Georgia"
        (
            "Deputies from Athens, Madison and Jackson searched the river on Sunday, Georgia officials said.",
            "Georgia",
            4197000,
        ),
        # a big city whose own name it is keeps its reading: five capitals are not a Georgian local story
        ("European ministers met in Rome, Athens, Dublin, Berlin and Vienna on Tuesday.", "Athens", 264371),
        # a country keeps its reading in a story focused on one state
        ("Texas officials said farmers in Dallas, Austin and Houston sell cotton to China.", "China", 1814991),
    ],
)
def test_the_article_focus_region(nlp: Language, text: str, mention: str, geonameid: int) -> None:
    assert resolved(nlp, text)[mention].geonameid == geonameid


def test_a_region_name_beats_a_town_alias_next_to_the_towns_of_that_region(nlp: Language) -> None:
    text = "SEVERN, Md. - Two men were arrested in Severn on Friday, Maryland state police said."
    assert resolved(nlp, text)["Maryland"].geonameid == 4361885


@pytest.mark.parametrize(
    ("lang", "text", "mention", "geonameid"),
    [
        # "Oklahoma" is only a raw alternate name of Oklahoma City: the state whose own name it is wins
        ("en", "Tornadoes tore through Oklahoma on Tuesday night.", "Oklahoma", 4544379),
        # "Jenin" is a Polish village's own name, far too small to take the name from the Palestinian city
        ("fr", "L'armée israélienne a mené un raid à Jenin mardi.", "Jenin", 283506),
        # a Palestinian governorate's name is not a name of the whole West Bank
        ("fr", "Des colons ont attaqué un village près de Naplouse.", "Naplouse", 282615),
    ],
)
def test_a_raw_alias_loses_to_an_own_name(request: pytest.FixtureRequest, lang: str, text: str, mention: str,
                                          geonameid: int) -> None:  # fmt: skip
    pipeline = request.getfixturevalue("nlp" if lang == "en" else "nlp_fr")
    assert resolved(pipeline, text)[mention].geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "mention", "feature", "country"),
    [
        # a bare name shared by a city and its region is the city; "région de" makes the region
        ("Des explosions ont retenti à Kherson dans la nuit de lundi.", "Kherson", "city", "UA"),
        ("Les forces russes ont bombardé Mykolaïv mardi.", "Mykolaïv", "city", "UA"),
        ("Une frappe aérienne a touché Idlib, selon une ONG.", "Idlib", "city", "SY"),
        ("Les rebelles ont repris Kidal après de violents combats.", "Kidal", "city", "ML"),
        ("Des jihadistes ont encerclé Tombouctou au début du mois.", "Tombouctou", "city", "ML"),
        ("Des combats ont eu lieu dans la région de Kherson.", "région de Kherson", "admin", "UA"),
        # French spellings of the news
        ("L'armée a reculé près de Vouhledar.", "Vouhledar", "city", "UA"),
        ("Les paramilitaires assiègent El-Facher, au Darfour.", "El-Facher", "city", "SD"),
    ],
)
def test_french_war_news_names(nlp_fr: Language, text: str, mention: str, feature: str, country: str) -> None:
    place = resolved(nlp_fr, text)[mention]
    assert (place.feature, place.country) == (feature, country)


def test_a_region_without_geonames_entry_is_still_recognised(nlp_fr: Language) -> None:
    found = resolved(nlp_fr, "Les paramilitaires assiègent El-Facher, au Darfour.")
    assert "Darfour" in found and found["Darfour"].name == "Darfur"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Firefighters fought a barn fire in Marfa on Sunday.", True),  # a cue of place vouches for a small town
        ("MARFA — Firefighters fought a barn fire on Sunday.", True),  # so does a dateline
        ("Firefighters fought a barn fire at the Marfa ranch on Sunday.", False),  # nothing supports it
    ],
)
def test_a_small_town_needs_support_from_the_article(nlp: Language, text: str, kept: bool) -> None:
    assert any(key.lower() == "marfa" for key in resolved(nlp, text)) == kept


def test_an_own_name_with_an_apostrophe_is_still_the_own_name(nlp: Language) -> None:
    place = resolved(nlp, "Icebergs drifted past St Johns harbour, Newfoundland officials said.")["St Johns"]
    assert place.country == "CA"


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        # a village of Illinois named Kansas does not take the name from the state, even next to "Illinois"
        ("The family moved from Kansas to Illinois last spring.", "Kansas", 4273857),
        # its county named, the village keeps it
        ("Edgar County deputies searched a farm near Kansas on Friday.", "Kansas", 4242066),
    ],
)
def test_a_region_name_is_not_a_village_without_strong_evidence(nlp: Language, text: str, mention: str,
                                                                geonameid: int) -> None:  # fmt: skip
    assert resolved(nlp, text)[mention].geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Crowds gathered in New York on Saturday.", "New York", "US"),  # a short form of New York City's name
        ("Students returned to Berea College on Monday, officials in Berea said.", "Berea", None),  # not Aleppo
    ],
)
def test_a_world_city_keeps_only_short_forms_of_its_name(nlp: Language, text: str, mention: str,
                                                         country: str | None) -> None:  # fmt: skip
    place = resolved(nlp, text)[mention]
    assert place.country != "SY" and (country is None or place.country == country)


@pytest.mark.parametrize(
    ("text", "mention", "feature"),
    [
        # the article's towns may lie in the state: the state, not Indiana, Pennsylvania
        ("The Indiana team beat Pittsburgh on Saturday, while Bloomington celebrated.", "Indiana", "admin"),
        # a name that a world city bears stays the city next to towns of its state
        ("Flights from Buffalo and Rochester to New York were cancelled on Friday.", "New York", "city"),
    ],
)
def test_a_region_takes_support_from_towns_that_may_lie_in_it(
    nlp: Language, text: str, mention: str, feature: str
) -> None:
    assert resolved(nlp, text)[mention].feature == feature


@pytest.mark.parametrize(
    ("text", "mention", "country", "feature"),
    [
        # "Town, Region": the region that holds a town of the name, and that town
        ("The festival drew crowds to Athens, Georgia, on Saturday.", "Athens", "US", "city"),
        ("The festival drew crowds to Athens, Georgia, on Saturday.", "Georgia", "US", "admin"),
        ("The airline, based in Rego Park, New York, will start service in May.", "New York", "US", "admin"),
        ("A plant in London, Ontario, will close next year.", "London", "CA", "city"),
    ],
)
def test_a_region_after_a_town_and_a_comma_is_the_town_s_region(
    nlp: Language, text: str, mention: str, country: str, feature: str
) -> None:
    place = resolved(nlp, text)[mention]
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize(
    ("text", "mention", "feature"),
    [
        # listed with states, a name is a state too: not New York City, not California, Maryland
        ("Dancers came from Missouri, New York, North Carolina and Virginia.", "New York", "admin"),
        (
            "Bakersfield and Baltimore officials said California and Maryland would share the cost.",
            "California",
            "admin",
        ),
        # listed with towns, the city stays
        ("Flights to Boston, New York and Chicago were cancelled.", "New York", "city"),
    ],
)
def test_a_name_listed_with_regions_is_a_region(nlp: Language, text: str, mention: str, feature: str) -> None:
    assert resolved(nlp, text)[mention].feature == feature


def test_a_name_listed_with_regions_is_a_region_in_french(nlp_fr: Language) -> None:
    place = resolved(nlp_fr, "Les élus de Floride, de Géorgie et de Caroline du Sud ont voté.")["Géorgie"]
    assert (place.country, place.feature) == ("US", "admin")  # not the Caucasian country


def test_a_name_listed_with_countries_stays_a_country(nlp_fr: Language) -> None:
    place = resolved(nlp_fr, "Les pourparlers entre la Géorgie et l'Arménie ont repris lundi.")["Géorgie"]
    assert (place.country, place.feature) == ("GE", "country")


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # the United States and Washington named: still Paris, France, not Paris, Texas
        ("Talks between Paris and Washington on United States tariffs resumed on Monday.", "Paris", "FR"),
        # a small town of the country named (local news): London, Ontario
        ("Police in London and Strathroy said the roads were closed.", "London", "CA"),
    ],
)
def test_a_named_country_does_not_move_a_big_city_abroad(nlp: Language, text: str, mention: str, country: str) -> None:
    assert resolved(nlp, text)[mention].country == country


def test_a_french_capital_stays_french_next_to_american_names(nlp_fr: Language) -> None:
    text = "Téhéran accuse Paris, Londres et Berlin de s'aligner sur Washington et les Etats-Unis."
    assert resolved(nlp_fr, text)["Paris"].country == "FR"


def test_an_old_name_of_a_big_city_gives_way_to_a_town_whose_own_name_it_is(nlp: Language) -> None:
    place = resolved(nlp, "The cathedral in Salisbury reopened on Sunday.")["Salisbury"]
    assert place.country != "ZW"  # Salisbury was Harare's colonial name; towns bear it as their own


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        # the region around a capital that is a first-level region of its own: Moscow Oblast, not Moscow city
        ("Des drones ont visé la région de Moscou dans la nuit.", "région de Moscou", 524925),
        ("Des frappes ont touché l'oblast de Kyiv.", "oblast de Kyiv", 703446),
    ],
)
def test_the_region_of_a_capital_is_the_region_around_it(
    nlp_fr: Language, text: str, mention: str, geonameid: int
) -> None:
    assert resolved(nlp_fr, text)[mention].geonameid == geonameid


def test_the_moscow_region_in_english_is_moscow_oblast(nlp: Language) -> None:
    assert resolved(nlp, "Drones hit the Moscow region overnight.")["Moscow region"].geonameid == 524925


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # the French name of a city whose canton is its likeliest reading: still the Swiss city, not Geneva, New York
        ("La famille, venue de Minneapolis aux Etats-Unis, a été entendue par l'ONU à Genève.", "Genève", "CH"),
        ("Le bouclage intervient après celui de Hébron, alors que les Etats-Unis et la Floride...", "Hébron", "PS"),
    ],
)
def test_a_big_city_named_like_its_region_is_not_moved_abroad(
    nlp_fr: Language, text: str, mention: str, country: str
) -> None:
    assert resolved(nlp_fr, text)[mention].country == country
