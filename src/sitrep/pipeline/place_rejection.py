"""The places stage's rejection rules (:class:`RejectionRules`): why a name that the gazetteer has is no toponym there.

Each rule reads the name, its neighbours, the gazetteer's readings of it and what the stage read off the whole
article (:class:`~.place_article.ArticleReading`). A match is rejected when:
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
- the article uses it as a surname, unless a locative cue stands before it here; after a given name ("Anne
  Hidalgo", "Brendan Jordan"), whatever the place, except a country, a continent or a first-level region's own name
  that no speech verb makes speak ("Hidalgo a déclaré" is the mayor; "Washington" in an article on George
  Washington stays the city); after any other word, unless it is such a region or a big town's own name or the
  article places it somewhere ("Historic Dublin" once does not make "Dublin" a surname);
- it is one word next to a speech verb in the article and names no country, continent or big town by its own name;
- it is one word naming only places under 100,000 people that is a common word of the language (the lemma
  table and ``place_common_words.txt``: "Santé", "Cassis"), unless the article places it ("in Sycamore");
- it is one word that is a common word and opens a sentence or a quotation ("« Média manipulé »", "Tête baissée,
  il..."), unless the article places it, it is a curated name, a country, continent or sea, or a town of 500,000
  people or more, or a big town's own name before a verb it is the subject of ("Rennes a battu Lyon");
  recognition undoes this refusal when the article takes the same name elsewhere ("Oxford City Council ... in
  Oxford");
- it has several words, one an article or a connector, all common words of the language, and is only some
  town's alternate name ("l'Hôtel de Ville de Verdun", "La Paix");
- it is one word of a small place before a hyphen and a word with a digit or a lower-case particle ("Sars-Cov-2",
  "Dasht-e-Barchi"), part of a longer word ("Chicago-based" stays);
- it comes after a cue of ``place_name_before.txt`` ("l'administration Obama", "le prophète Abraham", "le
  mouvement Amal", "l'église Santa Maria"): a cue of two words or more refuses any place ("la maladie de
  Kawasaki", "le syndrome de Stockholm"); a one-word cue spares countries and continents, and big towns' own names
  when the name has one word; or one word of a small place between
  quotation marks (a nickname: « Palmerston »); or one word of a small place before an initial and a surname
  ("Seymour M. Hersh"); or several words starting with a given name, none a common word ("Maria Teresa Duran",
  "Pedro Sanchez"), that nothing in the article places;
- it is one word that is a given name ("Keith", "Julia") and names no country, sea, first-level region or town
  of 100,000 people or more by its own name or a curated exonym ("Julia" is only an old name of Plovdiv), unless a
  locative cue stands before it or it stands in a list of two places or more ("Douglas, Lancaster and Sarpy");
  or a given name, whatever place it names, with no locative cue, that a comma and an age of
  ``place_age_after.txt`` follow ("Daniel, 10 ans"), that stands in a list next to a given name that is no
  well-known place ("Charlotte et Lucy"), or that the article writes before a surname ("Charlotte Dupont ...
  Charlotte a dit") and neither places nor makes a region;
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

A refusal of :data:`LIST_REASONS` is undone by recognition when the name stands in a list of places.

What it cannot do: the rules are word-shape and gazetteer heuristics, not a parser: a surname that is also a town
name is caught only when the article gives the full name once or makes the name speak.
"""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer, name_key
from .place_article import ArticleReading
from .place_lexicon import PlaceLexicon
from .place_words import ARTICLES, INITIAL, LIST_SEPARATORS, ending, is_located, is_name_word, region_span

_ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|er|re|ère|ème|eme|th|st|nd|rd)")  # "au XIXe siècle", "the XIXth"
SHORT_CUE_POPULATION = 100_000  # a short name after a cue of place: a big town's ("près de Gao")
SHORT_ALONE_POPULATION = 500_000  # a short name with no cue: a very big town's ("Ufa")
QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”"})
OPENING_QUOTES = frozenset({'"', "«", "“"})  # a quotation opens after one
AGE_NUMBER = "<n>"  # stands for a number in ``place_age_after.txt``
LIST_REASONS = frozenset({"given-name"})  # refusals that a list of places around the name undoes
DISCOURSE_REASONS = frozenset({"common-word-first"})  # refusals undone by the same name taken elsewhere


class RejectionRules:
    """Judges each name the gazetteer matched: :meth:`reason` says why it is no toponym there."""

    def __init__(self, gazetteer: Gazetteer, lexicon: PlaceLexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon

    def reason(self, article: ArticleReading, i: int, end: int, key: str) -> str:
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
        if key in lex.directions and region_span(lex, words, i, end) is None:
            return "direction"  # "l'Asie du Sud-Est", "le Nord-Est du pays" (not Haiti's departments)
        cands = gaz.candidates(key)
        region_like = any(gaz.feature_code(c) in "cao" for c in cands)
        abbreviation = "." in surface
        # the article makes it a place: a dateline, a "Town, State" apposition; or a preposition of place before it
        vouched = key in article.established
        located = vouched or is_located(lex, words, i, end)
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
            and not located
            and self._surname_here(article, surface, cands, key, well_known or placed)
        ):
            return "surname-elsewhere"  # "Kelly said" after "Megyn Kelly"; "Hidalgo a déclaré" after "Anne Hidalgo"
        if (
            single
            and surface in article.speakers
            and not (located or well_known or any(gaz.feature_code(c) in "co" for c in cands))
        ):
            return "speaker"  # "Nelson says", "said Noma"
        if single and not populous and lower in lex.common_words and not placed:
            return "common-word"  # a word that a small town also bears ("Santé", "Assis")
        opening = single and lower in lex.common_words and self._opens(article, i)
        if opening and not (placed or self._eminent(cands, key) or (well_known and self._subject(words, end))):
            return "common-word-first"  # "« Média manipulé »", "Tête baissée, il...": a capital the sentence gives
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
        cue = self._name_cue(words, i)
        if cue and (len(cue) > 1 or not (strong if single else any(gaz.feature_code(c) in "co" for c in cands))):
            return "name-before-word"  # "l'administration Obama", "le magazine américain Time", "l'église Santa Maria"
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
            and INITIAL.fullmatch(words[end])
            and is_name_word(words[end + 1])
        ):
            return "given-name-run"  # "Seymour M. Hersh": a name, an initial and a surname
        if not single and words[i] in lex.person_before and not (strong or region_like or placed or vouched):
            rest = words[i + 1 : end]
            if is_name_word(words[i]) and all(
                is_name_word(w) and w.lower() not in lex.common_words | lex.place_heads for w in rest
            ):
                return "given-name-first"  # "Maria Teresa Duran", "le gouvernement de Pedro Sanchez"
        if single and surface in lex.person_before and not (located or self._known_as(cands, key)):
            return "given-name"  # a given name that is not a well-known place ("Keith", "Levi", "Julia")
        if (
            single
            and surface in lex.person_before
            and not located
            and (
                (surface in article.given_names and not (region_like or placed))
                or self._age_after(words, end)
                or self._listed_with_given_name(words, i, end)
            )
        ):
            return "given-name-person"  # "Charlotte" after "Charlotte Dupont", "Daniel, 10 ans", "Charlotte et Lucy"
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
            and not (end < len(words) and (is_name_word(words[end]) or words[end] in "-/"))
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
                INITIAL.fullmatch(after)
                or (after in lex.person_before and end + 1 < len(words) and is_name_word(words[end + 1]))
            ):
                return "given-name-run"  # "Mary Z. Connaughton", "Mary Grace O'Brien"
            if (
                is_name_word(after)
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

    def _person_before(self, article: ArticleReading, i: int, cands: tuple[int, ...], lower: str, in_headline: bool,
                       well_known: bool) -> str:  # fmt: skip
        """Why the word before the name makes it part of a person's name; empty when it does not."""
        lex = self.lexicon
        words = article.words
        if i == 0:
            return ""
        before = words[i - 1]
        if INITIAL.fullmatch(before) and i > 1 and is_name_word(words[i - 2]):
            before = words[i - 2]  # "Matthew D. Flores"
        if before in lex.person_before or before.lower() in lex.titles:
            return "after-given-name"  # "Keith Lincoln", "President Obama"
        if in_headline:
            return ""  # every word of a title-case headline is capitalised: only a given name tells
        if before in "-‐" and i > 1 and is_name_word(words[i - 2]):
            if not words[i - 2].isupper() and (
                (i > 2 and words[i - 3] in lex.person_before) or words[i - 2] in article.surnames
            ):
                return "compound-surname"  # "Mario Diaz-Balart", "Netanyahu-Lieberman" (not "Hartsfield-Jackson")
            return ""
        country = any(self.gazetteer.feature_code(c) == "c" for c in cands) and lower not in lex.common_words
        if (
            is_name_word(before)
            and before not in lex.modifiers
            and before.lower() not in lex.function_words
            and not country  # "Air Zimbabwe", "HSBC Malta", "Environment Canada": a country's name inside a firm's
            and not self._descriptive(before, lower, well_known)
            and not (self._many_words(lower) and not words[i].isupper())  # "LA LOI SUR LES LOYERS"
        ):
            return "after-name"  # a surname: "François Hollande", "Jordan Bardella"
        if before in lex.particles and i > 1 and is_name_word(words[i - 2]):
            return "after-particle"  # "Gilbert De Paoli", "Ursula von der Leyen"
        return ""

    def _name_cue(self, words: list[str], i: int) -> tuple[str, ...]:
        """The cue of ``place_name_before.txt`` that stands before the name, or before a demonym before it ("le
        mouvement Amal", "la maladie de Kawasaki", "le magazine américain Time"); empty when none does."""
        lex = self.lexicon
        if not lex.name_before:
            return ()
        longest = len(lex.name_before[0])
        before = [w.lower().replace("’", "'") for w in words[max(0, i - longest - 1) : i]]
        cue = ending(before, lex.name_before)
        if cue is None and len(before) > 1 and before[-1] in lex.demonyms:
            cue = ending(before[:-1], lex.name_before)
        return cue or ()

    def _opens(self, article: ArticleReading, i: int) -> bool:
        """Whether the name opens a sentence or a quotation ("« Média manipulé »"), where a common word is
        capitalised whatever it means."""
        words = article.words
        return article.sent_start[i] or (i > 0 and words[i - 1] in OPENING_QUOTES)

    def _eminent(self, cands: tuple[int, ...], key: str) -> bool:
        """Whether the name is a curated one of the language ("Écosse", "Méditerranée"), a country's, a continent's or
        a sea's, or a town's of 500,000 people or more by any of its names ("Vienne" is Vienna's French name): such
        a place keeps a name that is also a common word at the head of a sentence."""
        gaz = self.gazetteer
        return gaz.is_curated(key) or any(
            gaz.feature_code(c) in "co" or gaz.population(c) >= SHORT_ALONE_POPULATION for c in cands
        )

    def _subject(self, words: list[str], end: int) -> bool:
        """Whether a verb of :attr:`~.place_lexicon.PlaceLexicon.subject_verbs` follows the name, maybe after words of
        ``place_skip.txt`` ("Rennes a battu Lyon", "Rennes n'a pas"): it is the verb's subject."""
        lex = self.lexicon
        k = end
        while (
            k < len(words)
            and k - end < 4
            and words[k].lower() in lex.skip
            and words[k].lower() not in lex.subject_verbs
        ):
            k += 1
        return k < len(words) and words[k].lower() in lex.subject_verbs

    def _age_after(self, words: list[str], end: int) -> bool:
        """Whether a comma and a person's age of ``place_age_after.txt`` follow the name ("Daniel, 10 ans")."""
        if end + 1 >= len(words) or words[end] != ",":
            return False
        after = words[end + 1 : end + 4]
        return any(
            len(pattern) <= len(after)
            and all(
                (w.isdigit() and len(w) <= 3) if p == AGE_NUMBER else w.lower() == p
                for p, w in zip(pattern, after, strict=False)
            )
            for pattern in self.lexicon.age_after
        )

    def _listed_with_given_name(self, words: list[str], i: int, end: int) -> bool:
        """Whether the name stands in a list next to a given name that names no well-known place ("Charlotte et
        Lucy", "Lucy and Charlotte")."""
        lex, gaz = self.lexicon, self.gazetteer
        for k, sep in ((end + 1, end), (i - 2, i - 1)):
            if not (0 <= k < len(words) and words[sep].lower() in LIST_SEPARATORS and words[k] in lex.person_before):
                continue
            if k + 1 < len(words) and words[k + 1][:1].isupper():
                continue  # "Paris and Henry County": the other word starts a longer name
            other = name_key(words[k])
            if not self._known_as(gaz.candidates(other), other):
                return True
        return False

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

    def _surname_here(self, article: ArticleReading, surface: str, cands: tuple[int, ...], key: str,
                      known: bool) -> bool:  # fmt: skip
        """Whether a name that the article uses as a surname is one here, standing alone with no cue of place: after
        a given name in the article ("Elizabeth Fairfield"), it is, unless it names a country, a continent or a
        first-level region and no speech verb makes it speak ("Washington" in an article on George Washington's
        house; "Hidalgo a déclaré" after "Anne Hidalgo"); after any other word ("Megyn Kelly"), only when it is no
        such region, no big town's own name and nothing in the article places it (``known``)."""
        proof = self._surname_proof(cands, key)
        if surface in article.given_surnames:
            return not proof or surface in article.speakers
        return not (known or proof)

    def _surname_proof(self, cands: tuple[int, ...], key: str) -> bool:
        """Whether a name that the article gives as a surname is still a place when it stands alone: a country or
        continent, or a first-level region's own name ("Georgia", "Virginia")."""
        gaz = self.gazetteer
        return any(gaz.feature_code(c) in "co" or (gaz.is_admin1(c) and gaz.is_own_name(c, key)) for c in cands)

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
