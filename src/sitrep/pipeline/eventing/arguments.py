"""Who does what to whom, by clause-local rules over entity mentions (no parser needed).

- Actor: the nearest mention before the trigger in its clause that no preposition governs and no other trigger
  stands between; else, after a relative pronoun ("Kiev, qui a repoussé ..."), the antecedent; else the sentence's
  subject (its first mention no preposition governs). Coordinated mentions ("X et Y", "X and Y") act together.
- Passive ("a été frappée par", "were hit by"): the subject is the recipient and the mention after the agent
  preposition the actor. Verbs marked ``inv`` ("repousser une attaque", "receive support from") do the same without
  a passive.
- Recipient: the first mention after the trigger in its clause that a listed preposition (``rcpt=``), a hostile
  one (contre, sur / against, on) or none introduces; for a hostile act with none, the side a nationality
  adjective in its object names ("a abattu 27 drones ukrainiens", "shelled Russian positions"). Shooting down
  and intercepting are the shooter's acts; repelling (``inv``) names the attack repelled.
- Reported speech: the implicit subject of a reported infinitive ("X affirme avoir abattu", "X claimed to have")
  and a subject pronoun heading the reported clause ("X said it had") are the speaker; a pronoun after a verb of
  the quote ("ont convenu qu'ils") is not. A noun trigger is the speaker's act only after a light verb ("dit
  avoir lancé une offensive"), not after another ("affirme avoir stoppé l'avancée russe": the other side's).
- Noun triggers ("frappes russes sur Kiev", "Russia's invasion of Ukraine"): a nationality adjective next to the
  noun, a possessive, or a "de"/"of" complement that is a group, person or organisation is the actor; a place
  there is the target; a nationality adjective on an armed-forces noun of its complement ("l'avancée des troupes
  russes") names the actor. Otherwise the noun's clause subject is its actor ("X a lancé une offensive").
  A noun trigger also takes as actor the subject of a relative clause of planning or doing on it ("la
  contre-offensive que Kiev prépare"), or what a possessive determiner stands for ("son invasion de l'Ukraine":
  the most recent fitting mention, else the subject the fronted phrase opens on); the subject of a verb that stops
  it ("ont stoppé l'avancée russe") is its target, not its actor; a meeting's host ("le sommet du Conseil de
  l'Europe", ``venue``) is no participant, and a fronted participle of meeting ("Réunis à ..., X et Y") has the
  main subject as actors.
- People of a body ("les dirigeants de l'Otan", "leaders of NATO": the ``role`` class) make the body act; a
  mention the entities stage could not type acts only right before its verb ("Putin offered").
- More recipients: the party a demand or threat concerns under any preposition ("threatened to break relations
  with Russia"); the author of what is answered ("rejected calls by Belarus", "a rejeté l'ultimatum de Moscou");
  the party inside a gapped pattern ("appelé Israël à"); the owner in a hostile verb's object ("a frappé des
  positions du Hamas"); for a measure, withdrawal or protest with no party, the place it is about ("imposed a
  curfew in Cizre").
- Nationality adjectives and first-person words in a quote ("nos troupes") name the country's entity, when the
  article has one: a group of that country for "our", the country itself for an adjective, else a place the places
  stage read as standing for its government ("Kiev n'a pas confirmé"); a person who says "nous" with no such
  entity stands for it.

Cannot do: objects fronted before their verb, ellipsis across sentences, pronoun subjects the entities stage did
not resolve (those events have no actor), or sides named only by a nationality adjective when the article has no
entity for that country ("Syrian officers", "expelled two Russian diplomats"): an argument must be an entity.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .lexicon import EventLexicon
from .matching import Match, Word

# Hostile acts take a place complement as their target ("le bombardement de Kiev"); agreements and meetings are
# named after where they happen ("l'accord de Doha"); other acts take it as their actor ("l'aide de Washington").
NEAR = 7  # words after a demand or threat within which a party under any preposition is its recipient
# Answers to someone's proposal, demand or call: its author is the recipient ("rejected an Australian ultimatum").
ANSWER_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE", "SUPPORT"})
# Acts whose recipient, when none is named, is the place they are carried out on or in.
PLACED_TYPES = frozenset({"COERCE", "CONCEDE", "RETREAT", "PROTEST", "SANCTION"})
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "PROTEST", "REJECT"})
PLACE_NAMED_TYPES = frozenset({"AGREE", "CONSULT"})


@dataclass(slots=True)
class Mention:
    start: int  # word positions in the sentence, end exclusive
    end: int
    key: str
    kind: str
    country: str | None
    prep: str | None = None  # the preposition that governs it, if any


@dataclass(slots=True)
class Arguments:
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)


class CountryIndex:
    """Entity keys of the article by country code: its country entity, its groups, and the places the places
    stage read as standing for a government ("Kiev n'a pas confirmé": metonymic), which speak for the country
    when the article names no country entity."""

    def __init__(self, lex: EventLexicon, entities: dict[str, tuple[str, str, str | None]],
                 stand_ins: Callable[[], dict[str, str]] | None = None) -> None:  # fmt: skip
        # entities: key -> (kind, name, country); stand_ins: country code -> key of a metonymic place's entity,
        # read only when an adjective finds no country or group (most articles never need it)
        self._stand_ins = stand_ins
        self._stand_in: dict[str, str] | None = None
        self.country: dict[str, str] = {}
        self.group: dict[str, str] = {}
        self.any: dict[str, str] = {}
        for key, (kind, name, code) in entities.items():
            named = lex.country_names.get(name.lower().replace("’", "'"))
            if named and kind in ("location", "group", "organization", "other"):
                self.country.setdefault(named, key)
            if code is None:
                continue
            if kind == "group":
                self.group.setdefault(code, key)
            if kind in ("group", "location", "organization"):
                self.any.setdefault(code, key)

    def stand_in(self, code: str) -> str | None:
        if self._stand_in is None:
            self._stand_in = self._stand_ins() if self._stand_ins is not None else {}
        return self._stand_in.get(code)

    def for_adjective(self, code: str) -> str | None:
        return self.country.get(code) or self.group.get(code) or self.stand_in(code)

    def for_speaker_side(self, code: str) -> str | None:
        return self.group.get(code) or self.country.get(code) or self.stand_in(code)


class ArgumentFinder:
    """Finds the arguments of the triggers of one sentence."""

    def __init__(self, lex: EventLexicon, words: list[Word], clause_of: list[int], mentions: list[Mention],
                 triggers: list[Match], countries: CountryIndex) -> None:  # fmt: skip
        self.lex = lex
        self.words = words
        self.clause_of = clause_of
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.triggers = triggers
        self.countries = countries
        det = lex.classes.get("det", frozenset())
        preps = lex.classes["prep"] | lex.classes["genitive"] | lex.classes["agent"]
        coord = lex.classes["coord"]
        previous: Mention | None = None
        for m in self.mentions:
            k = m.start - 1
            while k >= 0 and words[k].form in det and words[k].form not in preps:
                k -= 1
            collective = lex.classes.get("collective", frozenset())
            role = lex.classes.get("role", frozenset())
            if k >= 0 and words[k].form in preps:
                m.prep = words[k].form
                if (
                    k > 0
                    and m.prep in lex.classes["genitive"]
                    and (words[k - 1].form in collective or words[k - 1].form.isdigit())
                ):
                    m.prep = None  # "des milliers de manifestants", "thousands of protesters": the people themselves
                elif k > 0 and m.prep in lex.classes["genitive"] and words[k - 1].form in role:
                    # "les dirigeants de l'Otan", "the leaders of NATO": the body acts where its people stand
                    j = k - 2
                    while j >= 0 and words[j].form in det and words[j].form not in preps:
                        j -= 1
                    m.prep = words[j].form if j >= 0 and words[j].form in preps else None
            elif (
                k >= 0
                and words[k].form in coord
                and words[k].form != ","
                and previous is not None
                and (previous.end == k)
            ):
                m.prep = previous.prep  # "entre Moscou et Kiev": the second conjunct shares the preposition
            previous = m
        self.trigger_at = {k for t in triggers for k in range(t.start, t.end)}
        self.verb_starts = sorted(t.start for t in triggers if not t.noun)

    # -- helpers ---------------------------------------------------------------------------------------------

    def _coordinated(self, m: Mention, before: bool) -> list[Mention]:
        """``m`` with the mentions joined to it by coordination (before it or after it)."""
        coord = self.lex.classes["coord"]
        det = self.lex.classes.get("det", frozenset())
        preps = self.lex.classes["prep"]
        group = [m]
        index = self.mentions.index(m)
        step = -1 if before else 1
        j = index + step
        while 0 <= j < len(self.mentions):
            other = self.mentions[j]
            lo, hi = (other.end, group[-1].start) if before else (group[-1].end, other.start)
            between = [w.form for w in self.words[lo:hi]]
            if not between or len(between) > 5 or other.kind == "other" or other.prep != m.prep:
                break
            if len(between) > 1 and "," in between and not all(f in coord or f in det for f in between):
                break  # "X, a déclaré Y": a comma with other words between is no list
            # "X et Y", "X, Y", and after: "X et son homologue néerlandais Y" (a title between, no verb or preposition)
            joined = between[0] in coord if not before else between[-1] in coord or between[0] in coord
            if not joined or not all(f in coord or f in det or f not in preps for f in between):
                break
            if any(lo <= k < hi for k in self.verb_starts) or (
                len(between) > 2 and not all(f in coord or f in det for f in between) and before
            ):
                break
            group.append(other)
            j += step
        return group

    def _personal_pronoun(self, lo: int, hi: int) -> bool:
        """Whether ``lo..hi`` holds a subject pronoun that stands for someone (not "il s'agit", "il faut")."""
        pronouns = self.lex.classes.get("pronoun", frozenset())
        impersonal = self.lex.classes.get("impersonal", frozenset())
        for k in range(lo, hi):
            if self.words[k].form in pronouns and not any(
                w.form in impersonal or w.lemma in impersonal for w in self.words[k + 1 : k + 4]
            ):
                return True
        return False

    def _reported_pronoun(self, start: int, lo: int, hi: int) -> bool:
        """Whether a subject pronoun in ``lo..hi`` heads the reported clause that opens at ``start`` ("a affirmé
        qu'il livrerait", "said it will"): no verb of the quote stands before it. One after a verb of the quote
        ("ont convenu qu'ils allaient") stands for that verb's subject, not for the speaker."""
        if not self._personal_pronoun(lo, hi):
            return False
        pronouns = self.lex.classes.get("pronoun", frozenset())
        verbs = self.lex.classes.get("auxiliary", frozenset()) | self.lex.classes["passive"]
        k = next(k for k in range(lo, hi) if self.words[k].form in pronouns)
        return not any(self.words[j].form in verbs or j in self.trigger_at for j in range(start, k))

    def _speakers_act(self, match: Match, start: int) -> bool:
        """Whether the speaker, implicit or a pronoun subject of the reported clause opening at ``start``, does
        what ``match`` names: a verb, yes; a noun only after a light verb ("dit avoir lancé une offensive"), not
        after another ("affirme avoir stoppé l'avancée russe", "say they halted the advance": the other side's)."""
        return not match.noun or self._light_between(start, match.start)

    def _light_between(self, lo: int, hi: int) -> bool:
        """Whether the words between a subject and its object noun hold a verb whose subject does what the noun
        names ("a lancé", "mounted"), or no verb at all ("X, dont l'offensive ...")."""
        light = self.lex.classes.get("light", frozenset())
        if not light:
            return True
        auxiliaries = self.lex.classes.get("auxiliary", frozenset()) | self.lex.classes["passive"]
        det = self.lex.classes.get("det", frozenset())
        between = self.words[lo:hi]
        for k, w in enumerate(between, start=lo):
            if not (w.form in light or w.lemma in light or self.lex.forms.get(w.form) in light):
                continue
            # "had a meeting" is light; "have halted the advance": the auxiliary of another verb is not
            if w.form in auxiliaries and k + 1 < hi and self.words[k + 1].form not in det:
                continue
            return True
        return len(between) <= 2  # "Russia's invasion", "l'armée russe et ses frappes"

    def _bare_participle(self, match: Match, lo: int) -> bool:
        """A past participle with no auxiliary before it in its clause ("tous tués", "Interpellé en 2018, X"):
        its noun is what underwent the act, as in a passive."""
        w = self.words[match.start]
        endings = tuple(self.lex.classes.get("participle", frozenset()))
        following = self.words[match.end] if match.end < len(self.words) else None
        if following is not None and (
            following.form in self.lex.classes.get("det", frozenset())
            or following.form.isdigit()
            or any(m.start == match.end for m in self.mentions)
        ):
            return False  # "guerrillas wounded two soldiers": a verb with its object, not a participle
        if "intr" in match.trigger.flags or not endings or w.form == w.lemma or not w.form.endswith(endings):
            return False
        if w.form.endswith(tuple(self.lex.classes.get("not_participle", ()))):
            return False  # "livrerait", "frappait": a conjugated verb that only looks like a participle
        auxiliaries = self.lex.classes.get("auxiliary", frozenset()) | self.lex.classes["passive"]
        if (
            match.start > 0
            and self.words[match.start - 1].form in self.lex.classes["coord"] - {","}
            and any(v.form in auxiliaries for v in self.words[: match.start - 1])
        ):
            return False  # "a décrété la mobilisation et menacé de ...": the auxiliary is shared
        return not any(v.form in auxiliaries for v in self.words[max(lo, match.start - 4) : match.start])

    def _opens_complement(self, clause: int) -> bool:
        """Whether clause number ``clause`` starts with a complementiser ("que", "that")."""
        complementizers = self.lex.classes.get("complementizer", frozenset())
        first = next((k for k, c in enumerate(self.clause_of) if c == clause), None)
        return first is not None and self.words[first].form in complementizers

    def _own_subject(self, lo: int, position: int) -> bool:
        """Whether a subordinate clause has a subject of its own that is no entity ("as the opposition threatened",
        "quand les rebelles ont attaqué"): then the sentence's subject is not the verb's."""
        # a possessive ("after their vehicles were hit") points back at the sentence's subject: not a subject of its own
        det = self.lex.classes.get("det", frozenset()) - self.lex.classes.get("owner_det", frozenset())
        opener = self.words[lo].form if lo < len(self.words) else ""
        return (lo > 0 and opener in self.lex.classes["breaker"] and opener not in self.lex.classes["relative"]
                and any(w.form in det for w in self.words[lo + 1 : position]))  # fmt: skip

    def _no_trigger_between(self, lo: int, hi: int) -> bool:
        return not any(lo <= k < hi for k in self.verb_starts)

    def _subject_before(self, position: int, lo: int) -> Mention | None:
        for m in reversed(self.mentions):
            if m.end > position or m.start < lo:
                continue
            if m.prep is None and m.kind != "other" and self._no_trigger_between(m.end, position):
                return m
        # else a mention the entities stage could not type, right before its verb ("Putin offered")
        return next((m for m in reversed(self.mentions) if m.kind == "other" and m.start >= lo and m.prep is None
                     and 0 <= position - m.end <= 3 and self._no_trigger_between(m.end, position)), None)  # fmt: skip

    def _sentence_subject(self, position: int) -> Mention | None:
        for m in self.mentions:
            if m.end > position:
                return None
            if m.prep is None and m.kind != "other":
                return m
        return None

    def _after(self, start: int, hi: int, preps: frozenset[str], direct: bool, through: bool = False
               ) -> Mention | None:  # fmt: skip
        """The first mention in ``start..hi`` that one of ``preps`` introduces, or none does when ``direct``;
        it stops at the next verb trigger unless ``through``, and then takes a direct mention only in the
        trigger's clause or the next one (the subject of "exige que Moscou retire", not an object further on)."""
        stop = hi if through else next((k for k in self.verb_starts if start < k < hi), hi)
        genitive, hostile = self.lex.classes["genitive"], self.lex.classes["hostile"]
        own = self.clause_of[start - 1] if start > 0 else 0
        first_clauses = {own, own + 1} if self._opens_complement(own + 1) else {own}
        for m in self.mentions:
            if m.start < start or m.start >= stop or m.kind == "other":
                continue
            near = not through or self.clause_of[m.start] in first_clauses
            if (m.prep is None and direct and near) or (m.prep is not None and m.prep in preps):
                return m
            if m.prep in genitive and any(
                w.form in hostile and w.form in preps for w in self.words[max(start, m.start - 4) : m.start]
            ):
                return m  # "contre des positions du Hezbollah": the target's owner
        return None

    def _placed(self, match: Match, hi: int) -> Mention | None:
        """The place a measure, a withdrawal or a protest with no party named is carried out in ("imposed a curfew
        in the town of Cizre", "a levé l'état d'urgence au Darfour"): it stands for its people or government."""
        if match.trigger.type not in PLACED_TYPES:
            return None
        agent = self.lex.classes["agent"]
        return next((m for m in self.mentions if match.end <= m.start < min(hi, match.end + NEAR)
                     and m.kind == "location" and m.prep is not None and m.prep not in agent
                     and self._no_trigger_between(match.end, m.start)), None)  # fmt: skip

    def _object_owner(self, match: Match, hi: int) -> Mention | None:
        """The owner named in a hostile verb's object ("a frappé des positions du Hamas"): a "de"/"of" mention
        after a determiner and a noun, within a few words and before any other preposition."""
        genitive = self.lex.classes["genitive"]
        det = self.lex.classes.get("det", frozenset())
        for m in self.mentions:
            if m.start < match.end + 3 or m.start >= min(hi, match.end + NEAR) or m.kind == "other":
                continue
            if (
                m.prep in genitive
                and self.words[m.start - 3].form in det
                and self._no_trigger_between(match.end, m.start)
            ):
                return m
            break
        return None

    def _adjective_near(self, match: Match) -> str | None:
        """The entity a nationality adjective next to a noun trigger names ("frappes russes", "Russian strikes")."""
        positions = (match.end, match.end + 1, match.start - 1, match.start - 2)
        for k in positions:
            if 0 <= k < len(self.words) and self.clause_of[k] == self.clause_of[match.start]:
                code = self.lex.demonyms.get(self.words[k].form)
                if code and not any(m.start <= k < m.end for m in self.mentions):
                    return self.countries.for_adjective(code)
        return None

    def _forces_of(self, match: Match) -> str | None:
        """The entity a nationality adjective names on an armed-forces noun in the noun trigger's "de"/"of"
        complement ("l'avancée des troupes russes", "the advance of Russian troops"): those forces act."""
        genitive = self.lex.classes["genitive"]
        det = self.lex.classes.get("det", frozenset())
        k = match.end
        if k >= len(self.words) or self.words[k].form not in genitive:
            return None
        k += 1
        while k < len(self.words) and self.words[k].form in det:
            k += 1
        clause = self.clause_of[match.start]
        for j in (k, k + 1):  # the force noun, after an English adjective or before a French one
            if j >= len(self.words) or self.clause_of[j] != clause:
                break
            w = self.words[j]
            if not self.lex.in_class("force", w.form, w.lemma):
                continue
            for a in (j - 1, j + 1):
                if k <= a < len(self.words) and self.clause_of[a] == clause and a != j:
                    code = self.lex.demonyms.get(self.words[a].form)
                    if code and not any(m.start <= a < m.end for m in self.mentions):
                        return self.countries.for_adjective(code)
            break
        return None

    def _object_adjective(self, match: Match, hi: int) -> str | None:
        """The entity a nationality adjective names in a hostile verb's object ("abattu 27 drones ukrainiens",
        "struck Russian positions"), read up to the first preposition other than "de"/"of" and a hostile one,
        or the next verb trigger: the side the act is aimed at."""
        stops = self.lex.classes["prep"] - self.lex.classes["genitive"] - self.lex.classes["hostile"]
        for k in range(match.start + 1, hi):
            if k >= match.end and (self.words[k].form in stops or k in self.verb_starts):
                return None
            code = self.lex.demonyms.get(self.words[k].form)
            if code and not any(m.start <= k < m.end for m in self.mentions):
                return self.countries.for_adjective(code)
        return None

    def _adjective_in(self, lo: int, hi: int) -> str | None:
        for k in range(lo, hi):
            code = self.lex.demonyms.get(self.words[k].form)
            if code and not any(m.start <= k < m.end for m in self.mentions):
                return self.countries.for_adjective(code)
        return None

    def _relative_agent(self, match: Match) -> Mention | None:
        """The subject of a relative clause on a noun trigger whose verb is one of planning or doing ("la
        contre-offensive très attendue que Kiev prépare", "the offensive that Russia launched"): it acts."""
        openers = self.lex.classes.get("complementizer", frozenset()) | self.lex.classes["relative"]
        det = self.lex.classes.get("det", frozenset())
        doing = self.lex.classes.get("plan", frozenset()) | self.lex.classes.get("light", frozenset())
        auxiliaries = self.lex.classes.get("auxiliary", frozenset()) | self.lex.classes["passive"]
        k = next((j for j in range(match.end, min(len(self.words), match.end + 4)) if self.words[j].form in openers),
                 None)  # fmt: skip
        if k is None or any(w.form in (",", ";", ":") for w in self.words[match.end : k]):
            return None
        j = k + 1
        while j < len(self.words) and self.words[j].form in det:
            j += 1
        m = next((m for m in self.mentions if m.start == j and m.kind != "other"), None)
        if m is None:
            return None
        for w in self.words[m.end : m.end + 3]:  # "que Kiev prépare", "that Kyiv is preparing", "qu'elle a menée"
            if w.form in doing or w.lemma in doing or self.lex.forms.get(w.form) in doing:
                return m
            if w.form not in auxiliaries:
                break
        return None

    def _owner(self, match: Match, previous_subject: str | None, taken: set[str]) -> str | None:
        """The entity a possessive determiner before a noun trigger stands for ("son invasion de l'Ukraine",
        "its offensive"): the most recent fitting mention before it in the sentence, else the sentence's
        subject after it ("Deux ans après son invasion, la Russie ..."), else the previous sentence's subject."""
        owners = self.lex.classes.get("owner_det", frozenset())
        det = self.lex.classes.get("det", frozenset())
        k = match.start - 1
        while k >= 0 and self.words[k].form in det and self.words[k].form not in owners:
            k -= 1  # "sa nouvelle offensive"
        if k < 0 or self.words[k].form not in owners:
            return None
        before = [m for m in self.mentions if m.end <= k and m.kind != "other" and m.key not in taken]
        if before:
            return before[-1].key
        comma = next((j for j in range(match.end, len(self.words)) if self.words[j].form == ","), None)
        after = next((m for m in self.mentions if comma is not None and comma < m.start <= comma + 3
                      and m.prep is None and m.kind != "other" and m.key not in taken), None)  # fmt: skip
        if after is not None:
            return after.key  # the fronted phrase's subject: "Deux ans après son invasion, la Russie ..."
        return previous_subject if previous_subject not in taken else None

    def _halted(self, match: Match, lo: int) -> bool:
        """Whether a verb that stops an act governs the noun trigger ("ont stoppé l'avancée russe", "halted the
        advance"): the verb's subject is then the act's target, not its actor."""
        halt = self.lex.classes.get("halt", frozenset())
        det = self.lex.classes.get("det", frozenset())
        k = match.start - 1
        while k >= lo and (self.words[k].form in det or self.words[k].form in self.lex.demonyms):
            k -= 1  # "halted the Russian advance"
        if k < lo:
            return False
        w = self.words[k]
        return w.form in halt or w.lemma in halt or self.lex.forms.get(w.form) in halt

    def _first_person(self, lo: int, hi: int) -> bool:
        first = self.lex.classes.get("first", frozenset())
        return any(w.form in first for w in self.words[lo:hi])

    # -- the rules -------------------------------------------------------------------------------------------

    def subject(self) -> str | None:
        """The sentence's subject entity (its first mention no preposition governs), for the next sentence."""
        m = self._sentence_subject(len(self.words))
        return m.key if m is not None else None

    def find(self, match: Match, clause: tuple[int, int], speaker: tuple[str, str, str | None] | None,
             previous_subject: str | None = None, scope: int | None = None,
             within: tuple[int, int] | None = None) -> Arguments:  # fmt: skip
        """The arguments of ``match`` in its clause; a demand, threat or refusal looks for its recipient in its
        complement, up to ``scope``. An event inside a quote takes its arguments from the quote (``within``):
        the speaker named after it ("..., a déclaré X") is not one of them."""
        if within is None:
            return self._find(match, clause, speaker, previous_subject, scope)
        saved = self.mentions
        self.mentions = [m for m in saved if within[0] <= m.start and m.end <= within[1]]
        first = next((k for k in range(within[0], within[1]) if self.words[k].form.isalpha()), within[0])
        infinitive = self.lex.classes.get("infinitive", frozenset())
        # "dit avoir repris", and a content that opens after its infinitive marker ("promised to [deliver ...]")
        reported_infinitive = self.words[first].form in infinitive or (
            within[0] > 0 and self.words[within[0] - 1].form in infinitive
        )
        try:
            found = self._find(match, clause, speaker, previous_subject, scope)
        finally:
            self.mentions = saved
        implicit = reported_infinitive and self._speakers_act(match, first)
        if implicit and speaker is not None and not (found.actors if "inv" not in match.trigger.flags
                                                     else found.recipients):  # fmt: skip
            # "L'Ukraine dit avoir repris ...", "Moscou affirme avoir abattu ...": the speaker, the implicit
            # subject of the infinitive, did it (or, for "repousser une attaque", underwent the attack); a noun
            # is the speaker's act only after a light verb ("dit avoir lancé une offensive"), not after another
            # ("affirme avoir stoppé l'avancée russe": the advance is the other side's)
            side = found.recipients if "inv" in match.trigger.flags else found.actors
            side.append(speaker[0])
            found.recipients = [r for r in found.recipients if r not in found.actors]
            return found
        if reported_infinitive:
            if speaker is not None and match.noun and not found.recipients and self._halted(match, first):
                found.recipients.append(speaker[0])  # "L'Ukraine dit avoir stoppé l'avancée russe"
            return found
        lo = max(clause[0], within[0])
        inverse = "inv" in match.trigger.flags
        if (
            speaker is not None
            and not (found.recipients if inverse else found.actors)
            and self._reported_pronoun(within[0], lo, match.start)
            and self._speakers_act(match, lo)
        ):
            # "Hungary said it will support ...": the pronoun of a reported clause is most often its speaker
            # ("Kyiv said it repelled a Russian attack": the one attacked)
            if inverse:
                found.recipients.append(speaker[0])
            else:
                found.actors.append(speaker[0])
                found.recipients = [r for r in found.recipients if r != speaker[0]]
        return found

    def _find(self, match: Match, clause: tuple[int, int], speaker: tuple[str, str, str | None] | None,
              previous_subject: str | None, scope: int | None) -> Arguments:  # fmt: skip
        lo, hi = clause
        trig = match.trigger
        words = self.words
        passive_aux = self.lex.classes["passive"]
        reflexive = self.lex.classes.get("reflexive", frozenset())
        hostile = self.lex.classes["hostile"]
        agent = self.lex.classes["agent"]
        genitive = self.lex.classes["genitive"]
        with_preps = self.lex.classes.get("with", frozenset())
        out = Arguments()

        passive = headline_passive = False
        if not match.noun and "intr" not in trig.flags and not words[match.start].form.endswith("ing"):
            for k in range(max(lo, match.start - 3), match.start):
                if words[k].form in passive_aux and not any(
                    words[j].form in reflexive for j in range(max(lo, k - 2), k)
                ):
                    passive = True
        bare = not passive and self._bare_participle(match, lo)
        if (not passive and not bare and not match.noun and "intr" not in trig.flags and match.end < len(words)
                and words[match.end].form in agent):  # fmt: skip
            headline_passive = True  # a headline's passive without auxiliary: "Kharkiv hit by Russian drones"
        passive = passive or bare or headline_passive
        agent_mention = self._after(match.end, hi, agent, direct=False) if passive or "inv" in trig.flags else None
        if passive and agent_mention is None and not bare and not headline_passive:
            # "est arrivé" is no passive; "a été frappée" without an agent is, and has no actor.
            sure = self.lex.classes.get("passive_sure", frozenset())
            passive = any(words[k].form in sure for k in range(max(lo, match.start - 3), match.start))

        if bare and lo == 0 and "sym" in trig.flags:
            # "Réunis à Reykjavik, les deux dirigeants ...": a participle fronting the sentence says what its
            # subject, after the comma, did together
            main = next((m for m in self.mentions if self.clause_of[m.start] > self.clause_of[match.start]
                         and m.prep is None and m.kind != "other"), None)  # fmt: skip
            if main is not None:
                out.actors.extend(dict.fromkeys(m.key for m in self._coordinated(main, before=False)))
            return out
        subject = self._subject_before(match.start, lo)
        relative = words[lo].form in self.lex.classes["relative"] if lo < len(words) else False
        if subject is None and (relative or bare):
            # the antecedent: "Kiev, qui a ...", "Kharkiv, bombardée par ...", whatever governs the mention just
            # before the comma ("entre les rebelles houthis, soutenus par l'Iran")
            comma = next((k for k in (lo, lo - 1) if 0 <= k < len(words) and words[k].form == ","), None)
            before = next((m for m in self.mentions if m.end == comma and m.kind != "other"), None)
            subject = before or self._subject_before(lo, 0)
        if subject is None and not match.noun and not bare and not self._own_subject(lo, match.start):
            subject = self._sentence_subject(match.start)
        subjects = self._coordinated(subject, before=True) if subject is not None else []

        if match.noun:
            between = self.lex.classes.get("between", frozenset())
            joint = next((k for k in (match.end, match.end + 1) if k < hi and words[k].form in between), None)
            if joint is not None and "sym" in trig.flags:
                first = next((m for m in self.mentions if joint < m.start < hi and m.kind != "other"), None)
                if first is not None:
                    out.actors.extend(dict.fromkeys(m.key for m in self._coordinated(first, before=False)))
                    return out
            actor = self._adjective_near(match) or self._forces_of(match)
            if actor is None:
                poss = self._possessor(match)
                actor = poss.key if poss else None
            if actor is None:
                by = self._after(match.end, hi, agent, direct=False)
                passive_between = by is not None and any(w.form in passive_aux for w in words[match.end : by.start])
                # "l'invasion de l'Ukraine par la Russie"; not "les frappes ... ont été saluées par Israël"
                actor = by.key if by is not None and not passive_between else None
            if scope is not None and "absorb" in trig.flags:
                rcpt = self._after(match.end, scope, hostile | trig.recipient_preps, direct=True, through=True)
            else:
                rcpt = self._after(match.end, hi, hostile | trig.recipient_preps, direct=False)
            complement = self._after(match.end, min(hi, match.end + 4), genitive, direct=False)
            if complement is not None and complement.start > match.end + 2:
                complement = None
            hostile_act = trig.type in HOSTILE_TYPES
            # "l'offensive de l'armée russe", "l'aide de Washington"; not "le sommet du Conseil de l'Europe" (the host)
            agentive = (
                complement is not None
                and "venue" not in trig.flags
                and (
                    complement.kind in ("group", "person", "organization")
                    or rcpt is not None
                    or (not hostile_act and trig.type not in PLACE_NAMED_TYPES)
                )
            )
            halted = subject is not None and self._halted(match, lo)
            # the subject of a light verb does the act ("X a lancé une offensive"), unless a peaceful act names
            # its own author ("a assuré Zelensky du soutien des États-Unis")
            light = subject is not None and not halted and self._light_between(subject.end, match.start)
            if actor is None and light and not (agentive and not hostile_act):
                actor = subject.key  # type: ignore[union-attr]
            if actor is None and agentive:
                actor = complement.key  # type: ignore[union-attr]
            if actor is None and "absorb" not in trig.flags:  # "demand that X": its content, no relative clause
                relative_subject = self._relative_agent(match)
                actor = relative_subject.key if relative_subject is not None else None
            if actor is None:
                actor = self._owner(match, previous_subject, {complement.key} if complement is not None else set())
            if (complement is not None and not agentive and rcpt is None and hostile_act
                    and not (complement.kind == "location" and "territory" in trig.needs)):  # fmt: skip
                rcpt = complement  # "l'invasion de l'Ukraine"; not "la prise de Soledar", the ground taken
            if rcpt is None:
                rcpt = self._placed(match, hi)
            if actor:
                out.actors.append(actor)
            if rcpt is not None and rcpt.key not in out.actors:
                out.recipients.append(rcpt.key)
            if halted and not out.recipients and subject is not None:
                # "Les forces ukrainiennes ont stoppé l'avancée russe": the advance was aimed at them
                out.recipients.extend(m.key for m in subjects if m.key not in out.actors)
            return out

        if passive or "inv" in trig.flags:
            actor_key = agent_mention.key if agent_mention else None
            if actor_key is None and "inv" in trig.flags:
                actor_key = self._adjective_in(match.end, hi)
                if actor_key is None:
                    obj = self._after(match.end, hi, genitive | agent, direct=False)
                    # a place right after ("le soutien de Londres") acts; one further on is where ("au-dessus de")
                    agentive = obj is not None and (
                        obj.kind != "location" or obj.prep in agent or obj.start <= match.end + 2
                    )
                    actor_key = obj.key if obj is not None and agentive else None
            if actor_key:
                out.actors.append(actor_key)
            out.recipients.extend(m.key for m in subjects if m.key not in out.actors)
            return out

        out.actors.extend(dict.fromkeys(m.key for m in subjects))
        if not out.actors and previous_subject and self._personal_pronoun(lo, min(match.start, 3)):
            # a pronoun opening the sentence ("Il a aussi fourni ...") is the previous sentence's subject
            out.actors.append(previous_subject)
        if not out.actors and speaker is not None and self._first_person(lo, match.start):
            # "nous avons abattu": a speaking army or state itself; "nos troupes" said by a person: their side
            key, kind, country = speaker
            side = (
                key
                if kind in ("group", "organization", "location")
                else (self.countries.for_speaker_side(country) if country else None)
            )
            # with no entity for their side, the speaker who says "nous" stands for it ("Nous ne céderons pas");
            # "nos troupes" are not the speaker
            det = self.lex.classes.get("det", frozenset())
            pronoun = any(w.form in self.lex.classes.get("first", ()) and w.form not in det
                          for w in self.words[lo : match.start])  # fmt: skip
            if side or pronoun:
                out.actors.append(side or key)
        preps = trig.recipient_preps | hostile
        if scope is not None and "absorb" in trig.flags:
            rcpt = self._after(match.end, scope, preps, direct=True, through=True)
            if rcpt is None:
                # "threatened to break relations with Russia", "menace d'intervenir au Niger": the party the
                # demanded or threatened act concerns, under any preposition but that of an agent
                rcpt = self._after(
                    match.end,
                    min(scope, match.end + NEAR),
                    self.lex.classes["prep"] - agent,
                    direct=False,
                    through=True,
                )
                owners = self.lex.classes.get("owner_det", frozenset())
                if rcpt is not None and (
                    self.words[rcpt.start - 1].form in owners
                    or self.clause_of[rcpt.start] != self.clause_of[match.start]
                ):
                    rcpt = None  # "in its Gulf war": a modifier, not a party; nor one of another clause
        else:
            rcpt = self._after(match.end, hi, trig.recipient_preps, direct=False) if trig.recipient_preps else None
            rcpt = rcpt or self._after(match.end, hi, preps, direct=False)
            if rcpt is None and "intr" not in trig.flags:
                rcpt = self._after(match.end, hi, frozenset(), direct=True)
                if rcpt is not None and rcpt.kind == "location" and "territory" in trig.context:
                    rcpt = None  # "reprendre le village de X": the ground taken, not the side that lost it
        if rcpt is None and match.end - match.start > 2:
            # "appelé Israël à", "a appelé les Européens à": the party named inside a gapped pattern
            rcpt = next((m for m in self.mentions if match.start < m.start and m.end < match.end and m.prep is None
                         and m.kind != "other" and m.key not in out.actors), None)  # fmt: skip
        if rcpt is None and trig.type in HOSTILE_TYPES:
            rcpt = self._object_owner(match, hi)
        if rcpt is None and "sym" in trig.flags:
            rcpt = self._after(match.end, hi, with_preps, direct=False)
        if rcpt is None:
            rcpt = self._placed(match, hi)
        if rcpt is None and trig.type in ANSWER_TYPES and not match.noun:
            # "rejected calls by Belarus's rulers", "a accepté l'offre de Moscou": who made what is answered
            rcpt = self._after(match.end, min(hi, match.end + NEAR), genitive | agent, direct=False)
        if rcpt is not None:
            for m in self._coordinated(rcpt, before=False):
                if m.key not in out.actors and m.key not in out.recipients:
                    out.recipients.append(m.key)
        elif (trig.type in HOSTILE_TYPES or trig.type in ANSWER_TYPES) and "intr" not in trig.flags:
            # "a abattu 27 drones ukrainiens", "struck Russian positions": no target named, its side is
            side = self._object_adjective(match, hi)
            if side is not None and side not in out.actors:
                out.recipients.append(side)
        return out

    def _possessor(self, match: Match) -> Mention | None:
        """English "Russia's invasion": the mention just before a possessive before the noun."""
        for k in (match.start - 1, match.start - 2):
            if k > 0 and self.words[k].form in self.lex.classes.get("possessive", frozenset()):
                for m in self.mentions:
                    if m.end == k:
                        return m
        return None
