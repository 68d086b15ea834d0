"""In-article coreference of names: groups the mentions of one entity.

Rules, applied over the whole article (names may come in any order, a headline often uses the surname first):

- persons: longest names first; a shorter name joins a person whose surname it matches (accent- and
  transliteration-insensitive, one edit allowed on long surnames: Zelensky / Zelenskyy / Zelenski / Zelenskiy) and
  whose given names do not contradict it; a single capitalised word that nothing else classified joins a person
  whose surname it is;
- organisations: one identity per key of the known-organisation table (ONU / Nations unies / OTAN / NATO), an
  acronym written in parentheses after a name, or an acronym made of the initials of a name in the article;
- locations: one per country for country names, else one per spelling; groups: one per key ("people:RU",
  "military:UA");
- descriptors ("le président ukrainien"): the one person of the article with that role (and that country, when the
  descriptor names one); with none, the descriptor is an entity of its own; with several, the nearest before it. A
  bare title ("le président") goes to a holder whose country the article gave only when that holder is the person
  named last before it.

Cannot resolve pronouns (not its job) nor descriptors whose role the article never states ("le chef de l'État"
after "Emmanuel Macron" with no title), and merges two people who share a surname and whose given names are
never written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .lexicon import Lexicon, fold
from .mentions import Mention

# Transliteration variants folded to one spelling (French, English and German renderings of Slavic names).
_TRANSLIT = (
    ("tch", "ch"), ("sch", "sh"), ("ch", "sh"), ("kh", "h"), ("ou", "u"), ("yy", "i"), ("iy", "i"), ("yi", "i"),
    ("y", "i"), ("ii", "i"), ("j", "i"), ("w", "v"), ("ck", "k"), ("ph", "f"), ("zh", "j"),
)  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")


def name_key(word: str) -> str:
    """A spelling-insensitive key of a name word."""
    key = fold(word).replace("-", "").replace("'", "").replace("’", "")
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    key = _DOUBLE.sub(r"\1", key)
    return key.rstrip("e") if len(key) > 4 else key


def _close(a: str, b: str) -> bool:
    """Two name keys that are equal or, when long, one edit apart."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    # one substitution, insertion or deletion
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _given_match(a: str, b: str) -> bool:
    """Two given-name keys that may be one person's: equal, or an initial and a name it starts."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


@dataclass(slots=True)
class Entity:
    kind: str
    key: str
    mentions: list[int] = field(default_factory=list)
    words: tuple[str, ...] = ()  # the fullest name (persons)
    keys: tuple[str, ...] = ()  # its spelling-insensitive keys, particles left out
    evidence: int = 0  # the strongest evidence of its kind among its mentions
    country: str = ""
    title: str = ""
    role: str = ""
    gender: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class Coreference:
    """Groups mentions into entities; built once per stage from a :class:`Lexicon`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def resolve(self, mentions: Sequence[Mention]) -> list[Entity]:
        entities: list[Entity] = []
        by_key: dict[str, int] = {}
        memo: dict[str, str] = {}  # name word -> spelling key, for this document
        persons: list[int] = []

        def new(kind: str, key: str, m_index: int) -> int:
            entities.append(Entity(kind, key))
            by_key[key] = len(entities) - 1
            attach(len(entities) - 1, m_index)
            return len(entities) - 1

        def attach(e_index: int, m_index: int) -> None:
            e = entities[e_index]
            m = mentions[m_index]
            m.entity = e_index
            m.kind = e.kind if m.kind != e.kind else m.kind
            e.mentions.append(m_index)
            if m.named and len(m.words) > len(e.words):
                e.words = m.words
                if e.kind == "person":
                    e.keys = self.name_keys(m.words, memo)
            e.country = e.country or m.country
            e.evidence = max(e.evidence, m.evidence)
            if m.title and not e.title:
                e.title, e.role = m.title, m.role
            e.gender = e.gender or m.gender
            for k, v in m.extra.items():
                if k == "org":
                    e.extra.setdefault(k, v)

        # 1. persons, longest names first
        order = sorted(
            (k for k, m in enumerate(mentions) if m.named and m.kind == "person"),
            key=lambda k: (-len(mentions[k].words), mentions[k].start),
        )
        for k in order:
            m = mentions[k]
            target = self._person_match(m, [entities[e] for e in persons], mentions, memo)
            if target is None:
                e_index = new("person", f"person:{m.start}", k)
                persons.append(e_index)
            else:
                attach(persons[target], k)

        # 2. single names nothing classified (or only the gazetteer did) that are a person's surname
        for k, m in enumerate(mentions):
            if m.entity >= 0 or not m.named or m.evidence > 1 or not persons or len(self.name_keys(m.words, memo)) != 1:
                continue  # (particles left out: "al-Assad")
            if m.kind not in ("other", "location", "organization"):
                continue
            target = self._person_match(m, [entities[e] for e in persons], mentions, memo)
            if target is not None and (m.kind == "other" or entities[persons[target]].evidence >= 2):
                m.kind = "person"  # a gazetteer word joins only a person known by a given name or a title
                attach(persons[target], k)

        # 3. organisations, groups, locations, other names: by key, acronym or spelling
        initials: dict[str, int] = {}
        for k, m in enumerate(mentions):
            if m.entity >= 0 or not m.named:
                continue
            key = m.key or f"{m.kind}:{' '.join(m.words).lower()}"
            if not m.key and m.kind in ("organization", "group", "other") and len(m.words) == 1 and (
                m.words[0].isupper()
            ):  # fmt: skip
                if m.acronym_of is not None and m.acronym_of.entity >= 0:
                    attach(m.acronym_of.entity, k)
                    continue
                if m.words[0] in initials:
                    attach(initials[m.words[0]], k)
                    continue
            if key in by_key:
                attach(by_key[key], k)
                continue
            if m.kind == "other" and len(m.words) == 1:
                word = m.words[0].lower()
                same = next((by_key[x] for x in (f"location:{word}", f"organization:{word}") if x in by_key), None)
                if same is not None:
                    attach(same, k)
                    continue
            e_index = new(m.kind, key, k)
            if m.kind in ("organization", "group") and len(m.words) > 1:
                acronym = "".join(w[0].upper() for w in m.words if w.lower() not in self.lex.connectors
                                  and w.lower() not in self.lex.function_words)  # fmt: skip
                if len(acronym) >= 2:
                    initials.setdefault(acronym, e_index)
        # an acronym seen before its expansion
        for k, m in enumerate(mentions):
            if m.named and len(m.words) == 1 and m.words[0] in initials:
                e_index = initials[m.words[0]]
                if 0 <= m.entity != e_index and len(entities[m.entity].mentions) == 1:
                    old = entities[m.entity]
                    old.mentions.clear()
                    m.entity = -1
                    attach(e_index, k)

        # 4. descriptors: groups by key, persons by role
        for k, m in enumerate(mentions):
            if m.named or m.entity >= 0:
                continue
            if m.key:
                if m.key in by_key:
                    attach(by_key[m.key], k)
                else:
                    new(m.kind, m.key, k)
                continue
            target = self._holder(m, [entities[e] for e in persons], mentions)
            if target is not None:
                attach(persons[target], k)
            elif m.extra.get("tentative"):
                continue  # "la vice-ministre" with no vice-minister named: too vague to be an entity
            else:
                key = f"role:{m.role}:{m.country}"
                if key in by_key:
                    attach(by_key[key], k)
                else:
                    persons.append(new("person", key, k))
        return [e for e in entities if e.mentions]

    def name_keys(self, words: Sequence[str], memo: dict[str, str] | None = None) -> tuple[str, ...]:
        """The spelling keys of a name's words, particles left out (``memo``: keys already computed)."""
        if memo is None:
            return tuple(name_key(w) for w in words if w.lower() not in self.lex.particles)
        keys = []
        for w in words:
            if w.lower() in self.lex.particles:
                continue
            key = memo.get(w)
            if key is None:
                key = memo[w] = name_key(w)
            keys.append(key)
        return tuple(keys)

    def _person_match(self, m: Mention, persons: list[Entity], mentions: Sequence[Mention], memo: dict[str, str]
                      ) -> int | None:  # fmt: skip
        keys = self.name_keys(m.words, memo)
        if not keys:
            return None
        best: tuple[int, int] | None = None  # (score, index)
        for index, e in enumerate(persons):
            ekeys = e.keys
            if not ekeys or not _close(keys[-1], ekeys[-1]):
                # "Zelensky" against "Volodymyr Zelensky": surname; a lone given name never links on its own
                continue
            given, egiven = keys[:-1], ekeys[:-1]
            if given and egiven and not all(any(_given_match(g, h) for h in egiven) for g in given):
                continue
            if m.gender and e.gender and m.gender != e.gender and given:
                continue
            score = 2 if keys[-1] == ekeys[-1] else 1
            # the nearest mention before decides between two people of one surname
            last = max((mentions[i].start for i in e.mentions if mentions[i].start <= m.start), default=-1)
            rank = score * 10**9 + last
            if best is None or rank > best[0]:
                best = (rank, index)
        return best[1] if best is not None else None

    def _holder(self, m: Mention, persons: list[Entity], mentions: Sequence[Mention]) -> int | None:
        """The person of the article that a descriptor such as "le président ukrainien" designates."""
        matches = [
            i for i, e in enumerate(persons)
            if e.role == m.role and (not m.country or not e.country or e.country == m.country)
        ]  # fmt: skip
        if not matches:
            return None

        def nearest(i: int) -> int:
            return max((mentions[x].start for x in persons[i].mentions if mentions[x].start < m.start), default=-1)

        best = max(matches, key=nearest)
        if m.extra.get("bare") and persons[best].country:
            # "le président" after "Emmanuel Macron" is not "le président russe" named earlier: a bare title goes to
            # a holder of another country only when that holder is the person last named before it
            last = max(range(len(persons)), key=nearest)
            if last != best or nearest(best) < 0:
                return None
        return best
