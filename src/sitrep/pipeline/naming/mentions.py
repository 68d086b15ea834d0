"""Finding and classifying the mentions of actors in one document, by rules.

Works on the document's tokens as strings. Three kinds of mention are found:

- names: runs of capitalised tokens (with name particles and organisation connectors inside), stripped of the
  function words, honorifics, titles and demonyms that open them, then classified as person, organization, group
  or location from, in order: the known-organisation table, the demonym nouns ("les Russes"), the gazetteer, a
  title or honorific before the name, the organisation and place heads, given names, acronyms, and the words
  around the name. A name nothing classifies stays ``other`` (the coreference may still make it a person's
  surname). A place or unknown name that a score follows in a results line ("Somerset 230, Durham 114") or that
  "v" joins to another is a team (an organisation, in the whole article); a French name of several words that
  only looked like a person's but takes an article ("le Werder Brême") is an organisation; weapon models ("F-16",
  "les chars Leopard", "Patriot missiles"), common-noun acronyms ("le PIB", "GDP"), lone Roman numerals and a French
  sentence's opening participle ("Réunis à ...") are not names. A coordinator ends a name when another name follows
  it ("l'Agence spatiale européenne et la NASA"); "&" joins one firm ("Procter & Gamble"); a hyphened Arabic
  particle stays in a name ("Bachar al-Assad");
- descriptors: a definite determiner and a title phrase ("le président ukrainien", "the Kremlin spokesman"), an
  actor head with a demonym ("l'armée ukrainienne", "Russian forces"), or (French) a body with a lowercase head and
  a capitalised complement ("le ministère de l'Économie et des Finances", "la cour d'appel de Paris"). A title
  phrase right before or after a name ("le Premier ministre britannique Rishi Sunak") becomes that name's title
  instead;
- candidates from a statistical pipeline's ``doc.ents`` and from the places stage, which take precedence over the
  rules where they overlap.

Cannot see names written in lowercase, and in an all-capitals headline only recognises words that a lexicon
knows. Titles are read from their surface (no parse), so a title separated from its name by a clause is missed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .lexicon import PHRASE_JOINER, KnownOrg, Lexicon, Title, fold

KINDS = ("person", "organization", "group", "location", "other")


class TokenTexts(list[str]):
    """The token strings of a document, with the whitespace after each, to rebuild the text of a token range."""

    def __init__(self, words: Sequence[str], spaces: Sequence[str]) -> None:
        super().__init__(words)
        self.spaces = spaces

    def text(self, start: int, end: int) -> str:
        if end - start == 1:
            return self[start]
        return "".join(self[k] + self.spaces[k] for k in range(start, end - 1)) + self[end - 1]


@dataclass(slots=True)
class Mention:
    """One mention: tokens ``[start, end)``, its kind, and what the text says about its entity."""

    start: int
    end: int
    kind: str
    named: bool  # a name, not a descriptor
    evidence: int = 0  # 0 none, 1 weak (gazetteer, default), 2 lexical (given name, head), 3 explicit (title, table)
    key: str = ""  # an identity known from a table or a descriptor ("NATO", "military:RU")
    country: str = ""
    title: str = ""  # the title phrase as written
    role: str = ""
    gender: str = ""
    words: tuple[str, ...] = ()  # the name's tokens
    # the mention this one abbreviates ("X (ACR)"); a reference, as the list is re-sorted and merged afterwards
    acronym_of: Mention | None = field(default=None, repr=False)
    entity: int = -1
    source: str = "rules"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class TitlePhrase:
    """A title phrase found in the text: tokens ``[start, end)``, its role, and the country it names."""

    start: int
    end: int
    title: Title
    country: str = ""
    org: str = ""  # the organisation named in its complement ("porte-parole du Kremlin")


def is_capitalised(word: str) -> bool:
    first = word[0]
    return first.isupper() or (first in "«\"“'’" and len(word) > 1 and word[1].isupper())


def is_allcaps(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


class MentionFinder:
    """Finds the mentions of one document; built once per stage from a :class:`Lexicon`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.fr = lexicon.lang == "fr"
        self.stop_before_name = lexicon.function_words - lexicon.particles

    # --- the document pass -------------------------------------------------------------------------------------

    def find(self, words: TokenTexts, sent_starts: Sequence[bool], headline: Sequence[bool]) -> list[Mention]:
        """Every mention in the token strings ``words`` (``sent_starts[i]``: token i opens a sentence;
        ``headline[i]``: token i lies in an all-capitals sentence)."""
        lex = self.lex
        n = len(words)
        mentions: list[Mention] = []
        orgs = lex.orgs
        candidates = [k for k, w in enumerate(words) if w and (w[0].isupper() or (w[0] in _OPENING_MARKS and len(w) > 1)
                                                              or (w[0].isdigit() and w in orgs))]  # fmt: skip
        i = 0
        for c in candidates:
            if c < i:
                continue
            done, i = i, c  # done: the end of the last name
            word = words[i]
            if not (is_capitalised(word) or word in orgs):
                continue
            if i + 1 < n and self._opens_before_name(words, i):
                continue  # "L'", "Selon", "The": the name, if any, starts at the next token
            known = self._known_org(words, i)
            if known is not None:
                end, org = known
                mentions.append(Mention(i, end, org.kind, True, 3, key=org.key, country=org.country,
                                        words=tuple(words[i:end])))  # fmt: skip
                i = end
                continue
            if not is_capitalised(word):
                continue
            place_end = self._known_place(words, i) if word in lex.place_starts else 0
            if place_end:
                text = words.text(i, place_end)
                m = Mention(i, place_end, "location", True, 2, country=lex.places[text],
                            words=tuple(words[i:place_end]))  # fmt: skip
                if text in lex.countries:
                    m.key = f"country:{lex.countries[text]}"
                mentions.append(m)
                i = place_end
                continue
            end = self._run_end(words, i, headline)
            if i - 2 >= done and self._hyphen_particle(words, i - 2):
                i -= 2  # "al-Assad" alone
            mentions.extend(self._names(words, i, end, sent_starts, headline))
            i = max(end, i + 1)
        mentions.sort(key=lambda m: m.start)
        self._place_heads(words, mentions)
        self._titles(words, mentions)
        self._sports_sides(words, mentions, sent_starts)
        self._determined_names(words, mentions)
        mentions.extend(self._descriptors(words, mentions))
        mentions = self._drop_inside_titles(mentions)
        self._acronyms(words, mentions)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    # --- names ---------------------------------------------------------------------------------------------------

    def _opens_before_name(self, words: TokenTexts, i: int) -> bool:
        """A capitalised elision or function word that is not itself part of a name."""
        lex = self.lex
        word = words[i]
        low = word.lower()
        if not (low in lex.elisions or (low in lex.function_words and low not in lex.particles)) or is_allcaps(word):
            return False
        pair = PHRASE_JOINER.join((word, words[i + 1]))
        if word in lex.orgs or (word in lex.place_starts and pair in lex.place_pairs):
            return False  # "The Hague", "New York Yankees"
        return not (words[i + 1] == "-" and not words.spaces[i])  # "Nouvelle-Zélande"

    def _known_org(self, words: Sequence[str], i: int) -> tuple[int, KnownOrg] | None:
        word = words[i]
        options = self.lex.orgs.get(word) or self.lex.orgs.get(word.lower())
        if not options and len(word) >= 3 and word.istitle() and word.lower() not in self.lex.function_words:
            options = self.lex.orgs.get(word.upper())  # "Otan", "Onu": acronyms written as words
        if not options:
            return None
        for org in options:
            end = i + len(org.words)
            if end > len(words):
                continue
            if all(_same(w, o) for w, o in zip(words[i:end], org.words, strict=True)) and not (
                end < len(words) and is_capitalised(words[end]) and words[end].lower() not in self.lex.function_words
                and len(org.words) == 1 and not is_allcaps(word)
            ) and not (end < len(words) and not is_allcaps(word) and self._tail_head(words[end])
                       and self.lex.heads[words[end].lower()].kind != "location"):  # fmt: skip
                return end, org  # (not "Federal Reserve" in "Federal Reserve Board")
        return None

    def _known_place(self, words: TokenTexts, i: int) -> int:
        """End of a multi-word place name of the gazetteer that starts at ``i`` ("New York"), else 0."""
        n = len(words)
        lex = self.lex
        if i + 1 >= n or PHRASE_JOINER.join((words[i], words[i + 1])) not in lex.place_pairs:
            return 0
        for end in range(min(n, i + lex.place_phrase_words), i + 1, -1):  # longest first
            key = PHRASE_JOINER.join(words[i:end])
            if key in lex.place_phrases and key.count(PHRASE_JOINER) == end - i - 1 and not (
                end < n and is_capitalised(words[end]) and words[end].lower() not in lex.function_words
            ):  # fmt: skip
                return end
        return 0

    def _is_name_word(self, word: str, headline: bool) -> bool:
        if not is_capitalised(word) or not any(c.isalpha() for c in word) or (len(word) == 1):
            return False
        low = word.lower()
        if headline:
            title = word[:1] + word[1:].lower()
            return (title in self.lex.places or title in self.lex.first_names or low not in self.lex.vocabulary
                    ) and low not in self.lex.function_words  # fmt: skip
        return is_allcaps(word) or low not in self.stop_before_name or (
            self.fr and len(word) > 3 and word[1:].islower() and low not in self.lex.determiners
        )  # "Will Durant": in French, a capitalised word inside a name run is part of it

    def _hyphen_particle(self, words: TokenTexts, j: int) -> bool:
        """A lowercase Arabic particle joined by a hyphen to a capitalised name at ``j`` ("al-Assad", "el-Banna")."""
        return (
            j + 2 < len(words)
            and words[j] in self.lex.hyphen_particles
            and words[j + 1] == "-"
            and not words.spaces[j]
            and not words.spaces[j + 1]
            and is_capitalised(words[j + 2])
        )

    def _is_head(self, word: str) -> bool:
        """A capitalised organisation or place head that opens a name ("Parti", "Conseil"; not "Marine")."""
        return word.lower() in self.lex.heads and word not in self.lex.first_names

    def _run_end(self, words: TokenTexts, i: int, headline: Sequence[bool]) -> int:
        """End of the capitalised run that starts at ``i`` (particles and connectors included when a
        capitalised word follows them; lowercase adjectives after an organisation head)."""
        lex = self.lex
        n = len(words)
        j = i + 1
        org_head = self._is_head(words[i])
        while j < n:
            word = words[j]
            org_head = org_head or self._is_head(words[j - 1])
            if self._is_name_word(word, headline[j]) or (
                word.lower() in lex.particles and word[:1].isupper() and j + 1 < n and is_capitalised(words[j + 1])
            ):  # fmt: skip
                j += 1
                continue
            if self._hyphen_particle(words, j):
                j += 3  # "Bachar al-Assad", "Hassan el-Banna"
                continue
            if word == "&" and j + 1 < n and is_capitalised(words[j + 1]):
                j += 2  # "Douglas & Lomason", "Procter & Gamble": one firm
                continue
            if (
                word == "-"
                and j + 1 < n
                and is_capitalised(words[j + 1])
                and not headline[j]
                and (not words.spaces[j - 1] and not words.spaces[j])
            ):
                j += 2
                continue
            low = word.lower()
            if org_head and self.fr and low in ("de", "des", "du", "d'", "d’") and j + 1 < n and j - i <= 6:
                k = j + 1 + (1 if words[j + 1].lower() in ("la", "l'", "l’") else 0)
                noun = words[k] if k < n else ""
                if (
                    noun.isalpha()
                    and noun.islower()
                    and len(noun) > 2
                    and noun not in lex.function_words
                    and (self.is_common(noun))
                ):
                    j = k + 1  # "Ligue nationale de hockey", "Société de géographie"
                    continue
            if low in lex.connectors or low in lex.particles:
                k = j + 1
                while k < n and k - j < 3 and (
                    words[k].lower() in lex.connectors or (low in lex.particles and words[k].lower() in lex.particles)
                ):  # fmt: skip
                    k += 1  # "von der Leyen", "van der Vaart": particles in a row
                if low in lex.coordinators and k < n and self._second_name(words, j, k):
                    break
                if k < n and self._is_name_word(words[k], headline[k]) and (org_head or low in lex.name_joiners):
                    j = k + 1
                    continue
            if org_head and self.fr and not word[:1].isupper() and (
                low.endswith(lex.org_adjective_endings) or low in lex.demonym_adjectives
            ) and j - i <= 4:  # fmt: skip
                j += 1
                continue
            break
        return j

    def _second_name(self, words: Sequence[str], j: int, k: int) -> bool:
        """The coordinator at ``j`` joins two names rather than two words of one ("l'Agence spatiale européenne et
        la NASA", "Sony Music et BMG"; not "Bosnia and Herzegovina", "Procter & Gamble", "ministère de l'Europe et
        des Affaires étrangères"): a determiner follows it, or the word at ``k`` after it is an acronym, a known
        organisation, a given name or a new organisation head, or the name before it ends on its head."""
        word = words[k]
        lex = self.lex
        if is_allcaps(word) or word in lex.orgs or self._tail_head(words[j - 1]) or (
            word in lex.first_names or word in lex.honorifics or words[j + 1].lower() in lex.determiners
        ):  # fmt: skip
            return True  # "la Ligue Awami et Sheikh Mujibur Rahman", "la Ligue Europa et la Supercoupe"
        head = self.lex.heads.get(word.lower())
        return head is not None and head.kind != "location" and k > j + 1  # "et du Conseil nordique"

    def _names(self, words: TokenTexts, start: int, end: int, sent_starts: Sequence[bool],
               headline: Sequence[bool]) -> list[Mention]:  # fmt: skip
        lex = self.lex
        context_title = ""
        honorific = False
        country = ""
        # Peel what opens the run but is not the name: function words, honorifics, titles, demonyms.
        while start < end:
            word = words[start]
            low = word.lower()
            if words.text(start, end) in lex.places or (
                start + 1 < end and word in lex.place_starts
                and PHRASE_JOINER.join((word, words[start + 1])) in lex.place_pairs
            ):  # fmt: skip
                break  # "New York Yankees": not peeled of "New"
            if word in lex.honorifics or word.rstrip(".") in lex.honorifics:
                honorific = True
                start += 1
                continue
            phrase = self._title_at(words, start, end)
            if phrase is not None and phrase.end < end:
                context_title = words.text(start, phrase.end)
                country = country or phrase.country
                start = phrase.end
                continue
            if low in lex.demonym_adjectives and not self.fr and start + 1 < end:
                country = lex.demonym_adjectives[low]
                start += 1
                continue
            if (
                self.fr
                and start + 1 < end
                and is_capitalised(words[start + 1])
                and (
                    word in lex.demonym_nouns
                    or (
                        start > 0
                        and words[start - 1].lower() in lex.determiners
                        and low.endswith(lex.demonym_endings)
                        and word not in lex.first_names
                        and end - start > 2
                    )
                )
            ):  # "le Polonais Kamil Kryński", "la Jamaïcaine Sandie Richards"
                country = lex.demonym_nouns.get(word, "")
                start += 1
                continue
            common = word in lex.common_acronyms and start + 1 < end  # "L'ONG Helsinki Watch"
            if (low in lex.function_words and not is_allcaps(word)) or common:
                start += 1
                continue
            if (sent_starts[start] or headline[start]) and self._common_at_start(word, words, start, end):
                start += 1
                continue
            if (low in lex.particles and low in lex.function_words) or low in lex.connectors:
                start += 1  # "De", "La"; not "Ben" in "Ben Affleck"
                continue
            break
        while end > start and (words[end - 1].lower() in lex.connectors or words[end - 1].lower() in lex.particles
                               or words[end - 1] == "-"):  # fmt: skip
            end -= 1
        if (
            end - start > 1
            and words[end - 1].lower() in lex.titles
            and any(len(t.words) == 1 for t in lex.titles[words[end - 1].lower()])
            and words.text(start, end) not in lex.places
        ):
            end -= 1  # "England Captain" in a headline: a descriptor, not a name
        if start >= end or self._opening_participle(words, start, end, sent_starts):
            return []
        for k in range(start + 1, end - 1):
            inner = self._title_words_at(words, k, end) if words[k][:1].isupper() else None
            if inner is not None and k + len(inner.words) < end:
                # "Panamanian Boxing Association President Ramon Manzanares": an organisation, then a person
                return self._names(words, start, k, sent_starts, headline) + self._names(
                    words, k, end, sent_starts, headline
                )
        parts = self._split(words, start, end)
        found: list[Mention] = []
        for s, e in parts:
            mention = self._classify(words, s, e, honorific or (bool(context_title) and s == start))
            if mention is None:
                continue
            if s == start and context_title and mention.kind == "person":
                mention.extra["title_inline"] = context_title
                mention.country = mention.country or country
            elif s == start and country and mention.kind in ("organization", "group") and not mention.key:
                # "the Russian Defence Ministry": the demonym gives the country, and tells it from the Ukrainian one
                mention.country = country
                mention.key = f"{mention.kind}:{' '.join(mention.words).lower()}:{country}"
            found.append(mention)
        return found

    def _opening_participle(self, words: Sequence[str], start: int, end: int, sent_starts: Sequence[bool]) -> bool:
        """A French sentence that opens on a participle or adjective set off by a comma or followed by its
        complement ("Réunis à Bruxelles, ...", "Interrogé par l'AFP", "Inquiets, ..."): an ordinary word."""
        if not (self.fr and end - start == 1 and sent_starts[start] and end < len(words)):
            return False
        word = words[start]
        low = word.lower()
        plural = low.endswith(("s", "x"))  # a comma alone marks a plural ("Inquiets, ..."), not "Condé, qui"
        return (
            (words[end].lower() in self.lex.participle_complements or (words[end] == "," and plural))
            and len(low) > 4
            and low.endswith(self.lex.participle_endings)
            and word[1:].islower()
            and self._bare_name(word)
            and word not in self.lex.first_names
        )

    def _common_at_start(self, word: str, words: Sequence[str], start: int, end: int) -> bool:
        """A sentence-initial word that is an ordinary word capitalised by position, not a name."""
        lex = self.lex
        if word in lex.places or word in lex.first_names or word in lex.demonym_nouns or is_allcaps(word):
            return word.lower() in lex.function_words and not is_allcaps(word)
        low = word.lower()
        if not self.is_common(low) or (start + 1 < end and words[start + 1] == "&"):
            return False  # (not "Standard" in "Standard & Poor's")
        if self.fr and end - start > 1 and low not in lex.function_words and start + 1 < len(words) and (
            not self.is_common(words[start + 1].lower()) and words[start + 1][:1].isupper()
        ):
            return False  # "Spike Lee", "Colette Besson": a given name that is also a word, then a surname
        # otherwise the word is ordinary unless the run continues with particles ("De Gaulle").
        return not (end - start > 1 and low in lex.particles)

    def is_common(self, low: str) -> bool:
        """A lowercase word of the language's common vocabulary (inflected forms by their stem)."""
        vocabulary = self.lex.vocabulary
        if low in vocabulary:
            return True
        for ending, stem in self.lex.inflections:
            if low.endswith(ending) and len(low) > len(ending) + 2 and low[: -len(ending)] + stem in vocabulary:
                return True
        return False

    def _split(self, words: TokenTexts, start: int, end: int) -> list[tuple[int, int]]:
        """Split a run at its connectors unless it is one organisation, place or person name."""
        lex = self.lex
        joints = [k for k in range(start + 1, end - 1) if words[k].lower() in lex.connectors
                  or (words[k].lower() in lex.particles and not words[k][:1].isupper())]  # fmt: skip
        for k in range(start + 1, end - 1):
            if (
                words[k] in lex.first_names
                and words[k - 1] not in lex.first_names
                and words[k - 1] != "-"  # "Jacques-Yves Cousteau"
                and (words[k - 1].lower() not in lex.particles and is_capitalised(words[k + 1]))
                and (k - start > 1 or not self._bare_name(words[start]))
            ):
                # "Londres Volodymyr Zelensky", "Stade de Reims Roger Piantoni": a name, then a person (but
                # "Eugène Joseph Delporte", "Hatem Ben Arfa": an unknown given name, then a known one)
                return [*self._split(words, start, k), *self._split(words, k, end)]
        if not joints:
            return [(start, end)]
        if "&" in words[start:end]:  # one firm per side of "and": "Procter & Gamble and Unilever"
            cuts = [start - 1] + [k for k in joints if words[k].lower() in lex.coordinators] + [end]
            return [(a + 1, b) for a, b in itertools.pairwise(cuts) if b > a + 1]
        first = words[start].lower()
        text = words.text(start, end)
        person = all(words[k].lower() in lex.person_particles for k in joints) and (
            words[start] in lex.first_names or (self.fr and joints[0] == start + 1 and self._bare_name(words[start]))
        )  # "Charles de Gaulle"; "Guy de Maupassant": an unknown single name before "de" is a given name
        if any(w.lower() in lex.heads and lex.heads[w.lower()].kind != "location" for w in words[start:joints[0]]) \
                or first in lex.heads or text in lex.places or person or (
                self._tail_head(words[end - 1])):  # fmt: skip
            return [(start, end)]
        if self._team(words[start:end]):
            return [(start, end)]  # "Rangers du Texas", "Heat de Miami": a team
        if all(words[k].lower() in ("von", "van", "der", "den", "bin", "ben", "ibn", "al", "el", "da", "di", "dos",
                                    "del", "della", "ter", "ten") for k in joints):  # fmt: skip
            return [(start, end)]
        parts: list[tuple[int, int]] = []
        s = start
        for k in joints:
            if k > s:
                parts.append((s, k))
            s = k + 1
        if s < end:
            parts.append((s, end))
        # Connector runs ("de la") leave connector-only parts; drop them.
        return [(a, b) for a, b in parts if any(is_capitalised(w) for w in words[a:b])]

    def _classify(self, words: TokenTexts, s: int, e: int, person_context: bool) -> Mention | None:
        lex = self.lex
        name = [w for w in words[s:e] if w != "-"]
        if not name:
            return None
        text = words.text(s, e)
        first = name[0]
        low_first = first.lower()
        if len(name) <= 2 and _MODEL.match(text) and not _SUMMIT.match(text):
            return None  # a weapon or vehicle model ("F-16", "Su-27", "T-72"), not an actor
        if len(name) == 1 and (first in lex.common_acronyms or _NUMERAL.match(first) or (
            len(first) > 3 and is_allcaps(first) and first not in lex.orgs and self.is_common(low_first)
            and first[:1] + low_first[1:] not in lex.places
        )):  # fmt: skip
            return None  # a common noun ("le PIB", "en DVD", "VIDÉO."), a numeral ("XV"), not a name
        known = self._known_org(words, s)
        if known is not None and known[0] == e:  # "Le Mossad" at a sentence start, peeled of its article
            org = known[1]
            return Mention(s, e, org.kind, True, 3, key=org.key, country=org.country, words=tuple(name))
        m = Mention(s, e, "other", True, 0, words=tuple(name))
        if is_allcaps(text) and len(text) > 3:
            text = " ".join(w[:1] + w[1:].lower() for w in text.split())  # "LONDON" in a dateline
            if text not in lex.places and text not in lex.first_names:
                text = words.text(s, e)
        if text in lex.countries:
            m.kind, m.evidence, m.country, m.key = "location", 2, lex.countries[text], f"country:{lex.countries[text]}"
            return m
        if (
            len(name) == 1
            and first in lex.demonym_nouns
            and (
                self.fr
                or low_first not in lex.demonym_adjectives
                or (s > 0 and words[s - 1].lower() == "the" and not (e < len(words) and words[e][:1].islower()))
            )
        ):  # "the Dutch" is a people; "his Dutch counterpart" is not
            m.kind, m.evidence, m.key, m.country = (
                "group",
                3,
                f"people:{lex.demonym_nouns[first]}",
                lex.demonym_nouns[first],
            )
            return m
        if not self.fr and (name[-1].lower() in lex.demonym_adjectives or text.lower() in lex.demonym_adjectives) and (
            len(name) == 1 or (len(name) == 2 and low_first in lex.compass_words)
        ):  # fmt: skip
            return None  # an adjective ("Russian", "South Korean"), not an actor
        if person_context:
            m.kind, m.evidence = "person", 3
        elif "&" in name and name[-1] != "&":
            m.kind, m.evidence = "organization", 2  # "Standard & Poor", "Johnson & Johnson"
        elif (
            len(name) > 1
            and first in lex.first_names
            and text not in lex.places
            and not (not self.fr and name[-1].lower() in lex.heads)
        ):
            m.kind, m.evidence = "person", 2
        elif text in lex.places:
            m.kind, m.evidence, m.country = "location", 1, lex.places[text]
        elif self._team(name):
            m.kind, m.evidence = "organization", 1
        elif len(name) == 1 and text in lex.first_names:
            m.kind, m.evidence = "person", 1
        elif low_first in lex.heads and len(name) > 1:
            m.kind, m.evidence = lex.heads[low_first].kind, 2
        elif len(name) > 1 and self._tail_head(name[-1]):
            m.kind, m.evidence = lex.heads[name[-1].lower()].kind, 2
        elif self._organisation_like(name):
            m.kind, m.evidence = "organization", 1
        elif (
            len(text.split()) > 1
            and all(w[:1].isupper() or _ROMAN.match(w) or w.lower() in lex.particles for w in name)
            and name[-1][:1].isupper()
            and not any(is_allcaps(w) and not _ROMAN.match(w) for w in name)
        ):
            common = sum(self.is_common(w.lower()) for w in name)
            if common < len(name) and all(w.lower() in lex.foreign_vocabulary for w in name):
                common = len(name)  # "Golden Knights", "Late Night": English words in a French text
            content = [w for w in name if w.lower() not in lex.particles]
            if (
                name[-1] in lex.places
                and (len(content) > 2 or name[-1] in lex.countries)
                and not (len(name) > len(content) and self._bare_name(name[0]))
            ):
                m.kind, m.evidence, m.country = "location", 1, lex.places[name[-1]]  # "Arab East Jerusalem"
            elif common < len(name) and len(name) <= 3:
                m.kind, m.evidence = "person", 1
            else:
                m.kind = "other"  # ordinary words: "World Cup", "Seconde Guerre", "Golden Knights"
        elif len(name) > 1 and len(text.split()) > 1:
            m.kind, m.evidence = "organization", 1
        elif first in lex.first_names or (fold(first).endswith(lex.surname_endings) and len(first) > 4):
            m.kind, m.evidence = "person", 1
        elif self.fr and len(name) == 1 and len(first) > 5 and first.endswith(lex.place_endings):
            m.kind = "location"  # "Mésopotamie", "Kabylie", "Tchécoslovaquie": the French ending of lands
        if m.kind == "other" and not all(self.is_common(w.lower()) for w in name):
            self._cue(words, s, e, m)  # (not "aux Jeux", "la Révolution": ordinary words capitalised)
        elif m.kind == "other" and s > 0 and words[s - 1].lower() in lex.place_prepositions and (
            low_first not in lex.heads and all(w[:1].isupper() for w in name)
        ):  # fmt: skip
            m.kind, m.evidence = "location", 1  # "en Corée", "en Perse" (not "en Bourse", a head)
        if m.kind == "person" and first in lex.first_names:
            m.gender = lex.first_names[first]
        if m.evidence <= 1 and self._weapon_model(words, s, e):
            return None
        return m

    def _weapon_model(self, words: Sequence[str], s: int, e: int) -> bool:
        """A name that a weapon or vehicle noun qualifies is a model, not an actor: French "chars (britanniques)
        Challenger", "missiles hypersoniques Kinjal", "systèmes Patriot"; English "Leopard tanks", "Kinzhal
        hypersonic missiles"."""
        lex = self.lex
        heads = lex.weapon_heads
        if self.fr:
            k = s - 1
            while k > s - 3 and k > 0 and words[k].isalpha() and words[k].islower() and (
                words[k] in lex.demonym_adjectives or words[k].endswith(lex.adjective_endings)
            ):  # fmt: skip
                k -= 1  # "chars britanniques Challenger", "missiles hypersoniques Kinjal"
            return k >= 0 and words[k].lower() in heads
        n = len(words)
        if e < n and words[e].lower() in heads:
            return True
        return e + 1 < n and words[e][:1].islower() and words[e].isalpha() and words[e + 1].lower() in heads

    def _tail_head(self, word: str) -> bool:
        """A capitalised head that ends a name ("Labour Party", "Discovery Communications"); not a place's name
        ("Détroit" is a city, not a strait)."""
        head = self.lex.heads.get(word.lower())
        return head is not None and word[:1].isupper() and word not in self.lex.places

    def _bare_name(self, word: str) -> bool:
        """A capitalised word that no lexicon knows: not common, not a place, head, organisation or acronym."""
        lex = self.lex
        low = word.lower()
        return not (is_allcaps(word) or word in lex.places or low in lex.heads or low in lex.orgs or word in lex.orgs
                    or word in lex.demonym_nouns or self.is_common(low) or not word[:1].isupper())  # fmt: skip

    def _team(self, name: Sequence[str]) -> bool:
        """A team name: French, a plural or English nickname, "de", and a place ("Bulls de Chicago"); English, a
        place and a plural nickname ("Seattle Mariners", "New York Yankees", "Boston Red Sox")."""
        lex = self.lex
        if not self.fr:
            k = next((k for k in (2, 1) if len(name) > k and " ".join(name[:k]) in lex.places), 0)
            return k > 0 and name[-1].endswith(("s", "x")) and all(
                w[:1].isupper() and not is_allcaps(w) and w not in lex.places for w in name[k:])  # fmt: skip
        joint = next((k for k, w in enumerate(name) if w.lower() in ("de", "du", "d'", "d’")), 0)
        if not 0 < joint < len(name) - 1 or " ".join(name[joint + 1 :]).replace(" - ", "-") not in lex.places:
            return False
        if name[0].lower() in lex.heads:
            return False  # "Îles de la Madeleine", "Chutes du Niagara" are places; "Conseil de Paris" a council
        return all(w[:1].isupper() and (w.endswith("s") or w.lower() in lex.foreign_vocabulary)
                   for w in name[:joint])  # fmt: skip

    def _organisation_like(self, name: Sequence[str]) -> bool:
        """An inner organisation head ("Racing Club de Lens"), a team ("Rangers du Texas") or an acronym."""
        lex = self.lex
        if len(name) > 2 and any(w.lower() in lex.heads and lex.heads[w.lower()].kind != "location" for w in name[1:]):
            return True
        if self._team(name):
            return True
        return len(name) == 1 and is_allcaps(name[0]) and len(name[0]) <= 6

    def _cue(self, words: TokenTexts, s: int, e: int, m: Mention) -> None:
        """The kind the neighbouring words suggest for a name nothing else classified: "la ville X", "la région
        d'X", "X a déclaré"; a place or a person cue also across "de" ("les habitants de X", "au nord de X", "le
        fils de X"), not an organisation cue ("le club de X" names the club after a place)."""
        lex = self.lex
        k = self._skip_determiners(words, s - 1)
        before = words[k].lower() if k >= 0 else ""
        after = words[e].lower() if e < len(words) else ""
        kind = lex.cues_before.get(before) or lex.cues_after.get(after)
        if not kind and before in lex.genitives and k > 0:
            k = self._skip_determiners(words, k - 1)
            cue = words[k].lower() if k >= 0 else ""
            kind = lex.cues_before_of.get(cue) or lex.cues_before.get(cue)
            kind = kind if kind in ("location", "person") else None
        if kind:
            m.kind = kind

    def _skip_determiners(self, words: Sequence[str], k: int) -> int:
        """The first token at or before ``k`` that is not a determiner or an elision (at most two are skipped)."""
        lex = self.lex
        stop = k - 2
        while k >= 0 and (words[k].lower() in lex.determiners or words[k].lower() in lex.elisions) and k > stop:
            k -= 1
        return k

    def _place_heads(self, words: Sequence[str], mentions: list[Mention]) -> None:
        """A lowercase place head before a name is part of it: "détroit de Béring", "îles Belcher"."""
        lex = self.lex
        for m in mentions:
            if not m.named or (m.kind == "person" and m.evidence >= 2) or m.start == 0:
                continue
            k = m.start - 1
            while k > m.start - 3 and k > 0 and words[k].lower() in ("de", "du", "des", "d'", "d’", "la", "l'",
                                                                     "l’", "of", "the"):  # fmt: skip
                k -= 1
            head = lex.heads.get(words[k].lower())
            if head is not None and head.kind == "location" and words[k][:1].islower():
                if k < m.start - 1 and words[k + 1].lower() not in ("de", "du", "des", "d'", "d’", "of"):
                    continue
                m.start, m.kind, m.evidence = k, "location", max(m.evidence, 2)
                m.key = ""

    # --- titles ------------------------------------------------------------------------------------------------

    def _title_at(self, words: Sequence[str], i: int, limit: int | None = None) -> TitlePhrase | None:
        """The title phrase that starts at token ``i``: modifiers, title, demonym and complement."""
        lex = self.lex
        n = len(words) if limit is None else limit
        j = i
        country = ""
        org = ""
        # English: "Ukraine's", "British", "Kremlin" before the title.
        if not self.fr and j < n:
            low = words[j].lower()
            if low in lex.demonym_adjectives:
                country = lex.demonym_adjectives[low]
                j += 1
            elif j + 1 < n and words[j + 1] in ("'s", "’s") and words[j] in lex.places:
                country = lex.places[words[j]]
                j += 2
            elif j + 1 < n and words[j + 1].lower() in lex.titles and self._known_org(words, j) is not None:
                org = words[j]
                j += 1
        while j < n and words[j].lower().rstrip("-") in lex.title_modifiers and j + 1 < n and (
            words[j + 1].lower() in lex.titles or words[j + 1].lower() in lex.title_modifiers
        ) and not self._title_words_at(words, j, n):  # fmt: skip
            j += 1
        if j >= n:
            return None
        if not self.fr:
            # "agriculture minister", "Defence Minister": up to two modifier words before the title
            for _ in range(2):
                if j + 1 < n and not self._title_words_at(words, j, n) and words[j].isalpha() and (
                    words[j].lower() not in lex.function_words
                ) and (self._title_words_at(words, j + 1, n) or (
                    j + 2 < n and words[j + 1].isalpha() and self._title_words_at(words, j + 2, n))):  # fmt: skip
                    j += 1
        options = lex.titles.get(words[j].lower())
        if not options:
            return None
        title = self._title_words_at(words, j, n)
        if title is not None:
            j += len(title.words)
        if title is None:
            return None
        # French: demonym, then "de la Défense" / "du Kremlin" / "des Affaires étrangères", then demonym.
        if j < n and words[j].lower() in lex.demonym_adjectives:
            country = country or lex.demonym_adjectives[words[j].lower()]
            j += 1
        elif (
            self.fr
            and j < n
            and words[j][:1].islower()
            and words[j].lower().endswith(lex.org_adjective_endings)
            and (words[j].lower() not in lex.function_words)
        ):
            j += 1  # "le gouverneur régional", "le conseiller diplomatique"
            if j < n and words[j].lower() in lex.demonym_adjectives:
                country = country or lex.demonym_adjectives[words[j].lower()]
                j += 1
        if j < n and words[j].lower() in ("de", "du", "des", "d'", "d’", "of"):
            k = j + 1
            if k < n and words[k].lower() in ("la", "l'", "l’", "le", "les", "the"):
                k += 1
            if k < n and (is_capitalised(words[k]) or words[k].lower() in lex.heads):
                comp_start = k
                k += 1
                while k + 1 < n and words[k] == "-" and isinstance(words, TokenTexts) and not words.spaces[k - 1]:
                    k += 2  # "état-major"
                while k < n and words[k] not in lex.first_names and (is_capitalised(words[k]) or (
                    self.fr and words[k].lower().endswith(self.lex.adjective_endings) and k - comp_start < 3
                    and words[k].lower() not in lex.demonym_adjectives
                    and words[k][:1].islower() and words[k].lower() not in lex.function_words
                )):  # fmt: skip
                    k += 1
                complement = (
                    words.text(comp_start, k) if isinstance(words, TokenTexts) else " ".join(words[comp_start:k])
                )
                known = self._known_org(words, comp_start)
                if complement in lex.places:
                    country = country or lex.places[complement]
                elif known is not None and known[0] == k:
                    org = complement
                    country = country or known[1].country
                j = k
        if j < n and words[j].lower() in lex.demonym_adjectives:
            country = country or lex.demonym_adjectives[words[j].lower()]
            j += 1
        return TitlePhrase(i, j, title, country, org)

    def _title_words_at(self, words: Sequence[str], j: int, n: int) -> Title | None:
        for option in self.lex.titles.get(words[j].lower(), ()):
            end = j + len(option.words)
            if end <= n and all(w.lower() == o or fold(w) == fold(o)
                                for w, o in zip(words[j:end], option.words, strict=True)):  # fmt: skip
                return option
        return None

    def _title_ending_at(self, words: Sequence[str], end: int) -> TitlePhrase | None:
        """The longest title phrase that ends right at token ``end`` (exclusive)."""
        best = None
        for s in range(end - 1, max(end - 9, -1), -1):
            low = words[s].lower()
            if low in self.lex.titles or low in self.lex.title_modifiers or low in self.lex.demonym_adjectives or (
                not self.fr and s + 1 < end and words[s + 1] in ("'s", "’s")
            ) or words[s].lower() in self.lex.orgs or words[s] in self.lex.orgs:  # fmt: skip
                phrase = self._title_at(words, s, end)
                if phrase is not None and phrase.end == end:
                    best = phrase
        return best

    def _titles(self, words: Sequence[str], mentions: list[Mention]) -> None:
        """Give person names the title phrase written right before or after them."""
        for m in mentions:
            if not m.named or m.kind not in ("person", "other"):
                continue
            end = m.start
            if end > 0 and words[end - 1] == ",":
                end -= 1
            phrase = self._title_ending_at(words, end) if end > 0 else None
            if phrase is not None:
                self._apply_title(words, m, phrase)
                m.extra["title_span"] = f"{phrase.start}:{phrase.end}"
                continue
            inline = m.extra.get("title_inline")
            if inline:
                m.title = inline
                continue
            # Apposition after the name: "Mark Rutte, Premier ministre néerlandais," / ", the Kremlin spokesman"
            k = m.end
            if k + 1 < len(words) and words[k] == ",":
                k += 1
                if words[k].lower() in self.lex.determiners or words[k].lower() in ("l'", "l’"):
                    k += 1
                phrase = self._title_at(words, k)
                if phrase is not None:
                    self._apply_title(words, m, phrase)
                    m.extra["apposition"] = f"{m.end + 1}:{phrase.end}"

    @staticmethod
    def _drop_inside_titles(mentions: list[Mention]) -> list[Mention]:
        """Names inside a title phrase ("de la Défense") are part of the title, unless a table knows them."""
        spans: list[tuple[int, int]] = []
        for m in mentions:
            for key in ("title_span", "apposition"):
                if key in m.extra:
                    a, b = (int(x) for x in m.extra[key].split(":"))
                    spans.append((a, b))
            if (not m.named and m.kind == "person") or m.key.startswith("body:"):
                spans.append((m.start, m.end))
        if not spans:
            return mentions
        return [m for m in mentions if not m.named or (m.key and not m.key.startswith("body:") and (
            m.evidence >= 2)) or m.kind == "person" or m.key.startswith("body:")
                or not any(a <= m.start and m.end <= b for a, b in spans)]  # fmt: skip

    def _apply_title(self, words: Sequence[str], m: Mention, phrase: TitlePhrase) -> None:
        m.kind = "person"
        m.evidence = max(m.evidence, 3)
        m.title = (
            words.text(phrase.start, phrase.end)
            if isinstance(words, TokenTexts)
            else " ".join(words[phrase.start : phrase.end])
        )
        m.role = phrase.title.role
        m.country = m.country or phrase.country
        if phrase.title.gender in ("m", "f"):
            m.gender = phrase.title.gender
        if phrase.org:
            m.extra["org"] = phrase.org

    def _sports_sides(self, words: Sequence[str], mentions: list[Mention], sent_starts: Sequence[bool]) -> None:
        """A place (not a country) or an unclassified name that a score follows ("Somerset 230", "Pohang 3 Ulsan
        2", a standings row "Boston 69 65") or that "v"/"vs" joins to another ("Essex v Kent") is a team: an
        organisation, and so are its other mentions in the article. A score is a number of at most three digits
        (cricket's "429-7" included); a lone one counts only when another side of the same sentence has one and
        one of the sides is a place or the sentence is a terse results line (unknown names before numbers in prose
        are often products: "PlayStation 3")."""
        n = len(words)
        sentence_of = self._sentence_numbers(words, sent_starts)
        scored: dict[int, list[Mention]] = {}
        sides: list[Mention] = []
        by_start = {m.start: m for m in mentions if m.named}
        for i in range(n):
            sentence = sentence_of[i]
            m = by_start.get(i)
            if m is None or not self._may_be_side(m):
                continue
            before = words[m.start - 1].lower() if m.start > 0 else ""
            after = words[m.end].lower() if m.end < n else ""
            if before in _VERSUS or after in _VERSUS:
                sides.append(m)
            elif _SCORE.match(after) and not self._measure_follows(words, m.end + 1):
                if m.end + 1 < n and _SCORE.match(words[m.end + 1].lstrip(".")):
                    sides.append(m)  # a results or standings row: "Hanwha 58 1 49 .542"
                else:
                    scored.setdefault(sentence, []).append(m)
        for number, found in scored.items():
            if len({x.words for x in found}) >= 2 and (
                any(x.kind == "location" for x in found) or self._terse(words, sentence_of, number)
            ):
                sides.extend(found)
        if not sides:
            return
        names = {x.words for x in sides}
        for m in mentions:
            if m.words in names and self._may_be_side(m):
                m.kind, m.evidence, m.key = "organization", max(m.evidence, 2), ""

    @staticmethod
    def _sentence_numbers(words: Sequence[str], sent_starts: Sequence[bool]) -> list[int]:
        """The sentence of each token (from 1); a token capitalised by position after a dash, a bracket or a quote
        mark does not open a new one."""
        numbers: list[int] = []
        count = 0
        for i, start in enumerate(sent_starts):
            if start and (i == 0 or words[i - 1] not in _INNER_OPENERS):
                count += 1
            numbers.append(count)
        return numbers

    @staticmethod
    def _terse(words: Sequence[str], sentence_of: Sequence[int], number: int) -> bool:
        """Sentence ``number`` is a results line, mostly names and figures: fewer than one word in four is a
        lowercase word (not "PlayStation 2 et Xbox 360" in a sentence of prose)."""
        lower = total = 0
        for word, sentence in zip(words, sentence_of, strict=True):
            if sentence == number:
                total += 1
                lower += word.isalpha() and word.islower()
        return total > 0 and 4 * lower < total

    def _determined_names(self, words: Sequence[str], mentions: list[Mention]) -> None:
        """Persons' names take no article: a name of several words that only looked like a person's (no known given
        name, no title) after "le", "la", "du", "au", "the" ... is an organisation ("le Werder Brême", "la Scuderia
        Ferrari", "au Dinamo Zagreb", "the Seattle Mariners"); after a preposition that only takes places
        (French "en"), it is a place."""
        for m in mentions:
            if (
                m.named
                and m.kind == "person"
                and m.evidence <= 1
                and len(m.words) > 1
                and not m.title
                and m.start > 0
                and words[m.start - 1].lower() in self.lex.articles
                and m.words[0] not in self.lex.first_names
            ):
                m.kind = "organization"
            elif (
                m.named
                and m.kind == "person"
                and m.evidence <= 2
                and not m.title
                and m.start > 0
                and words[m.start - 1].lower() in self.lex.place_prepositions
            ):
                m.kind, m.gender = "location", ""  # "en Caroline du Sud": a person's name never follows "en"

    def _measure_follows(self, words: Sequence[str], k: int) -> bool:
        """The number before token ``k`` is a measure, not a score: a unit or an ordinary word follows it
        ("Kherson 30 km", "Amiens 4 %"), not "points", "and" or another figure."""
        if k >= len(words):
            return False
        word = words[k]
        return word in ("%", "°", "°C") or (word.isalpha() and word.islower() and word not in self.lex.score_words)

    def _may_be_side(self, m: Mention) -> bool:
        return m.named and m.source == "rules" and len(" ".join(m.words)) > 2 and (
            (m.kind == "location" and not m.key.startswith("country:") and m.words[-1] not in self.lex.countries)
            or (m.kind == "other" and len(m.words) <= 3)
        )  # fmt: skip

    # --- descriptors -------------------------------------------------------------------------------------------

    def _descriptors(self, words: Sequence[str], names: list[Mention]) -> list[Mention]:
        lex = self.lex
        n = len(words)
        taken: set[int] = set()
        for m in names:
            if m.kind == "person" and m.evidence >= 2:  # a descriptor may hold other names: "du Kremlin"
                taken.update(range(m.start, m.end))
            for key in ("title_span",):
                if key in m.extra:
                    a, b = (int(x) for x in m.extra[key].split(":"))
                    taken.update(range(max(a - 1, 0), b))
        found: list[Mention] = []
        # French contracted articles open an actor too ("des forces russes", "aux troupes ukrainiennes")
        contracted = lex.articles - lex.determiners if self.fr else frozenset()
        openers = lex.determiners | contracted if self.fr else lex.determiners | lex.demonym_adjectives.keys()
        i = 0
        for c in [k for k, w in enumerate(words) if w.lower() in openers]:
            if c < i or c in taken:
                continue
            i = c
            low = words[i].lower()
            j = i + 1 if low in lex.determiners or low in contracted else i
            # "the Dutch counterpart" is a descriptor; "his Dutch counterpart" is not resolvable
            definite = low in lex.determiners or (i > 0 and words[i - 1].lower() in lex.determiners)
            phrase = self._title_at(words, j) if j < n and definite else None
            if phrase is not None and not taken.intersection(range(i, phrase.end)):
                nxt = phrase.end + (1 if phrase.end < n and words[phrase.end] == "," else 0)
                if not (nxt < n and any(m.start == nxt and m.kind == "person" for m in names)):
                    d = Mention(i, phrase.end, "person", False, 2, country=phrase.country, role=phrase.title.role,
                                title=words.text(j, phrase.end) if isinstance(words, TokenTexts) else "",
                                gender=phrase.title.gender
                                if phrase.title.gender in ("m", "f") else "")  # fmt: skip
                    if phrase.org:
                        d.extra["org"] = phrase.org
                    if not (phrase.country or phrase.org or phrase.title.role in lex.specific_roles):
                        d.extra["tentative"] = "1"  # "la vice-ministre": a mention only if someone holds the role
                    if not (phrase.country or phrase.org) and phrase.end - j == len(phrase.title.words):
                        d.extra["bare"] = "1"  # "le président", not "le ministre de la Défense"
                    found.append(d)
                    taken.update(range(i, phrase.end))
                i = phrase.end
                continue
            body = self._body_at(words, j) if self.fr and low not in contracted else None
            if body is not None and not taken.intersection(range(j, body[0])):
                end, key, country = body
                found.append(Mention(j, end, "organization", True, 2, key=key, country=country,
                                     words=tuple(words[j:end])))  # fmt: skip
                taken.update(range(i, end))
                i = end
                continue
            actor = self._actor_at(words, j)
            if actor is not None and not taken.intersection(range(i, actor[0])):
                end, kind, key, country = actor
                found.append(Mention(i if low in lex.determiners or low in contracted else j, end, kind, False, 2,
                                     key=key, country=country, words=tuple(words[j:end])))  # fmt: skip
                taken.update(range(i, end))
                i = end
                continue
        return found

    def _body_at(self, words: Sequence[str], j: int) -> tuple[int, str, str] | None:
        """A French public body written with a lowercase head: "ministère (russe) de la Défense (russe)",
        "orchestre philharmonique de Vienne", "ministère de l'Europe et des Affaires étrangères"."""
        lex = self.lex
        n = len(words)
        head = lex.heads.get(words[j].lower()) if j < n else None
        if head is None or head.kind != "organization" or head.actor or not words[j][:1].islower():
            return None
        k = j + 1
        country = ""
        open_head = words[j].lower() in lex.open_heads
        if k < n and words[k].lower() in lex.demonym_adjectives:
            country = lex.demonym_adjectives[words[k].lower()]
            k += 1
        elif not open_head:
            while k < j + 3 and k < n and self._lowercase_adjective(words[k]):
                k += 1  # "orchestre philharmonique", "université catholique"
        complement = self._complement_at(words, k)
        if complement is None and not open_head:  # "chambre de commerce de Bayonne", "cour d'appel de Paris"
            k = self._common_complement(words, k)
            complement = self._complement_at(words, k) if k else None
        if complement is None:
            return None
        comp, k = complement
        if open_head and " ".join(w for w in words[comp:k] if w[:1].isupper()) not in lex.places:
            return None  # "le club espagnol du Deportivo La Corogne": the club's own name is the entity
        if k < n and words[k].lower() in lex.demonym_adjectives:
            country = country or lex.demonym_adjectives[words[k].lower()]
            k += 1
        elif k + 1 < n and words[k].lower() in lex.coordinators:
            more = self._complement_at(words, k + 1)  # "de l'Économie et des Finances"
            if more is not None:
                k = more[1]
        middle = fold(" ".join(w for w in words[j + 1 : comp] if w[:1].islower() and w.isalpha()
                               and w.lower() not in lex.demonym_adjectives and w.lower() not in lex.genitives
                               and w.lower() not in lex.determiners))  # fmt: skip
        key = f"body:{fold(words[j])}:{middle}:{fold(' '.join(words[comp:k]))}:{country}"
        if country:
            key = f"body:{fold(words[j])}:{middle}:{fold(words[comp])}:{country}"
        return k, key, country

    def _common_complement(self, words: Sequence[str], k: int) -> int:
        """End of a common-noun complement at ``k`` ("de commerce", "d'appel", "des mines"), else 0."""
        n = len(words)
        if not (k + 1 < n and words[k].lower() in ("de", "des", "d'", "d’")):
            return 0
        noun = words[k + 1]
        if not (noun.isalpha() and noun.islower() and len(noun) > 2 and noun not in self.lex.function_words
                and self.is_common(noun)):  # fmt: skip
            return 0
        k += 2
        return k + 1 if k < n and self._lowercase_adjective(words[k]) else k

    def _lowercase_adjective(self, word: str) -> bool:
        low = word.lower()
        lex = self.lex
        return (word[:1].islower() and low.endswith(lex.org_adjective_endings) and low not in lex.demonym_adjectives
                and low not in lex.function_words)  # fmt: skip

    def _complement_at(self, words: Sequence[str], k: int) -> tuple[int, int] | None:
        """A body's complement at ``k``: "de la Défense", "des Affaires étrangères" -> (its capitalised word, end)."""
        n = len(words)
        if not (k + 1 < n and words[k].lower() in ("de", "du", "des", "d'", "d’")):
            return None
        k += 1
        if words[k].lower() in ("la", "l'", "l’"):
            k += 1
        if not (k < n and is_capitalised(words[k])) or words[k] in self.lex.first_names:
            return None  # (not "la chambre de Paul")
        comp = k
        k += 1
        while k < n and (is_capitalised(words[k]) or (
            words[k] == "-" and k + 1 < n and is_capitalised(words[k + 1])
        )):  # fmt: skip
            k += 2 if words[k] == "-" else 1  # "de Salt Lake City", "de Francfort-sur-l'Oder"
        while (
            k < n
            and words[k][:1].islower()
            and words[k].lower().endswith(self.lex.adjective_endings)
            and (words[k].lower() not in self.lex.demonym_adjectives and k - comp < 3)
        ):
            k += 1
        return comp, k

    def _actor_at(self, words: Sequence[str], j: int) -> tuple[int, str, str, str] | None:
        """An actor head with a demonym: "armée ukrainienne" (French) or "Russian forces" (English)."""
        lex = self.lex
        n = len(words)
        if j + 1 >= n:
            return None
        if self.fr:
            head = lex.heads.get(words[j].lower())
            if head is None or not head.actor or not words[j][:1].islower():
                return None
            adj = words[j + 1].lower()
            if adj in lex.demonym_adjectives:
                return j + 2, head.kind, f"{head.actor}:{lex.demonym_adjectives[adj]}", lex.demonym_adjectives[adj]
            return None
        adj = words[j].lower()
        if adj not in lex.demonym_adjectives:
            return None
        k = j + 1
        for size in (2, 1):
            cand = " ".join(words[k : k + size]).lower()
            head = lex.heads.get(cand)
            if head is not None and head.actor and k + size <= n:
                return k + size, head.kind, f"{head.actor}:{lex.demonym_adjectives[adj]}", lex.demonym_adjectives[adj]
        return None

    # --- acronyms ----------------------------------------------------------------------------------------------

    def _acronyms(self, words: Sequence[str], mentions: list[Mention]) -> None:
        """ "Name (ACR)": the acronym abbreviates the name just before it (not a person's: "Manon Aubry (LFI)" gives
        her party)."""
        by_start = {m.start: k for k, m in enumerate(mentions)}
        for m in mentions:
            if m.kind == "person":
                continue
            if m.end + 2 < len(words) and words[m.end] == "(" and words[m.end + 2] == ")":
                other = by_start.get(m.end + 1)
                if other is not None and is_allcaps(words[m.end + 1]):
                    mentions[other].acronym_of = m
                    if mentions[other].kind in ("other", "organization") and m.kind in ("organization", "group"):
                        mentions[other].kind = m.kind


_OPENING_MARKS = frozenset("«\"“'’")

# Models of weapons and vehicles ("F-16", "F16", "MiG-29", "S-400"), and the summits they must not take ("G7").
_MODEL = re.compile(r"^[A-Z][A-Za-z]{0,2}(-\d{1,4}|\d{2,4})[A-Z]?$")
_SUMMIT = re.compile(r"^G\d{1,2}$")

# A score after a team's name, and the words that join two sides ("Essex v Kent").
_SCORE = re.compile(r"^\d{1,3}(-\d{1,2})?$")
_VERSUS = frozenset({"v", "v.", "vs", "vs."})

_INNER_OPENERS = frozenset({"-", "–", "—", "(", "[", '"', "«", "“", "‘", ":"})

# A Roman numeral of I, V, X and L alone ("XV", "XXIV"): never a name on its own ("MDC", "CIA" are left out).
_NUMERAL = re.compile(r"^(?=[LXVI])L?X{0,3}(I[XV]|V?I{0,3})$")

_ROMAN = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def _same(word: str, pattern: str) -> bool:
    if pattern.isupper() and len(pattern) > 1:
        return word == pattern or (len(pattern) >= 3 and word == pattern.title())
    return word.lower() == pattern
