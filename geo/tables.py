"""Tables of lockdowns, measures and incidents for a day. Pure: pandas in, nothing else.

The dashboard's data view shows these; its downloads write the same selection
(:mod:`geo.selection`) through :mod:`geo.io` (the events CSV is
:func:`geo.io.events_frame`). Cells hold the reports' words as
plain text; renderers escape them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pandas as pd

from geo.describe import dated_fact
from geo.measures import measure_type
from geo.model import Dataset, Place, PlaceKind
from geo.timeline import last_word, status_of

LOCKDOWN_COLUMNS = ["lockdown", "zone", "province", "status", "ordered", "in_force_from",
                    "announced_end", "actual_end", "measures", "trigger"]
MEASURE_COLUMNS = ["lockdown", "zone", "province", "status", "code", "measure", "oxcgrt",
                   "scope", "note", "quotes"]
INCIDENT_COLUMNS = ["incident", "kind", "place", "province", "when", "who", "description",
                    "location_precision", "quotes"]


def lineage(dataset: Dataset, place: Place) -> Iterator[Place]:
    """``place``, then its parent, its parent's parent…; stops at a cycle."""
    seen: set[str] = set()
    current: Place | None = place
    while current is not None and current.id not in seen:
        yield current
        seen.add(current.id)
        current = dataset.place(current.parent) if current.parent else None


def province_of(dataset: Dataset, place: Place) -> str | None:
    """The name of the province ``place`` lies in (itself if it is one), from the parent chain."""
    return next((p.name for p in lineage(dataset, place) if p.kind is PlaceKind.PROVINCE), None)


def _quotes(evidence: tuple) -> str:
    return " | ".join(f"“{e.quote}” ({e.report})" for e in evidence)


def lockdowns_table(dataset: Dataset, day: dt.date | dt.datetime) -> pd.DataFrame:
    """One row per lockdown, with its status on ``day`` and its four dates as labels."""
    rows = []
    for lockdown in dataset.lockdowns:
        zone = dataset.place(lockdown.zone)
        rows.append({
            "lockdown": lockdown.id,
            "zone": zone.name,
            "province": province_of(dataset, zone),
            "status": status_of(lockdown, day, last_word(dataset, lockdown)).value,
            "ordered": dated_fact(dataset, "Ordered", lockdown.ordered).value,
            "in_force_from": dated_fact(dataset, "In force from", lockdown.effective).value,
            "announced_end": dated_fact(dataset, "Announced end", lockdown.announced_end).value,
            "actual_end": dated_fact(dataset, "Actual end", lockdown.actual_end).value,
            "measures": ", ".join(m.code for m in lockdown.measures),
            "trigger": lockdown.trigger,
        })
    return pd.DataFrame(rows, columns=LOCKDOWN_COLUMNS)


def measures_table(dataset: Dataset, day: dt.date | dt.datetime) -> pd.DataFrame:
    """One row per measure of each lockdown, with its OxCGRT coding and the quotes behind it."""
    rows = []
    for lockdown in dataset.lockdowns:
        zone = dataset.place(lockdown.zone)
        status = status_of(lockdown, day, last_word(dataset, lockdown)).value
        for measure in lockdown.measures:
            kind = measure_type(measure.code)
            rows.append({
                "lockdown": lockdown.id,
                "zone": zone.name,
                "province": province_of(dataset, zone),
                "status": status,
                "code": measure.code,
                "measure": kind.label,
                "oxcgrt": kind.oxcgrt_label,
                "scope": measure.scope.value,
                "note": measure.note,
                "quotes": _quotes(measure.evidence),
            })
    return pd.DataFrame(rows, columns=MEASURE_COLUMNS)


def incidents_table(dataset: Dataset) -> pd.DataFrame:
    """One row per incident as the reports tell it."""
    rows = []
    for incident in dataset.incidents:
        place = dataset.place(incident.place)
        rows.append({
            "incident": incident.id,
            "kind": incident.kind,
            "place": place.name,
            "province": province_of(dataset, place),
            "when": incident.when.label(),
            "who": incident.who,
            "description": incident.description,
            "location_precision": incident.precision.name.lower(),
            "quotes": _quotes(incident.evidence),
        })
    return pd.DataFrame(rows, columns=INCIDENT_COLUMNS)
