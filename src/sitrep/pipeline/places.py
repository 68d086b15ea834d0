"""The places stage (``sitrep_places_v1``): toponym recognition and GeoNames resolution, French and English.

Writes ``doc.spans["places"]`` with a :class:`~.attrs.PlaceAttrs` on ``span._.place``.

Recognition is a gazetteer lookup over capitalised token runs, longest match first: a run starts on a capitalised
token (or a lower-case feature word of ``place_feature_words.txt`` before one: "la mer Noire"), may hold connectors
("Rostov-sur-le-Don", "Isle of Wight") and ends on a capitalised token; its text is normalised
(:func:`sitrep.gazetteer.name_key`) and looked up. A run may also start on a lower-case article when the gazetteer
has the name with it as a place's own name ("à la Flèche": La Flèche), the name after the article is none, and that
name is no common word or a cue of place stands before the article ("la Défense" is not a town). Region patterns
from ``place_regions.tsv`` widen a match into a first-level region ("la région de Donetsk", "Kharkiv Oblast"); a
capitalised article is left out when the name after it is longer ("La Côte d'Ivoire"); a full stop that the
tokenizer split from a capitalised abbreviation stays inside the run ("ST. PAUL"). Names in a list closed by a
plural region word of ``place_list_heads.tsv`` are each that region ("Barrow and Jackson counties": Barrow County,
Jackson County).

Before judging each name the stage reads the whole article: its surnames (a capitalised word after another, and
those after a given name, a form of address or a middle initial: "Elizabeth Fairfield", "Matthew D. Flores",
"Mario Diaz-Balart"), the one-word names next to a speech verb of ``place_speech_verbs.txt`` ("Nelson says",
"said Noma"), the names it establishes as places (a dateline in capitals before a dash, "BANTAM —"; a "Town,
State" apposition whose state or country holds a place of that name, "Hurricane, W.Va.") and the names that a
cue of ``place_locatives.txt`` puts in a place somewhere ("in Salina", "the city of Edwardsville"). A match is
rejected when:
- its key is in ``place_stop.txt`` or the entities stage's organisation table ("Kremlin", "Hamas"), or it is one
  word that is a function word (spaCy's stop words), a weekday or month (CLDR), or a demonym (the entities stage's
  demonym tables; after a determiner, a plural ending like one of ``place_demonym_endings.txt`` with no name
  after it: "les Maliens", not "the Athens Police");
- it is a Roman ordinal ("XIXe", "XIXth"), or a compass point of ``place_directions.txt`` with no region word
  before it ("l'Asie du Sud-Est"; "le département du Sud-Est" stays Haiti's);
- it is short (three letters or fewer) and neither in capitals nor a dotted abbreviation of a region ("US",
  "Ga." yes; "Us" no), unless it is written as a proper noun, is no common word, particle or given name, and is the
  own name of a town of 100,000 people or more, a first-level region or a country after a cue of place or a word
  of ``place_short_cues.txt`` ("près de Gao", "in Tyre"), or of a town of 500,000 or more anywhere ("Ufa"); or an
  acronym of four capitals or fewer that names no country or region ("NATO") and is
  no dateline;
- in a title-case headline, it is one word naming only small places;
- the article uses it as a surname, unless a locative cue stands before it here, it is a country, a continent or
  a first-level region's own name, or no given name came before it in the article and it is a big town's own name
  or the article places it somewhere ("Historic Dublin" once does not make "Dublin" a surname);
- it is one word next to a speech verb in the article and names no country, continent or big town by its own name;
- it is one word naming only places under 100,000 people that is a common word of the language (the lemma
  table: "Santé", "Assis"), unless the article places it ("in Sycamore");
- it has several words, one an article or a connector, all common words of the language, and is only some
  town's alternate name ("l'Hôtel de Ville de Verdun", "La Paix");
- it is one word of a small place before a hyphen and a word with a digit or a lower-case particle ("Sars-Cov-2",
  "Dasht-e-Barchi"), part of a longer word ("Chicago-based" stays);
- it is one word after a word of ``place_name_before.txt`` ("l'administration Obama", "le prophète Abraham", "le
  mouvement Amal"), and no country, continent or big town's own name; or one word of a small place between
  quotation marks (a nickname: « Palmerston »); or one word of a small place before an initial and a surname
  ("Seymour M. Hersh"); or several words starting with a given name, none a common word ("Maria Teresa Duran",
  "Pedro Sanchez"), that nothing in the article places;
- it is one word that is a given name ("Keith", "Julia") and names no country, sea, first-level region or town
  of 100,000 people or more by its own name or a curated exonym ("Julia" is only an old name of Plovdiv), unless a
  locative cue stands before it or it stands in a list of two places or more ("Douglas, Lancaster and Sarpy");
- it is one word that is only a raw alternate name of towns (not their own name, not a curated exonym) and a
  surname of the article or a common word ("Bush" for Būsh), or names only towns under 100,000 people ("Zara",
  "Ismaili");
- it names only a sea or region and a connector and a capitalised word follow it: part of a longer name the
  gazetteer lacks ("the Gulf of Alaska" is not the Persian Gulf);
- a given name, a title of the entities stage ("President Obama"), a given name and a middle initial, or a
  surname and a hyphen ("Mario Diaz-Balart") come before it; or any other capitalised word does ("François
  Hollande", "Gilbert De Paoli"), unless that word is a modifier ("Eastern Ukraine"), the name is a country's
  ("Air Zimbabwe", "Environment Canada"), a well-known place after a descriptive common word ("Rodeo
  Gainesville"), or a name of several words ("Republican Orange County"); in a headline only given names and
  titles count;
- the capitalised word after it makes it a person's or a firm's name: after a given name, an initial or a second
  given name ("Mary Z. Connaughton") or any capitalised word that is not a common word ("Paris Hilton", "Jordan
  Bardella"; not "Paris Police", "Paris PD"), or after a one-word name that is no big town's own name ("Warner
  Music", "Nico Neumann": Nico is only an alternate name of Nice), unless that word heads a public body (the
  entities stage's organisation heads: "Edwardsville City Council") or names a local body, office or official of
  ``place_local_heads.txt`` ("Torrington Fire Department", "Lewisburg Mayor").
  A big place inside an organisation's name is kept, as LGL and GeoWebNews annotate it ("Washington Post", "Athens
  Police");
- (in :mod:`.place_resolution`) it is one word naming only towns under 5,000 people that nothing in the article
  supports (no region of theirs named, no town or county of that region, no "Town, State" apposition).

Resolution is :mod:`.place_resolution`. Metonymy ("Moscou a affirmé", "le soutien de Londres", "according to
Kyiv", "la trêve présentée par Le Caire") is flagged for countries and cities of 100,000 inhabitants or more by cue
verbs, nouns and prepositions from the language's ``place_metonymy_*`` files; a name after a preposition of place or
of a complement is not the subject of the verb after it ("la junte au pouvoir à Bamako a annoncé").

What it cannot do: places that the gazetteer lacks (streets, buildings, villages under 500 inhabitants, rivers,
oceans, most mountains and seas beyond the few of ``place_geonames_features.tsv`` in the embedded default),
lower-case texts, demonyms and adjectives (by design), and relative locations ("le sud du pays"). An article with
one ambiguous name and nothing else to go on gets the most populous reading ("Paris" is in France, "Dublin" in
Ireland), which is wrong for local news. Surnames that are also town names are caught only when the article gives
the full name once or makes them speak ("Lincoln" in an article about the president, with neither, stays a
place). Firms and teams named after a place ("Notre Dame", the "Iceland" supermarket) are places to the stage.
Metonymy is a cue-word heuristic, not a parse.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer, active_index_path, name_key
from ..resources import Resources, load_resources
from .attrs import PLACES, PlaceAttrs
from .place_resolution import Mention, PlaceResolver

MAX_TOKENS = 8  # the longest token run tried as one name
_INITIAL = re.compile(r"[A-Z]\.")  # a middle initial ("Roy A. Nelson")
_ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|er|re|ère|ème|eme|th|st|nd|rd)")  # "au XIXe siècle", "the XIXth"
SHORT_CUE_POPULATION = 100_000  # a short name after a cue of place: a big town's ("près de Gao")
SHORT_ALONE_POPULATION = 500_000  # a short name with no cue: a very big town's ("Ufa")
QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”"})
MAX_LOWER_WORDS = 2  # lower-case words (not connectors) a name may hold: "République démocratique du Congo"
METONYMY_MIN_POPULATION = 100_000
TITLE_CASE_SHARE = 0.85  # a sentence whose words are this capitalised is a headline in title case
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "the"})
LOWER_ARTICLES = frozenset({"le", "la", "les"})  # a run may start on one: "à la Flèche" (La Flèche), "le Havre"
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
DATELINE_MARKS = frozenset({"—", "–", "--"})  # after a dateline in capitals: "BANTAM —", "ST. PAUL --"
CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?", "”", '"', "»"})  # "“…,” said Noma."
LIST_REASONS = frozenset({"given-name"})  # refusals that a list of places around the name undoes
LIST_SEPARATORS = frozenset({",", "and", "or", "&", "et", "ou"})  # between the names of a list


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
    # lower-case words that make the one-word name after them a person's or an organisation's ("l'administration
    # Obama", "le prophète Abraham", "le mouvement Amal")
    name_before: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Article:
    """What the stage reads off the whole article before it judges each name."""

    words: list[str]
    sent_start: list[bool]
    headline: set[int]  # token indices of title-case sentences
    surnames: set[str]  # words used as a person's surname in the article ("Boris Johnson" -> "Johnson")
    given_surnames: set[str]  # those of them after a given name or a form of address ("Elizabeth Fairfield")
    standalone: set[str]  # capitalised common words standing alone ("the Bush administration")
    speakers: set[str]  # one-word names next to a speech verb ("Nelson says", "said Noma")
    established: set[str]  # keys that a dateline or a "Town, State" apposition makes places in this article
    placed: set[str]  # keys that some preposition of place puts in a place somewhere in the article ("in Salina")
    glued: frozenset[int] = frozenset()  # indices of the tokens with no space after them ("Sars" in "Sars-Cov-2")


def make(nlp: Language, name: str) -> PlacesStage:
    path = active_index_path()
    return PlacesStage(_shared_gazetteer(str(path), path.stat().st_mtime_ns), compile_lexicon(str(nlp.lang)))


@functools.lru_cache(maxsize=2)
def _shared_gazetteer(path: str, mtime_ns: int) -> Gazetteer:
    """One loaded index per file version for the whole process (the French and English pipelines share it; it is
    read-only, so no result depends on what ran before)."""
    return Gazetteer.load(Path(path))


def compile_lexicon(lang: str) -> PlaceLexicon:
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
    verb_forms, common_words = _word_tables(lang, tuple(sorted(resources.words("place_metonymy_verbs.txt"))))
    speech_lemmas = tuple(sorted(_optional_words(resources, "place_speech_verbs.txt")))
    speech_forms = _word_tables(lang, speech_lemmas)[0] if speech_lemmas else frozenset()
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
        region_after=frozenset(r["words"].lower() for r in regions if r["position"] == "after"),
        metonymy_verbs=verb_forms,
        common_words=common_words,
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
        name_before=frozenset(w.lower() for w in _optional_words(resources, "place_name_before.txt")),
    )


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
def _word_tables(lang: str, lemmas: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_build_word_tables`, kept in sitrep's cache (it reads a million-entry table)."""
    from .. import cache
    from .lexical import lemma_table_version

    key = f"{lang};{lemma_table_version()};{'|'.join(lemmas)}"
    return cache.memoized(f"places-words-{lang}", key, lambda: _build_word_tables(lang, lemmas))


def _build_word_tables(lang: str, lemmas: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """From one reading of the lemma table (once per process; only the two sets are kept):

    - every form of the verbs ``lemmas`` (the table's, and their regular inflections, which the table sometimes
      gives to a homograph noun or adjective instead: "menace", "déclaré");
    - the language's lower-case words (the table's forms and lemmas): a capitalised one is often a word of an
      institution's name or a title ("ministère de la Santé") that a village somewhere also bears.
    """
    wanted = set(lemmas)
    forms = set(wanted) | {form for lemma in lemmas for form in _regular_forms(lang, lemma)}
    words: set[str] = set()
    for form, lemma in _lemma_table(lang).items():
        found = [lemma] if isinstance(lemma, str) else lemma
        if any(x in wanted for x in found):
            forms.add(form.lower())
        words.add(form)
        words.update(found)  # a lemma is listed only by its other forms
    return frozenset(forms), frozenset(w for w in words if w.isalpha() and w.islower())


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


class PlacesStage:
    """Finds toponyms, resolves them against the gazetteer and flags metonymic uses."""

    def __init__(self, gazetteer: Gazetteer, lexicon: PlaceLexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.resolver = PlaceResolver(gazetteer)
        self.max_tokens = min(MAX_TOKENS, gazetteer.max_words * 2 + 1)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.find(doc)
        spans: list[Span] = []
        if mentions:
            choices = self.resolver.resolve(mentions)
            for mention, (attrs, population) in zip(mentions, choices, strict=True):
                if attrs is None:
                    continue
                if self._metonymic(doc, mention, attrs, population):
                    attrs = replace(attrs, metonymic=True)
                span = Span(doc, mention.start, mention.end, label="PLACE")
                span._.place = attrs
                spans.append(span)
        doc.spans[PLACES] = spans
        return doc

    # -- recognition ---------------------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Mention]:
        text = doc.text
        words = [t.text for t in doc]
        offsets = [t.idx for t in doc]
        n = len(words)
        sent_start = [False] * n
        for sent in doc.sents:
            sent_start[sent.start] = True
        runs: dict[int, tuple[int, str] | None] = {}

        def run_at(k: int) -> tuple[int, str] | None:
            if k not in runs:
                runs[k] = self._longest(words, offsets, sent_start, text, k)
            return runs[k]

        in_organization = self._inside_organizations(text, words, offsets)
        listed = self._listed_regions(words)
        established = self._established(words, sent_start, run_at)
        placed = established | {
            run[1]
            for k in range(n)
            if words[k][:1].isupper() and (run := run_at(k)) is not None and self._located(words, k, run[0])
        }
        article = _Article(
            words, sent_start, self._headline_sentences(words, sent_start), *self._surnames(words, sent_start),
            self._standalone_names(words, sent_start), self._speakers(words, sent_start), established, placed,
            frozenset(t.i for t in doc if not t.whitespace_),
        )  # fmt: skip
        mentions: list[Mention] = []
        doubtful: list[tuple[int, int, str]] = []  # names refused on a ground that a list of places outweighs
        i = 0
        while i < n:
            if i in listed:  # "Barrow and Jackson counties": each name is a county
                end, key = listed[i]
                mentions.append(Mention(i, end, i, end, key, self.gazetteer.candidates(key)))
                i = end
                continue
            if (
                not (words[i][:1].isupper() or words[i] in self.lexicon.feature_words or words[i] in LOWER_ARTICLES)
                or i in in_organization
            ):
                i += 1
                continue
            found = run_at(i)
            if found is None or (words[i] in LOWER_ARTICLES and not self._article_name(words, i, found[0], run_at)):
                i += 1
                continue
            start = i
            end, key = found
            if any(j in in_organization for j in range(start, end)):
                i += 1
                continue
            if words[i].lower() in ARTICLES:  # "La Côte d'Ivoire": the name may start after the article
                after = run_at(i + 1)
                if after is not None and after[0] > end:
                    start, (end, key) = i + 1, after
            reason = self._rejection(article, start, end, key)
            if not reason:
                mentions.append(self._with_region(words, start, end, key))
                i = end
            else:
                if reason in LIST_REASONS:
                    doubtful.append((start, end, key))
                i = end if end - start > 1 else start + 1
        found_mentions = self._with_listed(words, mentions, doubtful)
        for mention in found_mentions:  # a cue of place or a dateline vouches for the name: the resolver keeps it
            mention.placed = mention.key in article.placed
            mention.comma_after = mention.end < n and words[mention.end] == ","  # "Alexandria, Louisiana"
        return found_mentions

    def _with_listed(self, words: list[str], mentions: list[Mention],
                     doubtful: list[tuple[int, int, str]]) -> list[Mention]:  # fmt: skip
        """The mentions, with the doubtful names (given names) that stand in a list of at least two places found:
        "Douglas, Lancaster and Sarpy", "Sharon, Cornwall and Salisbury". (Not common words: lists of capitalised
        words are frequent in headings and scanned text.)"""
        if not doubtful or len(mentions) < 2:
            return mentions
        by_start = {m.start: m for m in mentions}
        by_end = {m.end: m for m in mentions}
        added: list[Mention] = []
        for start, end, key in doubtful:
            listed = 0
            k = start  # leftwards: "Newark, [Heath]"
            while k > 1 and words[k - 1].lower() in LIST_SEPARATORS and (m := by_end.get(k - 1)) is not None:
                listed += 1
                k = m.start
            k = end  # rightwards: "[Heath] and Pataskala"
            while k + 1 < len(words) and words[k].lower() in LIST_SEPARATORS and (m := by_start.get(k + 1)):
                listed += 1
                k = m.end
            if listed >= 2:
                added.append(Mention(start, end, start, end, key, self.gazetteer.candidates(key)))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _inside_organizations(self, text: str, words: list[str], offsets: list[int]) -> set[int]:
        """Indices of the tokens that lie inside a multi-word organisation name of the lexicon."""
        names = self.lexicon.organizations
        covered: set[int] = set()
        if not names:
            return covered
        lowered = text.lower().replace("’", "'")
        for i, word in enumerate(words):
            for name in names.get(word.lower().replace("’", "'"), ()):
                end = offsets[i] + len(name)
                if lowered.startswith(name, offsets[i]) and (end >= len(lowered) or not lowered[end].isalnum()):
                    j = i
                    while j < len(words) and offsets[j] < end:
                        covered.add(j)
                        j += 1
                    break
        return covered

    def _longest(self, words: list[str], offsets: list[int], sent_start: list[bool], text: str,
                 i: int) -> tuple[int, str] | None:  # fmt: skip
        """The longest name starting at token ``i``: its end and key. A run starts on a capitalised word, may go
        through connectors ("Rostov-sur-le-Don") and up to two lower-case words found inside the language's
        country names ("République démocratique du Congo", "Émirats arabes unis"), within the sentence; it is a
        name when the gazetteer has it."""
        n = len(words)
        if i >= n:
            return None
        word = words[i]
        features, connectors = self.lexicon.feature_words, self.lexicon.connectors
        k = i + 1  # the first word after the feature word and its connectors ("bande de Gaza")
        while k < n and k - i <= 2 and word in features and words[k].lower() in connectors:
            k += 1
        feature_word = (word in features or word in LOWER_ARTICLES) and k < n and words[k][:1].isupper()
        if not word[:1].isupper() and not feature_word:
            return None  # a run starts on a capitalised word, a lower-case feature word ("mer Noire") or article
            # ("à la Flèche": the town is La Flèche; the run is kept only if the gazetteer has it with the article)
        first = name_key(word).split(" ", 1)[0]
        if not (
            self.gazetteer.may_start(first)
            or self.gazetteer.may_start(first.rstrip("."))  # "Mt. Pleasant": the key drops the inner full stop
            or (i + 1 < n and words[i + 1] == "." and first + "." in self.gazetteer)
        ):
            return None
        ends: list[int] = []
        lower = 0  # lower-case words inside the run that are not connectors ("République démocratique du Congo")
        j = i
        while j < n and j - i < self.max_tokens:
            w = words[j]
            if j > i and sent_start[j] and not _abbreviation_stop(words, j - 1):
                break
            if _abbreviation_stop(words, j) and j + 1 < n and words[j + 1][:1].isupper():
                j += 1  # "ST. PAUL": a full stop that the tokenizer split from a capitalised abbreviation
                continue
            if w[:1].isupper():
                ends.append(j + 1)
            elif j > i and w not in connectors and w.lower() not in connectors:
                lower += 1
                if lower > MAX_LOWER_WORDS or w not in self.lexicon.inner_words:
                    break
                ends.append(j + 1)  # "Émirats arabes unis" ends on one
            j += 1
        for end in reversed(ends):
            key = name_key(text[offsets[i] : offsets[end - 1] + len(words[end - 1])])
            if end < n and words[end] == "." and key + "." in self.gazetteer:
                return end + 1, key + "."  # "W.Va." that the tokenizer split as "W.Va" "."
            if key in self.gazetteer:
                return end, key
        return None

    def _surnames(self, words: list[str], sent_start: list[bool]) -> tuple[set[str], set[str]]:
        """Words that end a run of two capitalised words in the article ("Boris Johnson", "Megyn Kelly"): alone
        later on, they name the same person or organisation. Runs that are place names are left out. Also the names
        that a word of ``place_person_after.txt`` follows ("the Obama administration"). Second, those of them that
        a given name or a form of address comes before ("Elizabeth Fairfield", "Barry M. George"), which are
        persons' names even when a big town bears them too."""
        lex = self.lexicon
        found: set[str] = set()
        given: set[str] = set()
        for k in range(1, len(words)):
            word, before = words[k], words[k - 1]
            after_initial = _INITIAL.fullmatch(before) and k > 1 and not sent_start[k - 1]
            if after_initial:
                before = words[k - 2]  # "Roy A. Nelson" (the splitter may end a sentence at the initial)
            if before in "-‐" and k > 2 and _is_name_word(words[k - 2]) and words[k - 3] in lex.person_before:
                found.add(word)  # "Mario Diaz-Balart": "Balart" alone later on is his
                given.add(word)
                continue
            if (
                not word[:1].isupper()
                or not _is_name_word(word)
                or not _is_name_word(before)
                or (sent_start[k] and not after_initial)
            ):
                continue
            if before in lex.modifiers or before.lower() in lex.function_words or word.lower() in lex.region_after:
                continue
            is_name = before in lex.person_before or not sent_start[k - 1]
            if is_name and name_key(f"{before} {word}") not in self.gazetteer:
                found.add(word)
                if before in lex.person_before:
                    given.add(word)
        # "the Obama administration": the name before such a word is a person's, there and elsewhere in the article
        found.update(
            words[k - 1]
            for k in range(1, len(words))
            if words[k].lower() in lex.person_after and _is_name_word(words[k - 1])
        )
        return found, given

    def _speakers(self, words: list[str], sent_start: list[bool]) -> set[str]:
        """One-word names that a speech verb follows or precedes: "Nelson says", "“…,” said Noma." (a town that
        speaks is a big one: the stage only refuses small places on this ground)."""
        verbs, skip, function_words = self.lexicon.speech_verbs, self.lexicon.skip, self.lexicon.function_words
        found: set[str] = set()
        if not verbs:
            return found
        n = len(words)
        for k, word in enumerate(words):
            if word.lower() not in verbs:
                continue
            j = k - 1
            while j > 0 and words[j].lower() in skip:
                j -= 1
            if (
                j >= 0
                and _is_name_word(words[j])
                and not (j > 0 and words[j - 1].lower() in function_words)  # not "from Dewsbury said"
                and word.lower() not in function_words
                and not word.lower().endswith("ing")  # "in Sligo saying": a participle after a place
            ):
                found.add(words[j])
            if k + 1 < n and _is_name_word(words[k + 1]) and (k + 2 >= n or words[k + 2] in CLAUSE_ENDS):
                found.add(words[k + 1])  # "“…,” said Noma."
        return found

    def _established(self, words: list[str], sent_start: list[bool],
                     run_at: Callable[[int], tuple[int, str] | None]) -> set[str]:  # fmt: skip
        """Keys of the names that the article itself gives as places: a dateline in capitals at the head of a
        sentence ("BANTAM —", "ST. PAUL --"), and a "Town, State" apposition whose state or country holds a place
        of that name ("Hurricane, W.Va.", "Salina, Kan.")."""
        found: set[str] = set()
        n = len(words)
        for i, word in enumerate(words):
            if not word[:1].isupper():
                continue
            run = run_at(i)
            if run is None:
                continue
            end, key = run
            if end + 1 < n and words[end] == ",":
                region = run_at(end + 1)
                if region is not None and self._holds(region[1], key):
                    found.add(key)
                    continue
            head = i == 0 or sent_start[i] or not words[i - 1].strip()
            letters = [c for w in words[i:end] for c in w if c.isalpha()]
            if (
                head
                and end < n
                and words[end] in DATELINE_MARKS
                and len(letters) > 2
                and all(c.isupper() for c in letters)
            ):
                found.add(key)
        return found

    def _holds(self, region_key: str, key: str) -> bool:
        """Whether a country or first-level region called ``region_key`` holds a place called ``key``."""
        gaz = self.gazetteer
        regions = [r for r in gaz.candidates(region_key) if gaz.feature_code(r) == "c" or gaz.is_admin1(r)]
        return any(
            gaz.country_code(c) == gaz.country_code(r)
            and (gaz.feature_code(r) == "c" or gaz.admin1_code(c) == gaz.admin1_code(r))
            for r in regions
            for c in gaz.candidates(key)
            if c != r and gaz.feature_code(c) != "c"
        )

    def _listed_regions(self, words: list[str]) -> dict[int, tuple[int, str]]:
        """Names in a list that a plural region word closes, each with the key of its full name: "Barrow and
        Jackson counties", "Becker, Clay, Otter Tail and Wilkin counties" ("Clay" -> "clay county"), where the
        gazetteer has that full name and the list has two such names or more."""
        heads = self.lexicon.list_heads
        found: dict[int, tuple[int, str]] = {}
        if not heads:
            return found
        for h, word in enumerate(words):
            singular = heads.get(word.lower())  # "counties", "Counties"
            if singular is None:
                continue
            k = h  # the list ends before token k
            names: dict[int, tuple[int, str]] = {}
            while k > 0:
                j = k
                while j > 0 and k - j < 3 and _is_name_word(words[j - 1]):
                    j -= 1
                if j == k:
                    break
                for start in range(j, k):  # the longest full name: "The Barrow" no, "Barrow" yes
                    key = name_key(" ".join(words[start:k]) + " " + singular)
                    if key in self.gazetteer:
                        names[start] = (k, key)
                        break
                k = j
                while k > 0 and words[k - 1].lower() in LIST_SEPARATORS:
                    k -= 1
                if k == j:
                    break
            if len(names) > 1:  # a list, not one name before a plural ("the four metro Athens counties")
                found.update(names)
        return found

    def _standalone_names(self, words: list[str], sent_start: list[bool]) -> set[str]:
        """Capitalised common words that stand alone inside a sentence ("the Bush administration"): names there,
        so "George Bush" elsewhere is a person, where "Paris Police" (never "Police" alone) is a place's body."""
        common, function_words = self.lexicon.common_words, self.lexicon.function_words

        def name_at(k: int) -> bool:  # a capitalised word that is not a determiner ("The Bush administration")
            return 0 <= k < len(words) and _is_name_word(words[k]) and words[k].lower() not in function_words

        return {
            word
            for k, word in enumerate(words)
            if k > 0
            and not sent_start[k]
            and word[:1].isupper()
            and word.lower() in common
            and not name_at(k - 1)
            and not name_at(k + 1)
        }

    def _known_as(self, cands: tuple[int, ...], key: str) -> bool:
        """Whether a name that is also a given name is well known as a place: a country, continent or sea, a
        first-level region, or the own name (or a curated exonym) of a town of 100,000 people or more ("Tyler",
        "Virginia", "Jordan"; not "Levi", whose big namesake Lévis only has it as an alternate name)."""
        gaz = self.gazetteer
        for c in cands:
            code = gaz.feature_code(c)
            if code in "co" or (code == "a" and gaz.is_admin1(c)):
                return True
            if code == "p" and gaz.population(c) >= 100_000 and (gaz.is_own_name(c, key) or gaz.is_curated(key)):
                return True
        return False

    def _populous(self, cands: tuple[int, ...], key: str, *, own: bool = False) -> bool:
        """Whether the name is that of a town of 100,000 people or more; with ``own``, by its own name or a curated
        one ("Flores" is only a raw alternate name of Timon)."""
        gaz = self.gazetteer
        if not own:
            return any(gaz.population(c) >= 100_000 for c in cands)
        curated = gaz.is_curated(key)
        return any(gaz.population(c) >= 100_000 and (curated or gaz.is_own_name(c, key)) for c in cands)

    def _headline_sentences(self, words: list[str], sent_start: list[bool]) -> set[int]:
        """Token indices of sentences written in title case (most words capitalised): a headline."""
        found: set[int] = set()
        starts = [k for k, flag in enumerate(sent_start) if flag] + [len(words)]
        for start, end in itertools.pairwise(starts):
            alpha = [w for w in words[start:end] if len(w) > 3 and w.isalpha()]
            if len(alpha) >= 4 and sum(w[0].isupper() for w in alpha) >= TITLE_CASE_SHARE * len(alpha):
                found.update(range(start, end))
        return found

    def _rejection(self, article: _Article, i: int, end: int, key: str) -> str:
        """Why the name ``words[i:end]`` (gazetteer key ``key``) is not a toponym there; empty when it is one."""
        lex = self.lexicon
        gaz = self.gazetteer
        words, sent_start = article.words, article.sent_start
        single = end - i == 1
        surface = words[i] if single else " ".join(words[i:end])
        lower = surface.lower()
        letters = [c for c in surface if c.isalpha()]
        capitals = all(c.isupper() for c in letters)
        if key in lex.stop or (single and not capitals and (lower in lex.function_words or lower in lex.demonyms)):
            return "stop"
        if single and _ROMAN_ORDINAL.fullmatch(surface):
            return "ordinal"  # "au XIXe siècle" (not the 19th arrondissement of Paris)
        if key in lex.directions and not self._with_region(words, i, end, key).region:
            return "direction"  # "l'Asie du Sud-Est", "le Nord-Est du pays" (not Haiti's departments)
        cands = gaz.candidates(key)
        region_like = any(gaz.feature_code(c) in "cao" for c in cands)
        abbreviation = "." in surface
        # the article makes it a place: a dateline, a "Town, State" apposition; or a preposition of place before it
        vouched = key in article.established
        located = vouched or self._located(words, i, end)
        if (
            len(letters) <= 3
            and not capitals
            and not (abbreviation and region_like)
            and not self._short_place(words, i, surface, cands, key, located)
        ):
            return "short"  # "US", "Ga." (Georgia), "près de Gao" yes; "Us", "Dec." no
        if capitals and 1 < len(letters) <= 4 and not (region_like or abbreviation or vouched):
            return "acronym"  # an acronym ("NATO", "AMLO") that some town's alternate name happens to match
        in_headline = i in article.headline
        populous = region_like or self._populous(cands, key)
        if in_headline and single and not populous and not vouched:
            return "headline"
        placed = located or key in article.placed
        well_known = self._populous(cands, key, own=True)  # a big town's own name ("Fairfield", "Moscow")
        if (
            single
            and surface in article.surnames
            and not (located or self._surname_proof(cands, key))
            and (surface in article.given_surnames or not (well_known or placed))
        ):
            return "surname-elsewhere"  # "Kelly said" after "Megyn Kelly"; "Fairfield" after "Elizabeth Fairfield"
        if (
            single
            and surface in article.speakers
            and not (located or well_known or any(gaz.feature_code(c) in "co" for c in cands))
        ):
            return "speaker"  # "Nelson says", "said Noma"
        if single and not populous and lower in lex.common_words and not placed:
            return "common-word"  # a word that a small town also bears ("Santé", "Assis")
        if not single and not (region_like or located) and self._common_alternate(words[i:end], cands, key):
            return "common-words"  # "l'Hôtel de Ville de Verdun", "La Paix": common words, some town's other name
        strong = well_known or any(gaz.feature_code(c) in "co" for c in cands)  # a big town, a country, a continent
        if (
            single
            and not (strong or region_like)
            and end + 1 < len(words)
            and words[end] == "-"
            and {end - 1, end} <= article.glued  # "Sars-Cov-2", not "Etowah - to study"
            and (any(c.isdigit() for c in words[end + 1]) or (words[end + 1].islower() and len(words[end + 1]) <= 2))
            and words[end + 1] not in lex.connectors
        ):
            return "hyphenated-word"  # "Sars-Cov-2", "Dasht-e-Barchi": part of a longer word the gazetteer lacks
        if single and not strong and self._named_after_word(words, i):
            return "name-before-word"  # "l'administration Obama", "le prophète Abraham", "le magazine américain Time"
        if (
            single
            and not (strong or region_like or located)
            and 0 < i < end < len(words)
            and words[i - 1] in QUOTE_MARKS
            and words[end] in QUOTE_MARKS
        ):
            return "quoted"  # a nickname or a title in quotation marks ("le chat \"Palmerston\"")
        if (
            single
            and not (strong or region_like)
            and end + 1 < len(words)
            and _INITIAL.fullmatch(words[end])
            and _is_name_word(words[end + 1])
        ):
            return "given-name-run"  # "Seymour M. Hersh": a name, an initial and a surname
        if not single and words[i] in lex.person_before and not (strong or region_like or placed or vouched):
            rest = words[i + 1 : end]
            if _is_name_word(words[i]) and all(
                _is_name_word(w) and w.lower() not in lex.common_words | lex.place_heads for w in rest
            ):
                return "given-name-first"  # "Maria Teresa Duran", "le gouvernement de Pedro Sanchez"
        if single and surface in lex.person_before and not (located or self._known_as(cands, key)):
            return "given-name"  # a given name that is not a well-known place ("Keith", "Levi", "Julia")
        untrusted = not gaz.is_curated(key) and (not populous or lower in lex.common_words)
        if (
            single
            and not region_like
            and not located
            and (surface in article.surnames or untrusted)
            and not any(gaz.is_own_name(c, key) for c in cands)
        ):
            return "raw-alternate"  # only a raw alternate name of towns: "Rashid" (Rosetta), "Zara" (Zadar)
        # demonym used as a noun: "les Maliens", "the Albanians" naming only small towns (not "the Athens Police")
        if (
            single
            and i > 0
            and words[i - 1].lower() in lex.determiners
            and lower.endswith(lex.demonym_endings)
            and not region_like
            and not (end < len(words) and (_is_name_word(words[end]) or words[end] in "-/"))
        ):
            return "determiner-plural"
        if (
            single
            and end + 1 < len(words)
            and words[end] in lex.connectors
            and words[end].isalpha()  # "Gulf of Alaska", not "Asie-Mineure"
            and words[end + 1][:1].isupper()
            and {gaz.feature_code(c) for c in cands} & {"o"}
            and not {gaz.feature_code(c) for c in cands} & {"c", "p"}
        ):
            return "part-of-longer-name"  # "the Gulf of Alaska", a sea the gazetteer lacks, is not the Persian Gulf
        before_reason = self._person_before(article, i, cands, lower, in_headline, region_like or well_known)
        if before_reason:
            return before_reason
        if end < len(words):
            after = words[end]
            if surface in lex.person_before and (
                _INITIAL.fullmatch(after)
                or (after in lex.person_before and end + 1 < len(words) and _is_name_word(words[end + 1]))
            ):
                return "given-name-run"  # "Mary Z. Connaughton", "Mary Grace O'Brien"
            if (
                _is_name_word(after)
                and not sent_start[end]
                and after.lower() not in lex.region_after
                and after.lower() not in lex.function_words
                and (
                    (
                        surface in lex.person_before
                        and after.lower() not in lex.place_heads
                        and after.lower() not in lex.local_heads  # "Paris PD", "Jordan Town Council"
                        and (after.lower() not in lex.common_words or after in article.standalone)
                    )
                    or (
                        single
                        and not (region_like or well_known)  # "Nico Neumann": a big town's raw alternate name
                        and not vouched
                        and not in_headline
                        and after.lower() not in lex.institutions
                        and after.lower() not in lex.local_heads
                    )
                )
            ):
                return "person-or-firm-after"  # "Paris Hilton", "Warner Music"; "George Bush" when "Bush" stands
                # alone elsewhere in the article ("the Bush administration"), unlike "Paris Police"
            if single and not region_like and after.lower() in lex.person_after:
                return "person-after-word"  # "the Obama administration"
        return ""

    def _person_before(self, article: _Article, i: int, cands: tuple[int, ...], lower: str, in_headline: bool,
                       well_known: bool) -> str:  # fmt: skip
        """Why the word before the name makes it part of a person's name; empty when it does not."""
        lex = self.lexicon
        words = article.words
        if i == 0:
            return ""
        before = words[i - 1]
        if _INITIAL.fullmatch(before) and i > 1 and _is_name_word(words[i - 2]):
            before = words[i - 2]  # "Matthew D. Flores"
        if before in lex.person_before or before.lower() in lex.titles:
            return "after-given-name"  # "Keith Lincoln", "President Obama"
        if in_headline:
            return ""  # every word of a title-case headline is capitalised: only a given name tells
        if before in "-‐" and i > 1 and _is_name_word(words[i - 2]):
            if not words[i - 2].isupper() and (
                (i > 2 and words[i - 3] in lex.person_before) or words[i - 2] in article.surnames
            ):
                return "compound-surname"  # "Mario Diaz-Balart", "Netanyahu-Lieberman" (not "Hartsfield-Jackson")
            return ""
        country = any(self.gazetteer.feature_code(c) == "c" for c in cands) and lower not in lex.common_words
        if (
            _is_name_word(before)
            and before not in lex.modifiers
            and before.lower() not in lex.function_words
            and not country  # "Air Zimbabwe", "HSBC Malta", "Environment Canada": a country's name inside a firm's
            and not self._descriptive(before, lower, well_known)
            and not (self._many_words(lower) and not words[i].isupper())  # "LA LOI SUR LES LOYERS"
        ):
            return "after-name"  # a surname: "François Hollande", "Jordan Bardella"
        if before in lex.particles and i > 1 and _is_name_word(words[i - 2]):
            return "after-particle"  # "Gilbert De Paoli", "Ursula von der Leyen"
        return ""

    def _article_name(self, words: list[str], i: int, end: int,
                      run_at: Callable[[int], tuple[int, str] | None]) -> bool:  # fmt: skip
        """Whether a name that starts on a lower-case article is one ("à la Flèche": La Flèche): only when the name
        after the article is none ("la Californie" is California, not La Californie) and its first word is no
        common word ("la Chambre", "la Défense"), unless a cue of place comes before the article and no complement
        after the name ("à la Flèche"; not "à la Chambre des représentants"). The name with its article must be a
        place's own name or a curated exonym ("La Haye"; not "la Paix", an old name of Toul)."""
        found = run_at(i)
        if run_at(i + 1) is not None or found is None:
            return False
        gaz = self.gazetteer
        key = found[1]
        if not (gaz.is_curated(key) or any(gaz.is_own_name(c, key) for c in gaz.candidates(key))):
            return False
        if words[i + 1].lower() not in self.lexicon.common_words:
            return True
        return self._located(words, i, end) and not (end < len(words) and words[end] in self.lexicon.connectors)

    def _named_after_word(self, words: list[str], i: int) -> bool:
        """Whether a word of ``place_name_before.txt`` stands before the name, or before a demonym before it ("le
        mouvement Amal", "le magazine américain Time")."""
        lex = self.lexicon
        before = [w.lower() for w in words[max(0, i - 2) : i]]
        if before and before[-1] in lex.name_before:
            return True
        return len(before) == 2 and before[1] in lex.demonyms and before[0] in lex.name_before

    def _short_place(self, words: list[str], i: int, surface: str, cands: tuple[int, ...], key: str,
                     located: bool) -> bool:  # fmt: skip
        """Whether a name of three letters or fewer, written as a proper noun ("Gao", "Ufa"), is a place: the own name
        (or a curated exonym) of a town of 100,000 people or more, a first-level region or a country after a cue of
        place or a word of ``place_short_cues.txt`` ("près de Gao"), or of a town of 500,000 or more without one.
        Never a common word, a function word, a particle or a given name ("Van", "Ben", "Lee")."""
        lex = self.lexicon
        lower = surface.lower()
        if not (surface.isalpha() and surface[0].isupper() and surface[1:].islower()):
            return False
        if lower in lex.common_words or lower in lex.function_words or surface in lex.particles:
            return False
        if surface in lex.person_before:
            return False
        gaz = self.gazetteer
        curated = gaz.is_curated(key)
        own = [c for c in cands if curated or gaz.is_own_name(c, key)]
        town = max((gaz.population(c) for c in own if gaz.feature_code(c) == "p"), default=0)
        region = any(gaz.feature_code(c) == "c" or gaz.is_admin1(c) for c in own)
        cue = located or (i > 0 and words[i - 1].lower().replace("’", "'") in lex.short_cues)
        return town >= SHORT_ALONE_POPULATION or (cue and (region or town >= SHORT_CUE_POPULATION))

    def _common_alternate(self, name: list[str], cands: tuple[int, ...], key: str) -> bool:
        """Whether a name of several words, one of them an article or a connector, is made only of the language's
        common words and is no place's own name nor a curated exonym, only some small town's alternate name ("Hôtel
        de Ville" for the 4th arrondissement of Paris, "La Paix" for Toul; not "South Island", "St. Cloud", "La
        Havane")."""
        lex = self.lexicon
        gaz = self.gazetteer
        lowered = [w.lower() for w in name]
        glue = [w for w in lowered if w in lex.connectors or w in ARTICLES]
        if not glue or len(glue) == len(lowered) or not all(w.isalpha() for w in lowered):
            return False
        if gaz.is_curated(key) or any(gaz.is_own_name(c, key) or gaz.population(c) >= 100_000 for c in cands):
            return False  # "La Havane" is Havana's French name
        return all(w in lex.common_words or w in glue for w in lowered)

    def _many_words(self, lower: str) -> bool:
        """Whether a name has several words, the first not an article or a particle: after a capitalised word it
        is still a place ("Republican Orange County", "Epicurean Santa Barbara"), where a one-word name would be a
        surname ("Drieu La Rochelle" has one after a particle)."""
        first = lower.split(" ", 1)[0]
        return " " in lower and first not in ARTICLES and first not in {p.lower() for p in self.lexicon.particles}

    def _descriptive(self, before: str, lower: str, well_known: bool) -> bool:
        """Whether the capitalised word before a well-known place's name is a common word of five letters or more
        that describes it ("Historic Dublin", "Rodeo Gainesville", "Education Minnesota") rather than a given name
        ("Rob Austin", "Wade McKinney": short given names are often common words too)."""
        common = self.lexicon.common_words
        return well_known and len(before) > 4 and before.lower() in common and lower not in common

    def _located(self, words: list[str], i: int, end: int) -> bool:
        """Whether a preposition of place stands before the name, and no other name or possessive after it ("in
        Salina", "the city of Edwardsville"; not "in Bantam Superior Court", "in Tyler's case")."""
        if end < len(words) and (words[end][:1].isupper() or words[end] in POSSESSIVES):
            return False
        before = [w.lower().replace("’", "'") for w in words[max(0, i - 3) : i]]
        return _ends_with_any(before, self.lexicon.locatives)

    def _surname_proof(self, cands: tuple[int, ...], key: str) -> bool:
        """Whether a name that the article gives as a surname is still a place when it stands alone: a country or
        continent, or a first-level region's own name ("Georgia", "Virginia")."""
        gaz = self.gazetteer
        return any(gaz.feature_code(c) in "co" or (gaz.is_admin1(c) and gaz.is_own_name(c, key)) for c in cands)

    def _with_region(self, words: list[str], i: int, end: int, key: str) -> Mention:
        lex = self.lexicon
        cands = self.gazetteer.candidates(key)
        if end < len(words) and words[end].lower() in lex.region_after:
            return Mention(i, end + 1, i, end, key, cands, region=True)
        lowered = [w.lower().replace("’", "'") for w in words[max(0, i - 3) : i]]
        pattern = _ending(lowered, lex.region_before)
        if pattern is not None:
            return Mention(i - len(pattern), end, i, end, key, cands, region=True)
        return Mention(i, end, i, end, key, cands)

    # -- metonymy ------------------------------------------------------------------------------------------

    def _metonymic(self, doc: Doc, mention: Mention, attrs: PlaceAttrs, population: int) -> bool:
        if mention.region or attrs.feature not in ("country", "city"):
            return False
        if attrs.feature == "city" and population < METONYMY_MIN_POPULATION:
            return False
        lex = self.lexicon
        n = len(doc)
        before = [t.lower_.replace("’", "'") for t in doc[max(0, mention.start - 3) : mention.start]]
        # "la police de Brunswick", "la junte au pouvoir à Bamako a annoncé": a complement, not the verb's subject
        complement = bool(before) and before[-1] in ("de", "d'", "du", "des", "of", "à", "au", "aux", "en", "in", "at")
        # subject of a cue verb: "Moscou a affirmé", "Kyiv has also received"
        k = mention.end
        steps = 0
        while k < n and steps < 4 and doc[k].lower_.replace("’", "'") in lex.skip:
            k += 1
            steps += 1
        if k < n and doc[k].lower_ in lex.metonymy_verbs and not complement:
            return True
        # "Moscow's decision"
        if (
            mention.end + 1 < n
            and doc[mention.end].text in ("'s", "’s")
            and doc[mention.end + 1].lower_ in (lex.metonymy_nouns)
        ):
            return True
        # "la proposition présentée par Le Caire", "a plan proposed by Cairo"
        if len(before) >= 2 and before[-1] in ("par", "by") and before[-2] in lex.metonymy_verbs:
            return True
        # "le soutien de Londres", "support from London"
        if len(before) >= 2 and before[-1] in ("de", "d'", "of", "from", "by") and before[-2] in lex.metonymy_nouns:
            return True
        # "selon Moscou", "according to Kyiv"
        return _ends_with_any(before, lex.metonymy_before)


def _abbreviation_stop(words: list[str], j: int) -> bool:
    """Whether token ``j`` is a full stop split from a short capitalised abbreviation before it ("ST" ".")."""
    return words[j] == "." and j > 0 and len(words[j - 1]) <= 3 and words[j - 1].isalpha() and words[j - 1][0].isupper()


def _ending(words: list[str], cues: Iterable[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The first of ``cues`` (lower-case token sequences) that the words end with, or None."""
    for cue in cues:
        if len(cue) <= len(words) and tuple(words[len(words) - len(cue) :]) == cue:
            return cue
    return None


def _ends_with_any(words: list[str], cues: Iterable[tuple[str, ...]]) -> bool:
    return _ending(words, cues) is not None


def _is_name_word(word: str) -> bool:
    return (
        len(word) > 1
        and word[0].isupper()
        and word[-1] not in "'’"  # an elided article ("Compagnied'") is no name
        and word.replace("-", "").replace("'", "").replace("’", "").isalpha()  # "O'Connor"
    )
