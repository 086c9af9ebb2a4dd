"""Incidents (a crossing, an arrest) as round purple markers, distinct from zone areas.

Incidents at the same spot (the report often names only the county) become one
marker whose popup lists them all, so none hides another.

10,000 markers as SVG paths took seconds to draw, so markers are drawn on one
canvas (in the pane above the zones), and not as one Leaflet layer each either
(0.2 s of a 10,000-incident page's opening): a canvas renderer of their own
draws a copy of one marker at every spot and finds the spots under the pointer
in a grid. A canvas over the zones would swallow their clicks and hovers, so it
lets pointer events through except while the pointer is over a marker. The page
carries columns, not GeoJSON: coordinates, and for each incident indexes into a
list of escaped strings; the popup HTML (markup written by the browser from
escaped columns) is joined when opened.
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
# O: pane, style (Leaflet path options: radius, weight, color, fillColor, opacity, ...).
INCIDENT_JS = """(function (D, O) {
    var H = D.h, S = O.style, n = D.x.length;
    var reach = S.radius + (S.weight || 0) / 2;  // Leaflet's CircleMarker hit radius
    function popupHtml(k) {
        var rows = D.s[k], note = D.c[k];
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
    }
    function tipHtml(k) {
        return D.s[k].map(function (j) {
            return '<b>' + H[D.r[j][1]] + '</b>, ' + H[D.r[j][2]];
        }).join('<br>');
    }
    // One marker drawn once; each spot is a copy of it, so 10,000 spots cost 10,000
    // drawImage calls and no Leaflet layer each.
    function sprite(scale) {
        var side = Math.ceil(2 * reach + 2), c = document.createElement('canvas');
        c.width = c.height = side * scale;
        var ctx = c.getContext('2d');
        ctx.scale(scale, scale);
        ctx.beginPath();
        ctx.arc(side / 2, side / 2, S.radius, 0, Math.PI * 2);
        ctx.globalAlpha = S.fillOpacity === undefined ? 0.2 : S.fillOpacity;
        ctx.fillStyle = S.fillColor || S.color;
        ctx.fill();
        if (S.stroke !== false && S.weight) {
            ctx.globalAlpha = S.opacity === undefined ? 1 : S.opacity;
            ctx.lineWidth = S.weight;
            ctx.strokeStyle = S.color;
            ctx.stroke();
        }
        return {image: c, side: side};
    }
    // The spots on one canvas renderer of their own (its padding, retina scale and zoom
    // animation are Leaflet's); drawing and hit testing read the columns directly.
    var Spots = L.Canvas.extend({
        initialize: function (options) {
            L.Canvas.prototype.initialize.call(this, options);
            this._sprite = sprite(L.Browser.retina ? 2 : 1);
            this._popup = L.popup({maxWidth: 420});
            this._tip = L.tooltip({className: 'lm-incident-tip'});  // moved with the pointer
        },
        onAdd: function (map) {
            this._zoomProjected = null;
            L.Canvas.prototype.onAdd.call(this, map);
            L.DomUtil.addClass(this._container, 'lm-incidents');
            this._container.style.pointerEvents = 'none';
            this._box = map.getContainer();
            L.DomEvent.on(this._box, 'mousemove pointerdown touchstart', this._track, this);
            L.DomEvent.on(this._box, 'mouseleave', this._leave, this);
        },
        onRemove: function (map) {
            L.DomEvent.off(this._box, 'mousemove pointerdown touchstart', this._track, this);
            L.DomEvent.off(this._box, 'mouseleave', this._leave, this);
            this._leave();
            map.closePopup(this._popup);
            L.Canvas.prototype.onRemove.call(this, map);
        },
        latLngOf: function (k) { return L.latLng(D.y[k], D.x[k]); },
        // The spots under a layer point, the one drawn on top first.
        spotsAt: function (point) {
            this._projectSpots();
            var cell = this._cell, hits = [];
            var cx = Math.floor(point.x / cell), cy = Math.floor(point.y / cell);
            for (var i = cx - 1; i <= cx + 1; i++) {
                for (var j = cy - 1; j <= cy + 1; j++) {
                    (this._grid[i + ',' + j] || []).forEach(function (k) {
                        var dx = this._px[k] - point.x, dy = this._py[k] - point.y;
                        if (dx * dx + dy * dy <= reach * reach) { hits.push(k); }
                    }, this);
                }
            }
            return hits.sort(function (a, b) { return b - a; });
        },
        openSpot: function (k) {
            this._leave();
            this._popup.setLatLng(this.latLngOf(k)).setContent(popupHtml(k)).openOn(this._map);
        },
        _projectSpots: function () {
            var map = this._map, zoom = map.getZoom();
            // Layer points move only with the zoom or a view reset (_reset): not on a pan.
            if (this._zoomProjected === zoom) { return; }
            this._zoomProjected = zoom;
            this._px = new Float64Array(n);
            this._py = new Float64Array(n);
            this._cell = 2 * reach;
            this._grid = {};
            for (var k = 0; k < n; k++) {
                var p = map.latLngToLayerPoint([D.y[k], D.x[k]]);
                this._px[k] = p.x;
                this._py[k] = p.y;
                var key = Math.floor(p.x / this._cell) + ',' + Math.floor(p.y / this._cell);
                (this._grid[key] || (this._grid[key] = [])).push(k);
            }
        },
        _reset: function () {
            this._zoomProjected = null;
            L.Canvas.prototype._reset.call(this);
        },
        _updatePaths: function () {
            if (this._postponeUpdatePaths) { return; }
            this._redraw();
        },
        _draw: function () {
            if (!this._map) { return; }
            this._projectSpots();
            var ctx = this._ctx, b = this._bounds, im = this._sprite, half = im.side / 2;
            var scale = L.Browser.retina ? 2 : 1;
            for (var k = 0; k < n; k++) {
                var x = this._px[k], y = this._py[k];
                if (x < b.min.x - half || x > b.max.x + half || y < b.min.y - half
                    || y > b.max.y + half) { continue; }
                // Whole device pixels: the copy stays as sharp as the original.
                ctx.drawImage(im.image, Math.round((x - half) * scale) / scale,
                              Math.round((y - half) * scale) / scale, im.side, im.side);
            }
            this._container.setAttribute('data-lm-drawn', String(n));
        },
        // The canvas takes pointer events only while the pointer is over a spot, so it
        // never swallows the clicks and hovers of the zones under it.
        _track: function (ev) {
            var map = this._map;
            if (!map || !this._container) { return; }
            var first = ev.touches ? ev.touches[0] : ev;
            if (!first) { return; }
            var point = map.mouseEventToLayerPoint(first), hits = this.spotsAt(point);
            this._container.style.pointerEvents = hits.length ? 'auto' : 'none';
            if (!hits.length || ev.type !== 'mousemove') { this._leave(); return; }
            L.DomUtil.addClass(this._container, 'leaflet-interactive');
            this._tip.setLatLng(map.layerPointToLatLng(point));
            if (this._tipFor !== hits[0]) {
                this._tipFor = hits[0];
                this._tip.setContent(tipHtml(hits[0]));
            }
            if (!map.hasLayer(this._tip)) { map.openTooltip(this._tip); }
        },
        _leave: function () {
            this._tipFor = null;
            if (this._container) { L.DomUtil.removeClass(this._container, 'leaflet-interactive'); }
            if (this._map && this._map.hasLayer(this._tip)) { this._map.closeTooltip(this._tip); }
        },
        _onMouseMove: function () {},
        _handleMouseOut: function () {},
        _onClick: function (e) {
            if (e.type !== 'click' || !this._map || this._map._draggableMoved(this)) { return; }
            var hits = this.spotsAt(this._map.mouseEventToLayerPoint(e));
            if (!hits.length) { return; }
            L.DomEvent.stop(e);
            this.openSpot(hits[0]);
        }
    });
    var spots = new Spots({pane: O.pane, padding: 0.3});
    spots.lmSpots = true;
    return spots;
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
    """All incidents on one canvas: a popup and a tooltip for the spot under the pointer."""

    def __init__(self, data: dict[str, list], name: str = "Incidents"):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "IncidentLayer"
        self.data = data

    @property
    def spots(self) -> int:
        return len(self.data["x"])

    def script_text(self) -> str:
        options = {"pane": TOP_PANE, "style": INCIDENT_STYLE}
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
    """The incidents on one canvas layer: 10,000 draw in well under a second."""
    return IncidentLayer(incident_data(dataset, incidents), name=name)
