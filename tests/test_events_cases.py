"""The events stage's argument, modality, merge and claim rules, case by case, in French and English.

The argument cases run the events stage alone on hand-set mentions (the helper of ``test_events_fr``), so they
test this stage's rules; the claim cases at the end run the whole default pipeline (they also depend on the quotes
and entities stages) and check that the claimant of an event is the speaker of every kind of quote.
"""

from __future__ import annotations

import functools

import pytest
from spacy.tokens import Span

from sitrep import extract
from sitrep.pipeline.attrs import DocInfo, EntityInfo, PlaceAttrs
from tests.test_events_en import ENTITIES as EN_ENTITIES
from tests.test_events_fr import ENTITIES as FR_ENTITIES
from tests.test_events_fr import Found, _mark, _pipeline, analyse

FR = {
    **FR_ENTITIES,
    "Union européenne": ("EU", "organization", None),
    "Belgorod": ("BEL", "location", "RU"),
    "les Russes": ("RUSSIANS", "group", "RU"),
    "ONU": ("UN", "organization", None),
    "la junte": ("JUNTA", "group", "NE"),
    "France": ("FR", "location", "FR"),
}
EN = {
    **EN_ENTITIES,
    "the Russians": ("RUSSIANS", "group", "RU"),
    "Belgorod": ("BEL", "location", "RU"),
    "the UN": ("UN", "organization", None),
    "Putin": ("PUTIN2", "other", None),  # a name the entities stage could not type
}

fr = functools.partial(analyse, lang="fr", entities=FR)
en = functools.partial(analyse, lang="en", entities=EN)


def _of_type(found: list[Found], kind: str) -> Found:
    match = [f for f in found if f.type == kind]
    assert match, found
    return match[0]


# -- actors and recipients -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence", "kind", "actors", "recipients"),
    [
        # a relative clause on a noun trigger names who does it; a planning verb there makes it future
        ("fr", "La contre-offensive très attendue que Kiev prépare n'a pas commencé.", "ASSAULT", ("Kiev",), ()),
        ("en", "The long-awaited counteroffensive that Kyiv is preparing has not begun.", "ASSAULT", ("Kyiv",), ()),
        # a possessive determiner stands for the most recent fitting entity, or the subject it fronts
        ("fr", "Moscou reste responsable des crimes causés par son invasion de l'Ukraine.", "ASSAULT", ("Moscou",),
         ("Ukraine",)),
        ("fr", "Deux ans après le début de son invasion de l'Ukraine, la Russie occupe un cinquième du pays.",
         "ASSAULT", ("Russie",), ("Ukraine",)),
        ("en", "Moscow is accountable for the crimes of its invasion of Ukraine.", "ASSAULT", ("Moscow",),
         ("Ukraine",)),
        # stopping an act: the one who stops it is its target
        ("fr", "Les forces ukrainiennes ont stoppé l'avancée russe près de Kharkiv.", "ASSAULT", (),
         ("les forces ukrainiennes",)),
        ("en", "Ukrainian troops halted the Russian advance near Kharkiv.", "ASSAULT", (), ("Ukrainian troops",)),
        # participants of a meeting act, not the body that hosts it
        ("fr", "Réunis lors d'un sommet de l'Union européenne, Emmanuel Macron et Olaf Scholz ont discuté de "
         "l'Ukraine.", "CONSULT", ("Emmanuel Macron", "Olaf Scholz"), ()),
        # the people of a body act for it
        ("fr", "Les dirigeants de l'Union européenne ont rencontré Volodymyr Zelensky.", "CONSULT",
         ("Union européenne",), ("Volodymyr Zelensky",)),
        ("en", "The leaders of the European Union met Volodymyr Zelensky.", "CONSULT", ("the European Union",),
         ("Volodymyr Zelensky",)),
        # a coordinated verb shares its subject and auxiliary
        ("fr", "Vladimir Poutine a décrété la mobilisation et menacé la Pologne.", "THREATEN", ("Vladimir Poutine",),
         ("Pologne",)),
        # a demand or threat concerns the party its complement names, under any preposition
        ("fr", "Moscou menace de rompre ses relations avec Londres.", "THREATEN", ("Moscou",), ("Londres",)),
        ("en", "Washington threatened to cut ties with Iran.", "THREATEN", ("Washington",), ("Iran",)),
        ("fr", "La junte menace d'intervenir militairement en France si Paris refuse.", "THREATEN", ("la junte",),
         ("France",)),
        # an answer to someone's proposal or call: its author is the recipient
        ("fr", "Kiev a rejeté l'ultimatum de Moscou.", "REJECT", ("Kiev",), ("Moscou",)),
        ("en", "Israel rejected calls by Washington for a ceasefire.", "REJECT", ("Israel",), ("Washington",)),
        # the party named inside a gapped pattern ("appeler X à")
        ("fr", "L'ONU a appelé Israël à autoriser plus de convois.", "REQUEST", ("ONU",), ("Israël",)),
        # the owner named in a hostile verb's object
        ("fr", "Israël a bombardé dans la nuit des positions du Hamas.", "ASSAULT", ("Israël",), ("Hamas",)),
        # a verb with its object is no bare participle
        ("en", "Russian forces wounded two soldiers of Ukraine overnight.", "ASSAULT", ("Russian forces",),
         ("Ukraine",)),
        # demonym groups and metonymic capitals act
        ("fr", "Les Russes ont bombardé Kharkiv dans la nuit.", "ASSAULT", ("les Russes",), ("Kharkiv",)),
        ("en", "The Russians shelled Kharkiv overnight.", "ASSAULT", ("the Russians",), ("Kharkiv",)),
        ("fr", "Moscou a bombardé Kharkiv mardi.", "ASSAULT", ("Moscou",), ("Kharkiv",)),
        ("en", "Kyiv struck Belgorod on Wednesday.", "ASSAULT", ("Kyiv",), ("Belgorod",)),
        # a name the entities stage could not type acts right before its verb
        ("en", "On Monday, Putin threatened Poland.", "THREATEN", ("Putin",), ("Poland",)),
        # a measure, withdrawal or protest with no party named is about the place it is carried out in
        ("en", "Turkish police imposed a curfew in the town of Kharkiv.", "COERCE", ("police",), ("Kharkiv",)),
        ("fr", "Les manifestants ont défilé samedi à Kharkiv.", "PROTEST", ("les manifestants",), ("Kharkiv",)),
        # a participle after a comma says something of the mention just before it, whatever governs that mention
        ("fr", "Israël a bombardé des positions du Hamas, soutenu par l'Iran.", "SUPPORT", ("Iran",), ("Hamas",)),
        # a subordinate clause with a subject of its own does not take the sentence's
        ("en", "Rishi Sunak resigned as the opposition threatened to block the budget.", "THREATEN", (), ()),
    ],
)  # fmt: skip
def test_arguments(lang: str, sentence: str, kind: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> None:
    event = _of_type((fr if lang == "fr" else en)(sentence), kind)
    assert (set(event.actors), set(event.recipients)) == (set(actors), set(recipients)), event


@pytest.mark.parametrize(
    ("lang", "sentence", "kind", "modality"),
    [
        # cues after a noun trigger: a relative clause of planning, a participle next to it
        ("fr", "La contre-offensive très attendue que Kiev prépare n'a pas commencé.", "ASSAULT", "future"),
        ("fr", "L'offensive prévue par Moscou inquiète Kiev.", "ASSAULT", "future"),
        ("fr", "Une attaque éventuelle de la Russie contre la Pologne inquiète Varsovie.", "ASSAULT", "hypothetical"),
        ("en", "The long-awaited counteroffensive that Kyiv is preparing has not begun.", "ASSAULT", "future"),
        ("en", "The offensive that Russia plans worries Kyiv.", "ASSAULT", "future"),
        # not across a comma
        ("en", "The Russian offensive near Kharkiv, expected by analysts, began on Monday.", "ASSAULT", "actual"),
        # negated, hypothetical and future in the clause itself
        ("fr", "La Pologne ne livrera plus d'armes à l'Ukraine.", "AID", "negated"),
        ("en", "Poland will not deliver more weapons to Ukraine.", "AID", "negated"),
        ("fr", "L'envoi de troupes en Ukraine pourrait être décidé.", "MOBILIZE", "hypothetical"),
        ("en", "Britain will deliver tanks to Ukraine next month.", "AID", "future"),
        # ruling out denies; not ruling out makes possible
        ("fr", "Emmanuel Macron exclut d'envoyer des troupes en Ukraine.", "MOBILIZE", "negated"),
        ("fr", "Emmanuel Macron n'exclut pas d'envoyer des troupes en Ukraine.", "MOBILIZE", "hypothetical"),
        ("en", "Emmanuel Macron ruled out sending troops to Ukraine.", "MOBILIZE", "negated"),
        ("en", "Emmanuel Macron did not rule out sending troops to Ukraine.", "MOBILIZE", "hypothetical"),
    ],
)  # fmt: skip
def test_modality(lang: str, sentence: str, kind: str, modality: str) -> None:
    assert _of_type((fr if lang == "fr" else en)(sentence), kind).modality == modality


@pytest.mark.parametrize(
    ("lang", "text", "place", "time", "quantity"),
    [
        ("fr", "L'armée russe a bombardé des positions près de Kharkiv lundi, et Kiev a envoyé 300 soldats près de "
         "Bakhmout mardi.", "Kharkiv", "lundi", ()),
        ("en", "Russian forces shelled positions near Kharkiv on Monday, while Kyiv deployed 300 soldiers near Bakhmut "
         "on Tuesday.", "Kharkiv", "Monday", ()),
    ],
)  # fmt: skip
def test_place_time_and_quantity_of_the_clause(lang: str, text: str, place: str, time: str,
                                                quantity: tuple[str, ...]) -> None:  # fmt: skip
    places = ("Kharkiv", "Bakhmout", "Bakhmut")
    times = ("lundi", "mardi", "Monday", "Tuesday")
    found = (fr if lang == "fr" else en)(text, places=places, times=times, quantities=("300 soldats", "300 soldiers"))
    first = _of_type(found, "ASSAULT")
    assert (first.place, first.time, first.quantities) == (place, time, quantity)
    second = _of_type(found, "MOBILIZE")
    assert second.place in ("Bakhmout", "Bakhmut") and second.time in ("mardi", "Tuesday")
    assert second.quantities in (("300 soldats",), ("300 soldiers",))


@pytest.mark.parametrize(
    ("lang", "sentence", "trigger", "kind"),
    [
        # among readings of one verb, the one whose needed word stands next to it
        ("fr", "Le Hamas a libéré dimanche treize otages, avant un nouveau cessez-le-feu à Gaza et en Israël.",
         "libéré", "CONCEDE"),
        ("fr", "L'armée ukrainienne a libéré le village de Robotyne.", "libéré", "ASSAULT"),
        # denouncing a treaty is leaving it, not accusing
        ("fr", "La junte a dénoncé les accords de défense qui la liaient à la France.", "dénoncé les accords",
         "REJECT"),
        ("fr", "Kiev a dénoncé les frappes russes sur Kharkiv.", "dénoncé", "ACCUSE"),
        # launching weapons or an attack is an assault; launching an appeal is not
        ("fr", "L'armée russe a lancé dans la nuit une trentaine de drones contre Kharkiv.", "lancé", "ASSAULT"),
        ("en", "Russian forces launched dozens of drones at Kharkiv.", "launched", "ASSAULT"),
        ("fr", "L'envoi de troupes en Ukraine n'est pas exclu.", "envoi de troupes", "MOBILIZE"),
        # executing people is an assault; executing a plan is no event
        ("fr", "Les soldats ont exécuté des prisonniers près du village.", "exécuté", "ASSAULT"),
        ("en", "Militants executed five hostages on Sunday.", "executed", "ASSAULT"),
    ],
)  # fmt: skip
def test_readings(lang: str, sentence: str, trigger: str, kind: str) -> None:
    found = (fr if lang == "fr" else en)(sentence)
    assert any(f.trigger == trigger and f.type == kind for f in found), found


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("fr", "Le gouvernement a exécuté son plan de relance."), ("en", "The ministry executed the budget plan.")],
)
def test_executing_a_plan_is_no_event(lang: str, sentence: str) -> None:
    assert (fr if lang == "fr" else en)(sentence) == []


def test_launching_an_appeal_is_no_assault() -> None:
    assert not [f for f in fr("La Russie a lancé un appel au dialogue.") if f.type == "ASSAULT"]


# -- one event told in the headline and in the lead ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "actors", "recipients"),
    [
        ("fr", "Kharkiv visée par des drones russes\nL'armée russe a lancé dans la nuit des drones contre Kharkiv.",
         "lancé", ("l'armée russe",), ("Kharkiv",)),
        ("en", "Kharkiv hit by Russian drones\nRussian forces launched drones at Kharkiv overnight.",
         "launched", ("Russian forces",), ("Kharkiv",)),
    ],
)  # fmt: skip
def test_a_headline_event_told_again_in_the_lead_is_one(
    lang: str, text: str, trigger: str, actors: tuple[str, ...], recipients: tuple[str, ...]
) -> None:
    found = [f for f in (fr if lang == "fr" else en)(text) if f.type == "ASSAULT"]
    assert len(found) == 1, found
    assert (found[0].trigger, found[0].actors, found[0].recipients) == (trigger, actors, recipients)


@pytest.mark.parametrize(
    "text",
    [
        # no line break after the first sentence: no headline
        "L'armée russe a bombardé Kharkiv. L'armée russe a lancé des drones contre Kharkiv.",
        # the two sides name different targets
        "Kharkiv visée par des drones russes\nL'armée russe a lancé des drones contre Bakhmout.",
    ],
)
def test_events_that_are_not_the_headlines_are_kept(text: str) -> None:
    assert len([f for f in fr(text) if f.type == "ASSAULT"]) == 2


# -- who claims it (whole pipeline) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "claimant"),
    [
        ("fr", "« Nos troupes ont repris deux villages près de Bakhmout », a déclaré Ganna Maliar.", "Ganna Maliar"),
        ("fr", "Ganna Maliar a affirmé que les troupes ukrainiennes avaient repris deux villages près de Bakhmout.",
         "Ganna Maliar"),
        ("fr", "Ganna Maliar a affirmé que les troupes ukrainiennes avaient « repris deux villages » près de "
         "Bakhmout.", "Ganna Maliar"),
        ("fr", "Selon Ganna Maliar, les troupes ukrainiennes ont repris deux villages près de Bakhmout.",
         "Ganna Maliar"),
        ("fr", "L'Ukraine dit avoir repris deux villages près de Bakhmout.", "Ukraine"),
        ("fr", "Les troupes ukrainiennes ont repris deux villages près de Bakhmout.", None),
        ("en", '"Our troops retook two villages near Bakhmut," Ganna Maliar said.', "Ganna Maliar"),
        ("en", "Ganna Maliar said that Ukrainian troops had retaken two villages near Bakhmut.", "Ganna Maliar"),
        ("en", 'Ganna Maliar said that Ukrainian troops had "retaken two villages" near Bakhmut.', "Ganna Maliar"),
        ("en", "According to Ganna Maliar, Ukrainian troops retook two villages near Bakhmut.", "Ganna Maliar"),
        ("en", "Ukraine says it retook two villages near Bakhmut.", "Ukraine"),
        ("en", "Ukrainian troops retook two villages near Bakhmut.", None),
    ],
)  # fmt: skip
def test_the_claimant_is_the_speaker_of_every_kind_of_quote(lang: str, text: str, claimant: str | None) -> None:
    report = extract(text, lang=lang, published="2024-03-12")
    events = [e for e in report.events if e.type == "ASSAULT"]
    assert len(events) == 1, report.events
    claim = events[0].claimed_by
    assert (claim.name if claim is not None else None) == claimant
    if claim is not None:
        assert claim.quote in {q.id for q in report.quotes}


@pytest.mark.parametrize(("metonymic", "actors"), [(True, ("KYIV",)), (False, ())])
def test_a_metonymic_capital_speaks_for_its_country(metonymic: bool, actors: tuple[str, ...]) -> None:
    """Where the places stage reads Kiev as Ukraine's government ("Kiev n'a pas confirmé"), the Ukrainian attack
    that Russian forces repelled has Kiev as its actor; a mere city does not speak for its country."""
    nlp = _pipeline("fr")
    doc = nlp.make_doc("Les forces russes ont repoussé une attaque ukrainienne. Kiev n'a pas confirmé.")
    doc._.sitrep = DocInfo(entities={"KYIV": EntityInfo("location", "Kiev", {"country": "UA"}),
                                     "RUFORCES": EntityInfo("group", "forces russes", {"country": "RU"})})  # fmt: skip
    doc = nlp.get_pipe("sentences")(doc)
    kiev, forces = _mark(doc, "Kiev")[0], _mark(doc, "forces russes")[0]
    kiev.id_, forces.id_ = "KYIV", "RUFORCES"
    doc.spans["entities"] = [forces, kiev]
    place = Span(doc, kiev.start, kiev.end)
    place._.place = PlaceAttrs(name="Kyiv", country="UA", feature="city", metonymic=metonymic)
    doc.spans["places"] = [place]
    doc = nlp.get_pipe("events")(doc)
    event = next(s._.event for s in doc.spans["events"] if s._.event is not None and s._.event.type == "ASSAULT")
    assert (event.actors, event.recipients) == (actors, ("RUFORCES",))


def test_we_said_by_a_person_makes_the_speaker_act_and_our_troops_do_not() -> None:
    report = extract("« Nous ne céderons aucun territoire », a déclaré Dmytro Kouleba.", lang="fr")
    names = {e.id: e.name for e in report.entities}
    event = next(e for e in report.events if e.type == "CONCEDE")
    assert ([names[a] for a in event.actors], event.modality) == (["Dmytro Kouleba"], "negated")
    report = extract("« Nos troupes ont repris deux villages », a déclaré Dmytro Kouleba.", lang="fr")
    assert next(e for e in report.events if e.type == "ASSAULT").actors == ()


@pytest.mark.parametrize(
    ("lang", "text", "content", "speaker", "kind", "actors"),
    [
        # a reported content that opens after its infinitive marker is the speaker's act
        ("en", "Britain has promised to deliver tanks to Ukraine.", "deliver tanks to Ukraine", "Britain", "AID",
         ("Britain",)),
        ("en", "Rishi Sunak has promised to continue military aid to Ukraine.", "continue military aid to Ukraine",
         "Rishi Sunak", "AID", ("Rishi Sunak",)),
        ("fr", "L'Ukraine dit avoir repris deux villages.", "avoir repris deux villages", "Ukraine", "ASSAULT",
         ("Ukraine",)),
    ],
)  # fmt: skip
def test_a_reported_infinitive_is_the_speakers(lang: str, text: str, content: str, speaker: str, kind: str,
                                               actors: tuple[str, ...]) -> None:  # fmt: skip
    found = (fr if lang == "fr" else en)(text, quotes=((content, speaker),))
    event = _of_type(found, kind)
    assert event.actors == actors, event


@pytest.mark.parametrize(
    ("lang", "text", "main", "background"),
    [
        ("fr", "La police a arrêté 200 personnes lors des manifestations contre la réforme.", "COERCE", "PROTEST"),
        ("fr", "Rishi Sunak a exprimé son soutien à Israël lors d'un entretien téléphonique avec Netanyahou.",
         "SUPPORT", "CONSULT"),
        ("en", "Police arrested 200 people during protests against the reform.", "COERCE", "PROTEST"),
    ],
)  # fmt: skip
def test_a_background_event_is_recorded_with_less_confidence(lang: str, text: str, main: str, background: str) -> None:
    events = {e.type: e for e in extract(text, lang=lang, published="2024-01-01").events}
    assert {main, background} <= set(events), sorted(events)
    assert events[background].modality == "actual"
    assert (events[background].confidence or 0) < (events[main].confidence or 0)


@pytest.mark.parametrize("opening", ["", "\n", "\n\n"])
def test_a_headline_after_blank_lines_is_still_merged_with_its_lead(opening: str) -> None:
    text = opening + "L'armée russe a bombardé Kyiv\nLes troupes russes ont bombardé Kyiv lundi."
    assert len(extract(text, lang="fr", published="2024-01-02").events) == 1
