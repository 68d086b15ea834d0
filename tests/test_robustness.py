"""Real articles in bulk: the full default pipeline never raises, and every report keeps the contract."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import jsonschema
import pytest

import sitrep
from sitrep.schema import report_schema


@pytest.mark.slow
def test_a_thousand_orangesum_articles_extract_cleanly(shared_data: Path) -> None:
    path = shared_data / "corpora" / "orangesum.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    extractor = sitrep.Extractor()
    schema = report_schema()
    validator = jsonschema.Draft202012Validator(schema)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= 1000:
                break
            record = json.loads(line)
            article = sitrep.Article(text=record["text"], id=record["id"], title=record.get("title"),
                                     published=record.get("date"), language="fr")  # fmt: skip
            report = extractor.extract_article(article)
            report.check_offsets()
            errors = list(validator.iter_errors(report.to_dict()))
            assert not errors, f"{article.id}: {errors[0].message}"
