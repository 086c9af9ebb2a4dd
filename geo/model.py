"""The domain model: reports and the facts coded from them. Plain typed objects, no I/O.

Every coded fact carries :class:`Evidence` (a report id and the exact quote)
and says how precise it is. Dates are :class:`When` values so that what a
report states, what was inferred and what is unknown stay apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class TimePrecision(IntEnum):
    """ACLED-style time precision."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class LocationPrecision(IntEnum):
    """ACLED-style location precision."""

    TOWN = 1  # the named town itself
    NEAR = 2  # near a town, or part of a region
    REGION = 3  # only the region is known


class Certainty(StrEnum):
    """How a date came to be known."""

    STATED = "stated"  # the report gives it whole
    INFERRED = "inferred"  # resolved from relative words or context; see ``reasoning``
    UNKNOWN = "unknown"  # no report says it yet


class PlaceKind(StrEnum):
    COUNTRY = "country"
    REGION = "region"
    PROVINCE = "province"
    COUNTY = "county"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    RIVER = "river"
    BORDER = "border"


class StatusChangeKind(StrEnum):
    IMPOSED = "imposed"
    EXTENDED = "extended"
    DOWNGRADED = "downgraded"
    LIFTED = "lifted"


class Scope(StrEnum):
    """OxCGRT's flag: a measure on one area is targeted, a nationwide one general."""

    TARGETED = "targeted"
    GENERAL = "general"


@dataclass(frozen=True)
class Evidence:
    """The exact words of a report that support a fact."""

    report: str
    quote: str


@dataclass(frozen=True)
class When:
    """A point in time as far as the reports know it.

    ``on`` is None when the date is unknown. ``words`` keeps the report's own
    relative wording ("last Thursday"), ``reasoning`` how it was resolved.
    ``earliest`` and ``latest`` are the bounds the reports give when the day
    itself is unknown or approximate: a lockdown "in force by" the day the
    source spoke has ``latest`` = that day.
    """

    certainty: Certainty
    on: dt.date | None = None
    at: dt.time | None = None
    precision: TimePrecision | None = None
    words: str | None = None
    reasoning: str | None = None
    evidence: tuple[Evidence, ...] = ()
    earliest: dt.date | None = None
    latest: dt.date | None = None

    @property
    def known(self) -> bool:
        return self.on is not None

    @classmethod
    def unknown(cls, reasoning: str | None = None) -> When:
        return cls(certainty=Certainty.UNKNOWN, reasoning=reasoning)

    def label(self) -> str:
        """Short human text: '2021-11-19 10:00 (inferred)' or 'unknown'."""
        if self.on is None:
            if self.latest is not None:
                return f"unknown (by {self.latest.isoformat()})"
            return "unknown"
        text = self.on.isoformat()
        if self.at is not None:
            text += " " + self.at.strftime("%H:%M")
        if self.certainty is not Certainty.STATED:
            text += f" ({self.certainty.value})"
        return text


@dataclass(frozen=True)
class Report:
    id: str
    outlet: str
    title: str
    url: str | None  # None when the report came without an address
    language: str
    published: When
    text: str
    notes: str | None = None


@dataclass(frozen=True)
class Place:
    """A place a report names, linked to the gazetteer for its geometry."""

    id: str
    name: str
    kind: PlaceKind
    precision: LocationPrecision
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2; data, never derived from geometry
    gazetteer: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Measure:
    """One restriction, coded from the taxonomy in :mod:`geo.measures`."""

    code: str
    evidence: tuple[Evidence, ...]
    scope: Scope = Scope.TARGETED
    note: str | None = None


@dataclass(frozen=True)
class StatusChange:
    kind: StatusChangeKind
    when: When
    report: str
    announced_end: When | None = None  # the new end, for an extension
    note: str | None = None


@dataclass(frozen=True)
class Incident:
    """Something that happened, as the report tells it."""

    id: str
    kind: str
    place: str
    when: When
    who: str | None
    description: str
    precision: LocationPrecision
    evidence: tuple[Evidence, ...]


DISPUTABLE_DATES = ("ordered", "effective", "announced_end", "actual_end")


@dataclass(frozen=True)
class Disagreement:
    """Reports that give different values for one date of a lockdown; every value is kept.

    ``values`` holds each distinct value with its evidence; the lockdown's own field
    holds the one the map uses, chosen by the rule in the README and explained in
    ``reason``.
    """

    fact: str  # one of DISPUTABLE_DATES
    values: tuple[When, ...]
    reason: str

    @property
    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """Earliest and latest day the sources give, or None if none gives a day."""
        days = [value.on for value in self.values if value.on is not None]
        return (min(days), max(days)) if days else None


@dataclass(frozen=True)
class Lockdown:
    """A lockdown on one zone; ordered, in force, announced end and actual end are apart."""

    id: str
    zone: str
    scope: str
    ordered: When
    effective: When
    announced_end: When
    actual_end: When
    measures: tuple[Measure, ...]
    evidence: tuple[Evidence, ...]
    trigger: str | None = None
    changes: tuple[StatusChange, ...] = ()
    note: str | None = None
    disagreements: tuple[Disagreement, ...] = ()


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    version: str
    description: str = ""
    curated_by: str = ""


@dataclass(frozen=True)
class Dataset:
    info: DatasetInfo
    reports: tuple[Report, ...] = ()
    places: tuple[Place, ...] = ()
    lockdowns: tuple[Lockdown, ...] = ()
    incidents: tuple[Incident, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def report(self, report_id: str) -> Report:
        return self._lookup("reports", report_id)

    def place(self, place_id: str) -> Place:
        return self._lookup("places", place_id)

    def incident(self, incident_id: str) -> Incident:
        return self._lookup("incidents", incident_id)

    def _lookup(self, collection: str, key: str):
        if collection not in self._index:
            self._index[collection] = {item.id: item for item in getattr(self, collection)}
        return self._index[collection][key]
