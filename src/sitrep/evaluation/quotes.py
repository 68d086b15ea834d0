"""Quote evaluation: PolNeAR (English attributions, BRAT standoff), aads (French direct speech, JSON) and
the team's own quote gold sets (JSON lines, content strings with kind and speaker name).

``evaluate(path, extractor)`` reads either a PolNeAR folder (the corpus root with ``train``/``dev``, or one split
with ``text/`` and ``attributions/``), the aads ``val.json`` file or a ``.jsonl`` gold set, runs the extractor,
and scores:

- PolNeAR: content precision / recall / F1 where a predicted content covers at least 30 % (and, separately,
  80 %) of a gold content's characters (one-to-one, greedy on the largest overlap); source accuracy on the
  quotes matched at 30 %: right when the predicted speaker span overlaps the gold source, or when both are
  absent. Every attribution counts (speech, thought, "according to"), as the corpus annotates them all. Articles
  annotated by several annotators are scored against the first annotator's file (by file name). The records of
  an interrupted quotation that share one cue are scored as one content (their characters pooled), since the
  corpus annotates it as one discontinuous content.
- aads: direct speech spans (kind ``direct``) against the gold spans, both trimmed of quotation marks, dashes
  and spaces, F1 at 30 % and 80 % coverage and on exact trimmed offsets.
- JSON lines gold set (one paragraph per line: ``{"id", "text", "lang"? (or "language"), "quotes": [{"content", "kind",
  "speaker"}]}``, a content given as a string found once in the text, or a list of such strings for the parts
  of one interrupted statement; ``speaker`` a name or a list of accepted names, null when the text names no
  source): content F1 at 30 % and 80 % (parts sharing a cue pooled, as for PolNeAR), and on the quotes
  matched at 30 % the speaker accuracy (the report's entity name, else the speaker text, equal to a gold name
  once case, leading determiners and apostrophe forms are ignored) and the kind accuracy. Such a set is small
  and written by the team: a check of the case families, not an independent measurement.

Gold contents are character sets, so discontinuous BRAT spans ("315 448;463 553") are scored as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..api import Extractor
from ..article import Article
from ..errors import SitrepError
from ..report import Quote, Report
from .scoring import PRF, Accuracy, EvalResult

THRESHOLDS = (0.3, 0.8)
_BRAT_LINE = re.compile(r"^[TE]\d+\t")
_TRIM = " \t\n\u00a0\u202f«»“”„‹›\"'‘’—–-:,"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: frozenset[int]  # character offsets
    source: frozenset[int]  # empty when the attribution has no source


@dataclass(frozen=True, slots=True)
class Predicted:
    content: frozenset[int]
    speaker: frozenset[int]
    kind: str


_MATCH_NOTE = "content matched when it covers >= 30 % / 80 % of a gold content's characters, one to one"


def _content_metrics(prf: dict[float, PRF]) -> dict[str, object]:
    return {f"content@{int(t * 100)}": prf[t].as_dict() for t in THRESHOLDS}


def _result(dataset: str, documents: int, metrics: dict[str, object], note: str) -> EvalResult:
    return EvalResult(task="quotes", dataset=dataset, documents=documents, metrics=metrics, notes=[_MATCH_NOTE, note])


def _chars(ranges: Sequence[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for start, end in ranges for i in range(start, end))


def read_brat(path: Path) -> list[GoldAttribution]:
    """The attributions of one PolNeAR ``.ann`` file; raises :class:`SitrepError` on a malformed line."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations: list[dict[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or not _BRAT_LINE.match(line):
            continue  # a span's text that ran over a newline continues on the next line
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                label_and_ranges = fields[1]
                _, _, ranges = label_and_ranges.partition(" ")
                spans[fields[0]] = [
                    (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))
                ]
            elif line.startswith("E"):
                args = dict(part.split(":", 1) for part in fields[1].split())
                relations.append({role: target for role, target in args.items()})
        except (IndexError, ValueError) as exc:
            raise SitrepError(f"E440: {path}:{number}: cannot read the BRAT line {line[:60]!r} ({exc}).") from exc
    out: list[GoldAttribution] = []
    for rel in relations:
        content = rel.get("Content")
        if content is None or content not in spans:
            continue
        source = rel.get("Source")
        out.append(GoldAttribution(_chars(spans[content]), _chars(spans[source]) if source in spans else frozenset()))
    return out


def polnear_articles(path: Path) -> Iterator[tuple[str, str, Path]]:
    """(article id, text, annotation file) for a PolNeAR root or split folder, in name order."""
    splits = [path] if (path / "text").is_dir() else [p for p in sorted(path.iterdir()) if (p / "text").is_dir()]
    if not splits:
        raise SitrepError(f"E441: {path} holds no PolNeAR split (a folder with text/ and attributions/).")
    for split in splits:
        annotations = sorted((split / "attributions").glob("*.ann"))
        for text_path in sorted((split / "text").glob("*.txt")):
            stem = text_path.stem
            mine = [a for a in annotations if a.stem.rsplit("_", 1)[0] == stem]
            if mine:
                yield stem, text_path.read_text(encoding="utf-8"), mine[0]


def _statements(report: Report) -> list[list[Quote]]:
    """The report's quotes grouped by statement: the parts of an interrupted quotation share a cue."""
    pooled: dict[tuple[int, int] | int, list[Quote]] = {}
    for q in report.quotes:
        key: tuple[int, int] | int = (q.cue.start, q.cue.end) if q.cue is not None else q.start
        pooled.setdefault(key, []).append(q)
    return list(pooled.values())


def _predicted(report: Report, shift: int) -> list[Predicted]:
    """Report quotes as character sets, pooling the parts of an interrupted quotation that share a cue."""
    out: list[Predicted] = []
    for parts in _statements(report):
        content = _chars([(q.start + shift, q.end + shift) for q in parts])
        speaker = parts[0].speaker
        out.append(Predicted(content, _chars([(speaker.start + shift, speaker.end + shift)]) if speaker else
                             frozenset(), parts[0].kind))
    return out


def match(gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]], threshold: float
          ) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs whose overlap covers ``threshold`` of the gold characters."""
    candidates = []
    for g, gs in enumerate(gold):
        if not gs:
            continue
        for p, ps in enumerate(predicted):
            shared = len(gs & ps)
            if shared and shared / len(gs) >= threshold:
                candidates.append((shared, g, p))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates, reverse=True):
        if g not in used_g and p not in used_p:
            pairs.append((g, p))
            used_g.add(g)
            used_p.add(p)
    return sorted(pairs)


def _extract(extractor: Extractor, text: str, lang: str, article_id: str) -> tuple[Report, int]:
    report = extractor.extract_article(Article(text=text, id=article_id, language=lang))
    shift = len(text) - len(text.lstrip("\ufeff"))  # the extractor drops a byte-order mark
    if report.text != text[shift:]:
        raise SitrepError(f"E442: {article_id}: the extractor changed the text; offsets cannot be compared.")
    return report, shift


def evaluate_polnear(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    prf = {t: PRF() for t in THRESHOLDS}
    source = Accuracy()
    source_named = Accuracy()
    per_kind: dict[str, PRF] = {}
    documents = 0
    for article_id, text, ann in polnear_articles(path):
        if limit is not None and documents >= limit:
            break
        documents += 1
        gold = read_brat(ann)
        report, shift = _extract(extractor, text, "en", article_id)
        predicted = _predicted(report, shift)
        gold_sets = [g.content for g in gold]
        pred_sets = [p.content for p in predicted]
        for t in THRESHOLDS:
            pairs = match(gold_sets, pred_sets, t)
            prf[t].add(PRF(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs)))
            if t == THRESHOLDS[0]:
                matched = {p for _, p in pairs}
                for g, p in pairs:
                    gs, ps = gold[g].source, predicted[p].speaker
                    source.score(bool(gs & ps) if gs else not ps)
                    if gs:
                        source_named.score(bool(gs & ps))
                for p, pred in enumerate(predicted):
                    row = per_kind.setdefault(pred.kind, PRF())
                    if p in matched:
                        row.tp += 1
                    else:
                        row.fp += 1
    metrics = _content_metrics(prf)
    metrics["source_accuracy"] = source.as_dict()
    metrics["source_accuracy_gold_has_source"] = source_named.as_dict()
    result = _result(f"PolNeAR {path.name}", documents, metrics,
                     "source accuracy on quotes matched at 30 %: speaker overlaps the gold source (or both absent)")
    result.per_label = {k: {"precision": round(v.precision, 4), "tp": v.tp, "fp": v.fp} for k, v in per_kind.items()}
    return result


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def evaluate_aads(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SitrepError(f"E443: cannot read the aads file {path}: {exc}") from exc
    prf = {t: PRF() for t in THRESHOLDS}
    exact = PRF()
    documents = 0
    for doc_id, record in data.items():
        if limit is not None and documents >= limit:
            break
        documents += 1
        text: str = record["text"]
        gold = [_trimmed(text, int(label[0]), int(label[1])) for label in record["labels"]]
        gold = [g for g in gold if g[1] > g[0]]
        report, shift = _extract(extractor, text, "fr", str(doc_id))
        pred = [_trimmed(text, q.start + shift, q.end + shift) for q in report.quotes if q.kind == "direct"]
        pred = [p for p in pred if p[1] > p[0]]
        gold_sets = [_chars([g]) for g in gold]
        pred_sets = [_chars([p]) for p in pred]
        for t in THRESHOLDS:
            pairs = match(gold_sets, pred_sets, t)
            prf[t].add(PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs)))
        same = len(set(gold) & set(pred))
        exact.add(PRF(tp=same, fp=len(pred) - same, fn=len(gold) - same))
    metrics: dict[str, object] = {f"direct@{int(t * 100)}": prf[t].as_dict() for t in THRESHOLDS}
    metrics["direct_exact"] = exact.as_dict()
    return EvalResult(
        task="quotes",
        dataset=f"aads {path.name}",
        documents=documents,
        metrics=metrics,
        notes=["direct speech spans trimmed of marks, dashes and spaces; matched at >= 30 % / 80 % gold coverage"],
    )


_DETERMINER = re.compile(r"^(?:(?:le|la|les|un|une|des|du|de|the|a|an)\s+|l'|d')", re.IGNORECASE)


def _speaker_key(name: str) -> str:
    """A speaker name compared without case, leading determiners, apostrophe forms or repeated spaces."""
    key = " ".join(name.replace("\u2019", "'").split()).lower()
    previous = None
    while key != previous:
        previous, key = key, _DETERMINER.sub("", key)
    return key


@dataclass(frozen=True, slots=True)
class GoldQuote:
    content: frozenset[int]
    kind: str
    speakers: frozenset[str]  # accepted speaker keys; empty when the text names no source


def read_gold_lines(path: Path) -> list[tuple[str, str, str, list[GoldQuote]]]:
    """(id, language, text, gold quotes) of each line of a JSON lines gold set; raises :class:`SitrepError`."""
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SitrepError(f"E445: cannot read the quote gold set {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text: str = record["text"]
            gold = []
            for q in record.get("quotes", []):
                parts = q["content"] if isinstance(q["content"], list) else [q["content"]]
                ranges = []
                for part in parts:
                    if text.count(part) != 1:
                        raise ValueError(f"the content {part[:40]!r} is not found exactly once in the text")
                    start = text.index(part)
                    ranges.append(_trimmed(text, start, start + len(part)))
                names = q.get("speaker")
                names = [] if names is None else [names] if isinstance(names, str) else names
                gold.append(GoldQuote(_chars(ranges), str(q["kind"]), frozenset(_speaker_key(n) for n in names)))
            lang = str(record.get("lang", record.get("language", "fr")))  # either key, as the events gold set
            out.append((str(record.get("id", number)), lang, text, gold))
        except (KeyError, TypeError, ValueError) as exc:
            raise SitrepError(f"E445: {path}:{number}: not a quote gold record ({exc}).") from exc
    return out


def evaluate_gold_lines(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    """Content F1, speaker and kind accuracy on a JSON lines quote gold set (see the module docstring)."""
    prf = {t: PRF() for t in THRESHOLDS}
    speaker = Accuracy()
    kind = Accuracy()
    documents = 0
    for doc_id, lang, text, gold in read_gold_lines(path):
        if limit is not None and documents >= limit:
            break
        documents += 1
        report, shift = _extract(extractor, text, lang, doc_id)
        parts_of = _statements(report)
        pred_sets = [_chars([_trimmed(text, q.start + shift, q.end + shift) for q in parts]) for parts in parts_of]
        for t in THRESHOLDS:
            pairs = match([g.content for g in gold], pred_sets, t)
            prf[t].add(PRF(tp=len(pairs), fp=len(pred_sets) - len(pairs), fn=len(gold) - len(pairs)))
            if t != THRESHOLDS[0]:
                continue
            for g, p in pairs:
                said = parts_of[p][0].speaker
                name = (said.name or said.text) if said is not None else None
                speaker.score(_speaker_key(name) in gold[g].speakers if name else not gold[g].speakers)
                kind.score(parts_of[p][0].kind == gold[g].kind)
    metrics = _content_metrics(prf)
    metrics["speaker_accuracy"] = speaker.as_dict()
    metrics["kind_accuracy"] = kind.as_dict()
    return _result(f"quote gold set {path.name}", documents, metrics,
                   "speaker right when the entity name (else the speaker text) equals a gold name, determiners aside")


def evaluate(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    """Score quotes on a PolNeAR folder, an aads JSON file or a JSON lines gold set (chosen by what ``path`` is)."""
    if path.is_file() and path.suffix == ".json":
        return evaluate_aads(path, extractor, limit=limit)
    if path.is_file() and path.suffix == ".jsonl":
        return evaluate_gold_lines(path, extractor, limit=limit)
    if path.is_dir():
        return evaluate_polnear(path, extractor, limit=limit)
    raise SitrepError(
        f"E444: {path} is neither a PolNeAR folder, an aads .json file nor a .jsonl quote gold set; give one of "
        "them to `sitrep eval quotes`."
    )


__all__ = ["evaluate", "evaluate_aads", "evaluate_gold_lines", "evaluate_polnear", "match", "read_brat",
           "read_gold_lines"]
