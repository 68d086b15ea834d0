"""RSS and Atom files: one article per entry, through feedparser.

The entry's full content is used when the feed carries it, else its summary; markup is stripped with lxml (which
trafilatura already depends on). A feed without entries is an input error. Feeds are read from files only:
sitrep does not fetch URLs.
"""

from __future__ import annotations

import time
from typing import Any

import feedparser
import lxml.html

from ..article import Article
from ..errors import InputError


def _plain(markup: str) -> str:
    if "<" not in markup:
        return markup.strip()
    try:
        root = lxml.html.fromstring(f"<div>{markup}</div>")
    except (ValueError, lxml.etree.ParserError):
        return markup.strip()
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def articles_from_feed(data: bytes, *, origin: str) -> list[Article | InputError]:
    """The entries of one feed, as articles (an entry without text is reported, the others kept)."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(f"no entries in this RSS/Atom feed{reason}", source=origin)
    source = parsed.feed.get("title") or None
    language = (parsed.feed.get("language") or "").split("-")[0] or None
    out: list[Article | InputError] = []
    for number, entry in enumerate(parsed.entries, start=1):
        contents = entry.get("content") or []
        markup = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = _plain(markup or "")
        where = f"{origin}#{number}"
        if not text:
            out.append(InputError("feed entry without text", source=where))
            continue
        out.append(
            Article(
                text=text,
                id=entry.get("id") or entry.get("link") or f"{number}",
                title=_plain(entry.get("title", "")) or None,
                published=_date(entry),
                language=language,
                url=entry.get("link") or None,
                source=source,
                origin=where,
            )
        )
    return out
