"""The register of all lockdowns: one row each with its dates, durations, reports and
outlets, and the filters an analyst narrows it with. Pure: pandas in and out.

Durations count days. *Announced* runs from the day it took effect to the announced
end, both included ("until Dec. 4" is in force all of Dec. 4); *actual* to the day
before the lifting (the lifting is the first moment it no longer applied). Either
is empty when a date it needs is unknown; a start no report gives reads "not reported".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from geo.model import Dataset, Evidence, Lockdown
from geo.overview import province_label
from geo.selection import select
from geo.timeline import (
    START_NOT_REPORTED,
    announced_end_at,
    as_moment,
    last_word,
    lifted_at,
    start_of,
    status_of,
)

REGISTER_COLUMNS = [
    "lockdown", "zone", "province", "status", "start", "announced_end", "actual_end",
    "announced_days", "actual_days", "reports", "outlets", "sources_disagree", "report_ids",
]


def lockdown_evidence(lockdown: Lockdown) -> list[Evidence]:
    """Every quote behind a lockdown: its own, its dates', its changes' and its measures'."""
    quotes = list(lockdown.evidence)
    for when in (lockdown.ordered, lockdown.effective, lockdown.announced_end,
                 lockdown.actual_end):
        quotes += when.evidence
    for change in lockdown.changes:
        quotes += change.when.evidence
        if change.announced_end is not None:
            quotes += change.announced_end.evidence
    for measure in lockdown.measures:
        quotes += measure.evidence
    return quotes


def report_ids(lockdown: Lockdown) -> list[str]:
    """The reports a lockdown cites, in the order they are first quoted."""
    ids = [e.report for e in lockdown_evidence(lockdown)]
    ids += [change.report for change in lockdown.changes]
    return list(dict.fromkeys(ids))


def disagreements(lockdown: Lockdown) -> list[str]:
    """The facts on which the lockdown's reports give different values, where the
    dataset records such disagreements (a lockdown without any gives none)."""
    return [str(d.fact) for d in getattr(lockdown, "disagreements", ())]


def _iso(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.date().isoformat() if moment.time() == dt.time(0, 0) else \
        moment.isoformat(sep=" ", timespec="minutes")


def register_frame(dataset: Dataset, day: dt.date | dt.datetime) -> pd.DataFrame:
    """Every lockdown, with its status on ``day``, as the register's rows."""
    outlet = {report.id: report.outlet for report in dataset.reports}
    moment = as_moment(day)
    rows = []
    for lockdown in dataset.lockdowns:
        start = start_of(lockdown)
        announced = announced_end_at(lockdown, moment).on
        lifted = lifted_at(lockdown)
        cited = report_ids(lockdown)
        rows.append({
            "lockdown": lockdown.id,
            "zone": dataset.place(lockdown.zone).name,
            "province": province_label(dataset, lockdown.zone),
            "status": status_of(lockdown, moment, last_word(dataset, lockdown)).value,
            "start": _iso(start) if start else START_NOT_REPORTED,
            "announced_end": announced.isoformat() if announced else "",
            "actual_end": _iso(lifted) if lifted else "unconfirmed",
            "announced_days": (announced - start.date()).days + 1
            if announced and start else None,
            "actual_days": (lifted.date() - start.date()).days if lifted and start else None,
            "reports": len(cited),
            "outlets": ", ".join(sorted({outlet[r] for r in cited if r in outlet})),
            "sources_disagree": ", ".join(disagreements(lockdown)),
            "report_ids": ", ".join(cited),
        })
    frame = pd.DataFrame(rows, columns=REGISTER_COLUMNS)
    for column in ("announced_days", "actual_days"):
        frame[column] = frame[column].astype("Int64")
    return frame


@dataclass(frozen=True)
class RegisterFilter:
    """What the analyst keeps; an empty choice keeps everything.

    A lockdown passes the date range when its period (start to its lifting, or to its
    announced end if the lifting is unconfirmed, or open-ended) overlaps the range; a
    start no report gives counts as open too (from ``effective.earliest`` if bounded).
    """

    provinces: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    first: dt.date | None = None
    last: dt.date | None = None


def _period(lockdown: Lockdown) -> tuple[dt.date, dt.date | None]:
    known = start_of(lockdown)
    start = known.date() if known else (lockdown.effective.earliest or dt.date.min)
    lifted = lifted_at(lockdown)
    if lifted is not None:
        return start, max(start, (lifted - dt.timedelta(seconds=1)).date())
    return start, None  # unconfirmed: it may still have applied on any later day


def filter_register(dataset: Dataset, frame: pd.DataFrame,
                    chosen: RegisterFilter) -> pd.DataFrame:
    """The register's rows that pass ``chosen``."""
    keep = pd.Series(True, index=frame.index)
    if chosen.provinces:
        keep &= frame["province"].isin(chosen.provinces)
    if chosen.statuses:
        keep &= frame["status"].isin(chosen.statuses)
    if chosen.outlets:
        wanted = set(chosen.outlets)
        keep &= frame["outlets"].map(lambda text: bool(wanted & set(text.split(", "))))
    if chosen.first or chosen.last:
        periods = {lockdown.id: _period(lockdown) for lockdown in dataset.lockdowns}

        def overlaps(lockdown_id: str) -> bool:
            start, end = periods[lockdown_id]
            return ((chosen.last is None or start <= chosen.last)
                    and (chosen.first is None or end is None or end >= chosen.first))

        keep &= frame["lockdown"].map(overlaps)
    return frame[keep]


def outlets_of(dataset: Dataset) -> list[str]:
    return sorted({report.outlet for report in dataset.reports if report.outlet})


def keep_lockdowns(dataset: Dataset, lockdown_ids: Iterable[str]) -> Dataset:
    """``dataset`` with only these lockdowns (and the incidents that triggered them or
    lie in their zones); reports and places are kept whole, as quotes point into them."""
    chosen = set(lockdown_ids)
    zones = {lockdown.zone for lockdown in dataset.lockdowns if lockdown.id in chosen}
    # select() adds the kept lockdowns' triggers; the register also keeps their zones'.
    return select(dataset, chosen, (i.id for i in dataset.incidents if i.place in zones))
