"""Direct speech by its marks: « … », “ … ”, " … ", ‹ ›, „ “, and em-dash dialogue lines.

Works on tokens (the tokenizers split quotation marks off words). A quotation opens with the first mark of a
pair and closes with its partner; marks of another kind inside it are nested quotations and ignored; the same
opener inside (« « ») nests. A paragraph break (a newline) ends an open quotation unless the next paragraph
reopens it with the same mark (the news convention for quotes running over several paragraphs), so an
unbalanced mark costs at most its paragraph. A paragraph that starts with an em dash or en dash (not a hyphen,
which starts list items) is a line of dialogue, unless a dash also ends it (a subheading, "— Mission accomplie
—"). Dialogue may also run inside a paragraph ("Il demanda : — Vous partez ? — Demain."): a dash after a colon
or a sentence's end and before a capitalised word opens a turn. A turn runs to the next turn's dash or the
paragraph's end, less a last sentence that ends with a colon (the narrator's lead-in to the next turn). A dash
right before a French quotation mark ("— « Et moi aussi. »") marks that quotation as a turn of dialogue
(``dashed``); in English a dash before a quotation more often opens a list item.
Apostrophes and single curly quotes (‘ ’) never open a top-level quotation: they are too often apostrophes.

Cannot tell where a turn's speech ends and the narrative resumes inside a paragraph: a turn keeps the
narrative sentences that follow it up to the next turn.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

PAIRS: dict[str, frozenset[str]] = {
    "«": frozenset({"»"}),
    "“": frozenset({"”"}),
    "„": frozenset({"“", "”"}),
    "‹": frozenset({"›"}),
    '"': frozenset({'"'}),
    "''": frozenset({"''"}),
    "``": frozenset({"''"}),
}
SYMMETRIC = frozenset({'"', "''"})  # the same mark opens and closes
ALL_MARKS = frozenset(PAIRS) | frozenset(c for cs in PAIRS.values() for c in cs) | {"‘", "’"}
DIALOGUE_DASHES = frozenset({"—", "–", "―"})
TURN_AFTER = frozenset({":", ".", "!", "?", "…", "..."})  # what a dash opening a turn in a paragraph follows
SENTENCE_END = frozenset({".", "!", "?", "…", "..."})


@dataclass(slots=True)
class Marked:
    """One quotation found by its marks: token indices of the marks and the content between them.

    ``open`` / ``close`` are the mark tokens (``close`` is None when the paragraph ended first, or for a dialogue
    line); ``start`` / ``end`` delimit the content tokens (end exclusive). ``reopened`` lists the mark tokens that
    reopen the quotation at each new paragraph.
    """

    open: int
    close: int | None
    start: int
    end: int
    dialogue: bool = False
    reopened: tuple[int, ...] = ()
    dashed: bool = False  # a quotation right after a dialogue dash: a turn of dialogue


@dataclass(frozen=True, slots=True)
class TokenView:
    """The token attributes the scanner reads, as plain lists (one pass over the Doc)."""

    text: list[str]
    ws: list[str]
    space: list[bool]
    punct: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> TokenView:
        return cls([t.text for t in doc], [t.whitespace_ for t in doc], [t.is_space for t in doc],
                   [t.is_punct for t in doc])

    def __len__(self) -> int:
        return len(self.text)


def _paragraph_starts(doc: TokenView) -> list[int]:
    """Token indices that begin a paragraph (the first token, and the first word after a newline)."""
    starts = [0]
    newline = False
    for i, text in enumerate(doc.text):
        if doc.space[i]:
            newline = newline or "\n" in text
            continue
        if newline and i != starts[-1]:
            starts.append(i)
        newline = "\n" in doc.ws[i]
    return starts


def scan(doc: TokenView, *, inline_dialogue: bool = True) -> list[Marked]:
    """Every top-level quotation of the document in text order; ``inline_dialogue`` looks for turns of dialogue
    inside paragraphs (a French convention: in English such a dash signs a tweet or opens a list item)."""
    found: list[Marked] = []
    paragraphs = _paragraph_starts(doc)
    bounds = [*paragraphs[1:], len(doc)]
    current: Marked | None = None
    closers: frozenset[str] = frozenset()
    opener = ""
    depth = 0
    for first, last in zip(paragraphs, bounds, strict=True):
        i = first
        if current is not None:
            # An open quotation survives the break only when this paragraph reopens it with the same mark.
            head = _first_word(doc, first, last)
            if head is not None and doc.text[head] == opener:
                current.reopened = (*current.reopened, head)
                i = head + 1
            else:
                found.append(current)
                current = None
        if current is None:
            head = _first_word(doc, first, last)
            if head is not None and doc.text[head] in DIALOGUE_DASHES and not _opens_quote_next(doc, head, last) \
                    and not _subheading(doc, head, last):
                i = _turn(doc, head, first, last, found, inline_dialogue)
        while i < last:
            text = doc.text[i]
            if current is None:
                if text in PAIRS and _can_open(doc, i, last):
                    opener, closers, depth = text, PAIRS[text], 0
                    current = Marked(i, None, i + 1, i + 1, dashed=text == "«" and _after_dash(doc, i, first))
                elif inline_dialogue and text in DIALOGUE_DASHES and _opens_turn(doc, i, first, last) and \
                        not _opens_quote_next(doc, i, last):
                    i = _turn(doc, i, first, last, found, inline_dialogue)
                    continue
            elif text in closers and not (text == opener and opener in SYMMETRIC and not _can_close(doc, i)):
                if depth:
                    depth -= 1
                else:
                    current.close = i
                    current.end = i
                    found.append(current)
                    current = None
            elif text == opener and opener not in closers:
                depth += 1
            i += 1
        if current is not None:
            current.end = _trim_end(doc, current.start, last)
    if current is not None:
        found.append(current)
    return [m for m in found if m.end > m.start]


def _turn(doc: TokenView, dash: int, first: int, last: int, found: list[Marked], inline: bool) -> int:
    """Record the dialogue turn that ``dash`` opens and return the token where scanning goes on; with no
    ``inline`` dialogue the turn runs to the paragraph's end."""
    end = dash + 1 if inline else last
    while end < last and not (doc.text[end] in DIALOGUE_DASHES and _opens_turn(doc, end, first, last)):
        end += 1
    stop = _trim_end(doc, dash + 1, end)
    if end < last and stop > dash + 1 and doc.text[stop - 1] == ":":
        # "… — C'est moi. Le comte s'approcha : — …": the narrator's lead-in belongs to no turn.
        k = stop - 2
        while k > dash and doc.text[k] not in SENTENCE_END and doc.text[k] not in DIALOGUE_DASHES:
            k -= 1
        stop = _trim_end(doc, dash + 1, k + 1)
    if stop > dash + 1:
        found.append(Marked(dash, None, dash + 1, stop, dialogue=True))
    return end


def _opens_turn(doc: TokenView, i: int, first: int, last: int) -> bool:
    """A dash inside a paragraph that opens a turn of dialogue: after a colon or a sentence's end, before a
    capitalised word or a quotation mark."""
    p = i - 1
    while p >= first and doc.space[p]:
        p -= 1
    if p < first or doc.text[p] not in TURN_AFTER or not (doc.ws[p] or doc.space[p + 1]) or not doc.ws[i]:
        return False  # "can be!— Cruz": a dash glued to a word is punctuation, not a turn
    nxt = _first_word(doc, i + 1, last)
    if nxt is None:
        return False
    word = doc.text[nxt]
    return word in PAIRS or (word[:1].isupper() and not doc.punct[nxt])


def _after_dash(doc: TokenView, i: int, first: int) -> bool:
    p = i - 1
    while p >= first and doc.space[p]:
        p -= 1
    return p >= first and doc.text[p] in DIALOGUE_DASHES


def _first_word(doc: TokenView, first: int, last: int) -> int | None:
    for i in range(first, last):
        if not doc.space[i]:
            return i
    return None


def _trim_end(doc: TokenView, start: int, last: int) -> int:
    end = last
    while end > start and doc.space[end - 1]:
        end -= 1
    return end


def _subheading(doc: TokenView, dash: int, last: int) -> bool:
    """ "— Mission accomplie —": a line framed by dashes is a subheading, not a line of dialogue."""
    end = _trim_end(doc, dash + 1, last)
    while end > dash + 1 and doc.text[end - 1] in (".", ":"):
        end -= 1
    return end > dash + 1 and doc.text[end - 1] in DIALOGUE_DASHES


def _opens_quote_next(doc: TokenView, dash: int, last: int) -> bool:
    nxt = _first_word(doc, dash + 1, last)
    return nxt is not None and doc.text[nxt] in PAIRS


def _can_open(doc: TokenView, i: int, last: int) -> bool:
    """A straight double quote opens when a word follows it; curly and angle marks always open."""
    if doc.text[i] not in SYMMETRIC:
        return i + 1 < last
    return i + 1 < last and not doc.ws[i] and not doc.punct[i + 1]


def _can_close(doc: TokenView, i: int) -> bool:
    """A straight double quote closes after a word (no space before it)."""
    return i > 0 and not doc.ws[i - 1]
