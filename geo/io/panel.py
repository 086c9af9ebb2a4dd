"""A zone-by-day panel in the layout of OxCGRT's (legacy v2) national files.

One row per zone and day over the dataset's span; ``Date`` is an integer
YYYYMMDD, as in OxCGRT. Each containment indicator (C1 to C8) and H1 has its
ordinal level and, C8 apart, its ``_Flag`` (1 general, 0 targeted). The panel
codes what the dataset records and nothing more:

- level *n* — a lockdown in force that day, on the zone or on a province or the
  country containing it (OxCGRT's subnational data inherits national policy), has
  a measure coded to the indicator (the strictest, if several);
- 0 — no lockdown applies to the zone that day (not yet in force, or lifted);
  this says the dataset's lockdowns impose nothing, not that nothing applied
  (the national border closure of 2020 is not a lockdown here);
- empty — unknown: a lockdown applies but has no measure coded to the indicator
  (C1, C3, C4 and H1 are never coded: the reports do not speak of schools or
  gatherings), or a lockdown that may apply says nothing that day (its announced end
  passed without a confirmed lifting, no later report, its start not reported).

The stringency columns are :mod:`geo.stringency`'s bounds, from the same
measures: ``StringencyIndex_LowerBound`` (unreported indicators at 0, which is
OxCGRT's own index for missing data), ``StringencyIndex_UpperBound`` (at their
maximum) and ``StringencyIndex_IndicatorsReported`` (0 to 9).
``StringencyIndex_Sources`` says which measure set each reported indicator, as
the lockdown's id and the measure's place in it (``measures[2]``), and
``StringencyIndex_Quotes`` gives those measures' quotes verbatim with their reports.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.io.events import COUNTRIES, country_of
from geo.model import Dataset, Lockdown
from geo.stringency import ZoneStringency, covering_lockdowns, zone_stringency
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
# OxCGRT names its index columns StringencyIndex_<variant> (StringencyIndex_Average …);
# ours are bounds, never one value that could be read as the whole index.
STRINGENCY_COLUMNS = ["StringencyIndex_LowerBound", "StringencyIndex_UpperBound",
                      "StringencyIndex_IndicatorsReported", "StringencyIndex_Sources",
                      "StringencyIndex_Quotes"]
ID_COLUMNS = ["CountryName", "CountryCode", "RegionName", "ZoneId", "ZoneName", "Jurisdiction",
              "Date", "ZoneStatus", "Lockdowns"]


def indicator_columns() -> list[str]:
    columns = []
    for code, name in INDICATORS.items():
        columns.append(f"{code}_{name}")
        if code not in NO_FLAG:
            columns.append(f"{code}_Flag")
    return columns


def panel_columns() -> list[str]:
    """Every column of :func:`panel_frame`, in order."""
    return [*ID_COLUMNS, *indicator_columns(), *STRINGENCY_COLUMNS]


def _status(own: list[tuple[Lockdown, ZoneStatus]]) -> dict[str, object]:
    """The zone's own lockdowns on the day: the status shown and those in force."""
    shown = min((status for _, status in own), key=STATUS_RANK.__getitem__, default=None)
    in_force = [lockdown.id for lockdown, status in own if status is ZoneStatus.IN_FORCE]
    return {"ZoneStatus": shown.value if shown else None,
            "Lockdowns": ", ".join(in_force) or None}


def _measure_ref(lockdowns: dict[str, Lockdown], lockdown_id: str, code: str,
                 evidence: tuple) -> str:
    """'<lockdown id> measures[i] <code>': where the measure stands in the dataset file."""
    measures = lockdowns[lockdown_id].measures
    index = next(i for i, m in enumerate(measures) if m.code == code and m.evidence == evidence)
    return f"{lockdown_id} measures[{index}] {code}"


def _indicators(value: ZoneStringency, lockdowns: dict[str, Lockdown]) -> dict[str, object]:
    """The indicator levels, flags and stringency columns of one zone on one day."""
    applies = bool(value.lockdowns or value.unconfirmed or value.unreported)
    row: dict[str, object] = {}
    for code, name in INDICATORS.items():
        reported = value.indicators.get(code)
        level = reported.level if reported else (None if applies else 0)
        row[f"{code}_{name}"] = level
        if code not in NO_FLAG:
            row[f"{code}_Flag"] = int(reported.general) if reported else None
    sources, quotes = [], []
    for code in INDICATORS:
        for source in value.indicators[code].sources if code in value.indicators else ():
            ref = _measure_ref(lockdowns, source.lockdown, source.measure, source.evidence)
            sources.append(f"{code}: {ref}" + (f" (on {source.zone})" if source.inherited
                                                else ""))
            quotes.extend(f"{code}: “{e.quote}” ({e.report})" for e in source.evidence)
    row.update({"StringencyIndex_LowerBound": round(value.lower, 2),
                "StringencyIndex_UpperBound": round(value.upper, 2),
                "StringencyIndex_IndicatorsReported": value.reported,
                "StringencyIndex_Sources": "; ".join(sources) or None,
                "StringencyIndex_Quotes": " | ".join(dict.fromkeys(quotes)) or None})
    return row


def panel_frame(dataset: Dataset, span: tuple[dt.date, dt.date] | None = None,
                stringency_from: Dataset | None = None) -> pd.DataFrame:
    """One row per lockdown zone and day over ``span`` (default: the dataset's span).

    The indicators and the stringency bounds come from the lockdowns of
    ``stringency_from`` (default ``dataset``): when ``dataset`` is a selection (the
    dashboard's filters), pass the whole dataset, so that an order on a province or
    the country still counts for the zones kept.
    """
    span = span or dataset_span(dataset)
    columns = panel_columns()
    if span is None:
        return pd.DataFrame(columns=columns)
    source = stringency_from if stringency_from is not None else dataset
    by_id = {lockdown.id: lockdown for lockdown in source.lockdowns}
    by_zone: dict[str, list[Lockdown]] = {}
    for lockdown in dataset.lockdowns:
        by_zone.setdefault(lockdown.zone, []).append(lockdown)
    days = pd.date_range(span[0], span[1], freq="D").date
    rows = []
    for zone_id, lockdowns in by_zone.items():
        zone = dataset.place(zone_id)
        covering = covering_lockdowns(source, zone_id)
        alpha2 = country_of(dataset, zone) or ""
        ids = {"CountryName": COUNTRIES.get(alpha2, (alpha2 or None, None))[0],
               "CountryCode": ALPHA3.get(alpha2),
               "RegionName": province_of(dataset, zone), "ZoneId": zone.id,
               "ZoneName": zone.name, "Jurisdiction": "ZONE_TOTAL"}
        said = {lockdown.id: last_word(source, lockdown) for lockdown in (*covering, *lockdowns)}
        # The indicators depend only on which covering lockdowns are in force and which may
        # apply unreported: score each such state once, not once per day.
        scored: dict[tuple, dict[str, object]] = {}
        for day in days:
            statuses = {lockdown.id: status_of(lockdown, day, said[lockdown.id])
                        for lockdown in covering}
            state = tuple((lockdown_id, status) for lockdown_id, status in statuses.items()
                          if status is ZoneStatus.IN_FORCE or status in UNCERTAIN)
            if state not in scored:
                scored[state] = _indicators(zone_stringency(source, zone_id, day, covering),
                                            by_id)
            own = [(lockdown, statuses[lockdown.id] if lockdown.id in statuses
                    else status_of(lockdown, day, said[lockdown.id])) for lockdown in lockdowns]
            rows.append({**ids, "Date": int(day.strftime("%Y%m%d")), **_status(own),
                         **scored[state]})
    frame = pd.DataFrame(rows, columns=columns)
    for column in [*indicator_columns(), "StringencyIndex_IndicatorsReported"]:
        frame[column] = frame[column].astype("Int64")
    return frame
