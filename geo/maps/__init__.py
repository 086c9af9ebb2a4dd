"""Folium maps of lockdown zones, incidents and their context. No Streamlit, no files.

Public API: :func:`build_map`, :func:`base_map`, :func:`zone_layer`, and
:func:`use_inline_assets` to make any of them render with no network.
"""

from geo.maps.assets import use_cdn_assets, use_inline_assets
from geo.maps.builder import base_map, build_map, day_note, resolve_day, zone_layer
from geo.maps.styles import STRINGENCY_BANDS, band_label, stringency_bands, zone_style

__all__ = [
    "STRINGENCY_BANDS",
    "band_label",
    "base_map",
    "build_map",
    "day_note",
    "resolve_day",
    "stringency_bands",
    "use_cdn_assets",
    "use_inline_assets",
    "zone_layer",
    "zone_style",
]
