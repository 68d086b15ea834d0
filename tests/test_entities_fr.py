"""The entities stage on French news: kinds, titles and countries, and in-article coreference of every actor."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.pipeline.attrs import doc_info
from sitrep.pipeline.build import build_pipeline


@cache
def _nlp() -> Language:
    return build_pipeline("fr", stages=("entities",))


def run(text: str) -> Doc:
    return _nlp()(text)


def entities(text: str) -> dict[str, tuple[str, str, Counter[str], dict[str, str]]]:
    """Entity name -> (key, kind, mention texts, attributes)."""
    doc = run(text)
    info = doc_info(doc)
    mentions: dict[str, Counter[str]] = {}
    for span in doc.spans["entities"]:
        mentions.setdefault(span.id_, Counter())[span.text] += 1
    return {
        e.name: (key, e.kind, mentions.get(key, Counter()), e.attributes)
        for key, e in info.entities.items()
    }


def kind_of(text: str, name: str) -> str | None:
    found = entities(text)
    return found[name][1] if name in found else None


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Rishi Sunak a reçu lundi son homologue à Londres.", "Rishi Sunak", "person"),
        ("Selon Mark Rutte, la coalition avance.", "Mark Rutte", "person"),
        ("M. Kouassi a quitté la réunion avant la fin.", "Kouassi", "person"),
        ("Le général Valeri Guerassimov dirige les opérations.", "Valeri Guerassimov", "person"),
        ("Le sommet du Conseil de l'Europe s'ouvre mardi.", "Conseil de l'Europe", "organization"),
        ("Le Parti communiste chinois a réuni son comité.", "Parti communiste chinois", "organization"),
        ("L'ONU a condamné les frappes.", "ONU", "organization"),
        ("L'Otan tient un sommet à Vilnius.", "Otan", "organization"),
        ("Le groupe Wagner a revendiqué la prise de la ville.", "Wagner", "group"),
        ("Les Russes contrôlent la ville.", "Russes", "group"),
        ("Kiev a repoussé une nouvelle attaque.", "Kiev", "location"),
        ("Des frappes ont visé Bakhmout dans la nuit.", "Bakhmout", "location"),
        ("Le Royaume-Uni a livré des missiles.", "Royaume-Uni", "location"),
        ("Le navire a traversé le détroit de Kertch.", "détroit de Kertch", "location"),
        ("Le 10 Downing Street a publié un communiqué.", "10 Downing Street", "organization"),
        ("Spike Lee a présenté son film.", "Spike Lee", "person"),
        ("Il a tourné avec Ben Affleck.", "Ben Affleck", "person"),
        ("La Jamaïcaine Sandie Richards a gagné.", "Sandie Richards", "person"),
        ("Les Bulls de Chicago ont battu les Knicks.", "Bulls de Chicago", "organization"),
        ("Il a rejoint la Ligue nationale de hockey.", "Ligue nationale de hockey", "organization"),
        ("Le bateau a coulé dans le golfe de Gascogne.", "golfe de Gascogne", "location"),
        ("Le ministère russe de la Défense a publié un bilan.", "ministère russe de la Défense", "organization"),
    ],
)
def test_kind(text: str, name: str, kind: str) -> None:
    assert kind_of(text, name) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Selon le communiqué, les combats se poursuivent.",
        "Mais la situation reste tendue dans la région.",
        "Depuis lundi, les bombardements ont repris.",
        "Un bon début, a-t-il estimé.",
        "Lundi, la réunion a été reportée.",
        "Pendant la nuit, les frappes ont repris.",
        "Il participe aux Jeux olympiques.",
    ],
)
def test_no_name_in_sentence_initial_words(text: str) -> None:
    assert {e[1] for e in entities(text).values()} <= {"other"}


@pytest.mark.parametrize(
    ("text", "name", "attribute", "value"),
    [
        ("a indiqué la vice-ministre ukrainienne de la Défense, Ganna Maliar.", "Ganna Maliar", "title",
         "vice-ministre ukrainienne de la Défense"),
        ("a indiqué la vice-ministre ukrainienne de la Défense, Ganna Maliar.", "Ganna Maliar", "country", "UA"),
        ("a indiqué la vice-ministre ukrainienne de la Défense, Ganna Maliar.", "Ganna Maliar", "gender", "f"),
        ("Le Premier ministre britannique Rishi Sunak est arrivé.", "Rishi Sunak", "role", "prime_minister"),
        ("Le Premier ministre britannique Rishi Sunak est arrivé.", "Rishi Sunak", "country", "GB"),
        ("Mark Rutte, Premier ministre néerlandais, a salué l'accord.", "Mark Rutte", "country", "NL"),
        ("Le porte-parole du Kremlin, Dmitri Peskov, a démenti.", "Dmitri Peskov", "org", "Kremlin"),
        ("Le ministre russe des Affaires étrangères Sergueï Lavrov a critiqué l'accord.", "Sergueï Lavrov",
         "title", "ministre russe des Affaires étrangères"),
        ("a déclaré le porte-parole de l'état-major, Dmytro Lykhovy.", "Dmytro Lykhovy", "title",
         "porte-parole de l'état-major"),
        ("a indiqué le gouverneur régional Oleg Synegoubov.", "Oleg Synegoubov", "role", "governor"),
        ("Le secrétaire général de l'OTAN, Jens Stoltenberg, a répondu.", "Jens Stoltenberg", "org", "OTAN"),
        ("L'armée ukrainienne reprend du terrain.", "armée ukrainienne", "country", "UA"),
        ("Les Russes contrôlent la ville.", "Russes", "country", "RU"),
    ],
)
def test_attributes(text: str, name: str, attribute: str, value: str) -> None:
    found = entities(text)
    assert found[name][3].get(attribute) == value


ARTICLE = (
    "Zelensky réclame des avions à l'Otan\n\n"
    "Le président ukrainien Volodymyr Zelensky a demandé mardi à l'Organisation du traité de l'Atlantique nord "
    "(OTAN) de livrer des avions de combat. « Nous avons besoin de F-16 », a déclaré M. Zelensky devant le "
    "Conseil de sécurité des Nations unies.\n"
    "Le secrétaire général de l'OTAN, Jens Stoltenberg, a répondu que les alliés étudiaient la demande. Selon "
    "Stoltenberg, il faut aller plus vite. Le chef de l'Etat ukrainien a remercié l'ONU.\n"
    "Le porte-parole du Kremlin, Dmitri Peskov, a dénoncé une escalade. Les Russes accusent Kiev de "
    "provocations, tandis que l'armée russe poursuit ses frappes. Zelenski a répliqué que Moscou mentait.\n"
    "La vice-ministre ukrainienne de la Défense, Ganna Maliar, a affirmé que les forces ukrainiennes avaient "
    "progressé. Selon la vice-ministre, les combats se poursuivent. Mme Maliar n'a pas donné de bilan."
)


# A second article: a title alone resolves to its holder, acronyms and expansions, a transliteration variant.
ARTICLE_WAGNER = (
    "Prigojine accuse l'état-major russe\n"
    "\n"
    "Le chef du groupe Wagner, Evguéni Prigojine, a accusé samedi le ministre russe de la Défense, "
    "Sergueï Choïgou, de priver ses hommes de munitions. « Nos combattants meurent », a affirmé "
    "Prigojine dans une vidéo.\n"
    "Le ministère russe de la Défense a démenti. Selon le Kremlin, le président Vladimir Poutine n'a pas "
    "été informé. Dmitri Peskov, le porte-parole du Kremlin, a refusé de commenter. Le ministre de la "
    "Défense n'a fait aucune déclaration.\n"
    "Wagner affirme contrôler l'essentiel de Bakhmout. Les Ukrainiens contestent. L'armée ukrainienne a "
    "repris plusieurs positions, selon le général Oleksandr Syrsky. M. Syrsky a ajouté que les "
    "paramilitaires de Wagner subissaient de lourdes pertes.\n"
    "À Bruxelles, l'Otan a salué la résistance ukrainienne. Le secrétaire général de l'Alliance "
    "atlantique, Jens Stoltenberg, a promis de nouvelles livraisons. Prigozhin, lui, menace de quitter "
    "Bakhmout."
)


@pytest.mark.parametrize(
    ("article", "name", "mentions"),
    [
        (ARTICLE, "Volodymyr Zelensky", {"Zelensky": 2, "Volodymyr Zelensky": 1, "Zelenski": 1,
                                         "Le chef de l'Etat ukrainien": 1}),
        (ARTICLE, "Organisation du traité de l'Atlantique nord", {"Otan": 1, "OTAN": 2,
                                                                  "Organisation du traité de l'Atlantique nord": 1}),
        (ARTICLE, "Nations unies", {"Nations unies": 1, "ONU": 1}),
        (ARTICLE, "Jens Stoltenberg", {"Jens Stoltenberg": 1, "Stoltenberg": 1}),
        (ARTICLE, "Dmitri Peskov", {"Dmitri Peskov": 1}),
        (ARTICLE, "Ganna Maliar", {"Ganna Maliar": 1, "la vice-ministre": 1, "Maliar": 1}),
        (ARTICLE, "Russes", {"Russes": 1}),
        (ARTICLE, "armée russe", {"l'armée russe": 1}),
        (ARTICLE, "forces ukrainiennes", {"les forces ukrainiennes": 1}),
        (ARTICLE, "Kiev", {"Kiev": 1}),
        (ARTICLE, "Moscou", {"Moscou": 1}),
        (ARTICLE_WAGNER, "Evguéni Prigojine", {"Evguéni Prigojine": 1, "Prigojine": 2, "Prigozhin": 1}),
        (ARTICLE_WAGNER, "Sergueï Choïgou", {"Sergueï Choïgou": 1, "Le ministre de la Défense": 1}),
        (ARTICLE_WAGNER, "Vladimir Poutine", {"Vladimir Poutine": 1}),
        (ARTICLE_WAGNER, "Dmitri Peskov", {"Dmitri Peskov": 1, "le porte-parole du Kremlin": 1}),
        (ARTICLE_WAGNER, "Oleksandr Syrsky", {"Oleksandr Syrsky": 1, "Syrsky": 1}),
        (ARTICLE_WAGNER, "Jens Stoltenberg", {"Jens Stoltenberg": 1}),
        (ARTICLE_WAGNER, "Wagner", {"Wagner": 3}),
        (ARTICLE_WAGNER, "Kremlin", {"Kremlin": 2}),
        (ARTICLE_WAGNER, "Alliance atlantique", {"Otan": 1, "Alliance atlantique": 1}),
        (ARTICLE_WAGNER, "ministère russe de la Défense", {"ministère russe de la Défense": 1}),
        (ARTICLE_WAGNER, "Ukrainiens", {"Ukrainiens": 1}),
        (ARTICLE_WAGNER, "armée ukrainienne", {"L'armée ukrainienne": 1}),
        (ARTICLE_WAGNER, "Bakhmout", {"Bakhmout": 2}),
    ],
)  # fmt: skip
def test_coreference_article(article: str, name: str, mentions: dict[str, int]) -> None:
    found = entities(article)
    assert name in found, sorted(found)
    assert dict(found[name][2]) == mentions


def test_title_alone_needs_a_holder() -> None:
    found = entities("Selon la vice-ministre, les combats se poursuivent à Bakhmout.")
    assert [e[1] for e in found.values()] == ["location"]


def test_two_people_with_one_surname_stay_apart() -> None:
    text = ("Marine Le Pen et Jean-Marie Le Pen ont tenu deux meetings. Jean-Marie Le Pen a parlé le premier, "
            "puis Marine Le Pen a répondu.")
    found = entities(text)
    assert dict(found["Marine Le Pen"][2]) == {"Marine Le Pen": 2}
    assert dict(found["Jean-Marie Le Pen"][2]) == {"Jean-Marie Le Pen": 2}


SEED_ACTORS = [
    ("Ganna Maliar", "person", {"country": "UA", "title": "vice-ministre ukrainienne de la Défense"}),
    ("Volodymyr Zelensky", "person", {"country": "UA", "role": "president"}),
    ("Rishi Sunak", "person", {"country": "GB", "title": "Premier ministre britannique"}),
    ("Mark Rutte", "person", {"country": "NL"}),
    ("10 Downing Street", "organization", {"country": "GB"}),
    ("Conseil de l'Europe", "organization", {}),
    ("Russes", "group", {"country": "RU"}),
    ("armée ukrainienne", "group", {"country": "UA"}),
]


@pytest.mark.parametrize(("name", "kind", "attributes"), SEED_ACTORS)
def test_seed_story_actors(seed_path: Path, name: str, kind: str, attributes: dict[str, str]) -> None:
    found = entities(seed_path.read_text(encoding="utf-8"))
    assert found[name][1] == kind
    for key, value in attributes.items():
        assert found[name][3].get(key) == value


def test_seed_story_president_is_zelensky(seed_path: Path) -> None:
    found = entities(seed_path.read_text(encoding="utf-8"))
    mentions = found["Volodymyr Zelensky"][2]
    assert mentions["Le président ukrainien"] == 1  # the title alone, in the 11th paragraph
    assert mentions["Volodymyr Zelensky"] == 3
    assert dict(found["Rishi Sunak"][2]) == {"Rishi Sunak": 2}
    assert dict(found["10 Downing Street"][2]) == {"10 Downing Street": 2}


def test_spans_carry_kind_and_key() -> None:
    doc = run("Le président ukrainien Volodymyr Zelensky a rencontré Rishi Sunak. Zelensky a remercié Londres.")
    info = doc_info(doc)
    for span in doc.spans["entities"]:
        assert span.id_ in info.entities
        assert span.label_ == info.entities[span.id_].kind
    keys = {span.text: span.id_ for span in doc.spans["entities"]}
    assert keys["Zelensky"] == keys["Volodymyr Zelensky"] != keys["Rishi Sunak"]


def test_empty_document() -> None:
    doc = _nlp()("")
    assert list(doc.spans["entities"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "- - -",
        "A - B - C",
        "« » ( ) - , .",
        "LE PRÉSIDENT A DIT . M. . Mme",
        "De De De la la la L' L' d'",
        "Organisation du traité de",
        "Le président ukrainien",
        "J. -C. Z.",
    ],
)
def test_odd_inputs_do_not_fail(text: str) -> None:
    doc = run(text)
    for span in doc.spans["entities"]:
        assert span.id_ in doc_info(doc).entities


@pytest.mark.parametrize(
    "text",
    [
        "Réunis à l'occasion d'un sommet à Bruxelles, les dirigeants européens ont haussé le ton.",
        "Interrogé par la presse, le ministre n'a pas répondu.",
        "Arrivées dans la nuit, les renforts ont pris position.",
    ],
)
def test_opening_participle_is_not_a_name(text: str) -> None:
    first = text.split()[0]
    assert first not in entities(text), sorted(entities(text))


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Kiev attend toujours les F-16 promis par les Pays-Bas.", "F-16"),
        ("Les premiers F16 sont arrivés en Roumanie.", "F16"),
        ("Un Su-27 russe a intercepté un drone au-dessus de la mer Noire.", "Su-27"),
        ("Londres a aussi fourni des chars britanniques Challenger à Kiev.", "Challenger"),
        ("L'Allemagne livrera des chars Leopard et des systèmes Patriot.", "Leopard"),
        ("L'Allemagne livrera des chars Leopard et des systèmes Patriot.", "Patriot"),
        ("Des drones Shahed ont visé Odessa dans la nuit.", "Shahed"),
        ("La défense a abattu six missiles hypersoniques Kinjal au-dessus de Kiev.", "Kinjal"),
    ],
)
def test_weapon_models_are_not_entities(text: str, model: str) -> None:
    found = entities(text)
    assert not any(model in name for name in found), sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Kagamé, qui dirige le pays depuis vingt ans, a parlé.", "Kagamé", "other"),
        ("Bédié, ancien président, a parlé aux militants.", "Bédié", "person"),
        ("Les dirigeants du G7 se réunissent à Hiroshima.", "G7", "organization"),
        ("Le pilote a quitté l'écurie Sauber en fin de saison.", "Sauber", "organization"),
        ("Le film est produit par Regency Enterprises.", "Regency Enterprises", "organization"),
        ("L'attaquant a signé au Werder Brême pour trois saisons.", "Werder Brême", "organization"),
        ("La Scuderia Ferrari a dominé la course.", "Scuderia Ferrari", "organization"),
        ("Le ministre a rencontré Kamala Harris à Paris.", "Kamala Harris", "person"),
        ("La députée Manon Aubry (LFI) a critiqué le projet.", "LFI", "organization"),
        ("Le combat a eu lieu au Madison Square Garden samedi.", "Madison Square Garden", "location"),
        ("Il a remporté la Coupe Davis avec la France.", "Coupe Davis", "other"),
        ("Il a servi en Corée puis en Perse.", "Perse", "location"),
        ("Il a placé ses économies en Bourse.", "Bourse", "other"),
        ("Procter & Gamble et Johnson & Johnson ont publié leurs résultats.", "Johnson & Johnson", "organization"),
        ("Il a dirigé l'orchestre philharmonique de Vienne.", "orchestre philharmonique de Vienne", "organization"),
        ("Selon le ministère de l'Économie et des Finances, la dette augmente.",
         "ministère de l'Économie et des Finances", "organization"),
        ("Le ministre a répondu à France 24 depuis Kiev.", "France 24", "organization"),
        ("Selon l'agence Ria Novosti, le convoi a été visé.", "Ria Novosti", "organization"),
        ("Le Mossad a démenti toute implication.", "Mossad", "organization"),
        ("Les habitants de Vorniakivka ont fui les bombardements.", "Vorniakivka", "location"),
        ("Les combats se poursuivent au nord de Vorniakivka.", "Vorniakivka", "location"),
        ("Les combats se poursuivent dans l'est de Vorniakivka.", "Vorniakivka", "location"),
        ("L'océanographe Jacques-Yves Cousteau a exploré les fonds marins.", "Jacques-Yves Cousteau", "person"),
        ("Le compositeur François-Joseph Fétis a publié un traité.", "François-Joseph Fétis", "person"),
        ("Le scrutin a eu lieu en Caroline du Sud samedi.", "Caroline du Sud", "location"),
    ],
)  # fmt: skip
def test_kind_kept_or_found(text: str, name: str, kind: str) -> None:
    found = entities(text)
    assert name in found, sorted(found)
    assert found[name][1] == kind


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Le PIB a reculé de 2 % au premier trimestre.", "PIB"),
        ("Le documentaire sort en DVD cet automne.", "DVD"),
        ("Le débat a été diffusé à la TV mardi soir.", "TV"),
        ("Il a joué au rugby à XV pendant dix ans.", "XV"),
        ("VIDÉO. Le ministre a visité le front mardi.", "VIDÉO"),
        ("URGENT : un missile a frappé la ville.", "URGENT"),
    ],
)
def test_common_noun_acronyms_and_numerals_are_not_entities(text: str, word: str) -> None:
    assert word not in entities(text), sorted(entities(text))


def test_common_noun_acronym_before_a_name_is_peeled() -> None:
    found = entities("L'ONG Memorial a été dissoute par la justice.")
    assert "Memorial" in found and not any("ONG" in name for name in found), sorted(found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kiev a signé un accord avec l'Agence spatiale européenne et la NASA.", ["Agence spatiale européenne",
                                                                                  "NASA"]),
        ("La fusion entre Sony Music Entertainment et BMG a été approuvée.", ["Sony Music Entertainment", "BMG"]),
        ("Le Conseil nordique et le Conseil européen ont condamné l'attaque.", ["Conseil nordique",
                                                                                "Conseil européen"]),
    ],
)  # fmt: skip
def test_coordinated_organisations_are_two_entities(text: str, names: list[str]) -> None:
    found = entities(text)
    for name in names:
        assert name in found, sorted(found)
        assert found[name][1] == "organization"


def test_is_not_a_place_cue_before_a_name() -> None:
    assert kind_of("C'est Vorniakov qui a signé le texte.", "Vorniakov") != "location"


@pytest.mark.parametrize(
    ("name", "attribute", "value"),
    [
        ("Evguéni Prigojine", "org", "groupe Wagner"),
        ("Sergueï Choïgou", "country", "RU"),
        ("Sergueï Choïgou", "role", "minister"),
        ("Wagner", "country", "RU"),
        ("Ukrainiens", "country", "UA"),
    ],
)
def test_second_article_attributes(name: str, attribute: str, value: str) -> None:
    assert entities(ARTICLE_WAGNER)[name][3].get(attribute) == value


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        ("Le président syrien Bachar al-Assad a reçu l'émissaire. Selon al-Assad, la guerre continue.",
         "Bachar al-Assad", {"Bachar al-Assad": 1, "al-Assad": 1}),
        ("Le président égyptien Abdel Fattah el-Sissi a appelé au calme.", "Abdel Fattah el-Sissi",
         {"Abdel Fattah el-Sissi": 1}),
    ],
)  # fmt: skip
def test_hyphened_arabic_particles_stay_in_the_name(text: str, name: str, mentions: dict[str, int]) -> None:
    found = entities(text)
    assert name in found, sorted(found)
    assert found[name][1] == "person"
    assert dict(found[name][2]) == mentions


def test_bare_title_does_not_jump_to_a_foreign_holder() -> None:
    text = ("Emmanuel Macron a reçu mardi le président russe Vladimir Poutine à Brégançon. Puis Emmanuel Macron a "
            "parlé aux maires du Var. Le président a demandé des noms de rue.")  # fmt: skip
    found = entities(text)
    assert dict(found["Vladimir Poutine"][2]) == {"Vladimir Poutine": 1}


def test_bare_title_goes_to_the_holder_just_named() -> None:
    found = entities("Le président russe Vladimir Poutine a reçu l'émissaire. Le président a promis une réponse.")
    assert dict(found["Vladimir Poutine"][2]) == {"Vladimir Poutine": 1, "Le président": 1}


def test_actors_after_contracted_articles() -> None:
    found = entities("Londres a formé des soldats ukrainiens. Les frappes des forces russes continuent. Kiev a livré "
                     "des armes aux forces ukrainiennes.")  # fmt: skip
    assert dict(found["soldats ukrainiens"][2]) == {"des soldats ukrainiens": 1, "aux forces ukrainiennes": 1}
    assert found["soldats ukrainiens"][3].get("country") == "UA"
    assert dict(found["forces russes"][2]) == {"des forces russes": 1}


@pytest.mark.parametrize(
    ("text", "name", "kind", "mentions"),
    [
        ("La présidente de la Commission, Ursula von der Leyen, a parlé. Von der Leyen a ajouté un mot.",
         "Ursula von der Leyen", "person", {"Ursula von der Leyen": 1, "Von der Leyen": 1}),
        ("L'ancien joueur Rafael van der Vaart entraîne désormais.", "Rafael van der Vaart", "person",
         {"Rafael van der Vaart": 1}),
        ("Le Programme alimentaire mondial (PAM) a suspendu ses distributions. Le PAM alerte.",
         "Programme alimentaire mondial", "organization", {"Programme alimentaire mondial": 1, "PAM": 2}),
    ],
)  # fmt: skip
def test_particles_in_a_row_and_lower_case_organisation_names(text: str, name: str, kind: str,
                                                              mentions: dict[str, int]) -> None:  # fmt: skip
    found = entities(text)
    assert name in found, sorted(found)
    assert found[name][1] == kind
    assert dict(found[name][2]) == mentions
