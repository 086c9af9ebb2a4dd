"""Status on a day: the first and last day, the time of day, unknown and actual ends."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from geo.errors import DateInputError
from geo.model import Certainty, StatusChange, StatusChangeKind, TimePrecision, When
from geo.timeline import (
    ZoneStatus,
    dataset_span,
    default_day,
    in_force_from,
    last_word,
    parse_moment,
    start_of,
    state_of,
    states_on,
    status_of,
)


@pytest.fixture()
def lockdown(seed):
    return seed.lockdowns[0]


def day(text: str) -> When:
    return When(Certainty.STATED, on=dt.date.fromisoformat(text), precision=TimePrecision.DAY)


@pytest.mark.parametrize(("moment", "expected"), [
    ("2021-11-18", ZoneStatus.NOT_YET),  # the day of the crossing
    ("2021-11-19T09:59", ZoneStatus.NOT_YET),  # before the 10 AM order
    ("2021-11-19T10:00", ZoneStatus.IN_FORCE),
    ("2021-11-19", ZoneStatus.IN_FORCE),  # a day means by its end
    ("2021-11-25", ZoneStatus.IN_FORCE),
    ("2021-12-04", ZoneStatus.IN_FORCE),  # "until Dec. 4": the last day counts
    ("2021-12-04T23:59", ZoneStatus.IN_FORCE),
    ("2021-12-05T00:00", ZoneStatus.END_PASSED_UNCONFIRMED),
    ("2021-12-10", ZoneStatus.END_PASSED_UNCONFIRMED),  # no report says it was lifted
    ("2026-01-01", ZoneStatus.END_PASSED_UNCONFIRMED),
])
def test_seed_lockdown_status(lockdown, moment, expected):
    assert status_of(lockdown, parse_moment(moment)) is expected


def test_actual_end_lifts_it(lockdown):
    lifted = dataclasses.replace(lockdown, actual_end=day("2021-12-02"))
    assert status_of(lifted, dt.date(2021, 12, 1)) is ZoneStatus.IN_FORCE
    assert status_of(lifted, dt.datetime(2021, 12, 2, 0, 0)) is ZoneStatus.LIFTED
    assert status_of(lifted, dt.date(2021, 12, 3)) is ZoneStatus.LIFTED


def test_lifted_change_lifts_it_from_its_time(lockdown):
    lifted = dataclasses.replace(lockdown, changes=(StatusChange(
        StatusChangeKind.LIFTED, When(Certainty.STATED, on=dt.date(2021, 12, 6),
                                      at=dt.time(18, 0), precision=TimePrecision.DAY), "r"),))
    assert status_of(lifted, dt.datetime(2021, 12, 6, 17, 59)) is \
        ZoneStatus.END_PASSED_UNCONFIRMED
    assert status_of(lifted, dt.datetime(2021, 12, 6, 18, 0)) is ZoneStatus.LIFTED


def test_extension_moves_the_announced_end_from_when_it_was_announced(seed, lockdown):
    extended = dataclasses.replace(lockdown, changes=(StatusChange(
        StatusChangeKind.EXTENDED, day("2021-12-03"), "r", announced_end=day("2021-12-18")),))
    assert status_of(extended, dt.date(2021, 12, 10)) is ZoneStatus.IN_FORCE
    assert status_of(extended, dt.date(2021, 12, 19)) is ZoneStatus.END_PASSED_UNCONFIRMED
    data = dataclasses.replace(seed, lockdowns=(extended,), _index={})
    (state,) = states_on(data, dt.date(2021, 12, 2))
    assert state.announced_end == dt.date(2021, 12, 4)  # not yet extended on Dec. 2


def test_unknown_announced_end_stays_in_force_until_the_last_word(seed, lockdown):
    open_ended = dataclasses.replace(lockdown, announced_end=When.unknown())
    data = dataclasses.replace(seed, lockdowns=(open_ended,), _index={})
    said = last_word(data, open_ended)
    assert said == dt.date(2021, 11, 23)  # both reports' publication day
    assert status_of(open_ended, dt.date(2021, 11, 23), said) is ZoneStatus.IN_FORCE
    assert status_of(open_ended, dt.datetime(2021, 11, 24, 0, 0), said) is \
        ZoneStatus.NO_LATER_REPORT
    assert status_of(open_ended, dt.date(2030, 1, 1), said) is ZoneStatus.NO_LATER_REPORT
    # Without the reports only its own dates count (the start): never in force for ever.
    assert status_of(open_ended, dt.date(2021, 11, 20)) is ZoneStatus.NO_LATER_REPORT


def test_downgrade_is_flagged_but_still_in_force(seed, lockdown):
    downgraded = dataclasses.replace(lockdown, changes=(
        StatusChange(StatusChangeKind.DOWNGRADED, day("2021-11-25"), "r"),))
    data = dataclasses.replace(seed, lockdowns=(downgraded,), _index={})
    (before,) = states_on(data, dt.date(2021, 11, 24))
    (after,) = states_on(data, dt.date(2021, 11, 26))
    assert (before.downgraded, after.downgraded) == (False, True)
    assert after.status is ZoneStatus.IN_FORCE


def test_states_on_names_zone_and_period(seed):
    (state,) = states_on(seed, parse_moment("2021-11-25"))
    assert state.to_dict() == {
        "lockdown": "kimhyongjik-2021-11", "zone": "kp-kimhyongjik-county",
        "zone_name": "Kimhyongjik County", "status": "in force",
        "start": "2021-11-19T10:00", "in_force_from": "2021-11-19T10:00",
        "last_reported": "2021-11-23", "announced_end": "2021-12-04",
        "actual_end": "unconfirmed", "downgraded": False,
    }


def test_span_and_default_day(seed):
    assert dataset_span(seed) == (dt.date(2021, 11, 18), dt.date(2021, 12, 18))
    assert default_day(seed) == dt.date(2021, 11, 19)


@pytest.mark.parametrize("text", ["2021-11-25", " 2021-11-25 ", "2021-11-25T09:30",
                                  "2021-11-25 09:30"])
def test_parse_moment_accepts(text):
    assert parse_moment(text).date() == dt.date(2021, 11, 25)


@pytest.mark.parametrize("text", ["25/11/2021", "Nov 25", "", "2021-11-31", "2021-11-25T25:00"])
def test_parse_moment_rejects_with_a_hint(text):
    with pytest.raises(DateInputError, match="write YYYY-MM-DD"):
        parse_moment(text)


def test_date_arithmetic_stops_at_the_ends_of_the_calendar():
    from geo.timeline import shift_day

    assert shift_day(dt.date(9999, 12, 31), 14) == dt.date.max
    assert shift_day(dt.date(1, 1, 1), -1) == dt.date.min
    assert shift_day(dt.date(2021, 11, 19), 14) == dt.date(2021, 12, 3)


@pytest.mark.parametrize("day", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_span_and_runs_survive_extreme_dates(seed, day):
    """A Dataset built in code is not validated: the arithmetic itself must be safe."""
    from geo.maps.zones import status_runs
    from geo.timeline import dataset_span

    lockdown = seed.lockdowns[0]
    end = dataclasses.replace(lockdown.announced_end, on=day)
    start = dataclasses.replace(lockdown.effective, on=min(day, lockdown.effective.on))
    extreme = dataclasses.replace(lockdown, announced_end=end, effective=start)
    data = dataclasses.replace(seed, lockdowns=(extreme,))
    first, last = dataset_span(data)
    assert first <= last
    assert status_runs(extreme, first, last)


# What the status says where the reports are silent. Each case: the lockdown's dates
# (on top of the founding lockdown with its order, start and announced end cleared), its
# last word, and the status on each day.
UNKNOWN = When.unknown()
LIFTED_30 = day("2021-11-30")
SILENT_CASES = {
    "no end: in force to the last word, then no later report": (
        dict(effective=day("2021-11-19")), dt.date(2021, 11, 26),
        {"2021-11-18": ZoneStatus.NOT_YET, "2021-11-19": ZoneStatus.IN_FORCE,
         "2021-11-26": ZoneStatus.IN_FORCE, "2021-11-27": ZoneStatus.NO_LATER_REPORT,
         "2023-05-01": ZoneStatus.NO_LATER_REPORT}),
    "a last word before the start: in force on its first day only": (
        dict(effective=day("2021-11-19")), dt.date(2021, 11, 10),
        {"2021-11-19": ZoneStatus.IN_FORCE, "2021-11-20": ZoneStatus.NO_LATER_REPORT}),
    "an announced end still holds after the last word": (
        dict(effective=day("2021-11-19"), announced_end=day("2021-12-04")),
        dt.date(2021, 11, 23),
        {"2021-12-04": ZoneStatus.IN_FORCE, "2021-12-05": ZoneStatus.END_PASSED_UNCONFIRMED}),
    "in force by a day, start not reported: in force from that day": (
        dict(effective=When(Certainty.UNKNOWN, latest=dt.date(2021, 11, 23))),
        dt.date(2021, 11, 25),
        {"2020-01-01": ZoneStatus.START_UNREPORTED, "2021-11-22": ZoneStatus.START_UNREPORTED,
         "2021-11-23": ZoneStatus.IN_FORCE, "2021-11-25": ZoneStatus.IN_FORCE,
         "2021-11-26": ZoneStatus.NO_LATER_REPORT}),
    "a start between two bounds: not yet before the first, unreported up to the second": (
        dict(effective=When(Certainty.UNKNOWN, earliest=dt.date(2021, 6, 1),
                            latest=dt.date(2021, 8, 31))), dt.date(2021, 8, 31),
        {"2021-05-31": ZoneStatus.NOT_YET, "2021-06-01": ZoneStatus.START_UNREPORTED,
         "2021-08-30": ZoneStatus.START_UNREPORTED, "2021-08-31": ZoneStatus.IN_FORCE,
         "2021-09-01": ZoneStatus.NO_LATER_REPORT}),
    "known only from its lifting: never in force": (
        dict(actual_end=LIFTED_30,
             changes=(StatusChange(StatusChangeKind.LIFTED, LIFTED_30, "r"),)),
        dt.date(2021, 12, 2),
        {"2021-01-01": ZoneStatus.START_UNREPORTED, "2021-11-29": ZoneStatus.START_UNREPORTED,
         "2021-11-30": ZoneStatus.LIFTED, "2022-01-01": ZoneStatus.LIFTED}),
    "known only from an easing: in force (eased) on its day": (
        dict(changes=(StatusChange(StatusChangeKind.DOWNGRADED, When(
            Certainty.UNKNOWN, latest=dt.date(2021, 11, 26)), "r"),)), dt.date(2021, 11, 26),
        {"2021-11-25": ZoneStatus.START_UNREPORTED, "2021-11-26": ZoneStatus.IN_FORCE,
         "2021-11-27": ZoneStatus.NO_LATER_REPORT}),
}


@pytest.mark.parametrize("case", list(SILENT_CASES))
def test_status_where_the_reports_are_silent(lockdown, case):
    dates, said, expected = SILENT_CASES[case]
    blank = dict(ordered=UNKNOWN, effective=UNKNOWN, announced_end=UNKNOWN,
                 actual_end=UNKNOWN, changes=())
    subject = dataclasses.replace(lockdown, **{**blank, **dates})
    got = {text: status_of(subject, dt.date.fromisoformat(text), said) for text in expected}
    assert got == expected


def test_a_start_no_report_gives_is_unknown_not_a_made_up_day(seed, lockdown):
    lifted = dataclasses.replace(
        lockdown, effective=UNKNOWN, ordered=UNKNOWN, announced_end=UNKNOWN,
        actual_end=LIFTED_30, changes=(StatusChange(StatusChangeKind.LIFTED, LIFTED_30, "r"),))
    data = dataclasses.replace(seed, lockdowns=(lifted,), _index={})
    assert start_of(lifted) is None and in_force_from(lifted) is None
    (state,) = states_on(data, dt.date(2021, 11, 25))
    assert state.to_dict()["start"] == "not reported"
    assert state.status is ZoneStatus.START_UNREPORTED


def test_the_founding_lockdown_is_unchanged(seed, lockdown):
    assert start_of(lockdown) == dt.datetime(2021, 11, 19, 10, 0)
    said = last_word(seed, lockdown)
    assert status_of(lockdown, dt.date(2021, 12, 4), said) is ZoneStatus.IN_FORCE
    assert status_of(lockdown, dt.date(2021, 12, 5), said) is ZoneStatus.END_PASSED_UNCONFIRMED


@pytest.fixture(scope="module")
def record():
    from geo.dataset import load_dataset

    return load_dataset(Path(__file__).parents[1] / "seeds" / "record.yaml")


@pytest.mark.parametrize(("lockdown_id", "on", "expected"), [
    # Rason 2020: effective May 1, no end, last reported May 13, 2020.
    ("rajin-2020-05-1", "2020-05-13", ZoneStatus.IN_FORCE),
    ("rajin-2020-05-1", "2022-05-20", ZoneStatus.NO_LATER_REPORT),
    # Samjiyon 2020: known only from its lifting on Sept. 14.
    ("samjiyon-undated-1", "2020-09-13", ZoneStatus.START_UNREPORTED),
    ("samjiyon-undated-1", "2020-09-14", ZoneStatus.LIFTED),
    # Hamhung 2022: known only as eased by June 26.
    ("hamhung-undated-1", "2022-06-25", ZoneStatus.START_UNREPORTED),
    ("hamhung-undated-1", "2022-06-26", ZoneStatus.IN_FORCE),
    ("hamhung-undated-1", "2022-06-27", ZoneStatus.NO_LATER_REPORT),
    ("kimhyongjik-2021-11", "2021-12-04", ZoneStatus.IN_FORCE),
    # Pyongyang 2023: "a five-day lockdown", in force by Jan. 25, start not given: its
    # announced end falls by Jan. 30 at the latest, and has passed after that.
    ("pyongyang-undated-1-2", "2023-01-30", ZoneStatus.IN_FORCE),
    ("pyongyang-undated-1-2", "2023-01-31", ZoneStatus.END_PASSED_UNCONFIRMED),
])
def test_the_bundled_record_where_it_is_silent(record, lockdown_id, on, expected):
    (subject,) = [item for item in record.lockdowns if item.id == lockdown_id]
    assert state_of(record, subject, dt.date.fromisoformat(on)).status is expected


def test_no_lift_only_lockdown_of_the_record_is_ever_in_force(record):
    from geo.maps.zones import status_runs

    first, last = dataset_span(record)
    for subject in record.lockdowns:
        if in_force_from(subject) is None:
            runs = status_runs(subject, first, last, last_word(record, subject))
            assert ZoneStatus.IN_FORCE not in {status for status, _, _ in runs}, subject.id
