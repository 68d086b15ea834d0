"""The quotes stage (``sitrep_quotes_v1``): who said what, written to ``doc.spans["quotes"]``.

Each span of the group is a statement's CONTENT (quotation marks excluded for direct quotes) and carries
``span._.quote`` (:class:`~sitrep.pipeline.attrs.QuoteAttrs`): its kind (direct, indirect, mixed,
according_to), the cue, the speaker as the nearest surface mention (name, title phrase, pronoun such as
"a-t-elle", organisation), the entity key from ``doc.spans["entities"]`` when that stage ran and one of its
mentions is the speaker or what it resolves to, the named mention the speaker resolves to, and a kind hint.

Representation: a statement interrupted by its cue («…, a-t-il dit, …», «…», a-t-il dit, «…», "What worried
her, she said, was …") is TWO records that share the same cue and speaker spans (a span is contiguous and the
content excludes the cue); so is a quotation that goes on in the next sentence right after its cue ("…," Ross
said. "…"). A quotation running over several paragraphs, reopened at each, is ONE record whose content runs
from the first opening mark to the last closing mark (the reopening marks inside are part of its text). A
quotation inside a reported clause makes the clause one mixed record. The cue is the reporting verb with its
auxiliary ("a indiqué"), the marker ("selon") or the colon of a lead-in; for an inverted auxiliary the speaker
is "a-t-elle" and the cue the participle ("ajouté"), for an inverted verb the speaker is "-il" and the cue the
verb ("affirme").

The rules are in :mod:`sitrep.pipeline.quoting` and the language data in ``resources/<lang>/quote_*.tsv``,
compiled once per pipeline. Works without a statistical model and without the entities stage; uses
``doc.spans["entities"]`` and ``doc.spans["places"]`` when earlier stages wrote them. See
:mod:`sitrep.pipeline.quoting.finder` for what it cannot do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import load_resources
from .attrs import ENTITIES, PLACES, QUOTES, QuoteAttrs
from .quoting.finder import Finder
from .quoting.lexicon import QuoteLexicon, compile_lexicon
from .quoting.resolve import Resolver


class QuotesStage:
    """Finds quotes, cues and speakers in a Doc with one language's compiled lexicon."""

    def __init__(self, lexicon: QuoteLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc.spans[QUOTES] = []
            return doc
        places = list(doc.spans[PLACES]) if PLACES in doc.spans else []
        finder = Finder(doc, self.lexicon, places)
        found = finder.run()
        if not found:
            doc.spans[QUOTES] = []
            return doc
        entities = list(doc.spans[ENTITIES]) if ENTITIES in doc.spans else []
        resolved = Resolver(finder, self.lexicon, entities, places).run(found)
        spans: list[Span] = []
        for r in resolved:
            a = r.attribution
            if a.end <= a.start:
                continue
            content = doc[a.start:a.end]
            content._.quote = QuoteAttrs(
                kind=a.kind,
                cue=doc[a.cue[0]:a.cue[1]] if a.cue else None,
                speaker=doc[r.speaker[0]:r.speaker[1]] if r.speaker else None,
                speaker_entity=r.entity,
                speaker_name=doc[r.name[0]:r.name[1]] if r.name else None,
                speaker_kind=r.kind,
            )
            spans.append(content)
        doc.spans[QUOTES] = spans
        return doc


def make(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage(compile_lexicon(load_resources(nlp.lang)))
