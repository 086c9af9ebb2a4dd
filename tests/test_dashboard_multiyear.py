"""The dashboard on a multi-year dataset (tests/data/multiyear.yaml, 2020 to 2023), run
headless with AppTest: the range, steps and jumps of the day control, the stringency
colouring, the overview charts and the filtered register."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.state import ENV_VAR

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
MULTIYEAR = ROOT / "tests" / "data" / "multiyear.yaml"


@pytest.fixture()
def app(monkeypatch) -> AppTest:
    monkeypatch.setenv(ENV_VAR, str(MULTIYEAR))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception and not at.error
    return at


def day(at: AppTest) -> dt.date:
    return at.session_state["selected_day"]


def slider_range(at: AppTest) -> tuple[dt.date, dt.date]:
    """The day slider's bounds (AppTest gives them in microseconds since 1970)."""
    slider = at.slider(key="day_slider")
    epoch = dt.date(1970, 1, 1)
    return tuple(epoch + dt.timedelta(microseconds=v) for v in (slider.min, slider.max))


def feature_group(at: AppTest) -> str:
    maps = [c for c in at.get("component_instance") if "st_folium" in c.proto.component_name]
    return json.loads(maps[0].proto.json_args)["feature_group"] or ""


def test_slider_spans_the_years_and_the_range_narrows_it(app):
    first, last = slider_range(app)
    assert first == dt.date(2020, 11, 2) and last >= dt.date(2023, 1, 29)
    app.date_input(key="day_range").set_value((dt.date(2022, 5, 1), dt.date(2022, 6, 30))).run()
    assert not app.exception
    assert slider_range(app) == (dt.date(2022, 5, 1), dt.date(2022, 6, 30))
    assert dt.date(2022, 5, 1) <= day(app) <= dt.date(2022, 6, 30)


@pytest.mark.parametrize(("unit", "expected"), [
    ("day", dt.date(2022, 5, 5)), ("week", dt.date(2022, 5, 11)),
    ("month", dt.date(2022, 6, 4))])
def test_step_by_day_week_or_month(app, unit, expected):
    app.slider(key="day_slider").set_value(dt.date(2022, 5, 4)).run()
    app.selectbox(key="day_step").select(unit).run()
    app.button(key="day_forward").click().run()
    assert day(app) == expected
    app.button(key="day_back").click().run()
    assert day(app) == dt.date(2022, 5, 4)


def test_jump_to_the_previous_and_next_change(app):
    app.slider(key="day_slider").set_value(dt.date(2022, 1, 1)).run()
    app.button(key="change_forward").click().run()
    assert day(app) == dt.date(2022, 5, 4)  # the nationwide order
    app.button(key="change_forward").click().run()
    assert day(app) == dt.date(2022, 5, 5)  # its lifting
    app.button(key="change_back").click().run()
    app.button(key="change_back").click().run()
    assert day(app) == dt.date(2020, 12, 17)  # Wiwon's announced end (Dec. 16) passed


def test_play_speed_and_unit(app):
    app.slider(key="day_slider").set_value(dt.date(2022, 5, 4)).run()
    app.selectbox(key="day_step").select("week").run()
    app.selectbox(key="play_speed").select("fast (0.5 s)").run()
    app.toggle(key="playing").set_value(True).run()
    assert not app.exception
    assert day(app) == dt.date(2022, 5, 11)  # each run while playing is one step


def test_colouring_by_stringency(app):
    app.slider(key="day_slider").set_value(dt.date(2022, 5, 20)).run()
    assert "lm-stringency-" not in feature_group(app)
    app.radio(key="map_colour").set_value("stringency (lower bound)").run()
    assert not app.exception
    assert "lm-stringency-0" in feature_group(app)
    assert "Stringency, lower bound" in " ".join(str(h.proto.body) for h in app.get("html"))


def test_overview_tab_draws_both_charts(app):
    app.slider(key="day_slider").set_value(dt.date(2022, 5, 20)).run()
    app.session_state["view"] = "Overview"
    app.run()
    assert not app.exception and not app.error
    assert len(app.get("vega_lite_chart")) == 2
    app.selectbox(key="overview_zone").select("kp-pyongyang").run()
    text = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "3 of 9 indicators reported" in text and "상점과 식당" in text


def test_register_filters_follow_into_the_downloads(app):
    app.session_state["view"] = "Lockdowns"
    app.run()
    assert not app.exception
    (table,) = app.dataframe
    assert len(table.value) == 6
    app.multiselect(key="r_province").select("Pyongyang (capital city)").run()
    assert list(app.dataframe[0].value["lockdown"]) == ["pyongyang-2022-05", "pyongyang-2023-01"]
    app.date_input(key="r_range").set_value((dt.date(2023, 1, 1), dt.date(2023, 2, 1))).run()
    assert list(app.dataframe[0].value["lockdown"]) == ["pyongyang-2023-01"]
    text = " ".join(m.value for m in app.markdown)
    assert "1 of 6 lockdowns, as filtered" in text
    assert len(app.get("download_button")) == 3
