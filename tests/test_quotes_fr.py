"""The quotes stage on French news sentences: direct, interrupted, multi-paragraph, indirect, according-to,
scare quotes, speakers and pronouns."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from tests.stage_helpers import QuoteRow, quotes_found, stage_pipeline


def _nlp() -> Language:
    return stage_pipeline("fr", "quotes")


def quotes(text: str) -> list[QuoteRow]:
    """(kind, content, speaker, speaker name, cue) of every quote, in text order."""
    return quotes_found(text, "fr")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("« Nous ne reculerons pas », a déclaré mardi le porte-parole du Kremlin, Dmitri Peskov.",
         "Nous ne reculerons pas", "Dmitri Peskov"),
        ("«Nous ne reculerons pas», a affirmé le ministre.", "Nous ne reculerons pas", "le ministre"),
        ("«\u00a0Nous tiendrons\u00a0», a assuré le maire de la ville.", "Nous tiendrons", "le maire de la ville"),
        ("“La situation reste très tendue”, a indiqué l'armée israélienne dans un communiqué.",
         "La situation reste très tendue", "l'armée israélienne"),
        ('"Les frappes continuent", a précisé le ministère russe de la Défense.',
         "Les frappes continuent", "le ministère russe de la Défense"),
        ("‹ Tout est calme ›, a écrit le gouverneur.", "Tout est calme", "le gouverneur"),
        ("„Die Lage ist ernst“, a dit le chancelier allemand Olaf Scholz.", "Die Lage ist ernst", "Olaf Scholz"),
        ("Zelensky : « Nous gagnerons cette guerre ».", "Nous gagnerons cette guerre", "Zelensky"),
        ("Le président ukrainien a déclaré : « Nous gagnerons cette guerre. »", "Nous gagnerons cette guerre.",
         "Le président ukrainien"),
        ("« Un bon début pour la coalition ! », a réagi le président ukrainien Volodymyr Zelensky.",
         "Un bon début pour la coalition !", "Volodymyr Zelensky"),
    ],
)
def test_direct_quotes_in_every_mark(text: str, content: str, speaker: str) -> None:
    found = quotes(text)
    assert [(k, c, s) for k, c, s, _, _ in found] == [("direct", content, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "« Nous avons repoussé l'attaque, a-t-il dit, mais les combats continuent. »",
        "« Nous avons repoussé l'attaque », a-t-il dit, « mais les combats continuent ».",
    ],
)
def test_interrupted_quote_is_two_records_sharing_cue_and_speaker(text: str) -> None:
    found = quotes(text)
    assert [c.rstrip(".") for _, c, _, _, _ in found] == ["Nous avons repoussé l'attaque",
                                                          "mais les combats continuent"]
    assert {(s, cue) for _, _, s, _, cue in found} == {("a-t-il", "dit")}


def test_multi_paragraph_quote_is_one_record_with_the_speaker_of_its_last_paragraph() -> None:
    text = (
        "La ministre des Armées, Florence Parly, était lundi à Kiev.\n"
        "« Nous resterons aux côtés de l'Ukraine. Nos livraisons vont continuer.\n"
        "« Les premiers canons arriveront dans les prochains jours », a-t-elle assuré.\n"
        "Le lendemain, la ville était calme."
    )
    found = quotes(text)
    assert len(found) == 1
    kind, content, speaker, name, _ = found[0]
    assert kind == "direct"
    assert content.startswith("Nous resterons") and content.endswith("prochains jours")
    assert (speaker, name) == ("a-t-elle", "Florence Parly")


def test_unbalanced_mark_costs_only_its_paragraph() -> None:
    text = (
        "Un habitant raconte : « On entend les explosions toute la nuit\n"
        "Le porte-parole de l'armée a affirmé que la ville était encerclée."
    )
    found = quotes(text)
    assert found[0][:2] == ("direct", "On entend les explosions toute la nuit")
    assert found[1][:3] == ("indirect", "la ville était encerclée", "Le porte-parole de l'armée")


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    found = quotes("« Ce texte dit que « la paix est proche » mais rien ne change », a estimé un diplomate.")
    assert found == [("direct", "Ce texte dit que « la paix est proche » mais rien ne change", "un diplomate",
                      None, "a estimé")]


def test_em_dash_dialogue_lines() -> None:
    found = quotes("— Nous ne céderons rien, a répondu le général.\n— Et les pertes ? a demandé un journaliste.")
    assert [(c, s) for _, c, s, _, _ in found] == [("Nous ne céderons rien", "le général"),
                                                   ("Et les pertes ?", "un journaliste")]


@pytest.mark.parametrize(
    "text",
    [
        "L'ONG a publié un rapport intitulé « Vivre sous les bombes ».",
        "Le film « Guerre et paix » sera diffusé ce soir.",
        "Les forces de l'« opération spéciale » ont avancé.",
    ],
)
def test_titles_and_scare_quotes_are_not_statements(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "content", "speaker", "cue"),
    [
        ("Le ministère russe de la Défense a affirmé que ses forces avaient abattu douze drones.", "indirect",
         "ses forces avaient abattu douze drones", "Le ministère russe de la Défense", "a affirmé"),
        ("Kiev dit avoir repris 20 km² autour de Bakhmout.", "indirect", "avoir repris 20 km² autour de Bakhmout",
         "Kiev", "dit"),
        ("Le 10 Downing Street a indiqué mardi que les deux dirigeants allaient travailler ensemble.", "indirect",
         "les deux dirigeants allaient travailler ensemble", "Le 10 Downing Street", "a indiqué"),
        ("La vice-ministre ukrainienne de la Défense, Ganna Maliar, a estimé que l'offensive était imminente.",
         "indirect", "l'offensive était imminente", "Ganna Maliar", "a estimé"),
        ("Le porte-parole du Kremlin, Dmitri Peskov, a déclaré lundi que Moscou ne négocierait pas.", "indirect",
         "Moscou ne négocierait pas", "Dmitri Peskov", "a déclaré"),
        ("La hausse est « inévitable », a estimé pour sa part l'économiste Karen Young.", "mixed",
         "La hausse est « inévitable »", "Karen Young", "a estimé"),
        ("Trois civils ont été tués, a-t-on appris auprès du ministère ukrainien de l'Intérieur.", "indirect",
         "Trois civils ont été tués", "ministère ukrainien de l'Intérieur", "appris"),
        ("Deux chars ont été détruits, a-t-on appris de source militaire.", "indirect",
         "Deux chars ont été détruits", "source militaire", "appris"),
        ("Le porte-parole de l'armée, le colonel Olivier Rebel, a déclaré que les frappes avaient cessé.",
         "indirect", "les frappes avaient cessé", "Olivier Rebel", "a déclaré"),
        ("Les combats se poursuivent dans le Donbass, affirme-t-il.", "indirect",
         "Les combats se poursuivent dans le Donbass", "-il", "affirme"),
        ("Ces frappes sont « inacceptables », a réagi l'Élysée.", "mixed", "Ces frappes sont « inacceptables »",
         "l'Élysée", "a réagi"),
        ("Le chef de la diplomatie, qui rentrait de Bruxelles, a déclaré qu'« aucune négociation n'était possible ».",
         "direct", "aucune négociation n'était possible", "Le chef de la diplomatie", "a déclaré"),
        ("La porte-parole de l'ONU a jugé la situation « catastrophique ».", "mixed",
         "la situation « catastrophique »", "La porte-parole de l'ONU", "a jugé"),
        ("La Turquie, qui soutient le GNA, a elle-même reconnu avoir envoyé des troupes.", "indirect",
         "avoir envoyé des troupes", "La Turquie", "a elle-même reconnu"),
        ("Le président russe Vladimir Poutine a de son côté dénoncé une « provocation ».", "mixed",
         "une « provocation »", "Vladimir Poutine", "a de son côté dénoncé"),
        ("Vladimir Poutine : la guerre en Ukraine sera longue", "indirect", "la guerre en Ukraine sera longue",
         "Vladimir Poutine", ":"),
    ],
)
def test_indirect_and_mixed_speech(text: str, kind: str, content: str, speaker: str, cue: str) -> None:
    found = quotes(text)
    assert [(k, c, s, q) for k, c, s, _, q in found] == [(kind, content, speaker, cue)]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("Selon Moscou, les troupes ukrainiennes ont perdu 300 hommes.",
         "les troupes ukrainiennes ont perdu 300 hommes", "Moscou"),
        ("Les troupes ukrainiennes ont perdu 300 hommes, selon Moscou.",
         "Les troupes ukrainiennes ont perdu 300 hommes", "Moscou"),
        ("D'après l'armée ukrainienne, la ville est encerclée.", "la ville est encerclée", "l'armée ukrainienne"),
        ("D’après le gouverneur régional, deux civils ont été tués.", "deux civils ont été tués",
         "le gouverneur régional"),
        ("Pour le chef de la diplomatie européenne, Josep Borrell, « la guerre doit cesser ».",
         "la guerre doit cesser", "Josep Borrell"),
    ],
)
def test_according_to(text: str, content: str, source: str) -> None:
    assert [(k, c, s) for k, c, s, _, _ in quotes(text)] == [("according_to", content, source)]


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        ("« Nos troupes avancent », a indiqué la vice-ministre ukrainienne de la Défense, Ganna Maliar. "
         "Les Russes détruisent la ville, a-t-elle ajouté.", "a-t-elle", "Ganna Maliar"),
        ("Le président russe Vladimir Poutine a dénoncé une provocation. Il a ajouté que la Russie répondrait.",
         "Il", "Vladimir Poutine"),
        ("La ministre Annalena Baerbock a rencontré son homologue Sergueï Lavrov. "
         "Elle a affirmé que les sanctions resteraient en place.", "Elle", "Annalena Baerbock"),
        ("Emmanuel Macron a reçu la Première ministre italienne Giorgia Meloni à l'Elysée. "
         "« Nous sommes d'accord », a-t-elle déclaré.", "a-t-elle", "Giorgia Meloni"),
        ("L'armée israélienne a annoncé la mort de trois soldats. Elle a précisé que les combats continuaient.",
         "Elle", "armée israélienne"),
        ("Selon le Kremlin, les discussions sont au point mort. Il a ajouté que Moscou restait ouvert.",
         "Il", "Kremlin"),
        ("Le président ukrainien Volodymyr Zelensky était à Londres lundi.\n"
         "Le président ukrainien demande depuis des mois des avions.\n"
         "Lundi, il a répété vouloir une coalition pour les avions.", "il", "Volodymyr Zelensky"),
    ],
)
def test_pronouns_resolve_to_the_compatible_named_speaker(text: str, pronoun: str, name: str) -> None:
    last = quotes(text)[-1]
    assert (last[2], last[3]) == (pronoun, name)


def test_participle_cue_inherits_the_speaker() -> None:
    found = quotes("« Un bon début ! », a réagi le président Volodymyr Zelensky, ajoutant : « Merci à tous ».")
    assert [(c, s, cue) for _, c, s, _, cue in found] == [
        ("Un bon début !", "Volodymyr Zelensky", "a réagi"),
        ("Merci à tous", "Volodymyr Zelensky", "ajoutant"),
    ]


def test_cleft_reports_the_previous_sentence() -> None:
    found = quotes("Londres veut bâtir une coalition pour livrer des avions. C'est ce qu'a indiqué le 10 Downing "
                   "Street mardi.")
    assert found == [("indirect", "Londres veut bâtir une coalition pour livrer des avions", "le 10 Downing Street",
                      "10 Downing Street", "a indiqué")]


@pytest.mark.parametrize(
    "text",
    [
        "Kiev a repris le contrôle de trois villages.",
        "La note publiée lundi détaille les pertes.",
        "Le Conseil de sécurité se réunira jeudi à New York.",
        "Coronavirus : le Brésil franchit le seuil des 10.000 morts",
        "Il a semblé confirmer la rumeur devant les députés.",
        "Les conventions collectives sont différentes selon les pays.",
        "Pour la première fois, les troupes ont franchi le fleuve.",
        "— Mission accomplie —\nLes troupes sont rentrées.",
        "Les aides dites sociales seront réduites.",
    ],
)
def test_no_statement_without_a_cue(text: str) -> None:
    assert quotes(text) == []


SEED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpora" / "seed-fr-2023-05-16.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/data/corpora/seed-fr-2023-05-16.txt is not available")
def test_seed_story() -> None:
    found = quotes(SEED.read_text(encoding="utf-8"))
    by_speaker = [(s, n) for _, _, s, n, _ in found]
    assert found[0][:3] == ("indirect", "avoir repris 20km carrés aux Russes autour de Bakhmout", "L’Ukraine")
    assert ("Ganna Maliar", "Ganna Maliar") in by_speaker
    assert ("a-t-elle", "Ganna Maliar") in by_speaker
    assert ("le 10 Downing Street", "10 Downing Street") in by_speaker
    assert [c for _, c, _, _, _ in found if c.startswith(("Un bon début", "Merci"))] == [
        "Un bon début pour la coalition!", "Merci à tous"]
    assert by_speaker[-1] == ("il", "Volodymyr Zelensky")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "name"),
    [
        ("Le général Oleksandr Syrsky a parlé lundi. Selon lui, les forces russes ont progressé d'environ "
         "8 kilomètres.", "les forces russes ont progressé d'environ 8 kilomètres", "lui", "Oleksandr Syrsky"),
        ("La ministre Anna Kovalenko était à Kharkiv. D'après elle, la ligne de front n'a pas bougé.",
         "la ligne de front n'a pas bougé", "elle", "Anna Kovalenko"),
        ("Le président Emmanuel Macron est arrivé à Kiev. Les pertes russes sont lourdes, selon lui.",
         "Les pertes russes sont lourdes", "lui", "Emmanuel Macron"),
    ],
)
def test_according_to_a_stressed_pronoun_resolves_to_the_previous_speaker(
        text: str, content: str, speaker: str, name: str) -> None:
    assert ("according_to", content, speaker, name, None) in [(k, c, s, n, None) for k, c, s, n, _ in quotes(text)]


def test_selon_a_common_noun_is_no_source() -> None:
    assert quotes("Selon les pays, la règle change beaucoup.") == []
