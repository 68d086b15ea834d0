"""The stages of the default pipeline, in order: names, factories and what each requires and assigns.

Plain data, importable without spaCy (the options and the command line read it); :mod:`.registry` registers the
factories with spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage of the default pipeline: its factory name, module, and declared inputs and outputs."""

    key: str  # short name used on the command line ("times")
    factory: str  # spaCy factory name
    module: str  # sitrep.pipeline.<module> holds make(nlp, name)
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("sentences", "sitrep_sentences_v1", "sentences", (), ("token.is_sent_start",)),
    Stage("times", "sitrep_times_v1", "times", ("token.is_sent_start",), ("doc.spans", "span._.timex")),
    Stage("quantities", "sitrep_quantities_v1", "quantities", ("token.is_sent_start",),
          ("doc.spans", "span._.quantity")),
    Stage("places", "sitrep_places_v1", "places", ("token.is_sent_start",), ("doc.spans", "span._.place")),
    Stage("entities", "sitrep_entities_v1", "entities", ("token.is_sent_start",), ("doc.spans", "doc._.sitrep")),
    Stage("quotes", "sitrep_quotes_v1", "quotes", ("token.is_sent_start",),
          ("doc.spans", "span._.quote")),
    Stage("events", "sitrep_events_v1", "events", ("token.is_sent_start",),
          ("doc.spans", "span._.event")),
)  # fmt: skip
DEFAULT_STAGES: tuple[str, ...] = tuple(s.key for s in STAGES)
