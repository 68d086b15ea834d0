"""The pipeline backbone: one factory, registered stages that declare what they need, user models, options."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import sitrep
from sitrep.config import Options
from sitrep.errors import PipelineError, SitrepError
from sitrep.pipeline.build import build_pipeline
from sitrep.pipeline.registry import DEFAULT_STAGES, STAGES
from sitrep.resources import available_languages, load_resources


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_default_pipeline_runs_every_stage_in_order(lang: str) -> None:
    nlp = build_pipeline(lang)
    assert nlp.pipe_names == list(DEFAULT_STAGES)
    assert [nlp.get_pipe_meta(n).factory for n in nlp.pipe_names] == [s.factory for s in STAGES]
    doc = nlp("Kiev a été frappée. Londres a réagi." if lang == "fr" else "Kyiv was hit. London reacted.")
    for group in ("times", "quantities", "places", "entities", "quotes", "events"):
        assert group in doc.spans


def test_stages_declare_what_they_require_and_assign() -> None:
    summary = build_pipeline("fr").analyze_pipes()["summary"]
    assert summary["sentences"]["assigns"] == ["token.is_sent_start"]
    assert "token.is_sent_start" in summary["quotes"]["requires"]
    assert "span._.timex" in summary["times"]["assigns"]


def test_factory_names_are_versioned() -> None:
    assert all(s.factory.startswith("sitrep_") and s.factory.endswith("_v1") for s in STAGES)


def test_a_subset_of_stages_keeps_pipeline_order() -> None:
    options = Options(stages=("quotes", "times"))
    assert options.stages == ("sentences", "times", "quotes")


def test_an_unknown_stage_is_refused() -> None:
    with pytest.raises(SitrepError, match="E001"):
        Options(stages=("sentiment",))


def test_a_missing_model_fails_with_advice() -> None:
    with pytest.raises(PipelineError, match="E207"):
        build_pipeline("fr", model="fr_no_such_pipeline_sm")


def test_a_user_model_runs_first_and_sitrep_stages_after(tmp_path: Path) -> None:
    user = spacy.blank("fr")
    user.add_pipe("sentencizer")
    user.to_disk(tmp_path / "fr_user")
    nlp = build_pipeline("fr", model=str(tmp_path / "fr_user"))
    assert nlp.pipe_names[0] == "sentences"
    assert nlp.pipe_names[1] == "sentencizer"
    report = sitrep.extract("Kiev a été frappée. Londres a réagi.", lang="fr",
                            options=Options(model=str(tmp_path / "fr_user")))  # fmt: skip
    assert report.article.language == "fr"


def test_a_model_for_another_language_is_refused(tmp_path: Path) -> None:
    spacy.blank("en").to_disk(tmp_path / "en_user")
    with pytest.raises(PipelineError, match="E208"):
        build_pipeline("fr", model=str(tmp_path / "en_user"))


def test_languages_are_resource_folders() -> None:
    assert {"fr", "en"} <= set(available_languages())
    assert "M" in load_resources("fr").words("abbreviations.txt")


def test_options_file(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.toml"
    path.write_text('stages = ["times"]\ninclude_title = false\n', encoding="utf-8")
    assert Options.from_toml(path) == Options(stages=("times",), include_title=False)
    path.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(SitrepError, match="E003"):
        Options.from_toml(path)


def test_the_title_is_the_first_paragraph_of_the_text() -> None:
    report = sitrep.extract("Les frappes ont repris dans la nuit.", lang="fr", title="Kiev sous les missiles")
    assert report.text.startswith("Kiev sous les missiles\n\n")
    assert report.article.title == "Kiev sous les missiles"


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_an_empty_text_is_refused(text: str) -> None:
    with pytest.raises(SitrepError, match="empty"):
        sitrep.extract(text, lang="fr")


def test_a_text_over_the_limit_is_refused() -> None:
    with pytest.raises(SitrepError, match="max_chars"):
        sitrep.extract("Kiev. " * 100, lang="fr", options=Options(max_chars=50))


def test_extraction_results_do_not_depend_on_what_ran_before() -> None:
    text = "Le ministre a parlé mardi à Kiev. « Nous tiendrons », a-t-il dit."
    first = sitrep.extract(text, lang="fr", published="2023-05-16")
    sitrep.extract("The minister spoke in London on Monday.", lang="en", published="2023-05-16")
    assert sitrep.extract(text, lang="fr", published="2023-05-16") == first


def test_a_stage_bug_is_a_named_failure_in_a_batch() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    def broken(doc: Doc) -> Doc:
        raise IndexError("list index out of range")

    if not Language.has_factory("sitrep_test_broken"):
        Language.component("sitrep_test_broken", func=broken)
    extractor = sitrep.Extractor(Options(stages=("times",)))
    extractor.pipeline("fr").replace_pipe("times", "sitrep_test_broken")
    articles = [sitrep.Article("Kiev a été frappée.", id="a1", language="fr"),
                sitrep.Article("Kiev a été frappée.", id="a2", language="fr")]  # fmt: skip
    results = list(extractor.extract_many(articles))
    assert [type(r).__name__ for r in results] == ["Failure", "Failure"]
    failure = results[0]
    assert isinstance(failure, sitrep.Failure) and "E290" in str(failure.error)
    assert isinstance(failure.error.__cause__, IndexError)
    with pytest.raises(IndexError):
        extractor.extract_article(articles[0])


def test_pipelines_are_rebuilt_after_refresh_every_articles() -> None:
    extractor = sitrep.Extractor(Options(stages=("times",), refresh_every=2))
    text = "Kiev a été frappée lundi."
    first = extractor.pipeline("fr")
    reports = [extractor.extract_article(sitrep.Article(text, id=f"a{i}", language="fr", published="2023-05-16"))
               for i in range(3)]  # fmt: skip
    assert extractor.pipeline("fr") is not first  # rebuilt after two articles
    assert reports[0].times == reports[2].times  # and gives the same results
    never = sitrep.Extractor(Options(stages=("times",), refresh_every=0))
    kept = never.pipeline("fr")
    for i in range(3):
        never.extract_article(sitrep.Article(text, id=f"b{i}", language="fr"))
    assert never.pipeline("fr") is kept
