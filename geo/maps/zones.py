"""Lockdown zones for one day: one GeoJson per style class, popups from geo.describe."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import folium
import shapely
from branca.element import Element
from folium.map import Layer
from folium.template import tojavascript

from geo.errors import DatasetError, Problem, shown
from geo.maps.geojson import rounded_geometries
from geo.maps.histories import ZoneStore, add_zone_histories
from geo.maps.popups import e, now_html, status_text
from geo.maps.raw import RawRender, js_json, store_var
from geo.maps.styles import STATUS_ORDER, StyleClass
from geo.model import Dataset, Lockdown
from geo.timeline import (
    ZoneState,
    ZoneStatus,
    as_moment,
    reported_until,
    shift_day,
    state_of,
    status_of,
)

# What a popup shows after the status of a downgraded lockdown.
DOWNGRADED_NOTE = " <em>(measures downgraded)</em>"
_ANY_DAY = dt.date(2000, 1, 1)

# A zone feature carries only ``i``, its row: geometry (``g`` at ``k``), name, lockdown id
# and the pieces of its popup are stored once per row in the group's ZoneStore (``n``,
# ``l``, ...; each distinct geometry once) and shared by the day's layer and every
# timeline period. Popups and tooltips are bound once per layer (Leaflet passes the
# clicked feature's layer), not once per feature; the store joins a popup
# (geo.maps.histories) with each lockdown's status on the day shown.
ZONE_JS = """(function (S, D, C) {
    function now(key, html) {
        return "<span class='lm-now lm-now-" + key + "'>" + html + '</span>';
    }
    // Another lockdown of the zone's history: its status on the day shown, or on the
    // slider's day once the timeline plays (its runs of days, S.u).
    function other(j) {
        if (!C.period || !S.u) { return S.d ? S.d[j] : ''; }
        var t = window.lmTime;
        var run = S.u[j].filter(function (u) { return u[0] <= t && t <= u[1]; })[0];
        return run ? now(S.y[run[2]], S.w[run[2]]) : '';
    }
    function status(p) {
        if (!C.period) { return C.s; }
        var a = new Date(p.start).toISOString().slice(0, 10);
        var b = new Date(p.end).toISOString().slice(0, 10);
        return C.s + " <span class='lm-period'>(" + (a === b ? a : a + ' to ' + b) + ')</span>';
    }
    return {
        data: {type: 'FeatureCollection', features: D.i.map(function (i, k) {
            var p = {i: i, lockdown: S.l[i]};
            if (D.a) { p.start = D.a[k]; p.end = D.b[k]; }
            return {type: 'Feature', geometry: S.g[S.k[i]], properties: p};
        })},
        popup: function (layer) {
            var p = layer.feature.properties;
            return S.popup(p.i, function (j) {
                return j === p.i ? now(C.k, status(p)) : other(j);
            });
        },
        tooltip: function (layer) {
            return '<b>' + S.n[layer.feature.properties.i] + '</b> — ' + C.t + C.x;
        }
    };
})"""


class ZoneClassLayer(RawRender, Layer):
    """The zones of one style class: ``L.geoJson`` (the day shown) or ``L.timeline``.

    ``rows`` index the store of ``store_owner``; ``starts``/``ends`` (ms) make it a
    timeline. ``status`` is the escaped status HTML for the popup, ``tip`` for the tooltip.
    """

    def __init__(self, rows: list[int], style_class: StyleClass, store_owner: Element, *,
                 status: str, tip: str, starts: list[int] | None = None,
                 ends: list[int] | None = None, show: bool = True, lazy: bool = False):
        super().__init__(name=style_class.key, overlay=True, control=False,
                         show=show and not lazy)
        self.lazy = lazy  # only a function that builds the layer: see maker_name
        self._name = "Timeline" if starts is not None else "ZoneLayer"
        self.style_class = style_class
        self.rows, self.starts, self.ends = rows, starts, ends
        self.store_owner = store_owner
        self.status, self.tip = status, tip

    def maker_name(self) -> str:
        return self.get_name() + "_make"

    @property
    def is_timeline(self) -> bool:
        return self.starts is not None

    def script_text(self) -> str:
        name = self.get_name()
        data: dict[str, Any] = {"i": self.rows}
        if self.is_timeline:
            data.update(a=self.starts, b=self.ends)
        const = {"s": self.status, "t": self.tip, "period": self.is_timeline,
                 "k": StyleClass(self.style_class.status, False).key,
                 "x": e(" · approximate outline") if self.style_class.approximate else ""}
        factory = "L.timeline" if self.is_timeline else "L.geoJson"
        script = (f"var {name}_z = {ZONE_JS}({store_var(self.store_owner)}, {js_json(data)}, "
                  f"{js_json(const)});\n"
                  f"var {name} = {factory}({name}_z.data, "
                  f"{tojavascript({'style': self.style_class.style()})});\n"
                  f"{name}.bindPopup({name}_z.popup, {{maxWidth: 420}});\n"
                  f"{name}.bindTooltip({name}_z.tooltip, {{sticky: true}});\n")
        if self.lazy:
            return (f"function {self.maker_name()}() {{\n{script}return {name};\n}}\n")
        if self.show:
            script += f"{name}.addTo({self._parent.get_name()});\n"
        return script


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
    geometries = _shared_rounded(zones.geometry.values)
    rows = []
    for record, geometry in zip(zones.to_dict("records"), geometries, strict=True):
        lockdown = by_id.get(str(record.get("lockdown")))
        if lockdown is None:
            continue
        method = record.get("method")
        if geometry is None:  # never leave a zone off the map without saying so
            raise DatasetError([Problem(
                "the map", f"lockdown {shown(lockdown.id)}", "zone", lockdown.zone,
                f"the zone cannot be drawn ({method or 'no geometry'})",
                "link its place to a gazetteer place (`lockdown-map validate` lists each)")])
        rows.append(ZoneRow(lockdown, str(record.get("name") or lockdown.zone),
                            bool(record.get("approximate")),
                            str(method) if isinstance(method, str) and method else None,
                            geometry))
    return rows


def _shared_rounded(values: Any) -> list[dict | None]:
    """Rounded GeoJSON for each geometry; equal geometries (a zone locked down again and
    again) are rounded once and share one dict, which the store then writes once."""
    keys = shapely.to_wkb(values)
    first: dict[Any, int] = {}
    for position, key in enumerate(keys):
        first.setdefault(key, position)
    distinct = rounded_geometries([values[p] for p in first.values()])
    by_key = dict(zip(first, distinct, strict=True))
    return [by_key[key] for key in keys]


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
    store = ZoneStore()
    store.add_to(group)
    classes: dict[StyleClass, list[int]] = defaultdict(list)
    statuses: dict[StyleClass, ZoneStatus] = {}
    states = [state_of(dataset, row.lockdown, moment) for row in rows]
    add_zone_histories(dataset, rows, moment, store)
    # Each row's status on the day, for the zone histories of the other rows.
    store.rows["d"] = [now_html(st.status, status_text(st.status, label_day)
                                + (DOWNGRADED_NOTE if st.downgraded else ""))
                       for st in states]
    for index, row in enumerate(rows):
        if draw:
            status = states[index].status
            style_class = StyleClass(status, row.approximate)
            classes[style_class].append(index)
            statuses[style_class] = status
    # Least important first, so zones in force are drawn on top.
    for status in reversed(STATUS_ORDER):
        for approximate in (False, True):
            style_class = StyleClass(status, approximate)
            if style_class in classes:
                text = status_text(status, label_day)
                ZoneClassLayer(classes[style_class], style_class, group, status=text,
                               tip=text).add_to(group)
    return group


def add_zone_store(dataset: Dataset, rows: list[ZoneRow], owner: Element) -> ZoneStore:
    """Store every row's popup (its zone's history), geometry, name and lockdown id once, in
    a ZoneStore held by ``owner``, with nothing that depends on the day: each lockdown's
    status is a slot the drawing layer fills. One store then serves every day; see
    :func:`day_zone_layer`."""
    store = ZoneStore()
    store.add_to(owner)
    add_zone_histories(dataset, rows, _ANY_DAY, store)
    return store


def day_zone_layer(dataset: Dataset, rows: list[ZoneRow], day: dt.date | dt.datetime,
                   store_owner: Element, name: str = "Lockdown zones",
                   states: Mapping[str, ZoneState] | None = None,
                   bands: Mapping[str, int] | None = None) -> folium.FeatureGroup:
    """The zones on ``day`` as one layer per style class over the store that
    :func:`add_zone_store` put in ``store_owner`` (already on the map): only row indexes
    and status text, so it is small and cheap to rebuild each day. ``states`` (by lockdown
    id) saves working out each lockdown's state again; missing ones are computed.
    ``bands`` (lockdown id → stringency band, from :func:`geo.maps.stringency_bands`)
    colours the fills by stringency instead of status; the outline keeps the status."""
    moment = as_moment(day)
    label_day = day.date() if isinstance(day, dt.datetime) else day
    classes: dict[tuple[StyleClass, bool], list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        state = (states or {}).get(row.lockdown.id) or state_of(dataset, row.lockdown, moment)
        band = None if bands is None else bands.get(row.lockdown.id, 0)
        classes[(StyleClass(state.status, row.approximate, band),
                 state.downgraded)].append(index)
    group = folium.FeatureGroup(name=name)
    # Least important first, so zones in force are drawn on top.
    for status in reversed(STATUS_ORDER):
        text = status_text(status, label_day)
        drawn = sorted((k for k in classes if k[0].status is status),
                       key=lambda k: (k[0].approximate, k[0].band or 0, k[1]))
        for style_class, downgraded in drawn:
            ZoneClassLayer(classes[(style_class, downgraded)], style_class, store_owner,
                           status=text + (DOWNGRADED_NOTE if downgraded else ""),
                           tip=text).add_to(group)
    return group


def day_zone_styles(dataset: Dataset, rows: list[ZoneRow], day: dt.date | dt.datetime,
                    states: Mapping[str, ZoneState] | None = None,
                    bands: Mapping[str, int] | None = None) -> dict[str, Any]:
    """The zones on ``day`` as styles only, for a map that already draws every row over
    the store of :func:`add_zone_store` (the dashboard's): ``classes`` in drawing order
    (least important first), each with its Leaflet ``style``, the ``status`` HTML that
    fills the popup's slot, the tooltip's ``tip`` and approximate note ``x``; and ``row``,
    each row's index into ``classes``. A few KB at 1,000 zones. ``bands`` colours the
    fills by stringency, as in :func:`day_zone_layer`."""
    moment = as_moment(day)
    label_day = day.date() if isinstance(day, dt.datetime) else day
    keys = []
    for row in rows:
        state = (states or {}).get(row.lockdown.id) or state_of(dataset, row.lockdown, moment)
        band = None if bands is None else bands.get(row.lockdown.id, 0)
        keys.append((StyleClass(state.status, row.approximate, band), state.downgraded))
    rank = {status: i for i, status in enumerate(reversed(STATUS_ORDER))}
    ordered = sorted(set(keys), key=lambda k: (rank[k[0].status], k[0].approximate,
                                               k[0].band or 0, k[1]))
    index = {key: i for i, key in enumerate(ordered)}
    classes = []
    for style_class, downgraded in ordered:
        text = status_text(style_class.status, label_day)
        classes.append({"style": style_class.style(), "tip": text,
                        "key": StyleClass(style_class.status, False).key,
                        "status": text + (DOWNGRADED_NOTE if downgraded else ""),
                        "x": e(" · approximate outline") if style_class.approximate else ""})
    return {"classes": classes, "row": [index[key] for key in keys]}


def _event_days(lockdown: Lockdown, last_reported: dt.date | None) -> set[dt.date]:
    whens = [lockdown.ordered, lockdown.effective, lockdown.announced_end, lockdown.actual_end]
    for change in lockdown.changes:
        whens.append(change.when)
        if change.announced_end is not None:
            whens.append(change.announced_end)
    days = {d for w in whens for d in (w.on, w.earliest, w.latest) if d is not None}
    days.add(reported_until(lockdown, last_reported).date())
    return days


def status_runs(lockdown: Lockdown, first: dt.date, last: dt.date,
                last_reported: dt.date | None = None,
                ) -> list[tuple[ZoneStatus, dt.date, dt.date]]:
    """(status, first day, last day) for each run of days with the same status;
    ``last_reported`` is the lockdown's :func:`geo.timeline.last_word`.

    Status changes only around the lockdown's own dates (and its last word), so it is
    evaluated there (and the days either side) rather than on every day: 1,000 zones
    stay fast.
    """
    candidates = {first}
    for day in _event_days(lockdown, last_reported):
        candidates.update({shift_day(day, -1), day, shift_day(day, 1)})
    days = sorted(d for d in candidates if first <= d <= last)
    runs: list[list] = []
    for index, day in enumerate(days):
        status = status_of(lockdown, day, last_reported)
        until = shift_day(days[index + 1], -1) if index + 1 < len(days) else last
        if runs and runs[-1][0] == status:
            runs[-1][2] = until
        else:
            runs.append([status, day, until])
    return [(status, start, end) for status, start, end in runs]
