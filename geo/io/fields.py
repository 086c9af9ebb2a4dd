"""The attributes GIS files carry: real dates, certainty, precision and status on a day.

The map's layers carry just what the map draws; files for QGIS and GDAL need
the facts themselves. Each dated fact becomes four fields: ``F`` (a DATE, null
when unknown), ``F_time`` ('HH:MM' or null), ``F_certainty`` (stated, inferred,
unknown) and ``F_precision`` (ACLED time precision 1 day, 2 week, 3 month;
null when unknown). Zones add the moments the timeline reads as DATETIME
fields, so QGIS's Temporal Controller can animate them from the file alone:

- ``period_start`` — when the lockdown is first known to apply (never before its order);
- ``period_end`` — the first moment it no longer applied (actual end or a
  'lifted' change); null while lifting is unconfirmed, which QGIS reads as
  "still shown";
- ``end_passed_after`` — the end of the last announced end (inclusive), after
  which the status is "announced end passed, lifting unconfirmed";
- ``reported_until`` — the end of the lockdown's last word (``geo.timeline.last_word``),
  after which one with no announced end is "in force when last reported; no later
  report";
- ``start_reported`` (boolean) and ``may_apply_from`` — whether a report gives the
  start; if not, ``period_start`` is the first moment a report says it was in force
  (null: never) and before it the status is "start not reported" from
  ``may_apply_from`` (its earliest bound; null: no bound) on.

Incidents carry ``event_at`` (DATETIME: the day and the time when known, 00:00
when only the day is) beside ``event_date`` and ``event_time``. Pure: frames in,
frames out.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import pyarrow as pa

from geo.model import Dataset, When
from geo.tables import province_of
from geo.timeline import (
    announced_end_at,
    as_moment,
    in_force_from,
    last_word,
    lifted_at,
    reported_until,
    start_of,
    status_of,
)

ZONE_DATES = ("ordered", "in_force_from", "announced_end", "actual_end")
DATE_COLUMNS = frozenset({*ZONE_DATES, "status_on", "event_date"})
MOMENT_COLUMNS = frozenset({"period_start", "period_end", "end_passed_after", "reported_until",
                            "may_apply_from", "event_at"})
# The added fields, in order; listed so an empty layer (everything filtered out) keeps them.
ZONE_FIELDS = ["province", "status", "status_on", "period_start", "period_end",
               "end_passed_after", "reported_until", "start_reported", "may_apply_from",
               *(f"{name}{part}" for name in ZONE_DATES
                 for part in ("", "_time", "_certainty", "_precision")),
               "measures", "trigger"]
INCIDENT_FIELDS = ["event_at", "event_date", "event_time", "certainty", "time_precision"]
_FOREVER = dt.datetime(9999, 12, 31)


def when_fields(name: str, when: When) -> dict[str, object]:
    """The four fields of one dated fact, named after ``name``."""
    return {
        name: when.on,
        f"{name}_time": when.at.strftime("%H:%M") if when.at else None,
        f"{name}_certainty": when.certainty.value,
        f"{name}_precision": int(when.precision) if when.precision is not None else None,
    }


def _moment_of(when: When) -> dt.datetime | None:
    if when.on is None:
        return None
    return dt.datetime.combine(when.on, when.at or dt.time(0, 0))


def _end_passed_after(lockdown) -> dt.datetime | None:
    end = announced_end_at(lockdown, _FOREVER)  # the last extension, if any
    if end.on is None:
        return None
    return dt.datetime.combine(end.on, end.at) if end.at else as_moment(end.on)


def zone_fields(dataset: Dataset, zones: gpd.GeoDataFrame,
                day: dt.date | dt.datetime) -> gpd.GeoDataFrame:
    """The zones layer with each lockdown's dates, status on ``day`` and measures."""
    lockdowns = {item.id: item for item in dataset.lockdowns}
    rows = []
    for lockdown_id in zones["lockdown"]:
        lockdown = lockdowns[lockdown_id]
        place = dataset.place(lockdown.zone)
        said = last_word(dataset, lockdown)
        # The moments come before the dates: QGIS guesses a layer's temporal fields from
        # the first Date/DateTime field named like start/from and end (in that order).
        row: dict[str, object] = {
            "province": province_of(dataset, place),
            "status": status_of(lockdown, day, said).value,
            "status_on": day.date() if isinstance(day, dt.datetime) else day,
            "period_start": in_force_from(lockdown),
            "period_end": lifted_at(lockdown),
            "end_passed_after": _end_passed_after(lockdown),
            "reported_until": reported_until(lockdown, said),
            "start_reported": start_of(lockdown) is not None,
            "may_apply_from": None if start_of(lockdown) is not None
            or lockdown.effective.earliest is None
            else dt.datetime.combine(lockdown.effective.earliest, dt.time(0, 0)),
        }
        for name, when in zip(ZONE_DATES, (lockdown.ordered, lockdown.effective,
                                           lockdown.announced_end, lockdown.actual_end),
                              strict=True):
            row.update(when_fields(name, when))
        row["measures"] = ", ".join(m.code for m in lockdown.measures) or None
        row["trigger"] = lockdown.trigger
        rows.append(row)
    extra = _typed(pd.DataFrame(rows, index=zones.index, columns=ZONE_FIELDS))
    return gpd.GeoDataFrame(pd.concat([zones.drop(columns="geometry"), extra], axis=1),
                            geometry=zones.geometry, crs=zones.crs)


def incident_fields(dataset: Dataset, incidents: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The incidents layer with its date as DATE, DATETIME and precision fields."""
    by_id = {item.id: item for item in dataset.incidents}
    rows = []
    for incident_id in incidents["id"]:
        when = by_id[incident_id].when
        fields = when_fields("date", when)
        # event_at first: QGIS takes the first date field named like "event" as the instant.
        rows.append({"event_at": _moment_of(when), "event_date": fields["date"],
                     "event_time": fields["date_time"], "certainty": fields["date_certainty"],
                     "time_precision": fields["date_precision"]})
    extra = _typed(pd.DataFrame(rows, index=incidents.index, columns=INCIDENT_FIELDS))
    kept = incidents.drop(columns=["geometry", "when"])
    return gpd.GeoDataFrame(pd.concat([kept, extra], axis=1), geometry=incidents.geometry,
                            crs=incidents.crs)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Days as Arrow date32, moments as datetime64, precisions as nullable integers: GDAL then
    writes DATE, DATETIME and INTEGER fields, and an unknown stays null (never 0 or '')."""
    for column in frame.columns:
        if column in DATE_COLUMNS:
            frame[column] = frame[column].astype(pd.ArrowDtype(pa.date32()))
        elif column in MOMENT_COLUMNS:
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[us]")
        elif column.endswith("precision"):
            frame[column] = frame[column].astype("Int64")
    return frame
