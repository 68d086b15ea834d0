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

Resolution is :mod:`.place_resolution`. Metonymy ("Moscou a affirmé", "le soutien de Londres", "according to
Kyiv") is flagged for countries and cities of 100,000 inhabitants or more by cue verbs, nouns and prepositions from
the language's ``place_metonymy_*`` files.

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
import re
from collections.abc import Mapping
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
MAX_LOWER_WORDS = 2  # lower-case words (not connectors) a name may hold: "République démocratique du Congo"
METONYMY_MIN_POPULATION = 100_000
TITLE_CASE_SHARE = 0.85  # a sentence whose words are this capitalised is a headline in title case
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "the"})


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


def _is_name_word(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word.replace("-", "").isalpha()
