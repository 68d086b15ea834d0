"""The PLOVER gold-standard reader and the event scorer (``sitrep.evaluation.events``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.api import Extractor
from sitrep.article import Article
from sitrep.errors import SitrepError
from sitrep.evaluation.events import evaluate, plover_type, read_gold
from sitrep.report import ArticleMeta, Entity, Event, Offsets, Report, TextSpan


def _record(text: str, event: str, source: list[str] | None = None, target: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": f"X-{event}",
        "text": text,
        "event": event,
        "source": [{"actorText": s} for s in source or []],
        "target": [{"actorText": t} for t in target or []] if target is not None else "",
    }


@pytest.mark.parametrize(
    ("old", "new"),
    [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"),
     ("ASSAULT", "ASSAULT"), ("agree", "AGREE")],
)  # fmt: skip
def test_old_names_are_mapped(old: str, new: str) -> None:
    assert plover_type(old) == new


def test_an_unknown_category_is_an_error() -> None:
    with pytest.raises(SitrepError, match="E430"):
        plover_type("TELEPORT")


def test_records_of_one_sentence_are_one_gold_set(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    text = "Benin opened its borders but refused entry to Ghanaians."
    path.write_text(json.dumps([_record(text, "AID", ["Benin"]), _record(text, "REJECT", ["Benin"], ["Ghanaians"]),
                                _record("Rebels demanded talks.", "DEMAND", ["Rebels"])]))  # fmt: skip
    gold = read_gold(path)
    assert [g.types for g in gold] == [frozenset({"AID", "REJECT"}), frozenset({"REQUEST"})]
    assert gold[0].events[1].targets == ("Ghanaians",)
    assert gold[0].events[0].targets == ()


def test_a_file_that_is_not_a_list_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text('{"text": "x"}')
    with pytest.raises(SitrepError, match="E432"):
        read_gold(path)


class _Canned(Extractor):
    """An extractor that answers each sentence with events given in advance (no pipeline)."""

    def __init__(self, answers: dict[str, list[tuple[str, str, str | None, str | None]]]) -> None:
        super().__init__()
        self.answers = answers  # text -> [(type, modality, actor name, recipient name)]

    def extract_article(self, article: Article) -> Report:
        text = article.text
        entities: dict[str, Entity] = {}
        events = []
        for number, (kind, modality, actor, recipient) in enumerate(self.answers.get(text, []), start=1):
            ids = []
            for name in (actor, recipient):
                if name is None:
                    ids.append(None)
                    continue
                start = text.index(name)
                entity = entities.setdefault(
                    name, Entity(f"e{len(entities) + 1}", "location", name,
                                 (TextSpan(start, start + len(name), name),))
                )  # fmt: skip
                ids.append(entity.id)
            events.append(
                Event(f"v{number}", kind, TextSpan(0, 1, text[0]), Offsets(0, len(text)),
                      actors=tuple(i for i in ids[:1] if i), recipients=tuple(i for i in ids[1:] if i),
                      modality=modality, confidence=0.8)  # type: ignore[arg-type]
            )  # fmt: skip
        return Report(ArticleMeta(article.id), text, tuple(entities.values()), events=tuple(events))


def test_scores_types_per_sentence_and_arguments(tmp_path: Path) -> None:
    s1 = "Serbia rejected an ultimatum from Australia."
    s2 = "Finland will give Tanzania a grant."
    s3 = "Police arrested protesters in Hebron."
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([_record(s1, "REJECT", ["Serbia"], ["Australia"]),
                                _record(s2, "AGREE", ["Finland"], ["Tanzania"]),
                                _record(s3, "COERCE", ["Police"], ["protesters"])]))  # fmt: skip
    extractor = _Canned({
        s1: [("REJECT", "actual", "Serbia", "Australia")],
        s2: [("AID", "future", "Finland", None)],  # a future aid is a PLOVER AGREE
        s3: [("ASSAULT", "actual", "Police", None)],
    })  # fmt: skip
    result = evaluate(path, extractor)
    assert result.documents == 3
    assert result.per_label["REJECT"]["f1"] == 1.0
    assert result.per_label["AGREE"]["f1"] == 1.0
    assert result.per_label["COERCE"]["fn"] == 1
    assert result.per_label["ASSAULT"]["fp"] == 1
    assert result.metrics["actor_accuracy"] == {"accuracy": 0.6667, "right": 2, "total": 3}
    assert result.metrics["recipient_accuracy"]["right"] == 1
    assert result.metrics["top1_accuracy"]["right"] == 2
    # macro: the mean F1 over the 16 types (3 perfect or failed types, the rest 0)
    assert result.metrics["macro_f1"] == round(2 / 16, 4)


def test_limit(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([_record("A b.", "AGREE"), _record("C d.", "REJECT")]))
    assert evaluate(path, _Canned({}), limit=1).documents == 1


@pytest.mark.slow
def test_plover_gold_standard_baseline(shared_data: Path) -> None:
    """The development score may rise and must not silently fall below the issue's target."""
    path = shared_data / "events" / "plover-gsr-en" / "dev.json"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    result = evaluate(path, Extractor())
    assert result.documents == 160
    assert result.metrics["macro_f1"] >= 0.65
