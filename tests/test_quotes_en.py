"""The quotes stage on English news sentences."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from sitrep.pipeline.build import build_pipeline


@cache
def _nlp() -> Language:
    return build_pipeline("en", stages=("quotes",))


def quotes(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(kind, content, speaker, speaker name, cue) of every quote, in text order."""
    doc = _nlp()(text)
    out = []
    for span in doc.spans["quotes"]:
        q = span._.quote
        out.append((
            q.kind,
            span.text,
            q.speaker.text if q.speaker is not None else None,
            q.speaker_name.text if q.speaker_name is not None else None,
            q.cue.text if q.cue is not None else None,
        ))
    return out


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
