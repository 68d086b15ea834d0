"""The places stage's and the tokenizer's fast paths give exactly what the plain ways give.

Bulk token columns against iterating the doc, the initial test against its regular expression, the cue-ending test
against the plain tuple comparison, factored alternatives against the unfactored pattern, and the places lexicon's
word tables read apart against their one-pass definition.
"""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from sitrep.api import Extractor
from sitrep.config import Options
from sitrep.pipeline.languages import factor_alternatives
from sitrep.pipeline.place_words import INITIAL, ending, is_initial
from sitrep.pipeline.places import _sentence_starts, _token_columns

TEXTS = [
    ("fr", "Kiev a été frappée lundi.  Selon l'armée, « la situation est sous contrôle ».\n\nMoscou dément."),
    ("fr", "Le porte-parole a-t-il dit qu'Aix-en-Provence et Saint-Pétersbourg étaient jumelées ?"),
    ("en", "ST. PAUL — Gov. Tim Walz said Tuesday the state's budget is balanced. Roy A. Nelson disagreed."),
    ("en", "Barrow and Jackson counties voted.\n"),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Options(stages=("places",)))


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_token_columns_are_the_docs_tokens(extractor: Extractor, lang: str, text: str) -> None:
    nlp = extractor.pipeline(lang)
    doc = nlp.get_pipe("sentences")(nlp.make_doc(text))
    got_text, words, offsets, glued = _token_columns(doc)
    assert got_text == doc.text
    assert words == [t.text for t in doc]
    assert offsets == [t.idx for t in doc]
    assert glued == frozenset(t.i for t in doc if not t.whitespace_)
    expected = [False] * len(doc)
    for sent in doc.sents:
        expected[sent.start] = True
    assert _sentence_starts(doc) == expected


def test_an_empty_doc_has_no_columns(extractor: Extractor) -> None:
    doc = extractor.pipeline("fr").make_doc("")
    assert _token_columns(doc) == ("", [], [], frozenset())


def test_a_doc_with_no_sentences_is_refused_as_spacy_refuses_it(extractor: Extractor) -> None:
    doc = Doc(extractor.pipeline("fr").vocab, words=["Kiev", "a", "dit"])
    with pytest.raises(ValueError, match="E030"):
        _sentence_starts(doc)


@pytest.mark.parametrize("word", ["A.", "Z.", "a.", "AB.", "A", ".", "É.", "A..", "1.", "A,"])
def test_initial_test_matches_its_pattern(word: str) -> None:
    assert is_initial(word) == bool(INITIAL.fullmatch(word))


@pytest.mark.parametrize(
    ("words", "cues", "found"),
    [
        (["dans", "la", "ville", "de"], [("ville", "de"), ("de",)], ("ville", "de")),
        (["près", "de"], [("la", "ville", "de"), ("de",)], ("de",)),
        (["à"], [("en",), ("dans",)], None),
        ([], [("de",)], None),
        (["selon"], [(), ("selon",)], ()),
    ],
)
def test_ending_is_the_first_cue_the_words_end_with(
    words: list[str], cues: list[tuple[str, ...]], found: tuple[str, ...] | None
) -> None:
    assert ending(words, cues) == found


def test_shared_heads_and_tails_of_alternatives_are_factored_out() -> None:
    big = "[" + "".join(chr(c) for c in range(0x61, 0x7B)) * 10 + "]"
    pattern = "(?iu)" + "|".join(
        f"(?:^{big}+-{middle}-(?:l['’])?{big}+$)" for middle in ("l[èe]s?", "la", "sur", "d[eu]", "(?:en|à)")
    )
    factored = factor_alternatives(pattern)
    assert factored.count(big) < pattern.count(big)
    for text in ["aix-les-bains", "Aix-la-Chapelle", "rostov-sur-le", "ville-du-l'x", "x-en-y", "x-à-l’y",
                 "aix-le-bains", "aix-lès-bains", "aix-l-bains", "x--y", "x-sur-", "-la-x", "x-de-l'"]:  # fmt: skip
        assert bool(re.match(pattern, text)) == bool(re.match(factored, text)), text


def test_capturing_groups_are_not_factored() -> None:
    big = "[" + "".join(chr(c) for c in range(0x61, 0x7B)) * 10 + "]"
    pattern = f"(?:^(a)b-{big}+$)|(?:^(a)c-{big}+$)"
    factored = factor_alternatives(pattern)
    assert re.compile(factored).groups == re.compile(pattern).groups
    for text in ["ab-x", "ac-y", "ad-z", "ab-"]:
        assert bool(re.match(pattern, text)) == bool(re.match(factored, text)), text


@pytest.mark.parametrize(
    ("lang", "lemma", "forms"),
    [
        ("fr", "affirmer", {"affirme", "affirmé", "affirmait", "affirment"}),
        ("fr", "dire", {"disait", "disent"}),
        ("en", "say", {"says", "said", "saying"}),
    ],
)
def test_verb_forms_are_read_apart_from_the_common_words(lang: str, lemma: str, forms: set[str]) -> None:
    from sitrep.pipeline.place_lexicon import _common_words, _verb_forms

    assert forms <= _verb_forms(lang, (lemma,))
    common = _common_words(lang)
    assert forms <= common | {lemma}
    assert all(w.isalpha() and w.islower() for w in list(common)[:1000])
