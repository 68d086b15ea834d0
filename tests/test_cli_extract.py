"""``sitrep extract`` driven through click's runner: outputs, overrides and failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import _register, cli

FR = "Kiev a repoussé dans la nuit une attaque de drones, a indiqué mardi l'armée ukrainienne."
EN = "Kyiv repelled a drone attack overnight, the Ukrainian military said on Tuesday."


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def test_one_text_file_prints_one_json_report(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "kiev.txt"
    path.write_text(FR, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--published", "2023-05-16"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "sitrep.report/v1"
    assert report["article"] == {"id": "kiev", "title": None, "published": "2023-05-16", "language": "fr",
                                 "url": None, "source": None}  # fmt: skip
    assert report["text"] == FR


def test_jsonl_in_gives_jsonl_out_in_input_order(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        "\n".join(json.dumps(r) for r in [{"id": "z", "text": FR}, {"id": "a", "text": EN, "language": "en"}]),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"]["id"], r["article"]["language"]) for r in lines] == [("z", "fr"), ("a", "en")]


def test_field_mapping_and_overrides(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "orange.jsonl"
    path.write_text(json.dumps({"id": 7, "text": FR, "date": "2020-01-02"}) + "\n", encoding="utf-8")
    mapped = runner.invoke(cli, ["extract", str(path), "--field", "published=date"])
    assert json.loads(mapped.stdout)["article"]["published"] == "2020-01-02"
    forced = runner.invoke(cli, ["extract", str(path), "--published", "2023-05-16", "--lang", "fr"])
    assert json.loads(forced.stdout)["article"]["published"] == "2023-05-16"


def test_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-", "--lang", "en"], input=EN)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == EN


def test_pretty_summary(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "kiev.txt"
    path.write_text(FR, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--pretty", "--published", "2023-05-16"])
    assert result.exit_code == 0
    assert result.stdout.startswith("kiev  2023-05-16  fr")


def test_a_folder_with_bad_inputs_keeps_going_names_them_and_fails(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\xff" * 50)
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "d1", "text": EN}) + "\n{broken\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("Der Kreml hat jede Beteiligung an dem Angriff auf die Hauptstadt bestritten.",
                                    encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 6  # one line per input record, errors included
    assert [r["article"]["id"] for r in lines if r["schema"] == "sitrep.report/v1"] == ["a", "d1"]
    for name in ("b.bin", "c.txt", "d.jsonl:2", "German"):
        assert name in result.stderr
    assert "4 input(s) failed" in result.stderr


def test_bad_options_are_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "kiev.txt"
    path.write_text(FR, encoding="utf-8")
    assert runner.invoke(cli, ["extract", str(path), "--published", "mardi"]).exit_code == 2
    assert runner.invoke(cli, ["extract", str(path), "--field", "nonsense"]).exit_code == 2
    assert runner.invoke(cli, ["extract", str(path), "--stages", "sentiment"]).exit_code == 2


def test_every_command_has_help(runner: CliRunner) -> None:
    for command in cli.commands:
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
        assert cli.commands[command].help, f"{command} has no help text"
