"""Place labels (towns, rivers, countries) that do not lay the map out once each.

Leaflet measures a tooltip each time it places it (``offsetWidth``/``offsetHeight``
in ``Tooltip._setPosition``), right after the previous label moved, so every
read forces the browser to lay the whole map out again: with ~200 permanent
town labels that was half a second of a dashboard's first draw, paid again on
each view change. A label's text never changes, so ``L.LmLabel`` measures a
label once, and the labels opened together are measured in one pass before any
of them is placed. Placement itself stays Leaflet's.
"""

from __future__ import annotations

import folium

from geo.maps.controls import Script

NAME = "lockdown_map_labels"

LABEL_JS = """
if (L.LmLabel) { return; }
var place = L.Tooltip.prototype._setPosition;
var waiting = [];
function measureWaiting() {
    var labels = waiting;
    waiting = [];
    // Every read first (one layout), then every write.
    var sizes = labels.map(function (label) {
        return [label._container.offsetWidth, label._container.offsetHeight];
    });
    labels.forEach(function (label, i) {
        label._lmWaiting = false;
        if (!label._map) { return; }
        if (sizes[i][0] || sizes[i][1]) {
            label._lmSize = sizes[i];
            label._setPosition(label._lmPos);
        } else {
            place.call(label, label._lmPos);  // not laid out (hidden): as Leaflet does
        }
    });
}
L.LmLabel = L.Tooltip.extend({
    _setPosition: function (pos) {
        var box = this._container, size = this._lmSize;
        if (!size) {
            this._lmPos = pos;
            if (!this._lmWaiting) {
                this._lmWaiting = true;
                if (waiting.push(this) === 1) { Promise.resolve().then(measureWaiting); }
            }
            return;
        }
        // Leaflet's own placement, reading the size measured before.
        Object.defineProperty(box, "offsetWidth", {value: size[0], configurable: true});
        Object.defineProperty(box, "offsetHeight", {value: size[1], configurable: true});
        try {
            place.call(this, pos);
        } finally {
            delete box.offsetWidth;
            delete box.offsetHeight;
        }
    }
});
// What the layers' label functions call: ``text`` as ``layer``'s label.
L.lmLabel = function (layer, text, options) {
    return layer.bindTooltip(new L.LmLabel(options, layer).setContent(text));
};
"""


def add_label_support(m: folium.Map) -> None:
    """Define ``L.LmLabel`` and ``L.lmLabel(layer, text, options)`` on ``m`` (once), before
    the first layer that labels with them."""
    if NAME not in m._children:
        m.add_child(Script(LABEL_JS), name=NAME)
