"""The view in the address bar: ``?tab=Map&day=2021-11-25&zone=<lockdown id>``.

:func:`open_link` reads the address once per session, before the widgets are drawn,
so a pasted link opens on its tab, day and zone. :func:`keep_link` writes the view
back after every run (the map's fragment included), so the address always holds a
link to what is on screen. Values in the address are untrusted: a tab must be one
of the tab labels, a day ``YYYY-MM-DD`` inside the data, a zone one of the
dataset's lockdown ids; anything else is reported in one escaped line and ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from dashboard import state
from dashboard.state import Loaded
from dashboard.text import md

TAB, DAY, ZONE = "tab", "day", "zone"
TAB_KEY = "view"  # the key of the app's st.tabs
_OPENED = "_link_opened"
MAX_SHOWN = 60  # characters of a bad value repeated in the message


def _shown(value: str) -> str:
    value = value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "…"
    return f"“{value}”"


def parse_link(params: dict[str, str], tabs: Sequence[str], span: tuple[dt.date, dt.date],
               zones: Sequence[str]) -> tuple[dict[str, object], list[str]]:
    """The valid parts of a link's parameters, and a plain-text note for each bad one."""
    chosen: dict[str, object] = {}
    problems: list[str] = []
    tab = params.get(TAB)
    if tab is not None:
        if tab in tabs:
            chosen[TAB] = tab
        else:
            problems.append(f"no tab {_shown(tab)} (tabs: {', '.join(tabs)})")
    day = params.get(DAY)
    if day is not None:
        try:
            parsed = dt.date.fromisoformat(day) if len(day) == 10 else None
        except ValueError:
            parsed = None
        if parsed is None:
            problems.append(f"day {_shown(day)} is not a date like 2021-11-25")
        elif not span[0] <= parsed <= span[1]:
            problems.append(f"day {parsed.isoformat()} is outside the data "
                            f"({span[0].isoformat()} to {span[1].isoformat()})")
        else:
            chosen[DAY] = parsed
    zone = params.get(ZONE)
    if zone is not None:
        if zone in zones:
            chosen[ZONE] = zone
        else:
            problems.append(f"no zone {_shown(zone)} in this dataset")
    return chosen, problems


def open_link(loaded: Loaded, tabs: Sequence[str]) -> None:
    """On a session's first run, open the view the address names. Call before the tabs."""
    if st.session_state.get(_OPENED):
        return
    st.session_state[_OPENED] = True
    params = {key: st.query_params[key] for key in (TAB, DAY, ZONE) if key in st.query_params}
    if not params:
        return
    chosen, problems = parse_link(params, tabs, state.span_of(loaded), state.zone_names(loaded))
    if TAB in chosen:
        st.session_state[TAB_KEY] = chosen[TAB]
    if DAY in chosen:
        state.set_day(chosen[DAY], loaded)
    if ZONE in chosen:
        st.session_state["selected_zone"] = chosen[ZONE]
        st.session_state["zone_pick"] = chosen[ZONE]
    if problems:
        st.session_state["_link_problems"] = problems


def show_link_problems() -> None:
    """One warning for the parts of a pasted link that were ignored (once)."""
    problems = st.session_state.pop("_link_problems", None)
    if problems:
        st.warning("The link's " + md("; ".join(problems)) + ". Showing the rest of it.",
                   icon=":material/link_off:")


def current_link() -> dict[str, str]:
    """The view on screen as query parameters."""
    params: dict[str, str] = {}
    tab = st.session_state.get(TAB_KEY)
    if isinstance(tab, str) and tab:
        params[TAB] = tab
    day = st.session_state.get("selected_day")
    if isinstance(day, dt.date):
        params[DAY] = day.isoformat()
    zone = st.session_state.get("selected_zone")
    if isinstance(zone, str) and zone:
        params[ZONE] = zone
    return params


def keep_link() -> None:
    """Write the view into the address (only what changed, so no extra messages)."""
    wanted = current_link()
    for key in (TAB, DAY, ZONE):
        value = wanted.get(key)
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value
