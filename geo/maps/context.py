"""Context an analyst reads a lockdown against: the Yalu, the border, counties, towns.

Towns are labelled on both banks (Korean side upright, Chinese side italic),
Korean towns below their dot and Chinese towns above, so towns facing each
other across the river (Kimhyongjik town and Badaogou) do not collide.
"""

from __future__ import annotations

from typing import Any

import folium
from folium.utilities import JsCode

from geo.maps.basemap import TOP_PANE
from geo.maps.geojson import feature_collection, rounded_geometries
from geo.maps.popups import e
from geo.maps.raw import VectorLayer
from geo.maps.styles import BORDER_STYLE, COUNTY_STYLE, RIVER_STYLE, TOWN_STYLE

TOWN_KINDS = ("city", "town", "village")

_LABEL_TOWN = JsCode("""function (feature, layer) {
    layer.bindTooltip(feature.properties.label, {permanent: feature.properties.permanent,
        direction: feature.properties.direction, offset: feature.properties.offset,
        className: feature.properties.css});
}""")

_LABEL_LINE = JsCode("""function (feature, layer) {
    layer.bindTooltip(feature.properties.label, {permanent: true, direction: 'center',
        className: feature.properties.css});
}""")


def _country_of(row: Any) -> str:
    country = row.get("country") if hasattr(row, "get") else None
    if isinstance(country, str) and country:
        return country.lower()
    return str(row["id"]).split("-", 1)[0].lower()


def _lines(m: folium.Map, frame: Any, name: str, style: dict, css: str,
           label_css: str | None) -> None:
    if frame is None or len(frame) == 0:
        return
    geometries = rounded_geometries(frame.geometry.values)
    props = [{"label": e(row["name"]), "css": label_css or ""}
             for _, row in frame.iterrows()]
    options: dict[str, Any] = {"style": {**style, "className": css}}
    if label_css:
        options["on_each_feature"] = _LABEL_LINE
    VectorLayer(feature_collection(geometries, props), name=name, options=options).add_to(m)


LABEL_RADIUS = 0.2  # degrees (~20 km): towns this close to a town the reports name


def add_context(m: folium.Map, layers: dict[str, Any], named: set[str] | None = None) -> None:
    """Counties, the border, rivers and labelled towns, each a toggleable layer.

    ``named`` are the place ids the dataset names; they and the towns near them
    (both banks) get permanent labels, other towns a label on hover.
    """
    counties = layers.get("counties")
    if counties is not None and len(counties):
        _lines(m, counties, "County outlines", COUNTY_STYLE, "lm-county", None)
    _lines(m, layers.get("border"), "China-North Korea border", BORDER_STYLE, "lm-border",
           None)
    _lines(m, layers.get("rivers"), "Rivers (Yalu/Amnok)", RIVER_STYLE, "lm-river",
           "lm-river-label")
    add_towns(m, layers.get("places"), named or set())


def add_towns(m: folium.Map, places: Any, named: set[str] | None = None) -> None:
    """Towns and cities as dots; labelled permanently when named or near a named town."""
    if places is None or len(places) == 0:
        return
    towns = places[places["kind"].astype(str).isin(TOWN_KINDS)]
    towns = towns[towns.geometry.geom_type == "Point"]
    if len(towns) == 0:
        return
    named = named or set()
    anchors = [g for i, g in zip(towns["id"], towns.geometry, strict=True) if i in named]
    if not anchors:  # nothing named: label every town
        anchors = list(towns.geometry)
    props = []
    for (_, row), point in zip(towns.iterrows(), towns.geometry, strict=True):
        chinese = _country_of(row) == "cn"
        near = row["id"] in named or any(point.distance(a) <= LABEL_RADIUS for a in anchors)
        props.append({
            "permanent": bool(near),
            "label": e(row["name"]),
            "direction": "top" if chinese else "bottom",
            "offset": [0, -4] if chinese else [0, 4],
            "css": "lm-town-label " + ("lm-cn" if chinese else "lm-kp"),
        })
    data = feature_collection(rounded_geometries(towns.geometry.values), props)
    VectorLayer(data, name="Towns", marker={**TOWN_STYLE, "pane": TOP_PANE},
                options={"on_each_feature": _LABEL_TOWN}).add_to(m)
