"""A shareable address for the exported map: ``map.html#date=2021-11-25&zone=<id>``.

Opening the file with that fragment shows that day and opens that zone's popup;
moving the slider or opening a zone writes the fragment back (``replaceState``: no
new history entry per day), so the address bar always holds a link to the view.

The fragment is untrusted: a date is used only if it is ``YYYY-MM-DD`` inside the
data's span, a zone only if it equals one of the map's lockdown ids (given as
HTML-safe JSON); neither is ever written into the page as markup.
"""

from __future__ import annotations

import datetime as dt

from folium.plugins import TimelineSlider

from geo.maps.raw import RawMacro, js_json
from geo.maps.timeline import day_ms

SHARE_JS = """(function (map, slider, A) {
    var DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, state = {date: null, zone: null};
    function read() {
        var out = {};
        location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
            var at = pair.indexOf('=');
            if (at < 1) { return; }
            try {
                out[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(
                    pair.slice(at + 1).replace(/[+]/g, ' '));
            } catch (e) { /* a malformed escape: ignore that pair */ }
        });
        return out;
    }
    function dayMs(text) {
        if (typeof text !== 'string' || !DAY.test(text)) { return null; }
        var ms = Date.parse(text + 'T00:00:00Z');
        if (!isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== text) { return null; }
        return ms >= A.first && ms <= A.last ? ms : null;
    }
    function write() {
        var parts = [];
        if (state.date) { parts.push('date=' + encodeURIComponent(state.date)); }
        if (state.zone) { parts.push('zone=' + encodeURIComponent(state.zone)); }
        var url = location.href.replace(/#.*$/, '') + (parts.length ? '#' + parts.join('&') : '');
        if (url === location.href) { return; }
        try { history.replaceState(history.state, '', url); }
        catch (e) { location.replace(url); }
    }
    function isZone(layer) {
        return !!(layer && layer.feature && layer.feature.properties
                  && layer.feature.properties.lockdown !== undefined);
    }
    function openZone(id) {
        var found = null;
        map.eachLayer(function (l) {
            if (!found && isZone(l) && l.feature.properties.lockdown === id) { found = l; }
        });
        if (found) { found.fire('click', {latlng: found.getCenter()}, true); }
        return !!found;
    }
    var applying = false;
    function apply() {
        var asked = read(), ms = dayMs(asked.date);
        applying = true;
        try {
            if (ms !== null) { slider.setTime(ms); state.date = asked.date; }
            if (typeof asked.zone === 'string' && A.zones.indexOf(asked.zone) >= 0
                    && openZone(asked.zone)) {
                state.zone = asked.zone;
            }
        } finally { applying = false; }
        write();
    }
    var setTime = slider._setTime;
    slider._setTime = function (time) {
        var out = setTime.apply(this, arguments);
        state.date = new Date(this.time).toISOString().slice(0, 10);
        if (!applying) { write(); }
        return out;
    };
    map.on('popupopen', function (ev) {
        if (isZone(ev.popup._source)) {
            state.zone = ev.popup._source.feature.properties.lockdown;
            if (!applying) { write(); }
        }
    });
    map.on('popupclose', function (ev) {
        var source = ev.popup._source;
        if (isZone(source) && state.zone === source.feature.properties.lockdown) {
            state.zone = null;
            if (!applying) { write(); }
        }
    });
    window.addEventListener('hashchange', apply);
    if (location.hash.length > 1) {
        if (document.readyState === 'loading') {
            document.addEventListener('DOMContentLoaded', apply);
        } else {
            setTimeout(apply, 0);
        }
    }
})"""


class ShareHash(RawMacro):
    """Read and write ``#date=…&zone=…`` for a map with a day slider."""

    def __init__(self, slider: TimelineSlider, zones: list[str],
                 span: tuple[dt.date, dt.date]):
        super().__init__()
        self._name = "ShareHash"
        self.slider, self.zones, self.span = slider, zones, span

    def script_text(self) -> str:
        values = {"zones": self.zones, "first": day_ms(self.span[0]),
                  "last": day_ms(self.span[1])}
        return (f"{SHARE_JS}({self._parent.get_name()}, {self.slider.get_name()}, "
                f"{js_json(values)});\n")


def share_fragment(day: dt.date | None = None, zone: str | None = None) -> str:
    """The fragment that opens an exported map on ``day`` and ``zone``: ``#date=…&zone=…``."""
    from urllib.parse import quote

    parts = []
    if day is not None:
        parts.append("date=" + day.isoformat())
    if zone:
        parts.append("zone=" + quote(zone, safe=""))
    return "#" + "&".join(parts) if parts else ""
