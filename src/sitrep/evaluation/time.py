"""Time expression evaluation on TimeML (French TimeBank): extraction P/R/F1, type and value accuracy.

Reads ISO-TimeML ``.tml`` files (a file or a folder): the text is the content of ``<TEXT>`` with every tag
removed, each ``<TIMEX3>`` inside it becomes a gold span with its character offsets in that text, and the
document creation time (``<DCT>``, not scored) becomes the article's publication date. The pipeline reads the
same plain text. Extraction is scored strictly (same offsets) and relaxed (any overlap, one-to-one); type and
value accuracy are measured on the relaxed matches, as in TempEval-3.

Cannot do: TIMEX3 attributes other than type and value (``mod``, ``anchorTimeID``), TLINKs, empty TIMEX3
tags (no text to find).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..api import Extractor
from ..article import Article
from ..errors import SitrepError
from .scoring import PRF, Accuracy, EvalResult, match_spans, prf_from_matches

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


Predicted = tuple[int, int, str, str]  # start, end, type, value


def _flatten(element: ET.Element, parts: list[str], found: list[GoldTimex]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        start = sum(map(len, parts))
        _flatten(child, parts, found)
        if child.tag == "TIMEX3":
            end = sum(map(len, parts))
            if end > start:
                found.append(GoldTimex(start, end, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)


def read_tml(path: Path) -> GoldDoc:
    """One TimeML document: plain text of ``<TEXT>``, its TIMEX3 spans, and the DCT value."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise SitrepError(f"E430: {path} is not well-formed TimeML: {exc}") from exc
    body = root.find("TEXT")
    if body is None:
        raise SitrepError(f"E431: {path} has no <TEXT> element.")
    dct_tag = root.find("DCT/TIMEX3")
    dct = dct_tag.get("value") if dct_tag is not None else None
    parts: list[str] = []
    found: list[GoldTimex] = []
    _flatten(body, parts, found)
    text = "".join(parts)
    return GoldDoc(path.stem, text, dct[:10] if dct else None, tuple(sorted(found, key=lambda t: t.start)))


def read_corpus(path: Path, *, limit: int | None = None) -> list[GoldDoc]:
    files = sorted(path.glob("*.tml")) if path.is_dir() else [path]
    if not files:
        raise SitrepError(f"E432: no .tml file in {path}.")
    return [read_tml(f) for f in files[:limit]]


def score(docs: Sequence[GoldDoc], predictions: Sequence[Sequence[Predicted]], *, dataset: str,
          system: str = "sitrep") -> EvalResult:  # fmt: skip
    """Strict and relaxed extraction P/R/F1 and, on relaxed matches, type and value accuracy (overall and by type)."""
    strict, relaxed = PRF(), PRF()
    type_acc, value_acc = Accuracy(), Accuracy()
    by_type = {t: (PRF(), Accuracy()) for t in TYPES}
    for doc, predicted in zip(docs, predictions, strict=True):
        gold_spans = [(g.start, g.end) for g in doc.timexes]
        pred_spans = [(p[0], p[1]) for p in predicted]
        exact = match_spans(gold_spans, pred_spans, strict=True)
        strict.add(prf_from_matches(len(gold_spans), len(pred_spans), len(exact)))
        pairs = match_spans(gold_spans, pred_spans, strict=False)
        relaxed.add(prf_from_matches(len(gold_spans), len(pred_spans), len(pairs)))
        matched_gold = {g for g, _ in pairs}
        for g, p in pairs:
            gold, pred = doc.timexes[g], predicted[p]
            type_acc.score(gold.type == pred[2])
            value_acc.score(gold.value == pred[3])
            if gold.type in by_type:
                by_type[gold.type][0].tp += 1
                by_type[gold.type][1].score(gold.value == pred[3])
        for i, gold in enumerate(doc.timexes):
            if i not in matched_gold and gold.type in by_type:
                by_type[gold.type][0].fn += 1
        matched_pred = {p for _, p in pairs}
        for i, pred in enumerate(predicted):
            if i not in matched_pred and pred[2] in by_type:
                by_type[pred[2]][0].fp += 1
    result = EvalResult(
        task="time",
        dataset=dataset,
        documents=len(docs),
        metrics={
            "strict": strict.as_dict(),
            "relaxed": relaxed.as_dict(),
            "type_accuracy": type_acc.as_dict(),
            "value_accuracy": value_acc.as_dict(),
        },
        per_label={
            t: {
                "relaxed_f1": round(prf.f1, 4),
                "gold": prf.tp + prf.fn,
                "found": prf.tp,
                "value_acc": round(acc.value, 4),
            }
            for t, (prf, acc) in by_type.items()
        },
        notes=[f"system: {system}; the DCT of each document is given as the publication date and not scored"],
    )
    return result


def predict(doc: GoldDoc, extractor: Extractor, *, lang: str = "fr") -> list[Predicted]:
    """The times the extractor finds in one gold document's text, with its DCT as the publication date."""
    article = Article(text=doc.text, id=doc.id, published=doc.dct, language=lang)
    report = extractor.extract_article(article)
    return [(t.start, t.end, t.type, t.value) for t in report.times]


def evaluate(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    """Score ``extractor``'s times stage on the TimeML file or folder at ``path``."""
    docs = read_corpus(path, limit=limit)
    predictions = [predict(doc, extractor) for doc in docs]
    return score(docs, predictions, dataset=str(path))
