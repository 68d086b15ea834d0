"""The events stage on English news sentences: PLOVER type, actors and recipients, modality and claims.

The cases run the events stage alone on a Doc whose entity mentions and quotes are set by hand (the helper of
``test_events_fr``), so they test this stage's rules, not the entities or quotes stages.
"""

from __future__ import annotations

import functools

import pytest

from tests.test_events_fr import Found, analyse, by_trigger

ENTITIES: dict[str, tuple[str, str, str | None]] = {
    "Russia": ("RU", "location", "RU"),
    "Moscow": ("MOW", "location", "RU"),
    "Kremlin": ("KRE", "organization", "RU"),
    "Ukraine": ("UA", "location", "UA"),
    "Kyiv": ("KYIV", "location", "UA"),
    "Kharkiv": ("KHA", "location", "UA"),
    "Britain": ("GB", "location", "GB"),
    "Washington": ("WAS", "location", "US"),
    "the United States": ("US", "location", "US"),
    "Poland": ("PL", "location", "PL"),
    "Iran": ("IR", "location", "IR"),
    "Israel": ("IL", "location", "IL"),
    "Hamas": ("HAMAS", "organization", "PS"),
    "the European Union": ("EU", "organization", None),
    "Russian forces": ("RUFORCES", "group", "RU"),
    "Ukrainian troops": ("UATROOPS", "group", "UA"),
    "protesters": ("PROTESTERS", "group", None),
    "police": ("POLICE", "organization", None),
    "Emmanuel Macron": ("MACRON", "person", "FR"),
    "Volodymyr Zelensky": ("ZELENSKY", "person", "UA"),
    "Vladimir Putin": ("PUTIN", "person", "RU"),
    "Rishi Sunak": ("SUNAK", "person", "GB"),
    "Olaf Scholz": ("SCHOLZ", "person", "DE"),
    "Alexei Navalny": ("NAVALNY", "person", "RU"),
    "a military spokesman": ("SPOKESMAN", "person", "UA"),
}

en = functools.partial(analyse, lang="en", entities=ENTITIES)


def of_type(sentence: str, kind: str, **kwargs: object) -> Found:
    found = [f for f in en(sentence, **kwargs) if f.type == kind]  # type: ignore[arg-type]
    assert found, en(sentence)
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "kind", "actors", "recipients"),
    [
        ("Iran and the European Union agreed on a new nuclear deal.", "AGREE", ("Iran", "the European Union"), ()),
        ("Emmanuel Macron met Volodymyr Zelensky in Paris on Monday.", "CONSULT",
         ("Emmanuel Macron",), ("Volodymyr Zelensky",)),
        ("Washington strongly backs Kyiv in its defence.", "SUPPORT", ("Washington",), ("Kyiv",)),
        ("Hamas released four hostages on Sunday.", "CONCEDE", ("Hamas",), ()),
        ("Poland and Ukraine will cooperate on air defence.", "COOPERATE", ("Poland", "Ukraine"), ()),
        ("Britain delivered cruise missiles to Ukraine last month.", "AID", ("Britain",), ("Ukraine",)),
        ("Russian forces withdrew from the west bank of the Dnipro.", "RETREAT", ("Russian forces",), ()),
        ("Volodymyr Zelensky urged Washington to speed up deliveries.", "REQUEST",
         ("Volodymyr Zelensky",), ("Washington",)),
        ("Moscow accused Kyiv of sabotaging the Crimea bridge.", "ACCUSE", ("Moscow",), ("Kyiv",)),
        ("Iran rejected the proposal of the European Union.", "REJECT", ("Iran",), ("the European Union",)),
        ("Vladimir Putin threatened Poland with retaliation.", "THREATEN", ("Vladimir Putin",), ("Poland",)),
        ("Thousands of protesters demonstrated in central Tbilisi on Saturday.", "PROTEST", ("protesters",), ()),
        ("The European Union imposed new sanctions on Russia.", "SANCTION", ("the European Union",), ("Russia",)),
        ("Poland deployed thousands of troops along its border.", "MOBILIZE", ("Poland",), ()),
        ("Police arrested Alexei Navalny in Moscow.", "COERCE", ("police",), ("Alexei Navalny",)),
        ("Russian forces shelled Kharkiv overnight.", "ASSAULT", ("Russian forces",), ("Kharkiv",)),
    ],
)  # fmt: skip
def test_types_and_arguments(sentence: str, kind: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> None:
    event = of_type(sentence, kind)
    assert set(event.actors) == set(actors)
    assert set(event.recipients) == set(recipients)


@pytest.mark.parametrize(
    ("sentence", "kind", "actors", "recipients"),
    [
        ("Kharkiv was hit by Russian forces overnight.", "ASSAULT", ("Russian forces",), ("Kharkiv",)),
        ("Kyiv was shelled on Tuesday.", "ASSAULT", (), ("Kyiv",)),
        ("Kyiv received support from Washington.", "SUPPORT", ("Washington",), ("Kyiv",)),
        ("Russia's invasion of Ukraine began in February 2022.", "ASSAULT", ("Russia",), ("Ukraine",)),
        ("Britain and Washington sent tanks to Ukraine.", "AID", ("Britain", "Washington"), ("Ukraine",)),
        ("Ukrainian troops launched an attack against Russian forces near Bakhmut.", "ASSAULT",
         ("Ukrainian troops",), ("Russian forces",)),
    ],
)  # fmt: skip
def test_voices(sentence: str, kind: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> None:
    event = of_type(sentence, kind)
    assert set(event.actors) == set(actors)
    assert set(event.recipients) == set(recipients)


@pytest.mark.parametrize(
    ("sentence", "kind", "modality"),
    [
        ("Britain delivered tanks to Ukraine.", "AID", "actual"),
        ("Britain will deliver tanks to Ukraine.", "AID", "future"),
        ("Rishi Sunak pledged to deliver air defence missiles to Ukraine.", "AID", "future"),
        ("Poland plans to deploy more troops to its border.", "MOBILIZE", "future"),
        ("Russia could launch a new offensive in the spring.", "ASSAULT", "hypothetical"),
        ("If Moscow attacks Poland, NATO will respond.", "ASSAULT", "hypothetical"),
        ("Russian forces did not shell Kharkiv overnight.", "ASSAULT", "negated"),
        ("The Kremlin denied attacking civilians in Odesa.", "ASSAULT", "negated"),
    ],
)  # fmt: skip
def test_modality(sentence: str, kind: str, modality: str) -> None:
    assert of_type(sentence, kind).modality == modality


def test_an_obligation_is_a_demand_by_the_speaker() -> None:
    event = of_type("Washington said Russia must withdraw its forces.", "REQUEST")
    assert (event.actors, event.recipients) == (("Washington",), ("Russia",))


@pytest.mark.parametrize(
    ("sentence", "kind", "mode"),
    [
        ("Russian forces struck Kharkiv with drones.", "ASSAULT", "drone"),
        ("Russian forces struck Kharkiv with missiles.", "ASSAULT", "aerial"),
        ("Russian forces shelled Kharkiv with artillery.", "ASSAULT", "heavy-weapons"),
        ("Emmanuel Macron held a phone call with Vladimir Putin.", "CONSULT", "phone"),
        ("Police arrested Alexei Navalny.", "COERCE", "arrest"),
    ],
)  # fmt: skip
def test_mode(sentence: str, kind: str, mode: str) -> None:
    assert of_type(sentence, kind).mode == mode


def test_claims() -> None:
    text = '"Our troops retook two villages near Bakhmut," a military spokesman said. Russia shelled Kharkiv.'
    found = en(text, quotes=(("Our troops retook two villages near Bakhmut,", "a military spokesman"),),
               places=("Bakhmut", "Kharkiv"))  # fmt: skip
    retook = next(f for f in found if f.trigger == "retook")
    shelled = next(f for f in found if f.trigger == "shelled")
    assert (retook.type, retook.claimed_by, retook.place) == ("ASSAULT", "SPOKESMAN", "Bakhmut")
    assert "territory" in retook.context
    assert shelled.claimed_by is None


def test_no_event_in_plain_description() -> None:
    assert en("Kyiv has been the capital of Ukraine since 1991.") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "trigger", "actors", "recipients"),
    [
        # "X claimed to have ...", "X said it had ...": X did it; the weapons' adjective names the target's side
        ("Ukraine launched drones overnight. Russia claimed to have shot down 12 Ukrainian drones.",
         "to have shot down 12 Ukrainian drones", "Russia", "shot", ("Russia",), ("Ukraine",)),
        ("The Kremlin said it had shot down 12 Ukrainian drones over Crimea.",
         "it had shot down 12 Ukrainian drones over Crimea", "Kremlin", "shot", ("Kremlin",), ()),
        ("Russia fired missiles at Kharkiv. Kyiv said it intercepted 20 Russian missiles.",
         "it intercepted 20 Russian missiles", "Kyiv", "intercepted", ("Kyiv",), ("Russia",)),
        # a noun after a verb that is not light is not the speaker's act: the advance halted is the other side's
        ("Russia launched a ground offensive on Friday. Ukrainian troops say they have halted the advance of "
         "Russian soldiers near Kharkiv.", "they have halted the advance of Russian soldiers near Kharkiv",
         "Ukrainian troops", "advance", ("Russia",), ()),
        # "repel an attack" names the attack: the speaker underwent it
        ("Kyiv said it had repelled a Russian attack, Russia denied it.", "it had repelled a Russian attack",
         "Kyiv", "repelled", ("Russia",), ("Kyiv",)),
    ],
)  # fmt: skip
def test_a_reported_act_is_the_speakers(
    text: str, content: str, speaker: str, trigger: str, actors: tuple[str, ...], recipients: tuple[str, ...]
) -> None:
    event = by_trigger(en(text, quotes=((content, speaker),)), trigger)
    assert event.type == "ASSAULT"
    assert (event.actors, event.recipients) == (actors, recipients), event
    assert event.claimed_by == ENTITIES[speaker][0]


@pytest.mark.parametrize(
    ("sentence", "trigger", "actors", "recipients"),
    [
        ("Russia fired drones overnight. Ukrainian troops shot down five Russian drones near Kharkiv.", "shot",
         ("Ukrainian troops",), ("Russia",)),
        ("Russian forces shelled Ukrainian positions near Bakhmut, Ukraine said.", "shelled",
         ("Russian forces",), ("Ukraine",)),
        ("The advance of Ukrainian soldiers worries Russia and Ukraine.", "advance", ("Ukraine",), ()),
    ],
)  # fmt: skip
def test_shoot_downs_and_nationality_targets(
    sentence: str, trigger: str, actors: tuple[str, ...], recipients: tuple[str, ...]
) -> None:
    event = by_trigger(en(sentence), trigger)
    assert (event.actors, event.recipients) == (actors, recipients), event


def test_a_pronoun_after_a_verb_of_the_quote_is_not_its_speaker() -> None:
    text = "Rishi Sunak said the two leaders agreed that they would send missiles to Ukraine."
    found = en(text, quotes=(("the two leaders agreed that they would send missiles to Ukraine", "Rishi Sunak"),))
    aid = next(f for f in found if f.type == "AID")
    assert (aid.actors, aid.recipients, aid.claimed_by) == ((), ("Ukraine",), "SUNAK")
