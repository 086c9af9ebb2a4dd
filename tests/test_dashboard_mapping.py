"""The dashboard's map plumbing: a frozen base map, a zone store shared by every day, and
what reaches st_folium when the day changes (read back from AppTest)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit_folium import generate_leaflet_string

from dashboard.mapping import FrozenLayers, freeze, settle
from dashboard.state import ENV_VAR
from geo.describe import describe_lockdown
from geo.layers import build_layers
from geo.maps import base_map, use_inline_assets
from geo.maps.popups import lockdown_popup, status_text
from geo.maps.zones import add_zone_store, day_zone_layer, zone_rows
from geo.model import Certainty, StatusChange, StatusChangeKind, TimePrecision, When

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
# folium's own element names end in 32 hex digits; none may reach the page's scripts
# unrenamed (a name the page never defines is a ReferenceError in the browser).
RANDOM_NAME = re.compile(r"_[0-9a-f]{32}\b")


def map_args(at: AppTest) -> dict:
    (component,) = [c for c in at.get("component_instance")
                    if "st_folium" in c.proto.component_name]
    return json.loads(component.proto.json_args)


def test_day_changes_send_the_same_base_and_only_a_small_new_zone_layer(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    at = AppTest.from_file(APP, default_timeout=120).run()
    sent = []
    for day in (dt.date(2021, 11, 25), dt.date(2021, 12, 5)):
        at.slider(key="day_slider").set_value(day).run()
        assert not at.exception
        sent.append(map_args(at))
    first, second = sent
    for arg in ("script", "header", "html", "js_links", "css_links", "id"):
        assert first[arg] == second[arg], arg
    assert first["feature_group"] != second["feature_group"]
    for args in sent:
        for arg in ("script", "html", "feature_group"):
            assert not RANDOM_NAME.search(args[arg]), arg
        # The day's layer is row indexes and status text; geometry and popups are in
        # the base, sent with it once per dataset.
        assert "coordinates" not in args["feature_group"]
        assert "lm-zone-popup" not in args["feature_group"]
    assert "coordinates" in first["script"] and "lm-zone-popup" in first["script"]
    # The dashboard shows the day itself: the base map's caption does not say "no day".
    assert "no day" not in first["script"]
    assert at.session_state["_base_map"].frozen


def test_freeze_keeps_what_streamlit_folium_reads(seed):
    layers = build_layers(seed)
    m = settle(use_inline_assets(base_map(seed, layers, with_caption=False)))
    script, bounds = generate_leaflet_string(m), m.get_bounds()
    assert freeze(m)
    (only,) = m._children.values()
    assert isinstance(only, FrozenLayers)
    assert generate_leaflet_string(m) == script
    assert m.get_bounds() == bounds
    assert only.default_js and all(url.startswith("data:") for _, url in only.default_js)


def test_base_map_caption_can_be_left_out(seed):
    layers = build_layers(seed)
    with_caption = settle(base_map(seed, layers))
    without = settle(base_map(seed, layers, with_caption=False))
    assert "lm-caption" in generate_leaflet_string(with_caption)
    assert "lm-caption" not in generate_leaflet_string(without)


@pytest.mark.parametrize("day", [dt.date(2021, 11, 18), dt.date(2021, 11, 26),
                                 dt.date(2021, 12, 10)])
def test_shared_store_gives_the_same_popups_as_a_zone_layer_of_the_day(seed, day):
    # A downgrade on Nov. 25, so the "(measures downgraded)" note, which depends on
    # the day, is covered too.
    lockdown = dataclasses.replace(seed.lockdowns[0], changes=(StatusChange(
        StatusChangeKind.DOWNGRADED, When(Certainty.STATED, on=dt.date(2021, 11, 25),
                                          precision=TimePrecision.DAY), "r"),))
    data = dataclasses.replace(seed, lockdowns=(lockdown,), _index={})
    rows = zone_rows(data, build_layers(data)["zones"])
    owner = base_map(data, build_layers(data))
    store = add_zone_store(data, rows, owner)
    group = day_zone_layer(data, rows, day, owner)
    layers = list(group._children.values())
    assert sum(len(layer.rows) for layer in layers) == len(rows) == 1
    (layer,) = layers
    (row,) = rows
    popup = "".join(store.items[j] for j in store.lists[layer.rows[0]])
    popup = popup.replace("<span class='lm-status-slot'></span>", layer.status)
    summary = describe_lockdown(data, lockdown, day)
    assert popup == lockdown_popup(summary, approximate=row.approximate, method=row.method,
                                   status=status_text(summary.status, day))
    assert ("downgraded" in popup) == (day > dt.date(2021, 11, 25))
