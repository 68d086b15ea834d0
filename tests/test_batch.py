"""Batch extraction on Dask: partition files equal to one-by-one extraction, resumable, refused when mixed."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from sitrep.api import Extractor
from sitrep.article import Article
from sitrep.cli import _register, cli
from sitrep.config import Options
from sitrep.errors import SitrepError
from sitrep.ingest import ReadOptions
from sitrep.scale.partitions import partitions, report_path
from sitrep.scale.runner import finished_reports, load_into_store, run_batch

OPTIONS = Options(stages=("times", "places"))
READ = ReadOptions(fields={"published": "date"})
TEXTS = [
    "Kiev a été frappée lundi par des drones russes.",
    "Les combats continuent autour de Bakhmout depuis mardi.",
    "Le sommet de l'Otan s'ouvre le 11 juillet à Vilnius.",
    "Israël a mené des frappes sur Gaza dans la nuit.",
    "L'armée malienne a quitté Kidal en 2023.",
]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0")
    with Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": f"a{i}", "text": t, "date": "2023-05-16"}, ensure_ascii=False) for i, t in enumerate(TEXTS)
    ]
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def test_partitions_hold_the_reports_of_one_by_one_extraction(client: Client, source: Path, tmp_path: Path
                                                              ) -> None:  # fmt: skip
    out = tmp_path / "batch"
    summary = run_batch([source], out, options=OPTIONS, read=READ, partition_size=2, client=client)
    assert (summary.partitions_run, summary.records, summary.failures) == (3, 6, 1)
    lines = [line for i in range(3) for line in _lines(report_path(out, i))]
    assert [line["schema"] for line in lines] == ["sitrep.report/v1"] * 3 + ["sitrep.error/v1"] + [
        "sitrep.report/v1"
    ] * 2
    assert "news.jsonl:4" in str(lines[3]["error"])
    extractor = Extractor(OPTIONS)
    expected = [
        json.loads(extractor.extract_article(Article(text=t, id=f"a{i}", published="2023-05-16")).to_json())
        for i, t in enumerate(TEXTS)
    ]
    assert [line for line in lines if line["schema"] == "sitrep.report/v1"] == expected


def test_a_second_run_redoes_only_the_missing_partitions(client: Client, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "batch"
    run_batch([source], out, options=OPTIONS, read=READ, partition_size=2, client=client)
    before = _lines(report_path(out, 1))
    report_path(out, 1).unlink()
    summary = run_batch([source], out, options=OPTIONS, read=READ, partition_size=2, client=client)
    assert (summary.partitions_run, summary.partitions_skipped) == (1, 2)
    assert _lines(report_path(out, 1)) == before


def test_a_folder_holding_another_batch_is_refused(client: Client, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "batch"
    run_batch([source], out, options=OPTIONS, read=READ, partition_size=2, client=client)
    with pytest.raises(SitrepError, match=r"E504.*partition_size"):
        run_batch([source], out, options=OPTIONS, read=READ, partition_size=3, client=client)


def test_the_reports_load_into_a_store_once(client: Client, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "batch"
    run_batch([source], out, options=OPTIONS, read=READ, partition_size=2, client=client)
    db = tmp_path / "record.db"
    first = load_into_store(out, str(db))
    again = load_into_store(out, str(db))
    assert (first.added, first.skipped) == (5, 0)
    assert (again.added, again.skipped) == (0, 5)


def test_partition_size_must_be_positive() -> None:
    with pytest.raises(SitrepError, match="E501"):
        list(partitions([], 0))


def test_cli_runs_a_local_cluster_and_stores(source: Path, tmp_path: Path) -> None:
    _register()
    out, db = tmp_path / "batch", tmp_path / "record.db"
    args = ["batch", str(source), "-o", str(out), "--field", "published=date", "--partition-size", "4",
            "--workers", "1", "--stages", "times", "--db", str(db)]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output  # the broken line is a failure
    assert "6 record(s) in 2 partition(s): 2 extracted now (6 records" in result.output
    assert "stored 5 new article(s)" in result.output
    assert report_path(out, 1).is_file()


def test_cli_refuses_standard_input(tmp_path: Path) -> None:
    _register()
    result = CliRunner().invoke(cli, ["batch", "-", "-o", str(tmp_path / "b")])
    assert result.exit_code == 2 and "standard input" in result.output


def test_a_partition_that_cannot_be_written_stops_the_run_with_a_resume_hint(
    client: Client, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "batch"
    out.mkdir()
    (out / "reports").write_text("a file where the reports folder should be")
    with pytest.raises(SitrepError, match=r"E505.*run the same command again"):
        run_batch([source], out, options=OPTIONS, read=READ, partition_size=2, client=client)


@pytest.mark.parametrize("damage", [b"", b"not gzip at all", b"\x1f\x8b\x08\x00truncated"])
def test_a_damaged_partition_file_is_named_with_a_hint(tmp_path: Path, damage: bytes) -> None:
    out = tmp_path / "batch"
    path = report_path(out, 0)
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    with pytest.raises(SitrepError, match=r"E502: .*part-00000.jsonl.gz.*delete the file"):
        list(finished_reports(out))
