"""The store, on SQLite and (marked ``postgres``) on a real PostgreSQL server: every behaviour runs on both."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sitrep.article import content_hash
from sitrep.errors import StoreError
from sitrep.report import (
    ArticleMeta,
    Claim,
    Entity,
    Event,
    Offsets,
    Place,
    Quantity,
    Quote,
    Report,
    Speaker,
    TextSpan,
    Time,
)
from sitrep.store import EXPORT_KINDS, MIGRATIONS, AddResult, Migration, Store, describe, resolve_url
from sitrep.store.engine import make_engine
from sitrep.store.migrations import migrate
from tests.postgres import fresh_schema, postgres_url  # noqa: F401

# -- reports written by hand ------------------------------------------------------------------------------------


def span(text: str, needle: str) -> TextSpan:
    """The first occurrence of ``needle`` in ``text`` as a span (offsets right by construction)."""
    start = text.index(needle)
    return TextSpan(start, start + len(needle), needle)


def at(s: TextSpan) -> tuple[int, int, str]:
    return s.start, s.end, s.text


FR_TEXT = (
    "Lundi, l'armée ukrainienne a repris environ 20 kilomètres carrés autour de Bakhmout. "
    "« Nous avançons », a déclaré Ganna Maliar, vice-ministre de la Défense."
)
EN_TEXT = (
    "Russia's defence ministry said on Tuesday that its forces had shot down 18 drones over Crimea. "
    "Kyiv did not comment."
)
BARE_TEXT = "Talks between the two delegations are expected to resume."


def fr_report(article_id: str = "fr-1", text: str = FR_TEXT) -> Report:

    def s(needle: str) -> TextSpan:
        return span(text, needle)

    bakhmout, lundi, area = s("Bakhmout"), s("Lundi"), s("environ 20 kilomètres carrés")
    return Report(
        article=ArticleMeta(article_id, title="Bakhmout", published="2023-05-16", language="fr", source="test"),
        text=text,
        entities=(
            Entity("e1", "person", "Ganna Maliar", (s("Ganna Maliar"),), {"title": "vice-ministre de la Défense"}),
            Entity("e2", "group", "armée ukrainienne", (s("armée ukrainienne"),)),
        ),
        places=(Place(*at(bakhmout), 713174, "Bakhmut", "UA", 48.594, 37.999, "city", False, 0.9),),
        times=(Time(lundi.start, lundi.end, lundi.text, "DATE", "2023-05-15"),),
        quantities=(Quantity(area.start, area.end, area.text, 20, "km2", approximate=True),),
        quotes=(
            Quote(
                "q1",
                "direct",
                *at(s("Nous avançons")),
                speaker=Speaker(*at(s("Ganna Maliar")), entity="e1", name="Ganna Maliar"),
                cue=s("a déclaré"),
            ),
        ),
        events=(
            Event(
                "v1",
                "ASSAULT",
                trigger=s("repris"),
                sentence=Offsets(0, text.index(".") + 1),
                context=("military", "territory"),
                actors=("e2",),
                place=bakhmout,
                time=lundi,
                quantities=(area,),
                confidence=0.8,
            ),
        ),
    )


def en_report() -> Report:
    text = EN_TEXT

    def s(needle: str) -> TextSpan:
        return span(text, needle)

    drones = s("18 drones")
    return Report(
        article=ArticleMeta("en-1", published="2023-05-17", language="en", url="https://example.org/a"),
        text=text,
        entities=(
            Entity("e1", "organization", "Russian Ministry of Defence", (s("Russia's defence ministry"),)),
            Entity("e2", "location", "Kyiv", (s("Kyiv"),)),
        ),
        places=(
            Place(*at(s("Crimea")), 703883, "Crimea", "UA", 45.0, 34.0, "admin"),
            Place(*at(s("Kyiv")), 703448, "Kyiv", "UA", 50.454, 30.524, "city", True),
        ),
        times=(Time(*at(s("Tuesday")), "DATE", "2023-05-16"),),
        quantities=(Quantity(drones.start, drones.end, drones.text, 18, "drone"),),
        quotes=(
            Quote(
                "q1",
                "indirect",
                *at(s("its forces had shot down 18 drones over Crimea")),
                speaker=Speaker(*at(s("Russia's defence ministry")), "e1", "Russian Ministry of Defence"),
                cue=s("said"),
            ),
        ),
        events=(
            Event(
                "v1",
                "ASSAULT",
                trigger=s("shot down"),
                sentence=Offsets(0, text.index(".") + 1),
                actors=("e1",),
                recipients=("e2",),
                place=s("Crimea"),
                quantities=(drones,),
                claimed_by=Claim("q1", "e1", "Russian Ministry of Defence"),
            ),
        ),
    )


def bare_report() -> Report:
    return Report(ArticleMeta("bare-1", language="en"), BARE_TEXT)


def reports() -> list[Report]:
    return [fr_report(), en_report(), bare_report()]


def expected_counts(rs: list[Report]) -> dict[str, int]:
    return {
        "articles": len(rs),
        "entities": sum(len(r.entities) for r in rs),
        "entity_mentions": sum(len(e.mentions) for r in rs for e in r.entities),
        "places": sum(len(r.places) for r in rs),
        "times": sum(len(r.times) for r in rs),
        "quantities": sum(len(r.quantities) for r in rs),
        "quotes": sum(len(r.quotes) for r in rs),
        "events": sum(len(r.events) for r in rs),
        "event_participants": sum(len(v.actors) + len(v.recipients) for r in rs for v in r.events),
        "event_quantities": sum(len(v.quantities) for r in rs for v in r.events),
    }


def with_repeated_quote_id(report: Report) -> Report:
    """A report the database must refuse half-way: its articles and entities rows insert, its quotes do not."""
    return replace(report, quotes=report.quotes + report.quotes)


# -- one database per test, on each backend -----------------------------------------------------------------------

BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    server = request.getfixturevalue("postgres_url")
    with fresh_schema(server, f"sitrep_test_{uuid.uuid4().hex[:12]}") as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as s:
        yield s


# -- ingestion ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [fr_report, en_report, bare_report])
def test_round_trip(store: Store, make: object) -> None:
    report = make()  # type: ignore[operator]
    assert store.add(report) is True
    assert store.get(report.article.id) == report
    assert store.get(content_hash(report.text)) == report


def test_get_unknown_is_none(store: Store) -> None:
    store.add(fr_report())
    assert store.get("nope") is None
    assert store.get("0" * 64) is None


def test_adding_twice_changes_nothing(store: Store) -> None:
    report = fr_report()
    assert store.add(report) is True
    before = store.stats()
    assert store.add(report) is False
    # The same text under another id is still the same article: skipped too.
    assert store.add(replace(report, article=replace(report.article, id="other-id"))) is False
    assert store.add_many([report, report]) == AddResult(added=0, skipped=2)
    assert store.stats() == before


def test_add_many_counts_every_record(store: Store) -> None:
    rs = reports()
    result = store.add_many([*rs, rs[0]], chunk_size=2)
    assert result == AddResult(added=3, skipped=1)
    assert store.stats()["tables"] == expected_counts(rs)
    assert store.add_many(rs) == AddResult(added=0, skipped=3)
    assert store.stats()["tables"] == expected_counts(rs)


def test_same_id_with_new_text_keeps_both(store: Store) -> None:
    first = fr_report("a-1")
    second = fr_report("a-1", FR_TEXT.replace("autour de", "près de"))
    assert store.add(first) and store.add(second)
    assert store.get("a-1") == second  # the latest stored
    assert store.get(content_hash(first.text)) == first
    assert store.stats()["tables"]["articles"] == 2


def test_refused_report_leaves_nothing(store: Store) -> None:
    bad = with_repeated_quote_id(fr_report())
    with pytest.raises(StoreError, match=r"^E308: report 'fr-1'"):
        store.add(bad)
    assert store.get("fr-1") is None
    assert all(n == 0 for n in store.stats()["tables"].values())


def test_failing_chunk_stores_the_good_and_names_the_bad(store: Store) -> None:
    good = [en_report(), bare_report()]
    bad = with_repeated_quote_id(fr_report())
    result = store.add_many([good[0], bad, good[1]], chunk_size=10)
    assert (result.added, result.skipped) == (2, 0)
    assert [r.article_id for r in result.rejected] == ["fr-1"]
    assert result.rejected[0].hash == content_hash(FR_TEXT)
    assert str(result.rejected[0].error).startswith("E308")
    assert store.get("fr-1") is None
    assert store.stats()["tables"] == expected_counts(good)
    # Once fixed, the article goes in whole.
    assert store.add(fr_report()) is True
    assert store.stats()["tables"] == expected_counts([*good, fr_report()])


@pytest.mark.parametrize(
    "broken",
    [
        lambda r: replace(r, places=(replace(r.places[0], start=r.places[0].start + 1),)),
        lambda r: replace(r, article=replace(r.article, published="16/05/2023")),
    ],
    ids=["offsets", "date"],
)
def test_report_breaking_the_contract_is_refused(store: Store, broken: object) -> None:
    bad = broken(fr_report())  # type: ignore[operator]
    with pytest.raises(StoreError, match=r"^E308"):
        store.add(bad)
    result = store.add_many([bad, en_report()])
    assert result.added == 1 and [r.article_id for r in result.rejected] == ["fr-1"]


# -- reading ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "until", "ids"),
    [
        (None, None, ["fr-1", "en-1", "bare-1"]),
        ("2023-05-17", None, ["en-1"]),
        (None, "2023-05-16", ["fr-1"]),
        ("2023-05-16", "2023-05-17", ["fr-1", "en-1"]),
        ("2024-01-01", None, []),
    ],
)
def test_iter_reports_by_period(store: Store, since: str | None, until: str | None, ids: list[str]) -> None:
    store.add_many(reports())
    assert [r.article.id for r in store.iter_reports(since, until)] == ids


def test_bad_period_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match=r"^E309"):
        list(store.iter_reports(since="last week"))


def test_stats(store: Store) -> None:
    store.add_many(reports())
    stats = store.stats()
    assert stats["published"] == {"first": "2023-05-16", "last": "2023-05-17", "undated": 1}
    assert stats["languages"] == {"en": 2, "fr": 1}
    assert stats["migrations"] == [m.name for m in MIGRATIONS]
    assert stats["tables"] == expected_counts(reports())


def test_stats_of_an_empty_store(store: Store) -> None:
    stats = store.stats()
    assert stats["published"] == {"first": None, "last": None, "undated": 0}
    assert stats["languages"] == {}


def test_export_jsonl_reports(store: Store) -> None:
    store.add_many(reports())
    out = io.StringIO()
    assert store.export("jsonl", out) == 3
    assert [Report.from_json(line) for line in out.getvalue().splitlines()] == reports()


def test_export_jsonl_reports_of_a_period(store: Store) -> None:
    store.add_many(reports())
    out = io.StringIO()
    assert store.export("jsonl", out, since="2023-05-17") == 1
    assert Report.from_json(out.getvalue()).article.id == "en-1"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_export_one_row_per_record(store: Store, fmt: str, kind: str) -> None:
    store.add_many(reports())
    out = io.StringIO()
    n = store.export(fmt, out, kind)
    rows: list[dict[str, Any]]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    else:
        rows = [json.loads(line) for line in out.getvalue().splitlines()]
    table = {
        "reports": "articles",
        "articles": "articles",
        "mentions": "entity_mentions",
        "participants": "event_participants",
    }.get(kind, kind)
    assert n == len(rows) == expected_counts(reports())[table]
    ids = [row["article"]["id"] if (fmt, kind) == ("jsonl", "reports") else row["article_id"] for row in rows]
    assert set(ids) <= {"fr-1", "en-1", "bare-1"}


def test_export_csv_quotes_keeps_offsets(store: Store) -> None:
    store.add_many(reports())
    out = io.StringIO()
    store.export("csv", out, "quotes")
    texts = {r.article.id: r.text for r in reports()}
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["article_id"], r["quote_id"], r["kind"], r["speaker_name"]) for r in rows] == [
        ("fr-1", "q1", "direct", "Ganna Maliar"),
        ("en-1", "q1", "indirect", "Russian Ministry of Defence"),
    ]
    for row in rows:
        text = texts[row["article_id"]]
        assert text[int(row["start_char"]) : int(row["end_char"])] == row["text"]
        assert text[int(row["speaker_start"]) : int(row["speaker_end"])] == row["speaker_text"]
        assert text[int(row["cue_start"]) : int(row["cue_end"])] == row["cue_text"]


def test_export_csv_places(store: Store) -> None:
    store.add(fr_report())
    out = io.StringIO()
    store.export("csv", out, "places")
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["article_id"] == "fr-1" and row["article_hash"] == content_hash(FR_TEXT)
    assert (row["text"], row["geonameid"], row["name"], row["metonymic"]) == ("Bakhmout", "713174", "Bakhmut", "false")
    assert FR_TEXT[int(row["start_char"]) : int(row["end_char"])] == "Bakhmout"


@pytest.mark.parametrize(("fmt", "kind"), [("xml", "reports"), ("csv", "speakers")])
def test_export_unknown_format_or_kind(store: Store, fmt: str, kind: str) -> None:
    with pytest.raises(StoreError, match=r"^E306"):
        store.export(fmt, io.StringIO(), kind)


def test_indexes_serve_the_usual_queries(store: Store) -> None:
    indexed = {
        (table, tuple(ix["column_names"]))
        for table in ("articles", "places", "quotes", "entities", "events")
        for ix in sa.inspect(store.engine).get_indexes(table)
    }
    for wanted in [
        ("articles", ("published",)),
        ("places", ("geonameid",)),
        ("places", ("name",)),
        ("quotes", ("speaker_name",)),
        ("entities", ("name",)),
        ("events", ("type",)),
    ]:
        assert wanted in indexed


# -- migrations ---------------------------------------------------------------------------------------------------


def test_migrations_are_recorded_and_applied_once(db_url: str) -> None:
    with Store(db_url) as first:
        assert first.migrated == ["0001_initial_schema"]
        recorded = first.migrations()
        first.add(fr_report())
    with Store(db_url) as again:
        assert again.migrated == []
        assert again.migrations() == recorded
        assert [m.name for m in recorded] == ["0001_initial_schema"]
        assert again.get("fr-1") == fr_report()


def test_failing_migration_is_rolled_back(db_url: str) -> None:
    def broken(conn: sa.Connection) -> None:
        conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
        conn.execute(sa.text("INSERT INTO no_such_table VALUES (1)"))

    engine = make_engine(resolve_url(db_url))
    try:
        with pytest.raises(StoreError, match=r"^E303: migration 0002_broken"):
            migrate(engine, [*MIGRATIONS, Migration("0002_broken", "fails half-way", broken)])
        assert not sa.inspect(engine).has_table("half_done")
        assert sa.inspect(engine).has_table("articles")  # 0001 went in, in its own transaction
    finally:
        engine.dispose()
    with Store(db_url) as s:
        assert [m.name for m in s.migrations()] == ["0001_initial_schema"]


def test_database_from_a_newer_sitrep_is_refused(db_url: str) -> None:
    Store(db_url).close()
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO schema_migrations VALUES ('0099_future', CURRENT_TIMESTAMP)"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match=r"^E307.*0099_future"):
        Store(db_url)


# -- opening ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgres://u@db.example/news", "postgresql+psycopg"),
        ("postgresql://u:secret@db.example:5433/news", "postgresql+psycopg"),
        ("postgresql+psycopg://u@db.example/news", "postgresql+psycopg"),
        ("sqlite:////tmp/x.db", "sqlite"),
        ("out/my.db", "sqlite"),
    ],
)
def test_urls(given: str, driver: str) -> None:
    assert resolve_url(given).drivername == driver


def test_a_plain_path_is_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    assert resolve_url("out/my.db").database == str(tmp_path / "out" / "my.db")
    with Store() as s:
        s.add(bare_report())
    assert (tmp_path / "sitrep.db").is_file()


def test_password_is_never_shown() -> None:
    assert (
        describe(resolve_url("postgresql://u:secret@db.example/news")) == "postgresql+psycopg://u:***@db.example/news"
    )


@pytest.mark.parametrize(
    "where",
    [
        lambda tmp: str(tmp / "missing-folder" / "x.db"),
        lambda tmp: (tmp / "notes.db").write_text("not a database\n" * 100) and str(tmp / "notes.db"),
    ],
    ids=["no-folder", "not-a-database"],
)
def test_unopenable_sqlite_is_a_clear_error(tmp_path: Path, where: object) -> None:
    with pytest.raises(StoreError, match=r"^E301: cannot open the store"):
        Store(where(tmp_path))  # type: ignore[operator]


def test_unreachable_postgres_is_a_clear_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(
        StoreError, match=r"^E301: cannot open the store 'postgresql\+psycopg://u:\*\*\*@127\.0\.0\.1:1/"
    ):
        Store("postgresql://u:secret@127.0.0.1:1/news?connect_timeout=2")


def test_missing_driver_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match=r"^E302"):
        Store("mysql+nosuchdriver://u@localhost/news")


# -- the same store on both backends ------------------------------------------------------------------------------


@pytest.mark.postgres
def test_sqlite_and_postgres_hold_the_same(tmp_path: Path, postgres_url: str) -> None:  # noqa: F811
    rs = reports()
    with fresh_schema(postgres_url, f"sitrep_test_{uuid.uuid4().hex[:12]}") as pg_url:
        stats = []
        for url in (str(tmp_path / "a.db"), pg_url):
            with Store(url) as s:
                s.add_many(rs)
                s.add_many(rs)
                stats.append((s.stats(), list(s.iter_reports())))
        (lite, lite_reports), (pg, pg_reports) = stats
        assert lite["tables"] == pg["tables"] == expected_counts(rs)
        assert lite["published"] == pg["published"] and lite["languages"] == pg["languages"]
        assert lite_reports == pg_reports == rs


def test_chunks_larger_than_an_in_list(store: Store) -> None:
    many = [replace(bare_report(), text=f"{BARE_TEXT} ({i})", article=ArticleMeta(f"b-{i}")) for i in range(1000)]
    assert store.add_many(many, chunk_size=1000) == AddResult(added=1000, skipped=0)
    assert store.add_many(many, chunk_size=1000) == AddResult(added=0, skipped=1000)


def test_two_stores_opening_a_new_database_at_once(db_url: str) -> None:
    def open_and_add(report: Report) -> list[str]:
        with Store(db_url) as s:
            s.add(report)
            return s.migrated

    with ThreadPoolExecutor(max_workers=2) as pool:
        migrated = list(pool.map(open_and_add, [fr_report(), en_report()]))
    assert sorted(migrated) == [[], ["0001_initial_schema"]]
    with Store(db_url) as s:
        assert [m.name for m in s.migrations()] == ["0001_initial_schema"]
        assert s.stats()["tables"] == expected_counts([fr_report(), en_report()])
