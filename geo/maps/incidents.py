"""Incidents (a crossing, an arrest) as round purple markers, distinct from zone areas.

Incidents at the same spot (the report often names only the county) become one
marker whose popup lists them all, so none hides another.

10,000 markers as SVG paths took seconds to draw, so markers are drawn on one
canvas (in the pane above the zones). A canvas over the zones would swallow
their clicks and hovers, so it lets pointer events through except while the
pointer is over a marker. The page carries columns, not GeoJSON: coordinates,
and for each incident indexes into a list of escaped strings; the popup HTML
(markup written by the browser from escaped columns) is joined when opened.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from folium.map import Layer
from folium.template import tojavascript

from geo.describe import quotes_for
from geo.maps.basemap import TOP_PANE
from geo.maps.geojson import PRECISION
from geo.maps.popups import LOCATION_PRECISION, _quotes_html, e
from geo.maps.raw import RawRender, js_json
from geo.maps.styles import INCIDENT_STYLE
from geo.model import Dataset

# D: x, y (per spot), s (per spot: its incidents' rows), c (per spot: location note or -1),
# r (per incident: Kind, kind, when, place, who or -1, description, quotes), h (strings).
INCIDENT_JS = """(function (D, O) {
    var H = D.h, R = L.canvas({pane: O.pane, padding: 0.3});
    var style = L.extend({}, O.style, {renderer: R});
    var group = L.featureGroup();
    for (var k = 0; k < D.x.length; k++) {
        var marker = L.circleMarker([D.y[k], D.x[k]], style);
        marker.lmSpot = k;
        group.addLayer(marker);
    }
    group.bindPopup(function (layer) {
        var rows = D.s[layer.lmSpot], note = D.c[layer.lmSpot];
        var out = ["<div class='lm-popup lm-incident-popup'>"];
        if (rows.length > 1) {
            out.push("<h4 class='lm-title'>" + rows.length + " incidents here</h4>");
        }
        rows.forEach(function (j) {
            var r = D.r[j];
            out.push("<div class='lm-incident'><h5>" + H[r[0]] + "</h5><div class='lm-when'>"
                     + H[r[2]] + " — " + H[r[3]] + "</div>");
            if (r[4] >= 0) { out.push("<div class='lm-who'>Who: " + H[r[4]] + "</div>"); }
            out.push("<div class='lm-description'>" + H[r[5]] + "</div>" + H[r[6]] + "</div>");
        });
        if (note >= 0) {
            out.push("<div class='lm-notes'>Location: " + H[note]
                     + " (marker at the place's centre)</div>");
        }
        out.push("</div>");
        return out.join('');
    }, {maxWidth: 420});
    group.bindTooltip(function (layer) {
        return D.s[layer.lmSpot].map(function (j) {
            return '<b>' + H[D.r[j][1]] + '</b>, ' + H[D.r[j][2]];
        }).join('<br>');
    }, {sticky: true});
    // The canvas takes pointer events only while the pointer is over a marker.
    function track(ev) {
        var map = group._map, canvas = R._container;
        if (!map || !canvas) { return; }
        var point = map.mouseEventToLayerPoint(ev.touches ? ev.touches[0] : ev), hit = false;
        group.eachLayer(function (m) { hit = hit || m._containsPoint(point); });
        canvas.style.pointerEvents = hit ? 'auto' : 'none';
    }
    var box = null;
    group.on('add', function () {
        var canvas = R._container;
        box = group._map.getContainer();
        L.DomEvent.on(box, 'mousemove pointerdown touchstart', track);
        if (!canvas) { return; }
        canvas.style.pointerEvents = 'none';
        L.DomUtil.addClass(canvas, 'lm-incidents');
        // Runs after the renderer's own redraw in the same frame: markers are painted.
        L.Util.requestAnimFrame(function () {
            canvas.setAttribute('data-lm-drawn', String(D.x.length));
        });
    });
    group.on('remove', function () {
        if (box) { L.DomEvent.off(box, 'mousemove pointerdown touchstart', track); }
    });
    return group;
})"""


def _points(incidents: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rounded x and y of each drawable incident and the rows they come from."""
    geometries = np.asarray(incidents.geometry.array, dtype=object)
    usable = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    rows = np.flatnonzero(usable)
    points = geometries[rows]
    other = shapely.get_type_id(points) != 0  # not a Point: drawn at a point on it
    if other.any():
        points[other] = shapely.point_on_surface(points[other])
    return (np.round(shapely.get_x(points), PRECISION),
            np.round(shapely.get_y(points), PRECISION), rows)


def incident_data(dataset: Dataset, incidents: Any) -> dict[str, list]:
    """The incidents as columns for :data:`INCIDENT_JS`; every string escaped here."""
    data: dict[str, list] = {"x": [], "y": [], "s": [], "c": [], "r": [], "h": []}
    if incidents is None or len(incidents) == 0:
        return data
    strings: dict[str, int] = {}

    def text(value: Any) -> int:
        html = e(value)
        index = strings.get(html)
        if index is None:
            index = strings[html] = len(data["h"])
            data["h"].append(html)
        return index

    quotes: dict[tuple, int] = {}
    columns = {c: incidents[c].tolist() if c in incidents.columns else [None] * len(incidents)
               for c in ("id", "kind", "name", "place", "when", "who", "description",
                         "precision")}
    xs, ys, usable = _points(incidents)
    spots: dict[tuple[float, float], int] = {}
    for x, y, row in zip(xs.tolist(), ys.tolist(), usable.tolist(), strict=True):
        # The fields of geo.describe.incident_line, with quotes built once per evidence.
        try:
            incident = dataset.incident(str(columns["id"][row]))
            kind = incident.kind.replace("_", " ")
            when, who = incident.when.label(), incident.who
            place, description = dataset.place(incident.place).name, incident.description
            evidence = incident.evidence
        except KeyError:  # a layer row the dataset does not know: what the layer says
            kind = str(columns["kind"][row] or "").replace("_", " ")
            when = str(columns["when"][row] or "unknown")
            place = str(columns["name"][row] or columns["place"][row] or "")
            who, description = columns["who"][row], str(columns["description"][row] or "")
            evidence = ()
        quote = quotes.get(evidence)
        if quote is None:
            quote = quotes[evidence] = len(data["h"])
            data["h"].append(_quotes_html(quotes_for(dataset, evidence)))
        data["r"].append([text(kind[:1].upper() + kind[1:]), text(kind), text(when),
                          text(place), text(who) if who else -1, text(description), quote])
        spot = spots.get((x, y))
        if spot is None:
            spot = spots[(x, y)] = len(data["x"])
            data["x"].append(x)
            data["y"].append(y)
            data["s"].append([])
            precision = columns["precision"][row]
            try:
                level = int(precision) if precision is not None else None
            except (TypeError, ValueError):
                level = None
            data["c"].append(text(LOCATION_PRECISION[level])
                             if level in LOCATION_PRECISION else -1)
        data["s"][spot].append(len(data["r"]) - 1)
    return data


class IncidentLayer(RawRender, Layer):
    """All incidents as circle markers on one canvas, popups and tooltips bound once."""

    def __init__(self, data: dict[str, list], name: str = "Incidents"):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "IncidentLayer"
        self.data = data

    @property
    def spots(self) -> int:
        return len(self.data["x"])

    def script_text(self) -> str:
        options = {"pane": TOP_PANE, "style": {**INCIDENT_STYLE, "className": "lm-incident"}}
        script = (f"var {self.get_name()} = {INCIDENT_JS}({js_json(self.data)}, "
                  f"{tojavascript(options)});\n")
        if self.show:
            script += f"{self.get_name()}.addTo({self._parent.get_name()});\n"
        return script

    def _get_self_bounds(self) -> list:
        if not self.spots:
            return [[None, None], [None, None]]
        return [[min(self.data["y"]), min(self.data["x"])],
                [max(self.data["y"]), max(self.data["x"])]]


def incident_layer(dataset: Dataset, incidents: Any, name: str = "Incidents") -> IncidentLayer:
    """Circle markers in one layer on one canvas: 10,000 draw in well under a second."""
    return IncidentLayer(incident_data(dataset, incidents), name=name)
