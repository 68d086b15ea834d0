"""The article: what ingestion hands to the pipeline (text plus what is known about it)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from .report import ArticleMeta


def content_hash(text: str) -> str:
    """The article's identity in the store: SHA-256 of its text (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from an input, before extraction.

    ``id`` is the input's own identifier (a JSONL ``id``, a file name); when the input has none it is the first
    16 hex digits of the content hash. ``published`` is an ISO date (``YYYY-MM-DD``) or None.
    """

    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # where it was read ("feed.xml", "news.jsonl:12"), for messages only

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text)[:16])

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    def meta(self, language: str | None = None) -> ArticleMeta:
        return ArticleMeta(
            id=self.id,
            title=self.title,
            published=self.published,
            language=language or self.language,
            url=self.url,
            source=self.source,
        )

    def with_overrides(self, *, published: str | None = None, language: str | None = None) -> Article:
        """The same article with the user's ``--published`` / ``--lang`` taking precedence."""
        return replace(
            self,
            published=published if published is not None else self.published,
            language=language if language is not None else self.language,
        )


def parse_published(value: object) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from what an input gives as publication date, or None when it gives none.

    Accepts dates, datetimes (``2023-05-16T08:30:00Z``, ``2023-05-16 08:30``) and ``datetime.date`` objects;
    raises ``ValueError`` for anything else, so that a bad date is reported rather than silently dropped.
    """
    import datetime as dt

    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    raw = value.strip()
    try:
        return dt.date.fromisoformat(raw[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise ValueError(f"not an ISO date: {value!r} (expected YYYY-MM-DD)") from None
