"""Trigger matching, clause segmentation and modality for one sentence, on words only (no parser needed).

A sentence is read as a list of :class:`Word` (lowercase form and lemma). Clauses are cut at commas, semicolons,
colons, brackets and dashes and before the words of the ``breaker`` class (relative pronouns, conjunctions);
quotation marks do not cut, so "nos troupes ont libéré 20 km²" de Bakhmout stays one clause. Triggers are found
by the longest pattern of ``event_triggers.tsv`` at each word; modality by the cues of ``event_modality.tsv``
before the trigger in its clause. Cannot see syntax: a cue may reach a trigger it does not govern, and a clause
cut by a comma inside a noun phrase splits it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import GAP, EventLexicon, ModalityCue, Trigger

PUNCT_BREAK = frozenset({",", ";", ":", "(", ")", "—", "–", "[", "]"})
# Verb endings the lemma table shows are verbs: an infinitive ends so.
VERB_ENDINGS = ("er", "ir", "re", "oir")


@dataclass(slots=True)
class Word:
    i: int  # index in the doc
    form: str  # lowercase, typographic apostrophe made straight
    lemma: str


@dataclass(slots=True)
class Match:
    start: int  # word positions in the sentence, end exclusive
    end: int
    trigger: Trigger
    noun: bool
    background: bool = False  # a noun after a preposition of background ("lors des manifestations")


def words_of(lex: EventLexicon, start: int, forms: list[str]) -> list[Word]:
    """The words of a sentence from the doc's lowercase forms (``start``: the doc index of the first)."""
    return [Word(start + k, form, lex.lemma_of(form)) for k, form in enumerate(forms)]


def clauses(lex: EventLexicon, words: list[Word]) -> list[int]:
    """Clause number of each word."""
    breakers = lex.classes["breaker"] | lex.classes["relative"]
    ids: list[int] = []
    current = 0
    for k, w in enumerate(words):
        if w.form in PUNCT_BREAK:
            current += 1
            ids.append(current)
            continue
        if k > 0 and w.form in breakers and words[k - 1].form not in PUNCT_BREAK:
            current += 1
        ids.append(current)
    return ids


def _word_matches(lex: EventLexicon, w: Word, alternatives: frozenset[str]) -> bool:
    return (
        w.form in alternatives
        or w.lemma in alternatives
        or lex.forms.get(w.form, "") in alternatives
        or (lex.lang == "fr" and w.form.endswith(("s", "x")) and w.form[:-1] in alternatives)
    )


def _match_at(lex: EventLexicon, words: list[Word], k: int, trigger: Trigger, limit: int) -> int | None:
    """End position of ``trigger`` matched from word ``k`` (words before ``limit``), or None."""
    pos = k + 1
    for n in range(1, trigger.length):
        reach = GAP if trigger.gaps[n - 1] else 0
        found = None
        for j in range(pos, min(limit, pos + reach + 1)):
            if _word_matches(lex, words[j], trigger.words[n]):
                found = j
                break
        if found is None:
            return None
        pos = found + 1
    return pos


def needs_hold(lex: EventLexicon, words: list[Word], lo: int, hi: int, skip: tuple[int, int], needs: tuple[str, ...],
               extra: set[str]) -> bool:  # fmt: skip
    """Whether the clause words ``lo..hi`` (the trigger ``skip`` aside) hold a word of one of the ``needs``."""
    for need in needs:
        if need in extra:
            return True
        for k in range(lo, hi):
            if skip[0] <= k < skip[1]:
                continue
            w = words[k]
            if lex.in_class(need, w.form, w.lemma) or (
                w.form.endswith(("s", "x")) and lex.in_class(need, w.form[:-1], w.lemma)
            ):
                return True
    return False


def find_triggers(lex: EventLexicon, words: list[Word], clause_of: list[int], satisfied: NeedsOracle,
                  named: set[int], glued: set[int]) -> list[Match]:  # fmt: skip
    """Non-overlapping trigger matches, left to right, longest pattern first at each word.

    A word inside a name (``named``: "Amnesty International") or glued to a hyphen before it (``glued``:
    "long-threatened") triggers nothing. A noun after a preposition of background ("after clashes", "lors des
    manifestations") is an event of its own, marked ``background`` (the sentence's main act is another).
    """
    out: list[Match] = []
    circumstance = lex.classes.get("circumstance", frozenset())
    verbs_as_nouns = "yes" in lex.classes.get("verbs_as_nouns", frozenset())
    bounds = _clause_bounds(clause_of)
    det = lex.classes.get("det", frozenset())
    k = 0
    while k < len(words):
        w = words[k]
        if k in named or k in glued:
            k += 1
            continue
        candidates = lex.candidates(w.form)
        if not candidates:
            k += 1
            continue
        lo, hi = bounds[clause_of[k]]
        chosen: Match | None = None
        for trigger in candidates:
            end = _match_at(lex, words, k, trigger, hi)
            if end is None:
                continue
            if trigger.needs and trigger.type != "-" and not satisfied(trigger.needs, lo, hi, (k, end)):
                continue
            # after a determiner, a number, a preposition of background ("during protests"), or a determiner and a
            # nationality adjective ("the Russian advance")
            before = words[k - 1].form if k > 0 else ""
            if (k > 1 and before in lex.demonyms and words[k - 2].form in det
                    and words[k].form in (words[k].lemma, words[k].lemma + "s")):  # fmt: skip
                before = words[k - 2].form
            noun = "noun" in trigger.flags or (k > 0 and (before in det or before.isdigit() or before in circumstance))
            if noun and "noun" not in trigger.flags and not verbs_as_nouns:
                continue  # a participle used as a noun or an adjective ("les détenus"): not this verb's event
            chosen = Match(k, end, trigger, noun)
            break
        if chosen is None:
            k += 1
            continue
        chosen = _nearer_needs(words, candidates, chosen, satisfied, (lo, hi))
        chosen.background = chosen.noun and any(words[j].form in circumstance for j in range(max(0, k - 3), k))
        if chosen.trigger.type != "-" and not _object_of(lex, words, out, chosen, clause_of):
            out.append(chosen)
        k = chosen.end
    return out


NEAR_NEEDS = 4  # words around a trigger where the word it needs is taken as its own


def _nearer_needs(words: list[Word], candidates: tuple[Trigger, ...], chosen: Match, satisfied: NeedsOracle,
                  clause: tuple[int, int]) -> Match:  # fmt: skip
    """Among rows of one pattern whose needs the clause holds, the one whose needed word stands next to the trigger
    ("a libéré dimanche treize otages ... Israël": the hostages, a release, before the place far on)."""
    k, end = chosen.start, chosen.end
    near = (max(clause[0], k - NEAR_NEEDS), min(clause[1], end + NEAR_NEEDS))
    if not chosen.trigger.needs or satisfied(chosen.trigger.needs, near[0], near[1], (k, end)):
        return chosen
    for trigger in candidates:
        other_reading = trigger is not chosen.trigger and trigger.type != "-" and bool(trigger.needs)
        if (
            not other_reading
            or trigger.length != chosen.trigger.length
            or ("noun" in trigger.flags and not chosen.noun)
        ):
            continue
        if _match_at(satisfied.lex, words, k, trigger, clause[1]) == end and satisfied(trigger.needs, *near, (k, end)):
            return Match(k, end, trigger, chosen.noun)
    return chosen


def _object_of(lex: EventLexicon, words: list[Word], found: list[Match], noun: Match, clause_of: list[int]) -> bool:
    """Whether a noun trigger is the object of the verb trigger just before it ("lifted the blockade", "accepted
    demands", "suspended aid"): it is then part of that event, not one of its own."""
    if not noun.noun or not found:
        return False
    verb = found[-1]
    if verb.noun or clause_of[verb.start] != clause_of[noun.start] or noun.start - verb.end > 3:
        return False
    preps = lex.classes["prep"] | lex.classes["genitive"]
    return not any(w.form in preps for w in words[verb.end : noun.start])


class NeedsOracle:
    """Answers whether a clause satisfies a trigger's ``needs`` (word classes, quantities, mentions)."""

    def __init__(self, lex: EventLexicon, words: list[Word], extras: list[set[str]]) -> None:
        self.lex = lex
        self.words = words
        self.extras = extras  # per word: need names satisfied by a span starting there (km2 quantity, mention)

    def __call__(self, needs: tuple[str, ...], lo: int, hi: int, skip: tuple[int, int]) -> bool:
        extra: set[str] = set()
        for k in range(lo, hi):
            if not skip[0] <= k < skip[1]:
                extra |= self.extras[k]
        return needs_hold(self.lex, self.words, lo, hi, skip, needs, extra)


def _clause_bounds(clause_of: list[int]) -> dict[int, tuple[int, int]]:
    bounds: dict[int, tuple[int, int]] = {}
    for k, c in enumerate(clause_of):
        lo, _ = bounds.get(c, (k, k))
        bounds[c] = (lo, k + 1)
    return bounds


def clause_bounds(clause_of: list[int]) -> dict[int, tuple[int, int]]:
    return _clause_bounds(clause_of)


def _is_verb_form(form: str, lemma: str, suffix: str) -> bool:
    if form == lemma or not lemma.endswith(VERB_ENDINGS) or not form.endswith(suffix):
        return False
    remaining = form[: len(form) - len(suffix) + 1]  # keeps the "r" of the future / conditional stem
    return remaining.endswith("r") and len(remaining) >= len(lemma) - 1


@dataclass(slots=True)
class ModalityHit:
    position: int
    cue: ModalityCue
    ending: bool  # found by a verb ending: it may be the trigger itself


def modality_cues(lex: EventLexicon, words: list[Word], triggers: list[Match]) -> list[ModalityHit]:
    """The modality cues of the sentence: cue words anywhere, verb endings only where they may reach a trigger."""
    hits: list[ModalityHit] = []
    reach: set[int] = set()
    window = max((cue.window for _, cue in lex.suffixes), default=0)
    for t in triggers:
        reach.update(range(max(0, t.start - window), t.start + 1))
    for k, w in enumerate(words):
        cue = lex.cue_of(w.form, w.lemma)
        if cue is not None and cue.then and not any(v.form in cue.then for v in words[k + 1 : k + 4]):
            cue = None  # "le bras de fer qu'il a engagé avec": no "s'engager à"
        if cue is not None:
            hits.append(ModalityHit(k, cue, False))
            continue
        if k in reach and w.form != w.lemma and w.lemma.endswith(VERB_ENDINGS):
            for suffix, scue in lex.suffixes:
                if _is_verb_form(w.form, w.lemma, suffix):
                    hits.append(ModalityHit(k, scue, True))
                    break
    return hits


RANK = {"negated": 3, "hypothetical": 2, "future": 1, "actual": 0}


def demanded(hits: list[ModalityHit], position: int, clause_of: list[int]) -> bool:
    """Whether an obligation cue ("must", "doit") governs the trigger at ``position``."""
    return any(
        hit.cue.modality == "demand" and 0 < position - hit.position <= hit.cue.window
        and clause_of[hit.position] == clause_of[position]
        for hit in hits
    )  # fmt: skip


def _reaches_back(
    hit: ModalityHit, match: Match, clause_of: list[int], words: list[Word], openers: frozenset[str]
) -> bool:
    """Whether a cue after a noun trigger qualifies it: within the cue's ``after`` words, no comma between, and a
    clause crossed only by a relative complementiser ("la contre-offensive très attendue que Kiev prépare")."""
    if not match.noun or hit.cue.after <= 0 or not 0 <= hit.position - match.end < hit.cue.after:
        return False
    between = words[match.end : hit.position]
    if any(w.form in PAUSES for w in between):
        return False
    crossed = [k for k in range(match.end, hit.position + 1) if clause_of[k] != clause_of[k - 1]]
    if not all(words[k].form in openers for k in crossed):
        return False
    # a relative clause on the noun ("que Kiev prépare"), or a participle next to it ("l'offensive prévue",
    # "la contre-offensive très attendue"); not a participle further on ("aid program for Bosnia aimed at")
    return bool(crossed) or any(w.form in openers for w in between) or hit.position - match.end <= 1


PAUSES = frozenset({",", ";", ":", "(", ")", "—", "–", "-", '"', "«", "»", "."})


def modality_of(hits: list[ModalityHit], match: Match, clause_of: list[int], words: list[Word],
                affirmative: frozenset[str] = frozenset(), openers: frozenset[str] = frozenset(),
                reversible: frozenset[str] = frozenset()) -> str:  # fmt: skip
    """The strongest modality a cue before the trigger in its clause gives (verb endings reach the trigger
    itself). A noun trigger also takes the cues of the verb just after it ("la rencontre aurait lieu", "the
    attack did not happen") and those that reach back to it (``after``: "l'offensive prévue", "que Kiev
    prépare"; ``openers`` are the words through which a relative clause may be crossed). A negation around an
    ``affirmative`` verb ("ne cesse de") is none; a ``reversible`` one that is itself denied makes the event
    possible ("n'exclut pas d'envoyer des troupes", "did not rule out sending troops")."""
    best = "actual"
    position = match.start
    for hit in hits:
        if hit.cue.modality not in RANK:
            continue
        modality = hit.cue.modality
        w = words[hit.position]
        if (
            modality == "negated"
            and (w.form in reversible or w.lemma in reversible)
            and any(h.cue.modality == "negated" and 0 < hit.position - h.position <= 3 for h in hits)
        ):
            modality = "hypothetical"
        if _reaches_back(hit, match, clause_of, words, openers):
            best = modality if RANK[modality] > RANK[best] else best
            continue
        distance = position - hit.position
        if clause_of[hit.position] != clause_of[position]:
            continue
        # the verb after a noun subject: its negation or conditional, not a purpose ("manifestations pour ...")
        after_noun = match.noun and 0 <= hit.position - match.end < 3 and hit.cue.modality != "future"
        if not after_noun and (distance < 0 or distance > hit.cue.window):
            continue
        if distance == 0 and not hit.ending:
            continue  # a cue word is not its own modality; a verb ending on the trigger is
        if modality == "negated":
            lo, hi = sorted((hit.position, position))
            if any((v.form in affirmative or v.lemma in affirmative) and k != hit.position
                   for k, v in enumerate(words[lo : hi + 3], start=lo)):  # fmt: skip
                continue
        if RANK[modality] > RANK[best]:
            best = modality
    return best
