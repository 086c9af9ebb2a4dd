"""Status of each lockdown zone at a moment, and the span the data covers. Pure logic.

A day given without a time means the state by the end of that day, so a
lockdown ordered at 10 AM counts as in force on its first day. An announced
end is inclusive ("until Dec. 4" is in force all of Dec. 4); an actual end is
the first moment the lockdown no longer applies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from geo.errors import DateInputError
from geo.model import Dataset, Lockdown, StatusChangeKind, When

_END_OF_DAY = dt.time(23, 59, 59)
# The days a dataset may speak of (the validator refuses others: a year such as 2921 is
# a typo). Far inside what date arithmetic and the browser's date widgets can represent.
EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2099, 12, 31)


def shift_day(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, stopping at the first or last representable day instead
    of raising OverflowError."""
    ordinal = min(max(day.toordinal() + days, dt.date.min.toordinal()), dt.date.max.toordinal())
    return dt.date.fromordinal(ordinal)


class ZoneStatus(StrEnum):
    NOT_YET = "not yet in force"
    IN_FORCE = "in force"
    END_PASSED_UNCONFIRMED = "announced end passed, lifting unconfirmed"
    LIFTED = "lifted"


@dataclass(frozen=True)
class ZoneState:
    """One lockdown's status at a moment, with the dates behind it."""

    lockdown: str
    zone: str
    zone_name: str
    status: ZoneStatus
    start: dt.datetime
    announced_end: dt.date | None
    actual_end: dt.datetime | None
    downgraded: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "lockdown": self.lockdown,
            "zone": self.zone,
            "zone_name": self.zone_name,
            "status": self.status.value,
            "start": self.start.isoformat(timespec="minutes"),
            "announced_end": self.announced_end.isoformat() if self.announced_end else None,
            "actual_end": self.actual_end.isoformat(timespec="minutes")
            if self.actual_end else "unconfirmed",
            "downgraded": self.downgraded,
        }


def parse_moment(text: str) -> dt.datetime:
    """'2021-11-25' (the end of that day) or '2021-11-25T09:30' / '2021-11-25 09:30'."""
    value = text.strip()
    try:
        if len(value) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(value), _END_OF_DAY)
        return dt.datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        raise DateInputError(f"{text!r} is not a date; write YYYY-MM-DD or "
                             "YYYY-MM-DDTHH:MM, e.g. 2021-11-25 or 2021-11-25T09:30") from None


def as_moment(value: dt.date | dt.datetime) -> dt.datetime:
    """A day means the end of that day; a datetime stays as it is."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, _END_OF_DAY)


def _start_of(when: When) -> dt.datetime | None:
    """The first moment of a known day; of an unknown one, the day the reports say it
    had happened by (its ``latest`` bound)."""
    if when.on is None:
        if when.latest is None:
            return None
        return dt.datetime.combine(when.latest, dt.time(0, 0))
    return dt.datetime.combine(when.on, when.at or dt.time(0, 0))


def _end_of(when: When) -> dt.datetime | None:
    if when.on is None:
        return None
    return dt.datetime.combine(when.on, when.at or _END_OF_DAY)


def start_of(lockdown: Lockdown) -> dt.datetime:
    """When the lockdown began to apply: never before the order that imposed it.

    A start the reports do not give is taken as the day it was known to be in force
    (``effective.latest``), else the order, else the first other date known of it
    (a lockdown known only from its lifting starts, and ends, there); the validator
    makes sure one exists.
    """
    start = _start_of(lockdown.effective)
    ordered = _start_of(lockdown.ordered)
    if start is None:
        others = [_start_of(w) for w in (lockdown.announced_end, lockdown.actual_end)]
        others += [_start_of(c.when) for c in lockdown.changes]
        start = ordered or min((o for o in others if o is not None),
                               default=dt.datetime.combine(dt.date.min, dt.time(0, 0)))
    if ordered is not None and lockdown.ordered.at is not None and ordered > start:
        start = ordered
    return start


def lifted_at(lockdown: Lockdown, moment: dt.datetime | None = None) -> dt.datetime | None:
    """The first moment it no longer applied, from the actual end or a 'lifted' change."""
    candidates = [_start_of(lockdown.actual_end)]
    candidates += [_start_of(c.when) for c in lockdown.changes if c.kind is StatusChangeKind.LIFTED]
    known = [c for c in candidates if c is not None and (moment is None or c <= moment)]
    return min(known, default=None)


def announced_end_at(lockdown: Lockdown, moment: dt.datetime) -> When:
    """The end announced as of ``moment``: the latest extension known by then, if any."""
    end = lockdown.announced_end
    extensions = [c for c in lockdown.changes if c.kind is StatusChangeKind.EXTENDED
                  and c.announced_end is not None and (_start_of(c.when) or moment) <= moment]
    for change in sorted(extensions, key=lambda c: _start_of(c.when) or moment):
        end = change.announced_end
    return end


def status_of(lockdown: Lockdown, moment: dt.date | dt.datetime) -> ZoneStatus:
    moment = as_moment(moment)
    if moment < start_of(lockdown):
        return ZoneStatus.NOT_YET
    if lifted_at(lockdown, moment) is not None:
        return ZoneStatus.LIFTED
    end = _end_of(announced_end_at(lockdown, moment))
    if end is not None and moment > end:
        return ZoneStatus.END_PASSED_UNCONFIRMED
    return ZoneStatus.IN_FORCE


def state_of(dataset: Dataset, lockdown: Lockdown, moment: dt.date | dt.datetime) -> ZoneState:
    moment = as_moment(moment)
    downgrades = [c for c in lockdown.changes if c.kind is StatusChangeKind.DOWNGRADED
                  and (_start_of(c.when) or moment) <= moment]
    return ZoneState(
        lockdown=lockdown.id,
        zone=lockdown.zone,
        zone_name=dataset.place(lockdown.zone).name,
        status=status_of(lockdown, moment),
        start=start_of(lockdown),
        announced_end=announced_end_at(lockdown, moment).on,
        actual_end=lifted_at(lockdown),
        downgraded=bool(downgrades),
    )


def states_on(dataset: Dataset, moment: dt.date | dt.datetime) -> list[ZoneState]:
    """Every lockdown's state at ``moment``, in dataset order."""
    return [state_of(dataset, lockdown, moment) for lockdown in dataset.lockdowns]


def dataset_span(dataset: Dataset, tail_days: int = 14) -> tuple[dt.date, dt.date] | None:
    """First and last day worth showing: every known date, plus a tail after the last end
    so that an end passing without confirmation can be seen. None for an empty dataset."""
    days: list[dt.date] = []
    for lockdown in dataset.lockdowns:
        whens = [lockdown.ordered, lockdown.effective, lockdown.announced_end, lockdown.actual_end]
        whens += [c.when for c in lockdown.changes]
        days += [w.on or w.latest for w in whens if (w.on or w.latest) is not None]
    days += [i.when.on for i in dataset.incidents if i.when.on is not None]
    if not days:
        return None
    return min(days), shift_day(max(days), tail_days)


def default_day(dataset: Dataset) -> dt.date | None:
    """A day on which something is in force, to open the map on: the latest lockdown start."""
    starts = [start_of(lockdown).date() for lockdown in dataset.lockdowns]
    if starts:
        return max(starts)
    span = dataset_span(dataset)
    return span[0] if span else None
