"""The library API: :func:`extract` for one text, :class:`Extractor` for many.

Every face of sitrep (CLI, HTTP API, batch runs) goes through :class:`Extractor`, which builds one pipeline per
language on first use and keeps it for the articles that follow.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from .article import Article, parse_published
from .config import Options
from .errors import InputError, PipelineError, SitrepError, UnsupportedLanguageError
from .langid import identify
from .pipeline.attrs import DocInfo
from .pipeline.build import build_pipeline
from .pipeline.convert import doc_to_report
from .report import Report
from .resources import available_languages


@dataclass(frozen=True, slots=True)
class Failure:
    """An article that could not be extracted, and why (the batch goes on without it)."""

    article_id: str
    source: str | None
    error: SitrepError


class Extractor:
    """Extracts reports with one set of :class:`Options`, building each language's pipeline once."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._pipelines: dict[str, Language] = {}
        self._used: dict[str, int] = {}  # articles each pipeline has read since it was built

    def pipeline(self, lang: str) -> Language:
        """The pipeline of ``lang``, built on first use and again every ``options.refresh_every`` articles."""
        refresh = self.options.refresh_every
        if lang in self._pipelines and refresh and self._used.get(lang, 0) >= refresh:
            del self._pipelines[lang]  # its vocabulary has grown with every new word: start afresh
        if lang not in self._pipelines:
            self._pipelines[lang] = build_pipeline(lang, model=self.options.model, stages=self.options.stages)
            self._used[lang] = 0
        return self._pipelines[lang]

    def language_of(self, article: Article) -> str:
        """The article's language: as given, else identified; raises for one sitrep has no resources for."""
        supported = available_languages()
        if article.language:
            lang = article.language.lower().split("-")[0].split("_")[0]
            if lang not in supported:
                raise UnsupportedLanguageError(
                    f"E205: article {article.id}: language {article.language!r} is not supported "
                    f"(sitrep reads {', '.join(supported)})."
                )
            return lang
        guess = identify(article.text)
        if guess.lang not in supported:
            raise UnsupportedLanguageError(
                f"E206: article {article.id} looks {guess.name} ({guess.lang}, {guess.score:.0%} of words "
                f"matched), which sitrep does not read (it reads {', '.join(supported)}); "
                "pass --lang to force a language."
            )
        return guess.lang

    def extract_article(self, article: Article) -> Report:
        """The report of one article; raises :class:`SitrepError` when it cannot be read."""
        body = article.text.strip("\ufeff")
        if len(body.strip()) < self.options.min_chars:
            raise InputError("empty text", source=article.source or article.id)
        title = (article.title or "").strip()
        text = body
        title_chars = 0
        if self.options.include_title and title and not body.lstrip().startswith(title):
            text = f"{title}\n\n{body}"
            title_chars = len(title)
        if len(text) > self.options.max_chars:
            raise InputError(
                f"text of {len(text):,} characters exceeds max_chars={self.options.max_chars:,}",
                source=article.source or article.id,
            )
        lang = self.language_of(article)
        published = parse_published(article.published)
        nlp = self.pipeline(lang)
        self._used[lang] += 1
        doc = nlp.make_doc(text)
        doc._.sitrep = DocInfo(
            article_id=article.id,
            published=dt.date.fromisoformat(published) if published else None,
            title_chars=title_chars,
        )
        doc = nlp(doc)
        return doc_to_report(doc, article.meta(language=lang))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Report | Failure]:
        """Reports in input order; an article that fails yields a :class:`Failure` and the rest go on.

        An unexpected error inside a stage (a bug) is reported the same way, as :class:`PipelineError` E290
        chained to the original exception, so that one bad article does not end a run over millions; use
        :meth:`extract_article` to have it raised.
        """
        for article in articles:
            try:
                yield self.extract_article(article)
            except SitrepError as exc:
                yield Failure(article.id, article.origin or article.source, exc)
            except Exception as exc:  # reported as a failure with its cause, never dropped
                error = PipelineError(
                    f"E290: internal error on article {article.id}: {exc!r}. This is a bug in sitrep; please "
                    "report it with the article."
                )
                error.__cause__ = exc
                yield Failure(article.id, article.origin or article.source, error)


@functools.cache
def _default_extractor() -> Extractor:
    # Holds pipelines built from default options only: results never depend on what ran before.
    return Extractor()


def extract(
    text: str,
    *,
    lang: str | None = None,
    published: str | dt.date | None = None,
    title: str | None = None,
    id: str | None = None,  # the report's own field name
    url: str | None = None,
    source: str | None = None,
    options: Options | None = None,
) -> Report:
    """Extract the sourced record of one article.

    >>> report = extract("Kiev a été frappée lundi.", lang="fr", published="2023-05-16")
    >>> report.article.language
    'fr'
    """
    extractor = Extractor(options) if options is not None else _default_extractor()
    article = Article(
        text=text,
        id=id or "",
        title=title,
        published=parse_published(published),
        language=lang,
        url=url,
        source=source,
    )
    return extractor.extract_article(article)
