"""Which dataset the dashboard shows, and the per-dataset values it caches.

All Streamlit caching lives here and in :mod:`dashboard.mapping`: ``geo``
stays pure. A dataset is identified by the SHA-256 of its text, so caches are
keyed by a short string and never hash a large object.

Loading never replaces good data with bad: a dataset becomes current only once
it has validated (:mod:`geo.loadable`: fields, dates, every zone and incident
drawable) *and* rendered (:func:`rendered`: the slider's span, the day's states
and tables, the timeline chart and the base map are built before it is
installed). One that fails is reported as a list of problems while the app
keeps showing the data it had.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from dashboard.startup import ENV_VAR, startup_path  # noqa: F401  (ENV_VAR: re-exported)
from geo.cache import cached_loads, text_key
from geo.dataset import SEED_DATASET, decode_dataset, read_dataset_text
from geo.errors import DatasetError, LockdownMapError, Problem
from geo.layers import build_layers
from geo.loadable import check_loadable
from geo.model import Dataset
from geo.tables import incidents_table, lockdowns_table, measures_table
from geo.timeline import ZoneState, dataset_span, default_day, shift_day, states_on


@dataclass(frozen=True)
class Loaded:
    """A validated dataset, where it came from, and the hash of its text."""

    dataset: Dataset = field(compare=False)
    key: str
    source: str


@dataclass(frozen=True)
class LoadFailure:
    """Why a dataset was not loaded: a headline and, for invalid data, each problem."""

    source: str
    message: str
    problems: tuple[Problem, ...] = ()


@st.cache_resource(max_entries=8, show_spinner=False)
def _parse(key: str, _text: str, source: str) -> Dataset:
    # Keyed by the text's hash: the same file loaded twice is validated once per
    # process, and across processes it comes from the on-disk cache (geo.cache);
    # the drawing check is cheap and runs on every parse.
    return check_loadable(cached_loads(_text, source), source)


@st.cache_resource(max_entries=4, show_spinner="Building the map layers…")
def _layers(key: str, _dataset: Dataset) -> dict[str, gpd.GeoDataFrame]:
    return build_layers(_dataset)


def layers_for(loaded: Loaded) -> dict[str, gpd.GeoDataFrame]:
    """The map layers of ``loaded`` (built once per dataset; treat as read-only)."""
    return _layers(loaded.key, loaded.dataset)


def load_text(text: str, source: str) -> Loaded:
    """Validate ``text`` and build its layers; raises LockdownMapError if either fails."""
    key = text_key(text)
    loaded = Loaded(_parse(key, text, source), key, source)
    layers_for(loaded)  # a dataset whose places cannot be mapped is rejected here
    settle_memory()
    return loaded


def settle_memory() -> None:
    """Take what is alive now (the dataset, its layers, a base map) out of the garbage
    collector's sight: they live as long as the app, and each rerun would otherwise pay
    for a full collection over hundreds of thousands of objects (140 to 270 ms)."""
    gc.freeze()


def load_path(path: Path, *, require_suffix: bool = False) -> Loaded:
    """A dataset file; ``require_suffix`` (the path box) also refuses a file whose name
    does not end in .yaml/.yml. Only regular files under the upload cap are read."""
    return load_text(read_dataset_text(path, require_suffix=require_suffix), str(path))


def load_upload(name: str, data: bytes) -> Loaded:
    return load_text(decode_dataset(data, name), name)


def failure(source: str, exc: LockdownMapError) -> LoadFailure:
    if isinstance(exc, DatasetError):
        count = len(exc.problems)
        return LoadFailure(source, f"{count} problem{'s' if count != 1 else ''} in {source}",
                           tuple(exc.problems))
    return LoadFailure(source, str(exc))


def rendered(loaded: Loaded) -> None:
    """Build what every view draws from ``loaded`` (raises if any of it fails): the
    slider's span and day, the day's states and tables, the timeline chart and the
    map component's base with the day's zone styles (cached: the map view reuses them)."""
    from dashboard.mapping import day_styles, page_base
    from geo.charts import gantt_chart

    first, last = span_of(loaded)
    day = min(max(default_day(loaded.dataset) or first, first), last)
    states_for(loaded, day)
    tables_for(loaded, day)
    first_rows = {item.id for item in loaded.dataset.lockdowns[:150]}  # as the Timeline tab
    gantt_chart(loaded.dataset, day, first_rows).to_dict()
    page_base(loaded)
    day_styles(loaded, day)


def try_load(source: str, load, *args, **kwargs) -> bool:
    """Run a loader, then :func:`rendered`; only if both succeed make it the current data,
    else record why. Never raises, so the app keeps running on what it had."""
    try:
        loaded = load(*args, **kwargs)
    except LockdownMapError as exc:
        st.session_state["load_failure"] = failure(source, exc)
        return False
    try:
        rendered(loaded)
    except LockdownMapError as exc:
        st.session_state["load_failure"] = failure(source, exc)
        return False
    except Exception as exc:  # a bug in drawing must not install data it cannot show
        st.session_state["load_failure"] = LoadFailure(
            source, f"it validated but could not be drawn ({type(exc).__name__}); "
                    "please report this with the file")
        return False
    st.session_state["loaded"] = loaded
    st.session_state["load_failure"] = None
    reset_day(loaded)
    return True


def current() -> Loaded | None:
    """The dataset on screen, loading the startup one on a session's first run.

    If the startup dataset fails, the seed data is shown and the failure reported;
    None only if even the seed data cannot be loaded.
    """
    if "loaded" not in st.session_state:
        path = startup_path(sys.argv[1:], os.environ)
        if not try_load(str(path), load_path, path) and path != SEED_DATASET:
            failed = st.session_state["load_failure"]
            try_load(str(SEED_DATASET), load_path, SEED_DATASET)
            st.session_state["load_failure"] = failed
    return st.session_state.get("loaded")


def span_of(loaded: Loaded) -> tuple[dt.date, dt.date]:
    """The slider's first and last day (computed once per dataset)."""
    return _span(loaded.key, loaded.dataset)


@st.cache_resource(max_entries=4, show_spinner=False)
def _span(key: str, _dataset: Dataset) -> tuple[dt.date, dt.date]:
    span = dataset_span(_dataset)
    if span is None:  # an empty dataset still gets a one-day slider
        today = dt.date.today()
        return today, shift_day(today, 1)
    if span[0] == span[1]:
        return span[0], shift_day(span[1], 1)
    return span


def reset_day(loaded: Loaded) -> None:
    """Open new data on a day when a lockdown is in force; forget the old zone choice."""
    first, last = span_of(loaded)
    day = default_day(loaded.dataset) or first
    st.session_state["selected_day"] = min(max(day, first), last)
    st.session_state["selected_zone"] = None
    for key in ("day_slider", "zone_pick", "_last_click"):
        st.session_state.pop(key, None)


def selected_day() -> dt.date:
    return st.session_state["selected_day"]


def set_day(day: dt.date, loaded: Loaded) -> None:
    """Move to ``day`` (clamped to the data's span), keeping the slider in step."""
    first, last = span_of(loaded)
    day = min(max(day, first), last)
    st.session_state["selected_day"] = day
    st.session_state["day_slider"] = day


@st.cache_resource(max_entries=16, show_spinner=False)
def _tables(key: str, day: dt.date, _dataset: Dataset) -> dict[str, pd.DataFrame]:
    return {"lockdowns": lockdowns_table(_dataset, day),
            "measures": measures_table(_dataset, day)}


@st.cache_resource(max_entries=4, show_spinner=False)
def _static_tables(key: str, _dataset: Dataset) -> dict[str, pd.DataFrame]:
    return {"incidents": incidents_table(_dataset)}


def tables_for(loaded: Loaded, day: dt.date) -> dict[str, pd.DataFrame]:
    """Lockdowns and measures (status on ``day``) and incidents; read-only frames."""
    return {**_tables(loaded.key, day, loaded.dataset),
            **_static_tables(loaded.key, loaded.dataset)}


@st.cache_resource(max_entries=256, show_spinner=False)
def _states(key: str, day: dt.date, _dataset: Dataset) -> dict[str, ZoneState]:
    return {state.lockdown: state for state in states_on(_dataset, day)}


def states_for(loaded: Loaded, day: dt.date) -> dict[str, ZoneState]:
    """Each lockdown's state on ``day`` by lockdown id, in dataset order (read-only)."""
    return _states(loaded.key, day, loaded.dataset)


@st.cache_resource(max_entries=4, show_spinner=False)
def _zone_names(key: str, _dataset: Dataset) -> dict[str, str]:
    return {item.id: _dataset.place(item.zone).name for item in _dataset.lockdowns}


def zone_names(loaded: Loaded) -> dict[str, str]:
    """Lockdown id → zone name, in dataset order (read-only)."""
    return _zone_names(loaded.key, loaded.dataset)


@st.cache_resource(max_entries=2, show_spinner="Drawing the merged dataset…")
def _preview_map(key: str, day: dt.date, _dataset: Dataset) -> str:
    from geo.maps.builder import build_map

    return build_map(_dataset, build_layers(_dataset), day).get_root().render()


def preview_map_html(dataset: Dataset, day: dt.date) -> str:
    """The whole map page of a not-yet-saved dataset on ``day`` (the Add view's preview),
    keyed by the hash of its canonical text."""
    from geo.dataset import dumps_dataset

    key = text_key(dumps_dataset(dataset))
    return _preview_map(key, day, dataset)
