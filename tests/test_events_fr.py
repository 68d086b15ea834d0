"""The events stage on French news sentences: PLOVER type, actors and recipients, modality and claims.

Most cases run the events stage alone on a Doc whose entity mentions (and, for claims, quotes) are set by hand,
so they test this stage's rules and not the entities or quotes stages. The seed-story cases at the end run the
whole default pipeline: they also depend on the other stages and are end-to-end checks.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep import extract
from sitrep.config import Options
from sitrep.pipeline.attrs import DocInfo, EntityInfo, QuoteAttrs
from sitrep.pipeline.build import build_pipeline

# Entities the cases name: surface form -> (key, kind, country).
ENTITIES: dict[str, tuple[str, str, str | None]] = {
    "Russie": ("RU", "location", "RU"),
    "Moscou": ("MOW", "location", "RU"),
    "Kremlin": ("KRE", "organization", "RU"),
    "Ukraine": ("UA", "location", "UA"),
    "Kiev": ("KYIV", "location", "UA"),
    "Kharkiv": ("KHA", "location", "UA"),
    "Bakhmout": ("BAK", "location", "UA"),
    "Londres": ("LON", "location", "GB"),
    "Washington": ("WAS", "location", "US"),
    "Pologne": ("PL", "location", "PL"),
    "Iran": ("IR", "location", "IR"),
    "Israël": ("IL", "location", "IL"),
    "Hamas": ("HAMAS", "organization", "PS"),
    "Union européenne": ("EU", "organization", None),
    "l'armée russe": ("RUARMY", "group", "RU"),
    "les troupes russes": ("RUTROOPS", "group", "RU"),
    "les forces ukrainiennes": ("UAFORCES", "group", "UA"),
    "les manifestants": ("PROTESTERS", "group", None),
    "la police": ("POLICE", "organization", None),
    "Emmanuel Macron": ("MACRON", "person", "FR"),
    "Volodymyr Zelensky": ("ZELENSKY", "person", "UA"),
    "Vladimir Poutine": ("PUTIN", "person", "RU"),
    "Rishi Sunak": ("SUNAK", "person", "GB"),
    "Olaf Scholz": ("SCHOLZ", "person", "DE"),
    "Ganna Maliar": ("MALIAR", "person", "UA"),
    "Daniel Hagari": ("HAGARI", "person", "IL"),
    "l'opposant Ilia Iachine": ("IACHINE", "person", "RU"),
}


@dataclass(frozen=True)
class Found:
    type: str
    trigger: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    modality: str
    mode: str | None
    context: tuple[str, ...]
    claimed_by: str | None  # the speaker entity key of the claiming quote
    place: str | None
    time: str | None
    quantities: tuple[str, ...]


@functools.cache
def _pipeline(lang: str) -> Language:
    return build_pipeline(lang, stages=("events",))


def _mark(doc: Doc, surface: str) -> list[Span]:
    spans = []
    for hit in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", doc.text, flags=re.IGNORECASE):
        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def analyse(text: str, lang: str = "fr", *, entities: dict[str, tuple[str, str, str | None]] = ENTITIES,
            quotes: tuple[tuple[str, str], ...] = (), places: tuple[str, ...] = (), times: tuple[str, ...] = (),
            quantities: tuple[str, ...] = ()) -> list[Found]:  # fmt: skip
    """Run the events stage on ``text`` with hand-set mentions, quotes (content, speaker surface), places..."""
    nlp = _pipeline(lang)
    doc = nlp.make_doc(text)
    info = DocInfo(published=dt.date(2023, 5, 16))
    doc._.sitrep = info
    doc = nlp.get_pipe("sentences")(doc)
    mentions: list[Span] = []
    taken: set[int] = set()
    for surface in sorted(entities, key=len, reverse=True):
        key, kind, country = entities[surface]
        for span in _mark(doc, surface):
            if taken.intersection(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            mention = Span(doc, span.start, span.end, label=kind)
            mention.id_ = key
            mentions.append(mention)
            info.entities[key] = EntityInfo(kind, surface, {"country": country} if country else {})
    doc.spans["entities"] = mentions
    quote_spans = []
    for content, speaker in quotes:
        span = _mark(doc, content)[0]
        who = _mark(doc, speaker)[0]
        span._.quote = QuoteAttrs(kind="direct", speaker=who, speaker_entity=entities[speaker][0])
        quote_spans.append(span)
    doc.spans["quotes"] = quote_spans
    doc.spans["places"] = [s for p in places for s in _mark(doc, p)]
    doc.spans["times"] = [s for t in times for s in _mark(doc, t)]
    doc.spans["quantities"] = [s for q in quantities for s in _mark(doc, q)]
    doc = nlp.get_pipe("events")(doc)
    names = {key: surface for surface, (key, _, _) in entities.items()}
    out = []
    for span in doc.spans["events"]:
        ev = span._.event
        claim = ev.quote._.quote.speaker_entity if ev.quote is not None else None
        out.append(
            Found(
                ev.type, span.text, tuple(names[a] for a in ev.actors), tuple(names[r] for r in ev.recipients),
                ev.modality, ev.mode, ev.context, claim, ev.place.text if ev.place is not None else None,
                ev.time.text if ev.time is not None else None, tuple(q.text for q in ev.quantities),
            )
        )  # fmt: skip
    return out


def only(text: str, **kwargs: object) -> Found:
    found = analyse(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


# -- the 16 types, with actor and recipient -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "actors", "recipients"),
    [
        ("L'Iran et l'Union européenne ont conclu un accord sur le nucléaire.", "AGREE",
         ("Union européenne", "Iran"), ()),
        ("Emmanuel Macron a rencontré Volodymyr Zelensky à l'Élysée.", "CONSULT",
         ("Emmanuel Macron",), ("Volodymyr Zelensky",)),
        ("Olaf Scholz s'est entretenu avec Vladimir Poutine pendant une heure.", "CONSULT",
         ("Olaf Scholz",), ("Vladimir Poutine",)),
        ("Washington soutient pleinement Kiev face à l'agression.", "SUPPORT", ("Washington",), ("Kiev",)),
        ("Le Hamas a libéré quatre otages israéliens dimanche.", "CONCEDE", ("Hamas",), ()),
        ("La Pologne et l'Ukraine vont coopérer dans le domaine de la défense aérienne.", "COOPERATE",
         ("Ukraine", "Pologne"), ()),
        ("Londres a livré des missiles de croisière à l'Ukraine.", "AID", ("Londres",), ("Ukraine",)),
        ("Les troupes russes se sont retirées de la rive droite du Dniepr.", "RETREAT", ("les troupes russes",), ()),
        ("Volodymyr Zelensky a exhorté Washington à accélérer ses livraisons.", "REQUEST",
         ("Volodymyr Zelensky",), ("Washington",)),
        ("Moscou a accusé Kiev d'avoir saboté le pont de Crimée.", "ACCUSE", ("Moscou",), ("Kiev",)),
        ("L'Iran a rejeté la proposition de l'Union européenne.", "REJECT", ("Iran",), ("Union européenne",)),
        ("Vladimir Poutine a menacé la Pologne de représailles.", "THREATEN", ("Vladimir Poutine",), ("Pologne",)),
        ("Les manifestants ont défilé samedi dans le centre de Tbilissi.", "PROTEST", ("les manifestants",), ()),
        ("L'Union européenne a adopté de nouvelles sanctions contre la Russie.", "SANCTION",
         ("Union européenne",), ("Russie",)),
        ("La Pologne a déployé des milliers de soldats le long de sa frontière.", "MOBILIZE", ("Pologne",), ()),
        ("La police a arrêté l'opposant Ilia Iachine à Moscou.", "COERCE", ("la police",),
         ("l'opposant Ilia Iachine",)),
        ("L'armée russe a bombardé Kharkiv dans la nuit.", "ASSAULT", ("l'armée russe",), ("Kharkiv",)),
    ],
)  # fmt: skip
def test_types_and_arguments(sentence: str, kind: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> None:
    found = [f for f in analyse(sentence) if f.type == kind]
    assert found, analyse(sentence)
    event = found[0]
    assert set(event.actors) == set(actors)
    assert set(event.recipients) == set(recipients)


# -- voices: passive, inverse verbs, nouns, metonymic capitals, coordination ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "actors", "recipients"),
    [
        # passive with a "par" agent: the subject is the target
        ("Kharkiv a été bombardée par l'armée russe dans la nuit.", "ASSAULT", ("l'armée russe",), ("Kharkiv",)),
        ("Kiev a été frappée mardi.", "ASSAULT", (), ("Kiev",)),
        # inverse verbs: the subject receives, the complement acts
        ("Kiev a reçu le soutien de Londres.", "SUPPORT", ("Londres",), ("Kiev",)),
        ("Kiev a repoussé dans la nuit un déluge de missiles russes, puis la Russie a démenti.", "ASSAULT",
         ("Russie",), ("Kiev",)),
        # noun triggers: nationality adjective as actor, "sur"/"contre" target
        ("La Russie dément, mais les frappes russes sur Kharkiv ont fait trois morts.", "ASSAULT",
         ("Russie",), ("Kharkiv",)),
        ("L'invasion de l'Ukraine par la Russie a commencé en février 2022.", "ASSAULT", ("Russie",), ("Ukraine",)),
        # a relative clause takes its antecedent as actor
        ("Kiev, qui a reçu le soutien de Londres, a bombardé Bakhmout.", "ASSAULT", ("Kiev",), ("Bakhmout",)),
        # a participle without auxiliary reads as a passive on the noun before it
        ("Kharkiv, bombardée par l'armée russe, reste privée d'électricité.", "ASSAULT", ("l'armée russe",),
         ("Kharkiv",)),
        ("Moscou a imputé l'attaque à Kiev.", "ACCUSE", ("Moscou",), ("Kiev",)),
        # coordinated actors
        ("Londres et Washington ont livré des chars à l'Ukraine.", "AID", ("Londres", "Washington"), ("Ukraine",)),
        # a pronoun subject takes the previous sentence's subject
        ("Rishi Sunak a reçu Volodymyr Zelensky. Il a promis des missiles à l'Ukraine.", "AGREE",
         ("Rishi Sunak",), ("Ukraine",)),
    ],
)  # fmt: skip
def test_voices(sentence: str, kind: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> None:
    found = [f for f in analyse(sentence) if f.type == kind]
    assert found, analyse(sentence)
    assert set(found[0].actors) == set(actors), found
    assert set(found[0].recipients) == set(recipients), found


# -- modality -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "modality"),
    [
        ("Londres a livré des chars à l'Ukraine.", "AID", "actual"),
        ("Rishi Sunak s'est engagé à livrer prochainement des missiles à l'Ukraine.", "AID", "future"),
        ("Washington va livrer des chars à l'Ukraine.", "AID", "future"),
        ("Londres livrera des missiles à Kiev cet été.", "AID", "future"),
        ("La Pologne prévoit de déployer des soldats à sa frontière.", "MOBILIZE", "future"),
        ("La Russie pourrait lancer une nouvelle offensive au printemps.", "ASSAULT", "hypothetical"),
        ("Si Moscou attaque la Pologne, l'OTAN répondra.", "ASSAULT", "hypothetical"),
        ("L'armée russe bombarderait Kharkiv depuis des semaines.", "ASSAULT", "hypothetical"),
        ("L'armée russe n'a pas bombardé Kharkiv cette nuit.", "ASSAULT", "negated"),
        ("Le Kremlin a démenti avoir bombardé Kharkiv.", "ASSAULT", "negated"),
        # a background event in the past is actual
        ("Volodymyr Zelensky avait rencontré Emmanuel Macron en février.", "CONSULT", "actual"),
    ],
)  # fmt: skip
def test_modality(sentence: str, kind: str, modality: str) -> None:
    found = [f for f in analyse(sentence) if f.type == kind]
    assert found, analyse(sentence)
    assert found[0].modality == modality


def test_a_pledge_without_an_event_is_an_agreement() -> None:
    event = only("Vladimir Poutine a promis une réponse rapide.")
    assert (event.type, event.actors, event.modality) == ("AGREE", ("Vladimir Poutine",), "actual")


def test_a_denial_without_an_event_is_a_rejection() -> None:
    event = only("Le Kremlin a démenti ces informations.")
    assert (event.type, event.actors) == ("REJECT", ("Kremlin",))


def test_a_demand_takes_its_complement_in() -> None:
    event = only("Volodymyr Zelensky exige que la Russie retire ses troupes de Bakhmout.")
    assert (event.type, event.actors, event.recipients) == ("REQUEST", ("Volodymyr Zelensky",), ("Russie",))


# -- mode and context -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "mode", "context"),
    [
        ("L'armée russe a frappé Kharkiv avec des drones.", "ASSAULT", "drone", "military"),
        ("L'armée russe a frappé Kharkiv avec des missiles.", "ASSAULT", "aerial", "military"),
        ("L'armée russe a pilonné Bakhmout.", "ASSAULT", "heavy-weapons", "military"),
        ("Les troupes russes ont détruit le pont à coups d'artillerie.", "ASSAULT", "heavy-weapons", "military"),
        ("Emmanuel Macron s'est entretenu par téléphone avec Vladimir Poutine.", "CONSULT", "phone", "diplomatic"),
        ("Emmanuel Macron a effectué une visite à Kiev.", "CONSULT", "visit", "diplomatic"),
        ("La police a arrêté l'opposant Ilia Iachine.", "COERCE", "arrest", None),
        ("Les forces ukrainiennes ont repris 20 km² à l'armée russe.", "ASSAULT", None, "territory"),
        ("Les troupes russes se sont repliées sur la rive gauche.", "RETREAT", "withdraw", "territory"),
        ("Un attentat a visé une église de Moscou.", "ASSAULT", "explosives", "terrorism"),
    ],
)  # fmt: skip
def test_mode_and_context(sentence: str, kind: str, mode: str | None, context: str | None) -> None:
    found = [f for f in analyse(sentence, quantities=("20 km²",)) if f.type == kind]
    assert found, analyse(sentence)
    assert found[0].mode == mode
    if context:
        assert context in found[0].context


# -- claims -----------------------------------------------------------------------------------------------------


def test_an_event_inside_a_quote_is_claimed_by_its_speaker() -> None:
    text = ("L'Ukraine reprend du terrain. "
            '"Ces derniers jours, nos troupes ont libéré environ 20 kilomètres carrés au nord et au sud" de '
            "Bakhmout, a indiqué la vice-ministre ukrainienne de la Défense, Ganna Maliar.")  # fmt: skip
    found = analyse(
        text,
        quotes=(("Ces derniers jours, nos troupes ont libéré environ 20 kilomètres carrés au nord et au sud",
                 "Ganna Maliar"),),
        places=("Bakhmout",),
        times=("Ces derniers jours",),
        quantities=("environ 20 kilomètres carrés",),
    )  # fmt: skip
    event = next(f for f in found if f.trigger == "libéré")
    assert (event.type, event.modality, event.claimed_by) == ("ASSAULT", "actual", "MALIAR")
    assert "territory" in event.context
    # "nos troupes" said by a Ukrainian official: the Ukrainian side, as the article names it
    assert event.actors == ("Ukraine",)
    assert next(f for f in found if f.trigger == "reprend").claimed_by is None
    assert (event.place, event.time, event.quantities) == (
        "Bakhmout", "Ces derniers jours", ("environ 20 kilomètres carrés",))  # fmt: skip


def test_an_event_in_the_articles_own_voice_is_not_claimed() -> None:
    text = 'Kiev a repoussé un déluge de missiles russes. "Nous tiendrons", a déclaré Volodymyr Zelensky.'
    found = analyse(text, quotes=(("Nous tiendrons", "Volodymyr Zelensky"),))
    assault = next(f for f in found if f.type == "ASSAULT")
    assert assault.claimed_by is None


def test_a_denial_in_a_quote_is_negated_and_claimed() -> None:
    text = "L'armée israélienne n'a pas frappé l'hôpital, a affirmé le porte-parole Daniel Hagari."
    event = only(text, entities={**ENTITIES, "L'armée israélienne": ("ILARMY", "group", "IL")},
                 quotes=(("L'armée israélienne n'a pas frappé l'hôpital", "Daniel Hagari"),))  # fmt: skip
    assert (event.type, event.modality, event.claimed_by, event.actors) == (
        "ASSAULT", "negated", "HAGARI", ("L'armée israélienne",))  # fmt: skip


# -- place, time and quantities are those of the event's clause --------------------------------------------------


def test_arguments_of_the_clause_not_of_the_sentence() -> None:
    text = "Lundi, l'armée russe a bombardé Kharkiv, tandis que mardi les forces ukrainiennes ont repris Bakhmout."
    found = analyse(text, places=("Kharkiv", "Bakhmout"), times=("Lundi", "mardi"))
    by_type = {f.trigger: f for f in found}
    assert by_type["bombardé"].time == "Lundi"
    assert by_type["repris"].time == "mardi"
    assert by_type["repris"].place == "Bakhmout"


def test_no_event_in_plain_description() -> None:
    assert analyse("Kiev est la capitale de l'Ukraine depuis 1991.") == []


def test_the_stage_runs_without_the_other_stages() -> None:
    report = extract("L'armée russe a bombardé Kharkiv.", lang="fr", options=_events_only())
    assert [e.type for e in report.events] == ["ASSAULT"]
    assert report.events[0].actors == ()  # no entities stage: no actor


def _events_only() -> Options:
    return Options(stages=("events",))


# -- the language data --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_plover_type_has_triggers(lang: str) -> None:
    from sitrep.pipeline.eventing.lexicon import compile_lexicon
    from sitrep.report import EVENT_TYPES
    from sitrep.resources import load_resources

    lex = compile_lexicon(load_resources(lang))
    types = {t.type for rows in lex.triggers.values() for t in rows}
    assert set(EVENT_TYPES) <= types


def test_the_speaker_after_a_quote_is_no_argument_of_its_events() -> None:
    text = "Trois soldats ont été tués lors de l'attaque, a déclaré Volodymyr Zelensky."
    found = analyse(text, quotes=(("Trois soldats ont été tués lors de l'attaque", "Volodymyr Zelensky"),))
    killed = next(f for f in found if f.trigger == "tués")
    assert (killed.actors, killed.recipients, killed.claimed_by) == ((), (), "ZELENSKY")


def test_a_pronoun_in_a_reported_clause_is_its_speaker() -> None:
    text = "Rishi Sunak a affirmé qu'il livrerait des missiles à l'Ukraine."
    found = analyse(text, quotes=(("qu'il livrerait des missiles à l'Ukraine", "Rishi Sunak"),))
    aid = next(f for f in found if f.type == "AID")
    assert (aid.actors, aid.recipients, aid.claimed_by) == (("Rishi Sunak",), ("Ukraine",), "SUNAK")
    assert aid.modality == "hypothetical"  # the conditional of reported speech reads as hypothetical


# -- reported infinitives and shoot-downs: the claimant acts, the weapon's nationality is the target ------------


def by_trigger(found: list[Found], word: str) -> Found:
    """The event found whose trigger starts with ``word`` (the English tests use it too)."""
    hit = [f for f in found if f.trigger.split()[0] == word]
    assert hit, found
    return hit[0]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "trigger", "actors", "recipients"),
    [
        # "X affirme avoir <verbe>": X, the implicit subject, did it; the adjective on the weapon names the target
        ("L'Ukraine a lancé des drones. Le Kremlin affirme avoir abattu douze drones ukrainiens au-dessus de la mer.",
         "avoir abattu douze drones ukrainiens au-dessus de la mer", "Kremlin", "abattu", ("Kremlin",), ("Ukraine",)),
        # no entity of that country in the article: no recipient rather than a wrong one
        ("Le Kremlin assure avoir abattu douze drones ukrainiens au-dessus de la Crimée.",
         "avoir abattu douze drones ukrainiens au-dessus de la Crimée", "Kremlin", "abattu", ("Kremlin",), ()),
        ("La Russie a tiré des missiles sur Kharkiv. L'Ukraine dit avoir intercepté vingt missiles russes.",
         "avoir intercepté vingt missiles russes", "Ukraine", "intercepté", ("Ukraine",), ("Russie",)),
        # a noun after a light verb is the speaker's act
        ("Kiev affirme avoir lancé une contre-offensive dans le sud.", "avoir lancé une contre-offensive dans le sud",
         "Kiev", "contre-offensive", ("Kiev",), ()),
        # a noun after another verb is not: the advance stopped is the other side's
        ("La Russie a lancé une offensive terrestre. Les forces ukrainiennes affirment avoir stoppé l'avancée des "
         "soldats russes près de Kharkiv.", "avoir stoppé l'avancée des soldats russes près de Kharkiv",
         "les forces ukrainiennes", "avancée", ("Russie",), ("les forces ukrainiennes",)),
        # "repousser une attaque" names the attack: the speaker underwent it
        ("Kiev dit avoir repoussé une attaque russe, selon la Russie.", "avoir repoussé une attaque russe", "Kiev",
         "repoussé", ("Russie",), ("Kiev",)),
    ],
)  # fmt: skip
def test_a_reported_infinitive_is_the_speakers_act(
    text: str, content: str, speaker: str, trigger: str, actors: tuple[str, ...], recipients: tuple[str, ...]
) -> None:
    event = by_trigger(analyse(text, quotes=((content, speaker),)), trigger)
    assert event.type == "ASSAULT"
    assert (event.actors, event.recipients) == (actors, recipients), event
    assert event.claimed_by == ENTITIES[speaker][0]


@pytest.mark.parametrize(
    ("sentence", "trigger", "actors", "recipients"),
    [
        # shooting down is the shooter's act, aimed at the side the weapons' adjective names
        ("La Russie a tiré des drones. Les forces ukrainiennes ont abattu cinq drones russes au-dessus de Kharkiv.",
         "abattu", ("les forces ukrainiennes",), ("Russie",)),
        ("La Russie a tiré des missiles. L'armée russe a intercepté trois missiles ukrainiens près de Belgorod.",
         "intercepté", ("l'armée russe",), ()),
        # a hostile act on a nationality's positions, with no target named
        ("L'armée russe a bombardé des positions ukrainiennes, a indiqué l'Ukraine.", "bombardé",
         ("l'armée russe",), ("Ukraine",)),
        # the forces in the complement of a noun act
        ("L'avancée des troupes ukrainiennes inquiète la Russie et l'Ukraine.", "avancée", ("Ukraine",), ()),
    ],
)  # fmt: skip
def test_shoot_downs_and_nationality_targets(
    sentence: str, trigger: str, actors: tuple[str, ...], recipients: tuple[str, ...]
) -> None:
    event = by_trigger(analyse(sentence), trigger)
    assert (event.actors, event.recipients) == (actors, recipients), event


def test_a_pronoun_after_a_verb_of_the_quote_is_not_its_speaker() -> None:
    text = "Rishi Sunak a indiqué que les deux dirigeants ont convenu qu'ils livreraient des missiles à l'Ukraine."
    found = analyse(text, quotes=(("que les deux dirigeants ont convenu qu'ils livreraient des missiles à l'Ukraine",
                                   "Rishi Sunak"),))  # fmt: skip
    aid = next(f for f in found if f.type == "AID")
    assert (aid.actors, aid.recipients, aid.claimed_by) == ((), ("Ukraine",), "SUNAK")
