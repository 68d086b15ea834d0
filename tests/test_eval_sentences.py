"""The sentences evaluation: UD CoNLL-U read into joined documents, boundaries and tokens scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.api import Extractor
from sitrep.config import Options
from sitrep.errors import SitrepError
from sitrep.evaluation.sentences import evaluate, read_conllu

SPLITTER = Extractor(Options(stages=("sentences",)))

CONLLU = """# sent_id = 1
# text = Kiev a été frappée.
1\tKiev\tKiev\tPROPN\t_\t_\t3\tnsubj\t_\t_
2\ta\tavoir\tAUX\t_\t_\t3\taux\t_\t_
3\tété\têtre\tAUX\t_\t_\t4\taux\t_\t_
4\tfrappée\tfrapper\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_

# sent_id = 2
# text = Les secours du village sont là.
1\tLes\tle\tDET\t_\t_\t2\tdet\t_\t_
2\tsecours\tsecours\tNOUN\t_\t_\t6\tnsubj\t_\t_
3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_
3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_
4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_
5\tvillage\tvillage\tNOUN\t_\t_\t2\tnmod\t_\t_
6\tsont\têtre\tAUX\t_\t_\t0\troot\t_\t_
7\tlà\tlà\tADV\t_\t_\t6\tadvmod\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t_\t_\t6\tpunct\t_\t_

"""


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "fr_test-ud-dev.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    return path


def test_sentences_are_joined_and_multiword_tokens_count_once(gold: Path) -> None:
    [doc] = read_conllu(gold)
    assert doc.text == "Kiev a été frappée. Les secours du village sont là."
    assert [doc.text[s:e] for s, e in doc.sentences] == ["Kiev a été frappée.", "Les secours du village sont là."]
    assert [doc.text[s:e] for s, e in doc.tokens][5:9] == ["Les", "secours", "du", "village"]


def test_a_perfect_split_scores_one(gold: Path) -> None:
    result = evaluate(gold, SPLITTER)
    assert result.metrics["boundaries"]["f1"] == 1.0
    assert result.metrics["sentences"]["f1"] == 1.0
    assert result.metrics["tokens"]["f1"] == 1.0
    assert "sentencizer boundaries" in result.metrics


def test_a_token_missing_from_its_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.conllu"
    path.write_text(CONLLU.replace("1\tKiev\tKiev", "1\tKyiv\tKyiv"), encoding="utf-8")
    with pytest.raises(SitrepError, match=r"E460.*'Kyiv'"):
        read_conllu(path)


@pytest.mark.slow
def test_ud_french_gsd_beats_the_sentencizer(shared_data: Path) -> None:
    path = shared_data / "ud" / "fr-gsd" / "fr_gsd-ud-dev.conllu"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    result = evaluate(path, SPLITTER)
    assert result.metrics["boundaries"]["f1"] >= result.metrics["sentencizer boundaries"]["f1"]
