"""The quotes stage on English news sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.stage_helpers import QuoteRow, quotes_found, stage_pipeline


def _nlp() -> Language:
    return stage_pipeline("en", "quotes")


def quotes(text: str) -> list[QuoteRow]:
    """(kind, content, speaker, speaker name, cue) of every quote, in text order."""
    return quotes_found(text, "en")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ('"We will not retreat," said the Kremlin spokesman Dmitry Peskov.', "We will not retreat", "Dmitry Peskov",
         "said"),
        ("“The situation remains tense,” the Israeli army said in a statement.", "The situation remains tense",
         "the Israeli army", "said"),
        ('"We will win this war," he said.', "We will win this war", "he", "said"),
        ("“Nobody seems worried by it,” the official told reporters.", "Nobody seems worried by it", "the official",
         "told"),
        ("The minister said: “We will send more tanks.”", "We will send more tanks.", "The minister", "said"),
        ("''I like this city more than the other one,'' she said.", "I like this city more than the other one",
         "she", "said"),
    ],
)
def test_direct_quotes(text: str, content: str, speaker: str, cue: str) -> None:
    assert [(k, c, s, q) for k, c, s, _, q in quotes(text)] == [("direct", content, speaker, cue)]


def test_interrupted_quote_shares_cue_and_speaker() -> None:
    found = quotes('"We pushed them back," the general said, "but the fighting goes on."')
    assert [c.rstrip(".") for _, c, _, _, _ in found] == ["We pushed them back", "but the fighting goes on"]
    assert {(s, cue) for _, _, s, _, cue in found} == {("the general", "said")}


def test_quote_continued_in_the_next_sentence_shares_the_cue() -> None:
    found = quotes('"It is going well so far," Ross said. "Police are out there doing their jobs."')
    assert [(s, cue) for _, _, s, _, cue in found] == [("Ross", "said"), ("Ross", "said")]


@pytest.mark.parametrize(
    ("text", "kind", "content", "speaker"),
    [
        ("The ministry said on Monday that the strikes had stopped.", "indirect", "the strikes had stopped",
         "The ministry"),
        ("The ministry said Monday the strikes had stopped.", "indirect", "the strikes had stopped", "The ministry"),
        ("Officials told reporters the strikes had stopped.", "indirect", "the strikes had stopped", "Officials"),
        ("The strikes have stopped, the ministry said.", "indirect", "The strikes have stopped", "the ministry"),
        ("The strikes have stopped, said Defence Minister Ben Wallace.", "indirect", "The strikes have stopped",
         "Ben Wallace"),
        ("Planned Parenthood spokesman Eric Ferrero said groups of observers were sent.", "indirect",
         "groups of observers were sent", "Eric Ferrero"),
        ("Samantha Phillips, the city's emergency director, said the heat could last all week.", "indirect",
         "the heat could last all week", "Samantha Phillips"),
        ("The senator called the plan “a disaster for farmers.”", "mixed", "the plan “a disaster for farmers.”",
         "The senator"),
        ("According to officials, 300 people were evacuated.", "according_to", "300 people were evacuated",
         "officials"),
        ("300 people were evacuated, according to the Red Cross.", "according_to", "300 people were evacuated",
         "the Red Cross"),
    ],
)
def test_indirect_speech(text: str, kind: str, content: str, speaker: str) -> None:
    assert [(k, c, s) for k, c, s, _, _ in quotes(text)] == [(kind, content, speaker)]


def test_transcript_speaker_before_a_colon() -> None:
    found = quotes("Reuters reporter Luciana Lopez joined the panel.\n\nLopez: Well, nobody calls their savings "
                   "speculation.")
    assert [(k, s, cue) for k, _, s, _, cue in found] == [("indirect", "Lopez", ":")]


def test_pronoun_resolves_to_the_named_speaker() -> None:
    found = quotes("Defence Secretary Lloyd Austin met his counterparts in Brussels. He said the alliance would "
                   "send more air defence systems.")
    assert [(s, n) for _, _, s, n, _ in found] == [("He", "Lloyd Austin")]


@pytest.mark.parametrize(
    "text",
    [
        "The film “War and Peace” will be shown tonight.",
        "Troops of the so-called \"special operation\" advanced.",
        "The report was published on Monday.",
    ],
)
def test_no_statement(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "content", "speaker", "cue"),
    [
        # "according to" takes any noun phrase as its source, a trailing "by X" included, and object pronouns.
        ("The rebels hold 40 percent of the city, according to the latest figures.", "according_to",
         "The rebels hold 40 percent of the city", "the latest figures", "according to"),
        ("The convoy was hit twice, according to a count by the Associated Press.", "according_to",
         "The convoy was hit twice", "a count", "according to"),
        ("General Ann Moore left Kabul in May. According to her, the talks had already failed.", "according_to",
         "the talks had already failed", "her", "According to"),
        # "told" after a quotation with a longer object, and "told OBJECT TIME that".
        ("“The line will hold,” Moore told a crowd in Kharkiv on Tuesday.", "direct", "The line will hold",
         "Moore", "told"),
        ("Moore told reporters Tuesday that the army would not withdraw.", "indirect",
         "the army would not withdraw", "Moore", "told"),
        # A sentence-opening "Asked whether …," is a question the sentence attributes to no one.
        ("Asked whether the truce would hold, most residents said no.", "indirect", "whether the truce would hold",
         None, "Asked"),
        # A colon lead-in that closes the previous paragraph.
        ("The minister spoke after the vote.\n\nPeskov continued:\n\n“We will answer every provocation.”", "direct",
         "We will answer every provocation.", "Peskov", "continued"),
        # "asked [OBJECT] whether|if|how …": the question is the content.
        ("A reporter asked the general how long the city could hold.", "indirect", "how long the city could hold",
         "A reporter", "asked"),
        ("He toured the base and asked soldiers if they had enough ammunition.", "indirect",
         "if they had enough ammunition", "He", "asked"),
        # A subject with an apposition, then "says" and a clause holding a quotation: no inverted speaker.
        ("Olena Shevchenko, a teacher from Kherson, says the town will “never forget this winter.”", "mixed",
         "the town will “never forget this winter.”", "Olena Shevchenko", "says"),
        # An answer reported with "said so" / "said yes".
        ("Most residents said yes.", "indirect", "yes", "Most residents", "said"),
        # An abbreviation that ends a sentence the splitter kept whole.
        ("Moore says the drones came from the U.S. He says more are coming.", "indirect",
         "the drones came from the U.S.", "Moore", "says"),
        # A headline "Name: claim" holding a quoted phrase.
        ("Elizabeth Warren: Putin Is a ‘Proven Liar’ on Ukraine.\n\nShe spoke on Saturday.", "indirect",
         "Putin Is a ‘Proven Liar’ on Ukraine.", "Elizabeth Warren", ":"),
        # A stance verb coordinated after another verb takes the sentence's subject; poll groups are sources.
        ("Carson took the stage Tuesday and called the political system “rotten to the core.”", "mixed",
         "the political system “rotten to the core.”", "Carson", "called"),
        ("Most respondents backed the sanctions on Moscow.", "indirect", "the sanctions on Moscow",
         "Most respondents", "backed"),
        # A two-word opening clause cut by an incise cue is content, its rest a second part.
        ("This winter, she says, will be the hardest yet.", "indirect", "This winter", "she", "says"),
        ("This winter, she says, will be the hardest yet.", "indirect", "will be the hardest yet", "she", "says"),
        # Evaluation verbs PolNeAR counts as attributions: the rest of the clause is what the subject holds.
        ("Moore expressed concern about the shelling near the plant.", "indirect",
         "concern about the shelling near the plant", "Moore", "expressed"),
        ("Kovalenko thanked the volunteers for their help.", "indirect", "the volunteers for their help",
         "Kovalenko", "thanked"),
        ("“Prices will fall,” Ramos said, referring to the new grain deal.", "indirect", "to the new grain deal",
         "Ramos", "referring"),
        # A participle cue takes the subject of the main clause.
        ("Major Ivan Petrenko ended the briefing by saying that the bridge was destroyed.", "indirect",
         "the bridge was destroyed", "Major Ivan Petrenko", "saying"),
    ],
)
def test_recall_classes(text: str, kind: str, content: str, speaker: str | None, cue: str) -> None:
    found = [(k, c, s, w) for k, c, s, _, w in quotes(text)]
    assert (kind, content, speaker, cue) in found
