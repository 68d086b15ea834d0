"""The quotes stage on the case families of the issue that the per-language files do not cover: dialogue turns
inside a paragraph, incises after ! and ?, infinitive claims after adverbs, cues completed by an infinitive,
speakers after an adjunct, genders from titles and appositions, plural groups, quotations with no cue, and
the English look-alikes (tweet signatures, dashes glued to words) that are not statements."""

from __future__ import annotations

import pytest

from sitrep import extract
from tests.stage_helpers import quotes_found


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("Il demanda : — Vous partez demain ? Le comte se retourna : — Oui, dès l'aube. — Et vos hommes ? "
         "— Ils restent ici.", ["Vous partez demain ?", "Oui, dès l'aube", "Et vos hommes ?", "Ils restent ici"]),
        ("Ils causèrent : — « J'emmène ma femme. » — « Et moi aussi. »", ["J'emmène ma femme", "Et moi aussi"]),
        ("— Nous tiendrons. — Combien de temps ? — Des mois.", ["Nous tiendrons", "Combien de temps ?", "Des mois"]),
    ],
)
def test_dialogue_turns_inside_a_paragraph(text: str, contents: list[str]) -> None:
    found = quotes_found(text, "fr")
    assert [c for _, c, _, _, _ in found] == contents
    assert {k for k, _, _, _, _ in found} == {"direct"}


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("— Demain ! demain ! s'écria le capitaine.", "Demain ! demain !", "le capitaine", "s'écria"),
        ("— Halte ! cria le sergent en levant la main vers les soldats qui arrivaient au pont.", "Halte !",
         "le sergent", "cria"),
        ("— Si vous ne partez pas, je reste ici, dit le maire.", "Si vous ne partez pas, je reste ici",
         "le maire", "dit"),
        ("— Vrai ! bien vrai ! autant que Dieu ! dit-elle.", "Vrai ! bien vrai ! autant que Dieu !", "-elle", "dit"),
        ("— La ville va tenir, affirme le commandant Oleh Chyriaïev, joint par téléphone.", "La ville va tenir",
         "Oleh Chyriaïev", "affirme"),
    ],
)
def test_incise_after_the_last_mark_and_before_a_long_adjunct(text: str, content: str, speaker: str,
                                                              cue: str) -> None:
    assert [(c, s, q) for _, c, s, _, q in quotes_found(text, "fr")] == [(content, speaker, cue)]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("L'armée israélienne a indiqué samedi avoir frappé une quarantaine de cibles.",
         "avoir frappé une quarantaine de cibles", "L'armée israélienne", "a indiqué"),
        ("L'Iran affirme ne pas avoir fourni de drones à la Russie.", "ne pas avoir fourni de drones à la Russie",
         "L'Iran", "affirme"),
        ("Le ministre a déclaré lundi soir ne rien savoir de cette opération.", "ne rien savoir de cette opération",
         "Le ministre", "a déclaré"),
        ("Le ministre a dit hier que la ville était tombée.", "la ville était tombée", "Le ministre", "a dit"),
    ],
)
def test_infinitive_claims_after_adverbs_and_negation(text: str, content: str, speaker: str, cue: str) -> None:
    assert [(k, c, s, q) for k, c, s, _, q in quotes_found(text, "fr")] == [("indirect", content, speaker, cue)]


@pytest.mark.parametrize(
    ("text", "speaker", "name", "cue"),
    [
        ("« Nous n'avons reçu aucune demande », a fait savoir l'Agence internationale de l'énergie atomique.",
         "l'Agence internationale de l'énergie atomique", "Agence internationale de l'énergie atomique",
         "a fait savoir"),
        ("« Aucun civil n'a été blessé », a assuré sur Telegram le gouverneur de la région, Mikhaïl Razvojaïev.",
         "Mikhaïl Razvojaïev", "Mikhaïl Razvojaïev", "a assuré"),
        ("« La ville est calme », a indiqué dans un communiqué le ministère de l'Intérieur.",
         "le ministère de l'Intérieur", "ministère de l'Intérieur", "a indiqué"),
        ("Deux millions de personnes ont fui, selon le Haut-Commissariat des Nations unies pour les réfugiés.",
         "le Haut-Commissariat des Nations unies pour les réfugiés",
         "Haut-Commissariat des Nations unies pour les réfugiés", "selon"),
        ("« Nous tiendrons », a déclaré le ministre pour sa part.", "le ministre", None, "a déclaré"),
        ("« Nos troupes tiennent », a déclaré à la télévision le porte-parole du commandement Est, Serguiï "
         "Tcherevaty.", "Serguiï Tcherevaty", "Serguiï Tcherevaty", "a déclaré"),
        ("« Nous manquons d'eau », a confié à Libération une infirmière de l'hôpital de Kherson.",
         "une infirmière de l'hôpital de Kherson", "infirmière de l'hôpital de Kherson", "a confié"),
    ],
)
def test_postposed_speaker_after_an_adjunct_or_a_completed_cue(text: str, speaker: str, name: str | None,
                                                               cue: str) -> None:
    assert [(s, n, q) for _, _, s, n, q in quotes_found(text, "fr")] == [(speaker, name, cue)]


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        ("La Première ministre estonienne Kaja Kallas a rencontré le chancelier allemand Olaf Scholz. "
         "Elle a estimé que l'Europe devait se réarmer.", "Elle", "Kaja Kallas"),
        ("Le maire de Kharkiv, Ihor Terekhov, a dressé un bilan sombre de la nuit. "
         "Les frappes visent les centrales électriques, affirme-t-il.", "-il", "Ihor Terekhov"),
        ("La présidente de la Commission européenne, Ursula von der Leyen, a reçu le Premier ministre polonais "
         "Donald Tusk. « La Pologne est en première ligne », a-t-elle souligné.", "a-t-elle", "Ursula von der Leyen"),
        ("Les ministres des Affaires étrangères du G7 se sont réunis au Japon. "
         "Ils ont affirmé que les sanctions seraient renforcées.", "Ils", "ministres des Affaires étrangères du G7"),
        # a title does not reach across a verb to the object's name
        ("La Première ministre italienne Giorgia Meloni a reçu jeudi Volodymyr Zelensky. "
         "« L'Italie restera à vos côtés », a-t-elle promis.", "a-t-elle", "Giorgia Meloni"),
    ],
)
def test_pronouns_agree_with_titles_appositions_and_groups(text: str, pronoun: str, name: str) -> None:
    last = quotes_found(text, "fr")[-1]
    assert (last[2], last[3]) == (pronoun, name)


def test_a_quotation_with_no_cue_goes_to_the_subject_of_the_sentence_before() -> None:
    found = quotes_found("Le ministre russe des Affaires étrangères, Sergueï Lavrov, s'est exprimé vendredi devant "
                         "la presse. « Les Occidentaux veulent une guerre longue. Nous n'accepterons aucun "
                         "ultimatum. »", "fr")
    assert [(k, s, n, q) for k, _, s, n, q in found] == [("direct", "Sergueï Lavrov", "Sergueï Lavrov", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The vote is on Friday. — Jane Smith (@janesmith) July 23, 2016",
        "The posters were blunt. —“No special rights for foreigners!” (2015).",
        "The campaign newsletter listed its picks.\n—\"Sam Mendes leaves the show,\" by Michael Paulson.",
    ],
)
def test_english_dashes_before_names_and_list_items_are_no_dialogue(text: str) -> None:
    assert [c for _, c, _, _, _ in quotes_found(text, "en") if "Paulson" not in c] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("That is when the moderators lost it!— Cruz called them on it.", []),
        ('"You need somebody who understands economics, understands how to create jobs."', [None]),
    ],
)
def test_english_glued_dashes_and_wh_words_are_no_speakers(text: str, found: list[str | None]) -> None:
    assert [s for _, _, s, _, _ in quotes_found(text, "en") if s != "Cruz"] == found


def test_an_english_clause_resumes_after_its_incise() -> None:
    found = quotes_found("The museum, Bush said, celebrated several of his heroes, including Chuck Berry.", "en")
    assert [(c, s, q) for _, c, s, _, q in found] == [
        ("The museum", "Bush", "said"), ("celebrated several of his heroes, including Chuck Berry", "Bush", "said")]


@pytest.mark.parametrize(
    ("text", "lang", "speakers"),
    [
        ("“We can build a wall around him.” ― Steve Quinlan.\n“I am afraid.” ― Jacklyn Ashley", "en",
         ["Steve Quinlan", "Jacklyn Ashley"]),
        ("« La guerre nous a tout pris » — Olena Kovalenko\nLe village est vide.", "fr", ["Olena Kovalenko"]),
        ("« Nous partons » — Le Monde rapporte que la ville est vide.", "fr", ["Le Monde"]),  # no signature
    ],
)
def test_a_quotation_signed_by_a_dash_and_a_name(text: str, lang: str, speakers: list[str]) -> None:
    assert [s for _, _, s, _, _ in quotes_found(text, lang)] == speakers


@pytest.mark.parametrize(
    ("text", "lang", "kind", "content", "speaker"),
    [
        ("Selon des sources militaires citées par l'agence Reuters, au moins 40 soldats ont été tués.", "fr",
         "according_to", "au moins 40 soldats ont été tués", "des sources militaires citées"),
        ("Kiev a annoncé une contre-attaque. Moscou, de son côté, affirme avoir pris le village.", "fr",
         "indirect", "avoir pris le village", "Moscou"),
        ("Kyiv, for its part, said the attack had failed.", "en", "indirect", "the attack had failed", "Kyiv"),
    ],
)
def test_sources_around_a_short_adjunct(text: str, lang: str, kind: str, content: str, speaker: str) -> None:
    assert (kind, content, speaker) in [(k, c, s) for k, c, s, _, _ in quotes_found(text, lang)]


def test_a_verb_with_de_and_an_infinitive_has_no_inverted_speaker() -> None:
    found = quotes_found("Le chef du groupe Wagner, Evgueni Prigojine, a menacé de retirer ses hommes de Bakhmout. "
                         "« Nous n'avons plus de munitions », a-t-il déclaré.", "fr")
    assert [(k, s, n) for k, _, s, n, _ in found] == [("direct", "a-t-il", "Evgueni Prigojine")]


def test_a_trailing_according_to_marker_ends_the_reported_clause() -> None:
    found = quotes_found("Antony Blinken a jugé que le tir était « inacceptable », selon un communiqué du "
                         "département d'Etat.", "fr")
    assert [(k, c, s) for k, c, s, _, _ in found] == [("mixed", "le tir était « inacceptable »", "Antony Blinken")]


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        ("« Aucune décision n'est prise », a déclaré un porte-parole du gouvernement britannique.",
         "un porte-parole du gouvernement britannique", None),
        ("« Nous n'avons plus d'eau », racontent les habitants de Bakhmout.", "les habitants de Bakhmout", None),
        ("« La ville tiendra », a assuré la vice-ministre de la Défense, Ganna Maliar.", "Ganna Maliar",
         "Ganna Maliar"),
    ],
)  # fmt: skip
def test_a_speaker_is_not_the_entity_in_its_complement(text: str, speaker: str, name: str | None) -> None:
    [quote] = extract(text, lang="fr", published="2024-05-14").quotes
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == (speaker, name)
