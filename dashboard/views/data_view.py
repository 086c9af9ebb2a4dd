"""The data view: tables of lockdowns, measures and incidents with filters, and downloads.

Downloads are produced when clicked (``st.download_button`` with a callable),
so a large map or GeoPackage costs nothing until someone asks for it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.state import Loaded
from dashboard.views.day_control import view_range
from geo.export import map_html_bytes
from geo.io import csv_bytes, events_frame, panel_frame, write_layers
from geo.model import Dataset
from geo.selection import select, select_layers
from geo.timeline import ZoneStatus


def _layers_file(dataset: Dataset, layers: dict, day: dt.date, suffix: str) -> bytes:
    """The layers written by :func:`geo.io.write_layers` (status on ``day``), as bytes."""
    with tempfile.TemporaryDirectory(prefix="lockdown-map-") as folder:
        path = Path(folder) / f"layers{suffix}"
        write_layers(dataset, layers, path, day)
        return path.read_bytes()


def _filters(tables: dict[str, pd.DataFrame]) -> tuple[list[str], list[str], list[str]]:
    provinces = sorted(set(tables["lockdowns"]["province"].dropna())
                       | set(tables["incidents"]["province"].dropna()))
    one, two, three = st.columns(3)
    chosen_provinces = one.multiselect("Province", provinces, key="f_province",
                                       placeholder="All provinces")
    chosen_measures = two.multiselect("Measure", sorted(set(tables["measures"]["code"])),
                                      key="f_measure", placeholder="All measures")
    chosen_status = three.multiselect("Status on the day", [s.value for s in ZoneStatus],
                                      key="f_status", placeholder="Any status")
    return chosen_provinces, chosen_measures, chosen_status


def filtered(tables: dict[str, pd.DataFrame], provinces: list[str], measures: list[str],
             statuses: list[str]) -> dict[str, pd.DataFrame]:
    """The tables narrowed by the filters; an empty filter keeps everything.

    A lockdown passes the measure filter if it has any of the chosen measures;
    incidents are filtered by province only (they have no status or measures).
    """
    lockdowns, measure_rows = tables["lockdowns"], tables["measures"]
    incidents = tables["incidents"]
    if provinces:
        lockdowns = lockdowns[lockdowns["province"].isin(provinces)]
        incidents = incidents[incidents["province"].isin(provinces)]
    if statuses:
        lockdowns = lockdowns[lockdowns["status"].isin(statuses)]
    if measures:
        having = set(measure_rows.loc[measure_rows["code"].isin(measures), "lockdown"])
        lockdowns = lockdowns[lockdowns["lockdown"].isin(having)]
        measure_rows = measure_rows[measure_rows["code"].isin(measures)]
    measure_rows = measure_rows[measure_rows["lockdown"].isin(set(lockdowns["lockdown"]))]
    return {"lockdowns": lockdowns, "measures": measure_rows, "incidents": incidents}


def _downloads(loaded: Loaded, day: dt.date, shown: dict[str, pd.DataFrame]) -> None:
    """Every download holds what the filters keep: the lockdowns and incidents on screen."""
    chosen = select(loaded.dataset, shown["lockdowns"]["lockdown"], shown["incidents"]["incident"])
    layers = select_layers(state.layers_for(loaded), chosen)
    everything = len(chosen.lockdowns) == len(loaded.dataset.lockdowns) and \
        len(chosen.incidents) == len(loaded.dataset.incidents)
    st.markdown("**Downloads** " + ("(everything)" if everything else
                                    f"(as filtered: {len(chosen.lockdowns)} lockdowns, "
                                    f"{len(chosen.incidents)} incidents)"))
    bom = st.checkbox("CSV for Excel (UTF-8 with byte-order mark)", key="csv_bom")
    stem = f"lockdown-map-{day.isoformat()}"
    one, two, three, four, five = st.columns(5)
    one.download_button("Map (HTML)", lambda: map_html_bytes(chosen, layers, day,
                                                                    span=view_range(loaded)),
                        file_name=f"{stem}.html", mime="text/html", icon=":material/map:",
                        on_click="ignore",
                        help="The map of the day, one self-contained file: opens offline; "
                        "its slider plays the range chosen in the Map tab.")
    two.download_button("GeoPackage", lambda: _layers_file(chosen, layers, day, ".gpkg"),
                        file_name=f"{stem}-layers.gpkg", mime="application/geopackage+sqlite3",
                        icon=":material/layers:", on_click="ignore",
                        help="Every layer, styled for QGIS; zones carry their dates and status.")
    three.download_button("GeoJSON (zip)",
                          lambda: _layers_file(chosen, layers, day, ".zip"),
                          file_name=f"{stem}-layers.zip", mime="application/zip",
                          icon=":material/data_object:", on_click="ignore",
                          help="One RFC 7946 FeatureCollection per layer.")
    four.download_button("Events (CSV)", lambda: csv_bytes(events_frame(chosen), bom),
                         file_name="lockdown-map-events.csv", mime="text/csv",
                         icon=":material/table:", on_click="ignore",
                         help="One row per event, in ACLED's layout, with the quotes.")
    # The filters choose the zones; a province's or the country's order still counts for them.
    five.download_button("Zone-days (CSV)",
                         lambda: csv_bytes(panel_frame(chosen, stringency_from=loaded.dataset),
                                           bom),
                         file_name="lockdown-map-panel.csv", mime="text/csv",
                         icon=":material/calendar_month:", on_click="ignore",
                         help="One row per zone and day, OxCGRT indicator levels and flags, "
                         "the stringency bounds and the measures that set them.")


def show(loaded: Loaded) -> None:
    """Draw the tables for the selected day, the filters and the downloads."""
    day = state.selected_day()
    st.caption(f"Status as of **{day.isoformat()}** (change the day in the Map tab).")
    tables = state.tables_for(loaded, day)
    shown = filtered(tables, *_filters(tables))
    for title, frame in (("Lockdowns", shown["lockdowns"]), ("Measures", shown["measures"]),
                         ("Incidents", shown["incidents"])):
        st.markdown(f"**{title}** ({len(frame)})")
        # A dataframe cell is text, never markup: report words are safe here.
        st.dataframe(frame, hide_index=True, width="stretch")
    _downloads(loaded, day, shown)
