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
Jackson County); a given name refused alone is a place in a list of two places or more ("Douglas, Lancaster and
Sarpy"); a common word refused at the head of a sentence is a place when the article takes the same name elsewhere
("Oxford City Council voted ... the vote in Oxford").

The stage's parts, one module each:
- :mod:`.place_lexicon`: the language data (:class:`PlaceLexicon`), compiled once per pipeline;
- :mod:`.place_article`: what the stage reads off the whole article before judging each name (surnames, speakers,
  datelines and appositions, names placed by a cue, headlines, lists of regions, organisation names);
- :mod:`.place_rejection`: the rules that refuse a name the gazetteer has (a surname, a firm, a common word...);
- :mod:`.place_words`: the tests on tokens that they share;
- :mod:`.place_resolution`: which gazetteer entry each name means.

Metonymy ("Moscou a affirmé", "le soutien de Londres", "according to Kyiv", "la trêve présentée par Le Caire") is
flagged for countries and cities of 100,000 inhabitants or more by cue verbs, nouns and prepositions from the
language's ``place_metonymy_*`` files; a name after a preposition of place or of a complement is not the subject of
the verb after it ("la junte au pouvoir à Bamako a annoncé").

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
from dataclasses import replace
from pathlib import Path

from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer, active_index_path, name_key
from .attrs import PLACES, PlaceAttrs
from .place_article import ArticleReader, RunAt
from .place_lexicon import PlaceLexicon, compile_lexicon, demonym_words
from .place_rejection import DISCOURSE_REASONS, LIST_REASONS, RejectionRules
from .place_resolution import Mention, PlaceResolver
from .place_words import ARTICLES, LIST_SEPARATORS, ends_with_any, is_located, region_span

__all__ = ["PLACES", "PlaceLexicon", "PlacesStage", "compile_lexicon", "demonym_words", "make"]

MAX_TOKENS = 8  # the longest token run tried as one name
MAX_LOWER_WORDS = 2  # lower-case words (not connectors) a name may hold: "République démocratique du Congo"
METONYMY_MIN_POPULATION = 100_000
LOWER_ARTICLES = frozenset({"le", "la", "les"})  # a run may start on one: "à la Flèche" (La Flèche), "le Havre"


def make(nlp: Language, name: str) -> PlacesStage:
    """The stage for ``nlp``'s language, on the active gazetteer index (shared by the process's pipelines)."""
    path = active_index_path()
    return PlacesStage(_shared_gazetteer(str(path), path.stat().st_mtime_ns), compile_lexicon(str(nlp.lang)))


@functools.lru_cache(maxsize=2)
def _shared_gazetteer(path: str, mtime_ns: int) -> Gazetteer:
    """One loaded index per file version for the whole process (the French and English pipelines share it; it is
    read-only, so no result depends on what ran before)."""
    return Gazetteer.load(Path(path))


class PlacesStage:
    """Finds toponyms, resolves them against the gazetteer and flags metonymic uses."""

    def __init__(self, gazetteer: Gazetteer, lexicon: PlaceLexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.reader = ArticleReader(gazetteer, lexicon)
        self.rules = RejectionRules(gazetteer, lexicon)
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
        """The place names of ``doc`` that pass the rejection rules, unresolved, in text order."""
        text, words, offsets, glued = _token_columns(doc)
        n = len(words)
        sent_start = _sentence_starts(doc)
        runs: dict[int, tuple[int, str] | None] = {}
        keys: dict[str, str] = {}  # name_key of the article's strings, each computed once

        def run_at(k: int) -> tuple[int, str] | None:
            if k not in runs:
                runs[k] = self._longest(words, offsets, sent_start, text, k, keys)
            return runs[k]

        article = self.reader.read(text, words, offsets, sent_start, glued, run_at)
        in_organization, listed = article.in_organization, article.listed
        lowered, capitalised = article.lowered, article.capitalised
        mentions: list[Mention] = []
        doubtful: list[tuple[int, int, str]] = []  # names refused on a ground that a list of places outweighs
        capitalised_only: list[tuple[int, int, str]] = []  # common words refused at the head of a sentence
        i = 0
        while i < n:
            if i in listed:  # "Barrow and Jackson counties": each name is a county
                end, key = listed[i]
                mentions.append(Mention(i, end, i, end, key, self.gazetteer.candidates(key)))
                i = end
                continue
            if (
                not (capitalised[i] or words[i] in self.lexicon.feature_words or words[i] in LOWER_ARTICLES)
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
            if lowered[i] in ARTICLES:  # "La Côte d'Ivoire": the name may start after the article
                after = run_at(i + 1)
                if after is not None and after[0] > end:
                    start, (end, key) = i + 1, after
            reason = self.rules.reason(article, start, end, key)
            if not reason:
                mentions.append(self._with_region(words, start, end, key))
                i = end
            else:
                if reason in LIST_REASONS:
                    doubtful.append((start, end, key))
                elif reason in DISCOURSE_REASONS:
                    capitalised_only.append((start, end, key))
                i = end if end - start > 1 else start + 1
        taken = {m.key for m in mentions}  # "Oxford City Council ... in Oxford": the article's name is a place
        mentions += [self._with_region(words, s, e, key) for s, e, key in capitalised_only if key in taken]
        mentions.sort(key=lambda m: m.start)
        found_mentions = self._with_listed(words, mentions, doubtful)
        for mention in found_mentions:  # a cue of place or a dateline vouches for the name: the resolver keeps it
            mention.placed = mention.key in article.placed
            mention.comma_after = mention.end < n and words[mention.end] == ","  # "Alexandria, Louisiana"
            mention.next_words = tuple(word.lower() for word in words[mention.end : mention.end + 3])
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

    def _longest(self, words: list[str], offsets: list[int], sent_start: list[bool], text: str, i: int,
                 keys: dict[str, str]) -> tuple[int, str] | None:  # fmt: skip
        """The longest name starting at token ``i``: its end and key. A run starts on a capitalised word, may go
        through connectors ("Rostov-sur-le-Don") and up to two lower-case words found inside the language's
        country names ("République démocratique du Congo", "Émirats arabes unis"), within the sentence; it is a
        name when the gazetteer has it. ``keys`` keeps the name keys of the article's strings (:func:`_key`)."""
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
        first = _key(keys, word).split(" ", 1)[0]
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
            key = _key(keys, text[offsets[i] : offsets[end - 1] + len(words[end - 1])])
            if end < n and words[end] == "." and key + "." in self.gazetteer:
                return end + 1, key + "."  # "W.Va." that the tokenizer split as "W.Va" "."
            if key in self.gazetteer:
                return end, key
        return None

    def _article_name(self, words: list[str], i: int, end: int,
                      run_at: RunAt) -> bool:  # fmt: skip
        """Whether a name that starts on a lower-case article is one ("à la Flèche": La Flèche): only when the name
        after the article is none ("la Californie" is California, not La Californie) and its first word is no
        common word ("la Chambre", "la Défense"), unless a cue of place comes before the article and no complement
        after the name ("à la Flèche"; not "à la Chambre des représentants"). The name with its article must be a
        place's own name or a curated exonym ("La Haye"; not "la Paix", an old name of Toul)."""
        found = run_at(i)
        if run_at(i + 1) is not None or found is None:
            return False
        gaz, lex = self.gazetteer, self.lexicon
        key = found[1]
        if not (gaz.is_curated(key) or any(gaz.is_own_name(c, key) for c in gaz.candidates(key))):
            return False
        if words[i + 1].lower() not in lex.common_words:
            return True
        return is_located(lex, words, i, end) and not (end < len(words) and words[end] in lex.connectors)

    def _with_region(self, words: list[str], i: int, end: int, key: str) -> Mention:
        """The mention of the name ``words[i:end]``, widened by a region word around it ("la région de Donetsk")."""
        cands = self.gazetteer.candidates(key)
        widened = region_span(self.lexicon, words, i, end)
        gaz = self.gazetteer
        if (widened is None and end < len(words) and words[end] in self.lexicon.region_after_own
                and not (end + 1 < len(words) and words[end + 1][:1].isupper())
                and any(gaz.is_admin1(c) and gaz.is_own_name(c, key) for c in cands)):  # fmt: skip
            # "Zamfara State"; not "Youngstown State" (a university), nor "Maryland State Police", "state police"
            widened = (i, end + 1)
        if widened is None:
            return Mention(i, end, i, end, key, cands)
        return Mention(widened[0], widened[1], i, end, key, cands, region=True)

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
        return ends_with_any(before, lex.metonymy_before)


def _key(keys: dict[str, str], text: str) -> str:
    """``name_key(text)``, kept in ``keys`` (an article asks for the same words' keys again and again)."""
    key = keys.get(text)
    if key is None:
        key = keys[text] = name_key(text)
    return key


def _token_columns(doc: Doc) -> tuple[str, list[str], list[int], frozenset[int]]:
    """The doc's text; the text and character offset of every token; the indices of the tokens with no space after
    them. Read in one bulk copy: making a Python object for each token (which ``doc.text`` and iterating the doc
    do) costs more than the stage's own work on it."""
    if not len(doc):
        return doc.text, [], [], frozenset()
    strings = doc.vocab.strings
    columns = doc.to_array([ORTH, IDX, SPACY]).tolist()
    words = [strings[orth] for orth, _, _ in columns]
    text = "".join([word + " " if space else word for word, (_, _, space) in zip(words, columns, strict=True)])
    return (
        text,
        words,
        [idx for _, idx, _ in columns],
        frozenset(i for i, (_, _, space) in enumerate(columns) if not space),
    )


def _sentence_starts(doc: Doc) -> list[bool]:
    """Whether each token starts a sentence, as ``doc.sents`` says, read in one bulk copy."""
    starts = [False] * len(doc)
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START") or not len(doc):
        for sent in doc.sents:  # a pipeline's own sentences, or spaCy's error for a doc with none
            starts[sent.start] = True
        return starts
    starts = [flag == 1 for flag in doc.to_array(SENT_START).tolist()]
    starts[0] = True
    return starts


def _abbreviation_stop(words: list[str], j: int) -> bool:
    """Whether token ``j`` is a full stop split from a short capitalised abbreviation before it ("ST" ".")."""
    return words[j] == "." and j > 0 and len(words[j - 1]) <= 3 and words[j - 1].isalpha() and words[j - 1][0].isupper()
