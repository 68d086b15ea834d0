"""Resolution of the places stage's mentions: which gazetteer entry each name of an article means.

:class:`PlaceResolver` scores each candidate entry of a mention: a prior from its feature and population, plus
evidence from the other names of the article (a name is no evidence for itself):

- the countries and first-level regions it names (the more often a region is named, the more weight its towns and
  counties get), the countries of its other places, a "Town, State" apposition (of the readings of the name after
  the comma, the one that holds a town of the name before: "Athens, Georgia" is the American town and state, and
  the state gains as the town's region, unless the names are part of a list); a country that shares its name with
  a first-level region loses when the article's other places all lie elsewhere ("Georgia" with Atlanta and Macon);
- the country an article names (and its other places there) lends weight to the country's towns, but does not
  move a big city's own name abroad unless the article also names a small town of that country (local news):
  "Paris" with Washington and the United States is Paris, France, "London" with Strathroy is London, Ontario;
- counties and their towns choose each other: "Paris" with "Henry County" is the Paris of the Henry County that has
  one (Tennessee), whichever readings each name has;
- a first-level region gains from the names that may be sizeable towns or counties in it, whatever their likeliest
  reading ("Indiana" with Bloomington is the state, not Indiana, Pennsylvania), unless a world city bears its name;
- a name listed with names that are all countries, or all first-level regions, in the first pass is likelier one
  too: "Missouri, New York and Virginia" are three states, "la Géorgie et l'Arménie" two countries;
- the article's focus: the one first-level region where clearly more of its names may lie than anywhere else lends
  weight to its readings there, never against a country, a world city or a big city whose own name it is;
- own names over aliases: a town reached by a raw alternate name loses to a region or a comparable town whose own
  name it is ("Florida", "Oklahoma", "Palmerston"), and an old or foreign name that is no spelling of the town's
  own name weighs less ("Salisbury" is a town's own name before it is Harare's colonial one); a bare name shared
  by a first-level region and one of its towns is the town ("Kherson", "Idlib"), the region taking "région de",
  "Oblast".

A second pass reorders the towns and counties by the article's coherence: the first-level region and the distance
of the other names' first-pass readings ("Huntsville" with Houston and Walker County is the Texan one); a reading
abroad needs strong coherence, and a country stays a country. A one-word name whose best reading is a town under
SMALL_TOWN people is dropped unless the article supports it (its region or county named, a town of its region, an
apposition, a cue of place or a dateline). The confidence is a logistic function of the margin over the runner-up.

Recognition (which token runs are place names) is :mod:`.places`; this module sees only the mentions it found.
What it cannot do: local news that never names its state ("Dublin" in an Ohio paper is Dublin, Ireland here), and
readings the gazetteer lacks.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..gazetteer import Gazetteer, GazetteerEntry
from .attrs import PlaceAttrs
from .place_words import LIST_SEPARATORS

SMALL_TOWN = 5_000  # a one-word name that only names places smaller than this needs support from the article
# Second-pass coherence (see PlaceResolver.resolve): bonus per other name read in the same first-level region, its
# cap, and the bonus for a reading near another name's reading; only the best candidates of the first pass compete.
COHERENCE_REGION = 1.0
COHERENCE_REGION_MAX = 2.5
COHERENCE_NEAR = 1.0
NEAR_KM = 60.0
AROUND_KM = 200.0
COHERENCE_ABROAD = 2.0
NAMED_REGION = 3.0  # a town in a first-level region that the article names ("Louisiana")
# The article's focus: the one first-level region where more of its names may lie than anywhere else (at least
# FOCUS_MIN_NAMES, and half the names that may lie in some region) lends FOCUS_REGION to its readings there: a local
# story naming Athens, Madison and Jackson is in Georgia, and so is its "Georgia".
FOCUS_REGION = 1.5
FOCUS_MIN_NAMES = 3
WORLD_CITY = 1_000_000
PROTECTED_CITY = 100_000
REPEATED_REGION = 0.2
REPEATS_COUNTED = 5
NAMED_COUNTY = 3.0  # a town in a county that the article may name ("Paris" with "Henry County")
COUNTY_WITH_TOWN = 2.0  # a county holding a town that the article may name ("Henry County" with "Paris")
OWN_NAME = 0.5  # a reading whose own name the mention is, rather than one of its alternate names
# A town reached only by a raw (not curated) alternate name loses ALIAS_OF_REGION to a reading whose own name it is:
# a country or first-level region ("Florida" is the state, not a Californian town once called so, even in an article
# about California; "Maryland" is not Maryland City next to Severn: the penalty outweighs the named region and the
# coherence such a town gets), or a town of ALIAS_RIVAL_SHARE of its size or more. A world city keeps a short form
# of its own name: "New York" is New York City as often as the state.
ALIAS_OF_REGION = 6.0
# A village under SMALL_TOWN people that bears a country's or first-level region's own name loses this much unless
# its county is named or an apposition places it ("Kansas" in an article naming Illinois is the state).
REGION_NAMED_VILLAGE = 3.0
ALIAS_RIVAL_SHARE = 0.1
# A first-level region named like one of its towns of NAMESAKE_TOWN people or more loses CITY_NAMESAKE when the
# mention has no region word: news names the region "région de Kherson", "Kherson Oblast", and the city "Kherson".
CITY_NAMESAKE = 2.0
NAMESAKE_TOWN = 10_000
# A country reading that a first-level region shares its name with ("Georgia") loses this much when the article
# names this many other places and none in that country.
UNSUPPORTED_COUNTRY = 1.5
UNSUPPORTED_COUNTRY_OTHERS = 2
COHERENCE_CANDIDATES = 40
# A town reached by a raw alternate name that is no spelling of its own name (an old or foreign name: "Salisbury"
# of Harare) loses this much, so that a town whose own name it is, or a likelier reading, takes the name.
UNRELATED_ALIAS = 2.0
REGION_AROUND_WORDS = ("oblast", "region", "province", "governorate")  # "Moscow Oblast": the region around a city
UNRELATED_SIMILARITY = 0.5
# A first-level region gains MAY_LIE for each other name of the article that may be a town of NAMESAKE_TOWN people
# or more, or a county, in it (any of its readings), up to MAY_LIE_MAX: "Georgia" with Athens and Gainesville is the
# state, "California" with Ontario and Fresno the state, not a Maryland town. A name that a world city bears keeps
# its city ("New York" with Brooklyn).
MAY_LIE = 0.5
MAY_LIE_MAX = 1.0
# A first-level region named right after a town of its own and a comma ("Rego Park, New York", "Athens, Georgia").
APPOSED_REGION = 3.0
LIST_GAP = 2  # a name this few tokens after the region's name continues a list ("New York and Boston")
# A reading of the kind (country, first-level region) that the names listed with the mention all have gains this
# much: "Missouri, New York and Virginia" are three states, "la Géorgie et l'Arménie" two countries.
LIST_KIND = 2.0
LIST_ARTICLES = frozenset({"the", "le", "la", "les", "l'", "l’", "de", "d'", "d’", "du", "des"})


@dataclass(slots=True)
class Mention:
    start: int  # token offsets of the span to report
    end: int
    name_start: int  # the place name itself, without region words
    name_end: int
    key: str
    candidates: tuple[int, ...]
    region: bool = False  # a region pattern ("région de X") matched around it
    placed: bool = False  # the article puts it as a place: a cue of place ("in X", "à X") or a dateline
    comma_after: bool = False  # a comma follows it: the name after may place it ("Alexandria, Louisiana")
    next_words: tuple[str, ...] = ()  # the words right after it (three), lower-cased: a list goes on after "," "and"
    scores: list[float] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _NameFacts:
    """What the gazetteer says of one name, computed once per name of an article (not once per candidate)."""

    region_rival: bool  # a first-level region's reading ("Georgia"): a country reading competes
    country_rival: bool  # a country's reading ("China", "Mexico")
    world_city: bool  # a city of WORLD_CITY people or more ("London", "Paris")
    own_region: bool  # the own name of a country or first-level region ("Florida", "Oklahoma")
    own_town_population: int  # the largest town whose own name it is (-1: none)
    protected: tuple[str, str] | None  # (country, admin1) of a city of PROTECTED_CITY people or more whose own
    # name (or exonym) it is and that is the name's likeliest reading, or whose region is: the focus of the article
    # does not move it ("Athens"), nor does a country the article names ("Genève" with the United States)
    curated: bool  # a curated name (exonym tables, CLDR): meant for all its readings

    @classmethod
    def of(cls, gaz: Gazetteer, key: str, candidates: tuple[int, ...]) -> _NameFacts:
        own = [c for c in candidates if gaz.is_own_name(c, key)]
        first = max(candidates, key=gaz.prior, default=None)
        protected = None
        named = own if not gaz.is_curated(key) else list(candidates)  # an exonym names its city too ("Genève")
        big = max((c for c in named if gaz.feature_code(c) == "p"), key=gaz.population, default=None)
        if (first is not None and big is not None and gaz.population(big) >= PROTECTED_CITY
                and (first == big or (gaz.feature_code(first) == "a"
                                      and gaz.country_code(first) == gaz.country_code(big)))):  # fmt: skip
            # the likeliest reading is the city, or its own region ("Geneva", the canton): the city is protected
            protected = (gaz.country_code(big), gaz.admin1_code(big))
        return cls(
            region_rival=any(gaz.is_admin1(c) for c in candidates),
            country_rival=any(gaz.feature_code(c) == "c" for c in candidates),
            world_city=any(gaz.feature_code(c) == "p" and gaz.population(c) >= WORLD_CITY for c in candidates),
            own_region=any(gaz.feature_code(c) == "c" or gaz.is_admin1(c) for c in own),
            own_town_population=max((gaz.population(c) for c in own if gaz.feature_code(c) == "p"), default=-1),
            protected=protected,
            curated=gaz.is_curated(key),
        )


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the rest of the article says, seen from one mention (its own name excluded)."""

    countries: dict[str, set[str]]  # country code -> keys of the names that name it
    admins: dict[tuple[str, str], set[str]]
    others: dict[str, set[str]]  # country code -> keys of the names whose likeliest reading lies there
    admin_others: dict[tuple[str, str], set[str]]  # (country, admin1) -> keys of the towns likeliest there
    key: str
    apposition: tuple[str, str] | None  # "Town, State": the country and admin1 of the name after the comma
    names: _NameFacts  # what the gazetteer says of the mention's name itself
    # (country, admin1, admin2) -> keys of the names that *may* be that county (any of their readings), and of the
    # names that may be a town in it: "Paris" with "Henry County" is the Paris of the Henry County that has one
    counties: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)
    county_towns: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)
    admin_mentions: Counter[tuple[str, str]] = field(default_factory=Counter)  # how often each region is named
    focus: tuple[str, str] | None = None  # the article's focus region (see FOCUS_REGION)
    # (country, admin1) -> keys of the names that may be a town of NAMESAKE_TOWN people or more, or a county, there
    possible: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # "Town, State" seen from the state: the first-level regions and countries where the name before the comma may
    # be a town ("Rego Park, New York" is the state, "Athens, Georgia" the American one)
    apposed_to: frozenset[tuple[str, str]] = frozenset()
    small_towns: dict[str, set[str]] = field(default_factory=dict)  # country -> names likeliest a town there under
    # PROTECTED_CITY people: the mark of local news, where the country's towns outweigh a big city abroad

    def small_towns_in(self, cc: str) -> int:
        return len(self.small_towns.get(cc, set()) - {self.key})

    def names_country(self, cc: str) -> bool:
        return bool(self.countries.get(cc, set()) - {self.key})

    def names_admin(self, cc: str, a1: str) -> bool:
        return bool(self.admins.get((cc, a1), set()) - {self.key})

    def other_places_in(self, cc: str) -> int:
        return len(self.others.get(cc, set()) - {self.key})

    def towns_in(self, cc: str, a1: str) -> int:
        return len(self.admin_others.get((cc, a1), set()) - {self.key})

    def may_lie_in(self, cc: str, a1: str) -> int:
        return len(self.possible.get((cc, a1), set()) - {self.key})

    def names_county(self, county: tuple[str, str, str]) -> bool:
        return bool(self.counties.get(county, set()) - {self.key})

    def towns_in_county(self, county: tuple[str, str, str]) -> bool:
        return bool(self.county_towns.get(county, set()) - {self.key})

    def other_places(self) -> int:
        """How many other names of the article have a likeliest reading in some country."""
        return len(set().union(*self.others.values()) - {self.key}) if self.others else 0


class PlaceResolver:
    """Chooses the reading of every mention of one article, from the gazetteer and the article's other names."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

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
        admin_mentions: Counter[tuple[str, str]] = Counter()
        other_countries: dict[str, set[str]] = {}
        other_admins: dict[tuple[str, str], set[str]] = {}
        small_towns: dict[str, set[str]] = {}
        for mention in mentions:
            first = max(mention.candidates, key=self._prior, default=None)
            if first is None:
                continue
            code, cc, a1 = gaz.feature_code(first), gaz.country_code(first), gaz.admin1_code(first)
            if code in "ca" and cc:
                named_countries.setdefault(cc, set()).add(mention.key)
            if code == "a" and cc and a1 and gaz.is_admin1(first):
                named_admins.setdefault((cc, a1), set()).add(mention.key)
                admin_mentions[(cc, a1)] += 1
            if cc:
                other_countries.setdefault(cc, set()).add(mention.key)
            if code == "p" and cc and gaz.population(first) < PROTECTED_CITY:
                small_towns.setdefault(cc, set()).add(mention.key)
            if code in "pa" and cc and a1 and not gaz.is_admin1(first):  # towns and counties
                other_admins.setdefault((cc, a1), set()).add(mention.key)
        counties, county_towns = self._county_evidence(mentions)
        focus = self._focus_region(mentions)
        possible = self._possible_regions(mentions)
        first_pass: list[tuple[_Evidence, list[tuple[float, int]]]] = []
        facts: dict[str, _NameFacts] = {}
        for k, mention in enumerate(mentions):
            following = mentions[k + 1] if k + 1 < len(mentions) else None
            if mention.key not in facts:
                facts[mention.key] = _NameFacts.of(gaz, mention.key, mention.candidates)
            names = facts[mention.key]
            evidence = _Evidence(named_countries, named_admins, other_countries, other_admins, mention.key,
                                 self._apposition(mention, following), names, counties=counties,
                                 county_towns=county_towns, admin_mentions=admin_mentions, focus=focus,
                                 possible=possible, apposed_to=self._towns_before(mentions, k),
                                 small_towns=small_towns)  # fmt: skip
            scored = sorted(((self._score(c, mention, evidence), c) for c in mention.candidates), reverse=True)
            first_pass.append((evidence, scored))
        chosen = self._local_choices(mentions, [scored for _, scored in first_pass])
        kinds = [self._kind(scored[0][1]) if scored else "" for _, scored in first_pass]
        results: list[tuple[PlaceAttrs | None, int]] = []
        for k, (mention, (evidence, scored)) in enumerate(zip(mentions, first_pass, strict=True)):
            listed = self._list_kind(mentions, kinds, k)
            if listed and len(scored) > 1:  # "Missouri, New York and Virginia": New York the state
                scored = sorted(((score + LIST_KIND * (self._kind(c) == listed), c) for score, c in scored),
                                reverse=True)  # fmt: skip
            if len(scored) > 1 and chosen and gaz.feature_code(scored[0][1]) in "pa":  # a country stays a country
                cc = gaz.country_code(scored[0][1])
                scored = sorted(((score + self._coherence(c, mention.key, chosen, gaz.country_code(c) == cc), c)
                                 for score, c in scored[:COHERENCE_CANDIDATES]), reverse=True)  # fmt: skip
            if not scored or self._unsupported(mention, scored[0][1], evidence):
                results.append((None, 0))
                continue
            results.append((self._attrs(mention, scored), gaz.population(scored[0][1])))
        return results

    def _focus_region(self, mentions: list[Mention]) -> tuple[str, str] | None:
        """The first-level region (country, admin1) where clearly more of the article's names may lie than in any
        other (any reading counts: a town, a county or the region itself), or None."""
        gaz = self.gazetteer
        names_in: dict[tuple[str, str], set[str]] = {}
        in_some_region: set[str] = set()
        for mention in mentions:
            for c in mention.candidates:
                cc, a1 = gaz.country_code(c), gaz.admin1_code(c)
                if cc and a1 and gaz.feature_code(c) in "pa":
                    names_in.setdefault((cc, a1), set()).add(mention.key)
                    in_some_region.add(mention.key)
        ranked = sorted(((len(keys), region) for region, keys in names_in.items()), reverse=True)
        if not ranked:
            return None
        top, region = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0
        return region if top >= FOCUS_MIN_NAMES and top > runner_up and 2 * top >= len(in_some_region) else None

    def _possible_regions(self, mentions: list[Mention]) -> dict[tuple[str, str], set[str]]:
        """The first-level regions where each name may be a sizeable town or a county (any of its readings)."""
        gaz = self.gazetteer
        regions: dict[tuple[str, str], set[str]] = {}
        for mention in mentions:
            for c in mention.candidates:
                cc, a1 = gaz.country_code(c), gaz.admin1_code(c)
                if cc and a1 and ((gaz.feature_code(c) == "p" and gaz.population(c) >= NAMESAKE_TOWN)
                                  or gaz.is_admin2(c)):  # fmt: skip
                    regions.setdefault((cc, a1), set()).add(mention.key)
        return regions

    def _county_evidence(self, mentions: list[Mention]) -> tuple[dict[tuple[str, str, str], set[str]],
                                                                  dict[tuple[str, str, str], set[str]]]:  # fmt: skip
        """The counties that each name may be, and the counties of the towns that each name may be (every reading
        counts: which "Henry County" is meant is what the towns of the article tell)."""
        gaz = self.gazetteer
        counties: dict[tuple[str, str, str], set[str]] = {}
        towns: dict[tuple[str, str, str], set[str]] = {}
        for mention in mentions:
            for c in mention.candidates:
                a2 = gaz.admin2_code(c)
                if not a2:
                    continue
                county = (gaz.country_code(c), gaz.admin1_code(c), a2)
                if gaz.feature_code(c) == "p":
                    towns.setdefault(county, set()).add(mention.key)
                elif gaz.is_admin2(c):
                    counties.setdefault(county, set()).add(mention.key)
        return counties, towns

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
        """A one-word name whose likeliest reading is a small town that nothing else in the article supports (no
        first-level region or county of it named, no town or county of that region, no "Town, State", no cue of
        place or dateline): more often a surname or a common word."""
        gaz = self.gazetteer
        if mention.name_end - mention.name_start > 1 or mention.region or mention.placed:
            return False
        if gaz.feature_code(best) != "p":
            return False
        if gaz.population(best) >= SMALL_TOWN:
            return False
        cc, a1 = gaz.country_code(best), gaz.admin1_code(best)
        a2 = gaz.admin2_code(best)
        return not (
            evidence.names_admin(cc, a1)
            or evidence.towns_in(cc, a1) > 0
            or (bool(a2) and evidence.names_county((cc, a1, a2)))
            or (evidence.apposition is not None and evidence.apposition[0] == cc)
        )

    def _prior(self, index: int) -> float:
        return self.gazetteer.prior(index)

    def _score(self, index: int, mention: Mention, evidence: _Evidence) -> float:
        gaz = self.gazetteer
        names = evidence.names
        score = self._prior(index)
        cc = gaz.country_code(index)
        a1 = gaz.admin1_code(index)
        code = gaz.feature_code(index)
        if mention.region:
            score += 3.0 if code == "a" else 0.0
        elif code == "a" and gaz.is_admin1(index) and self._has_town_in(mention, cc, a1):
            score -= CITY_NAMESAKE  # a bare "Kherson", "Idlib", "Kidal" is the city; the region takes "région de"
        # the focus does not move "China" from the country, or "London" or "Athens" from the big city whose own
        # name it is, to a namesake town
        if (code in "pa" and evidence.focus is not None and evidence.focus == (cc, a1)
                and (gaz.is_admin1(index) or not (names.country_rival or names.world_city
                                                   or (names.protected not in (None, evidence.focus))))):  # fmt: skip
            score += FOCUS_REGION
        if code == "c" and cc:
            score += min(2.0, 0.7 * evidence.other_places_in(cc))  # "Georgia" with Tbilisi and Gori
            if (names.region_rival and evidence.other_places_in(cc) == 0
                    and evidence.other_places() >= UNSUPPORTED_COUNTRY_OTHERS):  # fmt: skip
                score -= UNSUPPORTED_COUNTRY  # "Georgia" in an article whose other places are all American
        elif code == "a" and cc and a1:
            score += min(2.0, 0.7 * evidence.towns_in(cc, a1))  # "Georgia" with Atlanta and Savannah
            if gaz.is_admin1(index) and (cc, a1) in evidence.apposed_to:
                score += APPOSED_REGION
            if gaz.is_admin1(index) and not names.world_city:
                score += min(MAY_LIE_MAX, MAY_LIE * evidence.may_lie_in(cc, a1))
        if cc and code != "c":
            # the country an article names does not move a big city's own name abroad: "Paris" with Washington
            # and the United States is still Paris, France (its region, county or an apposition may move it)
            by_country = not (
                code == "p"
                and names.protected is not None
                and names.protected[0] != cc
                and not evidence.small_towns_in(cc)
            )
            if by_country and evidence.names_country(cc):
                score += 1.0
            if (code != "a" or gaz.is_admin2(index)) and evidence.names_admin(cc, a1):  # a town or a county
                # the more often the article names the region, the likelier its towns: "Boone County" in an
                # article that names Indiana five times and Kentucky once
                score += NAMED_REGION + REPEATED_REGION * min(REPEATS_COUNTED, evidence.admin_mentions[(cc, a1)] - 1)
            a2 = gaz.admin2_code(index)
            if a2 and code == "p" and evidence.names_county((cc, a1, a2)):
                score += NAMED_COUNTY
            elif (code == "p" and names.own_region and gaz.population(index) < SMALL_TOWN
                  and not (evidence.apposition is not None and evidence.apposition[0] == cc)):  # fmt: skip
                score -= REGION_NAMED_VILLAGE  # "Kansas" with Illinois is the state, not a village of Illinois
            elif a2 and evidence.towns_in_county((cc, a1, a2)) and gaz.is_admin2(index):
                score += COUNTY_WITH_TOWN
            if by_country:
                score += min(1.0, 0.5 * evidence.other_places_in(cc))
            apposition = evidence.apposition
            if apposition is not None and apposition[0] == cc and (not apposition[1] or apposition[1] == a1):
                score += 4.0
        if gaz.is_own_name(index, mention.key):
            score += OWN_NAME  # the place's own name rather than one of its alternate names
        elif code == "p" and not names.curated and self._loses_alias(index, mention.key, names):
            score -= ALIAS_OF_REGION  # a curated name is meant for its towns too
        elif code == "p" and not names.curated and _unrelated(mention.key, gaz.own_key(index)):
            score -= UNRELATED_ALIAS  # an old or foreign name of the town, not a spelling of its own
        return score

    def _has_town_in(self, mention: Mention, cc: str, a1: str) -> bool:
        """Whether one of the mention's town readings of NAMESAKE_TOWN people or more lies in region (cc, a1) and
        bears the name as its own or a curated one ("New York" is only an alternate name of New York City)."""
        gaz = self.gazetteer
        named = gaz.is_curated(mention.key)
        return any(gaz.feature_code(c) == "p" and gaz.country_code(c) == cc and gaz.admin1_code(c) == a1
                   and gaz.population(c) >= NAMESAKE_TOWN and (named or gaz.is_own_name(c, mention.key))
                   for c in mention.candidates)  # fmt: skip

    def _loses_alias(self, index: int, key: str, names: _NameFacts) -> bool:
        """Whether a town reached by the name as an alternate name loses to a reading whose own name it is: a
        country or first-level region ("Florida" is the state, not a Californian town once called so; "Oklahoma" is
        not Oklahoma City), or a town of ALIAS_RIVAL_SHARE of its size or more ("Palmerston" is an Australian town's
        own name, and only a raw alternate name of Darwin; "Jenin" is also a Polish village's own name, too small to
        take it from the Palestinian city). A world city keeps a short form of its own name ("New York" may be New
        York City), not an old name another place bears ("Berea" is not Aleppo)."""
        gaz = self.gazetteer
        population = gaz.population(index)
        if population >= WORLD_CITY and gaz.own_key(index).startswith(key + " "):
            return False
        return names.own_region or names.own_town_population >= ALIAS_RIVAL_SHARE * population

    def _kind(self, index: int) -> str:
        """ "country", "region" (first-level) or "" (a town, county or anything else)."""
        gaz = self.gazetteer
        if gaz.feature_code(index) == "c":
            return "country"
        return "region" if gaz.is_admin1(index) else ""

    def _list_kind(self, mentions: list[Mention], kinds: list[str], k: int) -> str:
        """The kind ("country" or "region") that the names listed right before and after mention ``k`` both have
        in the first pass ("A, B and C", "A et B"), or "" when they differ, are towns, or there is no list."""
        around = set()
        if k > 0 and _listed(mentions[k - 1], mentions[k]):
            around.add(kinds[k - 1])
        if k + 1 < len(mentions) and _listed(mentions[k], mentions[k + 1]):
            around.add(kinds[k + 1])
        return around.pop() if len(around) == 1 else ""

    def _towns_before(self, mentions: list[Mention], k: int) -> frozenset[tuple[str, str]]:
        """The (country, admin1) of the town readings of the name right before mention ``k`` and a comma ("Rego
        Park, New York"): the first-level regions that mention ``k``, as an apposition, may be. A name in a list is
        no apposition ("Miami, West Palm Beach, New York and Detroit")."""
        mention = mentions[k]
        before = mentions[k - 1] if k > 0 else None
        if before is None or not _joined(before, mention):
            return frozenset()
        if (k > 1 and _joined(mentions[k - 2], before)) or (
            k + 1 < len(mentions) and mentions[k + 1].name_start <= mention.end + LIST_GAP
        ):
            return frozenset()
        gaz = self.gazetteer
        return frozenset((gaz.country_code(c), gaz.admin1_code(c)) for c in before.candidates
                         if gaz.feature_code(c) == "p" and gaz.country_code(c))  # fmt: skip

    def _apposition(self, mention: Mention, following: Mention | None) -> tuple[str, str] | None:
        """ "Alexandria, Louisiana": the country and admin1 of a region or country right after a comma; of the
        readings of that name, the first that holds a town reading of this one ("Athens, Georgia": the state)."""
        if following is None or not _joined(mention, following):
            return None
        gaz = self.gazetteer
        readings = [(gaz.country_code(c), gaz.admin1_code(c) if gaz.feature_code(c) == "a" else "")
                    for c in following.candidates if gaz.feature_code(c) in "ac"]  # fmt: skip
        towns = {(gaz.country_code(c), gaz.admin1_code(c)) for c in mention.candidates if gaz.feature_code(c) == "p"}
        holding = [(cc, a1) for cc, a1 in readings if (cc, a1) in towns or (not a1 and any(t[0] == cc for t in towns))]
        ranked = holding or readings
        return ranked[0] if ranked else None

    def _attrs(self, mention: Mention, scored: list[tuple[float, int]]) -> PlaceAttrs:
        gaz = self.gazetteer
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else 3.0
        confidence = 1 / (1 + math.exp(-margin))
        entry = gaz.entry(best)
        if mention.region and gaz.is_admin1(best) and gaz.own_key(best).startswith(mention.key):
            entry = self._region_around(mention, best, entry) or entry  # "Moscow region": not the city's own
        if mention.region and entry.feature != "admin":
            region = gaz.admin1(entry.country or "", entry.admin1 or "") if entry.admin1 else None
            if region is not None and gaz.own_key(region.index).startswith(gaz.own_key(best)):
                region = self._region_around(mention, best, region) or region
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

    def _region_around(self, mention: Mention, town: int, city_region: GazetteerEntry) -> GazetteerEntry | None:
        """For "région de Moscou", "Kyiv Oblast": the region around a city that is a first-level region of its own
        (Moscow, Kyiv City), where the index has one named after the city ("Moscow Oblast", "Kiev")."""
        gaz = self.gazetteer
        cc = gaz.country_code(town)
        keys = {mention.key, gaz.own_key(town)}
        found = [c for key in keys for c in gaz.candidates(key)]
        found += [c for key in keys for word in REGION_AROUND_WORDS for c in gaz.candidates(f"{key} {word}")]
        around = [c for c in found if gaz.is_admin1(c) and gaz.country_code(c) == cc and c != city_region.index]
        return gaz.entry(around[0]) if around else None


def _unrelated(key: str, own: str) -> bool:
    """Whether a name is no spelling of a place's own name ("Salisbury" of Harare, "Moria" of Jerusalem), as
    against a variant ("Kiev" of Kyiv)."""
    return SequenceMatcher(None, key, own).ratio() < UNRELATED_SIMILARITY


def _listed(first: Mention, second: Mention) -> bool:
    """Whether two names stand next to each other in a list: "A, B", "A and B", "A, and B", "A et l'B", "de A, de
    B et de C"."""
    gap = second.name_start - first.end  # the words between the two names
    between = first.next_words[:gap]
    if gap < 1 or len(between) != gap:
        return False
    return (
        bool(between)
        and between[0] in LIST_SEPARATORS
        and all(word in LIST_SEPARATORS or word in LIST_ARTICLES for word in between[1:])
    )


def _joined(first: Mention, second: Mention) -> bool:
    """Whether ``second`` follows ``first`` right after a comma ("Rego Park, New York")."""
    return first.comma_after and second.name_start == first.end + 1


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km between two points (equirectangular approximation: good to a few percent under 1,000 km)."""
    dlon = (b[1] - a[1] + 180.0) % 360.0 - 180.0  # across the 180th meridian, the short way round
    x = math.radians(dlon) * math.cos(math.radians((a[0] + b[0]) / 2))
    y = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(x, y)
