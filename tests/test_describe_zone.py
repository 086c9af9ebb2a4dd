"""A zone's whole history (geo.describe.describe_zone) on the public record: Hyesan."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.dataset import SEED_DATASET, load_dataset
from geo.describe import describe_zone
from geo.timeline import ZoneStatus

RECORD = SEED_DATASET.with_name("record.yaml")
HYESAN = ("hyesan-undated-2", "hyesan-2020-11-1", "hyesan-2021-01-1", "hyesan-undated-1",
          "hyesan-undated-3")
MAY_2022 = dt.date(2022, 5, 20)


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)


@pytest.fixture(scope="module")
def hyesan(record):
    return describe_zone(record, "kp-hyesan", MAY_2022)


def _quoted(lockdown):
    """Every (report, sentence) the dataset quotes for the lockdown itself."""
    whens = [lockdown.ordered, lockdown.effective, lockdown.announced_end, lockdown.actual_end]
    whens += [change.when for change in lockdown.changes]
    evidence = list(lockdown.evidence) + [ev for w in whens for ev in w.evidence]
    evidence += [ev for measure in lockdown.measures for ev in measure.evidence]
    return {(ev.report, ev.quote) for ev in evidence}


def test_every_lockdown_of_hyesan_in_time_order(hyesan):
    assert hyesan.zone_name == "Hyesan"
    assert [item.summary.lockdown_id for item in hyesan.lockdowns] == list(HYESAN)
    assert all(item.own for item in hyesan.lockdowns)


def test_each_lockdown_has_every_quote_of_every_report_verbatim(record, hyesan):
    by_id = {lockdown.id: lockdown for lockdown in record.lockdowns}
    texts = {report.id: report.text for report in record.reports}
    for item in hyesan.lockdowns + hyesan.containing:
        lockdown = by_id[item.summary.lockdown_id]
        shown = {(report.report_id, text) for report in item.reports for text in report.quotes}
        assert _quoted(lockdown) <= shown, lockdown.id
        for report_id, text in shown:
            assert text in texts[report_id]  # verbatim, never rewritten
        reports = {report.report_id: report for report in item.reports}
        for report_id, _ in shown:
            source = record.report(report_id)
            assert (reports[report_id].outlet, reports[report_id].language,
                    reports[report_id].url) == (source.outlet, source.language, source.url)


def test_the_orders_over_a_wider_area_are_marked(hyesan):
    wider = {item.summary.lockdown_id: item for item in hyesan.containing}
    assert {"kp-2022-05-1", "kp-2022-05-12"} <= set(wider)
    assert wider["kp-2022-05-12"].under == "Under the nationwide order of May 2022"
    assert wider["ryanggang-undated-1"].under.startswith("Under the Ryanggang Province order")
    assert not any(item.own for item in hyesan.containing)


@pytest.mark.parametrize(("day", "in_force"), [
    (MAY_2022, {"kp-2022-05-12"}),  # Hyesan's 2021 lockdown: no report after Feb. 2021
    (dt.date(2020, 11, 10), {"hyesan-2020-11-1"}),
    (dt.date(2020, 6, 1), set()),
])
def test_status_on_the_day(record, day, in_force):
    history = describe_zone(record, "kp-hyesan", day)
    assert {item.summary.lockdown_id for item in history.in_force} == in_force
    assert history.day == day
    statuses = {item.summary.lockdown_id: item.summary.status for item in history.lockdowns}
    if day == MAY_2022:
        assert statuses["hyesan-2021-01-1"] is ZoneStatus.NO_LATER_REPORT
    if day == dt.date(2020, 11, 10):
        assert statuses["hyesan-undated-2"] is ZoneStatus.LIFTED
        assert statuses["hyesan-2021-01-1"] is ZoneStatus.NOT_YET


@pytest.mark.parametrize(("lockdown_id", "period"), [
    ("hyesan-undated-2", "start unknown to 2020-09-17"),
    ("hyesan-2020-11-1", "2020-11-02 to 2020-11-21 (announced), lifting unconfirmed"),
    ("hyesan-undated-1", "start unknown to lifted by 2022-07-15"),
    ("hyesan-undated-3", "start unknown to 2023-09-20"),
])
def test_period_says_what_is_unknown(hyesan, lockdown_id, period):
    item = next(i for i in hyesan.lockdowns if i.summary.lockdown_id == lockdown_id)
    assert item.period == period


def test_the_nationwide_zone_has_only_its_own(record):
    history = describe_zone(record, "kp", MAY_2022)
    assert [i.summary.lockdown_id for i in history.lockdowns] == ["kp-2022-05-1",
                                                                  "kp-2022-05-12"]
    assert history.containing == ()
