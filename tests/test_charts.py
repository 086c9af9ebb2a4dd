"""The timeline chart: bars follow the status logic, the chosen day is drawn over them."""

import datetime as dt

from geo.charts import UNCONFIRMED, gantt_chart, incidents_frame, periods_frame


def test_periods_split_at_the_announced_end(seed):
    frame = periods_frame(seed)
    assert frame[["status", "start", "end", "open_end"]].values.tolist() == [
        ["in force", "2021-11-19T10:00", "2021-12-04T23:59", False],
        [UNCONFIRMED, "2021-12-04T23:59", "2021-12-18T23:59", True],
    ]


def test_incidents_sit_on_their_lockdowns_row(seed):
    frame = incidents_frame(seed)
    assert set(frame["lockdown"]) == {"kimhyongjik-2021-11"}
    assert frame["when"].iloc[0] == "2021-11-18T21:00"


def test_chosen_day_is_drawn_last_over_the_bars(seed):
    spec = gantt_chart(seed, dt.date(2021, 11, 25)).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "point", "rect", "rule"]
    marker = spec["datasets"][spec["layer"][-1]["data"]["name"]]
    assert marker == [{"start": "2021-11-25T00:00", "end": "2021-11-26T00:00",
                       "label": "selected day 2021-11-25"}]


def test_row_labels_are_one_line_for_vega(seed_raw):
    from geo.validate import validate

    zone = seed_raw["lockdowns"][0]["zone"]
    next(p for p in seed_raw["places"] if p["id"] == zone)["name"] = \
        "Kimhyongjik\u2028County\u2029\nx\x1by"
    chart = gantt_chart(validate(seed_raw), dt.date(2021, 11, 25))
    assert chart.to_dict()["layer"][0]["encoding"]["y"]["sort"] == [
        "Kimhyongjik County x y (kimhyongjik-2021-11)"]
