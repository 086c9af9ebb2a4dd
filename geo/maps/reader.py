"""The map for every reader: small screens, touch, the keyboard.

- Popups keep clear of the map's own boxes (the caption, the legend, the day
  slider): they are sized to the map and panned below the caption, so a zone's
  heading is never hidden under the title box; on a phone they fit the screen.
- On a narrow or short map (a phone, the dashboard's column) the legend folds to its
  summary (a "Legend" button, in the Tab order), and the view is fitted again with
  margins sized to the controls there (the laptop margins leave a 390 px screen a
  strip 80 px wide).
- A tap inside a zone opens the zone, even where the town and incident markers sit
  at the zone's seat; the zone's popup then offers the incidents at that spot. A
  mouse, being precise, still opens the marker it points at.
- The keyboard: a "Skip to the day slider" link comes first; zones are focusable
  buttons named after the zone (Enter opens the popup); outlines that only carry a
  tooltip (counties) leave the Tab order, which went through 185 of them before.

Everything here is fixed code plus numbers from Python; no data is spliced in.
"""

from __future__ import annotations

from geo.maps.controls import Css, Script

NARROW_PX = 600  # below this map width the legend folds and the view is refitted
SHORT_PX = 700  # and below this height (the dashboard's map is 640 px high)
FIT_MAX_ZOOM = 10  # a fitted view never closer than one county fills the map

READER_CSS = f"""
.lm-skip {{ position: absolute; left: 8px; top: -60px; z-index: 2000; padding: 8px 12px;
  background: #fff; color: #0b3d91; font: 600 14px system-ui, sans-serif; border-radius: 4px;
  box-shadow: 0 1px 5px rgba(0,0,0,0.4); }}
.lm-skip:focus {{ top: 8px; }}
.lm-legend-fold > summary {{ cursor: pointer; font-weight: 600; font-size: 14px;
  list-style-position: inside; }}
.lm-legend-fold[open] > summary {{ margin-bottom: 4px; }}
.lm-legend-fold > summary:focus-visible {{ outline: 3px solid #0b3d91; outline-offset: 2px; }}
path.lm-zone:focus-visible {{ outline: none; stroke-width: 5px; stroke: #0b3d91; }}
.lm-here {{ margin-top: 8px; padding: 4px 10px; font: inherit; cursor: pointer; }}
.leaflet-timeline-control .time-text {{ white-space: nowrap; }}
@media (max-width: {NARROW_PX}px) {{
  .lm-caption {{ max-width: calc(100vw - 150px); font-size: 12px; padding: 6px 8px; }}
  .lm-caption h4 {{ font-size: 13px; }}
  .lm-legend {{ max-width: calc(100vw - 40px); }}
  .lm-popup {{ min-width: 0; }}
  .leaflet-timeline-control {{ max-width: calc(100vw - 30px); box-sizing: border-box; }}
}}
"""

READER_JS = """
var box = map.getContainer(), narrow = LM_ARGS.narrow;
function rel(rect) {
    var b = box.getBoundingClientRect();
    return {left: rect.left - b.left, right: rect.right - b.left,
            top: rect.top - b.top, bottom: rect.bottom - b.top};
}
// The room the map's own boxes take above and below a column [left, right] of the map.
function margins(left, right) {
    var size = map.getSize(), top = 0, bottom = 0;
    box.querySelectorAll('.leaflet-control').forEach(function (el) {
        if (!el.offsetWidth || !el.offsetHeight) { return; }
        var r = rel(el.getBoundingClientRect());
        if (r.right < left || r.left > right) { return; }
        if (el.closest('.leaflet-top')) { top = Math.max(top, r.bottom); }
        else { bottom = Math.max(bottom, size.y - r.top); }
    });
    return {top: top, bottom: bottom};
}
var Popup = L.Popup.prototype;
if (!Popup._lmReader) {
    Popup._lmReader = true;
    var layout = Popup._updateLayout, adjust = Popup._adjustPan;
    Popup._updateLayout = function () {
        var m = this._map;
        if (m && m.lmReader) {
            var size = m.getSize();
            if (this._lmMaxWidth === undefined) { this._lmMaxWidth = this.options.maxWidth; }
            // 66 px: the content's margins and the wrapper's padding (46), and 10 a side.
            this.options.maxWidth = Math.max(120, Math.min(this._lmMaxWidth, size.x - 66));
            this.options.minWidth = Math.min(this.options.minWidth || 50, this.options.maxWidth);
            var at = m.latLngToContainerPoint(this._latlng), half = this.options.maxWidth / 2 + 23;
            var room = m.lmReader.margins(at.x - half, at.x + half);
            this.options.maxHeight = Math.max(140, size.y - room.top - room.bottom - 60);
        }
        return layout.apply(this, arguments);
    };
    Popup._adjustPan = function () {
        var m = this._map;
        if (m && m.lmReader && this._container) {
            var r = m.lmReader.rel(this._container.getBoundingClientRect());
            var room = m.lmReader.margins(r.left, r.right);
            this.options.autoPanPaddingTopLeft = L.point(8, room.top + 8);
            this.options.autoPanPaddingBottomRight = L.point(8, room.bottom + 8);
        }
        return adjust.apply(this, arguments);
    };
}
map.lmReader = {rel: rel, margins: margins};

function isZone(layer) {
    return !!(layer && layer.feature && layer.feature.properties
              && layer.feature.properties.lockdown !== undefined);
}
// Our own escaped HTML as text, parsed in one inert document (no browsing context: it
// runs no script and loads nothing); a DOMParser a zone cost 0.1 s at 1,000 zones.
var inert = document.implementation.createHTMLDocument('');
function plain(html) {
    inert.body.innerHTML = html;
    return inert.body.textContent;
}
function area(layer) {
    var b = layer.getBounds();
    return (b.getNorth() - b.getSouth()) * (b.getEast() - b.getWest());
}
// The most local zone at a point: a county inside a province-wide or nationwide zone
// drawn above it is still reachable (its popup lists the wider orders too).
// Of equal ones (one county locked down again and again), the one drawn on top.
function above(a, b) {
    return !!(a._path && b._path
              && (b._path.compareDocumentPosition(a._path) & Node.DOCUMENT_POSITION_FOLLOWING));
}
function zoneAt(point) {
    var found = null;
    map.eachLayer(function (l) {
        if (!isZone(l) || !l._containsPoint || !l._parts || !l._containsPoint(point)) { return; }
        if (!found || area(l) < area(found) || (area(l) === area(found) && above(l, found))) {
            found = l;
        }
    });
    return found;
}
// The incident spots under a point, as functions that open each one's popup.
function markersAt(point) {
    var hits = [];
    map.eachLayer(function (l) {
        if (!l.lmSpots) { return; }
        l.spotsAt(point).forEach(function (k) {
            hits.push(function () { l.openSpot(k); });
        });
    });
    return hits;
}

// Keyboard: zones are named buttons; tooltip-only outlines leave the Tab order.
function keyboard(layer) {
    var path = layer._path;
    if (!path || path.getAttribute('data-lm-keys')) { return; }
    path.setAttribute('data-lm-keys', '1');
    if (!isZone(layer)) {
        if (layer.options && layer.options.interactive) { path.setAttribute('tabindex', '-1'); }
        return;
    }
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    var tip = layer.getTooltip && layer.getTooltip();
    for (var id in layer._eventParents || {}) {  // bound once on the zone class's layer
        var parent = layer._eventParents[id];
        tip = tip || (parent.getTooltip && parent.getTooltip());
    }
    var content = tip && tip._content;
    var label = typeof content === 'function' ? content(layer) : content;
    if (label) { path.setAttribute('aria-label', plain(String(label))); }
    L.DomEvent.on(path, 'keydown', function (ev) {
        if (ev.key === 'Enter' || ev.key === ' ') {
            L.DomEvent.preventDefault(ev);
            layer.fire('click', {latlng: layer.getCenter(), originalEvent: ev}, true);
        }
    });
}
map.eachLayer(keyboard);
map.on('layeradd', function (ev) { keyboard(ev.layer); });
// Escape closes the open popup wherever the focus is in the map: Leaflet's own handler
// listens only while the map's container itself has the focus, not a zone or a link.
L.DomEvent.on(box, 'keydown', function (ev) {
    if (ev.key === 'Escape' && map._popup && map.hasLayer(map._popup)) { map.closePopup(); }
});

// Touch: a tap inside a zone goes to the zone, not to a town or incident marker drawn
// above it (a fingertip covers them all at once). Caught on the way down, before the
// marker's own handlers; a tap on a control or a popup is left alone.
var touch = null;
L.DomEvent.on(box, 'pointerdown touchstart', function (ev) {
    var first = ev.touches ? ev.touches[0] : ev;
    var isTouch = ev.touches ? true : ev.pointerType === 'touch';
    touch = isTouch ? map.mouseEventToLayerPoint(first) : null;
});
box.addEventListener('click', function (ev) {
    if (!ev.target.closest || ev.target.closest('.leaflet-control, .leaflet-popup')) {
        return;
    }
    var onZone = !touch && ev.target.classList && ev.target.classList.contains('lm-zone');
    if (!touch && !onZone) { return; }  // a mouse on a marker opens the marker
    var point = map.mouseEventToLayerPoint(ev), zone = zoneAt(point);
    if (!zone || ev.target === zone._path) { return; }
    ev.stopPropagation();
    ev.preventDefault();
    if (touch) { touch = point; }
    zone.fire('click', {latlng: map.layerPointToLatLng(point), layerPoint: point,
                        containerPoint: map.layerPointToContainerPoint(point),
                        originalEvent: ev}, true);
}, true);
map.on('popupopen', function (ev) {
    var source = ev.popup._source, content = ev.popup.getElement()
        && ev.popup.getElement().querySelector('.leaflet-popup-content');
    if (!touch || !isZone(source) || !content) { return; }
    var here = markersAt(touch);
    if (!here.length) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'lm-here';
    button.textContent = 'Show the incidents at this spot';
    L.DomEvent.on(button, 'click', function (e) {
        L.DomEvent.stop(e);
        here[0]();
    });
    content.appendChild(button);
    ev.popup._updateLayout();
    ev.popup._updatePosition();
    ev.popup._adjustPan();  // it grew upwards: clear the title box again
});

function ready() {
    var slider = document.querySelector('.leaflet-timeline-control input[type=range]');
    if (slider && !document.querySelector('.lm-skip')) {
        var skip = document.createElement('a');
        skip.href = '#';
        skip.className = 'lm-skip';
        skip.textContent = 'Skip to the day slider';
        L.DomEvent.on(skip, 'click', function (e) {
            L.DomEvent.preventDefault(e);
            slider.focus();
        });
        document.body.insertBefore(skip, document.body.firstChild);
        slider.setAttribute('aria-label', 'Day shown');
        var say = function () {
            var v = Number(slider.value);
            if (isFinite(v)) {
                slider.setAttribute('aria-valuetext', new Date(v).toISOString().slice(0, 10));
            }
        };
        say();
        slider.addEventListener('input', say);
        slider.addEventListener('change', say);
    }
    var done = function () { box.setAttribute('data-lm-reader', 'ready'); };
    // The opening fitBounds may still be animating: a view set before it ends is undone,
    // so the map is ready (and a small one refitted) only after it.
    var settled = function (then) {
        if (map._animatingZoom) { map.once('zoomend', then); } else { then(); }
    };
    var size = map.getSize();
    if (size.x >= narrow && size.y >= LM_ARGS.short) { settled(done); return; }
    // A small map (a phone, the dashboard's column): the legend folds to its button, so
    // it does not cover the zones, and the view is fitted to the room left.
    box.querySelectorAll('details.lm-legend-fold').forEach(function (d) { d.open = false; });
    var fit = function () {
        if (LM_ARGS.bounds) {
            var all = margins(0, map.getSize().x);
            map.fitBounds(LM_ARGS.bounds, {paddingTopLeft: [12, all.top + 12],
                                           paddingBottomRight: [12, all.bottom + 12],
                                           maxZoom: LM_ARGS.maxZoom, animate: false});
        }
        done();
    };
    settled(fit);
}
if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { setTimeout(ready, 0); });
} else {
    setTimeout(ready, 0);
}
"""


def add_reader_support(m, bounds: list[list[float]] | None) -> None:
    """Add the CSS and script above to ``m``; ``bounds`` is the area of interest
    ([[south, west], [north, east]]) refitted on a narrow map. Add it after the
    layers and controls it adapts (the incident layer registers its own handlers
    first)."""
    Css(READER_CSS, name="lockdown_map_reader_css").add_to(m)
    Script(READER_JS, {"narrow": NARROW_PX, "short": SHORT_PX, "bounds": bounds,
                       "maxZoom": FIT_MAX_ZOOM}).add_to(m)
