"""The register of all lockdowns with its filters (province, outlet, status on the day,
date range); the downloads hold exactly the lockdowns the filters keep."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.state import Loaded
from dashboard.views.day_control import view_range
from geo.export import map_html_bytes
from geo.register import (
    RegisterFilter,
    filter_register,
    keep_lockdowns,
    outlets_of,
    register_frame,
)
from geo.timeline import ZoneStatus


@st.cache_resource(max_entries=16, show_spinner=False)
def _register(key: str, day: dt.date, _loaded: Loaded) -> pd.DataFrame:
    return register_frame(_loaded.dataset, day)


def _filters(loaded: Loaded, frame: pd.DataFrame) -> RegisterFilter:
    first, last = state.span_of(loaded)
    one, two, three, four = st.columns(4)
    provinces = one.multiselect("Province", sorted(set(frame["province"])), key="r_province",
                                placeholder="All provinces")
    outlets = two.multiselect("Outlet", outlets_of(loaded.dataset), key="r_outlet",
                              placeholder="All outlets")
    statuses = three.multiselect("Status on the day", [s.value for s in ZoneStatus],
                                 key="r_status", placeholder="Any status")
    chosen = four.date_input("In force during", value=(first, last), min_value=first,
                             max_value=last, key="r_range", format="YYYY-MM-DD")
    start, end = (chosen if isinstance(chosen, (tuple, list)) and len(chosen) == 2
                  else (first, last))
    whole = (start, end) == (first, last)
    return RegisterFilter(tuple(provinces), tuple(outlets), tuple(statuses),
                          None if whole else start, None if whole else end)


def _zones_geojson(loaded: Loaded, ids: set[str]) -> bytes:
    zones = state.layers_for(loaded)["zones"]
    return zones[zones["lockdown"].isin(ids)].to_json(drop_id=True, ensure_ascii=False
                                                      ).encode("utf-8")


def _downloads(loaded: Loaded, day: dt.date, shown: pd.DataFrame) -> None:
    ids = set(shown["lockdown"])
    total = len(loaded.dataset.lockdowns)
    st.markdown(f"**Downloads** ({len(ids)} of {total} lockdowns, as filtered)")
    one, two, three = st.columns(3)
    one.download_button("Register (CSV)", shown.to_csv(index=False).encode("utf-8"),
                        file_name="lockdown-register.csv", mime="text/csv", key="r_csv",
                        icon=":material/table:", on_click="ignore")
    chosen = keep_lockdowns(loaded.dataset, ids)
    layers = dict(state.layers_for(loaded))
    layers["zones"] = layers["zones"][layers["zones"]["lockdown"].isin(ids)]
    incidents = {i.id for i in chosen.incidents}
    layers["incidents"] = layers["incidents"][layers["incidents"]["id"].isin(incidents)]
    two.download_button("Map of these lockdowns (HTML)",
                        lambda: map_html_bytes(chosen, layers, day, span=view_range(loaded)),
                        file_name=f"lockdown-map-{day.isoformat()}-selection.html",
                        mime="text/html", key="r_html", icon=":material/map:",
                        on_click="ignore", disabled=not ids)
    three.download_button("Their zones (GeoJSON)", lambda: _zones_geojson(loaded, ids),
                          file_name="lockdown-zones-selection.geojson",
                          mime="application/geo+json", key="r_geojson",
                          icon=":material/data_object:", on_click="ignore")


def show(loaded: Loaded) -> None:
    """Draw the register, its filters and the filtered downloads."""
    day = state.selected_day()
    st.caption(f"Every lockdown in the data; status as of **{day.isoformat()}** (change "
               "the day in the Map tab). Days: announced = in force to the announced end, "
               "both included; actual = to the lifting.")
    frame = _register(loaded.key, day, loaded)
    shown = filter_register(loaded.dataset, frame, _filters(loaded, frame))
    st.markdown(f"**Lockdowns** ({len(shown)} of {len(frame)})")
    # A dataframe cell is text, never markup: report words are safe here.
    st.dataframe(shown, hide_index=True, width="stretch", key="register_table")
    _downloads(loaded, day, shown)


