"""Precision of the places stage on French news: persons of history, given names, organisations, agencies,
buildings and common nouns that some town somewhere also bears are not taken for places, while the same names
stay places where the sentence makes them one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from sitrep.pipeline.attrs import PLACES


@pytest.fixture(scope="module")
def nlp(places_pipeline: Callable[[str], Language]) -> Language:
    return places_pipeline("fr")


def found(nlp: Language, text: str) -> dict[str, str | None]:
    """The place mentions of ``text``: surface -> resolved country."""
    doc = nlp(text)
    return {span.text: span._.place.country for span in doc.spans[PLACES]}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # persons of history whose names towns once bore (Donetsk, Perm)
        ("Staline a fait déporter des peuples entiers vers l'Asie centrale.", "Staline"),
        ("Le portrait de Lénine a été retiré de la mairie.", "Lénine"),
        ("Des manifestants ont lancé des cocktails Molotov sur la police.", "Molotov"),
        ("Les caricatures de Mahomet ont provoqué des manifestations.", "Mahomet"),
        # a French president's name, not an old name of the Netherlands
        ("François Hollande s'est rendu à Bamako. Hollande a ensuite salué les soldats.", "Hollande"),
        # given names
        ("Le prince George a assisté à la cérémonie avec ses parents.", "George"),
        ("Layla a été enlevée par les jihadistes à l'âge de douze ans.", "Layla"),
        ("Salem Abdallah, un responsable du conseil, a salué l'accord.", "Salem"),
        ("Safi Ali, une septuagénaire, a vécu toute sa vie au bord du fleuve.", "Safi"),
        ("Alba Fiore, paroissienne de 83 ans, assiste à la messe chaque matin.", "Alba"),
        # organisations, firms and agencies
        ("Le Hezbollah et Amal ont quitté la séance du Parlement.", "Amal"),
        ("Google a retiré l'application de sa plateforme.", "Google"),
        ("Trois manifestants ont été tués, selon l'agence Isna.", "Isna"),
        ("Trois manifestants ont été tués, selon l'agence Fars.", "Fars"),
        ("Selon l'agence de presse Chine nouvelle, le lancement a réussi.", "Chine"),
        ("La compagnie Cham Wings a suspendu ses vols vers Minsk.", "Cham"),
        ("Un avion de Delta Air Lines a dû faire demi-tour.", "Delta"),
        ("L'ONG Save the Children alerte sur le sort des enfants déplacés.", "Save"),
        ("Le groupe Hilton a fermé la moitié de ses hôtels.", "Hilton"),
        ("Des chercheurs de Harvard ont publié une étude sur le virus.", "Harvard"),
        ("Selon un sondage de l'université Monmouth, l'écart se resserre.", "Monmouth"),
        # buildings and streets named after a saint, a person or a town
        ("La basilique Saint-Pierre rouvrira ses portes lundi.", "Saint-Pierre"),
        ("Il habitait rue Garibaldi depuis vingt ans.", "Garibaldi"),
        # common nouns written with a capital
        ("Les Länder allemands rouvriront leurs écoles en mai.", "Länder"),
        ("En Espagne, la Liga a suspendu le championnat.", "Liga"),
        ("La Marche des fiertés a été interdite cette année.", "Marche"),
        ("Le Comité international de la Croix-Rouge a visité la prison.", "Croix"),
        ("Le pape a présidé le Chemin de Croix au Colisée.", "Croix"),
    ],
)  # fmt: skip
def test_not_a_place(nlp: Language, text: str, word: str) -> None:
    assert not [surface for surface in found(nlp, text) if word in surface]


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Des pluies torrentielles ont inondé la ville de Layla, en Arabie saoudite.", "Layla", "SA"),
        ("Des affrontements ont éclaté à Salem, dans le Tamil Nadu.", "Salem", "IN"),
        ("Le port de Safi, sur la côte atlantique du Maroc, a rouvert.", "Safi", "MA"),
        ("Un séisme a frappé la province du Fars, dans le sud de l'Iran.", "Fars", "IR"),
        ("Le bateau a accosté à Saint-Pierre, sur l'île de La Réunion.", "Saint-Pierre", "RE"),
        ("La convention républicaine s'est ouverte à Charlotte, en Caroline du Nord.", "Charlotte", "US"),
        ("Née à Florence, la juriste enseigne désormais à Rome.", "Florence", "IT"),
        ("La bataille de Stalingrad a fait des centaines de milliers de morts.", "Stalingrad", "RU"),
        ("Des obus sont tombés sur le centre de Donetsk dans la nuit.", "Donetsk", "UA"),
        ("La police a dispersé les manifestants à Minsk.", "Minsk", "BY"),
    ],
)  # fmt: skip
def test_same_names_stay_places(nlp: Language, text: str, word: str, country: str) -> None:
    assert found(nlp, text).get(word) == country


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a place name right after a given name is a surname, whatever the place; so is the name alone later on
        ("Le jeune attaquant Brendan Jordan a signé à Marseille.", "Jordan"),
        ("Anne Hidalgo a présenté son budget. Hidalgo a déclaré que les travaux commenceraient en mai.", "Hidalgo"),
        # a common word that opens a sentence or a quotation is capitalised by the sentence, not by a name
        ("« Média manipulé », a répondu le porte-parole du gouvernement.", "Média"),
        ("Tête baissée, le ministre a quitté la salle sans un mot.", "Tête"),
        ("Assis dans sa cuisine, le retraité écoute la radio.", "Assis"),
        ("Les Cassis de Dijon sont célèbres.", "Cassis"),  # an invariable common word the lemma table lacks
        # "quant à" is no cue of place; an age after a comma makes a person
        ("Quant à Daniel, 10 ans, il trouve le temps long.", "Daniel"),
        ("Salem, 51 ans, vend des légumes sur le marché.", "Salem"),
        ("Sydney, 8 ans, a été évacuée avec sa mère.", "Sydney"),
        # a given name listed with another given name, or used as one elsewhere in the article
        ("Lundi matin, Charlotte et Lucy sont retournées à l'école.", "Charlotte"),
        ("Charlotte Dupont a perdu son emploi en mars. Charlotte dit qu'elle n'a rien reçu.", "Charlotte"),
        # cues of several words, and cues before a name of several words
        ("Les patients atteints de la maladie de Kawasaki ont été hospitalisés.", "Kawasaki"),
        ("Plusieurs otages ont développé un syndrome de Stockholm.", "Stockholm"),
        ("La procession est partie de l'église Santa Maria, au cœur du vieux quartier.", "Santa Maria"),
    ],
)  # fmt: skip
def test_persons_and_common_words_in_context_are_not_places(nlp: Language, text: str, word: str) -> None:
    assert not [surface for surface in found(nlp, text) if word in surface]


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("La Jordanie a fermé sa frontière avec la Syrie. Jordan a démenti.", "Jordan", "JO"),  # never a surname here
        ("Rennes a battu Lyon dimanche soir.", "Rennes", "FR"),  # a common word, but the subject of a verb
        ("Vienne a accueilli les négociations sur le nucléaire iranien.", "Vienne", "AT"),  # a very big town
        ("Charlotte Dupont a perdu son emploi. Elle a déménagé à Charlotte, en Caroline du Nord.", "Charlotte", "US"),
        ("Charlotte et Lille ont signé un accord de jumelage.", "Charlotte", "US"),  # listed with a town
        # a list of towns is not a headline in title case
        ("Lignes rétablies : Vannes à Lorient ; Pontivy à Loudéac ; Redon à Ploërmel.", "Loudéac", "FR"),
    ],
)  # fmt: skip
def test_the_same_words_stay_places_where_the_text_says_so(nlp: Language, text: str, word: str, country: str) -> None:
    assert found(nlp, text).get(word) == country
