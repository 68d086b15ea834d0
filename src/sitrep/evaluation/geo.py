"""Geoparsing evaluation on LGL and GeoWebNews (GWN) XML: toponym recognition and GeoNames resolution.

Reader: both files are ``<articles><article>`` with the text and ``<toponyms>``; offsets are character offsets
into the text.
- LGL (Lieberman et al.): ``<toponym><start/><end/><phrase/><gaztag geonameid=...><lat/><lon/><country
  geonameid=.../></gaztag>``; every toponym is gold for recognition, those with a ``gaztag`` for resolution.
- GWN (Gritta et al. 2019): ``<toponym><extractedName/><type/><modifierType/><nonLocational/><start/><end/>
  <geonamesID/><latitude/><longitude/>``. Gold toponyms: types Literal, Metonymic, Mixed, Literal_Modifier,
  Non_Literal_Modifier, Embedded_Literal and Embedded_Non_Lit, except adjectival modifiers ("Syrian"). sitrep does
  not tag demonyms or adjectives by design, so adjectival modifiers, Demonym, Language, Coercion ("White House"),
  Non_Toponym and the lower-case expressions are *ignored*: a prediction on them counts neither way. Homonym
  (a person named like a place) counts against a prediction.

LGL tags demonyms and adjectives of nationality as toponyms too; they are set aside the same way (a demonym of
the entities stage's tables, or a name that the gazetteer lacks ending like one: "-an", "-ese", "-ish", "-i").

- HIPE-2022 TSV (the newseye French newspapers): coarse LOC entities, recognition only (see :func:`read_hipe`).
- The team's JSON lines (``tests/data/places_fr_gold.jsonl``, see :func:`read_jsonl`): one document a line,
  ``{"id", "lang", "text", "places": [{"start", "end", "text", "geonameid", "feature"}]}``. The gold coordinates
  (for the km figures) are those of the gold id's entry in the *active gazetteer*, not an independent source; a
  toponym whose ``geonameid`` is null (a place the gazetteer lacks: "Darfour", a river), or whose id the active
  gazetteer lacks, counts for recognition only.

Scorer: recognition P/R/F1 by span overlap (one-to-one, largest overlap first). On the recognised gold toponyms
that carry coordinates: exact GeoNames match (where the gold has an id), correct country, accuracy within 161 km,
mean and median error in km (``acc@161km_or_exact`` also counts the right GeoNames id as right whatever the
distance: the embedded gazetteer's country and region points are not GeoNames' own, see
:mod:`sitrep.gazetteer.embedded`; unresolved predictions count as misses and are left out of the error means; their
number is reported). The gold country comes from LGL's ``<country>`` tag, or for GWN from the gold id's entry in
the gazetteer, else from the gazetteer's nearest populated place to the gold point (a reverse geocode, said so in
the notes). Notes list the gold names that were not found, and whether the gazetteer has the name at all.
"""

from __future__ import annotations

import json
import math
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..api import Extractor
from ..errors import SitrepError
from ..gazetteer import Gazetteer, load_gazetteer, name_key
from ..pipeline.attrs import PLACES, DocInfo, PlaceAttrs
from ..pipeline.place_lexicon import demonym_words
from .scoring import PRF, Accuracy, EvalResult, match_spans

GWN_TOPONYM_TYPES = frozenset({
    "Literal", "Metonymic", "Mixed", "Literal_Modifier", "Non_Literal_Modifier", "Embedded_Literal",
    "Embedded_Non_Lit",
})  # fmt: skip
GWN_NEGATIVE_TYPES = frozenset({"Homonym"})
ACC_KM = 161.0
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is")
EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    kind: str  # LGL: "toponym"; GWN: its type
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_geonameid: int | None = None  # LGL gives the country's GeoNames id


@dataclass(slots=True)
class GoldDocument:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    lang: str | None = None  # the document's language where the gold format gives it (JSON lines)
    ignored: list[tuple[int, int]] = field(default_factory=list)  # spans that count neither way
    negatives: list[tuple[int, int]] = field(default_factory=list)  # spans where a prediction is wrong


def read_corpus(path: Path) -> Iterator[GoldDocument]:
    """The documents of an LGL or GWN XML file (the format is recognised per toponym), of a HIPE TSV file, or of
    the team's JSON lines (``.jsonl``)."""
    if path.suffix.lower() == ".tsv":
        yield from read_hipe(path)
        return
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path)
        return
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise SitrepError(f"E420: cannot read {path} as LGL/GWN XML: {exc}") from exc
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        doc = GoldDocument(article.get("docid") or article.get("file") or str(number), text)
        for toponym in article.iter("toponym"):
            _read_toponym(toponym, doc)
        yield doc


def read_hipe(path: Path) -> Iterator[GoldDocument]:
    """HIPE-2022 TSV (one token a line, ``# hipe2022:document_id`` between documents): the text is rebuilt from the
    tokens (``NoSpaceAfter`` in MISC, but a line break between two glued word tokens: see _lost_line_break), and
    the coarse literal LOC entities are the gold toponyms, of kind
    ``LOC-linked`` (a Wikidata id in NEL-LIT) or ``LOC-NIL``. Wikidata ids are not GeoNames ids: only recognition
    is scored on this format."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(f"E420: cannot read {path} as HIPE TSV: {exc}") from exc
    doc: GoldDocument | None = None
    parts: list[str] = []
    entity: list[object] | None = None  # [start, end, linked]

    def close_entity() -> None:
        nonlocal entity
        if entity is not None and doc is not None:
            start, end, linked = entity
            assert isinstance(start, int) and isinstance(end, int)
            doc.toponyms.append(
                GoldToponym(start, end, "".join(parts)[start:end], "LOC-linked" if linked else "LOC-NIL")
            )
        entity = None

    def close_document() -> GoldDocument | None:
        close_entity()
        if doc is not None:
            doc.text = "".join(parts)
        return doc

    for line in lines:
        if line.startswith("# hipe2022:document_id"):
            finished = close_document()
            if finished is not None:
                yield finished
            doc, parts = GoldDocument(line.split("=", 1)[1].strip(), ""), []
            continue
        if not line or line.startswith("#") or line.startswith("TOKEN\t") or doc is None:
            continue
        cells = line.split("\t")
        if len(cells) < 10:
            continue
        token, tag, link, misc = cells[0], cells[1], cells[7], cells[9]
        if parts and _lost_line_break(parts[-1], token):
            parts.append("\n")
        start = sum(len(p) for p in parts)
        end = start + len(token)
        if tag == "B-LOC" or (tag == "I-LOC" and entity is None):
            close_entity()
            entity = [start, end, link not in ("_", "NIL", "")]
        elif tag == "I-LOC" and entity is not None:
            entity[1] = end
        else:
            close_entity()
        parts.append(token)
        if "NoSpaceAfter" not in misc:
            parts.append("\n" if "EndOfLine" in misc else " ")
    finished = close_document()
    if finished is not None:
        yield finished


def _lost_line_break(before: str, token: str) -> bool:
    """Whether two word tokens that the file glues (``NoSpaceAfter``) were two words of the page: the OCR'd
    newspapers of HIPE lose line breaks so ("la" + "France" + "Ajoutons", "547.888" + "France"); a word cut by a
    hyphen at a line end ("ex¬" + "cessif") and an elision ("l" + "’") stay glued."""
    return bool(before) and before[-1].isalnum() and token[:1].isalpha()


def read_jsonl(path: Path, gazetteer: Gazetteer | None = None) -> Iterator[GoldDocument]:
    """The team's gold JSON lines: one document a line with its ``lang`` and its ``places`` (character offsets, a
    GeoNames id or null, a feature kind: the toponym's ``kind``). Coordinates come from the gazetteer's entry for
    the gold id (default: the active gazetteer)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(f"E420: cannot read {path} as JSON lines: {exc}") from exc
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = str(record["text"])
            doc = GoldDocument(str(record.get("id", number)), text, lang=record.get("lang"))
            for place in record.get("places", []):
                doc.toponyms.append(_jsonl_toponym(place, text, gaz))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise SitrepError(f"E422: {path}, line {number}: not a places gold record ({exc}).") from exc
        yield doc


def _jsonl_toponym(place: dict[str, object], text: str, gazetteer: Gazetteer) -> GoldToponym:
    start, end = place["start"], place["end"]
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        raise ValueError(f"bad offsets {start!r}, {end!r}")
    if "text" in place and text[start:end] != place["text"]:
        raise ValueError(f"offsets {start}-{end} give {text[start:end]!r}, not {place['text']!r}")
    raw = place.get("geonameid")
    geonameid = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if raw is not None and geonameid is None:
        raise ValueError(f"geonameid {raw!r} is not an integer or null")
    entry = gazetteer.by_geonameid(geonameid) if geonameid is not None else None
    return GoldToponym(
        start, end, text[start:end], str(place.get("feature") or "place"), geonameid=geonameid,
        lat=entry.lat if entry is not None else None, lon=entry.lon if entry is not None else None,
    )  # fmt: skip


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def _read_toponym(node: ET.Element, doc: GoldDocument) -> None:
    start, end = _int(node.findtext("start")), _int(node.findtext("end"))
    if start is None or end is None or end <= start:
        return
    if node.find("phrase") is not None:  # LGL
        tag = node.find("gaztag")
        if tag is None:
            doc.toponyms.append(GoldToponym(start, end, doc.text[start:end], "toponym"))
            return
        country = tag.find("country")
        doc.toponyms.append(GoldToponym(
            start, end, doc.text[start:end], "toponym", geonameid=_int(tag.get("geonameid")),
            lat=_float(tag.findtext("lat")), lon=_float(tag.findtext("lon")),
            country_geonameid=_int(country.get("geonameid")) if country is not None else None,
        ))  # fmt: skip
        return
    kind = node.findtext("type") or ""
    adjective = (node.findtext("modifierType") or "") == "Adjective"
    if kind in GWN_TOPONYM_TYPES and not adjective and (node.findtext("nonLocational") or "No") == "No":
        doc.toponyms.append(GoldToponym(
            start, end, doc.text[start:end], kind, geonameid=_int(node.findtext("geonamesID")),
            lat=_float(node.findtext("latitude")), lon=_float(node.findtext("longitude")),
        ))  # fmt: skip
    elif kind in GWN_NEGATIVE_TYPES:
        doc.negatives.append((start, end))
    else:
        doc.ignored.append((start, end))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(slots=True)
class _Tally:
    recognition: PRF = field(default_factory=PRF)
    exact: Accuracy = field(default_factory=Accuracy)
    country: Accuracy = field(default_factory=Accuracy)
    acc161: Accuracy = field(default_factory=Accuracy)
    acc161_or_exact: Accuracy = field(default_factory=Accuracy)
    errors: list[float] = field(default_factory=list)
    unresolved: int = 0
    by_kind: dict[str, PRF] = field(default_factory=dict)
    missed: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    reverse_geocoded: int = 0
    demonyms: int = 0


def evaluate(path: Path, extractor: Extractor, *, limit: int | None = None, lang: str | None = None) -> EvalResult:
    """Score the places stage of ``extractor`` on an LGL or GWN file (English), a HIPE TSV file (French), or the
    team's JSON lines (each document in its own ``lang``, French by default)."""
    jsonl = path.suffix.lower() == ".jsonl"
    lang = lang or ("fr" if path.suffix.lower() == ".tsv" or jsonl else "en")
    nlp = extractor.pipeline(lang)
    if "places" not in nlp.pipe_names:
        raise SitrepError("E421: the geo evaluation needs the places stage; run it with the places stage on.")
    gazetteer = load_gazetteer()
    demonyms = demonym_words(lang)
    tally = _Tally()
    documents = 0
    for gold in read_corpus(path):
        if limit is not None and documents >= limit:
            break
        documents += 1
        tally.demonyms += _set_aside_demonyms(gold, demonyms, gazetteer)
        pipeline = extractor.pipeline(gold.lang) if gold.lang and gold.lang != lang else nlp
        doc = pipeline.make_doc(gold.text)
        doc._.sitrep = DocInfo(article_id=gold.id)
        doc = pipeline(doc)
        predicted = [(s.start_char, s.end_char, s._.place or PlaceAttrs()) for s in doc.spans.get(PLACES, [])]
        _score_document(gold, predicted, gazetteer, tally)
    return _result(path, documents, tally, gazetteer)


def _set_aside_demonyms(gold: GoldDocument, demonyms: frozenset[str], gazetteer: Gazetteer) -> int:
    """LGL tags demonyms and adjectives ("Russian", "Palestinians") as toponyms; sitrep does not tag them by
    design, so they are ignored (as GWN's adjectival types are): a demonym of the entities stage's tables, or a name
    the gazetteer lacks that ends like an adjective of nationality."""
    kept: list[GoldToponym] = []
    for toponym in gold.toponyms:
        key = name_key(toponym.text)
        last = key.rsplit(" ", 1)[-1]
        if toponym.kind == "toponym" and (
            last in demonyms or (key not in gazetteer and last.endswith(DEMONYM_ENDINGS))
        ):
            gold.ignored.append((toponym.start, toponym.end))
        else:
            kept.append(toponym)
    removed = len(gold.toponyms) - len(kept)
    gold.toponyms = kept
    return removed


def _score_document(gold: GoldDocument, predicted: list[tuple[int, int, PlaceAttrs]], gazetteer: Gazetteer,
                    tally: _Tally) -> None:  # fmt: skip
    gold_spans = [(t.start, t.end) for t in gold.toponyms]
    pred_spans = [(s, e) for s, e, _ in predicted]
    pairs = match_spans(gold_spans, pred_spans, strict=False)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    # predictions on ignored spans count neither way
    ignored_pred = {
        p for p, span in enumerate(pred_spans)
        if p not in matched_pred and any(_overlaps(span, ign) for ign in gold.ignored)
    }  # fmt: skip
    fp = len(pred_spans) - len(matched_pred) - len(ignored_pred)
    tally.recognition.add(PRF(tp=len(pairs), fp=fp, fn=len(gold_spans) - len(pairs)))
    for p, (s, e, _) in enumerate(predicted):
        if p not in matched_pred and p not in ignored_pred:
            tally.spurious[gold.text[s:e]] += 1
    for g, toponym in enumerate(gold.toponyms):
        row = tally.by_kind.setdefault(toponym.kind, PRF())
        if g in matched_gold:
            row.tp += 1
        else:
            row.fn += 1
            tally.missed[toponym.text] += 1
    for g, p in pairs:
        _score_resolution(gold.toponyms[g], predicted[p][2], gazetteer, tally)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _score_resolution(gold: GoldToponym, place: PlaceAttrs, gazetteer: Gazetteer, tally: _Tally) -> None:
    if gold.lat is None or gold.lon is None:
        return
    exact = gold.geonameid is not None and place.geonameid == gold.geonameid
    if gold.geonameid is not None:
        tally.exact.score(exact)
        if not exact:
            tally.wrong[gold.text] += 1
    gold_country = _gold_country(gold, gazetteer, tally)
    if gold_country is not None:
        tally.country.score(place.country == gold_country)
    if place.lat is None or place.lon is None:
        tally.unresolved += 1
        tally.acc161.score(False)
        tally.acc161_or_exact.score(exact)
        return
    error = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
    tally.errors.append(error)
    tally.acc161.score(error <= ACC_KM)
    tally.acc161_or_exact.score(exact or error <= ACC_KM)


def _gold_country(gold: GoldToponym, gazetteer: Gazetteer, tally: _Tally) -> str | None:
    if gold.country_geonameid is not None:
        entry = gazetteer.by_geonameid(gold.country_geonameid)
        if entry is not None:
            return entry.country
    if gold.geonameid is not None:
        entry = gazetteer.by_geonameid(gold.geonameid)
        if entry is not None and entry.country:
            return entry.country
    if gold.lat is not None and gold.lon is not None:
        nearest = gazetteer.nearest_city(gold.lat, gold.lon)
        if nearest is not None:
            tally.reverse_geocoded += 1
            return nearest.country
    return None


def _result(path: Path, documents: int, tally: _Tally, gazetteer: Gazetteer) -> EvalResult:
    errors = tally.errors
    metrics: dict[str, object] = {
        "recognition": tally.recognition.as_dict(),
        "exact_geonameid": tally.exact.as_dict(),
        "country": tally.country.as_dict(),
        "acc@161km": tally.acc161.as_dict(),
        "acc@161km_or_exact": tally.acc161_or_exact.as_dict(),
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "unresolved": tally.unresolved,
    }
    per_label = {kind: {"recall": round(row.recall, 4), "found": row.tp, "gold": row.tp + row.fn}
                 for kind, row in sorted(tally.by_kind.items())}  # fmt: skip
    lacking = Counter({name: n for name, n in tally.missed.items() if name_key(name) not in gazetteer})
    notes = [
        f"gazetteer: {gazetteer.source} ({len(gazetteer)} entries, {gazetteer.path})",
        f"gold toponyms not recognised: {sum(tally.missed.values())}; of them, names the gazetteer lacks: "
        f"{sum(lacking.values())}",
        "most frequent names the gazetteer lacks: " + _top(lacking),
        "most frequent names missed although in the gazetteer: " + _top(tally.missed - lacking),
        "most frequent wrong resolutions: " + _top(tally.wrong),
        "most frequent spurious predictions: " + _top(tally.spurious),
    ]
    if tally.demonyms:
        notes.append(f"gold demonyms and adjectives set aside (sitrep does not tag them): {tally.demonyms}")
    if tally.reverse_geocoded:
        notes.append(f"gold country from the nearest gazetteer place for {tally.reverse_geocoded} toponyms")
    return EvalResult("geo", path.name, documents, metrics, per_label, notes)


def _top(counter: Counter[str], n: int = 25) -> str:
    return ", ".join(f"{name} ({count})" for name, count in counter.most_common(n)) or "none"
