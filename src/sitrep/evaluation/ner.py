"""Named-entity evaluation: readers for the CoNLL / BIO gold formats and an exact-span P/R/F1 scorer.

Formats, recognised from the file's content:

- ``idx token tag`` (WikiNEuRal ``val.conllu``, CoNLL-2003 ``*.conllu``): IOB2, a blank line between sentences,
  ``-DOCSTART-`` lines skipped;
- ``token tag`` (Europeana ``*.bio``): IOB1 (``I-`` opens an entity unless it continues one of the same type), no
  sentence breaks: the stream is cut after a full stop before a capitalised word, at most every 60 tokens;
- HIPE-2022 TSV (``TOKEN NE-COARSE-LIT ...``): the coarse literal column, sentences cut at ``EndOfSentence``,
  ``pers``/``org``/``loc`` (or ``PER``/``ORG``/``LOC``) types; every other type counts as MISC.

Each sentence's tokens (a document's, where the file marks documents: sentences joined by a newline) are joined
with single spaces (none after a French elided word: "l'Ontario", as written) and extracted as one article in the
file's language (from the path: ``-en``/``conll`` -> English, else French); the predicted mentions (entity mentions
of the report that are names: descriptors opening with a determiner are left out) are mapped back to the gold tokens
they cover. Scored exactly on (first token, last
token, type): person -> PER, organization -> ORG, location -> LOC, group -> ORG (a people such as "les Russes" ->
MISC), other -> MISC, reported apart from the overall PER/ORG/LOC figure.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..api import Extractor
from ..article import Article
from ..errors import SitrepError
from ..pipeline.naming.lexicon import build_lexicon
from .scoring import PRF, EvalResult

TYPES = ("PER", "ORG", "LOC")
KIND_TO_TYPE = {"person": "PER", "organization": "ORG", "location": "LOC", "group": "ORG", "other": "MISC"}
HIPE_TYPES = {"pers": "PER", "per": "PER", "org": "ORG", "loc": "LOC"}
# Words that open a descriptor mention ("le président ukrainien"), not a name.
DESCRIPTOR_OPENERS = frozenset({"le", "la", "l'", "l’", "les", "the", "son", "sa", "ses", "leur", "leurs", "his",
                                "her", "its", "their", "a", "an", "un", "une", "des", "du", "au", "aux"})  # fmt: skip
EUROPEANA_CHUNK = 60
# A French elided word, written against the next one in running text ("l'Ontario", "d'Hudson", "qu'il").
_ELIDED = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]$", re.IGNORECASE)

Entity = tuple[int, int, str]  # first token, end token (exclusive), type


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: tuple[str, ...]
    entities: frozenset[Entity]
    breaks: tuple[int, ...] = ()  # tokens that open a new sentence of a document (joined by a newline)


def _spans_iob(tags: list[str], *, iob1: bool) -> frozenset[Entity]:
    """Entity spans of an IOB1 or IOB2 tag sequence (types normalised to PER/ORG/LOC/MISC)."""
    found: set[Entity] = set()
    start, current = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        label = _normal_type(label) if label else ""
        opens = prefix == "B" or (prefix == "I" and (label != current or (not iob1 and current == "")))
        if prefix == "O" or prefix not in ("B", "I") or opens:
            if current:
                found.add((start, i, current))
            start, current = (i, label) if prefix in ("B", "I") and label else (-1, "")
    return frozenset(found)


def _normal_type(label: str) -> str:
    low = label.lower()
    if low in HIPE_TYPES:
        return HIPE_TYPES[low]
    up = label.upper()
    return up if up in TYPES else "MISC"


def _conll(path: Path) -> Iterator[Sentence]:
    """Sentences, or whole documents where the file marks them with ``-DOCSTART-`` (sentences joined by a
    newline, so that a name's earlier mentions in its article are seen, as in real use)."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as scan:
        documents = any("-DOCSTART-" in line for line in scan)

    def document() -> Iterator[Sentence]:
        if not sentences:
            return
        words: list[str] = []
        labels: list[str] = []
        breaks: list[int] = []
        for sentence_tokens, sentence_tags in sentences:
            if words:
                breaks.append(len(words))
            words.extend(sentence_tokens)
            labels.extend(sentence_tags)
        yield Sentence(tuple(words), _spans_iob(labels, iob1=False), tuple(breaks))

    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cells = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            if not cells or not line.strip():
                if tokens:
                    sentences.append((tokens, tags))
                    if not documents:
                        yield from document()
                        sentences.clear()
                tokens, tags = [], []
                continue
            if len(cells) >= 2 and cells[1] == "-DOCSTART-":
                yield from document()
                sentences.clear()
                continue
            if len(cells) < 3:
                continue
            tokens.append(cells[1])
            tags.append(cells[-1])
    if tokens:
        sentences.append((tokens, tags))
    yield from document()


def _bio(path: Path) -> Iterator[Sentence]:
    tokens: list[str] = []
    tags: list[str] = []

    def cut() -> Iterator[Sentence]:
        if tokens:
            yield Sentence(tuple(tokens), _spans_iob(tags, iob1=True))

    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cells = line.split()
            if len(cells) < 2:
                continue
            token, tag = cells[0], cells[-1]
            boundary = bool(tokens) and tokens[-1] in (".", "!", "?") and token[:1].isupper() and tag == "O"
            if boundary or (len(tokens) >= EUROPEANA_CHUNK and tag == "O" and tags[-1] == "O"):
                yield from cut()
                tokens, tags = [], []
            tokens.append(token)
            tags.append(tag)
    yield from cut()


def _hipe(path: Path) -> Iterator[Sentence]:
    tokens: list[str] = []
    tags: list[str] = []
    column = 1
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "TOKEN":
                column = cells.index("NE-COARSE-LIT") if "NE-COARSE-LIT" in cells else 1
                continue
            tokens.append(cells[0])
            tags.append(cells[column] if len(cells) > column else "O")
            if "EndOfSentence" in cells[-1]:
                yield Sentence(tuple(tokens), _spans_iob(tags, iob1=False))
                tokens, tags = [], []
    if tokens:
        yield Sentence(tuple(tokens), _spans_iob(tags, iob1=False))


def read(path: Path) -> Iterator[Sentence]:
    """The gold sentences of a CoNLL, BIO or HIPE file (the format is recognised from the first line)."""
    with path.open(encoding="utf-8") as f:
        head = [line for line in (f.readline() for _ in range(5)) if line.strip()]
    if not head:
        raise SitrepError(f"E410: {path} is empty.")
    first = head[0]
    if first.startswith("TOKEN\t") or first.startswith("#"):
        return _hipe(path)
    cells = first.split("\t") if "\t" in first else first.split()
    if len(cells) >= 3 and cells[0].isdigit():
        return _conll(path)
    if len(cells) == 2:
        return _bio(path)
    raise SitrepError(f"E411: {path}: unknown NER format (expected `idx token tag`, `token tag` or HIPE TSV).")


def language_of(path: Path) -> str:
    name = str(path).lower()
    return "en" if re.search(r"(^|[-_/.])en([-_/.]|$)", name) or "conll2003" in name else "fr"


def predicted(sentence: Sentence, extractor: Extractor, lang: str, ident: str) -> frozenset[Entity]:
    """The system's entities on one sentence, mapped to (first token, end token, type)."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    offset = 0
    owner: list[int] = []
    breaks = set(sentence.breaks)
    pieces: list[str] = []
    for i, token in enumerate(sentence.tokens):
        if i:
            glued = i not in breaks and _ELIDED.match(sentence.tokens[i - 1]) is not None
            pieces.append("\n" if i in breaks else "" if glued else " ")
            if glued:
                offset -= 1
                owner.pop()
        starts[offset] = i
        ends[offset + len(token)] = i + 1
        owner.extend([i] * (len(token) + 1))
        offset += len(token) + 1
        pieces.append(token)
    text = "".join(pieces)
    report = extractor.extract_article(Article(text=text, id=ident, language=lang))
    lexicon = build_lexicon(lang)
    peoples = lexicon.demonym_nouns
    found: set[Entity] = set()
    for entity in report.entities:
        label = KIND_TO_TYPE.get(entity.kind, "MISC")
        if entity.kind == "group" and entity.name in peoples:
            label = "MISC"  # a people ("les Russes") is MISC in these schemes; a named armed group is ORG
        for m in entity.mentions:
            if not is_name(m.text, entity.kind, lexicon.demonym_adjectives.keys()):
                continue
            a = starts.get(m.start, owner[m.start] if m.start < len(owner) else None)
            b = ends.get(m.end, owner[m.end - 1] + 1 if 0 < m.end <= len(owner) else None)
            if a is not None and b is not None and a < b:
                found.add((a, b, label))
    return frozenset(found)


def is_name(text: str, kind: str, demonyms: Collection[str] = ()) -> bool:
    """A mention that is a name, as NER schemes tag them: not a descriptor opening with a determiner ("le président
    ukrainien"), nor a group described by a common noun ("Russian forces", "armée ukrainienne"); a place or a body
    with a lowercase head is a name ("lac Michigan", "ministère de la Défense")."""
    words = text.split()
    first = words[0].lower() if words else ""
    if first in DESCRIPTOR_OPENERS or first[:2] in ("l'", "l’"):
        return False
    if kind == "group" and any(w[:1].islower() for w in words):
        return False
    if len(words) > 1 and words[-1][:1].islower() and words[0].lower() in demonyms:
        return False  # "German police", "Russian defence ministry": a descriptor
    return kind in ("location", "organization") or text[:1].isupper() or text[:1].isdigit()


def score(gold: frozenset[Entity], system: frozenset[Entity], counts: dict[str, PRF]) -> None:
    for label in (*TYPES, "MISC"):
        g = {e for e in gold if e[2] == label}
        s = {e for e in system if e[2] == label}
        counts[label].add(PRF(tp=len(g & s), fp=len(s - g), fn=len(g - s)))
    g_spans = {e[:2] for e in gold if e[2] in TYPES}
    s_spans = {e[:2] for e in system if e[2] in TYPES}
    counts["spans"].add(PRF(tp=len(g_spans & s_spans), fp=len(s_spans - g_spans), fn=len(g_spans - s_spans)))


def evaluate(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    """Exact-span P/R/F1 per PER, ORG, LOC (and MISC apart) of ``extractor`` on the gold file ``path``."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".conllu", ".bio", ".tsv", ".conll"))
        if not files:
            raise SitrepError(f"E412: {path} holds no .conllu, .bio or .tsv file.")
        path = next((p for p in files if "val" in p.name or "dev" in p.name), files[0])
    lang = language_of(path)
    # Only the stages entities depend on run: the scores do not move with the later stages, and are faster.
    wanted = tuple(s for s in ("sentences", "places", "entities") if s in extractor.options.stages)
    extractor = Extractor(replace(extractor.options, stages=wanted or ("entities",)))
    counts = {label: PRF() for label in (*TYPES, "MISC", "spans")}
    documents = 0
    for number, sentence in enumerate(read(path)):
        if limit is not None and number >= limit:
            break
        documents += 1
        score(sentence.entities, predicted(sentence, extractor, lang, f"{path.stem}-{number}"), counts)
    overall = PRF()
    for label in TYPES:
        overall.add(counts[label])
    return EvalResult(
        task="ner",
        dataset=str(path),
        documents=documents,
        metrics={
            "overall (PER/ORG/LOC)": overall.as_dict(),
            "spans, any type": counts["spans"].as_dict(),
            "language": lang,
        },
        per_label={label: counts[label].as_dict() for label in (*TYPES, "MISC")},
        notes=[
            "exact span and type; MISC (group, other) is not part of the overall figure",
            "a sentence (or a -DOCSTART- document) is extracted as one article",
        ],
    )
