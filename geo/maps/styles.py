"""How each zone status, approximate geometry and context line looks on the map.

One style per class (status and approximate or not), passed to Leaflet as the layer's
``style`` option: folium's ``style_function`` writes a JavaScript ``switch``
with one case per feature, which slowed drawing to seconds at scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.timeline import ZoneStatus

SEA = "#b9d3e6"
LAND = "#f8f1dd"  # North Korea: light and warm
LAND_OTHER = "#dcdbd5"  # China (and any other country): greyer, so the banks differ

# Order used by the legend: what matters most first.
STATUS_ORDER = (
    ZoneStatus.IN_FORCE,
    ZoneStatus.END_PASSED_UNCONFIRMED,
    ZoneStatus.LIFTED,
    ZoneStatus.NOT_YET,
)

_STATUS_STYLE: dict[ZoneStatus, dict[str, object]] = {
    ZoneStatus.IN_FORCE: {"color": "#b2182b", "fillColor": "#d6604d", "fillOpacity": 0.45,
                          "weight": 3, "opacity": 1.0},
    ZoneStatus.END_PASSED_UNCONFIRMED: {"color": "#b35806", "fillColor": "#fdb863",
                                        "fillOpacity": 0.4, "weight": 3, "opacity": 1.0},
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


@dataclass(frozen=True)
class StyleClass:
    """One way a zone is drawn: its status on the day and whether its outline is exact."""

    status: ZoneStatus
    approximate: bool

    @property
    def key(self) -> str:
        """A stable CSS-safe name: 'in-force', 'in-force-approximate', ..."""
        slug = {ZoneStatus.IN_FORCE: "in-force",
                ZoneStatus.END_PASSED_UNCONFIRMED: "end-passed-unconfirmed",
                ZoneStatus.LIFTED: "lifted",
                ZoneStatus.NOT_YET: "not-yet"}[self.status]
        return slug + ("-approximate" if self.approximate else "")

    def style(self) -> dict[str, object]:
        return zone_style(self.status, self.approximate)


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
