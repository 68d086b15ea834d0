"""Ingestion: every input kind read into articles; bad inputs named and counted, never a crash."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitrep.article import Article
from sitrep.errors import InputError
from sitrep.ingest import ReadOptions, read_data, read_inputs

ARTICLE_FR = "Kiev a repoussé dans la nuit une attaque de drones, a indiqué mardi l'armée ukrainienne."
ARTICLE_EN = "Kyiv repelled a drone attack overnight, the Ukrainian military said on Tuesday."

HTML = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Attaque de drones sur Kiev</title>
<meta property="article:published_time" content="2023-05-16T07:30:00+00:00">
<link rel="canonical" href="https://news.example.org/monde/kiev-drones"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Attaque de drones sur Kiev</h1>
<p>Kiev a repoussé dans la nuit de lundi à mardi une attaque de drones explosifs, a indiqué l'armée ukrainienne
dans un communiqué publié mardi matin sur les réseaux sociaux.</p>
<p>« Tous les engins ont été abattus », a affirmé le chef de l'administration militaire de la capitale, qui ne
signale aucune victime parmi les habitants de la ville.</p></article>
<footer>Tous droits réservés</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fil Monde</title>
<language>fr-FR</language>
<item><title>Frappes sur Odessa</title><link>https://news.example.org/1</link><guid>n-1</guid>
<pubDate>Tue, 16 May 2023 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Des frappes russes ont visé le port d'Odessa dans la nuit.&lt;/p&gt;</description></item>
<item><title>Vide</title><guid>n-2</guid><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>World</title>
<entry><title>Talks in Istanbul</title><id>tag:example.org,2023:1</id><updated>2023-05-16T09:00:00Z</updated>
<link href="https://news.example.org/en/1"/>
<content type="html">&lt;p&gt;Negotiators met in Istanbul on Tuesday to discuss grain exports.&lt;/p&gt;</content>
</entry></feed>"""


def read(*paths: Path, **kw: object) -> list[Article | InputError]:
    return list(read_inputs(paths, ReadOptions(**kw)))  # type: ignore[arg-type]


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "kiev-drones.txt"
    path.write_text(ARTICLE_FR, encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert (article.id, article.text, article.origin) == ("kiev-drones", ARTICLE_FR, str(path))


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE_FR.encode())
    (article,) = read(path)
    assert isinstance(article, Article) and article.text == ARTICLE_FR


def test_html_gives_text_title_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.title == "Attaque de drones sur Kiev"
    assert article.published == "2023-05-16"
    assert article.url == "https://news.example.org/monde/kiev-drones"
    assert "repoussé dans la nuit" in article.text
    assert "Accueil" not in article.text and "droits réservés" not in article.text


def test_jsonl_with_field_mapping_and_order(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    rows = [
        {"id": "b", "text": ARTICLE_FR, "date": "2023-05-16", "title": "Drones"},
        {"id": "a", "text": ARTICLE_EN, "date": "2023-05-17T10:00:00Z", "language": "en", "url": "u"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    articles = read(path, fields={"published": "date"})
    assert [a.id for a in articles if isinstance(a, Article)] == ["b", "a"]
    first, second = articles
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.published, first.title, second.published, second.language) == (
        "2023-05-16", "Drones", "2023-05-17", "en"
    )  # fmt: skip


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "x1", "text": ARTICLE_FR}).encode() + b"\n"))
    (article,) = read(path)
    assert isinstance(article, Article) and article.id == "x1"


def test_jsonl_bad_lines_are_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join([
            json.dumps({"id": "ok1", "text": ARTICLE_FR}),
            '{"id": "broken", "text": "Kiev a',
            json.dumps({"id": "notext", "title": "Sans texte"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "baddate", "text": ARTICLE_FR, "published": "mardi"}),
            json.dumps({"id": "ok2", "text": ARTICLE_EN}),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    items = read(path)
    assert [a.id for a in items if isinstance(a, Article)] == ["ok1", "ok2"]
    errors = [e for e in items if isinstance(e, InputError)]
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert "malformed JSON" in str(errors[0]) and f"{path}:2" in str(errors[0])
    assert "no text" in str(errors[1])
    assert "not an ISO date" in str(errors[3])


def test_rss_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "fil.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read(path)
    article, empty = items
    assert isinstance(article, Article)
    assert (article.id, article.title, article.published, article.language, article.source) == (
        "n-1", "Frappes sur Odessa", "2023-05-16", "fr", "Fil Monde"
    )  # fmt: skip
    assert article.text == "Des frappes russes ont visé le port d'Odessa dans la nuit."
    assert isinstance(empty, InputError) and "without text" in str(empty)


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "world.xml"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.published == "2023-05-16" and article.url == "https://news.example.org/en/1"
    assert article.text.startswith("Negotiators met in Istanbul")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Kiev a été frappée.".encode("latin-1"), "not UTF-8"),
        ("big.txt", b"Kiev. " * 100, "too large"),
        ("broken.jsonl.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
        ("empty.rss", b"<?xml version='1.0'?><rss><channel><title>t</title></channel></rss>", "no entries"),
        ("nothing.html", b"<html><body><nav>Menu</nav></body></html>", "no article text"),
    ],
)
def test_bad_inputs_are_reported_with_their_name(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (item,) = read(path, max_bytes=200)
    assert isinstance(item, InputError)
    assert message in str(item) and str(path) in str(item)


def test_folder_mixing_good_and_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02\x03" * 10)
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.jsonl").write_text(json.dumps({"id": "d1", "text": ARTICLE_EN}) + "\n{oops\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE_FR, encoding="utf-8")
    items = read(tmp_path)
    assert [a.id for a in items if isinstance(a, Article)] == ["a", "d1"]
    assert sorted(Path(e.source or "").name for e in items if isinstance(e, InputError)) == [
        "b.bin", "c.txt", "d.jsonl"
    ]  # fmt: skip


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    missing, empty = read(tmp_path / "nope.txt", tmp_path / "empty")
    assert isinstance(missing, InputError) and "no such file" in str(missing)
    assert isinstance(empty, InputError) and "no files" in str(empty)


def test_standard_input_is_sniffed() -> None:
    (article,) = read_data(ARTICLE_FR.encode(), "<stdin>", ReadOptions())
    assert isinstance(article, Article) and article.text == ARTICLE_FR
    lines = (json.dumps({"id": "s1", "text": ARTICLE_EN}) + "\n").encode()
    (record,) = read_data(lines, "<stdin>", ReadOptions())
    assert isinstance(record, Article) and record.id == "s1"
