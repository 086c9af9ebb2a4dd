"""A stringency index per zone per day, after the Oxford COVID-19 Government Response
Tracker (OxCGRT). Pure logic.

OxCGRT scores each of nine indicators (C1–C8, H1) on its ordinal scale and a
targeted/general flag, ``100 × (level − 0.5 × (max flag − flag)) / max level``
(a level of 0 scores 0; C8 has no flag), and averages the nine. A report rarely
describes a county on all nine, so a zone gets two values: the **lower bound**
with every unreported indicator at 0 (OxCGRT's own convention for missing
data) and the **upper bound** with every unreported indicator at its maximum,
plus how many of the nine were reported.

An indicator is *reported* for a zone on a day when a lockdown in force on that
day — on the zone itself, or on a province or the country that contains it, as
OxCGRT's subnational data inherits national policy — has a measure coded to it.
The strictest such measure sets the indicator, and every value keeps the quotes
that set it. A lockdown whose announced end has passed without a report of the
lifting sets nothing: its indicators are unknown (0 to the maximum).
"""

# ruff: noqa: RUF001, RUF002 - the formula and ranges read better with real signs

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import NamedTuple

from geo.errors import PlaceNotFound
from geo.gazetteer import load_gazetteer
from geo.measures import measure_type
from geo.model import Dataset, Evidence, Lockdown, Place, PlaceKind, Scope
from geo.timeline import UNCERTAIN, ZoneStatus, last_word, status_of

# OxCGRT's maximum level of each indicator of the Stringency Index (codebook).
MAX_LEVEL: dict[str, int] = {"C1": 3, "C2": 3, "C3": 2, "C4": 4, "C5": 2, "C6": 3, "C7": 2,
                             "C8": 4, "H1": 2}
INDICATORS: tuple[str, ...] = tuple(MAX_LEVEL)
UNFLAGGED = frozenset({"C8"})  # indicators without a targeted/general flag


def sub_index(indicator: str, level: int, general: bool = False) -> float:
    """OxCGRT's sub-index score (0–100) of one indicator.

    ``general`` is OxCGRT's flag (True = general/nationwide, False = targeted); it is
    ignored for C8, which has none. Raises ValueError for an unknown indicator or a
    level outside its scale.
    """
    if indicator not in MAX_LEVEL:
        raise ValueError(f"unknown OxCGRT indicator {indicator!r}; the index uses "
                         f"{', '.join(INDICATORS)}")
    top = MAX_LEVEL[indicator]
    if not 0 <= level <= top:
        raise ValueError(f"{indicator} level {level} is outside its scale 0–{top}")
    if level == 0:
        return 0.0
    has_flag = indicator not in UNFLAGGED
    flag_gap = (1 - int(general)) if has_flag else 0
    return 100.0 * (level - 0.5 * flag_gap) / top


def stringency_index(values: Mapping[str, tuple[int, bool] | None]) -> float:
    """The mean of the nine sub-indices; an indicator missing or None counts 0 (OxCGRT).

    ``values`` maps indicator code to (level, general flag).
    """
    unknown = set(values) - set(MAX_LEVEL)
    if unknown:
        raise ValueError(f"unknown OxCGRT indicator(s) {sorted(unknown)}; the index uses "
                         f"{', '.join(INDICATORS)}")
    scores = [sub_index(code, *values[code]) if values.get(code) is not None else 0.0
              for code in INDICATORS]
    return sum(scores) / len(INDICATORS)


@dataclass(frozen=True)
class Source:
    """One measure that set an indicator: its lockdown, zone, code and quotes."""

    lockdown: str
    zone: str
    measure: str
    level: int
    general: bool
    evidence: tuple[Evidence, ...]
    inherited: bool  # set by a lockdown on a province or the country containing the zone

    def to_dict(self) -> dict[str, object]:
        return {"lockdown": self.lockdown, "zone": self.zone, "measure": self.measure,
                "level": self.level, "flag": "general" if self.general else "targeted",
                "inherited": self.inherited,
                "quotes": [{"report": e.report, "quote": e.quote} for e in self.evidence]}


@dataclass(frozen=True)
class IndicatorValue:
    """A reported indicator: the strictest level in force and every measure behind it."""

    indicator: str
    level: int
    general: bool
    score: float
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "flag": "general" if self.general else "targeted",
                "score": round(self.score, 2), "sources": [s.to_dict() for s in self.sources]}


@dataclass(frozen=True)
class ZoneStringency:
    """A zone's stringency on a day: lower and upper bounds and what was reported."""

    zone: str
    zone_name: str
    day: dt.date
    indicators: Mapping[str, IndicatorValue]
    lockdowns: tuple[str, ...]  # in force on the day, on the zone or above it
    unconfirmed: tuple[str, ...]  # announced end passed, lifting unconfirmed
    # May apply, no report says either way on the day (start not reported, no later
    # report): like ``unconfirmed`` they set nothing, so the lower bound leaves them out.
    unreported: tuple[str, ...] = ()

    @property
    def reported(self) -> int:
        return len(self.indicators)

    @property
    def lower(self) -> float:
        return _mean({code: v.score for code, v in self.indicators.items()}, 0.0)

    @property
    def upper(self) -> float:
        return _mean({code: v.score for code, v in self.indicators.items()}, 100.0)

    def label(self) -> str:
        """'33.3–77.8 (2 of 9 indicators reported)'."""
        return (f"{self.lower:.1f}–{self.upper:.1f} "
                f"({self.reported} of {len(INDICATORS)} indicators reported)")

    def to_dict(self) -> dict[str, object]:
        return {"zone": self.zone, "day": self.day.isoformat(),
                "lower": round(self.lower, 2), "upper": round(self.upper, 2),
                "reported": self.reported, "of": len(INDICATORS),
                "lockdowns": list(self.lockdowns), "unconfirmed": list(self.unconfirmed),
                "unreported": list(self.unreported),
                "indicators": {code: self.indicators[code].to_dict()
                               for code in INDICATORS if code in self.indicators}}


def _mean(scores: Mapping[str, float], missing: float) -> float:
    return sum(scores.get(code, missing) for code in INDICATORS) / len(INDICATORS)


def _ancestors(dataset: Dataset, place: Place) -> set[str]:
    """Dataset ids and gazetteer ids of every place containing ``place`` (itself too)."""
    found: set[str] = set()
    current: Place | None = place
    while current is not None and current.id not in found:
        found.add(current.id)
        if current.gazetteer:
            found.add(current.gazetteer)
        current = _place_or_none(dataset, current.parent)
    gazetteer = load_gazetteer()
    for start in [g for g in found if g in gazetteer]:
        entry_id = gazetteer.get(start).parent
        while entry_id and entry_id in gazetteer and entry_id not in found:
            found.add(entry_id)
            entry_id = gazetteer.get(entry_id).parent
    return found


def _place_or_none(dataset: Dataset, place_id: str | None) -> Place | None:
    if not place_id:
        return None
    try:
        return dataset.place(place_id)
    except KeyError:
        return None


def covers(dataset: Dataset, outer: Place, inner: Place) -> bool:
    """True when a lockdown on ``outer`` applies to ``inner``: the same place, or a
    province or country whose area contains it (by the dataset's and the gazetteer's
    parent links; a country-wide place covers every place with that country)."""
    if outer.id == inner.id:
        return True
    if outer.kind is PlaceKind.COUNTRY and outer.country and inner.country == outer.country:
        return True
    try:
        above = _ancestors(dataset, inner)
    except PlaceNotFound:
        above = {inner.id}
    return outer.id in above or (outer.gazetteer is not None and outer.gazetteer in above)


def _flagged(indicator: str, general: bool) -> bool:
    return general and indicator not in UNFLAGGED


def covering_lockdowns(dataset: Dataset, zone_id: str) -> tuple[Lockdown, ...]:
    """The lockdowns that apply to the zone: its own and those of places containing it."""
    zone = dataset.place(zone_id)
    return tuple(lockdown for lockdown in dataset.lockdowns
                 if covers(dataset, dataset.place(lockdown.zone), zone))


class _Best(NamedTuple):
    """An indicator's strictest value among some lockdowns, and the sources that set it
    (all as inherited; ``own`` maps a place id to the positions of those set by that
    place's own lockdowns)."""

    level: int
    general: bool
    score: float
    sources: tuple[Source, ...]
    own: Mapping[str, list[int]]


@dataclass(frozen=True)
class _Standing:
    """What a set of covering lockdowns says on one day, whichever of its zones asks."""

    in_force: tuple[str, ...]
    unconfirmed: tuple[str, ...]
    unreported: tuple[str, ...]
    best: Mapping[str, _Best]


def _standing(dataset: Dataset, covering: Iterable[Lockdown], day: dt.date | dt.datetime,
              statuses: dict[str, ZoneStatus]) -> _Standing:
    """``covering``'s standing on ``day``; ``statuses`` keeps each lockdown's status on
    that day, so zones that share lockdowns ask for it once."""
    found: dict[str, list[Source]] = {}
    in_force, unconfirmed, unreported = [], [], []
    for lockdown in covering:
        status = statuses.get(lockdown.id)
        if status is None:
            status = statuses[lockdown.id] = status_of(lockdown, day,
                                                       last_word(dataset, lockdown))
        if status is ZoneStatus.END_PASSED_UNCONFIRMED:
            unconfirmed.append(lockdown.id)
            continue
        if status in UNCERTAIN:  # start not reported, or no later report: it may apply
            unreported.append(lockdown.id)
            continue
        if status is not ZoneStatus.IN_FORCE:
            continue
        in_force.append(lockdown.id)
        for measure in lockdown.measures:
            kind = measure_type(measure.code)
            if kind.oxcgrt not in MAX_LEVEL or kind.level is None:
                continue  # patrols, punishment, isolation: no OxCGRT indicator
            general = _flagged(kind.oxcgrt, measure.scope is Scope.GENERAL)
            found.setdefault(kind.oxcgrt, []).append(Source(
                lockdown=lockdown.id, zone=lockdown.zone, measure=measure.code,
                level=kind.level, general=general, evidence=measure.evidence,
                inherited=True))
    best = {}
    for code, sources in found.items():
        top = max(sources, key=lambda s: sub_index(code, s.level, s.general))
        score = sub_index(code, top.level, top.general)
        kept = tuple(s for s in sources if sub_index(code, s.level, s.general) == score)
        own: dict[str, list[int]] = {}
        for position, source in enumerate(kept):
            own.setdefault(source.zone, []).append(position)
        best[code] = _Best(top.level, top.general, score, kept, own)
    return _Standing(tuple(in_force), tuple(unconfirmed), tuple(unreported), best)


def _for_zone(zone: Place, day: dt.date | dt.datetime, standing: _Standing) -> ZoneStringency:
    indicators = {}
    for code, best in standing.best.items():
        sources = best.sources
        mine = best.own.get(zone.id)
        if mine:  # set by the zone's own lockdown, not inherited from a wider one
            copy = list(sources)
            for position in mine:
                copy[position] = replace(copy[position], inherited=False)
            sources = tuple(copy)
        indicators[code] = IndicatorValue(indicator=code, level=best.level,
                                          general=best.general, score=best.score,
                                          sources=sources)
    on = day.date() if isinstance(day, dt.datetime) else day
    return ZoneStringency(zone=zone.id, zone_name=zone.name, day=on, indicators=indicators,
                          lockdowns=standing.in_force, unconfirmed=standing.unconfirmed,
                          unreported=standing.unreported)


def zone_stringency(dataset: Dataset, zone_id: str, day: dt.date | dt.datetime,
                    covering: Iterable[Lockdown] | None = None) -> ZoneStringency:
    """The stringency of the zone ``zone_id`` (a dataset place id) by the end of ``day``
    (or at that moment, for a datetime).

    ``covering`` (from :func:`covering_lockdowns`) saves finding them again for each day.
    """
    zone = dataset.place(zone_id)
    if covering is None:
        covering = covering_lockdowns(dataset, zone_id)
    return _for_zone(zone, day, _standing(dataset, covering, day, {}))


def lockdown_zones(dataset: Dataset) -> list[str]:
    """The dataset's lockdown zones (place ids), each once, in dataset order."""
    return list(dict.fromkeys(lockdown.zone for lockdown in dataset.lockdowns))


def coverings(dataset: Dataset) -> dict[str, tuple[Lockdown, ...]]:
    """Every lockdown zone's covering lockdowns (:func:`covering_lockdowns`), by zone: they
    do not depend on the day, so a caller that scores many days finds them once.

    As :func:`covers` for every pair, but each zone's ancestors are found once (at 1,000
    zones, 38 s became well under a second), and zones covered by the same lockdowns (the
    zones of one county, of one city) share one tuple: the same object, so a caller can
    treat them as one group, and 10,000 zones on a dozen counties cost no more than the
    lockdowns themselves."""
    zones = lockdown_zones(dataset)
    places = [dataset.place(zone) for zone in zones]
    by_gazetteer: dict[str, set[str]] = {}
    by_country: dict[str, set[str]] = {}
    for place in places:
        if place.gazetteer:
            by_gazetteer.setdefault(place.gazetteer, set()).add(place.id)
        if place.kind is PlaceKind.COUNTRY and place.country:
            by_country.setdefault(place.country, set()).add(place.id)
    by_zone: dict[str, list[int]] = {}
    for position, lockdown in enumerate(dataset.lockdowns):
        by_zone.setdefault(lockdown.zone, []).append(position)
    shared: dict[tuple, tuple[Lockdown, ...]] = {}
    result = {}
    for inner in places:
        try:
            above = _ancestors(dataset, inner)
        except PlaceNotFound:
            above = {inner.id}
        # Tested one by one: ``set & dict.keys()`` walks all the keys, for every zone.
        groups = frozenset(key for key in above if key in by_gazetteer)
        named = {inner.id} | {key for key in above if key in by_zone}
        # A zone in a gazetteer group is already in it: leaving it out of the key lets
        # every zone of that group share the answer.
        named -= {zone for key in groups for zone in named if zone in by_gazetteer[key]}
        key = (frozenset(named), groups, inner.country or "")
        found = shared.get(key)
        if found is None:
            outer = named | by_country.get(inner.country or "", set())
            for group in groups:
                outer |= by_gazetteer[group]
            positions = sorted(p for zone in outer for p in by_zone.get(zone, ()))
            found = shared[key] = tuple(dataset.lockdowns[p] for p in positions)
        result[inner.id] = found
    return result


def stringency_on(dataset: Dataset, day: dt.date | dt.datetime,
                  covering: Mapping[str, Iterable[Lockdown]] | None = None,
                  ) -> dict[str, ZoneStringency]:
    """Every lockdown zone's stringency on ``day``, by zone id (``covering`` from
    :func:`coverings` saves finding each zone's lockdowns again)."""
    covering = covering if covering is not None else coverings(dataset)
    # Zones with one covering tuple (every zone of a county, from coverings) share its
    # standing, and each lockdown's status is found once: 10,000 zones on a dozen
    # counties took over a minute a day when each zone walked its ~830 lockdowns.
    statuses: dict[str, ZoneStatus] = {}
    # Keyed by the tuple's identity, and holding the tuple, so that no id is reused.
    standings: dict[int, tuple[Iterable[Lockdown], _Standing]] = {}
    values = {}
    for zone in lockdown_zones(dataset):
        lockdowns = covering[zone]
        held = standings.get(id(lockdowns))
        if held is None:
            held = standings[id(lockdowns)] = (
                lockdowns, _standing(dataset, lockdowns, day, statuses))
        values[zone] = _for_zone(dataset.place(zone), day, held[1])
    return values


def stringency_by_lockdown(dataset: Dataset, day: dt.date | dt.datetime,
                           covering: Mapping[str, Iterable[Lockdown]] | None = None,
                           ) -> dict[str, ZoneStringency]:
    """Each lockdown's zone's stringency on ``day``, by lockdown id (for the map)."""
    values = stringency_on(dataset, day, covering)
    return {lockdown.id: values[lockdown.zone] for lockdown in dataset.lockdowns}


def stringency_series(dataset: Dataset, zone_id: str, first: dt.date,
                      last: dt.date) -> list[ZoneStringency]:
    """One zone's stringency on every day from ``first`` to ``last`` (inclusive)."""
    covering = covering_lockdowns(dataset, zone_id)
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return [zone_stringency(dataset, zone_id, day, covering) for day in days]


STRINGENCY_COLUMNS = ["zone", "zone_name", "day", "stringency_lower", "stringency_upper",
                      "indicators_reported", *(f"{code}_level" for code in INDICATORS),
                      "lockdowns", "quotes"]


def stringency_rows(dataset: Dataset, days: Iterable[dt.date]) -> list[dict[str, object]]:
    """Flat rows (one per zone per day) for a CSV: the bounds, each indicator's level and
    flag ('2G' general, '2T' targeted, '' unreported), and the quotes behind them."""
    rows = []
    covering = coverings(dataset)
    for day in days:
        for value in stringency_on(dataset, day, covering).values():
            row: dict[str, object] = {
                "zone": value.zone, "zone_name": value.zone_name, "day": day.isoformat(),
                "stringency_lower": round(value.lower, 2),
                "stringency_upper": round(value.upper, 2),
                "indicators_reported": value.reported,
            }
            for code in INDICATORS:
                v = value.indicators.get(code)
                row[f"{code}_level"] = "" if v is None else (
                    f"{v.level}{'' if code in UNFLAGGED else ('G' if v.general else 'T')}")
            row["lockdowns"] = ", ".join(value.lockdowns)
            row["quotes"] = " | ".join(
                f"{code}: “{e.quote}” ({e.report})" for code, v in value.indicators.items()
                for s in v.sources for e in s.evidence)
            rows.append(row)
    return rows
