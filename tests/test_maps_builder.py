"""The whole map, asserted on its rendered HTML (folium's own test style)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import folium
import pytest
from map_fixtures import PAYLOAD, empty_frame, layers_for, poisoned_context, poisoned_raw

from geo.maps import base_map, build_map, zone_layer
from geo.maps.timeline import day_ms
from geo.model import Dataset
from geo.validate import validate


def render(m: folium.Map) -> str:
    return m.get_root().render()


def static_layers(html: str) -> list[str]:
    """The options of every L.geoJson layer (timelines excluded)."""
    return re.findall(r"= L\.geoJson\((.*?)\);\n", html, flags=re.S)


@pytest.fixture(scope="module")
def layers(seed):
    return layers_for(seed)


@pytest.fixture(scope="module")
def page(seed, layers):
    return render(build_map(seed, layers, "2021-11-25"))


def test_zone_is_drawn_in_force_with_a_dashed_outline(page):
    assert '"className": "lm-zone lm-zone-in-force-approximate"' in page
    assert '"dashArray": "8 6"' in page
    assert '"color": "#b2182b"' in page
    assert any("lm-zone lm-zone-in-force-approximate" in b for b in static_layers(page))


def test_exact_geometry_has_a_solid_outline(seed):
    html = render(zone_layer(seed, layers_for(seed, approximate=False), dt.date(2021, 11, 25))
                  .add_to(folium.Map(tiles=None)))
    assert "lm-zone-in-force\"" in html and "dashArray" not in html


@pytest.mark.parametrize(("day", "key"), [
    ("2021-11-18", "not-yet"),
    ("2021-11-19", "in-force"),
    ("2021-12-04", "in-force"),
    ("2021-12-05", "end-passed-unconfirmed"),
])
def test_zone_layer_styles_follow_the_day(seed, layers, day, key):
    html = render(zone_layer(seed, layers, day).add_to(folium.Map(tiles=None)))
    assert f'"className": "lm-zone lm-zone-{key}-approximate"' in html


def test_popup_and_tooltip_travel_as_json_properties(page):
    assert "closed markets." in page
    assert "Kimhyongjik County" in page and ".bindPopup(" in page


def test_legend_caption_and_attribution(page, seed):
    assert "Lockdown zones" in page and "approximate geometry" in page
    assert "Natural Earth" in page and "GeoNames" in page and "CC BY 4.0" in page
    assert "DCW-GMT" in page and "LGPL-3+" in page  # countries, border and Yalu
    assert "Daily NK (report text)" in page  # the dataset's outlets
    assert "addAttribution" in page
    assert seed.info.version in page and "2021-11-25" in page


def test_controls_scale_fullscreen_layers(page):
    assert "L.control.scale()" in page
    assert "L.control.fullscreen" in page
    assert "L.control.layers" in page


def test_vector_basemap_no_default_tiles_and_osm_off(page):
    assert "L.tileLayer" in page  # the optional OSM overlay exists...
    tile_layer = re.search(r"var (tile_layer_\w+) = L\.tileLayer", page).group(1)
    assert f"{tile_layer}.addTo(" not in page  # ...but is not on the map by default
    assert '"errorTileUrl": "data:image/gif' in page
    assert "background: #b9d3e6" in page


def test_context_lines_and_town_labels(page):
    for name in ("Kimhyongjik town", "Hyesan", "Changbai", "Badaogou", "Yalu River (Amnok)"):
        assert name in page
    assert "lm-river" in page and "lm-border" in page and "lm-province" in page
    assert "permanent: true" in page


def test_incidents_are_one_canvas_of_spots_one_per_place(page):
    assert "L.Canvas.extend(" in page and "incidents here" in page
    data = json.loads(re.search(r"\}\)\((\{\"x\":.*?\]\}), \{", page).group(1))
    assert len(data["x"]) == 1 and len(data["s"][0]) == 4  # four incidents, one spot


def test_timeline_covers_the_span_with_periods(page):
    assert "L.timeline(" in page and "L.timelineSliderControl(" in page
    # Each timeline layer: rows (into the shared store) and each period's first/last day.
    data = [json.loads(m) for m in re.findall(r"\}\)\(\w+_s, (\{\"i\":.*?\]\}), \{", page)]
    data = [d for d in data if "a" in d]
    assert data
    periods = sorted(p for d in data for p in zip(d["a"], d["b"], strict=True))
    assert periods[0][0] == day_ms(dt.date(2021, 11, 18))
    assert (day_ms(dt.date(2021, 11, 19)), day_ms(dt.date(2021, 12, 4))) in periods
    assert periods[-1][0] == day_ms(dt.date(2021, 12, 5))
    assert "moment" not in page.split("L.timelineSliderControl(")[1][:600]


def test_only_leaflet_and_used_plugins_are_loaded(page):
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_day_outside_the_data_renders_with_a_note_and_no_zones(seed, layers):
    html = render(build_map(seed, layers, "2019-01-01"))
    assert "is outside the data" in html and "lm-note" in html
    assert not any("lm-zone lm-zone-" in block for block in static_layers(html))


def test_dataset_without_lockdowns_renders_with_a_note(seed, layers):
    empty = dataclasses.replace(seed, lockdowns=(), _index={})
    layers = {**layers, "zones": empty_frame()}
    html = render(build_map(empty, layers, "2021-11-25"))
    assert "has no lockdowns" in html and "L.timeline(" not in html


def test_map_without_any_layers_still_renders(seed):
    html = render(build_map(seed, {}, None))
    assert "L.map(" in html


def test_base_map_has_no_zones_and_zone_layer_is_a_feature_group(seed, layers):
    base = render(base_map(seed, layers))
    assert not any("lm-zone lm-zone-" in block for block in static_layers(base))
    assert "L.control.layers" in base
    group = zone_layer(seed, layers, dt.date(2021, 11, 25))
    assert isinstance(group, folium.FeatureGroup)
    kinds = [type(c).__name__ for c in group._children.values()]
    assert kinds == ["ZoneStore", "ZoneClassLayer"]


def test_every_text_from_data_is_escaped(seed_raw, layers):
    poisoned: Dataset = validate(poisoned_raw(seed_raw), "poisoned")
    html = render(build_map(poisoned, poisoned_context(layers_for(poisoned)), "2021-11-25"))
    assert PAYLOAD.split("<img")[0] not in html
    for needle in ("<script>alert", "<img src=x", "</script><script>console"):
        assert needle not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or \
        "\\u0026lt;script\\u0026gt;alert(1)" in html
    assert 'href="javascript' not in html.lower()


def test_countries_have_distinct_fills_and_labels(page):
    from geo.maps.styles import LAND, LAND_OTHER

    assert LAND != LAND_OTHER
    assert f'"fillColor": "{LAND}"' in page and f'"fillColor": "{LAND_OTHER}"' in page
    assert '"label":"North Korea"' in page and '"label":"China"' in page
    assert "lm-country-label" in page


def test_close_labels_move_beside_their_dots():
    from geo.maps.context import place_labels

    # Two Chinese towns 70 px apart on one line: the second label leaves the top.
    scale = (0.0028, 0.0021)
    points = [(127.2647, 41.5173), (127.4564, 41.5142)]
    assert place_labels(points, ["Badaogou", "Baoquanshan"], [True, True], scale) == \
        ["top", "right"]
    assert place_labels(points, ["Badaogou", "Baoquanshan"], [True, True], None) == \
        ["top", "top"]


@pytest.mark.parametrize(("count", "folded"), [(1, False), (4, False), (5, True), (30, True)])
def test_many_outlets_fold_in_the_credits(count, folded):
    from geo.maps.builder import outlet_credits

    outlets = [f"Outlet <{i}>" for i in range(count)]
    html = outlet_credits(outlets)
    assert ("<details class='lm-credits'>" in html) == folded
    assert f"Report text: {count} outlets" in html if folded else html.endswith("(report text)")
    assert all(f"Outlet &lt;{i}&gt;" in html for i in range(count))  # every one, escaped
