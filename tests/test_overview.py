"""Zones in force per day by province, and a zone's stringency over time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.dataset import load_dataset
from geo.overview import (
    in_force_frame,
    in_force_frame_naive,
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
    # Chagang has no end known: counted up to its last report (Nov. 25, 2020), not after.
    assert frame[("2020-11-25", "Chagang Province")] == 2
    assert frame[("2020-11-26", "Chagang Province")] == 1  # Wiwon, announced end Dec. 16
    assert "2021-06-01" not in days


def test_runs_agree_with_every_day(data):
    assert in_force_frame(data).equals(in_force_frame_naive(data))
    part = (dt.date(2022, 5, 2), dt.date(2022, 5, 30))
    assert in_force_frame(data, *part).equals(in_force_frame_naive(data, *part))


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


def slider_bounds(html: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the exported page's time slider."""
    import re

    options = html.split("L.timelineSliderControl(")[1][:400]
    start, end = (int(re.search(rf'"{key}": (\d+)', options).group(1))
                  for key in ("start", "end"))
    epoch = dt.date(1970, 1, 1)
    return (epoch + dt.timedelta(milliseconds=start), epoch + dt.timedelta(milliseconds=end))


def test_exported_map_plays_the_chosen_span(data):
    from geo.export import map_html_bytes
    from geo.layers import build_layers

    layers = build_layers(data)
    whole = map_html_bytes(data, layers, dt.date(2022, 5, 20)).decode("utf-8")
    assert slider_bounds(whole) == (dt.date(2020, 11, 2), dt.date(2023, 2, 12))
    part = map_html_bytes(data, layers, dt.date(2022, 5, 20),
                          span=(dt.date(2022, 5, 1), dt.date(2022, 6, 30))).decode("utf-8")
    assert slider_bounds(part) == (dt.date(2022, 5, 1), dt.date(2022, 6, 30))


def test_export_command_takes_the_span(tmp_path):
    from click.testing import CliRunner

    from geo.cli import cli

    out = tmp_path / "map.html"
    result = CliRunner().invoke(cli, ["export", "--on", "2022-05-20", "-o", str(out),
                                      "--from", "2022-05-01", "--to", "2022-06-30",
                                      "--dataset", str(MULTIYEAR)])
    assert result.exit_code == 0, result.output
    assert slider_bounds(out.read_text("utf-8")) == (dt.date(2022, 5, 1), dt.date(2022, 6, 30))
    bad = CliRunner().invoke(cli, ["export", "--on", "2022-05-20", "-o", str(out),
                                   "--from", "2022-06-30", "--to", "2022-05-01",
                                   "--dataset", str(MULTIYEAR)])
    assert bad.exit_code == 2 and "is not before --to" in bad.output
