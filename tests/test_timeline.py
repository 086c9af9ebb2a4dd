"""Status on a day: the first and last day, the time of day, unknown and actual ends."""

import dataclasses
import datetime as dt

import pytest

from geo.errors import DateInputError
from geo.model import Certainty, StatusChange, StatusChangeKind, TimePrecision, When
from geo.timeline import (
    ZoneStatus,
    dataset_span,
    default_day,
    parse_moment,
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


def test_unknown_announced_end_stays_in_force(lockdown):
    open_ended = dataclasses.replace(lockdown, announced_end=When.unknown())
    assert status_of(open_ended, dt.date(2030, 1, 1)) is ZoneStatus.IN_FORCE


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
        "start": "2021-11-19T10:00", "announced_end": "2021-12-04",
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


def test_an_unknown_start_counts_from_the_day_it_was_known_in_force(lockdown):
    unknown = When(Certainty.UNKNOWN, latest=dt.date(2021, 11, 23))
    known_by = dataclasses.replace(lockdown, effective=unknown, ordered=When.unknown())
    assert status_of(known_by, dt.date(2021, 11, 22)) is ZoneStatus.NOT_YET
    assert status_of(known_by, dt.date(2021, 11, 23)) is ZoneStatus.IN_FORCE


def test_a_lockdown_known_only_from_its_lifting_is_never_shown_in_force(lockdown):
    lifted = day("2021-11-30")
    only_lifted = dataclasses.replace(
        lockdown, effective=When.unknown(), ordered=When.unknown(), actual_end=lifted,
        announced_end=When.unknown(),
        changes=(StatusChange(StatusChangeKind.LIFTED, lifted, "r"),))
    assert status_of(only_lifted, dt.date(2021, 11, 29)) is ZoneStatus.NOT_YET
    assert status_of(only_lifted, dt.date(2021, 11, 30)) is ZoneStatus.LIFTED
