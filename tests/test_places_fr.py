"""The places stage on French news: toponyms found, resolved to GeoNames, metonymy flagged, non-places left out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.api import Extractor
from sitrep.article import Article
from sitrep.config import Options
from sitrep.pipeline.attrs import PLACES, PlaceAttrs


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Language]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITREP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "sitrep-cache"))
        patch.delenv("SITREP_GAZETTEER", raising=False)
        yield Extractor(Options(stages=("places",))).pipeline("fr")


def places(nlp: Language, text: str) -> dict[str, PlaceAttrs]:
    doc = nlp(text)
    return {span.text: span._.place for span in doc.spans[PLACES]}


@pytest.mark.parametrize(
    ("text", "mention", "name", "country", "feature"),
    [
        ("Les combats se poursuivent à Bakhmout, selon l'état-major.", "Bakhmout", "Bakhmut", "UA", "city"),
        ("Des frappes ont visé Kiev et sa banlieue dans la nuit.", "Kiev", "Kyiv", "UA", "city"),
        ("Des explosions ont été entendues à Kyiv.", "Kyiv", "Kyiv", "UA", "city"),
        ("Le port d'Odessa a repris ses exportations de céréales.", "Odessa", "Odesa", "UA", "city"),
        ("Une frappe a touché un immeuble de Kharkiv.", "Kharkiv", "Kharkiv", "UA", "city"),
        ("Le pont de Crimée a été endommagé, selon les autorités.", "Crimée", None, "UA", "admin"),
        ("Le ministre s'est rendu à Londres puis à Pékin.", "Londres", "London", "GB", "city"),
        ("Le ministre s'est rendu à Londres puis à Pékin.", "Pékin", "Beijing", "CN", "city"),
        ("Une délégation est arrivée au Caire pour négocier une trêve.", "Caire", "Cairo", "EG", "city"),
        ("Le Caire a proposé une médiation entre les deux camps.", "Le Caire", "Cairo", "EG", "city"),
        ("Des manifestations ont eu lieu à Alger vendredi.", "Alger", "Algiers", "DZ", "city"),
        ("Des raids aériens ont frappé Alep et Idleb, dans le nord-ouest de la Syrie.", "Alep", "Aleppo", "SY", "city"),
        ("Des raids aériens ont frappé Alep et Idleb, dans le nord-ouest de la Syrie.", "Syrie", "Syria", "SY",
         "country"),
        ("La France a retiré ses troupes du Mali et du Burkina Faso.", "Burkina Faso", "Burkina Faso", "BF",
         "country"),
        ("Le convoi a quitté Niamey en direction de la frontière.", "Niamey", "Niamey", "NE", "city"),
        ("Des roquettes ont été tirées depuis la bande de Gaza vers Israël.", "Israël", "Israel", "IL", "country"),
        ("Les négociations se tiennent à Saint-Pétersbourg.", "Saint-Pétersbourg", "Saint Petersburg", "RU",
         "city"),
        ("Des drones ont visé Rostov-sur-le-Don dans la nuit.", "Rostov-sur-le-Don", "Rostov-on-Don", "RU", "city"),
        ("Les États-Unis ont annoncé une nouvelle aide militaire.", "États-Unis", "United States", "US", "country"),
        ("La Côte d'Ivoire et le Sénégal ont voté la résolution.", "Côte d'Ivoire", "Ivory Coast", "CI", "country"),
    ],
)  # fmt: skip
def test_toponyms_are_found_and_resolved(
    nlp: Language, text: str, mention: str, name: str | None, country: str, feature: str
) -> None:
    found = places(nlp, text)
    assert mention in found, found
    place = found[mention]
    assert (place.country, place.feature) == (country, feature)
    if name is not None:
        assert place.name == name
    assert place.lat is not None and place.lon is not None
    assert place.confidence is not None and 0 < place.confidence <= 1


@pytest.mark.parametrize(
    ("text", "mention", "country", "geonameid"),
    [
        ("Les troupes russes progressent dans la région de Donetsk.", "région de Donetsk", "UA", 709716),
        ("L'oblast de Zaporijjia est en partie occupé.", "oblast de Zaporijjia", "UA", 687699),
        ("Les bombardements ont repris dans la province d'Idleb.", "province d'Idleb", "SY", 169387),
        ("La région de Kherson a été évacuée.", "région de Kherson", "UA", 706442),
    ],
)
def test_region_patterns_make_first_level_regions(
    nlp: Language, text: str, mention: str, country: str, geonameid: int
) -> None:
    found = places(nlp, text)
    assert mention in found, found
    place = found[mention]
    assert (place.country, place.feature) == (country, "admin")
    assert place.geonameid == geonameid  # GeoNames' admin1 id (resources/en/place_geonames_admin1.tsv)
    assert place.lat is not None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Moscou a affirmé lundi avoir repoussé une attaque.", "Moscou"),
        ("Kiev a reçu le soutien de Londres.", "Kiev"),
        ("Kiev a reçu le soutien de Londres.", "Londres"),
        ("Selon Damas, les frappes ont fait dix morts.", "Damas"),
        ("Washington n'a pas encore réagi à cette annonce.", "Washington"),
        ("La Russie menace de riposter.", "Russie"),
        ("Pékin dénonce une ingérence.", "Pékin"),
        ("Téhéran a mis en garde contre toute attaque.", "Téhéran"),
        ("L'Ukraine dit avoir repris 20 km² aux Russes.", "Ukraine"),  # "dit": an irregular form of "dire"
        # the agent of a cue verb in the passive
        ("La trêve présentée par Le Caire a été rejetée.", "Le Caire"),
    ],
)
def test_metonymic_uses_are_flagged(nlp: Language, text: str, mention: str) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert found[mention].metonymic


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Les combats font rage près de Kharkiv.", "Kharkiv"),
        ("Il est né à Moscou en 1975.", "Moscou"),
        ("Des réfugiés sont arrivés de Syrie.", "Syrie"),
        # a complement of place before the verb: the junta announces, not Bamako
        ("La junte au pouvoir à Bamako a annoncé le départ de la mission.", "Bamako"),
    ],
)
def test_literal_uses_are_not_flagged(nlp: Language, text: str, mention: str) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert not found[mention].metonymic


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Les Russes ont lancé une nouvelle offensive.", "Russes"),
        ("Les soldats ukrainiens tiennent la ligne de front.", "ukrainiens"),
        ("Jordan Bardella a présenté son programme.", "Jordan"),
        ("Jordan Bardella a présenté son programme.", "Bardella"),
        ("Le président François Hollande a reçu son homologue.", "Hollande"),
        ("Paris Hilton est arrivée au festival.", "Paris"),
        ("M. Paris, le maire, a pris la parole.", "Paris"),
        ("Mais la situation reste tendue dans le pays.", "Mais"),
        ("Le Président a réuni le Conseil de défense.", "Président"),
        ("Le Kremlin a démenti ces informations.", "Kremlin"),
        ("Lundi, les discussions ont repris.", "Lundi"),
    ],
)
def test_demonyms_people_and_common_words_are_not_places(nlp: Language, text: str, absent: str) -> None:
    assert absent not in places(nlp, text)


def test_context_chooses_among_homonyms(nlp: Language) -> None:
    ukraine = places(nlp, "À Alexandrie, en Égypte, la police a arrêté trois suspects.")
    assert ukraine["Alexandrie"].country == "EG"
    texas = places(nlp, "Le shérif de Paris, au Texas, a confirmé l'incendie.")
    assert texas["Paris"].country == "US"


def test_a_doc_without_places_gets_an_empty_group(nlp: Language) -> None:
    doc = nlp("il pleuvait sans cesse depuis trois jours.")
    assert list(doc.spans[PLACES]) == []


def test_spans_are_character_exact(nlp: Language) -> None:
    text = "Des combats ont eu lieu à Marioupol et à Soledar."
    doc = nlp(text)
    for span in doc.spans[PLACES]:
        assert text[span.start_char : span.end_char] == span.text


def test_the_stage_runs_alone_and_in_the_full_pipeline(tmp_path_factory: pytest.TempPathFactory) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITREP_CACHE_DIR", str(Path(tmp_path_factory.getbasetemp()) / "sitrep-cache"))
        article = Article(text="Moscou a affirmé que Bakhmout était tombée.", id="t1", language="fr")
        report = Extractor().extract_article(article)
    assert {p.text for p in report.places} == {"Moscou", "Bakhmout"}


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Les groupes jihadistes gagnent du terrain au Sahel.", "Sahel", None),
        ("La tension monte au Moyen-Orient.", "Moyen-Orient", None),
        ("Les combats se concentrent dans le Donbass.", "Donbass", "UA"),
        ("Des milliers de civils ont fui le Darfour.", "Darfour", "SD"),
        ("Les bombardements ont repris dans la Ghouta orientale.", "Ghouta orientale", "SY"),
    ],
)
def test_regions_without_a_geonames_entry_are_placed_at_their_parts_without_an_id(
    nlp: Language, text: str, mention: str, country: str | None
) -> None:
    found = places(nlp, text)
    assert mention in found, found
    place = found[mention]
    assert place.geonameid is None  # named, never an invented id
    assert place.lat is not None and place.country == country  # the mean point of its parts, their shared country


def test_a_region_without_parts_is_found_unplaced(nlp: Language) -> None:
    place = places(nlp, "Le navire a coulé dans l'océan Atlantique.")["océan Atlantique"]
    assert place.geonameid is None and place.lat is None


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Réunis lors d'un sommet du Conseil de l'Europe en Islande, les ministres ont parlé.", ["Islande"]),
        ("L'Organisation pour la sécurité et la coopération en Europe a envoyé des observateurs à Kiev.", ["Kiev"]),
        ("La guerre est revenue en Europe, a déclaré le chancelier.", ["Europe"]),
    ],
)
def test_a_place_inside_an_organisation_name_is_not_a_toponym(text: str, places: list[str]) -> None:
    from sitrep import extract
    from sitrep.config import Options

    report = extract(text, lang="fr", published="2023-05-16", options=Options(stages=("places",)))
    assert [p.text for p in report.places] == places


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        ("La flotte russe a quitté la mer Noire dans la nuit.", "mer Noire", 630673),
        ("Des pétroliers ont été arraisonnés dans le golfe Persique.", "golfe Persique", 235616),
        ("Les combats ont repris dans le Caucase.", "Caucase", 615318),
        ("Des renforts ont été envoyés en Méditerranée.", "Méditerranée", 363196),
    ],
)
def test_seas_and_macro_regions_carry_geonames_ids(nlp: Language, text: str, mention: str, geonameid: int) -> None:
    found = places(nlp, text)
    assert mention in found, found
    assert found[mention].geonameid == geonameid and found[mention].lat is not None


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("La mer était calme au large de Marseille.", "mer"),
        ("Le golfe reste fermé aux navires.", "golfe"),
    ],
)
def test_feature_words_alone_are_not_places(nlp: Language, text: str, absent: str) -> None:
    assert not any(absent in mention for mention in places(nlp, text))


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Les rebelles du M23 avancent dans l'est de la République démocratique du Congo.",
         "République démocratique du Congo", "CD"),
        ("Le ministre s'est rendu aux Émirats arabes unis mardi.", "Émirats arabes unis", "AE"),
        ("Des soldats ont été déployés en République centrafricaine.", "République centrafricaine", "CF"),
    ],
)  # fmt: skip
def test_country_names_with_lower_case_words_are_whole(nlp: Language, sentence: str, name: str, country: str) -> None:
    assert places(nlp, sentence)[name].country == country


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # "à" or "la commune de" before a town whose name is also a common word
        ("Le convoi est arrivé à Sablé dans la soirée.", "Sablé"),
        ("Les habitants de la commune de Sablé ont manifesté samedi.", "Sablé"),
        # a dateline in capitals
        ("LONDRES — Le gouvernement britannique a annoncé des sanctions.", "LONDRES"),
    ],
)
def test_toponyms_in_context_are_found(nlp: Language, text: str, mention: str) -> None:
    assert mention in places(nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a speech verb next to a small place's name makes it a person, there and elsewhere in the article
        ("« Personne ne m'a prévenue », explique Noma. Noma travaille comme employée de maison.", "Noma"),
        ("Les Maliens ont voté dimanche.", "Maliens"),
    ],
)
def test_persons_and_peoples_named_like_places_are_not_places(nlp: Language, text: str, absent: str) -> None:
    assert absent not in places(nlp, text)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # a short name that is a big town's or a region's own name, after a cue of place or "à"/"de"
        ("Au moins vingt soldats ont été tués dans une embuscade près de Gao, dans le nord du Mali.", "Gao", "ML"),
        ("Une attaque a visé un camp militaire à Gao jeudi.", "Gao", "ML"),
        ("L'armée israélienne a mené une opération d'envergure à Jénine, dans le nord.", "Jénine", "PS"),
    ],
)
def test_short_names_of_big_places_after_a_cue_are_places(nlp: Language, text: str, mention: str,
                                                           country: str) -> None:  # fmt: skip
    found = places(nlp, text)
    assert mention in found and found[mention].country == country


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a short name with no cue of place and no very big town of that name
        ("Selon Gao, le projet avance.", "Gao"),
        # compass points are common nouns, not Haiti's departments
        ("La pandémie progresse dans les pays d'Asie du Sud-Est.", "Sud-Est"),
        ("Les pluies ont frappé le Nord-Est du pays.", "Nord-Est"),
        # a Roman ordinal is no arrondissement
        ("La colonisation au XIXe siècle a laissé des traces.", "XIXe"),
        # a name after a word that makes it a person's or an organisation's
        ("Le mouvement Amal a appelé ses partisans au calme.", "Amal"),
        ("Le texte reprend la thèse officielle de l'administration Obama.", "Obama"),
        ("La loi César prévoit des sanctions contre les entreprises.", "César"),
        ("Selon le magazine américain Time, le sommet a échoué.", "Time"),
        ("Le pétrolier Sanchi a sombré au large de la Chine.", "Sanchi"),
        ("Le pèlerinage commémore le sacrifice du prophète Abraham.", "Abraham"),
        # part of a longer hyphenated word
        ("Depuis l'apparition du Sars-Cov-2, les frontières sont fermées.", "Sars"),
        # a small place's name in quotation marks is a nickname
        ("Le chat de Downing Street, « Palmerston », a disparu.", "Palmerston"),
        # a given name, an initial and a surname; a given name opening a name of several words
        ("L'enquête de Seymour M. Hersh a fait grand bruit.", "Seymour"),
        ("« Nous avons tout perdu », s'est lamentée Maria Teresa Duran, 80 ans.", "Maria Teresa"),
        ("Le gouvernement de Pedro Sanchez a présenté son budget.", "Pedro Sanchez"),
        # an Irish surname after its particle
        ("L'actrice Catherine O'Hara a été récompensée.", "Hara"),
        # common words that are only some town's other name
        ("La chancelière a été reçue à l'Hôtel de Ville de Verdun.", "Hôtel de Ville"),
        # a big town's raw alternate name before a surname is a person's given name
        ("« Ils veulent aider », se souvient Nico Neumann.", "Nico"),
    ],
)
def test_persons_organisations_and_common_nouns_are_not_places(nlp: Language, text: str, absent: str) -> None:
    assert absent not in places(nlp, text)


def test_a_compass_point_after_a_region_word_stays_a_region(nlp: Language) -> None:
    found = places(nlp, "Des inondations ont touché le département du Sud-Est, en Haïti.")
    assert found["département du Sud-Est"].country == "HT"


@pytest.mark.parametrize(
    ("text", "mention", "present"),
    [
        # a town whose own name starts with an article, after a cue of place
        ("Le car relie Aubigné à la Flèche chaque matin.", "la Flèche", True),
        # not when the name after the article is a place of its own, or the words are common nouns
        ("Les incendies ont ravagé le nord de la Californie.", "la Californie", False),
        ("Le ministre de la Défense a démissionné.", "la Défense", False),
        ("La présidente de la Chambre des représentants a protesté.", "la Chambre", False),
    ],
)
def test_names_that_start_with_a_lower_case_article(nlp: Language, text: str, mention: str, present: bool) -> None:
    assert (mention in places(nlp, text)) is present


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        ("Des frappes ont touché la bande de Gaza mardi.", "bande de Gaza", 281132),  # a feature word and "de"
        ("Un navire a coulé en mer d'Azov.", "mer d'Azov", 713066),
        ("Le volcan est entré en éruption à Hawaï.", "Hawaï", 5855797),  # a French spelling of the exonym table
    ],
)
def test_feature_names_and_french_spellings(nlp: Language, text: str, mention: str, geonameid: int) -> None:
    found = places(nlp, text)
    assert found[mention].geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "mention", "country", "feature"),
    [
        ("Les combats opposent l'armée aux milices dans le Tigré.", "Tigré", "ET", "admin"),
        ("Les paramilitaires contrôlent le Darfour-Nord.", "Darfour-Nord", "SD", "admin"),
        ("Des bombardements ont visé le Kordofan-Sud.", "Kordofan-Sud", "SD", "admin"),
        ("Des attentats ont frappé le Balouchistan.", "Balouchistan", "PK", "admin"),
        ("Les rebelles du M23 avancent dans le Sud-Kivu.", "Sud-Kivu", "CD", "admin"),
        ("Le Kurdistan irakien a tenu des élections législatives.", "Kurdistan irakien", "IQ", "other"),
        ("Des drones ont frappé la région de Transcarpatie.", "région de Transcarpatie", "UA", "admin"),
    ],
)
def test_war_regions_of_french_news_are_placed(
    nlp: Language, text: str, mention: str, country: str, feature: str
) -> None:
    place = places(nlp, text)[mention]
    assert (place.country, place.feature) == (country, feature) and place.lat is not None
