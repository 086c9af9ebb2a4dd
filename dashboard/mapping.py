"""The one place the dashboard meets folium and streamlit-folium.

The base map (boundaries, places, incidents) is built once per dataset and
session; each day only the zone layer changes and is sent as
``feature_group_to_add`` under a fixed ``key``. streamlit-folium then updates
the layer inside the live Leaflet map instead of re-mounting the iframe, so
the map never goes blank and keeps the user's zoom and pan.

Why the base is kept per session and not in ``st.cache_resource``:
``st_folium`` adds the feature group to the map it is given as a child (and
renames the map's elements). On a shared cached map the next rerun's script
would include the old group, change the component's hash and re-mount it
empty. We keep one base per session and take the group off again after each
call, so the map script, and with it the component, stays the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import folium
import streamlit as st
from folium.elements import ElementAddToElement
from streamlit_folium import generate_leaflet_string, st_folium

from dashboard.state import Loaded, layers_for
from geo.maps import base_map, use_inline_assets, zone_layer
from geo.maps.assets import walk

MAP_KEY = "zone_map"
MAP_HEIGHT = 560
# Only clicks on zones matter to the app: pans and zooms then cause no reruns.
RETURNED = ["last_active_drawing", "last_object_clicked"]


def settle(m: folium.Map) -> folium.Map:
    """Give ``m`` the element names streamlit-folium will give it, before it is first shown.

    st_folium renames every element on its first call (``geo_json_<random>`` →
    ``geo_json_div_4``), and each folium layer re-adds an "add to map" child under
    its current name on every render. Left alone, the second call's script differs
    from the first (a stale ``geo_json_<random>.addTo(...)``, a ReferenceError in
    the page) and the component is re-mounted on the first day change. Renaming
    once here and dropping those children makes every call produce the same script.
    """
    m.get_root().render()
    generate_leaflet_string(m)
    for element in walk(m):
        for name, child in list(element._children.items()):
            if isinstance(child, ElementAddToElement):
                del element._children[name]
    return m


def _session_base(loaded: Loaded) -> folium.Map:
    """This session's base map for ``loaded``, built on first use (or when the data changes)."""
    held = st.session_state.get("_base_map")
    if held is None or held[0] != loaded.key:
        m = settle(use_inline_assets(base_map(loaded.dataset, layers_for(loaded))))
        held = (loaded.key, m)
        st.session_state["_base_map"] = held
    return held[1]


def day_layer(loaded: Loaded, day: dt.date) -> folium.FeatureGroup:
    """The zones on ``day``, styled by status, as one feature group."""
    return zone_layer(loaded.dataset, layers_for(loaded), day)


def show_map(loaded: Loaded, day: dt.date) -> dict[str, Any]:
    """Draw the map for ``day``; returns what streamlit-folium reports back (clicks)."""
    m = _session_base(loaded)
    group = day_layer(loaded, day)
    try:
        return st_folium(m, key=MAP_KEY, feature_group_to_add=group, returned_objects=RETURNED,
                         height=MAP_HEIGHT, use_container_width=True) or {}
    finally:
        # st_folium attached the group to the base; detach it so the next rerun's
        # base script is identical and the component is updated, not re-mounted.
        for name, child in list(m._children.items()):
            if child is group:
                del m._children[name]


def clicked_lockdown(result: dict[str, Any]) -> str | None:
    """The lockdown id of the zone last clicked on the map, if a zone was clicked."""
    drawing = result.get("last_active_drawing") or {}
    props = drawing.get("properties") or {}
    value = props.get("lockdown")
    return str(value) if value else None
