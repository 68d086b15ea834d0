"""The places stage (``sitrep_places_v1``): toponym recognition and GeoNames resolution, French and English.

Writes ``doc.spans["places"]`` with a :class:`~.attrs.PlaceAttrs` on ``span._.place``.

Recognition is a gazetteer lookup over capitalised token runs, longest match first: a run starts on a capitalised
token (or a lower-case feature word of ``place_feature_words.txt`` before one: "la mer Noire"), may hold
connectors ("Rostov-sur-le-Don", "Isle of Wight") and ends on a capitalised token; its text is
normalised (:func:`sitrep.gazetteer.name_key`) and looked up. Region patterns from ``place_regions.tsv`` widen a
match into a first-level region ("la région de Donetsk", "Kharkiv Oblast"); a capitalised article is left out
when the name after it is longer ("La Côte d'Ivoire"). A match is rejected when:
- its key is in ``place_stop.txt`` or the entities stage's organisation table ("Kremlin", "Hamas"), or it is one
  word that is a function word (spaCy's stop words), a weekday or month (CLDR), or a demonym (the entities stage's
  demonym tables; "les Russes" after a determiner);
- it is short (three letters or fewer) and neither in capitals nor a dotted abbreviation of a region ("US",
  "Ga." yes; "Us" no), or an acronym of four capitals or fewer that names no country or region ("NATO");
- it is one word naming only places under 100,000 people that is a common word of the language (the lemma
  table: "Santé", "Assis");
- it is one word that is a given name ("Keith", "Julia") and names no country, sea, first-level region or town
  of 100,000 people or more by its own name or a curated exonym ("Julia" is only an old name of Plovdiv);
- it is one word that is only a raw alternate name of towns (not their own name, not a curated exonym) and a
  surname of the article or a common word ("Bush" for Būsh), or names only towns under 100,000 people ("Zara",
  "Ismaili");
- a capitalised word before it makes it a surname ("François Hollande", "Gilbert De Paoli"), unless that word is a
  modifier ("Eastern Ukraine"), or it follows a form of address ("M. Paris");
- the capitalised word after it makes it a person's or a firm's name: after a given name, unless that word is a
  common word ("Paris Hilton", "Jordan Bardella"; not "Paris Police"), or after a one-word name of a small place
  ("Warner Music"), unless that word heads a public body (the entities stage's organisation heads:
  "Edwardsville City Council"). A big place inside an organisation's name is kept, as LGL and GeoWebNews annotate
  it ("Washington Post", "Athens Police");
- the article uses it as a surname elsewhere ("Boris Johnson ... Johnson said");
- in a title-case headline, it is one word naming only small places;
- it is one word naming only towns under 5,000 people that nothing in the article supports (no region of theirs
  named, no town or county of that region, no "Town, State" apposition).

Resolution scores each candidate entry: a prior from its feature and population, plus evidence from the article
(the countries and first-level regions it names, the countries of its other places, a "Town, State" apposition;
a country that shares its name with a first-level region loses when the article's other places all lie
elsewhere: "Georgia" with Atlanta and Macon). A second pass reorders the towns and counties by the article's
coherence: the first-level region and the distance of the other names' first-pass readings ("Huntsville" with
Houston and Walker County is the Texan one); a reading abroad needs strong coherence, and a country stays a
country. The confidence is a logistic function of the margin over the runner-up. Metonymy ("Moscou a affirmé", "le
soutien de Londres", "according to Kyiv") is flagged for countries and cities of 100,000 inhabitants or more by
cue verbs, nouns and prepositions from the language's ``place_metonymy_*`` files.

What it cannot do: places that the gazetteer lacks (streets, buildings, villages under 500 inhabitants, rivers,
oceans, most mountains and seas beyond the few of ``place_geonames_features.tsv`` in the embedded default),
lower-case texts, demonyms and adjectives (by design), and relative locations ("le sud du pays"). An article with
one ambiguous name and nothing else to go on gets the most populous reading ("Paris" is in France, "Dublin" in
Ireland), which is wrong for local news. Surnames that are also town names are caught only when the article gives
the full name once. Metonymy is a cue-word heuristic, not a parse.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer, active_index_path, name_key
from ..resources import Resources, load_resources
from .attrs import PLACES, PlaceAttrs

SMALL_TOWN = 5_000  # a one-word name that only names places smaller than this needs support from the article
MAX_TOKENS = 8  # the longest token run tried as one name
_INITIAL = re.compile(r"[A-Z]\.")  # a middle initial ("Roy A. Nelson")
MAX_LOWER_WORDS = 2  # lower-case words (not connectors) a name may hold: "République démocratique du Congo"
METONYMY_MIN_POPULATION = 100_000
TITLE_CASE_SHARE = 0.85  # a sentence whose words are this capitalised is a headline in title case
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "the"})
# Second-pass coherence (see PlacesStage.resolve): bonus per other name read in the same first-level region, its
# cap, and the bonus for a reading near another name's reading; only the best candidates of the first pass compete.
COHERENCE_REGION = 1.0
COHERENCE_REGION_MAX = 2.5
COHERENCE_NEAR = 1.0
NEAR_KM = 60.0
AROUND_KM = 200.0
COHERENCE_ABROAD = 2.0
NAMED_REGION = 3.0  # a town in a first-level region that the article names ("Louisiana")
OWN_NAME = 0.5  # a reading whose own name the mention is, rather than one of its alternate names
# A country reading that a first-level region shares its name with ("Georgia") loses this much when the article
# names this many other places and none in that country.
UNSUPPORTED_COUNTRY = 1.5
UNSUPPORTED_COUNTRY_OTHERS = 2
COHERENCE_CANDIDATES = 40


@dataclass(slots=True)
class Mention:
    start: int  # token offsets of the span to report
    end: int
    name_start: int  # the place name itself, without region words
    name_end: int
    key: str
    candidates: tuple[int, ...]
    region: bool = False  # a region pattern ("région de X") matched around it
    scores: list[float] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the rest of the article says, seen from one mention (its own name excluded)."""

    countries: dict[str, set[str]]  # country code -> keys of the names that name it
    admins: dict[tuple[str, str], set[str]]
    others: dict[str, set[str]]  # country code -> keys of the names whose likeliest reading lies there
    admin_others: dict[tuple[str, str], set[str]]  # (country, admin1) -> keys of the towns likeliest there
    key: str
    apposition: tuple[str, str] | None  # "Town, State": the country and admin1 of the name after the comma
    region_rival: bool = False  # the name is also a first-level region's ("Georgia"): a country reading competes

    def names_country(self, cc: str) -> bool:
        return bool(self.countries.get(cc, set()) - {self.key})

    def names_admin(self, cc: str, a1: str) -> bool:
        return bool(self.admins.get((cc, a1), set()) - {self.key})

    def other_places_in(self, cc: str) -> int:
        return len(self.others.get(cc, set()) - {self.key})

    def towns_in(self, cc: str, a1: str) -> int:
        return len(self.admin_others.get((cc, a1), set()) - {self.key})

    def other_places(self) -> int:
        """How many other names of the article have a likeliest reading in some country."""
        return len(set().union(*self.others.values()) - {self.key}) if self.others else 0


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
        person_after=frozenset(w.lower() for w in resources.words("place_person_after.txt"))
        if resources.has("place_person_after.txt")
        else frozenset(),
    )


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
        self.max_tokens = min(MAX_TOKENS, gazetteer.max_words * 2 + 1)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.find(doc)
        spans: list[Span] = []
        if mentions:
            choices = self.resolve(mentions)
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
        headline = self._headline_sentences(words, sent_start)
        surnames = self._surnames(words, sent_start)
        standalone = self._standalone_names(words, sent_start)
        in_organization = self._inside_organizations(text, words, offsets)
        mentions: list[Mention] = []
        i = 0
        while i < n:
            if not (words[i][:1].isupper() or words[i] in self.lexicon.feature_words) or i in in_organization:
                i += 1
                continue
            found = self._longest(words, offsets, sent_start, text, i)
            if found is None:
                i += 1
                continue
            start = i
            end, key = found
            if any(j in in_organization for j in range(start, end)):
                i += 1
                continue
            if words[i].lower() in ARTICLES:  # "La Côte d'Ivoire": the name may start after the article
                after = self._longest(words, offsets, sent_start, text, i + 1)
                if after is not None and after[0] > end:
                    start, (end, key) = i + 1, after
            if self._accept(words, sent_start, headline, surnames, standalone, start, end, key):
                mentions.append(self._with_region(words, start, end, key))
                i = end
            else:
                i = end if end - start > 1 else start + 1
        return mentions

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
        feature_word = word in self.lexicon.feature_words and i + 1 < n and words[i + 1][:1].isupper()
        if not word[:1].isupper() and not feature_word:
            return None  # a run starts on a capitalised word, or on a lower-case feature word ("mer Noire")
        first = name_key(word).split(" ", 1)[0]
        if not (
            self.gazetteer.may_start(first) or (i + 1 < n and words[i + 1] == "." and first + "." in self.gazetteer)
        ):
            return None
        connectors = self.lexicon.connectors
        ends: list[int] = []
        lower = 0  # lower-case words inside the run that are not connectors ("République démocratique du Congo")
        j = i
        while j < n and j - i < self.max_tokens:
            w = words[j]
            if j > i and sent_start[j]:
                break
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

    def _surnames(self, words: list[str], sent_start: list[bool]) -> set[str]:
        """Words that end a run of two capitalised words in the article ("Boris Johnson", "Megyn Kelly"): alone
        later on, they name the same person or organisation. Runs that are place names are left out. Also the names
        that a word of ``place_person_after.txt`` follows ("the Obama administration")."""
        lex = self.lexicon
        found: set[str] = set()
        for k in range(1, len(words)):
            word, before = words[k], words[k - 1]
            if _INITIAL.fullmatch(before) and k > 1 and not sent_start[k - 1]:
                before = words[k - 2]  # "Roy A. Nelson"
            if not word[:1].isupper() or not _is_name_word(word) or not _is_name_word(before) or sent_start[k]:
                continue
            if before in lex.modifiers or before.lower() in lex.function_words or word.lower() in lex.region_after:
                continue
            is_name = before in lex.person_before or not sent_start[k - 1]
            if is_name and name_key(f"{before} {word}") not in self.gazetteer:
                found.add(word)
        # "the Obama administration": the name before such a word is a person's, there and elsewhere in the article
        found.update(
            words[k - 1]
            for k in range(1, len(words))
            if words[k].lower() in lex.person_after and _is_name_word(words[k - 1])
        )
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

    def _accept(self, words: list[str], sent_start: list[bool], headline: set[int], surnames: set[str],
                standalone: set[str], i: int, end: int, key: str) -> bool:  # fmt: skip
        lex = self.lexicon
        gaz = self.gazetteer
        single = end - i == 1
        surface = words[i] if single else " ".join(words[i:end])
        lower = surface.lower()
        letters = [c for c in surface if c.isalpha()]
        capitals = all(c.isupper() for c in letters)
        if key in lex.stop or (single and not capitals and (lower in lex.function_words or lower in lex.demonyms)):
            return False
        cands = gaz.candidates(key)
        region_like = any(gaz.feature_code(c) in "cao" for c in cands)
        abbreviation = "." in surface
        if len(letters) <= 3 and not capitals and not (abbreviation and region_like):
            return False  # "US", "Ga." (Georgia) yes; "Us", "Dec." no
        if capitals and 1 < len(letters) <= 4 and not (region_like or abbreviation):
            return False  # an acronym ("NATO", "AMLO") that some town's alternate name happens to match
        if i in headline:
            return region_like or not single or any(gaz.population(c) >= 100_000 for c in cands)
        if single and surface in surnames and not (region_like or self._populous(cands, key, own=True)):
            return False  # "Kelly said", after "Megyn Kelly" earlier in the article
        populous = region_like or self._populous(cands, key)
        if single and not populous and lower in lex.common_words:
            return False  # a word that a small town also bears ("Santé", "Assis")
        if single and surface in lex.person_before and not self._known_as(cands, key):
            return False  # a given name that is not a well-known place ("Keith", "Levi", "Julia")
        untrusted = not gaz.is_curated(key) and (not populous or lower in lex.common_words)
        if (
            single
            and not region_like
            and (surface in surnames or untrusted)
            and not any(gaz.is_own_name(c, key) for c in cands)
        ):
            return False  # only a raw alternate name of towns: "Rashid" (Rosetta), "Zara" (Zadar), "Bush" (Būsh)
        # demonym used as a noun: "les Russes", "the Russians" naming only small towns
        if single and i > 0 and words[i - 1].lower() in lex.determiners and surface.endswith("s") and not region_like:
            return False
        if i > 0:
            before = words[i - 1]
            if before in lex.person_before:
                return False
            if _is_name_word(before) and before not in lex.modifiers and before.lower() not in lex.function_words:
                return False  # a surname: "François Hollande", "Jordan Bardella"
            if before in lex.particles and i > 1 and _is_name_word(words[i - 2]):
                return False  # "Gilbert De Paoli", "Ursula von der Leyen"
        if end < len(words):
            after = words[end]
            if (
                _is_name_word(after)
                and not sent_start[end]
                and after.lower() not in lex.region_after
                and after.lower() not in lex.function_words
                and (
                    (
                        surface in lex.person_before
                        and after.lower() not in lex.place_heads
                        and (after.lower() not in lex.common_words or after in standalone)
                    )
                    or (single and not populous and after.lower() not in lex.institutions)
                )
            ):
                return False  # a person's or a firm's name: "Paris Hilton", "Warner Music"; "George Bush" when "Bush"
                # stands alone elsewhere in the article ("the Bush administration"), unlike "Paris Police"
            if single and not region_like and after.lower() in lex.person_after:
                return False  # "the Obama administration"
        return True

    def _with_region(self, words: list[str], i: int, end: int, key: str) -> Mention:
        lex = self.lexicon
        cands = self.gazetteer.candidates(key)
        if end < len(words) and words[end].lower() in lex.region_after:
            return Mention(i, end + 1, i, end, key, cands, region=True)
        lowered = [w.lower().replace("’", "'") for w in words[max(0, i - 3) : i]]
        for pattern in lex.region_before:
            if len(pattern) <= len(lowered) and tuple(lowered[len(lowered) - len(pattern) :]) == pattern:
                return Mention(i - len(pattern), end, i, end, key, cands, region=True)
        return Mention(i, end, i, end, key, cands)

    # -- resolution ----------------------------------------------------------------------------------------

    def resolve(self, mentions: list[Mention]) -> list[tuple[PlaceAttrs | None, int]]:
        """The reading of each mention (None to drop it) and the population of the entry chosen.

        Evidence for a mention comes from the *other* names of the article (a name is no evidence for itself):
        the countries and first-level regions they name, and the countries of their likeliest readings. A second
        pass adds the coherence of the article among the readings in the country of the first pass's best: towns
        and counties in the same first-level region as, or near, the readings the first pass chose for the other
        names ("Huntsville" with Houston and Walker County is the Texan one).
        """
        gaz = self.gazetteer
        named_countries: dict[str, set[str]] = {}
        named_admins: dict[tuple[str, str], set[str]] = {}
        other_countries: dict[str, set[str]] = {}
        other_admins: dict[tuple[str, str], set[str]] = {}
        for mention in mentions:
            first = max(mention.candidates, key=self._prior, default=None)
            if first is None:
                continue
            code, cc, a1 = gaz.feature_code(first), gaz.country_code(first), gaz.admin1_code(first)
            if code in "ca" and cc:
                named_countries.setdefault(cc, set()).add(mention.key)
            if code == "a" and cc and a1 and gaz.is_admin1(first):
                named_admins.setdefault((cc, a1), set()).add(mention.key)
            if cc:
                other_countries.setdefault(cc, set()).add(mention.key)
            if code in "pa" and cc and a1 and not gaz.is_admin1(first):  # towns and counties
                other_admins.setdefault((cc, a1), set()).add(mention.key)
        first_pass: list[tuple[_Evidence, list[tuple[float, int]]]] = []
        for k, mention in enumerate(mentions):
            following = mentions[k + 1] if k + 1 < len(mentions) else None
            evidence = _Evidence(named_countries, named_admins, other_countries, other_admins, mention.key,
                                 self._apposition(mention, following),
                                 any(gaz.is_admin1(c) for c in mention.candidates))  # fmt: skip
            scored = sorted(((self._score(c, mention, evidence), c) for c in mention.candidates), reverse=True)
            first_pass.append((evidence, scored))
        chosen = self._local_choices(mentions, [scored for _, scored in first_pass])
        results: list[tuple[PlaceAttrs | None, int]] = []
        for mention, (evidence, scored) in zip(mentions, first_pass, strict=True):
            if len(scored) > 1 and chosen and gaz.feature_code(scored[0][1]) in "pa":  # a country stays a country
                cc = gaz.country_code(scored[0][1])
                scored = sorted(((score + self._coherence(c, mention.key, chosen, gaz.country_code(c) == cc), c)
                                 for score, c in scored[:COHERENCE_CANDIDATES]), reverse=True)  # fmt: skip
            if not scored or self._unsupported(mention, scored[0][1], evidence):
                results.append((None, 0))
                continue
            results.append((self._attrs(mention, scored), gaz.population(scored[0][1])))
        return results

    def _local_choices(self, mentions: list[Mention], scored: list[list[tuple[float, int]]]) -> dict[str, int]:
        """The first pass's reading of each name that is a town, county or first-level region with a point: the
        anchors of the article's coherence (countries and continents are too large to anchor anything)."""
        gaz = self.gazetteer
        chosen: dict[str, int] = {}
        for mention, ranked in zip(mentions, scored, strict=True):
            if ranked and mention.key not in chosen:
                best = ranked[0][1]
                if gaz.feature_code(best) in "pa" and gaz.point(best) is not None:
                    chosen[mention.key] = best
        return chosen

    def _coherence(self, index: int, key: str, chosen: dict[str, int], same_country: bool) -> float:
        """Bonus for a reading that lies in the same first-level region as, or near, the other names' readings. A
        reading outside the country of the first pass's best needs strong coherence (two names of its region, or
        one close by): a single American name must not move "London" to Ohio."""
        gaz = self.gazetteer
        if gaz.feature_code(index) not in "pa" or gaz.is_admin1(index):  # a region's towns are first-pass evidence
            return 0.0
        cc, a1 = gaz.country_code(index), gaz.admin1_code(index)
        point = gaz.point(index)
        same_region = 0
        nearest = math.inf
        for other_key, other in chosen.items():
            if other_key == key or other == index:
                continue
            if cc and a1 and gaz.country_code(other) == cc and gaz.admin1_code(other) == a1:
                same_region += 1
            other_point = gaz.point(other)
            if point is not None and other_point is not None:
                nearest = min(nearest, _km(point, other_point))
        bonus = min(COHERENCE_REGION_MAX, COHERENCE_REGION * same_region)
        if nearest < NEAR_KM:
            bonus += COHERENCE_NEAR
        elif nearest < AROUND_KM:
            bonus += COHERENCE_NEAR / 2
        return bonus if same_country or bonus >= COHERENCE_ABROAD else 0.0

    def _unsupported(self, mention: Mention, best: int, evidence: _Evidence) -> bool:
        """A one-word name whose likeliest reading is a small town that nothing else in the article supports
        (no first-level region of it named, no town or county of that region, no "Town, State"): more often a
        surname or a common word."""
        gaz = self.gazetteer
        if mention.name_end - mention.name_start > 1 or mention.region or gaz.feature_code(best) != "p":
            return False
        if gaz.population(best) >= SMALL_TOWN:
            return False
        cc, a1 = gaz.country_code(best), gaz.admin1_code(best)
        return not (
            evidence.names_admin(cc, a1)
            or evidence.towns_in(cc, a1) > 0
            or (evidence.apposition is not None and evidence.apposition[0] == cc)
        )

    def _prior(self, index: int) -> float:
        return self.gazetteer.prior(index)

    def _score(self, index: int, mention: Mention, evidence: _Evidence) -> float:
        gaz = self.gazetteer
        score = self._prior(index)
        cc = gaz.country_code(index)
        a1 = gaz.admin1_code(index)
        code = gaz.feature_code(index)
        if mention.region:
            score += 3.0 if code == "a" else 0.0
        if code == "c" and cc:
            score += min(2.0, 0.7 * evidence.other_places_in(cc))  # "Georgia" with Tbilisi and Gori
            if (evidence.region_rival and evidence.other_places_in(cc) == 0
                    and evidence.other_places() >= UNSUPPORTED_COUNTRY_OTHERS):  # fmt: skip
                score -= UNSUPPORTED_COUNTRY  # "Georgia" in an article whose other places are all American
        elif code == "a" and cc and a1:
            score += min(2.0, 0.7 * evidence.towns_in(cc, a1))  # "Georgia" with Atlanta and Savannah
        if cc and code != "c":
            if evidence.names_country(cc):
                score += 1.0
            if code != "a" and evidence.names_admin(cc, a1):
                score += NAMED_REGION
            score += min(1.0, 0.5 * evidence.other_places_in(cc))
            apposition = evidence.apposition
            if apposition is not None and apposition[0] == cc and (not apposition[1] or apposition[1] == a1):
                score += 4.0
        if name_key(gaz.entry(index).name) == mention.key:
            score += OWN_NAME  # the place's own name rather than one of its alternate names
        return score

    def _apposition(self, mention: Mention, following: Mention | None) -> tuple[str, str] | None:
        """ "Alexandria, Louisiana": the country and admin1 of a region or country right after a comma."""
        if following is None or following.name_start != mention.end + 1:
            return None
        gaz = self.gazetteer
        for c in following.candidates:
            code = gaz.feature_code(c)
            if code == "a":
                return gaz.country_code(c), gaz.admin1_code(c)
            if code == "c":
                return gaz.country_code(c), ""
        return None

    def _attrs(self, mention: Mention, scored: list[tuple[float, int]]) -> PlaceAttrs:
        gaz = self.gazetteer
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else 3.0
        confidence = 1 / (1 + math.exp(-margin))
        entry = gaz.entry(best)
        if mention.region and entry.feature != "admin":
            region = gaz.admin1(entry.country or "", entry.admin1 or "") if entry.admin1 else None
            if region is not None:
                return PlaceAttrs(
                    geonameid=region.geonameid,
                    name=region.name or f"{entry.name} (region)",
                    country=region.country,
                    lat=region.lat,
                    lon=region.lon,
                    feature="admin",
                    confidence=round(confidence * 0.8, 3),
                )
        if entry.lat is None:
            confidence *= 0.5
        return PlaceAttrs(
            geonameid=entry.geonameid,
            name=entry.name,
            country=entry.country,
            lat=entry.lat,
            lon=entry.lon,
            feature=entry.feature,
            confidence=round(confidence, 3),
        )

    # -- metonymy ------------------------------------------------------------------------------------------

    def _metonymic(self, doc: Doc, mention: Mention, attrs: PlaceAttrs, population: int) -> bool:
        if mention.region or attrs.feature not in ("country", "city"):
            return False
        if attrs.feature == "city" and population < METONYMY_MIN_POPULATION:
            return False
        lex = self.lexicon
        n = len(doc)
        before = [t.lower_.replace("’", "'") for t in doc[max(0, mention.start - 3) : mention.start]]
        complement = bool(before) and before[-1] in ("de", "d'", "du", "des", "of")  # "la police de Brunswick"
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
        # "le soutien de Londres", "support from London"
        if len(before) >= 2 and before[-1] in ("de", "d'", "of", "from", "by") and before[-2] in lex.metonymy_nouns:
            return True
        # "selon Moscou", "according to Kyiv"
        return any(
            len(cue) <= len(before) and tuple(before[len(before) - len(cue) :]) == cue for cue in lex.metonymy_before
        )


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km between two points (equirectangular approximation: good to a few percent under 1,000 km)."""
    dlon = (b[1] - a[1] + 180.0) % 360.0 - 180.0  # across the 180th meridian, the short way round
    x = math.radians(dlon) * math.cos(math.radians((a[0] + b[0]) / 2))
    y = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(x, y)


def _is_name_word(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word.replace("-", "").isalpha()
