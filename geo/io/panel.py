"""A zone-by-day panel in the layout of OxCGRT's (legacy v2) national files.

One row per zone and day over the dataset's span; ``Date`` is an integer
YYYYMMDD, as in OxCGRT. Each containment indicator (C1 to C8) and H1 has its
ordinal level and, C8 apart, its ``_Flag`` (1 general, 0 targeted). The panel
codes what the dataset records and nothing more:

- level *n* — a lockdown of the zone is in force that day with a measure coded
  to the indicator (the strictest, if several);
- 0 — no lockdown of the zone applies that day (not yet in force, or lifted);
  this says the dataset's lockdowns impose nothing, not that nothing applied
  (the national border closure of 2020 is not a lockdown here);
- empty — unknown: the announced end has passed without a confirmed lifting, or
  the lockdown in force has no measure coded to the indicator (C1, C3, C4 and
  H1 are never coded: the reports do not speak of schools or gatherings).

``stringency`` is the seam for an index (``geo.stringency``, when it exists): a
function from this frame to one value per row, written as ``StringencyIndex``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from geo.io.events import COUNTRIES, country_of
from geo.measures import measure_type
from geo.model import Dataset, Lockdown, Scope
from geo.tables import province_of
from geo.timeline import STATUS_RANK, UNCERTAIN, ZoneStatus, dataset_span, last_word, status_of

INDICATORS = {
    "C1": "School closing", "C2": "Workplace closing", "C3": "Cancel public events",
    "C4": "Restrictions on gatherings", "C5": "Close public transport",
    "C6": "Stay at home requirements", "C7": "Restrictions on internal movement",
    "C8": "International travel controls", "H1": "Public information campaigns",
}
NO_FLAG = frozenset({"C8"})  # OxCGRT gives C8 no targeted/general flag
ALPHA3 = {"KP": "PRK", "CN": "CHN", "KR": "KOR", "RU": "RUS"}
STRINGENCY_COLUMN = "StringencyIndex"
ID_COLUMNS = ["CountryName", "CountryCode", "RegionName", "ZoneId", "ZoneName", "Jurisdiction",
              "Date", "ZoneStatus", "Lockdowns"]


def indicator_columns() -> list[str]:
    columns = []
    for code, name in INDICATORS.items():
        columns.append(f"{code}_{name}")
        if code not in NO_FLAG:
            columns.append(f"{code}_Flag")
    return columns


def _levels(lockdown: Lockdown) -> dict[str, tuple[int, int]]:
    """Indicator → (strictest level, flag) over the lockdown's coded measures."""
    levels: dict[str, tuple[int, int]] = {}
    for measure in lockdown.measures:
        kind = measure_type(measure.code)
        if kind.oxcgrt is None or kind.level is None:
            continue
        flag = 1 if measure.scope is Scope.GENERAL else 0
        level, old_flag = levels.get(kind.oxcgrt, (-1, 0))
        if kind.level > level or (kind.level == level and flag > old_flag):
            levels[kind.oxcgrt] = (kind.level, flag)
    return levels


def _zone_day(lockdowns: list[tuple[Lockdown, dt.date | None]],
              day: dt.date) -> dict[str, object]:
    """One zone's row on ``day``; ``lockdowns`` with each one's last word."""
    statuses = [status_of(lockdown, day, said) for lockdown, said in lockdowns]
    in_force = [lk for (lk, _), s in zip(lockdowns, statuses, strict=True)
                if s is ZoneStatus.IN_FORCE]
    unconfirmed = bool(UNCERTAIN.intersection(statuses))  # may apply: levels unknown
    shown = min(statuses, key=STATUS_RANK.__getitem__, default=None)
    row: dict[str, object] = {"ZoneStatus": shown.value if shown else None,
                              "Lockdowns": ", ".join(lk.id for lk in in_force) or None}
    coded: dict[str, tuple[int, int]] = {}
    for lockdown in in_force:
        for code, (level, flag) in _levels(lockdown).items():
            if code not in coded or (level, flag) > coded[code]:
                coded[code] = (level, flag)
    applies = bool(in_force) or unconfirmed
    for code, name in INDICATORS.items():
        if code in coded:
            level, flag = coded[code]
        elif not applies:
            level, flag = 0, None
        else:
            level, flag = None, None
        row[f"{code}_{name}"] = level
        if code not in NO_FLAG:
            row[f"{code}_Flag"] = flag if level else None
    return row


def panel_frame(dataset: Dataset,
                stringency: Callable[[pd.DataFrame], pd.Series] | None = None,
                span: tuple[dt.date, dt.date] | None = None) -> pd.DataFrame:
    """One row per lockdown zone and day over ``span`` (default: the dataset's span)."""
    span = span or dataset_span(dataset)
    columns = [*ID_COLUMNS, *indicator_columns()]
    if span is None:
        return pd.DataFrame(columns=columns)
    by_zone: dict[str, list[tuple[Lockdown, dt.date | None]]] = {}
    for lockdown in dataset.lockdowns:
        by_zone.setdefault(lockdown.zone, []).append((lockdown, last_word(dataset, lockdown)))
    days = pd.date_range(span[0], span[1], freq="D").date
    rows = []
    for zone_id, lockdowns in by_zone.items():
        zone = dataset.place(zone_id)
        alpha2 = country_of(dataset, zone) or ""
        ids = {"CountryName": COUNTRIES.get(alpha2, (alpha2 or None, None))[0],
               "CountryCode": ALPHA3.get(alpha2),
               "RegionName": province_of(dataset, zone), "ZoneId": zone.id,
               "ZoneName": zone.name, "Jurisdiction": "ZONE_TOTAL"}
        for day in days:
            rows.append({**ids, "Date": int(day.strftime("%Y%m%d")),
                         **_zone_day(lockdowns, day)})
    frame = pd.DataFrame(rows, columns=columns)
    for column in indicator_columns():
        frame[column] = frame[column].astype("Int64")
    if stringency is not None:
        frame[STRINGENCY_COLUMN] = stringency(frame)
    return frame
