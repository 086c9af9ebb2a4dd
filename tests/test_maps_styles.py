"""Zone styles per status, approximate outlines, and the legend, asserted on rendered HTML."""

from __future__ import annotations

import pytest

from geo.maps.legend import legend_html
from geo.maps.styles import STATUS_ORDER, StyleClass, status_colour, zone_style
from geo.timeline import ZoneStatus


def test_each_status_has_its_own_colour():
    colours = {status_colour(s) for s in ZoneStatus}
    assert len(colours) == len(ZoneStatus)


@pytest.mark.parametrize("status", list(ZoneStatus))
def test_approximate_outline_is_dashed_and_exact_is_not(status):
    assert zone_style(status, approximate=True)["dashArray"]
    assert "dashArray" not in zone_style(status, approximate=False)
    assert zone_style(status, True)["color"] == zone_style(status, False)["color"]


def test_in_force_is_the_strongest_fill():
    fills = {s: zone_style(s)["fillOpacity"] for s in ZoneStatus}
    assert max(fills, key=fills.get) is ZoneStatus.IN_FORCE
    assert fills[ZoneStatus.NOT_YET] < fills[ZoneStatus.LIFTED]


def test_style_class_key_names_the_css_class():
    key = StyleClass(ZoneStatus.END_PASSED_UNCONFIRMED, True).key
    assert key == "end-passed-unconfirmed-approximate"
    assert "lm-zone-" + key in zone_style(ZoneStatus.END_PASSED_UNCONFIRMED, True)["className"]


def test_legend_lists_every_status_in_order_and_the_symbols():
    html = legend_html()
    positions = [html.index(s.value[0].upper() + s.value[1:]) for s in STATUS_ORDER]
    assert positions == sorted(positions)
    for status in ZoneStatus:
        assert status_colour(status) in html
    assert "stroke-dasharray" in html and "approximate geometry" in html
    assert "Incident" in html and "River (Yalu/Amnok)" in html and "border" in html


@pytest.mark.parametrize("status", [ZoneStatus.NO_LATER_REPORT, ZoneStatus.START_UNREPORTED])
def test_silent_statuses_are_in_the_legend_and_never_look_in_force(status):
    style = zone_style(status)
    in_force = zone_style(ZoneStatus.IN_FORCE)
    assert style["fillOpacity"] < in_force["fillOpacity"]
    assert style["fillColor"] != in_force["fillColor"] and style["color"] != in_force["color"]
    assert f"lm-legend-lm-zone-{StyleClass(status, False).key}" in legend_html()
