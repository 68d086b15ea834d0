"""Sentence segmentation: never inside a quotation, not after abbreviations or initials, always at paragraphs."""

from __future__ import annotations

import pytest
import spacy

from sitrep.pipeline.build import build_pipeline


@pytest.fixture(scope="module")
def split() -> dict[str, spacy.language.Language]:
    return {lang: build_pipeline(lang, stages=("sentences",)) for lang in ("fr", "en")}


def sentences(nlp: spacy.language.Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Kiev a été frappée. Les secours sont sur place.",
         ["Kiev a été frappée.", "Les secours sont sur place."]),
        ("fr", "« Nous avons repris la ville. Elle est à nous », a-t-il dit. La presse a confirmé.",
         ["« Nous avons repris la ville. Elle est à nous », a-t-il dit.", "La presse a confirmé."]),
        ("fr", "«\u00a0Le front tient. Rien ne passera\u00a0!\u00a0» Puis il est parti.",
         ["«\u00a0Le front tient. Rien ne passera\u00a0!\u00a0»", "Puis il est parti."]),
        ("fr", "Il a dit : \"La ville est tombée. Nous partons.\" Le silence a suivi.",
         ["Il a dit : \"La ville est tombée. Nous partons.\"", "Le silence a suivi."]),
        ("fr", "M. Zelensky a rencontré Mme Baerbock. Ils ont parlé des chars.",
         ["M. Zelensky a rencontré Mme Baerbock.", "Ils ont parlé des chars."]),
        ("fr", "Le général J. Dupont est arrivé. Il repart demain.",
         ["Le général J. Dupont est arrivé.", "Il repart demain."]),
        ("fr", "Les pertes sont lourdes... Personne ne le nie.",
         ["Les pertes sont lourdes...", "Personne ne le nie."]),
        ("en", "“We will not retreat. Not one step,” the general said. Shelling resumed.",
         ["“We will not retreat. Not one step,” the general said.", "Shelling resumed."]),
        ("en", "Mr. Blinken met Gen. Milley in Washington. They discussed Ukraine.",
         ["Mr. Blinken met Gen. Milley in Washington.", "They discussed Ukraine."]),
        ("en", "The U.S. Army said it was ready. Officials agreed.",
         ["The U.S. Army said it was ready.", "Officials agreed."]),
        ("en", "Prices rose 3.5 percent in May. Analysts were surprised.",
         ["Prices rose 3.5 percent in May.", "Analysts were surprised."]),
        ("en", "He said ``We will hold. Not one step back.'' The shelling went on.",
         ["He said ``We will hold. Not one step back.''", "The shelling went on."]),
        ("en", "''We will hold. Not one step back,'' he said. The shelling went on.",
         ["''We will hold. Not one step back,'' he said.", "The shelling went on."]),
    ],
)  # fmt: skip
def test_sentences(split: dict[str, spacy.language.Language], lang: str, text: str, expected: list[str]) -> None:
    assert sentences(split[lang], text) == expected


def test_a_paragraph_break_always_ends_a_sentence(split: dict[str, spacy.language.Language]) -> None:
    text = "Le titre sans point\nLe corps de l'article commence ici. Il continue."
    assert sentences(split["fr"], text) == [
        "Le titre sans point", "Le corps de l'article commence ici.", "Il continue."
    ]  # fmt: skip


def test_a_mark_its_paragraph_never_closes_does_not_glue_sentences(split: dict[str, spacy.language.Language]) -> None:
    text = "« Il n'y a pas de fin à cette citation. Vraiment.\nLe paragraphe suivant. Il se découpe."
    assert sentences(split["fr"], text) == [
        "« Il n'y a pas de fin à cette citation.", "Vraiment.", "Le paragraphe suivant.", "Il se découpe."
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Le village, dit "la Croix, est tombé. Les troupes avancent. "Nous tenons", dit-il.',
         ['Le village, dit "la Croix, est tombé.', "Les troupes avancent.", '"Nous tenons", dit-il.']),
        ('Le front tient" selon lui. Les renforts arrivent. Le calme est revenu.',
         ['Le front tient" selon lui.', "Les renforts arrivent.", "Le calme est revenu."]),
        ("Il a dit : \"La ville est tombée. Nous partons.\" Le silence a suivi. La nuit est venue.",
         ['Il a dit : "La ville est tombée. Nous partons."', "Le silence a suivi.", "La nuit est venue."]),
    ],
)  # fmt: skip
def test_a_stray_straight_quote_is_found_by_its_position(
    split: dict[str, spacy.language.Language], text: str, expected: list[str]
) -> None:
    assert sentences(split["fr"], text) == expected


def test_lowercase_after_a_stop_does_not_start_a_sentence(split: dict[str, spacy.language.Language]) -> None:
    assert len(sentences(split["fr"], "Il l'a dit etc. et puis il est parti.")) == 1


def test_the_stray_mark_is_the_one_whose_removal_fits_best() -> None:
    """The linear `_stray` chooses as the plain definition does: try every mark, keep the best fit, then the
    shortest quotations (checked on many small random cases)."""
    import random

    from sitrep.pipeline.sentences import _stray

    def by_definition(marks: list[int], looks: list[bool]) -> int:
        def fit(stray: int) -> tuple[int, int]:
            rest, kept = looks[:stray] + looks[stray + 1 :], marks[:stray] + marks[stray + 1 :]
            return (
                sum(opening == (n % 2 == 0) for n, opening in enumerate(rest)),
                -sum(kept[n + 1] - kept[n] for n in range(0, len(kept), 2)),
            )

        return max(range(len(marks)), key=fit)

    rng = random.Random(7)
    for _ in range(2000):
        size = rng.choice([1, 3, 5, 7, 9])
        marks = sorted(rng.sample(range(100), size))
        looks = [rng.random() < 0.5 for _ in range(size)]
        assert _stray(marks, looks) == by_definition(marks, looks)
