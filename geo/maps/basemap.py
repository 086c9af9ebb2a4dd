"""A vector basemap that draws with no network: sea-coloured background, land, provinces.

Tiles need the internet; an OpenStreetMap tile layer is offered as an overlay,
off by default, whose failed tiles show nothing instead of broken images.
"""

from __future__ import annotations

from typing import Any

import folium
from folium.map import CustomPane

from geo.maps.controls import Css, Script
from geo.maps.geojson import frame_collection
from geo.maps.raw import VectorLayer
from geo.maps.styles import LAND, LAND_OTHER, PROVINCE_STYLE, SEA

ATTRIBUTION = (
    'Boundaries &amp; rivers: <a href="https://www.naturalearthdata.com/" target="_blank" '
    'rel="noopener noreferrer">Natural Earth</a> (public domain) · Places: '
    '<a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a>'
    ' (<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" '
    'rel="noopener noreferrer">CC BY 4.0</a>)'
)

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
                   max_zoom=16, min_zoom=3, prefer_canvas=False)
    Css(f"#{m.get_name()} {{ background: {SEA}; }}", name="lockdown_map_sea").add_to(m)
    Script("map.attributionControl.addAttribution(LM_ARGS.attribution);",
           {"attribution": ATTRIBUTION}).add_to(m)
    return m


def add_land(m: folium.Map, layers: dict[str, Any]) -> None:
    """Countries (North Korea lighter) and province outlines as one non-toggled layer."""
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
