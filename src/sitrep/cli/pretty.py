"""A readable summary of a report for the terminal (``sitrep extract --pretty``, ``sitrep show --pretty``)."""

from __future__ import annotations

from ..report import Report


def _clip(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render(report: Report) -> str:
    """Every record of ``report`` as indented lines, grouped by kind."""
    a = report.article
    lines = [f"{a.id}  {a.published or 'no date'}  {a.language or '?'}  {_clip(a.title or '', 70)}".rstrip()]
    names = {e.id: e.name for e in report.entities}
    if report.quotes:
        lines.append(f"quotes ({len(report.quotes)})")
        for q in report.quotes:
            who = (q.speaker.name or q.speaker.text) if q.speaker else "(no source)"
            cue = f" [{q.cue.text}]" if q.cue else ""
            lines.append(f"  {q.id} {q.kind:<12} {who}{cue}: {_clip(q.text, 80)}")
    if report.events:
        lines.append(f"events ({len(report.events)})")
        for v in report.events:
            actors = ", ".join(names.get(x, x) for x in v.actors) or "?"
            targets = ", ".join(names.get(x, x) for x in v.recipients) or "?"
            claim = f" claimed by {v.claimed_by.name or v.claimed_by.quote}" if v.claimed_by else ""
            where = f" at {v.place.text}" if v.place else ""
            lines.append(f"  {v.id} {v.type} ({v.modality}) {actors} -> {targets}{where} [{v.trigger.text}]{claim}")
    if report.places:
        lines.append(f"places ({len(report.places)})")
        for p in report.places:
            where = f"{p.name} ({p.country}) {p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None \
                else "unresolved"
            meto = " metonymic" if p.metonymic else ""
            lines.append(f"  {p.text:<24} {where} geonames:{p.geonameid}{meto}")
    if report.times:
        lines.append(f"times ({len(report.times)})")
        lines += [f"  {t.text:<24} {t.type:<8} {t.value}" for t in report.times]
    if report.quantities:
        lines.append(f"quantities ({len(report.quantities)})")
        for n in report.quantities:
            marks = "".join([" ~" if n.approximate else "", f" {n.bound}" if n.bound else ""])
            lines.append(f"  {n.text:<24} {n.value} {n.unit or ''}{marks}")
    if report.entities:
        lines.append(f"entities ({len(report.entities)})")
        for e in report.entities:
            attrs = ", ".join(f"{k}={v}" for k, v in e.attributes.items())
            count = f"{len(e.mentions)} mention{'' if len(e.mentions) == 1 else 's'}"
            lines.append(f"  {e.id:<4} {e.kind:<12} {e.name}  ({count}{'; ' + attrs if attrs else ''})")
    return "\n".join(lines)
