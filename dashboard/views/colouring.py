"""The map's colouring option: zones by status (the default) or by stringency.

By stringency, a zone's fill shows the band of its stringency lower bound on the
day (OxCGRT's method, :mod:`geo.stringency`); the outline keeps the status colour.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.state import Loaded
from geo.maps import STRINGENCY_BANDS, band_label, stringency_bands
from geo.model import Lockdown
from geo.stringency import ZoneStringency, coverings, stringency_by_lockdown

BY_STATUS = "status"
BY_STRINGENCY = "stringency (lower bound)"


@st.cache_resource(max_entries=4, show_spinner=False)
def _coverings(key: str, _loaded: Loaded) -> dict[str, tuple[Lockdown, ...]]:
    return coverings(_loaded.dataset)


@st.cache_resource(max_entries=64, show_spinner=False)
def _values(key: str, day: dt.date, _loaded: Loaded) -> dict[str, ZoneStringency]:
    return stringency_by_lockdown(_loaded.dataset, day, _coverings(key, _loaded))


def stringency_for(loaded: Loaded, day: dt.date) -> dict[str, ZoneStringency]:
    """Each lockdown's zone's stringency on ``day``, by lockdown id (cached; read-only)."""
    return _values(loaded.key, day, loaded)


def choice() -> None:
    st.radio("Colour zones by", [BY_STATUS, BY_STRINGENCY], key="map_colour", horizontal=True,
             label_visibility="collapsed")


def bands_for(loaded: Loaded, day: dt.date) -> dict[str, int] | None:
    """Lockdown id → stringency band when the map is coloured by stringency, else None."""
    if st.session_state.get("map_colour") != BY_STRINGENCY:
        return None
    return stringency_bands({k: v.lower for k, v in stringency_for(loaded, day).items()})


def legend() -> None:
    """The bands' swatches, under the map, when colouring by stringency."""
    if st.session_state.get("map_colour") != BY_STRINGENCY:
        return
    swatches = " ".join(
        f"<span style='background:{colour};border:1px solid #555;display:inline-block;"
        f"width:1.2em;height:0.8em'></span> {band_label(i)}"
        for i, (_, colour) in enumerate(STRINGENCY_BANDS))
    st.html(f"<div style='font-size:0.85em'>Stringency, lower bound (unreported "
            f"indicators at 0): {swatches}. The outline still shows the status.</div>")
