"""The timeline view: each zone's lockdown period as a Gantt bar, incidents, the day marked."""

from __future__ import annotations

import streamlit as st

from dashboard import state
from dashboard.state import Loaded
from geo.charts import gantt_chart
from geo.tables import province_of

MAX_ROWS = 150  # beyond this a Gantt chart is a wall; filter by province first


def show(loaded: Loaded) -> None:
    """Draw the timeline of ``loaded`` with the selected day marked."""
    dataset = loaded.dataset
    day = state.selected_day()
    st.caption(f"Selected day **{day.isoformat()}** (change it in the Map tab). Solid: in "
               "force; faded: the announced end has passed and no report says it was "
               "lifted; diamonds: incidents.")
    if not dataset.lockdowns:
        st.info("This dataset has no lockdowns.")
        return
    province = {item.id: province_of(dataset, dataset.place(item.zone)) or "(no province)"
                for item in dataset.lockdowns}
    chosen = st.multiselect("Provinces", sorted(set(province.values())), key="timeline_prov",
                            placeholder="All provinces")
    ids = [i for i, p in province.items() if not chosen or p in chosen]
    if len(ids) > MAX_ROWS:
        st.info(f"Showing the first {MAX_ROWS} of {len(ids)} lockdowns; choose provinces "
                "to see others.")
        ids = ids[:MAX_ROWS]
    st.altair_chart(gantt_chart(dataset, day, set(ids)), width="stretch")
