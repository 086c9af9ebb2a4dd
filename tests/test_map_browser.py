"""The exported map in a real Chromium with the network off."""

from __future__ import annotations

import pytest
from map_browser import (
    click_incident,
    click_latlng,
    open_map,
    page_point,
    real_errors,
    set_slider,
    wait_incidents,
    zone_paths,
)
from map_fixtures import KIMHYONGJIK, layers_for

from geo.export import export_map

pytestmark = pytest.mark.browser

MARKETS = ("Accordingly, the order suspended travel permits for Kimhyongjik County, banned "
           "vehicles and persons from entering the town, and closed markets.")
INSIDE_ZONE = (41.30, 127.45)  # inside the test outline, away from the incident marker
INCIDENT = (KIMHYONGJIK.representative_point().y, KIMHYONGJIK.representative_point().x)


@pytest.fixture(scope="module")
def exported(seed, tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "map.html"
    return export_map(seed, layers_for(seed), "2021-11-25", path)


def test_loads_offline_with_no_errors_and_draws_context(offline, exported):
    page = offline
    open_map(page, exported)
    page.wait_for_selector("path.lm-zone")
    assert real_errors(page) == []
    assert getattr(page, "blocked", []) == []
    assert page.locator("path.lm-river").count() >= 1
    assert page.locator("path.lm-border").count() >= 1
    labels = page.locator(".lm-town-label").all_inner_texts()
    for town in ("Kimhyongjik town", "Hyesan", "Changbai", "Badaogou"):
        assert town in labels
    assert "2021-11-25" in page.locator(".lm-caption").inner_text()
    assert "GeoNames" in page.locator(".leaflet-control-attribution").inner_text()


def test_zone_in_force_on_nov_25_and_popup_has_the_markets_quote(offline, exported):
    page = offline
    open_map(page, exported)
    page.wait_for_selector("path.lm-zone")
    [zone] = zone_paths(page)
    assert "lm-zone-in-force-approximate" in zone["cls"]
    assert (zone["stroke"], zone["fill"], zone["dash"]) == ("#b2182b", "#d6604d", "8 6")
    click_latlng(page, *INSIDE_ZONE)
    popup = page.wait_for_selector(".leaflet-popup-content", timeout=5_000)
    text = popup.inner_text()
    assert "Kimhyongjik County" in text and MARKETS in text
    assert "C2 Workplace closing, level 2" in text


def test_incident_marker_is_above_the_zone_and_lists_the_incidents(offline, exported):
    page = offline
    open_map(page, exported)
    click_incident(page, *INCIDENT)
    text = page.wait_for_selector(".leaflet-popup-content", timeout=5_000).inner_text()
    assert "4 incidents here" in text and "Border crossing" in text
    assert "2021-11-18 21:00 (inferred)" in text
    assert "returned from China to North Korea at Kimhyongjik County" in text  # a quote
    assert "near a town or part of a region" in text  # location precision
    # The canvas of markers does not swallow the zone's clicks around them.
    click_latlng(page, *INSIDE_ZONE)
    page.wait_for_function("document.querySelector('.leaflet-popup-content')"
                           ".innerText.includes('Kimhyongjik County')", timeout=5_000)


def test_hovering_an_incident_names_it_and_only_a_marker_takes_the_pointer(offline, exported):
    page = offline
    open_map(page, exported)
    wait_incidents(page)
    canvas = "canvas.lm-incidents"
    page.mouse.move(*page_point(page, *INCIDENT))
    tip = page.wait_for_selector(".lm-incident-tip", timeout=5_000)
    assert "border crossing" in tip.inner_text() and "2021-11-18" in tip.inner_text()
    assert page.eval_on_selector(canvas, "c => [getComputedStyle(c).pointerEvents, "
                                         "getComputedStyle(c).cursor]") == ["auto", "pointer"]
    # Off the marker, inside the zone: the zone's own tooltip, and the canvas lets go.
    page.mouse.move(*page_point(page, *INSIDE_ZONE))
    page.wait_for_function("[...document.querySelectorAll('.leaflet-tooltip')]"
                           ".map(t => t.innerText).join(' ').includes('Kimhyongjik County')",
                           timeout=5_000)
    page.wait_for_selector(".lm-incident-tip", state="detached", timeout=5_000)  # fades out
    assert page.eval_on_selector(canvas, "c => getComputedStyle(c).pointerEvents") == "none"


def test_after_a_zoom_and_a_pan_the_marker_is_still_where_its_place_is(offline, exported):
    page = offline
    open_map(page, exported)
    wait_incidents(page)
    page.click(".leaflet-control-zoom-in")
    page.wait_for_function("(() => { const m = window[document.querySelector('.folium-map').id];"
                           " return !m._animatingZoom && m.getZoom() > 9; })()", timeout=5_000)
    page.evaluate("window[document.querySelector('.folium-map').id].panBy([-150, 80], "
                  "{animate: false})")
    click_incident(page, *INCIDENT)
    assert "4 incidents here" in page.wait_for_selector(".leaflet-popup-content").inner_text()


def test_the_layer_control_hides_and_shows_the_incidents(offline, exported):
    page = offline
    open_map(page, exported)
    wait_incidents(page)
    page.hover(".leaflet-control-layers")
    toggle = page.locator(".leaflet-control-layers-overlays label", has_text="Incidents")
    toggle.click()
    assert page.locator("canvas.lm-incidents").count() == 0
    toggle.click()
    wait_incidents(page)
    click_incident(page, *INCIDENT)
    assert "4 incidents here" in page.wait_for_selector(".leaflet-popup-content").inner_text()
    assert real_errors(page) == []


def test_slider_past_dec_4_changes_the_zone_state(offline, exported):
    page = offline
    open_map(page, exported)
    page.wait_for_selector("path.lm-zone-in-force-approximate")
    set_slider(page, "2021-12-04")
    assert ["in-force" in z["cls"] for z in zone_paths(page)] == [True]
    set_slider(page, "2021-12-10")
    page.wait_for_selector("path.lm-zone-end-passed-unconfirmed-approximate", timeout=5_000)
    [zone] = zone_paths(page)
    assert zone["stroke"] == "#b35806"
    assert page.locator(".lm-caption .lm-day").inner_text() == "2021-12-10"
    click_latlng(page, *INSIDE_ZONE)
    text = page.wait_for_selector(".leaflet-popup-content", timeout=5_000).inner_text()
    assert "Announced end passed, lifting unconfirmed" in text and MARKETS in text
    assert real_errors(page) == []


@pytest.fixture(scope="module")
def exported_real(seed, tmp_path_factory):
    """The map with the shipped layers (DCW-GMT, Natural Earth, GeoNames), not test ones."""
    from geo.layers import build_layers

    path = tmp_path_factory.mktemp("real") / "map.html"
    return export_map(seed, build_layers(seed), "2021-11-25", path)


def test_real_layers_draw_zone_context_labels_and_popup(offline, exported_real, seed):
    from geo.layers import build_layers

    page = offline
    open_map(page, exported_real)
    page.wait_for_selector("path.lm-zone")
    assert real_errors(page) == [] and getattr(page, "blocked", []) == []
    [zone] = zone_paths(page)
    assert "lm-zone-in-force" in zone["cls"]
    assert (zone["stroke"], zone["fill"]) == ("#b2182b", "#d6604d")
    assert page.locator("path.lm-river").count() >= 1
    assert page.locator("path.lm-border").count() >= 1
    labels = page.locator(".lm-town-label").all_inner_texts()
    places = build_layers(seed)["places"].set_index("id")
    seat = places.loc["kp-kimhyongjik-town", "name"]  # the county seat, as GeoNames names it
    for town in (seat, "Hyesan", "Changbai", "Badaogou"):
        assert town in labels
    countries = page.locator(".lm-country-label").all_inner_texts()
    assert sorted(c.upper() for c in countries) == ["CHINA", "NORTH KOREA"]
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    for source in ("DCW-GMT", "Natural Earth", "GeoNames", "Daily NK"):
        assert source in attribution
    # Click well inside the county: its polygon's most inland point.
    from shapely.ops import polylabel

    outline = build_layers(seed)["zones"].geometry.iloc[0]
    inside = polylabel(outline, tolerance=0.001)
    click_latlng(page, inside.y, inside.x)
    text = page.wait_for_selector(".leaflet-popup-content", timeout=5_000).inner_text()
    assert page.locator(".leaflet-popup-content .lm-zone-popup").count() == 1
    assert "Kimhyongjik County" in text and MARKETS in text


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
