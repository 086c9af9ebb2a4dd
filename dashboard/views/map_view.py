"""The map view: a day slider with step and play controls, the map, and the details panel.

The day control (:mod:`dashboard.views.day_control`), the map and the panel run as
one ``st.fragment``: moving the day reruns only them, not the other tabs or the
sidebar. While playing, the fragment reruns itself at the chosen speed and
advances one step.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import streamlit as st

from dashboard import links, state
from dashboard.mapping import clicked_lockdown, show_map, stepped_day
from dashboard.state import Loaded
from dashboard.text import md
from dashboard.views import colouring, day_control
from dashboard.views.details import STATUS_BADGE, show_details
from geo.maps.styles import STATUS_ORDER


def _zone_picked() -> None:
    st.session_state["selected_zone"] = st.session_state["zone_pick"]


def _legend(loaded: Loaded, day: dt.date) -> None:
    counts = Counter(s.status for s in state.states_for(loaded, day).values())
    parts = []
    for status in STATUS_ORDER:
        colour, icon = STATUS_BADGE[status]
        parts.append(f":{colour}-badge[{icon} {status.value}: {counts.get(status, 0)}]")
    st.markdown(f"**{day.isoformat()}** · " + " ".join(parts))


def _zone_choice(loaded: Loaded, result: dict) -> str | None:
    """The zone whose details to show: the last one clicked on the map or picked below."""
    clicked = clicked_lockdown(result)
    # st_folium repeats its last click on every rerun; act on a click once.
    if clicked and clicked != st.session_state.get("_last_click"):
        st.session_state["_last_click"] = clicked
        st.session_state["selected_zone"] = clicked
        st.session_state["zone_pick"] = clicked
    names = state.zone_names(loaded)
    if "zone_pick" not in st.session_state or st.session_state["zone_pick"] not in (
            None, *names):
        st.session_state["zone_pick"] = st.session_state.get("selected_zone")
    st.selectbox("Zone details", options=list(names), key="zone_pick",
                 format_func=lambda i: f"{names[i]} ({i})", index=None,
                 placeholder="Click a zone on the map, or choose one here",
                 on_change=_zone_picked)
    return st.session_state.get("selected_zone")


def _panel(loaded: Loaded) -> None:
    if st.session_state.get("playing"):
        day_control.advance(loaded)
    elif (moved := stepped_day(loaded)) is not None:
        day_control.go(loaded, moved)
    day = day_control.controls(loaded)
    _legend(loaded, day)
    left, right = st.columns([2, 1], gap="medium")
    with left:
        steps = {name: (other, colouring.bands_for(loaded, other))
                 for name, other in day_control.next_days(loaded, day).items()}
        result = show_map(loaded, day, colouring.bands_for(loaded, day), steps,
                          follow=day_control.SLIDER_KEY)
        colouring.legend()
    with right:
        zone = _zone_choice(loaded, result)
        if zone:
            show_details(loaded.dataset, zone, day)
        else:
            st.caption("No zone chosen. Zones are coloured by their status on the day; "
                       "a dashed outline means the shape is approximate.")
    links.keep_link()  # the fragment reruns alone: keep the address on its day and zone


def show(loaded: Loaded) -> None:
    """Draw the map view for ``loaded``."""
    with day_control.play_controls():
        colouring.choice()
    st.caption(f"Data: {md(loaded.dataset.info.name)} — {md(loaded.source)}")
    st.fragment(run_every=day_control.play_seconds())(_panel)(loaded)
