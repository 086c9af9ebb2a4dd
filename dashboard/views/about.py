"""The "About this data" tab: what statuses, certainty and precision mean, the sources and
their licences, and how to cite the dataset. The words come from :mod:`geo.about`."""

from __future__ import annotations

import streamlit as st

from dashboard.state import Loaded
from dashboard.text import md, md_link
from dashboard.views.details import STATUS_BADGE
from geo.about import (
    CERTAINTY_MEANINGS,
    GEOMETRY_NOTE,
    LOCATION_PRECISION_MEANINGS,
    OUTLET_TERMS,
    SOURCES,
    STATUS_MEANINGS,
    TIME_PRECISION_MEANINGS,
    citation,
    outlets,
)


def show(loaded: Loaded) -> None:
    """Draw the panel for ``loaded``."""
    dataset = loaded.dataset
    with st.container(key="about_panel"):
        st.subheader("About this data", anchor=False)
        info = dataset.info
        st.markdown(f"**{md(info.name)}**, version **{md(info.version)}**"
                    + (f" — {md(info.description)}" if info.description else ""))
        left, right = st.columns(2, gap="large")
        with left:
            st.markdown("**Status of a zone on a day**")
            for status, meaning in STATUS_MEANINGS.items():
                colour, icon = STATUS_BADGE[status]
                st.markdown(f":{colour}-badge[{icon} {status.value}] {md(meaning)}")
            st.markdown(f"*{md(GEOMETRY_NOTE)}*")
            st.markdown("**Certainty of a date**")
            for certainty, meaning in CERTAINTY_MEANINGS.items():
                st.markdown(f"- **{certainty.value}** — {md(meaning)}")
            st.markdown("**Time precision** (ACLED's codes)")
            for meaning in TIME_PRECISION_MEANINGS.values():
                st.markdown(f"- {md(meaning)}")
            st.markdown("**Location precision** (ACLED's codes)")
            for meaning in LOCATION_PRECISION_MEANINGS.values():
                st.markdown(f"- {md(meaning)}")
        with right:
            st.markdown("**Sources and licences**")
            for source in SOURCES:
                st.markdown(f"- {md_link(source.url, source.name)}: {md(source.provides)} — "
                            f"{md(source.licence)}")
            for outlet, reports in outlets(dataset):
                titles = "; ".join(md_link(url, title) for title, url in reports)
                st.markdown(f"- **{md(outlet)}** ({md(OUTLET_TERMS)}): {titles}")
            st.markdown("**How to cite**")
            st.code(citation(dataset), language=None, wrap_lines=True)
            st.caption("To cite one day and zone, add the address of this page: it holds the "
                       "tab, the day and the zone (see the README, \"Links\").")
            st.caption(f"Data: {md(loaded.source)}")
