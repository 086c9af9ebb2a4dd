"""Links to a view of the dashboard: the address holds the tab, the day and the zone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.links import parse_link
from dashboard.state import ENV_VAR

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
ZONE = "kimhyongjik-2021-11"
TABS = ("Map", "Timeline", "Data")
SPAN = (dt.date(2021, 11, 18), dt.date(2021, 12, 18))


@pytest.fixture()
def app(monkeypatch) -> AppTest:
    monkeypatch.delenv(ENV_VAR, raising=False)
    return AppTest.from_file(APP, default_timeout=120)


def params(at: AppTest) -> dict[str, str]:
    return {key: at.query_params[key][0] if isinstance(at.query_params[key], list)
            else at.query_params[key] for key in at.query_params}


@pytest.mark.parametrize(("given", "chosen", "problem"), [
    ({"tab": "Timeline", "day": "2021-12-01", "zone": ZONE},
     {"tab": "Timeline", "day": dt.date(2021, 12, 1), "zone": ZONE}, None),
    ({"tab": "map"}, {}, "no tab"),
    ({"day": "2021-13-01"}, {}, "not a date"),
    ({"day": "20211201"}, {}, "not a date"),
    ({"day": "1999-01-01"}, {}, "outside the data"),
    ({"zone": "**bold** <script>"}, {}, "no zone"),
    ({"zone": "x" * 500}, {}, "…"),
])
def test_parse_link(given, chosen, problem):
    got, problems = parse_link(given, TABS, SPAN, [ZONE])
    assert got == chosen
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problem in problems[0] and len(problems[0]) < 120


def test_the_address_follows_the_view(app):
    app.run()
    assert not app.exception
    first = params(app)
    assert first["tab"] == "Map" and first["day"] == app.session_state["selected_day"].isoformat()
    assert "zone" not in first
    app.slider(key="day_slider").set_value(dt.date(2021, 12, 5)).run()
    assert params(app)["day"] == "2021-12-05"
    app.selectbox(key="zone_pick").select(ZONE).run()
    assert params(app)["zone"] == ZONE
    app.button(key="day_forward").click().run()
    assert params(app)["day"] == "2021-12-06"


def test_a_pasted_link_opens_its_day_zone_and_tab(app):
    app.query_params["day"] = "2021-12-05"
    app.query_params["zone"] = ZONE
    app.run()
    assert not app.exception and not app.warning
    assert app.session_state["selected_day"] == dt.date(2021, 12, 5)
    assert app.slider(key="day_slider").value == dt.date(2021, 12, 5)
    assert "Kimhyongjik County" in " ".join(s.value for s in app.subheader)
    badges = [m.value for m in app.markdown if m.value.startswith(":orange-badge[")]
    assert any("announced end passed, lifting unconfirmed on 2021-12-05" in b for b in badges)


def test_a_link_to_the_timeline_tab(app):
    app.query_params["tab"] = "Timeline"
    app.query_params["day"] = "2021-11-25"
    app.run()
    assert not app.exception
    assert app.session_state["view"] == "Timeline"
    assert params(app)["tab"] == "Timeline"
    # The map tab's code did not run: no slider was drawn.
    assert not [s for s in app.slider if s.key == "day_slider"]


def test_a_bad_link_is_reported_once_and_the_rest_kept(app):
    app.query_params["day"] = "2021-11-30"
    app.query_params["zone"] = "[click](javascript:alert(1))"
    app.run()
    assert not app.exception
    [warning] = app.warning
    # Shown as the text it is: every Markdown character escaped, so no link is made.
    assert "no zone" in warning.value
    assert r"\[click\]\(javascript\:alert\(1\)\)" in warning.value
    assert app.session_state["selected_day"] == dt.date(2021, 11, 30)
    assert "zone" not in params(app)
    app.run()
    assert not app.warning
