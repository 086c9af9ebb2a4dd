"""Views for many lockdowns over years: zones in force per day by province, and the
stringency of one zone over time. Pure: a Dataset in, frames and Altair charts out.

A zone counts as in force on a day by :func:`geo.timeline.status_of` (the state by
the end of the day), so the chart agrees with the map and the timeline. Days on which
no report says either way (start not reported, no later report, announced end passed)
are not counted: the chart shows what the reports vouch for. A
lockdown on the whole country counts under "nationwide", one on a province
under that province.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from geo.model import Dataset, PlaceKind
from geo.stringency import INDICATORS, covering_lockdowns, zone_stringency
from geo.tables import province_of
from geo.timeline import ZoneStatus, dataset_span, last_word, status_of

NATIONWIDE = "nationwide"
NO_PROVINCE = "province not known"
OVERVIEW_COLUMNS = ["day", "province", "zones"]
STRINGENCY_COLUMNS = ["day", "lower", "upper", "reported", "lockdowns"]


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def province_label(dataset: Dataset, zone_id: str) -> str:
    """The group a zone is counted under: its province, or 'nationwide'."""
    place = dataset.place(zone_id)
    if place.kind is PlaceKind.COUNTRY:
        return NATIONWIDE
    return province_of(dataset, place) or NO_PROVINCE


def _groups(dataset: Dataset) -> dict[str, str]:
    return {lockdown.id: province_label(dataset, lockdown.zone)
            for lockdown in dataset.lockdowns}


def _frame(zones: dict[tuple[str, str], set[str]]) -> pd.DataFrame:
    rows = sorted((day, group, len(members)) for (day, group), members in zones.items())
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


def in_force_frame(dataset: Dataset, first: dt.date | None = None,
                   last: dt.date | None = None) -> pd.DataFrame:
    """Zones in force per day by province: (day, province, zones), sorted, days with none
    left out. ``first``/``last`` default to the dataset's span.

    Each lockdown's status is evaluated only around its own dates (its status runs), not
    on every day of a span of years (``bench/bench_multiyear.py``).
    """
    from geo.maps.zones import status_runs  # one definition of a lockdown's runs

    span = dataset_span(dataset)
    if span is None:
        return pd.DataFrame(columns=OVERVIEW_COLUMNS)
    first, last = first or span[0], last or span[1]
    groups = _groups(dataset)
    zones: dict[tuple[str, str], set[str]] = {}
    for lockdown in dataset.lockdowns:
        for status, start, end in status_runs(lockdown, first, last,
                                              last_word(dataset, lockdown)):
            if status is ZoneStatus.IN_FORCE:
                for day in days_between(start, end):
                    zones.setdefault((day.isoformat(), groups[lockdown.id]), set()).add(
                        lockdown.zone)
    return _frame(zones)


def in_force_frame_naive(dataset: Dataset, first: dt.date | None = None,
                         last: dt.date | None = None) -> pd.DataFrame:
    """:func:`in_force_frame` by every lockdown's status on every day: the baseline the
    benchmark compares it with (and the tests check it against)."""
    span = dataset_span(dataset)
    if span is None:
        return pd.DataFrame(columns=OVERVIEW_COLUMNS)
    first, last = first or span[0], last or span[1]
    groups = _groups(dataset)
    zones: dict[tuple[str, str], set[str]] = {}
    said = {lockdown.id: last_word(dataset, lockdown) for lockdown in dataset.lockdowns}
    for day in days_between(first, last):
        for lockdown in dataset.lockdowns:
            if status_of(lockdown, day, said[lockdown.id]) is ZoneStatus.IN_FORCE:
                zones.setdefault((day.isoformat(), groups[lockdown.id]), set()).add(
                    lockdown.zone)
    return _frame(zones)


def overview_chart(frame: pd.DataFrame) -> alt.Chart:
    """Stacked bars: how many zones were in force each day, coloured by province."""
    return alt.Chart(frame, title="Zones in force per day, by province").mark_bar(
        ).encode(
        x=alt.X("day:T", title=None),
        y=alt.Y("sum(zones):Q", title="zones in force", stack="zero"),
        color=alt.Color("province:N", title="province", sort="ascending"),
        tooltip=[alt.Tooltip("day:T", format="%Y-%m-%d"), "province:N",
                 alt.Tooltip("zones:Q", title="zones in force")],
    ).properties(height=220, width="container")


def stringency_frame(dataset: Dataset, zone_id: str, first: dt.date | None = None,
                     last: dt.date | None = None) -> pd.DataFrame:
    """One zone's stringency bounds per day: (day, lower, upper, reported, lockdowns)."""
    span = dataset_span(dataset)
    if span is None:
        return pd.DataFrame(columns=STRINGENCY_COLUMNS)
    first, last = first or span[0], last or span[1]
    covering = covering_lockdowns(dataset, zone_id)
    rows = []
    for day in days_between(first, last):
        value = zone_stringency(dataset, zone_id, day, covering)
        rows.append((day.isoformat(), round(value.lower, 2), round(value.upper, 2),
                     value.reported, ", ".join(value.lockdowns)))
    return pd.DataFrame(rows, columns=STRINGENCY_COLUMNS)


def stringency_chart(frame: pd.DataFrame, zone_name: str) -> alt.LayerChart:
    """The zone's stringency over time: a band from lower to upper bound, the lower bound
    as a line (what the reports establish), on OxCGRT's scale of 0 to 100."""
    base = alt.Chart(frame)
    tooltip = [alt.Tooltip("day:T", format="%Y-%m-%d"),
               alt.Tooltip("lower:Q", title="lower bound"),
               alt.Tooltip("upper:Q", title="upper bound"),
               alt.Tooltip("reported:Q", title=f"indicators reported (of {len(INDICATORS)})"),
               alt.Tooltip("lockdowns:N", title="lockdowns in force")]
    band = base.mark_area(opacity=0.25, color="#756bb1", interpolate="step-after").encode(
        x=alt.X("day:T", title=None),
        y=alt.Y("lower:Q", title="stringency", scale=alt.Scale(domain=[0, 100])),
        y2="upper:Q", tooltip=tooltip)
    line = base.mark_line(color="#54278f", interpolate="step-after").encode(
        x="day:T", y="lower:Q", tooltip=tooltip)
    return (band + line).properties(
        title=f"Stringency of {zone_name} (OxCGRT method, 0 to 100)", height=220,
        width="container")
