"""Robustness on real web pages: every page of the trafilatura sample is read or rejected with a message."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from sitrep.article import Article
from sitrep.errors import InputError
from sitrep.ingest import ReadOptions
from sitrep.ingest.readers import read_document


@pytest.mark.slow
def test_every_sample_page_is_read_or_rejected_clearly(shared_data: Path) -> None:
    archive = shared_data / "html" / "trafilatura-eval-sample.tar.gz"
    if not archive.is_file():
        pytest.skip(f"{archive} is missing")
    read = rejected = 0
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            handle = tar.extractfile(member)
            assert handle is not None
            (item,) = list(read_document(handle.read(), "html", member.name, Path(member.name).stem, ReadOptions()))
            if isinstance(item, Article):
                assert item.text.strip()
                read += 1
            else:
                assert isinstance(item, InputError) and member.name in str(item)
                rejected += 1
    assert read + rejected >= 200
    assert read >= 0.8 * (read + rejected), f"only {read} of {read + rejected} pages gave an article"
