"""The quote stage's language data, compiled once per pipeline from ``resources/<lang>/quote_*.tsv``.

Reporting verbs are listed once by lemma; every inflection is found through spaCy's lookup lemma table
(``spacy-lookups-data``), plus the participles the table files under
themselves (``ajouté`` -> ``ajouté``), which the rules add (-er/-ir verbs) or the file's ``forms`` column lists.
Only the table's entries whose lemma is a listed verb are kept (:class:`LemmaTable`, derived once and kept in
sitrep's cache): a form filed under any other lemma can name no cue. The compiled :class:`QuoteLexicon` is
read-only; a language without the table still works from the ``forms`` column and the participle rules, with fewer
inflections.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...errors import ResourceError
from ...resources import Resources


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb: its lemma, how it may be used and whether it takes an infinitive claim."""

    lemma: str
    use: str  # speech, belief, incise, stance
    infinitive: bool


@dataclass(frozen=True, slots=True)
class Head:
    """The head noun of a speaker phrase, with the agreement a later pronoun needs."""

    gender: str  # m, f, n, -
    number: str  # sg, pl
    kind: str  # person, organization, group


@dataclass(frozen=True)
class QuoteLexicon:
    lang: str
    forms: dict[str, Cue]  # lowercase surface forms the lemma table misses -> cue
    by_lemma: dict[str, Cue]
    lemmas: LemmaTable
    aux: frozenset[str]  # forms of the auxiliaries (avoir, être / have, be)
    markers: dict[str, str]  # according-to marker, lowercase, spaces removed ("d'après") -> where (any, start)
    open_markers: frozenset[str]  # markers after which any noun phrase is a source ("according to the results")
    marker_prefixes: frozenset[str]  # every leading part of a marker, to stop matching early
    pronouns: dict[str, tuple[str, str]]  # pronoun -> (gender, number)
    object_pronouns: dict[str, tuple[str, str]]  # pronoun after a marker ("selon lui", "according to her")
    heads: dict[str, Head]
    roles: dict[str, frozenset[str]]  # function word -> its roles
    determiners: dict[str, tuple[str, str]]  # determiner -> (gender, number)
    honorifics: dict[str, str]  # "Mme" -> "f"
    first_names: dict[str, str]  # given name -> gender, from the entities resources when present
    infinitive_endings: tuple[str, ...]

    def cue(self, word: str) -> Cue | None:
        """The reporting verb that ``word`` (lowercase) is a form of, if any."""
        found = self.forms.get(word)
        if found is not None:
            return found
        lemma = self.lemmas.get(word)
        return self.by_lemma.get(lemma) if lemma is not None else None

    def has_role(self, word: str, role: str) -> bool:
        roles = self.roles.get(word.lower())
        return roles is not None and role in roles


_AUX = {"fr": ("avoir", "être"), "en": ("have", "be")}
_INFINITIVE = {"fr": ("er", "ir", "re", "oir"), "en": ()}


def _participles(lemma: str, lang: str) -> Iterable[str]:
    """Regular forms of French -er / -ir verbs, which the lookup table often files under a homograph noun or
    participle ("estime" -> "estime", "ajouté" -> "ajouté")."""
    if lang != "fr":
        return ()
    if lemma.endswith("er"):
        stem = lemma[:-2]
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
        return tuple(
            stem + e
            for e in ("é", "ée", "és", "ées", "e", "es", "ent", "ez", "era", "eront", "erait", "eraient", "èrent")
        ) + tuple(soft + e for e in ("ant", "ait", "aient", "a", "ons"))
    if lemma.endswith("ir"):
        stem = lemma[:-2]
        return tuple(
            stem + e
            for e in ("i", "ie", "is", "ies", "it", "issent", "issait", "issaient", "issant", "ira", "iront", "irait")
        )
    return ()


class LemmaTable:
    """Form -> lemma through spacy-lookups-data's table, for the forms whose lemma is one of ``lemmas`` only.

    :meth:`get` gives what :func:`sitrep.pipeline.lexical.lemma_of` gives where that is one of ``lemmas``, and None
    for every other form: its lemma would name no cue. The part kept is derived from the whole table once and kept
    in sitrep's cache, keyed by the table's version and the lemmas.
    """

    def __init__(self, lang: str, lemmas: Iterable[str]) -> None:
        from ..lexical import lemma_subset

        self.lang = lang  # an empty table (no data for the language) leaves the `forms` column and the rules
        self.lemmas = frozenset(lemmas)
        wanted = self.lemmas
        self._table = lemma_subset(lang, "quotes-lemmas", "|".join(sorted(wanted)), lambda _, lemma: lemma in wanted)

    def get(self, form: str) -> str | None:
        return self._table.get(form)


def compile_lexicon(res: Resources) -> QuoteLexicon:
    """Read and compile the quote resources of ``res.lang``; raises :class:`ResourceError` on a bad file."""
    lang = res.lang
    verbs = res.table("quote_verbs.tsv", required=("lemma", "use", "infinitive", "forms"))
    wanted: dict[str, Cue] = {}
    for row in verbs.records():
        if row["use"] not in ("speech", "belief", "incise", "stance"):
            raise ResourceError(f"E260: {lang}/quote_verbs.tsv: unknown use {row['use']!r} for {row['lemma']!r}.")
        wanted[row["lemma"]] = Cue(row["lemma"], row["use"], row["infinitive"] == "y")
    table = LemmaTable(lang, wanted)
    aux_lemmas = _AUX.get(lang, ())
    cues: dict[str, Cue] = {}
    aux: set[str] = set(aux_lemmas)
    for row in verbs.records():
        cue = wanted[row["lemma"]]
        cues[cue.lemma] = cue
        for form in _participles(cue.lemma, lang):
            cues.setdefault(form, cue)
        for form in filter(None, (f.strip().lower() for f in row["forms"].split(","))):
            cues[form] = cue
    if lang == "fr":
        aux |= {
            "a",
            "ont",
            "avait",
            "avaient",
            "aura",
            "auront",
            "aurait",
            "auraient",
            "est",
            "sont",
            "était",
            "étaient",
            "eut",
            "a-t",
            "avons",
            "avez",
        }
    elif lang == "en":
        aux |= {"has", "have", "had", "is", "are", "was", "were", "be", "been", "'s", "’s"}
    marker_rows = res.table("quote_markers.tsv", required=("marker", "where", "source")).records()
    for row in marker_rows:
        if row["where"] not in ("any", "start"):
            raise ResourceError(f"E261: {lang}/quote_markers.tsv: where must be any or start, not {row['where']!r}.")
        if row["source"] not in ("named", "open"):
            raise ResourceError(f"E262: {lang}/quote_markers.tsv: source must be named or open, not {row['source']!r}.")
    markers = {r["marker"].lower().replace(" ", "").replace("’", "'"): r["where"] for r in marker_rows}
    open_markers = frozenset(
        r["marker"].lower().replace(" ", "").replace("’", "'") for r in marker_rows if r["source"] == "open"
    )
    pronouns = {
        r["pronoun"].lower(): (r["gender"], r["number"])
        for r in res.table("quote_pronouns.tsv", required=("pronoun", "gender", "number")).records()
    }
    heads = {
        r["head"].lower(): Head(r["gender"], r["number"], r["kind"])
        for r in res.table("quote_titles.tsv", required=("head", "gender", "number", "kind")).records()
    }
    roles: dict[str, set[str]] = {}
    determiners: dict[str, tuple[str, str]] = {}
    object_pronouns: dict[str, tuple[str, str]] = {}
    honorifics: dict[str, str] = {}
    for r in res.table("quote_function_words.tsv", required=("word", "role", "gender", "number")).records():
        word, role = r["word"], r["role"]
        if role == "mr":
            honorifics[word] = "m"
            continue
        if role == "mrs":
            honorifics[word] = "f"
            continue
        if role == "object":
            object_pronouns[word.lower()] = (r["gender"] or "-", r["number"] or "-")
            continue
        roles.setdefault(word.lower(), set()).add(role)
        if role == "det":
            determiners[word.lower()] = (r["gender"] or "-", r["number"] or "-")
    first_names: dict[str, str] = {}
    if res.has("entity_first_names.tsv"):
        for r in res.table("entity_first_names.tsv", required=("name", "gender")).records():
            if r["gender"] in ("m", "f"):
                first_names[r["name"]] = r["gender"]
    return QuoteLexicon(
        lang=lang,
        forms=cues,
        by_lemma=wanted,
        lemmas=table,
        aux=frozenset(aux),
        markers=markers,
        open_markers=open_markers,
        marker_prefixes=frozenset(m[:k] for m in markers for k in range(1, len(m) + 1)),
        pronouns=pronouns,
        object_pronouns=object_pronouns,
        heads=heads,
        roles={w: frozenset(r) for w, r in roles.items()},
        determiners=determiners,
        honorifics=honorifics,
        first_names=first_names,
        infinitive_endings=_INFINITIVE.get(lang, ()),
    )
