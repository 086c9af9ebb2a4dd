"""Plain-text descriptions of a lockdown for popups, panels and tables. Pure logic.

One place decides what an analyst reads about a zone, so the exported map's
popup and the dashboard's details panel say the same thing. Nothing here is
HTML: renderers escape it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo.measures import measure_type
from geo.model import Dataset, Disagreement, Evidence, Incident, Lockdown, When
from geo.timeline import ZoneState, ZoneStatus, state_of


@dataclass(frozen=True)
class Quote:
    text: str
    report_id: str
    report_title: str
    url: str
    outlet: str
    language: str


@dataclass(frozen=True)
class DatedFact:
    label: str  # "Ordered", "In force from", ...
    value: str  # "2021-11-19 10:00 (inferred)" or "unknown"
    words: str | None
    reasoning: str | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class MeasureLine:
    code: str
    label: str
    oxcgrt: str  # "C7 Restrictions on internal movement, level 2" or "no OxCGRT indicator"
    scope: str
    note: str | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class IncidentLine:
    id: str
    kind: str
    when: str
    place: str
    who: str | None
    description: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class DisputedValue:
    value: str  # "2021-12-05 (inferred)"
    on: str | None  # ISO day (and time), for machines
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class DisagreementLine:
    """'Sources disagree': each value with its quotes, the one the map uses and why."""

    fact: str  # "actual_end"
    label: str  # "Actual end"
    uses: str  # the value the map uses, as shown
    reason: str
    bounds: tuple[str, str] | None  # earliest and latest day given
    values: tuple[DisputedValue, ...]

    def to_dict(self) -> dict[str, object]:
        chosen = next((v.on for v in self.values if v.value == self.uses), None)
        return {
            "fact": self.fact, "label": self.label, "uses": chosen, "reason": self.reason,
            "bounds": list(self.bounds) if self.bounds else None,
            "values": [{"on": v.on, "value": v.value,
                        "quotes": [{"report": q.report_id, "outlet": q.outlet, "url": q.url,
                                    "quote": q.text} for q in v.quotes]}
                       for v in self.values],
        }


@dataclass(frozen=True)
class LockdownSummary:
    lockdown_id: str
    zone_id: str
    zone_name: str
    other_names: tuple[str, ...]
    scope: str
    status: ZoneStatus
    downgraded: bool
    dates: tuple[DatedFact, ...]
    measures: tuple[MeasureLine, ...]
    trigger: IncidentLine | None
    precision_notes: tuple[str, ...]
    sources: tuple[Quote, ...]  # one per report cited, for the source links
    disagreements: tuple[DisagreementLine, ...] = ()


def quotes_for(dataset: Dataset, evidence: tuple[Evidence, ...]) -> tuple[Quote, ...]:
    result = []
    for item in evidence:
        report = dataset.report(item.report)
        result.append(Quote(item.quote, report.id, report.title, report.url, report.outlet,
                            report.language))
    return tuple(result)


def dated_fact(dataset: Dataset, label: str, when: When) -> DatedFact:
    value = when.label()
    if not when.known:
        value = "unconfirmed" if label == "Actual end" else "unknown"
    elif when.precision is not None and when.precision > 1:
        value += " ± a week" if when.precision == 2 else " ± a month"
    return DatedFact(label, value, when.words, when.reasoning, quotes_for(dataset, when.evidence))


_DATE_LABELS = {"ordered": "Ordered", "effective": "In force from",
                "announced_end": "Announced end", "actual_end": "Actual end"}


def _iso(when: When) -> str | None:
    if when.on is None:
        return None
    return when.on.isoformat() + (f"T{when.at.strftime('%H:%M')}" if when.at else "")


def disagreement_lines(dataset: Dataset, lockdown: Lockdown) -> tuple[DisagreementLine, ...]:
    """Where the lockdown's reports disagree, every value with its quotes."""
    lines = []
    for item in lockdown.disagreements:
        item: Disagreement
        label = _DATE_LABELS.get(item.fact, item.fact)
        values = tuple(DisputedValue(dated_fact(dataset, label, v).value, _iso(v),
                                     quotes_for(dataset, v.evidence)) for v in item.values)
        chosen = dated_fact(dataset, label, getattr(lockdown, item.fact)).value
        bounds = tuple(day.isoformat() for day in item.bounds) if item.bounds else None
        lines.append(DisagreementLine(item.fact, label, chosen, item.reason, bounds, values))
    return tuple(lines)


def incident_line(dataset: Dataset, incident: Incident) -> IncidentLine:
    return IncidentLine(
        id=incident.id,
        kind=incident.kind.replace("_", " "),
        when=incident.when.label(),
        place=dataset.place(incident.place).name,
        who=incident.who,
        description=incident.description,
        quotes=quotes_for(dataset, incident.evidence),
    )


def describe_lockdown(dataset: Dataset, lockdown: Lockdown,
                      moment: dt.date | dt.datetime) -> LockdownSummary:
    """Everything an analyst needs to judge one lockdown on one day, with its evidence."""
    zone = dataset.place(lockdown.zone)
    state = state_of(dataset, lockdown, moment)
    dates = (
        dated_fact(dataset, "Ordered", lockdown.ordered),
        dated_fact(dataset, "In force from", lockdown.effective),
        dated_fact(dataset, "Announced end", lockdown.announced_end),
        dated_fact(dataset, "Actual end", lockdown.actual_end),
    )
    measures = tuple(
        MeasureLine(
            code=m.code,
            label=measure_type(m.code).label,
            oxcgrt=measure_type(m.code).oxcgrt_label,
            scope=m.scope.value,
            note=m.note,
            quotes=quotes_for(dataset, m.evidence),
        )
        for m in lockdown.measures
    )
    trigger = None
    if lockdown.trigger:
        trigger = incident_line(dataset, dataset.incident(lockdown.trigger))
    cited: dict[str, Quote] = {}
    for quote in quotes_for(dataset, lockdown.evidence) + tuple(
            q for m in measures for q in m.quotes):
        cited.setdefault(quote.report_id, quote)
    return LockdownSummary(
        lockdown_id=lockdown.id,
        zone_id=zone.id,
        zone_name=zone.name,
        other_names=zone.aliases,
        scope=lockdown.scope,
        status=state.status,
        downgraded=state.downgraded,
        dates=dates,
        measures=measures,
        trigger=trigger,
        precision_notes=_precision_notes(lockdown, state),
        sources=tuple(cited.values()),
        disagreements=disagreement_lines(dataset, lockdown),
    )


def _precision_notes(lockdown: Lockdown, state: ZoneState) -> tuple[str, ...]:
    notes = []
    if state.start is None:  # what is known of a start no report gives
        notes.append("Start not reported: " + (
            f"in force by {state.in_force_from.date().isoformat()}" if state.in_force_from
            else "known only from its lifting; never shown in force") + ".")
    if state.actual_end is None and lockdown.announced_end.on is None and state.last_word:
        notes.append(f"No end reported: last reported {state.last_word.isoformat()}; "
                     "after that, no later report.")
    for label, when in (("ordered", lockdown.ordered), ("in force from", lockdown.effective),
                        ("announced end", lockdown.announced_end)):
        if when.known and when.certainty.value == "inferred":
            notes.append(f"Date '{label}' is inferred: {when.reasoning}")
    if not lockdown.actual_end.known:
        notes.append("Actual end unconfirmed: " + (lockdown.actual_end.reasoning
                                                   or "no report says when it was lifted."))
    return tuple(notes)
