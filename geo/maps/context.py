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
from geo.maps.labels import add_label_support
from geo.maps.popups import e
from geo.maps.raw import VectorLayer
from geo.maps.styles import BORDER_STYLE, COUNTY_STYLE, RIVER_STYLE, TOWN_STYLE

TOWN_KINDS = ("city", "town", "village")

# L.lmLabel: geo.maps.labels.
_LABEL_TOWN = JsCode("""function (feature, layer) {
    L.lmLabel(layer, feature.properties.label, {permanent: feature.properties.permanent,
        direction: feature.properties.direction, offset: feature.properties.offset,
        className: feature.properties.css});
}""")

_LABEL_LINE = JsCode("""function (feature, layer) {
    L.lmLabel(layer, feature.properties.label, {permanent: true, direction: 'center',
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
        add_label_support(m)
        options["on_each_feature"] = _LABEL_LINE
    VectorLayer(feature_collection(geometries, props), name=name, options=options).add_to(m)


LABEL_RADIUS = 0.2  # degrees (~20 km): towns this close to a town the reports name


def add_context(m: folium.Map, layers: dict[str, Any], named: set[str] | None = None,
                scale: tuple[float, float] | None = None) -> None:
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
    add_towns(m, layers.get("places"), named or set(), scale)


# Where a town's label goes, in order of preference: Chinese towns above their dot and
# Korean towns below, then beside it, so that neighbours' labels do not overlap.
_OFFSETS = {"top": [0, -4], "bottom": [0, 4], "right": [6, 0], "left": [-6, 0]}
LABEL_PX = (7.5, 16.0)  # px per character of a label, px of its height (13 px font)


def _label_box(x: float, y: float, direction: str, chars: int,
               scale: tuple[float, float]) -> tuple[float, float, float, float]:
    """The label's box in degrees (west, south, east, north) for a dot at (x, y)."""
    w, h = chars * LABEL_PX[0] + 10, LABEL_PX[1]
    left, top = {"top": (-w / 2, -4 - h), "bottom": (-w / 2, 4), "right": (6, -h / 2),
                 "left": (-6 - w, -h / 2)}[direction]
    sx, sy = scale  # degrees per pixel; screen y grows southwards
    return (x + left * sx, y - (top + h) * sy, x + (left + w) * sx, y - top * sy)


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(points: list[tuple[float, float]], labels: list[str], chinese: list[bool],
                 scale: tuple[float, float] | None) -> list[str]:
    """A direction per label: the first preferred one whose box overlaps no label placed
    before it (points in priority order). Without a scale, the preferred one."""
    directions, boxes = [], []
    for (x, y), label, cn in zip(points, labels, chinese, strict=True):
        order = ("top", "right", "left", "bottom") if cn else ("bottom", "right", "left", "top")
        choice = order[0]
        if scale is not None:
            for direction in order:
                box = _label_box(x, y, direction, len(label), scale)
                if not any(_overlaps(box, other) for other in boxes):
                    choice = direction
                    break
            boxes.append(_label_box(x, y, choice, len(label), scale))
        directions.append(choice)
    return directions


def add_towns(m: folium.Map, places: Any, named: set[str] | None = None,
              scale: tuple[float, float] | None = None) -> None:
    """Towns and cities as dots; labelled permanently when named or near a named town.

    ``scale`` (degrees per pixel in x and y at the expected view) lets labels that would
    overlap move beside their dot.
    """
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
    rows = []
    for (_, row), point in zip(towns.iterrows(), towns.geometry, strict=True):
        near = row["id"] in named or any(point.distance(a) <= LABEL_RADIUS for a in anchors)
        rows.append((row, point, _country_of(row) == "cn", bool(near)))
    # Named towns choose first, then the other labelled ones; unlabelled ones never move.
    order = sorted((i for i, r in enumerate(rows) if r[3]), key=lambda i: rows[i][0]["id"]
                   not in named)
    chosen = place_labels([(rows[i][1].x, rows[i][1].y) for i in order],
                          [str(rows[i][0]["name"]) for i in order],
                          [rows[i][2] for i in order], scale)
    directions = dict(zip(order, chosen, strict=True))
    props = []
    for index, (row, _, chinese, near) in enumerate(rows):
        direction = directions.get(index, "top" if chinese else "bottom")
        props.append({
            "permanent": near,
            "label": e(row["name"]),
            "direction": direction,
            "offset": _OFFSETS[direction],
            "css": "lm-town-label " + ("lm-cn" if chinese else "lm-kp"),
        })
    data = feature_collection(rounded_geometries(towns.geometry.values), props)
    add_label_support(m)
    VectorLayer(data, name="Towns", marker={**TOWN_STYLE, "pane": TOP_PANE},
                options={"on_each_feature": _LABEL_TOWN}).add_to(m)
