"""The places stage's language data: :class:`PlaceLexicon`, compiled once per pipeline by :func:`compile_lexicon`.

Reads the language's ``place_*`` resource files (among them ``place_common_words.txt``, the invariable common
words that the lemma table lacks, and ``place_not_locative.txt``, the phrases that hold a preposition of place
without placing anything: "quant à") and, where the language has them, the entities stage's tables
(organisations, honorifics, first names, titles, organisation heads, demonyms), spaCy's stop words, CLDR's
weekdays, months and territory names (Babel), and spacy-lookups-data's lemma table. The lemma table gives every
form of the metonymy, speech and subject verbs (with the regular inflections that the table gives to a homograph
instead) and the language's lower-case common words; the two sets are kept in sitrep's cache
(``places-words-<lang>``, keyed by the lemma table's version and the verbs).

What it cannot do: inflect irregular verbs the lemma table lacks, or any verb of a language other than French and
English beyond the table's forms; a demonym is taken with the plural endings "-s" and "-es" only.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..gazetteer import name_key
from ..resources import Resources, load_resources


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """The language data the stage compiles once per pipeline."""

    stop: frozenset[str]  # name keys never taken as a place
    function_words: frozenset[str]  # lower-case: stop words, weekdays and months (not parts of a name)
    connectors: frozenset[str]
    modifiers: frozenset[str]
    person_before: frozenset[str]  # first names and forms of address (as written)
    demonyms: frozenset[str]  # lower-case
    determiners: frozenset[str]
    region_before: tuple[tuple[str, ...], ...]  # lower-case token sequences, longest first
    region_after: frozenset[str]
    region_after_own: frozenset[str]  # words (as written) after a name that make a region only of a region's own name
    metonymy_verbs: frozenset[str]  # inflected forms, lower-case
    metonymy_nouns: frozenset[str]
    metonymy_before: tuple[tuple[str, ...], ...]
    skip: frozenset[str]
    common_words: frozenset[str]  # lower-case word forms of the language
    particles: frozenset[str]  # capitalised particles inside person names ("De", "Van", "Ben")
    # lower-case words that start a physical feature's name before a capitalised word ("mer Noire", "golfe Persique")
    feature_words: frozenset[str] = frozenset()
    # lower-case heads of public bodies named after their town ("Athens Police", "Edwardsville City Council"): after
    # a small place they do not make a firm's name of it
    institutions: frozenset[str] = frozenset()
    # multi-word organisation names ("conseil de l'europe"), lower-case, by first word, longest first: a place
    # inside one ("Europe") is part of the organisation's name, not a toponym
    organizations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # lower-case words, other than connectors, found inside the language's country and exonym names ("démocratique",
    # "arabes", "unis"): a name run may go through them
    inner_words: frozenset[str] = frozenset()
    # lower-case heads of places' names ("park", "street", "lac"): after a given name they make a place ("Victoria
    # Park"), where any other capitalised word makes a person ("George Bush")
    place_heads: frozenset[str] = frozenset()
    # lower-case words that make the one-word name before them a person ("the Obama administration")
    person_after: frozenset[str] = frozenset()
    # lower-case endings of plural demonyms ("-ans": "the Mormons" no, "the Albanians" yes): a name so ending after
    # a determiner and before no other name is a people, not a small town of that name
    demonym_endings: tuple[str, ...] = ()
    # lower-case words that, after a town's name, make a local body, office or official of that town ("Torrington
    # Fire Department", "Lewisburg Mayor John Manchester", "a Kettering Republican"), not a firm's name
    local_heads: frozenset[str] = frozenset()
    # lower-case token sequences that put the name after them in a place ("in Salina", "the city of Edwardsville")
    locatives: tuple[tuple[str, ...], ...] = ()
    # lower-case titles of persons ("president", "judge"): the name after one is a person's
    titles: frozenset[str] = frozenset()
    # inflected forms of speech verbs, lower-case: a one-word name of a small place next to one is a person
    # ("Nelson says", "said Noma")
    speech_verbs: frozenset[str] = frozenset()
    # plural heads of a list of regions and the singular that completes each name ("Barrow and Jackson counties":
    # "counties" -> "County")
    list_heads: Mapping[str, str] = field(default_factory=dict)
    # lower-case words after which a short name of a big place may be one ("près de Gao", "in Tyre")
    short_cues: frozenset[str] = frozenset()
    # name keys of compass points ("sud est", "nord"): common nouns unless a region word comes before them
    directions: frozenset[str] = frozenset()
    # lower-case token sequences, longest first, that make the name after them a person's, an organisation's, a
    # building's or an eponym's ("l'administration Obama", "le mouvement Amal", "la maladie de Kawasaki")
    name_before: tuple[tuple[str, ...], ...] = ()
    # lower-case token sequences that end in a cue of place and make none ("quant à Daniel"): a name after one is not
    # put in a place by that cue
    not_locatives: tuple[tuple[str, ...], ...] = ()
    # lower-case token patterns after a name and a comma that give a person's age ("# ans" in "Daniel, 10 ans"; "#"
    # stands for a number): the name is a person's
    age_after: tuple[tuple[str, ...], ...] = ()
    # inflected forms, lower-case, of the verbs that make a capitalised word before them their subject ("Rennes a
    # battu"): those of ``place_subject_verbs.txt``, the metonymy verbs and the speech verbs
    subject_verbs: frozenset[str] = frozenset()


def compile_lexicon(lang: str) -> PlaceLexicon:
    """The places stage's language data for ``lang``, read from its resource files (once per pipeline)."""
    resources = load_resources(lang)
    function_words = {w.lower() for w in _stop_words(lang)} | _calendar_words(lang)
    stop = {name_key(w) for w in resources.words("place_stop.txt") | resources.words("place_modifiers.txt")}
    organizations: dict[str, list[str]] = {}
    if resources.has("entity_organizations.tsv"):  # "Hamas", "Toyota": organisations, not the towns so named
        table = resources.table("entity_organizations.tsv", required=("name",))
        stop |= {name_key(r["name"]) for r in table.records()}
        for row in table.records():
            name = row["name"].lower().replace("’", "'")
            if " " in name:
                organizations.setdefault(name.split(" ", 1)[0], []).append(name)
    person = set(resources.words("entity_honorifics.txt")) if resources.has("entity_honorifics.txt") else set()
    person |= resources.words("place_given_names.txt")
    if resources.has("entity_first_names.tsv"):
        person |= {r["name"] for r in resources.table("entity_first_names.tsv", required=("name",)).records()}
    regions = resources.table("place_regions.tsv", required=("words", "position")).records()
    verb_forms = _verb_forms(lang, tuple(sorted(resources.words("place_metonymy_verbs.txt"))))
    speech_lemmas = tuple(sorted(_optional_words(resources, "place_speech_verbs.txt")))
    speech_forms = _verb_forms(lang, speech_lemmas) if speech_lemmas else frozenset()
    subject_lemmas = tuple(sorted(_optional_words(resources, "place_subject_verbs.txt")))
    list_heads = (
        {r["plural"].lower(): r["singular"] for r in resources.table("place_list_heads.tsv", required=(
            "plural", "singular")).records()}
        if resources.has("place_list_heads.tsv")
        else {}
    )  # fmt: skip
    return PlaceLexicon(
        stop=frozenset(stop),
        function_words=frozenset(function_words),
        connectors=frozenset(resources.words("place_connectors.txt")),
        modifiers=frozenset(resources.words("place_modifiers.txt")),
        person_before=frozenset(person),
        demonyms=_demonyms(resources),
        determiners=frozenset({"les", "des", "aux", "ces", "the", "these", "those"}),
        region_before=tuple(
            sorted((_split(r["words"]) for r in regions if r["position"] == "before"), key=len, reverse=True)
        ),
        region_after=frozenset(
            r["words"].lower() for r in regions if r["position"] == "after" and r.get("only") != "region"
        ),
        region_after_own=frozenset(
            r["words"] for r in regions if r["position"] == "after" and r.get("only") == "region"
        ),
        metonymy_verbs=verb_forms,
        common_words=_common_words(lang) | {w.lower() for w in _optional_words(resources, "place_common_words.txt")},
        particles=frozenset(resources.words("place_particles.txt")),
        feature_words=frozenset(resources.words("place_feature_words.txt"))
        if resources.has("place_feature_words.txt")
        else frozenset(),
        institutions=_institutions(resources),
        metonymy_nouns=frozenset(w.lower() for w in resources.words("place_metonymy_nouns.txt")),
        metonymy_before=tuple(_split(w) for w in resources.lines("place_metonymy_before.txt")),
        skip=frozenset(w.lower() for w in resources.words("place_skip.txt")),
        organizations={k: tuple(sorted(v, key=len, reverse=True)) for k, v in organizations.items()},
        inner_words=_inner_words(lang, resources),
        place_heads=_heads(resources, "location"),
        person_after=frozenset(w.lower() for w in _optional_words(resources, "place_person_after.txt")),
        demonym_endings=tuple(sorted(w.lower() for w in _optional_words(resources, "place_demonym_endings.txt"))),
        local_heads=frozenset(w.lower() for w in _optional_words(resources, "place_local_heads.txt")),
        locatives=tuple(_split(w) for w in resources.lines("place_locatives.txt"))
        if resources.has("place_locatives.txt")
        else (),
        titles=_titles(resources),
        speech_verbs=speech_forms,
        list_heads=list_heads,
        short_cues=frozenset(w.lower().replace("’", "'") for w in _optional_words(resources, "place_short_cues.txt")),
        directions=frozenset(name_key(w) for w in _optional_words(resources, "place_directions.txt")),
        name_before=_sequences(resources, "place_name_before.txt"),
        not_locatives=_sequences(resources, "place_not_locative.txt"),
        age_after=_sequences(resources, "place_age_after.txt"),
        subject_verbs=verb_forms | speech_forms | _verb_forms(lang, subject_lemmas),
    )


def _sequences(resources: Resources, name: str) -> tuple[tuple[str, ...], ...]:
    """The lines of an optional resource file as lower-case token sequences, longest first."""
    if not resources.has(name):
        return ()
    return tuple(sorted({_split(line) for line in resources.lines(name)}, key=lambda seq: (-len(seq), seq)))


def _titles(resources: Resources) -> frozenset[str]:
    """The entities stage's one-word titles of persons (``entity_titles.tsv``), lower-case."""
    if not resources.has("entity_titles.tsv"):
        return frozenset()
    table = resources.table("entity_titles.tsv", required=("title",))
    return frozenset(r["title"].lower() for r in table.records() if " " not in r["title"].strip())


def _optional_words(resources: Resources, name: str) -> frozenset[str]:
    """The words of a resource file that a language may lack (none then)."""
    return frozenset(resources.words(name)) if resources.has(name) else frozenset()


def _inner_words(lang: str, resources: Resources) -> frozenset[str]:
    """Lower-case words inside multi-word place names of ``lang``: CLDR's territory names and the exonym table
    (French puts adjectives after the noun: "République démocratique du Congo", "Émirats arabes unis")."""
    from babel import Locale, UnknownLocaleError

    try:
        names = list(Locale(lang).territories.values())
    except UnknownLocaleError:
        names = []
    names += [r["name"] for r in resources.table("place_exonyms.tsv", required=("name",)).records()]
    connectors = resources.words("place_connectors.txt")
    return frozenset(
        word
        for name in names
        for word in name.replace("-", " ").split()[1:]
        if word.isalpha() and word.islower() and word not in connectors
    )


def _institutions(resources: Resources) -> frozenset[str]:
    """The organisation heads of the entities stage's table (``entity_org_heads.tsv``, kind ``organization``)."""
    return _heads(resources, "organization")


def _heads(resources: Resources, kind: str) -> frozenset[str]:
    """The heads of one ``kind`` in the entities stage's table (``entity_org_heads.tsv``), lower-case."""
    if not resources.has("entity_org_heads.tsv"):
        return frozenset()
    table = resources.table("entity_org_heads.tsv", required=("head", "kind"))
    return frozenset(r["head"].lower() for r in table.records() if r["kind"] == kind)


def _split(words: str) -> tuple[str, ...]:
    """Token sequence of a pattern as spaCy splits it for matching: elided articles stay attached ("d'")."""
    out: list[str] = []
    for word in words.lower().split():
        out.append(word.replace("’", "'"))
    return tuple(out)


def _stop_words(lang: str) -> frozenset[str]:
    from .lexical import stop_words

    return stop_words(lang)


def _calendar_words(lang: str) -> set[str]:
    from babel import Locale

    locale = Locale(lang)
    words: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            words |= {str(v).lower().rstrip(".") for v in locale.months[context][width].values()}
            words |= {str(v).lower().rstrip(".") for v in locale.days[context][width].values()}
    return words


def demonym_words(lang: str) -> frozenset[str]:
    """The lower-case demonyms the stage refuses as places (for evaluation and tests)."""
    return _demonyms(load_resources(lang))


def _demonyms(resources: Resources) -> frozenset[str]:
    """Demonyms from the entities stage's tables where the language has them (every column but the country)."""
    if not resources.has("entity_demonyms.tsv"):
        return frozenset()
    table = resources.table("entity_demonyms.tsv")
    words: set[str] = set()
    for record in table.records():
        for column, value in record.items():
            if column != "country" and value:
                word = value.lower()
                words |= {word, word + "s", word + "es"}
    return frozenset(words)


def _lemma_table(lang: str) -> Mapping[str, str | list[str]]:
    """spacy-lookups-data's lemma table for ``lang`` (shared by the stages, cached on disk)."""
    from .lexical import lemma_lookup

    return lemma_lookup(lang)


@functools.cache
def _verb_forms(lang: str, lemmas: tuple[str, ...]) -> frozenset[str]:
    """:func:`_build_verb_forms`, kept in sitrep's cache (it reads a million-entry table)."""
    from .. import cache
    from .lexical import lemma_table_version

    key = f"{lang};{lemma_table_version()};{'|'.join(lemmas)}"
    return cache.memoized(f"places-verb-forms-{lang}", key, lambda: _build_verb_forms(lang, lemmas))


@functools.cache
def _common_words(lang: str) -> frozenset[str]:
    """:func:`_build_common_words`, kept in sitrep's cache apart from the verb forms: the pipeline reads this
    large set once, whatever verbs it asks forms of."""
    from .. import cache
    from .lexical import lemma_table_version

    key = f"{lang};{lemma_table_version()}"
    return cache.memoized(f"places-common-words-{lang}", key, lambda: _build_common_words(lang))


def _build_verb_forms(lang: str, lemmas: tuple[str, ...]) -> frozenset[str]:
    """Every form of the verbs ``lemmas``: the lemma table's, and their regular inflections, which the table
    sometimes gives to a homograph noun or adjective instead ("menace", "déclaré")."""
    wanted = set(lemmas)
    forms = set(wanted) | {form for lemma in lemmas for form in _regular_forms(lang, lemma)}
    for form, lemma in _lemma_table(lang).items():
        found = [lemma] if isinstance(lemma, str) else lemma
        if any(x in wanted for x in found):
            forms.add(form.lower())
    return frozenset(forms)


def _build_common_words(lang: str) -> frozenset[str]:
    """The language's lower-case words (the lemma table's forms and lemmas): a capitalised one is often a word of
    an institution's name or a title ("ministère de la Santé") that a village somewhere also bears."""
    words: set[str] = set()
    for form, lemma in _lemma_table(lang).items():
        words.add(form)
        words.update([lemma] if isinstance(lemma, str) else lemma)  # a lemma is listed only by its other forms
    return frozenset(w for w in words if w.isalpha() and w.islower())


def _regular_forms(lang: str, lemma: str) -> set[str]:
    """The regular inflections of a verb: French first-group verbs and English verbs."""
    if lang == "fr" and lemma.endswith("er") and lemma != "aller":
        stem = lemma[:-2]
        soft = stem + "e" if stem.endswith("g") else stem  # "négocier", "juger" -> "jugeait"
        return {stem + e for e in ("e", "es", "ent", "é", "ée", "és", "ées", "era", "eront", "erait", "eraient")} | {
            soft + e for e in ("ait", "aient", "ant", "a")
        }
    if lang == "en":
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            return {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
        if lemma.endswith("e"):
            return {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
        plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
        return {plural, lemma + "ed", lemma + "ing"}
    return set()
