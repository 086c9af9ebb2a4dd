"""Lockdown Map dashboard: pick a day, see which zones were shut, read why.

Run: ``streamlit run dashboard/app.py [-- --dataset PATH]`` (or set
LOCKDOWN_MAP_DATASET). Thin by design: widgets give plain values to ``geo``
and show what comes back; every project error becomes a readable message.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts dashboard/ on sys.path, not the repository; the app imports
# its own package (and geo, if not installed) from there.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

from dashboard import links, state  # noqa: E402
from dashboard.text import md  # noqa: E402
from dashboard.views import (  # noqa: E402
    about,
    add_report,
    data_source,
    data_view,
    map_view,
    overview_view,
    register_view,
    timeline_view,
)
from geo.errors import LockdownMapError  # noqa: E402

TABS = ("Map", "Timeline", "Overview", "Lockdowns", "Data", "Add a report", "About")


def main() -> None:
    # No page_icon: a Material icon favicon is fetched from fonts.gstatic.com (a call out).
    st.set_page_config(page_title="Lockdown Map", layout="wide")
    loaded = state.current()
    data_source.show(loaded)
    failure = st.session_state.get("load_failure")
    if failure is not None:
        data_source.show_failure(failure, loaded)
    if loaded is None:
        st.stop()
    links.open_link(loaded, TABS)  # a pasted link's tab, day and zone
    links.show_link_problems()
    # Tabs that track state run only the open tab's code: a day change stays cheap.
    tabs = st.tabs(TABS, key=links.TAB_KEY, on_change="rerun")
    views = (map_view.show, timeline_view.show, overview_view.show, register_view.show,
             data_view.show, add_report.show, about.show)
    for tab, view in zip(tabs, views, strict=True):
        if tab.open:
            with tab:
                try:
                    view(loaded)
                except LockdownMapError as exc:
                    st.error(md(str(exc)), icon=":material/error:")
    links.keep_link()


main()
