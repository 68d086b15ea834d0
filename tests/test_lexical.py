"""The small lemma tables of the quotes and events stages agree with spaCy's whole lemma table.

Each stage keeps only the part of spacy-lookups-data's table its lexicon can use (``lexical.lemma_subset``, kept in
sitrep's cache). These tests check, over every entry of the whole table, that the part answers what the whole
table answers wherever the stage can tell, and that the stages give the same reports with the part as with the
whole table on short news sentences.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest

from sitrep.api import Extractor
from sitrep.article import Article
from sitrep.pipeline import lexical
from sitrep.pipeline.eventing import lexicon as event_lexicon
from sitrep.pipeline.eventing.matching import VERB_ENDINGS
from sitrep.pipeline.quoting import lexicon as quote_lexicon
from sitrep.resources import load_resources

LANGS = ("fr", "en")


@functools.cache
def _whole(lang: str) -> dict[str, str]:
    """Form -> first lemma, every entry of the whole table that has one (what ``lexical.lemma_of`` gives)."""
    return {form: lemma for form in lexical.lemma_lookup(lang) if (lemma := lexical.lemma_of(lang, form))}


@pytest.mark.parametrize("lang", LANGS)
def test_quote_table_is_the_whole_table_on_the_reporting_verbs(lang: str) -> None:
    lex = quote_lexicon.compile_lexicon(load_resources(lang))
    table = lexical.lemma_lookup(lang)
    if not table:
        pytest.skip(f"spacy-lookups-data has no lemma table for {lang}")
    kept = 0
    for form in table:
        lemma = lexical.lemma_of(lang, form)
        expected = lemma if lemma in lex.by_lemma else None
        assert lex.lemmas.get(form) == expected, form
        kept += expected is not None
    assert kept > 0
    assert kept < len(table) / 10  # the point of it: a small part


@pytest.mark.parametrize("lang", LANGS)
def test_event_table_is_the_whole_table_wherever_the_stage_can_tell(lang: str) -> None:
    lex = event_lexicon.compile_lexicon(load_resources(lang))
    table = lexical.lemma_lookup(lang)
    if not table:
        pytest.skip(f"spacy-lookups-data has no lemma table for {lang}")
    words = event_lexicon.lexicon_words(lex)
    suffixes = tuple(suffix for suffix, _ in lex.suffixes)
    differ = 0
    for form in table:
        lemma = lexical.lemma_of(lang, form)
        whole = lemma.lower() if lemma else form
        if lex.lemma(form) == whole:
            continue
        differ += 1
        # where they differ, the small table answers the form itself, and nothing the stage reads can tell
        assert lex.lemma(form) == form, form
        assert whole not in words and form not in words and form[:-1] not in words, form
        assert not (whole.endswith(VERB_ENDINGS) and suffixes and form.endswith(suffixes)), form
    # a part: French keeps its future and conditional forms (the modality suffixes read their lemma's ending)
    assert len(lex.lemma) < len(table) / 3
    assert differ > 0


@pytest.mark.parametrize(
    ("lang", "word"),
    [("fr", "frappé"), ("fr", "frappes"), ("fr", "attaqueraient"), ("fr", "menacerait"), ("fr", "signèrent"),
     ("en", "attacked"), ("en", "threatens"), ("en", "shelled"), ("en", "fought")],
)  # fmt: skip
def test_event_lemma_of_a_lexicon_form_is_the_whole_tables(lang: str, word: str) -> None:
    lex = event_lexicon.compile_lexicon(load_resources(lang))
    lemma = lexical.lemma_of(lang, word)
    assert lex.lemma(word) == (lemma.lower() if lemma else word)


def _reports(texts: list[tuple[str, str]]) -> list[str]:
    extractor = Extractor()
    out = []
    for lang, text in texts:
        out.append(extractor.extract_article(Article(text=text, language=lang, published="2023-05-16")).to_json())
    return out


SENTENCES = [
    ("fr", "Kiev a été frappée lundi par des missiles russes, a indiqué le porte-parole de l'armée de l'air."),
    ("fr", "« Nous ne céderons pas », a-t-il déclaré, ajoutant que l'Ukraine attaquerait les dépôts ennemis."),
    ("fr", "Le ministre estime que Moscou menacerait la Pologne si l'Otan envoyait des avions."),
    ("fr", "Les deux pays ont signé un accord de cessez-le-feu, selon l'agence Reuters."),
    ("fr", "Des manifestants ont protesté samedi à Tbilissi contre la loi, rapporte l'AFP."),
    ("en", "Russian forces shelled Kharkiv on Monday, the regional governor said."),
    ("en", '"We will not retreat," the commander told reporters, adding that troops would advance.'),
    ("en", "The ministry accused Moscow of threatening its neighbours and demanded sanctions."),
    ("en", "According to officials, the two sides agreed to a ceasefire and exchanged prisoners."),
]


def test_reports_with_the_small_tables_are_those_with_the_whole_table(monkeypatch: pytest.MonkeyPatch) -> None:
    small = _reports(SENTENCES)

    def whole_subset(lang: str, name: str, key: str, keep: Callable[[str, str], bool]) -> dict[str, str]:
        return _whole(lang)  # every entry: what the stages read before they kept a part

    monkeypatch.setattr(lexical, "lemma_subset", whole_subset)
    whole = _reports(SENTENCES)
    assert small == whole
