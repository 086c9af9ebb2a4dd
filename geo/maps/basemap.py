"""A vector basemap that draws with no network: sea-coloured background, land, provinces.

Tiles need the internet; an OpenStreetMap tile layer is offered as an overlay,
off by default, whose failed tiles show nothing instead of broken images.
"""

from __future__ import annotations

from typing import Any

import folium
import shapely
from folium.map import CustomPane
from folium.utilities import JsCode
from shapely.ops import polylabel

from geo.maps.controls import Css, Script
from geo.maps.geojson import feature_collection, frame_collection
from geo.maps.labels import add_label_support
from geo.maps.popups import e
from geo.maps.raw import VectorLayer
from geo.maps.styles import LAND, LAND_OTHER, PROVINCE_STYLE, SEA

_LINK = '<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>'
# What each shipped layer comes from (geo/data/SOURCES.md); report outlets are added per map.
ATTRIBUTION = (
    _LINK.format("https://www.soest.hawaii.edu/pwessel/dcw/", "DCW-GMT")
    + " (countries, border, Yalu: Digital Chart of the World, public domain; LGPL-3+) · "
    + _LINK.format("https://www.naturalearthdata.com/", "Natural Earth")
    + " (provinces, public domain) · "
    + _LINK.format("https://www.geonames.org/", "GeoNames") + " (places, "
    + _LINK.format("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0") + ")"
)
COUNTRY_LABELS = {"kp": "North Korea", "cn": "China"}

LAND_PANE = "lmLand"
TOP_PANE = "lmTop"  # incidents and towns, above the zones so they stay clickable
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = ('&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" '
                   'rel="noopener noreferrer">OpenStreetMap</a> contributors')
# A 1x1 transparent GIF: offline, a failed tile is blank rather than a broken image.
BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def new_map(location: tuple[float, float], zoom: int = 9) -> folium.Map:
    """An empty map with no tiles, a scale bar and a sea-coloured background."""
    m = folium.Map(location=list(location), zoom_start=zoom, tiles=None, control_scale=True,
                   max_zoom=16, min_zoom=3, prefer_canvas=False,
                   zoom_snap=0.5)  # half steps: the fitted view fills more of the map
    # By class, not by the map's element id: streamlit-folium renames the map's div.
    Css(f".leaflet-container {{ background: {SEA}; }}", name="lockdown_map_sea").add_to(m)
    Script("map.attributionControl.addAttribution(LM_ARGS.attribution);",
           {"attribution": ATTRIBUTION}).add_to(m)
    return m


def add_land(m: folium.Map, layers: dict[str, Any]) -> None:
    """Countries (North Korea lighter and warmer, China greyer) and province outlines."""
    # Land sits in its own pane below the tile pane, so switching the online tiles on
    # shows them instead of hiding them under an opaque land fill.
    CustomPane(LAND_PANE, z_index=150, pointer_events=False).add_to(m)
    CustomPane(TOP_PANE, z_index=450, pointer_events=True).add_to(m)
    countries = layers.get("countries")
    if countries is not None and len(countries):
        home = countries[countries["id"].astype(str).str.lower() == "kp"]
        other = countries[countries["id"].astype(str).str.lower() != "kp"]
        for frame, colour, name in ((other, LAND_OTHER, "Neighbouring countries"),
                                    (home, LAND, "North Korea")):
            if len(frame):
                VectorLayer(
                    frame_collection(frame), name=name, control=False,
                    options={"interactive": False, "pane": LAND_PANE,
                             "style": {"color": "#8c8372", "weight": 1, "fillColor": colour,
                                       "fillOpacity": 1.0, "className": "lm-country"}},
                ).add_to(m)
    provinces = layers.get("provinces")
    if provinces is not None and len(provinces):
        VectorLayer(
            frame_collection(provinces), name="Province outlines",
            options={"interactive": False,
                     "style": {**PROVINCE_STYLE, "className": "lm-province"}},
        ).add_to(m)


def add_online_tiles(m: folium.Map) -> folium.TileLayer:
    """OpenStreetMap tiles as an overlay, off by default; failed tiles stay blank."""
    layer = folium.TileLayer(
        tiles=OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap tiles (needs internet)",
        overlay=True, show=False, control=True, max_zoom=16, error_tile_url=BLANK_TILE,
    )
    layer.add_to(m)
    return layer


# L.lmLabel: geo.maps.labels.
_LABEL_COUNTRY = JsCode("""function (feature, layer) {
    L.lmLabel(layer, feature.properties.label, {permanent: true, direction: 'center',
        className: 'lm-country-label', interactive: false});
}""")


def add_country_labels(m: folium.Map, layers: dict[str, Any],
                       bounds: list[list[float]] | None) -> None:
    """Each country's name inside its largest part within ``bounds`` (the view), so the
    two banks of the Yalu can be told apart at a glance."""
    countries = layers.get("countries")
    if countries is None or len(countries) == 0 or not bounds:
        return
    (south, west), (north, east) = bounds
    view = shapely.box(west, south, east, north)
    points, props = [], []
    for _, row in countries.iterrows():
        part = row.geometry.intersection(view) if row.geometry is not None else None
        if part is None or part.is_empty:
            continue
        polygons = [g for g in getattr(part, "geoms", [part]) if g.geom_type == "Polygon"]
        if not polygons:
            continue
        biggest = max(polygons, key=lambda g: g.area)
        point = polylabel(biggest, tolerance=max(biggest.length / 500, 1e-4))
        code = str(row["id"]).lower()
        points.append({"type": "Point", "coordinates": [round(point.x, 5), round(point.y, 5)]})
        props.append({"label": e(COUNTRY_LABELS.get(code, row.get("name", code)))})
    if points:
        add_label_support(m)
        VectorLayer(feature_collection(points, props), name="Country names", control=False,
                    marker={"radius": 0, "stroke": False, "fill": False, "interactive": False,
                            "pane": LAND_PANE},
                    options={"on_each_feature": _LABEL_COUNTRY}).add_to(m)
