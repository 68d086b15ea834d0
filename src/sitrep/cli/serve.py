"""``sitrep serve``: the HTTP API and the web page (map, timeline, events) over a store."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--db",
    "db_url",
    envvar="SITREP_DB",
    metavar="URL",
    help="The store to serve: a SQLite file path or an SQLAlchemy URL. [default: sitrep.db] Env: SITREP_DB.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db_url: str | None, host: str, port: int) -> None:
    """Serve the record over HTTP: a JSON API under /api and a web page at /.

    The page shows the resolved places on a map, the events per day on a timeline, and the events with their
    actors, place, modality and who claims them, filtered by type, actor, place, claimant and period. The API
    (documented at /docs) lists articles, reports, events, places and the timeline, and extracts posted text
    (POST /api/extract). Needs the serve extra: pip install "sitrep[serve]".
    """
    try:
        import uvicorn

        from ..web.app import create_app
    except ModuleNotFoundError as exc:
        raise click.ClickException(
            f'sitrep serve needs FastAPI and uvicorn ({exc.name} is not installed): pip install "sitrep[serve]"'
        ) from exc
    from ..store import resolve_url

    url = resolve_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).is_file():
        raise click.ClickException(f"no store at {url.database}: ingest articles first (sitrep ingest ... --db PATH)")
    click.echo(f"sitrep: serving {db_url or 'sitrep.db'} at http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(create_app(db_url), host=host, port=port, log_level="warning")
