"""The events stage's language data, compiled once per pipeline from ``resources/<lang>/event_*.tsv``.

Triggers, cue words and modality cues are listed by lemma; a word of the text is matched by its lowercase form
or by its lemma in spaCy's lookup table (``spacy-lookups-data``), of which only the entries the stage can tell
from the form itself are kept (:class:`LemmaTable`, derived once and kept in sitrep's cache). Regular
participles and inflections the table files under themselves are added by rule (French -er/-ir participles,
English -s/-ed/-ing), and each file's ``forms`` column lists irregular ones.
Country adjectives come from the entities stage's ``entity_demonyms.tsv`` and country names from CLDR
(``babel``), so "missiles russes" can name Russia as an actor. Nothing here depends on a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ...errors import ResourceError
from ...report import EVENT_TYPES
from ...resources import Resources

MODALITIES = ("future", "hypothetical", "negated", "demand")  # demand: an obligation laid on another
ROLE_FLAGS = frozenset({"noun", "inv", "sym", "intr", "absorb", "future", "venue"})
GAP = 5  # words a "*" in a pattern lets stand between two of its words (within the clause)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of ``event_triggers.tsv``: a word pattern and what an event it triggers is."""

    words: tuple[frozenset[str], ...]  # alternatives per position, lemmas or forms
    gaps: tuple[bool, ...]  # gaps[i]: up to GAP words may stand before words[i + 1]
    type: str  # a PLOVER type, or "-" for a blocking phrase
    mode: str | None
    context: tuple[str, ...]
    flags: frozenset[str]
    recipient_preps: frozenset[str]
    needs: tuple[str, ...]  # word classes, any of which the clause after the trigger must hold
    armed: str | None  # the type it becomes when the clause names a weapon
    order: int  # row number: among patterns of one length, the first row that fits wins

    @property
    def length(self) -> int:
        return len(self.words)


@dataclass(frozen=True, slots=True)
class Cue:
    """A clause word that gives a mode or context labels to events of some types."""

    types: frozenset[str]  # empty: every type
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ModalityCue:
    modality: str
    window: int
    fallback: str | None  # type of the event the cue is when it governs none
    then: frozenset[str] = frozenset()  # words one of which must follow within 3 words, if any
    after: int = 0  # words after a noun trigger it also reaches ("la contre-offensive que Kiev prépare")


class LemmaTable:
    """Form -> lower-case lemma through the shared lemma table (the form itself when the table has none).

    Only the entries the stage can tell from the form itself are kept (see :func:`_lemma_table`); for every other
    form the form stands for its lemma, with the same outcome. Empty until :func:`compile_lexicon` fills it.
    """

    def __init__(self, table: Mapping[str, str] | None = None) -> None:
        self._table: Mapping[str, str] = table or {}

    def __call__(self, form: str) -> str:
        return self._table.get(form, form)

    def __len__(self) -> int:
        return len(self._table)


def _inflections(lemma: str, lang: str) -> Iterable[str]:
    """Regular forms the lookup table may miss or file under themselves."""
    if " " in lemma or not lemma.isalpha():
        return ()
    if lang == "fr":
        if lemma.endswith("er"):
            stem = lemma[:-2]
            # the present forms too: the table files "demande" under the noun
            return (stem + "é", stem + "ée", stem + "és", stem + "ées", stem + "ant", stem + "e", stem + "es",
                    stem + "ent")  # fmt: skip
        if lemma.endswith("ir"):
            stem = lemma[:-2]
            return (stem + "i", stem + "ie", stem + "is", stem + "ies", stem + "issant")
        if lemma.endswith("re"):
            stem = lemma[:-2] if not lemma.endswith("dre") else lemma[:-3] + "d"
            return (stem + "u", stem + "ue", stem + "us", stem + "ues")
        return (lemma + "s",)
    if lang == "en":
        base = lemma[:-1] if lemma.endswith("e") else lemma
        out = [lemma + "s", lemma + "es", base + "ed", base + "ing", lemma + "d"]
        if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
            out += [lemma[:-1] + "ies", lemma[:-1] + "ied"]
        return out
    return ()


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


@dataclass
class EventLexicon:
    """Everything the events stage knows of one language, compiled and read-only after :func:`compile_lexicon`."""

    lang: str
    lemma: LemmaTable = field(default_factory=LemmaTable)  # filled last, from the words of the rest
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)  # first word (form or lemma) -> rows
    forms: dict[str, str] = field(default_factory=dict)  # extra surface form -> lemma
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    cues: dict[str, list[Cue]] = field(default_factory=dict)
    modality: dict[str, ModalityCue] = field(default_factory=dict)  # form or lemma -> cue
    suffixes: tuple[tuple[str, ModalityCue], ...] = ()  # verb endings, longest first
    demonyms: dict[str, str] = field(default_factory=dict)  # lowercase adjective or noun -> country code
    country_names: dict[str, str] = field(default_factory=dict)  # lowercase country name -> code

    _candidates: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)  # memo: form -> triggers

    _lemmas: dict[str, str] = field(default_factory=dict)  # memo: form -> lemma
    _starts: dict[str, bool] = field(default_factory=dict)  # memo: form -> may start an event

    def lemma_of(self, form: str) -> str:
        found = self._lemmas.get(form)
        if found is None:
            found = self.forms.get(form) or self.lemma(form)
            if len(self._lemmas) > 500_000:
                self._lemmas.clear()  # bounded: results never depend on it
            self._lemmas[form] = found
        return found

    def starts_event(self, form: str) -> bool:
        """Whether some trigger that is an event (not a blocking phrase) may start at a word of this form."""
        found = self._starts.get(form)
        if found is None:
            found = any(t.type != "-" for t in self.candidates(form))
            if len(self._starts) > 500_000:
                self._starts.clear()
            self._starts[form] = found
        return found

    def candidates(self, form: str) -> tuple[Trigger, ...]:
        """The trigger rows that may start at a word of this form, longest first (memoised per form)."""
        found = self._candidates.get(form)
        if found is not None:
            return found
        keys = {form, self.forms.get(form, form), self.lemma_of(form)}
        if self.lang == "fr" and form.endswith(("s", "x")) and len(form) > 3:
            keys.add(form[:-1])
        rows = {id(t): t for key in keys for t in self.triggers.get(key, ())}
        found = tuple(sorted(rows.values(), key=lambda t: (-t.length, t.order)))
        if len(self._candidates) > 500_000:
            self._candidates.clear()  # bounded: results never depend on it
        self._candidates[form] = found
        return found

    def cue_of(self, form: str, lemma: str) -> ModalityCue | None:
        return self.modality.get(form) or self.modality.get(lemma) or self.modality.get(self.forms.get(form, ""))

    def in_class(self, name: str, form: str, lemma: str) -> bool:
        words = self.classes.get(name, frozenset())
        return form in words or lemma in words


def _split_alternatives(cell: str) -> frozenset[str]:
    return frozenset(_norm(w) for w in cell.split("|") if w)


def _read_triggers(res: Resources, lex: EventLexicon) -> None:
    table = res.table("event_triggers.tsv", required=("pattern", "type", "mode", "context", "roles", "forms"))
    for number, row in enumerate(table.records()):
        kind = row["type"].strip()
        if kind != "-" and kind not in EVENT_TYPES:
            raise ResourceError(f"E230: {res.lang}/event_triggers.tsv: unknown type {kind!r} in {row['pattern']!r}.")
        flags: set[str] = set()
        preps: frozenset[str] = frozenset()
        needs: tuple[str, ...] = ()
        armed = None
        for role in filter(None, (r.strip() for r in row["roles"].split(","))):
            if role.startswith("rcpt="):
                preps = _split_alternatives(role[5:])
            elif role.startswith("needs="):
                needs = tuple(role[6:].split("|"))
            elif role.startswith("armed="):
                armed = role[6:]
            elif role in ROLE_FLAGS:
                flags.add(role)
            else:
                raise ResourceError(
                    f"E232: {res.lang}/event_triggers.tsv: unknown role {role!r} in {row['pattern']!r}."
                )
        for phrase in filter(None, (p.strip() for p in row["pattern"].split(";"))):
            words: list[frozenset[str]] = []
            gaps: list[bool] = []
            for part in phrase.split():
                if part == "*":
                    if not words:
                        raise ResourceError(
                            f"E231: {res.lang}/event_triggers.tsv: pattern starts with '*': {phrase!r}."
                        )
                    gaps[-1] = True
                    continue
                words.append(_split_alternatives(part))
                gaps.append(False)
            trigger = Trigger(
                words=tuple(words),
                gaps=tuple(gaps[:-1]),
                type=kind,
                mode=row["mode"] or None,
                context=tuple(c.strip() for c in row["context"].split(",") if c.strip()),
                flags=frozenset(flags),
                recipient_preps=preps,
                needs=needs,
                armed=armed,
                order=number,
            )
            for first in words[0]:
                lex.triggers.setdefault(first, []).append(trigger)
                for form in _inflections(first, res.lang):
                    lex.forms.setdefault(form, first)
            for form in filter(None, (_norm(f.strip()) for f in row["forms"].split(","))):
                lex.triggers.setdefault(form, []).append(trigger)  # an irregular form is a key of its own
    for rows in lex.triggers.values():
        rows.sort(key=lambda t: (-t.length, t.order))


def _read_classes(res: Resources, lex: EventLexicon) -> None:
    for row in res.table("event_words.tsv", required=("class", "words")).records():
        words = _split_alternatives(row["words"])
        lex.classes[row["class"]] = lex.classes.get(row["class"], frozenset()) | words
        for word in words:
            for form in _inflections(word, res.lang) if row["class"] not in ("prep", "coord", "det") else ():
                lex.forms.setdefault(form, word)
    for needed in ("prep", "hostile", "agent", "genitive", "passive", "relative", "breaker", "coord", "strong"):
        if needed not in lex.classes:
            raise ResourceError(f"E233: {res.lang}/event_words.tsv lacks the class {needed!r}.")


def _read_cues(res: Resources, lex: EventLexicon) -> None:
    for row in res.table("event_cues.tsv", required=("cue", "types", "mode", "context")).records():
        types = frozenset() if row["types"].strip() == "*" else frozenset(row["types"].split(","))
        cue = Cue(types, row["mode"] or None, tuple(c.strip() for c in row["context"].split(",") if c.strip()))
        for word in _split_alternatives(row["cue"]):
            lex.cues.setdefault(word, []).append(cue)
    rows = res.table("event_modality.tsv", required=("cue", "match", "modality", "window", "fallback", "then"))
    suffixes: list[tuple[str, ModalityCue]] = []
    for row in rows.records():
        modality_cue: ModalityCue
        if row["modality"] not in MODALITIES:
            raise ResourceError(f"E234: {res.lang}/event_modality.tsv: unknown modality {row['modality']!r}.")
        fallback = row["fallback"] or None
        if fallback is not None and fallback not in EVENT_TYPES:
            raise ResourceError(f"E234: {res.lang}/event_modality.tsv: unknown fallback type {fallback!r}.")
        if row.get("after") and not row["after"].isdigit():
            raise ResourceError(f"E234: {res.lang}/event_modality.tsv: 'after' must be a number, not {row['after']!r}.")
        after = int(row["after"]) if row.get("after") else 0
        modality_cue = ModalityCue(row["modality"], int(row["window"]), fallback, _split_alternatives(row["then"]),
                                   after)  # fmt: skip
        for word in _split_alternatives(row["cue"]):
            if row["match"] == "suffix":
                suffixes.append((word, modality_cue))
            else:
                lex.modality[word] = modality_cue
                if row["match"] == "lemma":
                    for form in _inflections(word, res.lang):
                        lex.forms.setdefault(form, word)
    lex.suffixes = tuple(sorted(suffixes, key=lambda s: -len(s[0])))


def _read_demonyms(res: Resources, lex: EventLexicon) -> None:
    if not res.has("entity_demonyms.tsv"):
        return
    table = res.table("entity_demonyms.tsv")
    for row in table.records():
        code = row.get("country", "")
        if not code:
            continue
        for column, value in row.items():
            if column == "country" or not value:
                continue
            word = _norm(value)
            lex.demonyms[word] = code
            if res.lang == "fr" and not word.endswith(("s", "x")):
                lex.demonyms[word + "s"] = code
    try:
        from babel import Locale

        territories = Locale.parse(res.lang).territories
    except (ImportError, ValueError):
        return
    for code, name in territories.items():
        if len(code) == 2 and code.isalpha():
            lex.country_names[_norm(name)] = code


def _check(res: Resources, lex: EventLexicon) -> None:
    """Every class a trigger needs exists, and every cue names real types."""
    for rows in lex.triggers.values():
        for trigger in rows:
            missing = [n for n in trigger.needs if n not in lex.classes]
            if missing:
                raise ResourceError(f"E235: {res.lang}/event_triggers.tsv needs the class(es) {missing}, which "
                                    "event_words.tsv does not define.")  # fmt: skip
            if trigger.armed is not None and trigger.armed not in EVENT_TYPES:
                raise ResourceError(f"E235: {res.lang}/event_triggers.tsv: armed={trigger.armed} is no type.")
    for cues in lex.cues.values():
        for cue in cues:
            unknown = sorted(cue.types - set(EVENT_TYPES))
            if unknown:
                raise ResourceError(f"E235: {res.lang}/event_cues.tsv: unknown type(s) {unknown}.")


def lexicon_words(lex: EventLexicon) -> frozenset[str]:
    """Every word the lexicon tests a form or a lemma against (trigger words, classes, cues, extra forms, ...)."""
    words: set[str] = set(lex.triggers) | set(lex.forms) | set(lex.forms.values()) | set(lex.cues)
    for rows in lex.triggers.values():
        for trigger in rows:
            words.update(*trigger.words)
            words.update(trigger.recipient_preps)
    for members in lex.classes.values():
        words.update(members)
    for cue in lex.modality.values():
        words.update(cue.then)
    words.update(lex.modality)
    words.update(lex.demonyms)
    words.update(lex.country_names)
    return frozenset(words)


def _lemma_table(lex: EventLexicon) -> LemmaTable:
    """The part of the lemma table whose lemma the stage can tell apart from the form itself.

    The stage reads a lemma in three ways only: as a member of one of its word sets (all in :func:`lexicon_words`),
    by comparing it with the form (``form == lemma``: at a trigger's first word, whose form or lemma is a lexicon
    word, or form less a final s/x is), and by its ending where the form ends with a modality suffix (future,
    conditional: ``_is_verb_form`` needs ``form != lemma`` and a verb lemma). An entry none of these can see gives
    the same outcome as the form itself, which is what :class:`LemmaTable` answers for a form it lacks; so does an
    entry whose lemma is the form.
    """
    from ..lexical import lemma_subset
    from .matching import VERB_ENDINGS as endings  # matching imports this module

    words = lexicon_words(lex)
    suffixes = tuple(sorted({suffix for suffix, _ in lex.suffixes}))

    def keep(form: str, lemma: str) -> bool:
        low = lemma.lower() if lemma else form
        if low == form:
            return False
        return (
            low in words or form in words or form[:-1] in words or (low.endswith(endings) and form.endswith(suffixes))
        )

    key = ";".join(("v1", "|".join(endings), "|".join(suffixes), "|".join(sorted(words))))
    table = lemma_subset(lex.lang, "events-lemmas", key, keep)
    return LemmaTable({form: lemma.lower() for form, lemma in table.items()})


def compile_lexicon(res: Resources) -> EventLexicon:
    """Read and compile the event resources of ``res.lang``; raises :class:`ResourceError` on a bad file."""
    lex = EventLexicon(lang=res.lang)
    _read_triggers(res, lex)
    _read_classes(res, lex)
    _read_cues(res, lex)
    _read_demonyms(res, lex)
    _check(res, lex)
    lex.lemma = _lemma_table(lex)
    return lex
