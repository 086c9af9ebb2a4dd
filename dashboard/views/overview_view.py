"""The overview for many lockdowns over years: zones in force per day by province, and
the stringency of a chosen zone over time with the quotes behind the day's value."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.state import Loaded
from dashboard.text import md
from dashboard.views.day_control import view_range
from geo.overview import in_force_frame, overview_chart, stringency_chart, stringency_frame
from geo.stringency import INDICATORS, lockdown_zones, zone_stringency


@st.cache_resource(max_entries=8, show_spinner="Counting zones in force…")
def _in_force(key: str, first: dt.date, last: dt.date, _loaded: Loaded) -> pd.DataFrame:
    return in_force_frame(_loaded.dataset, first, last)


@st.cache_resource(max_entries=32, show_spinner="Scoring stringency…")
def _stringency(key: str, zone: str, first: dt.date, last: dt.date,
                _loaded: Loaded) -> pd.DataFrame:
    return stringency_frame(_loaded.dataset, zone, first, last)


def _zone_default(loaded: Loaded, zones: list[str]) -> int:
    """The zone of the lockdown chosen on the map, if any, else the first."""
    chosen = st.session_state.get("selected_zone")
    lockdown = next((item for item in loaded.dataset.lockdowns if item.id == chosen), None)
    return zones.index(lockdown.zone) if lockdown and lockdown.zone in zones else 0


def _day_value(loaded: Loaded, zone: str, day: dt.date) -> None:
    value = zone_stringency(loaded.dataset, zone, day)
    st.markdown(f"**{day.isoformat()}**: stringency {md(value.label())}")
    for code in INDICATORS:
        indicator = value.indicators.get(code)
        if indicator is None:
            continue
        flag = "" if code == "C8" else (" general" if indicator.general else " targeted")
        st.markdown(f"- **{code}** level {indicator.level}{flag}: {indicator.score:.1f}")
        for source in indicator.sources:
            where = " (inherited from a wider order)" if source.inherited else ""
            for quote in source.evidence:
                st.markdown(f"  > {md(quote.quote)}  \n  > — {md(quote.report)}, "
                            f"{md(source.lockdown)}{where}")
    if value.unconfirmed:
        st.caption("Announced end passed without a report of the lifting (indicators "
                   "unknown): " + md(", ".join(value.unconfirmed)))


def show(loaded: Loaded) -> None:
    """Draw the overview charts over the chosen range."""
    dataset = loaded.dataset
    if not dataset.lockdowns:
        st.info("This dataset has no lockdowns.")
        return
    first, last = view_range(loaded)
    st.caption(f"From **{first.isoformat()}** to **{last.isoformat()}** (choose the range "
               "in the Map tab).")
    frame = _in_force(loaded.key, first, last, loaded)
    st.altair_chart(overview_chart(frame), width="stretch", key="overview_chart")
    zones = lockdown_zones(dataset)
    names = {zone: dataset.place(zone).name for zone in zones}
    zone = st.selectbox("Stringency of", zones, key="overview_zone",
                        index=_zone_default(loaded, zones),
                        format_func=lambda z: f"{names[z]} ({z})")
    series = _stringency(loaded.key, zone, first, last, loaded)
    st.altair_chart(stringency_chart(series, names[zone]), width="stretch",
                    key="stringency_chart")
    st.caption("Lower bound: unreported indicators at 0 (OxCGRT's convention); upper: at "
               "their maximum. A province- or country-wide order counts for every zone in it.")
    _day_value(loaded, zone, state.selected_day())
