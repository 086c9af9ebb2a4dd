"""Lockdown zones for one day: one GeoJson per style class, popups from geo.describe."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import folium

from geo.describe import LockdownSummary, describe_lockdown
from geo.maps.geojson import feature_collection, rounded_geometries
from geo.maps.popups import lockdown_popup_parts, status_text, zone_tooltip
from geo.maps.raw import HtmlStore, VectorLayer, js_json
from geo.maps.styles import STATUS_ORDER, StyleClass
from geo.model import Dataset, Lockdown
from geo.timeline import ZoneStatus, as_moment, status_of

STATUS_SLOT = "<span class='lm-status-slot'></span>"  # cannot occur in escaped data

# Properties: i = the lockdown's popup in the store, s = its status for this period/day.
# split/join, not replace(): a replacement string would give '$&' a meaning.
BIND = ("""    var p = feature.properties;
    layer.bindPopup(function () {
        return STORE.r[p.i].map(function (j) { return STORE.h[j]; }).join('')
            .split(""" + js_json(STATUS_SLOT) + """).join(p.s);
    }, {maxWidth: 420});
    layer.bindTooltip(p.t, {sticky: true});""")


@dataclass(frozen=True)
class ZoneRow:
    """One zone of the layer joined to its lockdown."""

    lockdown: Lockdown
    name: str
    approximate: bool
    method: str | None
    geometry: dict


def zone_rows(dataset: Dataset, zones: Any) -> list[ZoneRow]:
    """The zones layer's rows whose lockdown the dataset knows, with rounded geometry."""
    if zones is None or len(zones) == 0:
        return []
    by_id = {lockdown.id: lockdown for lockdown in dataset.lockdowns}
    geometries = rounded_geometries(zones.geometry.values)
    rows = []
    for record, geometry in zip(zones.to_dict("records"), geometries, strict=True):
        lockdown = by_id.get(str(record.get("lockdown")))
        if lockdown is None or geometry is None:
            continue
        method = record.get("method")
        rows.append(ZoneRow(lockdown, str(record.get("name") or lockdown.zone),
                            bool(record.get("approximate")),
                            str(method) if isinstance(method, str) and method else None,
                            geometry))
    return rows


def in_span(dataset: Dataset, day: dt.date | dt.datetime) -> bool:
    from geo.timeline import dataset_span

    span = dataset_span(dataset)
    if span is None:
        return False
    date = day.date() if isinstance(day, dt.datetime) else day
    return span[0] <= date <= span[1]


def zone_layer_from_rows(dataset: Dataset, rows: list[ZoneRow], day: dt.date | dt.datetime,
                         name: str = "Lockdown zones", draw: bool = True) -> folium.FeatureGroup:
    """A FeatureGroup: the lockdowns' popups stored once, then one layer per style class
    for ``day`` (no layers when ``draw`` is False; the store still serves the timeline)."""
    moment = as_moment(day)
    label_day = day.date() if isinstance(day, dt.datetime) else day
    group = folium.FeatureGroup(name=name)
    store = HtmlStore()
    store.add_to(group)
    classes: dict[StyleClass, list[tuple[dict, dict]]] = defaultdict(list)
    for index, row in enumerate(rows):
        summary: LockdownSummary = describe_lockdown(dataset, row.lockdown, moment)
        store.add_parts(lockdown_popup_parts(summary, approximate=row.approximate,
                                             method=row.method, status=STATUS_SLOT))
        if not draw:
            continue
        status = summary.status
        props = {"lockdown": row.lockdown.id, "i": index,
                 "s": status_text(status, label_day),
                 "t": zone_tooltip(row.name, status, label_day, row.approximate)}
        classes[StyleClass(status, row.approximate)].append((row.geometry, props))
    # Least important first, so zones in force are drawn on top.
    for status in reversed(STATUS_ORDER):
        for approximate in (False, True):
            style_class = StyleClass(status, approximate)
            items = classes.get(style_class)
            if not items:
                continue
            VectorLayer(
                feature_collection([g for g, _ in items], [p for _, p in items]),
                name=style_class.key, control=False, options={"style": style_class.style()},
                bind=BIND, store_owner=group,
            ).add_to(group)
    return group


def _event_days(lockdown: Lockdown) -> set[dt.date]:
    whens = [lockdown.ordered, lockdown.effective, lockdown.announced_end, lockdown.actual_end]
    for change in lockdown.changes:
        whens.append(change.when)
        if change.announced_end is not None:
            whens.append(change.announced_end)
    return {w.on for w in whens if w.on is not None}


def status_runs(lockdown: Lockdown, first: dt.date,
                last: dt.date) -> list[tuple[ZoneStatus, dt.date, dt.date]]:
    """(status, first day, last day) for each run of days with the same status.

    Status changes only around the lockdown's own dates, so it is evaluated there
    (and the days either side) rather than on every day: 1,000 zones stay fast.
    """
    one = dt.timedelta(days=1)
    candidates = {first}
    for day in _event_days(lockdown):
        candidates.update({day - one, day, day + one})
    days = sorted(d for d in candidates if first <= d <= last)
    runs: list[list] = []
    for index, day in enumerate(days):
        status = status_of(lockdown, day)
        until = days[index + 1] - one if index + 1 < len(days) else last
        if runs and runs[-1][0] == status:
            runs[-1][2] = until
        else:
            runs.append([status, day, until])
    return [(status, start, end) for status, start, end in runs]
