"""Fast blank languages: the cached French tokenizer tokenizes exactly as spaCy's French."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import spacy

from sitrep.pipeline.languages import blank, factor_alternatives

SENTENCES = [
    "L’armée a-t-elle dit aujourd'hui que 20km² étaient repris ? « Oui », a répondu le porte-parole.",
    "Le Royaume-Uni et les États-Unis ont livré des chars anti-aériens, c'est-à-dire des systèmes sol-air.",
    "Peut-être viendra-t-il après-demain à Saint-Pétersbourg ou à Aix-en-Provence, a-t-on appris.",
    "Les pro-russes et les anti-Kiev se sont réunis au sud-est, près de Donetsk, dans la nuit de lundi à mardi.",
]


@pytest.fixture(scope="module")
def spacy_fr() -> spacy.language.Language:
    return spacy.blank("fr")


def test_factoring_keeps_other_shapes_and_flags() -> None:
    big = "[" + "".join(chr(c) for c in range(0x61, 0x7B)) * 10 + "]"
    pattern = f"(?iu)(?:^ab-{big}+$)|(?:^cd-{big}+$)|(?:^x|y$)|(?:^ef-{big}*$)"
    factored = factor_alternatives(pattern)
    assert factored.startswith("(?iu)")
    for text in ["ab-x", "CD-yz", "cd-", "x", "y", "ef-", "ef-q", "gh-a", "ab", "abx"]:
        assert bool(re.match(pattern, text)) == bool(re.match(factored, text)), text


def test_cached_french_tokenizes_like_spacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            spacy_fr: spacy.language.Language) -> None:  # fmt: skip
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    first = blank("fr")  # builds and fills the cache
    cached = blank("fr")  # from the cache
    assert type(cached).__name__ == "CachedFr" and cached.lang == "fr"
    assert any(tmp_path.rglob("fr.tokenizer"))
    for text in SENTENCES:
        expected = [t.text for t in spacy_fr.make_doc(text)]
        assert [t.text for t in first.make_doc(text)] == expected
        assert [t.text for t in cached.make_doc(text)] == expected
    assert "le" in cached.Defaults.stop_words


def test_factored_token_match_is_equivalent_on_real_words(shared_data: Path,
                                                          spacy_fr: spacy.language.Language) -> None:  # fmt: skip
    original = spacy_fr.tokenizer.token_match.__self__
    factored = re.compile(factor_alternatives(original.pattern))
    words: set[str] = set()
    with gzip.open(shared_data / "corpora" / "orangesum.jsonl.gz", "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            words.update(json.loads(line)["text"].split())
            if n >= 3000:
                break
    hyphenated = [w for w in words if "-" in w or "'" in w or "’" in w]
    assert len(hyphenated) > 1000
    for word in sorted(words):
        assert bool(original.match(word)) == bool(factored.match(word)), word
