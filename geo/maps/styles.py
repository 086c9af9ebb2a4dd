"""How each zone status, approximate geometry and context line looks on the map.

One style per class (status and approximate or not), passed to Leaflet as the layer's
``style`` option: folium's ``style_function`` writes a JavaScript ``switch``
with one case per feature, which slowed drawing to seconds at scale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from geo.timeline import STATUS_RANK, ZoneStatus

SEA = "#b9d3e6"
LAND = "#f8f1dd"  # North Korea: light and warm
LAND_OTHER = "#dcdbd5"  # China (and any other country): greyer, so the banks differ

# Order used by the legend: what matters most first.
STATUS_ORDER = tuple(sorted(STATUS_RANK, key=STATUS_RANK.__getitem__))

_STATUS_STYLE: dict[ZoneStatus, dict[str, object]] = {
    ZoneStatus.IN_FORCE: {"color": "#b2182b", "fillColor": "#d6604d", "fillOpacity": 0.45,
                          "weight": 3, "opacity": 1.0},
    ZoneStatus.END_PASSED_UNCONFIRMED: {"color": "#b35806", "fillColor": "#fdb863",
                                        "fillOpacity": 0.4, "weight": 3, "opacity": 1.0},
    # The reports fall silent: paler than what they vouch for, and told apart by hue.
    ZoneStatus.NO_LATER_REPORT: {"color": "#6f5b4b", "fillColor": "#cbbba9",
                                 "fillOpacity": 0.3, "weight": 2, "opacity": 0.9},
    ZoneStatus.START_UNREPORTED: {"color": "#4a6a8a", "fillColor": "#c6d4e1",
                                  "fillOpacity": 0.12, "weight": 1.5, "opacity": 0.8},
    ZoneStatus.LIFTED: {"color": "#1b7837", "fillColor": "#a6dba0", "fillOpacity": 0.2,
                        "weight": 2, "opacity": 0.9},
    ZoneStatus.NOT_YET: {"color": "#6b6b6b", "fillColor": "#bdbdbd", "fillOpacity": 0.08,
                         "weight": 1.5, "opacity": 0.8},
}

APPROXIMATE_DASH = "8 6"

INCIDENT_STYLE: dict[str, object] = {
    "radius": 7, "color": "#ffffff", "weight": 2, "fillColor": "#542788", "fillOpacity": 1.0,
}

RIVER_STYLE: dict[str, object] = {"color": "#2b7bba", "weight": 3, "opacity": 0.9}
BORDER_STYLE: dict[str, object] = {"color": "#4d4d4d", "weight": 2, "opacity": 0.9,
                                   "dashArray": "10 4 2 4"}
PROVINCE_STYLE: dict[str, object] = {"color": "#7a6f5a", "weight": 1.5, "opacity": 0.8,
                                     "fill": False, "dashArray": "4 3"}
COUNTY_STYLE: dict[str, object] = {"color": "#a39b88", "weight": 0.8, "opacity": 0.7,
                                   "fill": False}
TOWN_STYLE: dict[str, object] = {"radius": 4, "color": "#333333", "weight": 1.5,
                                 "fillColor": "#ffffff", "fillOpacity": 1.0}


# Colouring by stringency (the lower bound, geo.stringency): the fill shows the band,
# the outline still the status. Bands of 20 points, light to dark purple.
STRINGENCY_BANDS: tuple[tuple[float, str], ...] = (
    (0.0, "#f2f0f7"), (20.0, "#cbc9e2"), (40.0, "#9e9ac8"), (60.0, "#756bb1"),
    (80.0, "#54278f"),
)


def stringency_band(lower: float) -> int:
    """The band (0 to 4) of a stringency value: 0 below 20, 4 from 80."""
    return max(i for i, (start, _) in enumerate(STRINGENCY_BANDS) if lower >= start)


def band_label(band: int) -> str:
    start = STRINGENCY_BANDS[band][0]
    end = STRINGENCY_BANDS[band + 1][0] if band + 1 < len(STRINGENCY_BANDS) else 100
    return f"{start:g} to {end:g}"


def stringency_bands(lower_bounds: Mapping[str, float]) -> dict[str, int]:
    """Lockdown id → band, from each lockdown zone's stringency lower bound."""
    return {key: stringency_band(value) for key, value in lower_bounds.items()}


@dataclass(frozen=True)
class StyleClass:
    """One way a zone is drawn: its status on the day, whether its outline is exact and,
    when the map is coloured by stringency, the zone's stringency band."""

    status: ZoneStatus
    approximate: bool
    band: int | None = None

    @property
    def key(self) -> str:
        """A stable CSS-safe name: 'in-force', 'in-force-approximate', ..."""
        slug = {ZoneStatus.IN_FORCE: "in-force",
                ZoneStatus.END_PASSED_UNCONFIRMED: "end-passed-unconfirmed",
                ZoneStatus.NO_LATER_REPORT: "no-later-report",
                ZoneStatus.LIFTED: "lifted",
                ZoneStatus.START_UNREPORTED: "start-unreported",
                ZoneStatus.NOT_YET: "not-yet"}[self.status]
        return (slug + ("-approximate" if self.approximate else "")
                + (f"-stringency-{self.band}" if self.band is not None else ""))

    def style(self) -> dict[str, object]:
        style = zone_style(self.status, self.approximate)
        if self.band is not None:
            style.update(fillColor=STRINGENCY_BANDS[self.band][1], fillOpacity=0.75)
            style["className"] += f" lm-stringency-{self.band}"
        return style


def zone_style(status: ZoneStatus, approximate: bool = False) -> dict[str, object]:
    """The Leaflet path options for a zone: colour by status, dashed outline if approximate."""
    style = dict(_STATUS_STYLE[ZoneStatus(status)])
    if approximate:
        style["dashArray"] = APPROXIMATE_DASH
    # Leaflet reads className on SVG paths; tests and the browser find zones by it.
    style["className"] = "lm-zone lm-zone-" + StyleClass(ZoneStatus(status), approximate).key
    return style


def status_colour(status: ZoneStatus) -> str:
    return str(_STATUS_STYLE[ZoneStatus(status)]["color"])
