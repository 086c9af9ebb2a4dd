"""Events as ACLED users expect them: one row per event, where and when, with the quote.

An event is a lockdown's order, entry into force, announced end, actual end, or
a status change, or an incident. Columns follow ACLED's names where ACLED has
one: ``event_date`` (ISO), ``time_precision`` (1 day, 2 week, 3 month),
``geo_precision`` (1 the town, 2 near it or part of a region, 3 the region),
``country`` and ``iso`` (ISO 3166-1 numeric, as ACLED), ``admin1`` (province),
``admin2`` (county), ``location``, ``latitude`` / ``longitude`` (the gazetteer
point; a county's is its seat), ``source`` (outlets), ``source_url``, and the
verbatim ``quote``. An unknown date stays an empty ``event_date`` with certainty
``unknown`` (an unconfirmed end is a fact worth a row), never a guessed day.
"""

from __future__ import annotations

import pandas as pd

from geo.layers import place_point
from geo.model import Dataset, Evidence, Place, PlaceKind, When
from geo.tables import lineage, province_of

EVENT_COLUMNS = ["id", "event_date", "time", "time_precision", "certainty", "event_type",
                 "lockdown", "incident", "geo_precision", "country", "iso", "admin1", "admin2",
                 "location", "latitude", "longitude", "source", "source_url", "quote", "notes"]
# ISO 3166-1 alpha-2 (as places store it) → ACLED's country name and numeric ISO code.
COUNTRIES = {"KP": ("North Korea", 408), "CN": ("China", 156), "KR": ("South Korea", 410),
             "RU": ("Russia", 643)}
QUOTE_SEPARATOR = "\n"  # several quotes for one event: one per line


def county_of(dataset: Dataset, place: Place) -> str | None:
    """The name of the county ``place`` lies in (itself if it is one), from the parent chain."""
    return next((p.name for p in lineage(dataset, place) if p.kind is PlaceKind.COUNTY), None)


def country_of(dataset: Dataset, place: Place) -> str | None:
    """The ISO alpha-2 country stored on ``place`` or its nearest ancestor."""
    return next((p.country for p in lineage(dataset, place) if p.country), None)


def _sources(dataset: Dataset, evidence: tuple[Evidence, ...]) -> dict[str, object]:
    reports = [dataset.report(r) for r in dict.fromkeys(e.report for e in evidence)]
    return {
        "source": "; ".join(dict.fromkeys(r.outlet for r in reports)) or None,
        "source_url": "; ".join(r.url for r in reports) or None,
        "quote": QUOTE_SEPARATOR.join(e.quote for e in evidence) or None,
    }


def _where(dataset: Dataset, place: Place, precision: int) -> dict[str, object]:
    alpha2 = country_of(dataset, place)
    name, numeric = COUNTRIES.get(alpha2, (alpha2, None)) if alpha2 else (None, None)
    point = place_point(place)
    return {"geo_precision": int(precision), "country": name, "iso": numeric,
            "admin1": province_of(dataset, place), "admin2": county_of(dataset, place),
            "location": place.name,
            "latitude": round(point.y, 5) if point is not None else None,
            "longitude": round(point.x, 5) if point is not None else None}


def _when(when: When) -> dict[str, object]:
    return {"event_date": when.on.isoformat() if when.on else None,
            "time": when.at.strftime("%H:%M") if when.at else None,
            "time_precision": int(when.precision) if when.precision is not None else None,
            "certainty": when.certainty.value}


def events_frame(dataset: Dataset) -> pd.DataFrame:
    """Every event of the dataset, oldest first (unknown dates last), in ACLED's layout."""
    rows = []
    for lockdown in dataset.lockdowns:
        zone = dataset.place(lockdown.zone)
        where = _where(dataset, zone, zone.precision)
        facts = [("ordered", "lockdown ordered", lockdown.ordered),
                 ("in-force", "lockdown in force", lockdown.effective),
                 ("announced-end", "lockdown announced end", lockdown.announced_end),
                 ("actual-end", "lockdown actual end", lockdown.actual_end)]
        for number, change in enumerate(lockdown.changes, start=1):
            facts.append((f"{change.kind.value}-{number}", f"lockdown {change.kind.value}",
                          change.when))
        for suffix, event_type, when in facts:
            evidence = when.evidence or ()
            rows.append({"id": f"{lockdown.id}:{suffix}", **_when(when), "event_type": event_type,
                         "lockdown": lockdown.id, "incident": None, **where,
                         **_sources(dataset, evidence),
                         "notes": "; ".join(filter(None, (when.words and f"words: {when.words}",
                                                          when.reasoning))) or None})
    for incident in dataset.incidents:
        place = dataset.place(incident.place)
        rows.append({"id": incident.id, **_when(incident.when), "event_type": incident.kind,
                     "lockdown": None, "incident": incident.id,
                     **_where(dataset, place, incident.precision),
                     **_sources(dataset, incident.evidence), "notes": incident.description})
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    for column in ("time_precision", "geo_precision", "iso"):
        frame[column] = frame[column].astype("Int64")
    return frame.sort_values(["event_date", "time"], na_position="last", kind="stable",
                             ignore_index=True)
