"""Which dataset the dashboard shows, and the per-dataset values it caches.

All Streamlit caching lives here and in :mod:`dashboard.mapping`: ``geo``
stays pure. A dataset is identified by the SHA-256 of its text, so caches are
keyed by a short string and never hash a large object.

Loading never replaces good data with bad: a dataset that fails validation
(or cannot be mapped) is reported as a list of problems while the app keeps
showing the data it had.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.dataset import SEED_DATASET, decode_dataset, loads_dataset, read_dataset_text
from geo.errors import DatasetError, LockdownMapError, Problem
from geo.layers import build_layers
from geo.model import Dataset
from geo.tables import incidents_table, lockdowns_table, measures_table
from geo.timeline import ZoneState, dataset_span, default_day, states_on

ENV_VAR = "LOCKDOWN_MAP_DATASET"


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


def startup_path(argv: Sequence[str], environ: Mapping[str, str]) -> Path:
    """The dataset named by ``--dataset PATH`` after ``--``, else $LOCKDOWN_MAP_DATASET, else
    the seed data."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--dataset")
    known, _ = parser.parse_known_args(list(argv))
    chosen = known.dataset or environ.get(ENV_VAR)
    return Path(chosen) if chosen else SEED_DATASET


@st.cache_resource(max_entries=8, show_spinner=False)
def _parse(key: str, _text: str, source: str) -> Dataset:
    # Keyed by the text's hash: the same file loaded twice is validated once.
    return loads_dataset(_text, source)


@st.cache_resource(max_entries=4, show_spinner="Building the map layers…")
def _layers(key: str, _dataset: Dataset) -> dict[str, gpd.GeoDataFrame]:
    return build_layers(_dataset)


def layers_for(loaded: Loaded) -> dict[str, gpd.GeoDataFrame]:
    """The map layers of ``loaded`` (built once per dataset; treat as read-only)."""
    return _layers(loaded.key, loaded.dataset)


def load_text(text: str, source: str) -> Loaded:
    """Validate ``text`` and build its layers; raises LockdownMapError if either fails."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    loaded = Loaded(_parse(key, text, source), key, source)
    layers_for(loaded)  # a dataset whose places cannot be mapped is rejected here
    return loaded


def load_path(path: Path) -> Loaded:
    return load_text(read_dataset_text(path), str(path))


def load_upload(name: str, data: bytes) -> Loaded:
    return load_text(decode_dataset(data, name), name)


def failure(source: str, exc: LockdownMapError) -> LoadFailure:
    if isinstance(exc, DatasetError):
        count = len(exc.problems)
        return LoadFailure(source, f"{count} problem{'s' if count != 1 else ''} in {source}",
                           tuple(exc.problems))
    return LoadFailure(source, str(exc))


def try_load(source: str, load, *args) -> bool:
    """Run a loader; on success make it the current data, else record why. Never raises
    the project's errors, so the app keeps running on what it had."""
    try:
        loaded = load(*args)
    except LockdownMapError as exc:
        st.session_state["load_failure"] = failure(source, exc)
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
        return today, today + dt.timedelta(days=1)
    if span[0] == span[1]:
        return span[0], span[1] + dt.timedelta(days=1)
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

    key = hashlib.sha256(dumps_dataset(dataset).encode("utf-8")).hexdigest()
    return _preview_map(key, day, dataset)
