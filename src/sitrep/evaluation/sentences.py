"""Sentence segmentation and tokenisation evaluation on Universal Dependencies CoNLL-U files (UD French GSD).

UD gives each sentence's text (``# text =``) and its surface tokens (a multiword token such as "du" counts once, by
its range line). The sentences of a file follow each other in their source order, so runs of ``group`` sentences
(20 by default) are joined with a space into one paragraph-like document, the way they stood in the source; a
segmenter must then find where each sentence starts. Scored, on character offsets:

- ``boundaries``: sentence starts other than the document's first (P/R/F1);
- ``sentences``: sentences found with both ends right;
- ``tokens``: surface tokens found with both ends right (whitespace is not a token).

The same figures are given for spaCy's rule-based ``sentencizer`` on the same texts, in the same run, as the peer.

Cannot do: documents and paragraphs (UD GSD marks neither, so no sentence is ever cut by a line break here, which
favours no one); UD's syntactic words inside multiword tokens ("de le" for "du") are not scored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..api import Extractor
from ..errors import SitrepError
from .scoring import PRF, EvalResult, prf_from_matches

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """Consecutive UD sentences joined into one text, with their spans and their surface tokens' spans."""

    text: str
    sentences: tuple[Span, ...]
    tokens: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    forms: tuple[str, ...]


def _read_sentences(path: Path) -> Iterator[_Sentence]:
    text: str | None = None
    forms: list[str] = []
    skip_until = 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SitrepError(f"E460: cannot read {path} as CoNLL-U: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif not line.strip():
            if text is not None:
                yield _Sentence(text, tuple(forms))
            text, forms, skip_until = None, [], 0
        elif not line.startswith("#"):
            columns = line.split("\t")
            if len(columns) != 10:
                raise SitrepError(f"E460: {path}:{number}: a CoNLL-U token line has 10 columns, not {len(columns)}.")
            ident = columns[0]
            if "-" in ident:  # a multiword token: its surface form counts, its words do not
                forms.append(columns[1])
                skip_until = int(ident.split("-")[1])
            elif "." not in ident and int(ident) > skip_until:  # "8.1" is an empty node, not in the text
                forms.append(columns[1])
    if text is not None:
        yield _Sentence(text, tuple(forms))


def _token_spans(sentence: _Sentence, offset: int, path: Path) -> list[Span]:
    spans: list[Span] = []
    position = 0
    for form in sentence.forms:
        found = sentence.text.find(form, position)
        if found < 0:
            raise SitrepError(f"E460: {path}: the token {form!r} is not in its sentence text {sentence.text[:60]!r}.")
        spans.append((offset + found, offset + found + len(form)))
        position = found + len(form)
    return spans


def read_conllu(path: Path, *, group: int = 20, limit: int | None = None) -> list[GoldDocument]:
    """Documents of ``group`` consecutive sentences each (the last may be shorter), at most ``limit`` of them."""
    files = sorted(path.glob("*.conllu")) if path.is_dir() else [path]
    if not files:
        raise SitrepError(f"E460: no .conllu file in {path}.")
    documents: list[GoldDocument] = []
    for file in files:
        batch: list[_Sentence] = []
        for sentence in _read_sentences(file):
            batch.append(sentence)
            if len(batch) == group:
                documents.append(_join(batch, file))
                batch = []
        if batch:
            documents.append(_join(batch, file))
    if not documents:
        raise SitrepError(f"E460: {path} holds no sentence with a '# text =' line.")
    return documents[:limit]


def _join(batch: Sequence[_Sentence], path: Path) -> GoldDocument:
    parts: list[str] = []
    sentences: list[Span] = []
    tokens: list[Span] = []
    offset = 0
    for sentence in batch:
        sentences.append((offset, offset + len(sentence.text)))
        tokens += _token_spans(sentence, offset, path)
        parts.append(sentence.text)
        offset += len(sentence.text) + 1
    return GoldDocument(" ".join(parts), tuple(sentences), tuple(tokens))


Segmenter = Callable[[str], tuple[list[Span], list[Span]]]  # text -> (sentence spans, token spans)


def _score(documents: Sequence[GoldDocument], segment: Segmenter) -> dict[str, dict[str, float | int]]:
    boundaries, sentences, tokens = PRF(), PRF(), PRF()
    for doc in documents:
        predicted_sentences, predicted_tokens = segment(doc.text)
        gold_starts = {s for s, _ in doc.sentences[1:]}
        predicted_starts = {s for s, _ in predicted_sentences[1:]}
        boundaries.add(prf_from_matches(len(gold_starts), len(predicted_starts), len(gold_starts & predicted_starts)))
        gold, predicted = set(doc.sentences), set(predicted_sentences)
        sentences.add(prf_from_matches(len(gold), len(predicted), len(gold & predicted)))
        gold, predicted = set(doc.tokens), set(predicted_tokens)
        tokens.add(prf_from_matches(len(gold), len(predicted), len(gold & predicted)))
    return {"boundaries": boundaries.as_dict(), "sentences": sentences.as_dict(), "tokens": tokens.as_dict()}


def _spans_of(doc: object) -> tuple[list[Span], list[Span]]:
    from spacy.tokens import Doc

    assert isinstance(doc, Doc)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    tokens = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    return sentences, tokens


def evaluate(path: Path, extractor: Extractor, *, limit: int | None = None) -> EvalResult:
    """Score the extractor's sentence splitter and tokenizer, and spaCy's ``sentencizer`` beside them.

    The language is the prefix of UD's file names (``fr_gsd-ud-dev.conllu``), French when there is none.
    """
    import spacy

    from ..resources import available_languages

    first = path if path.is_file() else next(iter(sorted(path.glob("*.conllu"))), path)
    prefix = first.name.split("_")[0]
    lang = prefix if prefix in available_languages() else "fr"
    documents = read_conllu(path, limit=limit)
    nlp = extractor.pipeline(lang)
    splitters = [name for name in ("sentences", "senter", "parser") if nlp.has_pipe(name)]
    if not splitters:
        raise SitrepError(
            "E461: the sentences evaluation needs a pipeline that splits sentences (the sentences stage)."
        )
    others = [name for name in nlp.pipe_names if name not in splitters]
    peer = spacy.blank(lang)
    peer.add_pipe("sentencizer")

    def ours(text: str) -> tuple[list[Span], list[Span]]:
        with nlp.select_pipes(disable=others):
            return _spans_of(nlp(text))

    def theirs(text: str) -> tuple[list[Span], list[Span]]:
        return _spans_of(peer(text))

    mine, peers = _score(documents, ours), _score(documents, theirs)
    return EvalResult(
        task="sentences",
        dataset=path.name,
        documents=len(documents),
        metrics={
            **mine,
            "sentencizer boundaries": peers["boundaries"],
            "sentencizer sentences": peers["sentences"],
        },
        notes=[
            f"{sum(len(d.sentences) for d in documents)} sentences joined 20 at a time into documents",
            "sentencizer: spaCy's rule-based sentence splitter on spacy.blank, same texts (tokens: same tokenizer "
            f"as the default), tokens F1 {peers['tokens']['f1']}",
        ],
    )
