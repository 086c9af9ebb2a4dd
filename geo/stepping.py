"""Moving through a span of years: steps of a day, a week or a month, and the days on
which something changed. Pure logic.

A *change* is a day on which a zone's status on the map can differ from the day
before: a lockdown beginning, its lifting, an easing (downgrade) or extension,
and the day after an announced end (when "in force" becomes "announced end
passed, lifting unconfirmed").
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from enum import StrEnum

from geo.model import Dataset
from geo.timeline import announced_end_at, in_force_from, last_word, lifted_at, reported_until

_FOREVER = dt.datetime(9999, 12, 31)
ONE_DAY = dt.timedelta(days=1)


class Step(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def step(day: dt.date, unit: Step | str, count: int = 1) -> dt.date:
    """``day`` moved by ``count`` units (negative goes back). A month keeps the day of
    the month where it can: Jan. 31 + 1 month = Feb. 28 (or 29)."""
    unit = Step(unit)
    if unit is Step.DAY:
        return day + count * ONE_DAY
    if unit is Step.WEEK:
        return day + count * 7 * ONE_DAY
    months = day.year * 12 + day.month - 1 + count
    year, month = divmod(months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def change_days(dataset: Dataset) -> list[dt.date]:
    """Every day on which a lockdown began (or is first known in force), ended, eased, was
    extended, passed its announced end or its last report, sorted, each once."""
    days: set[dt.date] = set()
    for lockdown in dataset.lockdowns:
        first = in_force_from(lockdown)
        if first is not None:
            days.add(first.date())
        lifted = lifted_at(lockdown)
        if lifted is not None:
            days.add(lifted.date())
        elif first is not None and announced_end_at(lockdown, _FOREVER).on is None:
            days.add(reported_until(lockdown, last_word(dataset, lockdown), first).date()
                     + ONE_DAY)
        for change in lockdown.changes:
            if change.when.on is not None:
                days.add(change.when.on)
            if change.announced_end is not None and change.announced_end.on is not None:
                days.add(change.announced_end.on + ONE_DAY)
        if lockdown.announced_end.on is not None:
            days.add(lockdown.announced_end.on + ONE_DAY)
    return sorted(days)


def next_change(changes: list[dt.date], day: dt.date) -> dt.date | None:
    """The first change after ``day`` (None if there is none)."""
    index = bisect.bisect_right(changes, day)
    return changes[index] if index < len(changes) else None


def previous_change(changes: list[dt.date], day: dt.date) -> dt.date | None:
    """The last change before ``day`` (None if there is none)."""
    index = bisect.bisect_left(changes, day)
    return changes[index - 1] if index > 0 else None
