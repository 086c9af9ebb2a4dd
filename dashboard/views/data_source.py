"""The sidebar: which dataset is shown, loading another, and why a load failed."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import state
from dashboard.state import Loaded, LoadFailure
from dashboard.text import md
from geo.dataset import SEED_DATASET
from geo.errors import MAX_LISTED


def show_failure(failure: LoadFailure, still_showing: Loaded | None) -> None:
    """The reason a dataset was not loaded, each problem as a readable line."""
    kept = f" Still showing: {md(still_showing.source)}." if still_showing else ""
    st.error(f"Could not load this dataset: {md(failure.message)}.{kept}",
             icon=":material/error:")
    if failure.problems:
        lines = []
        for problem in failure.problems[:MAX_LISTED]:
            where = md(problem.record) + (f", field `{md(problem.field)}`" if problem.field
                                          else "")
            got = f" (got {md(problem.got)})" if problem.value is not None else ""
            lines.append(f"1. **{where}**: {md(problem.message)}{got}. "
                         f"*Fix:* {md(problem.fix)}")
        if len(failure.problems) > MAX_LISTED:
            more = len(failure.problems) - MAX_LISTED
            lines.append(f"1. … and {more} more; fix these and validate again")
        with st.container(key="load_problems"):
            st.markdown("\n".join(lines))


def _load_upload() -> None:
    upload = st.session_state.get("dataset_upload")
    if upload is not None:
        state.try_load(upload.name, state.load_upload, upload.name, upload.getvalue())


def _load_path() -> None:
    text = st.session_state.get("dataset_path", "").strip()
    if text:
        path = Path(text).expanduser()
        # Only a regular .yaml/.yml file under the upload cap is read; a file without a
        # 'dataset:' block is "not a Lockdown Map dataset" and none of it is quoted.
        state.try_load(str(path), state.load_path, path, require_suffix=True)


def _load_seed() -> None:
    state.try_load(str(SEED_DATASET), state.load_path, SEED_DATASET)


def show(loaded: Loaded | None) -> None:
    """Draw the data source controls in the sidebar."""
    with st.sidebar:
        st.header("Data", anchor=False)
        if loaded is not None:
            info = loaded.dataset.info
            st.markdown(f"**{md(info.name)}**  \nversion {md(info.version)}")
            st.caption(f"{len(loaded.dataset.reports)} reports · {len(loaded.dataset.places)} "
                       f"places · {len(loaded.dataset.lockdowns)} lockdowns · "
                       f"{len(loaded.dataset.incidents)} incidents  \nfrom {md(loaded.source)}")
        st.file_uploader("Load a dataset (YAML)", type=["yaml", "yml"], key="dataset_upload",
                         on_change=_load_upload,
                         help="Checked before use: if it has problems they are listed and "
                              "the current data stays on screen.")
        st.text_input("…or a dataset file on this machine", key="dataset_path",
                      placeholder="/path/to/lockdowns.yaml", on_change=_load_path)
        st.button("Back to the seed data", on_click=_load_seed, key="load_seed")
