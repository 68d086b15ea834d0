"""Events of a report as PLOVER/POLECAT-shaped records and as ACLED-shaped rows (pure functions, no I/O).

:func:`plover_records` gives one dict per event with the POLECAT record fields (``actor``, ``recipient``,
``event``, ``mode``, ``context``, ``date``, ``event_loc``, ``event_text``) plus sitrep's ``claimed_by``,
``modality``, ``sitrep_type``, ``trigger`` and ``confidence``. PLOVER codes intentions as events of their own,
so the record's ``event`` follows PLOVER's conventions where sitrep's modality differs:

- future or hypothetical (planned, pledged, conditional) cooperative acts (CONSULT, SUPPORT, CONCEDE, COOPERATE,
  AID, RETREAT, AGREE) are ``AGREE``; future or hypothetical hostile acts (ASSAULT, COERCE, SANCTION, PROTEST) are
  ``THREATEN``; the other types keep their own;
- negated cooperative acts ("n'a pas accepté", "failed to reach agreement") are ``REJECT``; other negated events
  (an attack that did not happen, a denied accusation) are not PLOVER events and give no record.

:func:`acled_rows` gives ACLED's columns for the events ACLED codes (political violence, demonstrations and
strategic developments that happened: modality ``actual`` only), with this mapping:

=========================================  ==========================  ======================================
PLOVER type / mode / context               ACLED event_type            sub_event_type
=========================================  ==========================  ======================================
ASSAULT aerial, drone                      Explosions/Remote violence  Air/drone strike
ASSAULT heavy-weapons                      Explosions/Remote violence  Shelling/artillery/missile attack
ASSAULT explosives                         Explosions/Remote violence  Remote explosive/landmine/IED
ASSAULT suicide-attack                     Explosions/Remote violence  Suicide bomb
ASSAULT sexual                             Violence against civilians  Sexual violence
ASSAULT beat, torture, primitive,          Violence against civilians  Attack
assassinate
ASSAULT other (firearms, territory, none)  Battles                     Armed clash
PROTEST riot                               Riots                       Violent demonstration
PROTEST other modes                        Protests                    Peaceful protest
COERCE arrest                              Strategic developments      Arrests
COERCE detain                              Violence against civilians  Abduction/forced disappearance
COERCE destroy, seize                      Strategic developments      Looting/property destruction
COERCE other modes                         Strategic developments      Other
AGREE                                      Strategic developments      Agreement
RETREAT with territory context or withdraw Strategic developments      Non-violent transfer of territory
RETREAT other, MOBILIZE                    Strategic developments      Change to group/activity
=========================================  ==========================  ======================================

CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, REQUEST, ACCUSE, REJECT, THREATEN and SANCTION are not ACLED events and
give no row. ``fatalities`` is the sum of the event's quantities measured in ``killed``; ``geo_precision`` is 1
for a city or a smaller place, 2 for a region, 3 for a country (ACLED's scale), empty when there is no place.
Cannot do: ACLED's actor coding (interaction codes, actor types) or its country-specific conventions.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .report import Entity, Event, Place, Report

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

ACLED_COLUMNS: tuple[str, ...] = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities",
)  # fmt: skip


def plover_type(event: Event) -> str | None:
    """The PLOVER category a record of ``event`` carries, or None when PLOVER would not code it."""
    if event.modality in ("future", "hypothetical"):
        if event.type in COOPERATIVE:
            return "AGREE"
        if event.type in HOSTILE:
            return "THREATEN"
        return event.type
    if event.modality == "negated":
        return "REJECT" if event.type in COOPERATIVE else None
    return event.type


def _entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "country": entity.attributes.get("country"),
        "text": entity.mentions[0].text if entity.mentions else entity.name,
    }


def _place_of(report: Report, event: Event) -> Place | None:
    if event.place is None:
        return None
    return next((p for p in report.places if (p.start, p.end) == (event.place.start, event.place.end)), None)


def _date_of(report: Report, event: Event) -> str | None:
    if event.time is not None:
        time = next((t for t in report.times if (t.start, t.end) == (event.time.start, event.time.end)), None)
        if time is not None and time.type == "DATE" and ISO_DATE.match(time.value):
            return time.value
    return report.article.published


def plover_records(report: Report) -> list[dict[str, Any]]:
    """One POLECAT-shaped record per event that PLOVER would code (see the module docstring)."""
    return [r for r in (plover_record(report, e) for e in report.events) if r is not None]


def plover_record(report: Report, event: Event) -> dict[str, Any] | None:
    """The POLECAT-shaped record of one event of ``report``, or None when PLOVER would not code it."""
    kind = plover_type(event)
    if kind is None:
        return None
    entities = {e.id: e for e in report.entities}
    place = _place_of(report, event)
    if place is not None:
        loc: dict[str, Any] | None = {
            "text": place.text, "name": place.name, "country": place.country, "lat": place.lat,
            "lon": place.lon, "geonameid": place.geonameid, "feature": place.feature,
        }  # fmt: skip
    elif event.place is not None:
        loc = {"text": event.place.text, "name": None, "country": None, "lat": None, "lon": None,
               "geonameid": None, "feature": None}  # fmt: skip
    else:
        loc = None
    return {
        "id": f"{report.article.id}:{event.id}" if report.article.id else event.id,
        "actor": [_entity_record(entities[a]) for a in event.actors if a in entities],
        "recipient": [_entity_record(entities[r]) for r in event.recipients if r in entities],
        "event": kind,
        "mode": event.mode,
        "context": list(event.context),
        "date": _date_of(report, event),
        "event_loc": loc,
        "event_text": report.text[event.sentence.start : event.sentence.end],
        "claimed_by": event.claimed_by.to_dict() if event.claimed_by else None,
        "modality": event.modality,
        "sitrep_type": event.type,
        "trigger": event.trigger.text,
        "confidence": event.confidence,
    }


def acled_category(event: Event) -> tuple[str, str] | None:
    """ACLED's (event_type, sub_event_type) for an event, or None when ACLED would not code it."""
    mode, kind = event.mode, event.type
    if kind == "ASSAULT":
        if mode in ("aerial", "drone"):
            return "Explosions/Remote violence", "Air/drone strike"
        if mode == "heavy-weapons":
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if mode == "explosives":
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
        if mode == "suicide-attack":
            return "Explosions/Remote violence", "Suicide bomb"
        if mode == "sexual":
            return "Violence against civilians", "Sexual violence"
        if mode in ("beat", "torture", "primitive", "assassinate"):
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"
    if kind == "PROTEST":
        return ("Riots", "Violent demonstration") if mode == "riot" else ("Protests", "Peaceful protest")
    if kind == "COERCE":
        if mode == "arrest":
            return "Strategic developments", "Arrests"
        if mode == "detain":
            return "Violence against civilians", "Abduction/forced disappearance"
        if mode in ("destroy", "seize"):
            return "Strategic developments", "Looting/property destruction"
        return "Strategic developments", "Other"
    if kind == "AGREE":
        return "Strategic developments", "Agreement"
    if kind == "RETREAT":
        if "territory" in event.context or mode == "withdraw":
            return "Strategic developments", "Non-violent transfer of territory"
        return "Strategic developments", "Change to group/activity"
    if kind == "MOBILIZE":
        return "Strategic developments", "Change to group/activity"
    return None


@functools.cache
def _country_name(code: str) -> str:
    try:
        from babel import Locale

        return str(Locale("en").territories.get(code, code))
    except ImportError:
        return code


def _precision(place: Place | None) -> int | None:
    if place is None:
        return None
    return {"country": 3, "admin": 2}.get(place.feature or "", 1)


def acled_rows(report: Report) -> list[dict[str, Any]]:
    """One ACLED-shaped row per actual event ACLED codes (see the module docstring for the mapping)."""
    return [r for r in (acled_row(report, e) for e in report.events) if r is not None]


def acled_row(report: Report, event: Event) -> dict[str, Any] | None:
    """The ACLED-shaped row of one event of ``report``, or None when ACLED would not code it."""
    category = acled_category(event) if event.modality == "actual" else None
    if category is None:
        return None
    entities = {e.id: e for e in report.entities}
    quantities = {(q.start, q.end): q for q in report.quantities}
    place = _place_of(report, event)
    fatalities = 0
    for span in event.quantities:
        q = quantities.get((span.start, span.end))
        if q is not None and q.unit == "killed" and isinstance(q.value, int | float):
            fatalities += int(q.value)
    notes = report.text[event.sentence.start : event.sentence.end].strip()
    if event.claimed_by is not None:
        notes += f" [claimed by {event.claimed_by.name or 'an unnamed source'}]"
    country = place.country if place is not None else None
    if place is not None:
        location: str | None = place.name or place.text
    else:
        location = event.place.text if event.place is not None else None
    return {
        "event_date": _date_of(report, event),
        "event_type": category[0],
        "sub_event_type": category[1],
        "actor1": "; ".join(entities[a].name for a in event.actors if a in entities),
        "actor2": "; ".join(entities[r].name for r in event.recipients if r in entities),
        "country": _country_name(country) if country else None,
        "location": location,
        "latitude": place.lat if place is not None else None,
        "longitude": place.lon if place is not None else None,
        "geo_precision": _precision(place),
        "source": report.article.source or report.article.url or report.article.id,
        "notes": notes,
        "fatalities": fatalities,
    }
