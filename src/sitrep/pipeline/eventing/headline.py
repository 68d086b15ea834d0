"""One event told twice: a headline's event merged into the same event of the article's lead.

A news headline summarises its lead ("L'Ukraine dit avoir repris 20 km² aux Russes autour de Bakhmout" and, two
sentences on, "nos troupes ont libéré environ 20 kilomètres carrés ... de Bakhmout"): a reader counts one event.
An event of the headline (the sentences of a prepended title, or the text's first sentence when a line break ends
it) is merged into an event
of the next ``LEAD`` sentences when they have the same type, their actors and their recipients do not conflict (no
side names two different entities of two different countries), and they share at least one argument: an actor or a
recipient (the same entity or the same country), the place (the same name) or a quantity (the same value and unit).
The richer of the two (more arguments named, a claimant counting as one) keeps its evidence, trigger and claimant,
and takes the other's actors or recipients where it has none; on a tie the lead's is kept, as it says more around it.

Cannot do: a headline event whose lead twin lies further than ``LEAD`` sentences, or one told with other words for
both sides and no shared place or quantity; events of the body are never merged with each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..attrs import EventAttrs, doc_info

LEAD = 3  # sentences after the headline that may retell its event

CodeOf = Callable[[str], str | None]  # entity key -> its country code, if any


def _side(keys: tuple[str, ...], code_of: CodeOf) -> set[str]:
    return set(keys) | {c for c in (code_of(k) for k in keys) if c}


def _agree(a: tuple[str, ...], b: tuple[str, ...], code_of: CodeOf) -> bool | None:
    """True when both sides name the same entity or country, False when they name different ones, None when one
    names none."""
    if not a or not b:
        return None
    return bool(_side(a, code_of) & _side(b, code_of))


def _quantity_keys(e: EventAttrs) -> set[tuple[float, str]]:
    out = set()
    for q in e.quantities:
        attrs = q._.quantity
        if attrs is not None and attrs.value is not None and attrs.unit:
            out.add((float(attrs.value), str(attrs.unit)))
    return out


def _place_name(e: EventAttrs) -> str | None:
    if e.place is None:
        return None
    attrs = e.place._.place
    return (attrs.name if attrs is not None and attrs.name else e.place.text).lower()


def _shared(h: EventAttrs, lead: EventAttrs, code_of: CodeOf) -> int | None:
    """How many arguments the two share, or None when they cannot be one event."""
    if h.type != lead.type:
        return None
    actors, recipients = _agree(h.actors, lead.actors, code_of), _agree(h.recipients, lead.recipients, code_of)
    if actors is False or recipients is False:
        return None
    place = _place_name(h)
    shared = int(bool(actors)) + int(bool(recipients)) + int(place is not None and place == _place_name(lead))
    shared += int(bool(_quantity_keys(h) & _quantity_keys(lead)))
    return shared or None


def _richness(e: EventAttrs) -> int:
    return sum((bool(e.actors), bool(e.recipients), e.place is not None, e.time is not None, bool(e.quantities),
                e.quote is not None))  # fmt: skip


def merge_headline(doc: Doc, sentences: list[Span], events: list[Span], code_of: CodeOf) -> list[Span]:
    """``events`` with each headline event that its lead retells merged into one (see the module docstring);
    ``sentences`` are the doc's, in order."""
    sentences = [s for s in sentences if s.text.strip()]  # a text may open on a blank line
    if len(sentences) < 2 or not events:
        return events
    title_end = doc_info(doc).title_chars
    headline = [s for s in sentences if s.start_char < title_end] if title_end else sentences[:1]
    if not headline or len(headline) == len(sentences):
        return events
    # the tokens from the headline's last word to the next sentence's first hold the break (not doc.text: O(doc))
    if not title_end and "\n" not in doc[headline[-1].end - 1 : sentences[len(headline)].start + 1].text_with_ws:
        return events  # the first sentence runs on into the text: no headline
    lead_end = sentences[min(len(sentences), len(headline) + LEAD) - 1].end
    in_headline = headline[-1].end
    dropped: set[int] = set()
    replaced: dict[int, EventAttrs] = {}
    for i, h in enumerate(events):
        if h.start >= in_headline or h._.event is None:
            continue
        best: tuple[int, int] | None = None  # (shared, index)
        for j, lead in enumerate(events):
            if lead.start < in_headline or lead.start >= lead_end or j in dropped or lead._.event is None:
                continue
            shared = _shared(h._.event, replaced.get(j, lead._.event), code_of)
            if shared is not None and (best is None or shared > best[0]):
                best = (shared, j)
        if best is None:
            continue
        j = best[1]
        mine, theirs = h._.event, replaced.get(j, events[j]._.event)
        keep, other = (i, j) if _richness(mine) > _richness(theirs) else (j, i)
        kept, gone = (mine, theirs) if keep == i else (theirs, mine)
        replaced[keep] = replace(
            kept,
            actors=kept.actors or tuple(a for a in gone.actors if a not in kept.recipients),
            recipients=kept.recipients or tuple(r for r in gone.recipients if r not in kept.actors),
        )
        dropped.add(other)
    out = []
    for k, span in enumerate(events):
        if k in dropped:
            continue
        if k in replaced:
            span._.event = replaced[k]
        out.append(span)
    return out
