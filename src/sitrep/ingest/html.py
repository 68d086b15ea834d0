"""HTML pages: article text, title, date and URL through trafilatura.

trafilatura finds the main text of a page (boilerplate, menus and comments removed) and its metadata. A page with
no article text is an input error rather than an empty report.
"""

from __future__ import annotations

import trafilatura

from ..article import Article, parse_published
from ..errors import InputError
from .sniff import decode

MIN_WORDS = 5  # fewer words than this is a menu or a stub, not an article


def article_from_html(data: bytes, *, origin: str, name: str = "") -> Article:
    """The article of one HTML page."""
    try:
        markup = decode(data, origin)
    except InputError:
        markup = data.decode("latin-1")  # trafilatura re-reads the declared charset; latin-1 never fails
    try:
        document = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, AttributeError) as exc:  # raised by the parser on some broken pages
        raise InputError(f"HTML could not be parsed ({exc})", source=origin) from None
    if document is None:
        raise InputError("no article text found in this HTML page", source=origin)
    meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = (meta.get("text") or "").strip()
    if len(text.split()) < MIN_WORDS:
        raise InputError("no article text found in this HTML page", source=origin)
    try:
        published = parse_published(meta.get("date"))
    except ValueError:
        published = None  # a page date trafilatura could not normalise is not worth refusing the article
    return Article(
        text=text,
        id=name,
        title=meta.get("title") or None,
        published=published,
        language=meta.get("language") or None,
        url=meta.get("url") or None,
        source=meta.get("sitename") or meta.get("hostname") or None,
        origin=origin,
    )
