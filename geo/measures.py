"""The fixed measure taxonomy and its mapping to the Oxford COVID-19 Government
Response Tracker (OxCGRT) containment indicators.

Levels follow the OxCGRT codebook. Where a report does not say how strict a
measure was, the level is the lowest one its words support, so the data never
claims more than the report.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MeasureType:
    code: str
    label: str
    oxcgrt: str | None  # indicator code, None where OxCGRT has none
    oxcgrt_name: str | None
    level: int | None  # OxCGRT ordinal level
    level_reason: str | None = None

    @property
    def oxcgrt_label(self) -> str:
        if self.oxcgrt is None:
            return "no OxCGRT indicator"
        return f"{self.oxcgrt} {self.oxcgrt_name}, level {self.level}"


_TYPES = (
    MeasureType("markets_closed", "Markets closed", "C2", "Workplace closing", 2,
                "closing required for some sectors (markets), not all workplaces"),
    MeasureType("workplaces_closed", "Workplaces closed", "C2", "Workplace closing", 3,
                "closing required for all but essential workplaces"),
    MeasureType("public_transport_closed", "Public transport closed", "C5",
                "Close public transport", 2, "closing required"),
    MeasureType("stay_at_home", "People kept in their homes", "C6",
                "Stay at home requirements", 2,
                "not leaving the house required; reports rarely say which exceptions"
                " remained, so the lower of the two 'required' levels"),
    MeasureType("travel_permits_suspended", "Travel permits suspended", "C7",
                "Restrictions on internal movement", 2, "internal movement restricted"),
    MeasureType("movement_restricted", "Movement within or out of the place blocked", "C7",
                "Restrictions on internal movement", 2,
                "internal movement restricted: checkpoints on the exits, districts isolated"
                " from one another"),
    MeasureType("vehicles_banned", "Vehicles barred from the roads", "C7",
                "Restrictions on internal movement", 2,
                "internal movement restricted; reports do not say whether public transport"
                " alone was stopped, which C5 would need"),
    MeasureType("entry_banned", "Entry of people and vehicles banned", "C7",
                "Restrictions on internal movement", 2, "internal movement restricted"),
    MeasureType("border_closed", "International border closed", "C8",
                "International travel controls", 4, "total border closure"),
    MeasureType("enforcement_patrols", "Enforcement patrols", None, None, None),
    MeasureType("violators_punished", "Violators punished", None, None, None),
    MeasureType("individual_isolation", "Individual quarantine or isolation", None, None, None),
)

MEASURE_TYPES: dict[str, MeasureType] = {t.code: t for t in _TYPES}


def measure_type(code: str) -> MeasureType:
    """The taxonomy entry for ``code``; KeyError names the known codes."""
    try:
        return MEASURE_TYPES[code]
    except KeyError:
        known = ", ".join(MEASURE_TYPES)
        raise KeyError(f"unknown measure code {code!r}; known: {known}") from None
