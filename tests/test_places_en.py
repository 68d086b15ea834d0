"""The places stage on English news: toponyms found, resolved to GeoNames, metonymy flagged, non-places left out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from sitrep.api import Extractor
from sitrep.config import Options
from sitrep.pipeline.attrs import PLACES, PlaceAttrs


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Language]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITREP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "sitrep-cache"))
        patch.delenv("SITREP_GAZETTEER", raising=False)
        yield Extractor(Options(stages=("places",))).pipeline("en")


def places(nlp: Language, text: str) -> dict[str, PlaceAttrs]:
    doc = nlp(text)
    return {span.text: span._.place for span in doc.spans[PLACES]}


@pytest.mark.parametrize(
    ("text", "mention", "name", "country", "feature"),
    [
        ("Russian forces shelled Kharkiv overnight, officials said.", "Kharkiv", "Kharkiv", "UA", "city"),
        ("Fighting continued around Bakhmut on Tuesday.", "Bakhmut", "Bakhmut", "UA", "city"),
        ("Grain ships left Odesa under a UN-brokered deal.", "Odesa", "Odesa", "UA", "city"),
        ("The talks opened in Cairo on Sunday.", "Cairo", "Cairo", "EG", "city"),
        ("Airstrikes hit Idlib and Aleppo in northwestern Syria.", "Aleppo", "Aleppo", "SY", "city"),
        ("Airstrikes hit Idlib and Aleppo in northwestern Syria.", "Syria", "Syria", "SY", "country"),
        ("French troops left Mali after nine years.", "Mali", "Mali", "ML", "country"),
        ("Protesters gathered in New York and Los Angeles.", "Los Angeles", "Los Angeles", "US", "city"),
        ("The US imposed new sanctions.", "US", "United States", "US", "country"),
        ("Rockets were fired from the Gaza Strip toward Israel.", "Israel", "Israel", "IL", "country"),
        ("The aid convoy reached Eastern Ukraine on Monday.", "Ukraine", "Ukraine", "UA", "country"),
        ("The delegation flew on to Louisiana.", "Louisiana", "Louisiana", "US", "admin"),
    ],
)  # fmt: skip
def test_toponyms_are_found_and_resolved(
    nlp: Language, text: str, mention: str, name: str, country: str, feature: str
) -> None:
    found = places(nlp, text)
    assert mention in found, found
    place = found[mention]
    assert (place.name, place.country, place.feature) == (name, country, feature)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Shelling intensified in the Donetsk region.", "Donetsk region", "UA"),
        ("Ukrainian troops advanced in Kharkiv Oblast.", "Kharkiv Oblast", "UA"),
        ("Clashes were reported in Idlib province.", "Idlib province", "SY"),
    ],
)
def test_region_patterns_make_first_level_regions(nlp: Language, text: str, mention: str, country: str) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert (found[mention].country, found[mention].feature) == (country, "admin")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Moscow said the strikes were a response.", "Moscow"),
        ("Kyiv has received new air defence systems.", "Kyiv"),
        ("Kyiv welcomed the support from London.", "London"),
        ("According to Damascus, ten people died.", "Damascus"),
        ("Beijing warned against any interference.", "Beijing"),
    ],
)
def test_metonymic_uses_are_flagged(nlp: Language, text: str, mention: str) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert found[mention].metonymic


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Russians launched a new offensive.", "Russians"),
        ("Russian troops withdrew from the area.", "Russian"),
        ("Paris Hilton arrived at the festival.", "Paris"),
        ("Boris Johnson visited the troops. Johnson said morale was high.", "Johnson"),
        ("NATO leaders met on Monday.", "NATO"),
        ("Julia said the council would meet again on Friday.", "Julia"),  # only an old name of Plovdiv
        ("Levi told reporters that the vote was delayed.", "Levi"),
        ("Rashid Khalidi spoke at the rally.", "Rashid"),
        ("The White House declined to comment.", "White House"),
        ("Congress passed the bill.", "Congress"),
        # a given name before a word that stands alone elsewhere as a name
        ("Relations cooled under George Bush Jr. The Bush administration ignored the warnings.", "George"),
        ("Since Obama took office, the Obama administration has hesitated.", "Obama"),
    ],
)
def test_demonyms_people_and_organisations_are_not_places(nlp: Language, text: str, absent: str) -> None:
    assert absent not in places(nlp, text)


def test_town_and_state_apposition_chooses_the_homonym(nlp: Language) -> None:
    found = places(nlp, "The fire broke out in Alexandria, Louisiana, on Friday.")
    assert found["Alexandria"].country == "US" and found["Alexandria"].geonameid == 4314550
    found = places(nlp, "The museum in Alexandria, Egypt, reopened.")
    assert found["Alexandria"].country == "EG"


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        # the other names' first-level region picks the homonym (Huntsville TX, not the larger Huntsville AL)
        ("Deputies in Walker County said the suspect fled from Huntsville toward Houston.", "Huntsville", 4699540),
        ("Police in Mansfield and Shreveport searched the area.", "Mansfield", 4332494),  # Louisiana, not England
        ("Storms hit Atlanta and Macon before Georgia declared an emergency.", "Georgia", 4197000),  # the state
        ("Russian troops withdrew from Gori as Georgia and Tbilisi mourned.", "Georgia", 614540),  # the country
        # a big city or a country does not move for one name elsewhere
        ("Officials in Washington and London discussed the sanctions.", "London", 2643743),
        ("Exports from Houston, Texas, to China fell sharply.", "China", 1814991),
    ],
)  # fmt: skip
def test_homonyms_follow_the_article(nlp: Language, text: str, mention: str, geonameid: int) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert found[mention].geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "mention", "geonameid", "feature"),
    [
        ("Protests spread across Tamil Nadu on Monday.", "Tamil Nadu", 1255053, "admin"),
        ("Fighting resumed in Gilgit-Baltistan.", "Gilgit-Baltistan", 1168878, "admin"),
        ("Laurel County deputies arrested two men.", "Laurel County", 4297480, "admin"),
        ("Russian warships sailed into the Black Sea.", "Black Sea", 630673, "other"),
        ("Tankers were seized in the Persian Gulf.", "Persian Gulf", 235616, "other"),
        ("Tensions rose in the Gulf after the tanker was seized.", "Gulf", 235616, "other"),
    ],
)
def test_regions_counties_and_seas_carry_geonames_ids(
    nlp: Language, text: str, mention: str, geonameid: int, feature: str
) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert (found[mention].geonameid, found[mention].feature) == (geonameid, feature)


@pytest.mark.parametrize(
    ("text", "mention", "present"),
    [
        ("The Edwardsville City Council approved the plan on Monday.", "Edwardsville", True),  # a public body
        ("The suspect fled, according to a news release from Maryville Police.", "Maryville", True),
        ("Shares of Warner Music rose after the deal.", "Warner", False),  # a firm named after a small town
    ],
)
def test_a_small_town_before_a_public_body_stays_a_place(nlp: Language, text: str, mention: str, present: bool) -> None:
    assert (mention in places(nlp, text)) is present


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Tuition to Paris High School rose again this year.", "Paris"),
        ("The victim was taken to Paris Community Hospital on Friday.", "Paris"),
        ("Tourists crowded Victoria Park on Sunday.", "Victoria Park"),
    ],
)
def test_a_given_name_place_before_a_common_word_stays_a_place(nlp: Language, text: str, mention: str) -> None:
    assert mention in places(nlp, text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a local body, office or official after a small town's name
        ("The Torrington Fire Department responded to the call.", "Torrington"),
        ("Lewisburg Mayor John Manchester watched the signing.", "Lewisburg"),
        ("Paris PD said the message was a hoax.", "Paris"),
        # a determiner before a name ending in -s that is not a people
        ("The Athens Police Department arrested a man on Monday.", "Athens"),
        ("Protests spread to the Damascus suburbs overnight.", "Damascus"),
        # a preposition of place before a town that is also a common word
        ("Winds of 60 mph were recorded in Salina on Tuesday.", "Salina"),
        ("A fundraiser will be held on April 1 in Sycamore.", "Sycamore"),
        # a dateline in capitals, and a "Town, State" apposition
        ("TORRINGTON — A kitchen fire displaced six tenants.", "TORRINGTON"),
        ("ST. PAUL -- A man was charged with threatening a tax worker.", "ST. PAUL"),
        ("Two teenagers were found unharmed in Hurricane, W.Va., on Monday.", "Hurricane"),
        # a country's name inside a firm's or a body's name
        ("The perennially struggling Air Zimbabwe cancelled its flights.", "Zimbabwe"),
        ("Environment Canada issued a storm warning.", "Canada"),
        # a descriptive word before a well-known place
        ("Rodeo Dublin draws riders from three counties.", "Dublin"),
        # an abbreviation with its full stop
        ("Mt. Pleasant won the jazz competition.", "Mt. Pleasant"),
    ],
)
def test_toponyms_in_local_news_contexts_are_found(nlp: Language, text: str, mention: str) -> None:
    assert mention in places(nlp, text)


def test_a_preposition_of_place_makes_the_town_a_place_elsewhere_in_the_article(nlp: Language) -> None:
    doc = nlp("Sycamore schools reopened on Monday. The fundraiser was held in Sycamore.")
    assert [span.start_char for span in doc.spans[PLACES]] == [0, 64]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Fires burned in Eastland and Callahan counties.", ("Eastland", "Callahan")),
        ("Water covered roads in Becker, Clay, Otter Tail and Wilkin counties.", ("Becker", "Clay", "Wilkin")),
        ("Schools in Barrow, Jackson and Madison counties cut jobs.", ("Barrow", "Jackson", "Madison")),
    ],
)
def test_a_list_of_counties_gives_each_county(nlp: Language, text: str, names: tuple[str, ...]) -> None:
    found = places(nlp, text)
    for name in names:
        assert name in found, found
        assert (found[name].name.endswith("County"), found[name].feature) == (True, "admin"), found[name]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a speech verb next to a small place's name makes it a person, there and elsewhere in the article
        ("“It takes time,” Nelson says. Nelson started as a critic of the project.", "Nelson"),
        ("“Nobody told me,” said Noma. Noma works as a domestic worker.", "Noma"),
        # a middle initial between the given name and the surname, here and later in the article
        ("Who would have wanted Matthew D. Flores dead? Flores was 26.", "Flores"),
        # a big town's name that a given name made a surname earlier in the article
        ("Elizabeth Fairfield is accused of murder. Fairfield declined to plead.", "Fairfield"),
        # a double-barrelled surname
        ("Congressman Mario Diaz-Balart spoke. Diaz-Balart praised the grant.", "Balart"),
        # a title before a town's name
        ("President Obama came to town on Wednesday.", "Obama"),
        # a given name and an initial or another given name after it
        ("The rule was set by Mary Z. Connaughton, a board member.", "Mary"),
        # capitals before a dash inside a sentence are not a dateline
        ("Officials said PSC-PSI programs are free.", "PSC"),
        # a plural people after a determiner
        ("The Albanians voted on Sunday.", "Albanians"),
    ],
)
def test_persons_named_like_places_are_not_places(nlp: Language, text: str, absent: str) -> None:
    assert absent not in places(nlp, text)


@pytest.mark.parametrize(
    ("text", "mention", "present"),
    [
        # a given name in a list of places is a place
        ("Officials visited residents in Cornwall, Sharon and Salisbury last week.", "Sharon", True),
        # a name of several words after a capitalised word is no surname
        ("California Democrats hope to turn Republican Orange County blue.", "Orange County", True),
        # a sea or region followed by "of" and a name the gazetteer lacks is part of that name
        ("Low pressure systems in the Gulf of Alaska are weaker this year.", "Gulf", False),
        # a surname with an apostrophe, given in full earlier in the article
        ("Police arrested Sean O'Connor on Friday. O'Connor was charged with breach of peace.", "O'Connor", False),
    ],
)
def test_names_around_other_capitalised_words(nlp: Language, text: str, mention: str, present: bool) -> None:
    assert (mention in places(nlp, text)) is present


@pytest.mark.parametrize(
    ("text", "mention", "present"),
    [
        # a short name of a big town after a cue of place
        ("At least twenty soldiers were killed in an ambush near Gao on Sunday.", "Gao", True),
        # not without one, and not a particle of a person's name
        ("Gao said the talks would resume.", "Gao", False),
        ("The actor Dick Van Dyke turned 98.", "Van", False),
        # an Irish surname after its particle
        ("The actress Catherine O'Hara won the award.", "Hara", False),
        # a Roman ordinal
        ("The XIXth century saw the city grow.", "XIXth", False),
    ],
)
def test_short_names_ordinals_and_particles(nlp: Language, text: str, mention: str, present: bool) -> None:
    assert (mention in places(nlp, text)) is present


def test_a_county_list_head_may_be_capitalised(nlp: Language) -> None:
    found = places(nlp, "Storms hit Barrow and Jackson Counties overnight.")
    assert "Jackson" in found and found["Jackson"].feature == "admin"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # right after a given name, any place name is a surname, and so is the name alone later in the article
        ("Brendan Jordan scored twice in the second half.", "Jordan"),
        ("Tom Holland stars in the new film. Holland said the shoot was exhausting.", "Holland"),
        ("Defense Secretary Lloyd Austin met his counterpart. Austin said the talks were useful.", "Austin"),
        ("Anne Hidalgo unveiled the plan. Hidalgo said work would start in May.", "Hidalgo"),
        # a given name that a big town bears: used as one elsewhere, listed with another, or followed by an age
        ("Charlotte Kowalski lost her job in March. Charlotte said she had received nothing.", "Charlotte"),
        ("Charlotte and Lucy went back to school on Monday.", "Charlotte"),
        ("Sydney, 8, was evacuated with her mother.", "Sydney"),
        # a common word that opens a sentence, with no cue of place and no verb it is the subject of
        ("Pool operators want to prevent another outbreak.", "Pool"),
    ],
)  # fmt: skip
def test_given_names_surnames_and_sentence_heads_are_not_places(nlp: Language, text: str, absent: str) -> None:
    assert absent not in places(nlp, text)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Jordan said it would reopen the border crossing.", "Jordan", "JO"),  # never a surname in the article
        ("King Abdullah of Jordan met the president in Amman.", "Jordan", "JO"),
        ("Charlotte Kowalski lost her job. She has since moved to a flat in Charlotte.", "Charlotte", "US"),
        ("Paris and Henry County are rich in history.", "Paris", "US"),  # listed with a county, not a given name
        ("Oxford City Council voted on Monday. The vote in Oxford was close.", "Oxford", "GB"),  # placed elsewhere
        ("Turkey has closed its airspace to the drills.", "Turkey", "TR"),  # a country opening a sentence
    ],
)  # fmt: skip
def test_the_same_names_stay_places_where_the_article_makes_them_places(
    nlp: Language, text: str, mention: str, country: str
) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert found[mention].country == country


@pytest.mark.parametrize(
    ("text", "mention", "feature"),
    [
        # "State" after a first-level region's own name makes the region: Nigeria's states, not their capitals
        ("Gunmen killed ten villagers in Zamfara State on Monday.", "Zamfara State", "admin"),
        ("Troops were deployed to Borno State after the attack.", "Borno State", "admin"),
        # after a town's name it is a university's: the town stays
        ("Youngstown State won the game on Saturday.", "Youngstown", "city"),
    ],
)
def test_state_after_a_region_s_own_name_is_the_region(nlp: Language, text: str, mention: str, feature: str) -> None:
    doc = nlp(text)
    found = {span.text: span._.place for span in doc.spans[PLACES]}
    assert found[mention].feature == feature
