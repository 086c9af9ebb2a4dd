"""Place labels (``geo.maps.labels``) in a real Chromium: measured once, placed as Leaflet
would place them."""

from __future__ import annotations

import pytest
from map_browser import open_map, real_errors
from map_fixtures import layers_for

from geo.export import export_map

pytestmark = pytest.mark.browser

# Each label where it is, and where Leaflet's own Tooltip would put it (measuring it
# afresh); and whether every label is an L.LmLabel.
PLACEMENTS = """() => {
    var map = window[document.querySelector('.folium-map').id], out = [];
    map.eachLayer(function (layer) {
        var label = layer.getTooltip && layer.getTooltip();
        if (!label || !label._container || !label._map) { return; }
        var box = label._container, at = L.DomUtil.getPosition(box);
        L.Tooltip.prototype._setPosition.call(label, map.latLngToLayerPoint(label._latlng));
        var native = L.DomUtil.getPosition(box);
        L.DomUtil.setPosition(box, at);
        out.push({text: box.textContent, lm: label instanceof L.LmLabel, cls: box.className,
                  at: [at.x, at.y], native: [native.x, native.y]});
    });
    return out;
}"""


@pytest.fixture(scope="module")
def exported(seed, tmp_path_factory):
    path = tmp_path_factory.mktemp("labels") / "map.html"
    return export_map(seed, layers_for(seed), "2021-11-25", path)


def test_labels_sit_where_leaflet_puts_them_after_load_and_after_a_zoom(offline, exported):
    page = offline
    open_map(page, exported)
    page.wait_for_selector(".lm-town-label")
    for step in ("load", "zoom"):
        placed = [p for p in page.evaluate(PLACEMENTS) if "label" in p["cls"]]
        assert {p["text"] for p in placed} >= {"Hyesan", "Changbai"}, step
        assert all(p["lm"] for p in placed), step
        for p in placed:
            assert p["at"] == pytest.approx(p["native"], abs=0.5), (step, p["text"])
        page.evaluate("() => { var map = window[document.querySelector('.folium-map').id];"
                      " map.setZoom(map.getZoom() + 1, {animate: false}); }")
        page.wait_for_timeout(100)
    assert real_errors(page) == []
