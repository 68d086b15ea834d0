"""The NER evaluation: readers for the CoNLL (IOB2), BIO (IOB1) and HIPE formats, and the exact-span scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.api import Extractor
from sitrep.config import Options
from sitrep.evaluation import evaluate
from sitrep.evaluation.ner import PRF, Sentence, _spans_iob, language_of, predicted, read, score


@pytest.mark.parametrize(
    ("tags", "iob1", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], False, {(0, 2, "PER"), (3, 4, "LOC")}),
        (["B-PER", "B-PER", "O"], False, {(0, 1, "PER"), (1, 2, "PER")}),
        (["I-PER", "I-PER", "O", "I-LOC"], True, {(0, 2, "PER"), (3, 4, "LOC")}),
        (["I-PER", "B-PER", "O"], True, {(0, 1, "PER"), (1, 2, "PER")}),
        (["I-ORG", "I-LOC"], True, {(0, 1, "ORG"), (1, 2, "LOC")}),
        (["B-pers", "I-pers", "B-loc", "B-HumanProd"], False, {(0, 2, "PER"), (2, 3, "LOC"), (3, 4, "MISC")}),
        (["O", "O"], False, set()),
    ],
)
def test_iob_spans(tags: list[str], iob1: bool, spans: set[tuple[int, int, str]]) -> None:
    assert _spans_iob(tags, iob1=iob1) == spans


def test_read_conll_documents(tmp_path: Path) -> None:
    path = tmp_path / "val.conllu"
    path.write_text(
        "0\t-DOCSTART-\tO\n\n0\tRishi\tB-PER\n1\tSunak\tI-PER\n2\tspoke\tO\n\n0\tHe\tO\n1\tleft\tO\n2\tLondon\tB-LOC\n\n"
        "0\t-DOCSTART-\tO\n\n0\tNATO\tB-ORG\n1\tmet\tO\n",
        encoding="utf-8",
    )
    docs = list(read(path))
    assert [d.tokens for d in docs] == [("Rishi", "Sunak", "spoke", "He", "left", "London"), ("NATO", "met")]
    assert docs[0].breaks == (3,)
    assert docs[0].entities == {(0, 2, "PER"), (5, 6, "LOC")}


def test_read_conll_sentences(tmp_path: Path) -> None:
    path = tmp_path / "val.conllu"
    path.write_text("0\tKiev\tB-LOC\n1\tsouffre\tO\n\n0\tMoscou\tB-LOC\n", encoding="utf-8")
    assert [s.tokens for s in read(path)] == [("Kiev", "souffre"), ("Moscou",)]


def test_read_bio_iob1_without_sentence_breaks(tmp_path: Path) -> None:
    path = tmp_path / "enp_FR.bio"
    path.write_text("M. O\nDupont I-PER\nparle O\n. O\nLe O\nmaire O\nde O\nLyon I-LOC\n", encoding="utf-8")
    sentences = list(read(path))
    assert [s.tokens for s in sentences] == [("M.", "Dupont", "parle", "."), ("Le", "maire", "de", "Lyon")]
    assert sentences[0].entities == {(1, 2, "PER")}
    assert sentences[1].entities == {(3, 4, "LOC")}


def test_read_hipe(tmp_path: Path) -> None:
    path = tmp_path / "HIPE-dev-fr.tsv"
    path.write_text(
        "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tMISC\n# hipe2022:document_id = x\n"
        "M.\tO\t_\t_\nPoincaré\tB-pers\t_\t_\nà\tO\t_\t_\nParis\tB-loc\t_\tEndOfSentence\n"
        "Le\tO\t_\t_\nTemps\tB-org\t_\tEndOfSentence\n",
        encoding="utf-8",
    )
    sentences = list(read(path))
    assert [s.entities for s in sentences] == [{(1, 2, "PER"), (3, 4, "LOC")}, {(1, 2, "ORG")}]


@pytest.mark.parametrize(
    ("path", "lang"),
    [("ner/conll2003-en/val.conllu", "en"), ("ner/wikineural-fr/val.conllu", "fr"), ("x/enp_FR.bnf.bio", "fr"),
     ("HIPE-2022-v2.1-newseye-dev-fr.tsv", "fr"), ("data/en/test.conll", "en")],
)  # fmt: skip
def test_language_from_path(path: str, lang: str) -> None:
    assert language_of(Path(path)) == lang


def test_score_counts_exact_spans_and_types() -> None:
    counts = {label: PRF() for label in ("PER", "ORG", "LOC", "MISC", "spans")}
    gold = frozenset({(0, 2, "PER"), (3, 4, "LOC"), (5, 6, "ORG")})
    system = frozenset({(0, 2, "PER"), (3, 4, "ORG"), (7, 8, "LOC")})
    score(gold, system, counts)
    assert (counts["PER"].tp, counts["PER"].fp, counts["PER"].fn) == (1, 0, 0)
    assert (counts["LOC"].tp, counts["LOC"].fp, counts["LOC"].fn) == (0, 1, 1)
    assert (counts["ORG"].tp, counts["ORG"].fp, counts["ORG"].fn) == (0, 1, 1)
    assert (counts["spans"].tp, counts["spans"].fp, counts["spans"].fn) == (2, 1, 1)


def test_predicted_maps_mentions_to_gold_tokens() -> None:
    sentence = Sentence(("Le", "président", "Volodymyr", "Zelensky", "est", "à", "Londres", "."), frozenset())
    found = predicted(sentence, Extractor(Options(stages=("entities",))), "fr", "t")
    assert (2, 4, "PER") in found
    assert (6, 7, "LOC") in found
    assert all(a < b for a, b, _ in found)


@pytest.mark.parametrize(
    ("tokens", "entity"),
    [
        (("Il", "joue", "dans", "la", "Ligue", "de", "hockey", "de", "l'", "Ontario", "."), (4, 10, "ORG")),
        (("Les", "officiers", "de", "la", "Compagnie", "de", "la", "baie", "d'", "Hudson", "."), None),
        (("Il", "vit", "à", "l'", "est", "de", "Kiev", "."), (6, 7, "LOC")),
    ],
)
def test_predicted_glues_french_elisions(tokens: tuple[str, ...], entity: tuple[int, int, str] | None) -> None:
    """A French elided token is written against the next one ("l'Ontario"), as in running text; the mentions
    still map to the gold tokens."""
    found = predicted(Sentence(tokens, frozenset()), Extractor(Options(stages=("entities",))), "fr", "t")
    assert all(0 <= a < b <= len(tokens) for a, b, _ in found)
    if entity is not None:
        assert entity in found, found


def test_evaluate_small_file(tmp_path: Path) -> None:
    path = tmp_path / "val.conllu"
    path.write_text(
        "0\tLe\tO\n1\tPremier\tO\n2\tministre\tO\n3\tRishi\tB-PER\n4\tSunak\tI-PER\n5\tà\tO\n6\tLondres\tB-LOC\n"
        "7\t.\tO\n",
        encoding="utf-8",
    )
    result = evaluate("ner", path, Extractor(), limit=None)
    assert result.documents == 1
    assert result.metrics["overall (PER/ORG/LOC)"]["f1"] == 1.0
    assert set(result.per_label) == {"PER", "ORG", "LOC", "MISC"}


def test_evaluate_wikineural_sample(shared_data: Path) -> None:
    path = shared_data / "ner" / "wikineural-fr" / "val.conllu"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    result = evaluate("ner", path, Extractor(Options(stages=("entities",))), limit=200)
    assert result.documents == 200
    # a floor well under the measured figure: a change that breaks recognition shows here
    assert result.per_label["PER"]["f1"] > 0.7
    assert result.metrics["overall (PER/ORG/LOC)"]["f1"] > 0.6
