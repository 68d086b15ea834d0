"""The FastAPI application: a thin JSON layer over :class:`sitrep.store.Store` and :class:`sitrep.api.Extractor`.

Routes (all JSON, under ``/api``; dates are ISO ``YYYY-MM-DD`` and bound the publication date, inclusive):

- ``GET /api/health``: status and version;
- ``GET /api/stats``: rows per table, date range, languages (``sitrep stats``);
- ``GET /api/articles?since&until&limit&offset``: articles' metadata, newest first;
- ``GET /api/articles/{id}``: an article's whole report (404 when absent);
- ``GET /api/events?type&actor&recipient&place&claimed_by&modality&since&until&limit``: events as PLOVER-shaped
  records with sitrep's ``claimed_by`` and the article's id and title (``sitrep events --format plover``);
- ``GET /api/places?since&until&limit``: resolved places with their mention counts, for a map;
- ``GET /api/timeline?since&until``: events per publication day and type;
- ``POST /api/extract``: the report of a posted article (``{"text", "title"?, "published"?, "lang"?, "id"?}``),
  not stored.

``GET /`` serves the web page (``static/index.html``) that draws the map, the timeline and the events table from
these routes. Bad parameters answer 422 with the reason; an error of the extractor answers 400 and an error of
the store 503, both with sitrep's coded message. The store is opened when the application starts and closed when it
stops.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from .. import __version__
from ..article import Article, parse_published
from ..config import Options
from ..errors import SitrepError, StoreError
from ..export_events import plover_record
from ..store import EventFilter, Store

DateParam = Annotated[str | None, Query(description="ISO date YYYY-MM-DD (publication date, inclusive)")]


class ExtractRequest(BaseModel):
    """An article posted for extraction."""

    text: str = Field(min_length=1, description="The article's body.")
    title: str | None = None
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD: anchors relative times.")
    lang: str | None = Field(default=None, description="fr or en; identified from the text when absent.")
    id: str | None = None


class _Extraction:
    """One extractor for the application, built on first use and run on one thread of its own: extractions queue
    there (a spaCy pipeline is not shared between threads) without holding the threads that serve the reads."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-extract")
        self._extractor: Any = None

    async def report(self, article: Article) -> dict[str, Any]:
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._report, article)

    def _report(self, article: Article) -> dict[str, Any]:
        from ..api import Extractor

        if self._extractor is None:
            self._extractor = Extractor(self.options)
        result: dict[str, Any] = self._extractor.extract_article(article).to_dict()
        return result

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _date(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=f"{name}: {exc}") from exc


def create_app(url: str | None = None, *, options: Options | None = None) -> FastAPI:
    """The application over the store at ``url`` (a SQLite path or an SQLAlchemy URL; None: ``sitrep.db``)."""

    extraction = _Extraction(options or Options())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = Store(url)
        try:
            yield
        finally:
            app.state.store.close()
            extraction.close()

    summary = "The sourced record of war and geopolitics news: who said what, where, when, claimed by whom."
    app = FastAPI(title="sitrep", version=__version__, lifespan=lifespan, summary=summary)
    static = resources.files("sitrep.web") / "static"

    def store_of(request: Request) -> Store:
        store: Store = request.app.state.store
        return store

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError) -> JSONResponse:
        # the store failing is the server's fault (503); anything else is the request's (400)
        return JSONResponse(status_code=503 if isinstance(exc, StoreError) else 400, content={"detail": str(exc)})

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/api/stats")
    def stats(request: Request) -> dict[str, Any]:
        return store_of(request).stats()

    @app.get("/api/articles")
    def articles(request: Request, since: DateParam = None, until: DateParam = None,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 50, offset: Annotated[int, Query(ge=0)] = 0
                 ) -> list[dict[str, Any]]:  # fmt: skip
        return store_of(request).articles(_date(since, "since"), _date(until, "until"), limit=limit, offset=offset)

    @app.get("/api/articles/{article_id:path}")  # ids may hold slashes (URLs, folder paths)
    def article(request: Request, article_id: str) -> dict[str, Any]:
        report = store_of(request).get(article_id)
        if report is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r} in the store")
        found: dict[str, Any] = report.to_dict()
        return found

    @app.get("/api/events")
    def events(request: Request, type: str | None = None, actor: str | None = None, recipient: str | None = None,
               place: str | None = None, claimed_by: str | None = None, modality: str | None = None,
               since: DateParam = None, until: DateParam = None, limit: Annotated[int, Query(ge=1, le=5000)] = 500
               ) -> list[dict[str, Any]]:  # fmt: skip
        filters = EventFilter(type=type, actor=actor, recipient=recipient, place=place, claimed_by=claimed_by,
                              modality=modality, limit=limit)  # fmt: skip
        rows = []
        for report, event in store_of(request).events(
            filters, since=_date(since, "since"), until=_date(until, "until")
        ):
            record = plover_record(report, event)
            if record is not None:
                rows.append({**record, "article": {"id": report.article.id, "title": report.article.title}})
        return rows

    @app.get("/api/places")
    def places(request: Request, since: DateParam = None, until: DateParam = None,
               limit: Annotated[int, Query(ge=1, le=10000)] = 1000) -> list[dict[str, Any]]:  # fmt: skip
        return store_of(request).place_summary(_date(since, "since"), _date(until, "until"), limit=limit)

    @app.get("/api/timeline")
    def timeline(request: Request, since: DateParam = None, until: DateParam = None) -> list[dict[str, Any]]:
        return store_of(request).timeline(_date(since, "since"), _date(until, "until"))

    @app.post("/api/extract")
    async def extract(body: ExtractRequest) -> dict[str, Any]:
        article = Article(text=body.text, title=body.title, published=_date(body.published, "published"),
                          language=body.lang, id=body.id or "")  # fmt: skip
        return await extraction.report(article)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static / "index.html"), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
