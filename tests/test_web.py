"""The HTTP API and the web page: every route answers from a real store, bad input answers with the reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import Extractor
from sitrep.article import Article
from sitrep.store import Store
from sitrep.web.app import create_app

ARTICLES = [
    Article(text="L'armée russe a bombardé Kharkiv dans la nuit, a affirmé le gouverneur Oleg Synegoubov.",
            id="a1", title="Kharkiv bombardée", published="2024-05-14", language="fr"),
    Article(text="Les forces israéliennes ont frappé Rafah mardi. Le Hamas a dénoncé un massacre.",
            id="a2", title="Frappes sur Rafah", published="2024-05-15", language="fr"),
    Article(text="Le président ukrainien Volodymyr Zelensky s'est rendu à Kharkiv jeudi.",
            id="a3", published="2024-05-16", language="fr"),
]  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("web") / "record.db"
    extractor = Extractor()
    with Store(str(db)) as store:
        store.add_many([extractor.extract_article(a) for a in ARTICLES])
    with TestClient(create_app(str(db))) as connected:
        yield connected


def test_health_and_stats(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"
    stats = client.get("/api/stats").json()
    assert stats["tables"]["articles"] == 3
    assert stats["published"] == {"first": "2024-05-14", "last": "2024-05-16", "undated": 0}


def test_articles_newest_first_and_by_period(client: TestClient) -> None:
    assert [a["id"] for a in client.get("/api/articles").json()] == ["a3", "a2", "a1"]
    assert [a["id"] for a in client.get("/api/articles?since=2024-05-15&until=2024-05-15").json()] == ["a2"]
    assert [a["id"] for a in client.get("/api/articles?limit=1&offset=1").json()] == ["a2"]


def test_an_article_report_or_404(client: TestClient) -> None:
    report = client.get("/api/articles/a1").json()
    assert report["schema"] == "sitrep.report/v1" and report["article"]["id"] == "a1"
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_events_are_plover_records_with_their_article(client: TestClient) -> None:
    events = client.get("/api/events?type=ASSAULT").json()
    assert events and all(e["event"] == "ASSAULT" for e in events)
    assert {e["article"]["id"] for e in events} >= {"a1"}
    claimed = client.get("/api/events?claimed_by=synegoubov").json()
    assert [(e["article"]["id"], e["claimed_by"]["name"]) for e in claimed] == [("a1", "Oleg Synegoubov")]


def _reports(client: TestClient) -> list[dict[str, Any]]:
    return [client.get(f"/api/articles/{a.id}").json() for a in ARTICLES]


def test_places_are_counted_for_the_map(client: TestClient) -> None:
    expected: Counter[int] = Counter()
    articles: dict[int, set[str]] = {}
    for report in _reports(client):
        for place in report["places"]:
            if place["geonameid"] is not None:
                expected[place["geonameid"]] += 1
                articles.setdefault(place["geonameid"], set()).add(report["article"]["id"])
    places = client.get("/api/places").json()
    assert {p["geonameid"]: p["mentions"] for p in places} == dict(expected)
    assert {p["geonameid"]: p["articles"] for p in places} == {k: len(v) for k, v in articles.items()}
    kharkiv = next(p for p in places if p["name"] == "Kharkiv")
    assert kharkiv["articles"] == 2 and 49 < kharkiv["lat"] < 51 and 35 < kharkiv["lon"] < 37


def test_timeline_counts_events_per_day_and_type(client: TestClient) -> None:
    expected = Counter((r["article"]["published"], e["type"]) for r in _reports(client) for e in r["events"])
    rows = client.get("/api/timeline").json()
    assert {(r["date"], r["type"]): r["events"] for r in rows} == dict(expected)
    assert ("2024-05-14", "ASSAULT") in expected
    assert all(r["date"] <= "2024-05-14" for r in client.get("/api/timeline?until=2024-05-14").json())


def test_extract_a_posted_article(client: TestClient) -> None:
    answer = client.post("/api/extract", json={"text": "Kiev a été frappée lundi.", "published": "2023-05-16"})
    assert answer.status_code == 200
    report = answer.json()
    assert [t["value"] for t in report["times"]] == ["2023-05-15"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/articles?since=yesterday", None),
        ("get", "/api/articles?limit=0", None),
        ("post", "/api/extract", {"text": ""}),
        ("post", "/api/extract", {"text": "Kiev a été frappée.", "published": "16/05/2023x"}),
    ],
)
def test_bad_input_answers_422_with_the_reason(client: TestClient, method: str, path: str, body: object) -> None:
    answer = client.request(method.upper(), path, json=body)
    assert answer.status_code == 422
    assert answer.json()["detail"]


def test_an_unsupported_language_answers_400_with_its_code(client: TestClient) -> None:
    answer = client.post("/api/extract", json={"text": "Der Krieg geht weiter.", "lang": "de"})
    assert answer.status_code == 400 and answer.json()["detail"].startswith("E2")


def test_the_page_and_its_script_are_served(client: TestClient, tmp_path: Path) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<svg id="map"' in page.text and "/static/app.js" in page.text
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "/api/places" in script.text


def test_an_id_with_slashes_is_served(tmp_path: Path) -> None:
    db = tmp_path / "urls.db"
    article = Article(text="Kiev a été frappée lundi.", id="https://news.example/fr/a/b", language="fr")
    with Store(str(db)) as store:
        store.add(Extractor().extract_article(article))
    with TestClient(create_app(str(db))) as connected:
        answer = connected.get("/api/articles/https%3A%2F%2Fnews.example%2Ffr%2Fa%2Fb")
        assert answer.status_code == 200 and answer.json()["article"]["id"] == article.id
        assert connected.get("/api/articles/https://news.example/fr/a/b").status_code == 200


def test_serve_refuses_a_missing_store_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sitrep.cli import _register, cli

    _register()
    missing = tmp_path / "nope.db"
    result = CliRunner().invoke(cli, ["serve", "--db", str(missing)])
    assert result.exit_code == 1 and "no store at" in result.output
    assert not missing.exists()
