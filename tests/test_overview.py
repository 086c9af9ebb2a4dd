"""Zones in force per day by province, and a zone's stringency over time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.dataset import load_dataset
from geo.overview import (
    in_force_frame,
    overview_chart,
    stringency_chart,
    stringency_frame,
)

MULTIYEAR = Path(__file__).resolve().parent / "data" / "multiyear.yaml"


@pytest.fixture(scope="module")
def data():
    return load_dataset(MULTIYEAR)


def test_zones_in_force_by_province(data):
    frame = in_force_frame(data).set_index(["day", "province"])["zones"]
    assert frame[("2022-05-04", "nationwide")] == 1
    assert frame[("2020-11-25", "Chagang Province")] == 2  # Wiwon and the province
    assert ("2020-11-25", "Ryanggang Province") not in frame  # Hyesan's end passed
    assert frame[("2020-11-20", "Ryanggang Province")] == 1
    assert frame[("2023-01-27", "Pyongyang (capital city)")] == 1
    days = set(frame.index.get_level_values("day"))
    assert "2021-06-01" in days  # Chagang, with no end known, stays in force


def test_range_of_days(data):
    frame = in_force_frame(data, dt.date(2022, 5, 1), dt.date(2022, 5, 31))
    assert frame["day"].min() >= "2022-05-01" and frame["day"].max() <= "2022-05-31"


def test_stringency_over_time(data):
    frame = stringency_frame(data, "kp-pyongyang", dt.date(2022, 5, 1), dt.date(2022, 5, 31))
    by_day = frame.set_index("day")
    assert by_day.loc["2022-05-04", "reported"] == 1  # the nationwide order, inherited
    assert by_day.loc["2022-05-20", "reported"] == 3
    assert by_day.loc["2022-05-30", "reported"] == 0
    assert (frame["lower"] <= frame["upper"]).all()


def test_charts_are_vega_lite(data):
    overview = overview_chart(in_force_frame(data)).to_dict()
    assert overview["encoding"]["color"]["field"] == "province"
    chart = stringency_chart(stringency_frame(data, "kp-pyongyang"), "Pyongyang").to_dict()
    assert len(chart["layer"]) == 2 and "Pyongyang" in chart["title"]
