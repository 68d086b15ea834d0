"""The HTTP API and the web page over a store: ``sitrep serve``.

:func:`sitrep.web.app.create_app` builds a FastAPI application that reads the record (articles, reports, events,
places for a map, events per day for a timeline) from a SQLite or PostgreSQL store, extracts posted text on demand,
and serves a single page (``static/``) with a map, a timeline and the events table. Needs the ``serve`` extra
(``pip install "sitrep[serve]"``: FastAPI and uvicorn).
"""
