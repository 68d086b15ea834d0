"""``sitrep ingest``, ``show``, ``export`` and ``stats`` through click's runner, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import _register, cli
from sitrep.cli.store import EXPORT_KINDS
from sitrep.store import EXPORT_KINDS as STORE_EXPORT_KINDS
from tests.postgres import fresh_schema, postgres_url  # noqa: F401 - pytest fixture

ARTICLES = [
    {"id": "kyiv-1", "date": "2023-05-16",
     "text": "Kiev a repoussé dans la nuit de lundi à mardi une attaque de 18 missiles, a indiqué l'armée de l'air. "
             "« Tous ont été abattus », a déclaré son porte-parole Iouri Ignat."},
    {"id": "odesa-2", "date": "2023-07-20",
     "text": "Russian drones struck grain terminals in Odesa overnight, Ukraine's agriculture minister said on "
             "Thursday, adding that about 60,000 tonnes of grain had been destroyed."},
    {"id": "sahel-3", "date": "2023-08-01",
     "text": "Le Niger a fermé son espace aérien dimanche soir, a annoncé la junte au pouvoir à Niamey, qui "
             "dit craindre une intervention militaire de ses voisins ouest-africains."},
]  # fmt: skip


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    url = request.getfixturevalue("postgres_url")
    with fresh_schema(url, f"cli_{tmp_path.name[-20:].replace('-', '_').lower()}") as schema_url:
        yield schema_url


def stats(runner: CliRunner, db: str) -> dict[str, object]:
    result = runner.invoke(cli, ["stats", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    figures: dict[str, object] = json.loads(result.stdout)
    return figures


def test_ingest_is_idempotent(runner: CliRunner, news: Path, db: str) -> None:
    first = runner.invoke(cli, ["ingest", str(news), "--db", db, "--field", "published=date"])
    assert first.exit_code == 0, first.output
    assert "stored 3 new article(s), 0 already stored, 0 failed" in first.stderr
    before = stats(runner, db)
    second = runner.invoke(cli, ["ingest", str(news), "--db", db, "--field", "published=date"])
    assert second.exit_code == 0
    assert "stored 0 new article(s), 3 already stored" in second.stderr
    assert stats(runner, db)["tables"] == before["tables"]
    assert before["tables"]["articles"] == 3  # type: ignore[index]


def test_show_export_and_stats(runner: CliRunner, news: Path, db: str) -> None:
    runner.invoke(cli, ["ingest", str(news), "--db", db, "--field", "published=date"])
    shown = runner.invoke(cli, ["show", "odesa-2", "--db", db])
    assert shown.exit_code == 0
    report = json.loads(shown.stdout)
    assert report["article"]["id"] == "odesa-2" and report["article"]["language"] == "en"
    assert runner.invoke(cli, ["show", "nope", "--db", db]).exit_code == 1
    exported = runner.invoke(cli, ["export", "--db", db])
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert sorted(r["article"]["id"] for r in lines) == ["kyiv-1", "odesa-2", "sahel-3"]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["export", "--db", db, "--format", "csv",
                                                                "--kind", "articles"]).stdout)))  # fmt: skip
    assert sorted(r["article_id"] for r in rows) == ["kyiv-1", "odesa-2", "sahel-3"]
    recent = runner.invoke(cli, ["export", "--db", db, "--since", "2023-07-01"])
    assert sorted(json.loads(x)["article"]["id"] for x in recent.stdout.splitlines()) == ["odesa-2", "sahel-3"]
    plain = runner.invoke(cli, ["stats", "--db", db])
    assert plain.exit_code == 0 and "articles" in plain.stdout


def test_bad_inputs_are_named_good_ones_stored_exit_1(runner: CliRunner, tmp_path: Path, db: str) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps(ARTICLES[1]) + "\n{\"id\": \"cut\", \"text\": \"Kiev\n" + json.dumps(ARTICLES[2]) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 1
    for name in ("photo.jpg", "empty.txt", "feed.jsonl:2"):
        assert name in result.stderr
    assert "stored 3 new article(s), 0 already stored, 3 failed" in result.stderr
    assert stats(runner, db)["tables"]["articles"] == 3  # type: ignore[index]


def test_cli_export_kinds_follow_the_store() -> None:
    assert tuple(EXPORT_KINDS) == STORE_EXPORT_KINDS


def test_a_database_that_cannot_be_opened_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["stats", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")])
    assert result.exit_code == 1 and "E301" in result.output
