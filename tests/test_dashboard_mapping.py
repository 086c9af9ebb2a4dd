"""The dashboard's map plumbing: what reaches the day map component when the day changes
(read back from AppTest), a zone store shared by every day, and the previous st_folium
path's frozen base map (kept for the benchmark)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit_folium import generate_leaflet_string

from dashboard.mapping import (
    COMPONENT_TITLE,
    FrozenLayers,
    freeze,
    map_key,
    page_base,
    settle,
    unpack,
)
from dashboard.state import ENV_VAR
from geo.describe import describe_lockdown, describe_zone
from geo.layers import build_layers
from geo.maps import base_map, use_inline_assets
from geo.maps.histories import popup_html
from geo.maps.popups import now_html, row_slot, status_text, zone_history_parts
from geo.maps.zones import (
    DOWNGRADED_NOTE,
    add_zone_store,
    day_zone_layer,
    day_zone_styles,
    zone_rows,
)
from geo.model import Certainty, StatusChange, StatusChangeKind, TimePrecision, When

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
# folium's own element names end in 32 hex digits; none may reach the page's scripts
# unrenamed (a name the page never defines is a ReferenceError in the browser).
RANDOM_NAME = re.compile(r"_[0-9a-f]{32}\b")


def map_args(at: AppTest) -> dict:
    (component,) = at.get("component_instance")
    assert component.proto.component_name == COMPONENT_TITLE
    return json.loads(component.proto.json_args)


def test_the_base_goes_once_then_only_the_days_layer(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    at = AppTest.from_file(APP, default_timeout=120).run()
    first = map_args(at)
    base = unpack(first["base"])  # packed for the trip; the frame unpacks it
    assert first["base"] == page_base(at.session_state["loaded"]).packed
    assert len(first["base"]) < len(json.dumps(base)) / 2
    assert set(base) == {"header", "html", "script", "js_links", "css_links"}
    assert "coordinates" in base["script"] and "lm-zone-popup" in base["script"]
    assert all(url.startswith("data:") for url in base["js_links"] + base["css_links"])
    assert "no day" not in base["script"]  # the dashboard shows the day itself
    # The frame reports that it holds the base (and a click on a zone), as daymap.js does.
    key = map_key(at.session_state["loaded"])
    at.session_state[key] = {"base": first["base_key"], "lockdown": "kimhyongjik-2021-11",
                             "clicks": 1}
    sent = []
    for day in (dt.date(2021, 11, 25), dt.date(2021, 12, 5)):
        at.slider(key="day_slider").set_value(day).run()
        assert not at.exception
        sent.append(map_args(at))
    for args in sent:
        assert args["base"] is None and args["base_key"] == first["base_key"]
        # The day is styles only: a class per zone; no geometry, no popups.
        assert len(json.dumps(args["day"])) < 5_000
        assert "coordinates" not in json.dumps(args["day"])
        assert args["zones"]["store"] in base["script"]
    assert [args["day_key"] for args in sent] == ["2021-11-25", "2021-12-05"]
    statuses = [{c["style"]["className"] for c in args["day"]["classes"]} for args in sent]
    assert statuses == [{"lm-zone lm-zone-in-force-approximate"},
                        {"lm-zone lm-zone-end-passed-unconfirmed-approximate"}]
    assert at.session_state["selected_zone"] == "kimhyongjik-2021-11"  # the click


def test_the_neighbour_days_go_along_and_a_step_on_the_map_moves_the_day(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    at = AppTest.from_file(APP, default_timeout=120).run()
    args = map_args(at)
    day = dt.date.fromisoformat(args["day_iso"])
    assert {name: step["iso"] for name, step in args["steps"].items()} == {
        "back": (day - dt.timedelta(days=1)).isoformat(),
        "forward": (day + dt.timedelta(days=1)).isoformat()}
    forward = args["steps"]["forward"]
    assert set(forward) == {"iso", "key", "styles"} and forward["styles"]["classes"]
    key = map_key(at.session_state["loaded"])
    value = {"base": args["base_key"], "lockdown": None, "clicks": 0,
             "day": forward["iso"], "moves": "frame-a:1"}
    at.session_state[key] = value
    at.run()
    assert at.slider(key="day_slider").value == day + dt.timedelta(days=1)
    assert map_args(at)["day_key"] == forward["key"]
    # The same value again (any later rerun) is not a new step.
    at.slider(key="day_slider").set_value(day).run()
    assert map_args(at)["day_iso"] == day.isoformat()
    at.session_state[key] = value
    at.run()
    assert at.slider(key="day_slider").value == day


def test_a_week_step_still_sends_the_sliders_days_either_side(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.selectbox(key="day_step").set_value("week").run()
    args = map_args(at)
    day = dt.date.fromisoformat(args["day_iso"])
    shift = {"back": -7, "forward": 7, "day_back": -1, "day_forward": 1}
    span_first, span_last = at.session_state["day_range"]
    expected = {name: (day + dt.timedelta(days=n)).isoformat() for name, n in shift.items()
                if span_first <= day + dt.timedelta(days=n) <= span_last}
    assert {name: step["iso"] for name, step in args["steps"].items()} == expected
    assert len(expected) >= 3
    # The frame follows the slider by its key (its container's st-key-… class).
    assert args["follow"] == "day_slider"
    assert at.slider(key=args["follow"]).value == day


def test_a_frame_without_the_base_gets_it_again(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    at = AppTest.from_file(APP, default_timeout=120).run()
    key = map_key(at.session_state["loaded"])
    at.session_state[key] = {"base": None, "lockdown": None, "clicks": 0}  # a new frame asks
    at.run()
    assert map_args(at)["base"] is not None


def test_the_page_base_defines_the_store_and_keeps_no_map(seed):
    from dashboard.state import Loaded

    base = page_base(Loaded(seed, "seed-key-for-test", "seed"))
    assert f"var {base.store} =" in unpack(base.packed)["script"]
    assert len(base.rows) == len(seed.lockdowns)


def test_day_styles_put_each_zone_in_a_class_drawn_least_important_first(seed):
    # Two zones: the seed's lockdown and a copy that starts a month later.
    first = seed.lockdowns[0]
    later = dataclasses.replace(
        first, id="later", changes=(),
        ordered=dataclasses.replace(first.ordered, on=dt.date(2021, 12, 20)),
        effective=dataclasses.replace(first.effective, on=dt.date(2021, 12, 20)),
        announced_end=dataclasses.replace(first.announced_end, on=dt.date(2022, 1, 5)))
    data = dataclasses.replace(seed, lockdowns=(first, later), _index={})
    rows = zone_rows(data, build_layers(data)["zones"])
    styles = day_zone_styles(data, rows, dt.date(2021, 11, 25))
    classes = [styles["classes"][i] for i in styles["row"]]
    assert [c["style"]["className"].split()[-1] for c in classes] == [
        "lm-zone-in-force-approximate", "lm-zone-not-yet-approximate"]
    assert styles["row"] == [1, 0]  # "not yet" first: drawn under the zone in force
    assert classes[0]["status"].startswith("<span class='lm-status'>In force</span>")
    assert "approximate outline" in classes[0]["x"]


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
    popup = popup_html(store, layer.rows[0])
    # What the popup script does: each lockdown's slot gets its row's status on the day.
    summary = describe_lockdown(data, lockdown, day)
    popup = popup.replace(row_slot(0), now_html(summary.status, layer.status))
    history = describe_zone(data, lockdown.zone, day)
    expected = "".join(zone_history_parts(
        history, lambda item: now_html(item.summary.status, status_text(
            item.summary.status, day) + (DOWNGRADED_NOTE if item.summary.downgraded else "")),
        approximate=row.approximate, method=row.method))
    assert popup == expected
    assert ("downgraded" in popup) == (day > dt.date(2021, 11, 25))
