"""Linking ISO 3166-2 subdivisions (``pycountry``) to GeoNames first-level regions by their names.

pycountry names a region in its local romanisation ("Zaporizka oblast", "Belgorodskaya oblast'", "Shamāl Sīnā'",
"Sud-Kivu"); GeoNames in English or another form ("Zaporizhzhia", "Belgorod Oblast", "North Sinai",
"South Kivu"). Neither side carries the other's code, so the embedded gazetteer links them by name: the same name
first, then, among the regions of the same country that are still unlinked, the most similar pair above
:data:`LINK_SIMILARITY` once generic words are dropped ("oblast", "province", "respublika"), compass words
translated ("sud" -> "south", "shamal" -> "north") and a Slavic adjectival ending cut ("-skaya", "-ska"), each
region linked at most once, best pairs first.

What it cannot do: link names that share no letters ("Zakarpatska" and "Transcarpathia", "Kärnten" and
"Carinthia"); such a subdivision keeps its own entry without a GeoNames id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher

from .index import IndexBuilder
from .normalize import name_key

# The pycountry subdivision types that are first-level regions (not districts, cities or outlying islands).
REGION_TYPES = frozenset({
    "province", "region", "state", "department", "county", "governorate", "administrative region", "prefecture",
    "republic", "autonomous region", "autonomous community", "land", "voivodship", "metropolitan region",
    "regional state", "union territory", "administrative territory", "emirate", "oblast", "country",
    "autonomous republic", "federal district", "autonomous province", "territory", "capital district",
    "capital territory", "federal territory", "overseas region", "geographical region", "autonomous district",
    "autonomous city", "canton", "metropolitan collectivity with special status",
})  # fmt: skip
LINK_SIMILARITY = 0.8  # the least similarity of two cores for a link (see name_similarity)
SURE_SIMILARITY = 0.9  # a link this similar stands even where a town named like the subdivision lies elsewhere
MIN_PREFIX = 4  # a shared start this long, and all but a letter of the shorter name: "volyn", "volynska"
LONG_PREFIX = 6  # a shared start this long, whatever follows: "zaporiz-ka", "zaporiz-hzhia"
CITY_WORDS = frozenset({"city", "town", "municipality"})  # "Kyiv City" is the city's region, not the oblast

_GENERIC = frozenset({
    "oblast", "oblasti", "respublika", "republic", "republika", "kray", "krai", "province", "provincia", "sheng",
    "zizhiqu", "voblasc", "governorate", "state", "region", "regional", "district", "county", "muhafazat",
    "popularate", "autonomous", "avtonomnyy", "avtonomnaya", "avtonomna", "okrug", "iqlim", "of", "the", "and",
    "va", "e", "al", "el", "ad", "an", "ar", "as", "ash", "az", "people", "peoples", "wilayah", "ostan",
    "department", "departamento", "kraj", "zupanija", "apskritis", "lan", "oblysy", "pradesh", "la", "l",
})  # fmt: skip
_COMPASS = {
    "nord": "north", "norte": "north", "shamal": "north", "shamali": "north", "northern": "north",
    "sud": "south", "sur": "south", "janub": "south", "jonubi": "south", "southern": "south",
    "est": "east", "este": "east", "sharqi": "east", "eastern": "east",
    "ouest": "west", "oeste": "west", "gharbi": "west", "western": "west",
    "centre": "central", "center": "central", "dhexe": "middle", "hoose": "lower",
}  # fmt: skip
_ADJECTIVAL = re.compile(r"(?:s'?kaya|s'?kiy|s'?kyi|s'?kyy|s'?ka|s'?ke|s'?ko)$")
# Words that make a subdivision name from a place name ("Kharkivska oblast", "Provincia di Roma").
_REGION_WORDS = re.compile(
    r"\b(oblast'?|oblast|kray|krai|respublika|province|region|governorate|state|muhafazat|wilayat|vilayeti|"
    r"autonomous|okrug|avtonomna|of)\b",
    re.IGNORECASE,
)
# The town that names a region must be this big: a village called "Wales" in England is not Wales' namesake.
REGION_TOWN = 15_000
_TOWN_ADJECTIVAL = re.compile(r"(s'?ka|s'?kaya|s'?kyy|s'?kiy)$", re.IGNORECASE)


def core(name: str) -> tuple[str, ...]:
    """The words of a region name that tell it from its country's other regions."""
    words = []
    for word in name_key(name).replace("-", " ").replace("'", " ").split():
        word = _COMPASS.get(word, word)
        if word in _GENERIC or not word:
            continue
        words.append(word)
    return tuple(words)


def name_similarity(a: str, b: str) -> float:
    """How alike two region names are, from 0 to 1: the similarity of their cores, or of the cores with a
    Slavic adjectival ending cut, whichever is higher; names whose compass words differ are not alike."""
    ca, cb = core(a), core(b)
    if not ca or not cb:
        return 0.0
    compass = set(_COMPASS.values())
    if {w for w in ca if w in compass} != {w for w in cb if w in compass}:
        return 0.0  # "North Darfur" is not "South Darfur"
    best = 0.0
    for left, right in ((ca, cb), (_cut(ca), _cut(cb))):
        x, y = " ".join(left), " ".join(right)
        ratio = SequenceMatcher(None, x, y).ratio()
        # starts are compared without compass words ("central darfur" and "central equatoria" share no start)
        sx = " ".join(w for w in left if w not in compass)
        sy = " ".join(w for w in right if w not in compass)
        prefix = _shared_prefix(sx, sy)
        rest = (sx if len(sx) > len(sy) else sy)[prefix:]
        if (prefix >= MIN_PREFIX and prefix >= min(len(sx), len(sy)) - 1
                and not CITY_WORDS & set(rest.split())):  # fmt: skip
            ratio = max(ratio, 0.9)  # one is the other with an ending ("volyn" / "volynska"), not "Kyiv City"
        elif prefix >= LONG_PREFIX:
            ratio = max(ratio, LINK_SIMILARITY)
        best = max(best, ratio)
    return best


def best_links(names: Iterable[tuple[str, str]],
               regions: Iterable[tuple[str, str]]) -> dict[str, tuple[str, float]]:  # fmt: skip
    """Pairs (subdivision code -> (region code, similarity)) of one country, each side used once, the most similar
    first; only pairs at :data:`LINK_SIMILARITY` or more. ``names`` and ``regions`` are (code, name) pairs."""
    region_list = list(regions)
    pairs = []
    for code, name in names:
        for region_code, region_name in region_list:
            score = name_similarity(name, region_name)
            if score >= LINK_SIMILARITY:
                pairs.append((score, code, region_code))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    links: dict[str, tuple[str, float]] = {}
    used: set[str] = set()
    for score, code, region_code in pairs:
        if code not in links and region_code not in used:
            links[code] = (region_code, score)
            used.add(region_code)
    return links


def link_subdivisions(builder: IndexBuilder) -> dict[str, int]:
    """ISO 3166-2 code -> the index's first-level region, for an index whose regions all come from GeoNames (an
    imported dump): by the same name (any name of the region), else by a similar one, each region linked once."""
    import pycountry

    from .localised import clean_name

    regions: dict[str, list[int]] = defaultdict(list)
    for key, index in builder.admin1.items():
        regions[key.partition(".")[0]].append(index)
    links: dict[str, int] = {}
    pending: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if sub.parent_code is not None or sub.type.lower() not in REGION_TYPES or cc not in regions:
            continue
        name = clean_name(sub.name)
        same = [i for i in builder.entries_named(name) if i in regions[cc]]
        if same:
            links[sub.code] = same[0]
        else:
            pending[cc].append((sub.code, name))
    taken = set(links.values())
    for cc, subs in pending.items():
        links.update(likely_links(builder, cc, subs, [i for i in regions[cc] if i not in taken]))
    return links


def likely_links(builder: IndexBuilder, cc: str, names: list[tuple[str, str]], regions: list[int]) -> dict[str, int]:
    """Subdivision code -> region index, for the (code, name) subdivisions of country ``cc`` whose name is like that
    of one of ``regions`` (see :func:`best_links`), unless a weak likeness is belied by a town named like the
    subdivision in another region ("Antsiranana" is the old province of the town, not Atsinanana)."""
    by_code = dict(names)
    links: dict[str, int] = {}
    for code, (region, similarity) in best_links(names, [(str(i), builder.name[i]) for i in regions]).items():
        index = int(region)
        town = town_region(builder, cc, by_code[code]) if similarity < SURE_SIMILARITY else None
        if town in (None, builder.a1[index]):
            links[code] = index
    return links


def town_region(builder: IndexBuilder, cc: str, name: str) -> str | None:
    """The GeoNames admin1 code of a region, from the most populous town (15,000 people or more) named like it in
    its country."""
    base = _REGION_WORDS.sub(" ", name).strip()
    tries = [name, base, _TOWN_ADJECTIVAL.sub("", base)]
    for attempt in tries:
        if not attempt or len(name_key(attempt)) < 3:
            continue
        found = [i for i in builder.entries_named(attempt)
                 if builder.cc[i] == cc and builder.feat[i] == "p" and builder.a1[i]
                 and builder.pop[i] >= REGION_TOWN]  # fmt: skip
        if found:
            return builder.a1[max(found, key=lambda i: builder.pop[i])]
    return None


def _cut(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_ADJECTIVAL.sub("", w) or w for w in words)


def _shared_prefix(a: str, b: str) -> int:
    """The length of the start that two names share within their first word ("north darfur" and "north kordofan"
    share none that counts)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y or x == " ":
            break
        n += 1
    return n
