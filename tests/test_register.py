"""The register of all lockdowns: dates, durations, reports, outlets and filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.dataset import load_dataset
from geo.register import RegisterFilter, filter_register, keep_lockdowns, register_frame

MULTIYEAR = Path(__file__).resolve().parent / "data" / "multiyear.yaml"


@pytest.fixture(scope="module")
def data():
    return load_dataset(MULTIYEAR)


@pytest.fixture(scope="module")
def frame(data):
    return register_frame(data, dt.date(2022, 5, 20)).set_index("lockdown", drop=False)


def test_rows_dates_and_durations(frame):
    assert len(frame) == 6
    hyesan = frame.loc["hyesan-2020-11"]
    assert (hyesan["start"], hyesan["announced_end"], hyesan["actual_end"]) == (
        "2020-11-02 09:00", "2020-11-21", "unconfirmed")
    assert hyesan["announced_days"] == 20 and hyesan["actual_days"] is pd_na()
    pyongyang = frame.loc["pyongyang-2022-05"]
    assert pyongyang["actual_days"] == 19  # May 10 to 28; lifted on May 29
    assert pyongyang["announced_days"] is pd_na()
    assert frame.loc["pyongyang-2023-01", "announced_days"] == 5


def pd_na():
    import pandas as pd

    return pd.NA


def test_reports_outlets_and_provinces(frame):
    hyesan = frame.loc["hyesan-2020-11"]
    assert hyesan["reports"] == 2
    assert hyesan["outlets"] == ("RFA (Korean), The North Korea Herald (Tistory blog, "
                                 "secondary compilation)")
    assert frame.loc["nationwide-2022-05-04", "province"] == "nationwide"
    assert frame.loc["wiwon-2020-11", "province"] == "Chagang Province"
    assert frame["sources_disagree"].eq("").all()  # this data records no disagreement


@pytest.mark.parametrize(("chosen", "expected"), [
    (RegisterFilter(), 6),
    (RegisterFilter(provinces=("Chagang Province",)), 2),
    (RegisterFilter(outlets=("Daily NK",)), 2),
    (RegisterFilter(statuses=("in force",)), 1),  # Pyongyang
    # Chagang: no end known and no report after Nov. 25, 2020.
    (RegisterFilter(statuses=("in force when last reported; no later report",)), 1),
    (RegisterFilter(first=dt.date(2021, 1, 1), last=dt.date(2021, 12, 31)), 3),  # unconfirmed
    (RegisterFilter(first=dt.date(2022, 5, 5), last=dt.date(2022, 5, 9)), 3),
    (RegisterFilter(provinces=("nationwide",), first=dt.date(2022, 5, 5)), 0),
])
def test_filters(data, frame, chosen, expected):
    assert len(filter_register(data, frame, chosen)) == expected


def test_keep_lockdowns_keeps_reports_and_places(data):
    kept = keep_lockdowns(data, ["pyongyang-2023-01"])
    assert [item.id for item in kept.lockdowns] == ["pyongyang-2023-01"]
    assert kept.reports == data.reports and kept.places == data.places


def test_a_start_no_report_gives_reads_not_reported():
    record = load_dataset(Path(__file__).resolve().parents[1] / "seeds" / "record.yaml")
    frame = register_frame(record, dt.date(2022, 5, 20)).set_index("lockdown")
    samjiyon = frame.loc["samjiyon-undated-1"]  # known only from its lifting on Sept. 14
    assert samjiyon["start"] == "not reported" and samjiyon["actual_end"] == "2020-09-14"
    assert samjiyon["actual_days"] is pd_na() and samjiyon["status"] == "lifted"
    assert frame.loc["rajin-2020-05-1", "status"] == "in force when last reported; no later report"
