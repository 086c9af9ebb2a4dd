"""Colouring the map's zones by stringency: bands, styles, the day's layer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import folium
import pytest

from geo.dataset import load_dataset
from geo.layers import build_layers
from geo.maps import STRINGENCY_BANDS, band_label, stringency_bands
from geo.maps.styles import StyleClass, stringency_band
from geo.maps.zones import add_zone_store, day_zone_layer, zone_rows
from geo.stringency import stringency_by_lockdown
from geo.timeline import ZoneStatus

MULTIYEAR = Path(__file__).resolve().parent / "data" / "multiyear.yaml"


@pytest.mark.parametrize(("lower", "band"), [(0.0, 0), (19.99, 0), (20.0, 1), (43.98, 2),
                                             (79.9, 3), (80.0, 4), (100.0, 4)])
def test_band_of_a_value(lower, band):
    assert stringency_band(lower) == band


def test_band_labels_cover_0_to_100():
    assert [band_label(i) for i in range(len(STRINGENCY_BANDS))] == [
        "0 to 20", "20 to 40", "40 to 60", "60 to 80", "80 to 100"]


def test_band_fills_but_keeps_the_status_outline():
    plain = StyleClass(ZoneStatus.IN_FORCE, False).style()
    banded = StyleClass(ZoneStatus.IN_FORCE, False, 3).style()
    assert banded["color"] == plain["color"]
    assert banded["fillColor"] == STRINGENCY_BANDS[3][1] != plain["fillColor"]
    assert "lm-stringency-3" in banded["className"]
    assert StyleClass(ZoneStatus.IN_FORCE, True, 3).key == "in-force-approximate-stringency-3"


def test_day_layer_coloured_by_stringency():
    data = load_dataset(MULTIYEAR)
    layers = build_layers(data)
    rows = zone_rows(data, layers["zones"])
    owner = folium.FeatureGroup(name="store")
    add_zone_store(data, rows, owner)
    day = dt.date(2022, 5, 4)  # the nationwide order: C6 general everywhere (7.41)
    values = stringency_by_lockdown(data, day)
    bands = stringency_bands({k: v.lower for k, v in values.items()})
    group = day_zone_layer(data, rows, day, owner, bands=bands)
    classes = {layer.style_class for layer in group._children.values()}
    assert {c.band for c in classes} == {0}
    assert sum(len(layer.rows) for layer in group._children.values()) == len(rows)
    html = group.add_to(folium.Map(tiles=None)).get_root().render()
    assert "lm-stringency-0" in html
    plain = day_zone_layer(data, rows, day, owner)
    assert all(layer.style_class.band is None for layer in plain._children.values())
