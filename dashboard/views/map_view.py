"""The map view: a day slider with step and play controls, the map, and the details panel.

The slider, the map and the panel run as one ``st.fragment``: moving the day
reruns only them, not the other tabs or the sidebar. While playing, the
fragment reruns itself every :data:`PLAY_SECONDS` and advances one day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import streamlit as st

from dashboard import links, state
from dashboard.mapping import clicked_lockdown, show_map
from dashboard.state import Loaded
from dashboard.text import md
from dashboard.views.details import STATUS_BADGE, show_details
from geo.maps.styles import STATUS_ORDER

PLAY_SECONDS = 1.0
ONE_DAY = dt.timedelta(days=1)


def _step(loaded: Loaded, days: int) -> None:
    state.set_day(state.selected_day() + days * ONE_DAY, loaded)


def _slider_moved() -> None:
    st.session_state["selected_day"] = st.session_state["day_slider"]


def _zone_picked() -> None:
    st.session_state["selected_zone"] = st.session_state["zone_pick"]


def _advance(loaded: Loaded) -> None:
    """One play step: the next day, back to the first after the last."""
    first, last = state.span_of(loaded)
    day = state.selected_day() + ONE_DAY
    state.set_day(first if day > last else day, loaded)


def _controls(loaded: Loaded) -> dt.date:
    first, last = state.span_of(loaded)
    # The widget's own key is dropped whenever the map tab is not drawn; the day
    # lives in "selected_day" and the slider is re-seeded from it.
    if "day_slider" not in st.session_state:
        st.session_state["day_slider"] = state.selected_day()
    back, slider, forward = st.columns([1, 10, 1], vertical_alignment="bottom")
    back.button("◀", key="day_back", help="The day before", on_click=_step,
                args=(loaded, -1), disabled=state.selected_day() <= first,
                width="stretch")
    slider.slider("Day", min_value=first, max_value=last, step=ONE_DAY, key="day_slider",
                  format="YYYY-MM-DD", on_change=_slider_moved,
                  help="Status by the end of the day. Arrow keys move one day.")
    forward.button("▶", key="day_forward", help="The day after", on_click=_step,
                   args=(loaded, 1), disabled=state.selected_day() >= last, width="stretch")
    return state.selected_day()


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
        _advance(loaded)
    day = _controls(loaded)
    _legend(loaded, day)
    left, right = st.columns([2, 1], gap="medium")
    with left:
        result = show_map(loaded, day)
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
    st.toggle("▶ Play, one day per second", key="playing")
    st.caption(f"Data: {md(loaded.dataset.info.name)} — {md(loaded.source)}")
    run_every = PLAY_SECONDS if st.session_state.get("playing") else None
    st.fragment(run_every=run_every)(_panel)(loaded)
