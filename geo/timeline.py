"""Status of each lockdown zone at a moment, and the span the data covers. Pure logic.

A day given without a time means the state by the end of that day, so a
lockdown ordered at 10 AM counts as in force on its first day. An announced
end is inclusive ("until Dec. 4" is in force all of Dec. 4); an actual end is
the first moment the lockdown no longer applies.

Where the reports are silent the status says so instead of guessing:

- A lockdown with neither an announced end nor a lifting is in force up to its
  *last word* (:func:`last_word`: the latest day a report citing it was published,
  or a dated fact of its own), then "in force when last reported; no later report".
- A start the reports do not give is unknown (:func:`start_of` is None). The
  lockdown is in force only from the first day a report says it was in force
  (:func:`in_force_from`: ``effective.latest``, or a dated easing or extension);
  before that it is "start not reported" (from ``effective.earliest`` when a report
  bounds it; "not yet in force" before that bound). One known only from its lifting
  is never in force.
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
    START_UNREPORTED = "start not reported"
    IN_FORCE = "in force"
    END_PASSED_UNCONFIRMED = "announced end passed, lifting unconfirmed"
    NO_LATER_REPORT = "in force when last reported; no later report"
    LIFTED = "lifted"


# Statuses on which a lockdown may or may not apply: no report says either way.
UNCERTAIN = frozenset({ZoneStatus.START_UNREPORTED, ZoneStatus.END_PASSED_UNCONFIRMED,
                       ZoneStatus.NO_LATER_REPORT})
# What matters most first (the legend's order; a zone with several lockdowns shows the first).
STATUS_RANK = {status: rank for rank, status in enumerate((
    ZoneStatus.IN_FORCE, ZoneStatus.END_PASSED_UNCONFIRMED, ZoneStatus.NO_LATER_REPORT,
    ZoneStatus.LIFTED, ZoneStatus.START_UNREPORTED, ZoneStatus.NOT_YET))}
START_NOT_REPORTED = "not reported"


@dataclass(frozen=True)
class ZoneState:
    """One lockdown's status at a moment, with the dates behind it."""

    lockdown: str
    zone: str
    zone_name: str
    status: ZoneStatus
    start: dt.datetime | None  # None: no report gives it
    announced_end: dt.date | None
    actual_end: dt.datetime | None
    downgraded: bool
    in_force_from: dt.datetime | None = None  # the first moment a report vouches for
    last_word: dt.date | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "lockdown": self.lockdown,
            "zone": self.zone,
            "zone_name": self.zone_name,
            "status": self.status.value,
            "start": self.start.isoformat(timespec="minutes") if self.start
            else START_NOT_REPORTED,
            "in_force_from": self.in_force_from.isoformat(timespec="minutes")
            if self.in_force_from else None,
            "last_reported": self.last_word.isoformat() if self.last_word else None,
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
    """The last moment of an announced end; of one known only to fall by a day (its
    ``latest`` bound: "five days" from a start that is not given), the end of that day."""
    if when.on is None:
        if when.latest is None:
            return None
        return dt.datetime.combine(when.latest, _END_OF_DAY)
    return dt.datetime.combine(when.on, when.at or _END_OF_DAY)


def start_of(lockdown: Lockdown) -> dt.datetime | None:
    """When the lockdown began to apply, as the reports give it: its entry into force,
    else its order; never before the order that imposed it. None when no report gives
    either (a lockdown known only from "in force by" a day, an easing or its lifting):
    see :func:`in_force_from` for the first day it is known to have applied."""
    start = _start_of(lockdown.effective) if lockdown.effective.on is not None else None
    ordered = _start_of(lockdown.ordered) if lockdown.ordered.on is not None else None
    if start is None:
        return ordered
    if ordered is not None and lockdown.ordered.at is not None and ordered > start:
        start = ordered
    return start


def in_force_from(lockdown: Lockdown) -> dt.datetime | None:
    """The first moment a report says the lockdown applied: its start; with no start,
    the day it was "in force by" (``effective.latest``), else the first dated easing or
    extension (it still applied, in part). None for one known only from its lifting."""
    start = start_of(lockdown)
    return start if start is not None else _first_reported(lockdown)


def _first_reported(lockdown: Lockdown) -> dt.datetime | None:
    if lockdown.effective.latest is not None:
        return _start_of(lockdown.effective)
    applied = [_start_of(c.when) for c in lockdown.changes
               if c.kind in (StatusChangeKind.DOWNGRADED, StatusChangeKind.EXTENDED)]
    return min((a for a in applied if a is not None), default=None)


def _day(when: When) -> dt.date | None:
    """The day of a fact, or the day it had happened by."""
    return when.on or when.latest


def _own_last_day(lockdown: Lockdown) -> dt.date | None:
    """The latest day the lockdown's own dated facts (start, easing, extension) speak for."""
    days = [_day(lockdown.effective), _day(lockdown.ordered)]
    days += [_day(c.when) for c in lockdown.changes]
    return max((d for d in days if d is not None), default=None)


def last_word(dataset: Dataset, lockdown: Lockdown) -> dt.date | None:
    """The latest day any evidence of the lockdown speaks for: the latest publication day
    of a report it cites, or its own latest dated fact, whichever is later.

    A publication day known only roughly counts from its earliest possible day (``on``,
    which the record sets to that bound, else ``earliest``): the report vouches for the
    lockdown up to the day it surely existed by. Cached on the dataset (it is immutable).
    """
    # Keyed by id, checked by identity: a Dataset copied with dataclasses.replace shares
    # this cache, and may hold another lockdown under the same id.
    cache = dataset._index.setdefault("last_word", {})
    cached = cache.get(lockdown.id)
    if cached is None or cached[0] is not lockdown:
        from geo.register import report_ids  # geo.register builds on this module

        published = dataset._index.get("published")
        if published is None:
            published = dataset._index["published"] = {
                r.id: r.published.on or r.published.earliest for r in dataset.reports}
        days = [published.get(report) for report in report_ids(lockdown)]
        days.append(_own_last_day(lockdown))
        cached = cache[lockdown.id] = (lockdown, max((d for d in days if d is not None),
                                                     default=None))
    return cached[1]


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


def status_of(lockdown: Lockdown, moment: dt.date | dt.datetime,
              last_reported: dt.date | None = None) -> ZoneStatus:
    """The lockdown's status at ``moment`` (rules in the module docstring).

    ``last_reported`` is its :func:`last_word` (pass it: only the caller has the
    dataset's reports); without it only the lockdown's own dated facts count, so a
    lockdown with no end is never said to be in force past what it records.
    """
    moment = as_moment(moment)
    start = start_of(lockdown)
    if start is not None and moment < start:
        return ZoneStatus.NOT_YET
    first = start if start is not None else _first_reported(lockdown)
    if first is None or moment < first:
        if lifted_at(lockdown, moment) is not None:
            return ZoneStatus.LIFTED
        earliest = lockdown.effective.earliest
        if earliest is not None and moment < dt.datetime.combine(earliest, dt.time(0, 0)):
            return ZoneStatus.NOT_YET
        return ZoneStatus.START_UNREPORTED
    if lifted_at(lockdown, moment) is not None:
        return ZoneStatus.LIFTED
    end = _end_of(announced_end_at(lockdown, moment))
    if end is not None:
        return ZoneStatus.END_PASSED_UNCONFIRMED if moment > end else ZoneStatus.IN_FORCE
    if moment > reported_until(lockdown, last_reported, first):
        return ZoneStatus.NO_LATER_REPORT
    return ZoneStatus.IN_FORCE


def reported_until(lockdown: Lockdown, last_reported: dt.date | None,
                   first: dt.datetime | None = None) -> dt.datetime:
    """The last moment reports vouch for a lockdown with no end: the end of its last word
    (never before the day it is first known in force). ``first`` is its
    :func:`in_force_from`, when the caller has it."""
    first = first or in_force_from(lockdown)
    days = (last_reported, _own_last_day(lockdown), first.date() if first else None)
    return dt.datetime.combine(max(d for d in days if d is not None), _END_OF_DAY)


def state_of(dataset: Dataset, lockdown: Lockdown, moment: dt.date | dt.datetime) -> ZoneState:
    moment = as_moment(moment)
    downgrades = [c for c in lockdown.changes if c.kind is StatusChangeKind.DOWNGRADED
                  and (_start_of(c.when) or moment) <= moment]
    said = last_word(dataset, lockdown)
    return ZoneState(
        lockdown=lockdown.id,
        zone=lockdown.zone,
        zone_name=dataset.place(lockdown.zone).name,
        status=status_of(lockdown, moment, said),
        start=start_of(lockdown),
        announced_end=announced_end_at(lockdown, moment).on,
        actual_end=lifted_at(lockdown),
        downgraded=bool(downgrades),
        in_force_from=in_force_from(lockdown),
        last_word=said,
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
    """A day on which something is in force, to open the map on: the latest day a
    lockdown is first known to be in force."""
    starts = [first.date() for first in map(in_force_from, dataset.lockdowns) if first]
    if starts:
        return max(starts)
    span = dataset_span(dataset)
    return span[0] if span else None
