"""The day control for a span of years: a range to look at, a day slider over it, steps
of a day, a week or a month, jumps to the previous or next change, and play at a
chosen speed.

The day lives in ``st.session_state["selected_day"]`` (see :mod:`dashboard.state`);
the widgets here only move it. The range narrows the slider, never the data.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import state
from dashboard.state import Loaded
from geo.stepping import Step, change_days, next_change, previous_change, step

ONE_DAY = dt.timedelta(days=1)
# Seconds between two steps while playing, by label.
SPEEDS = {"slow (2 s a step)": 2.0, "normal (1 s)": 1.0, "fast (0.5 s)": 0.5,
          "fastest (0.25 s)": 0.25}
DEFAULT_SPEED = "normal (1 s)"
SLIDER_KEY = "day_slider"  # the map follows this widget (dashboard.mapping.show_map)


@st.cache_resource(max_entries=4, show_spinner=False)
def _changes(key: str, _loaded: Loaded) -> list[dt.date]:
    return change_days(_loaded.dataset)


def changes_of(loaded: Loaded) -> list[dt.date]:
    """The days on which a lockdown began, ended, eased or passed its announced end."""
    return _changes(loaded.key, loaded)


def view_range(loaded: Loaded) -> tuple[dt.date, dt.date]:
    """The chosen range inside the data's span (the whole span until one is chosen)."""
    first, last = state.span_of(loaded)
    chosen = st.session_state.get("day_range")
    if isinstance(chosen, (tuple, list)) and len(chosen) == 2:
        start, end = max(chosen[0], first), min(chosen[1], last)
        if start < end:
            return start, end
    return first, last


def go(loaded: Loaded, day: dt.date) -> None:
    """Show ``day``, kept inside the chosen range."""
    first, last = view_range(loaded)
    state.set_day(min(max(day, first), last), loaded)


def neighbours(loaded: Loaded, day: dt.date) -> dict[str, dt.date]:
    """The days one step (of the chosen unit) back and forward from ``day`` inside the
    range: what the map's own step buttons go to."""
    first, last = view_range(loaded)
    unit = st.session_state.get("day_step", Step.DAY.value)
    found = {"back": step(day, unit, -1), "forward": step(day, unit, 1)}
    return {name: other for name, other in found.items() if first <= other <= last}


def next_days(loaded: Loaded, day: dt.date) -> dict[str, dt.date]:
    """Where the day may go next: one step of the chosen unit (:func:`neighbours`) and
    the slider's own arrow keys, a day either side, inside the range."""
    first, last = view_range(loaded)
    days = {"day_back": day - ONE_DAY, "day_forward": day + ONE_DAY}
    found = neighbours(loaded, day)
    found.update({name: other for name, other in days.items()
                  if first <= other <= last and other not in found.values()})
    return found


def _step(loaded: Loaded, count: int) -> None:
    unit = st.session_state.get("day_step", Step.DAY.value)
    go(loaded, step(state.selected_day(), unit, count))


def _jump(loaded: Loaded, forward: bool) -> None:
    changes = changes_of(loaded)
    day = state.selected_day()
    target = next_change(changes, day) if forward else previous_change(changes, day)
    if target is not None:
        go(loaded, target)


def _slider_moved() -> None:
    st.session_state["selected_day"] = st.session_state["day_slider"]


def _range_chosen(loaded: Loaded) -> None:
    first, last = view_range(loaded)
    day = min(max(state.selected_day(), first), last)
    st.session_state["selected_day"] = day
    st.session_state.pop("day_slider", None)  # re-seeded inside the new range


def advance(loaded: Loaded) -> None:
    """One play step: the next step of the chosen unit, back to the range's start
    after its end."""
    first, last = view_range(loaded)
    unit = st.session_state.get("day_step", Step.DAY.value)
    day = step(state.selected_day(), unit, 1)
    state.set_day(first if day > last else day, loaded)


def play_seconds() -> float | None:
    """Seconds between play steps, or None when not playing."""
    if not st.session_state.get("playing"):
        return None
    return SPEEDS.get(st.session_state.get("play_speed", DEFAULT_SPEED), 1.0)


def play_controls() -> st.delta_generator.DeltaGenerator:
    """The play toggle and its speed (outside the map's fragment: they set its rerun);
    returns a third column of the same row for another map option."""
    toggle, speed, other = st.columns([1, 1, 2], vertical_alignment="bottom")
    toggle.toggle("▶ Play", key="playing",
                  help="Step through the range at the chosen speed and unit.")
    speed.selectbox("Play speed", list(SPEEDS), key="play_speed",
                    index=list(SPEEDS).index(DEFAULT_SPEED), label_visibility="collapsed")
    return other


def controls(loaded: Loaded) -> dt.date:
    """Draw the range, the slider and the step and jump buttons; returns the day shown."""
    span_first, span_last = state.span_of(loaded)
    chosen = st.session_state.get("day_range")
    if not (isinstance(chosen, (tuple, list)) and all(
            span_first <= d <= span_last for d in chosen)):
        st.session_state["day_range"] = (span_first, span_last)  # new data: its whole span
    if span_last - span_first > dt.timedelta(days=62):
        st.date_input("Range", min_value=span_first,
                      max_value=span_last, key="day_range", format="YYYY-MM-DD",
                      on_change=_range_chosen, args=(loaded,),
                      help="The slider covers this range; the map, tables and charts keep "
                           "all the data.")
    first, last = view_range(loaded)
    day = min(max(state.selected_day(), first), last)
    st.session_state["selected_day"] = day
    # The widget's own key is dropped whenever the map tab is not drawn; the day
    # lives in "selected_day" and the slider is re-seeded from it.
    if "day_slider" not in st.session_state or not first <= st.session_state["day_slider"] <= last:
        st.session_state["day_slider"] = day
    changes = changes_of(loaded)
    back_change, back, slider, forward, forward_change, unit = st.columns(
        [1, 1, 9, 1, 1, 2], vertical_alignment="bottom")
    back_change.button(":material/skip_previous:", key="change_back",
                       help="The previous change: a lockdown beginning, ending or easing",
                       on_click=_jump, args=(loaded, False),
                       disabled=previous_change(changes, day) is None, width="stretch")
    back.button("◀", key="day_back", help="One step back", on_click=_step,
                args=(loaded, -1), disabled=day <= first, width="stretch")
    slider.slider("Day", min_value=first, max_value=last, step=ONE_DAY, key=SLIDER_KEY,
                  format="YYYY-MM-DD", on_change=_slider_moved,
                  help="Status by the end of the day. Arrow keys move one day.")
    forward.button("▶", key="day_forward", help="One step forward", on_click=_step,
                   args=(loaded, 1), disabled=day >= last, width="stretch")
    forward_change.button(":material/skip_next:", key="change_forward",
                          help="The next change: a lockdown beginning, ending or easing",
                          on_click=_jump, args=(loaded, True),
                          disabled=next_change(changes, day) is None, width="stretch")
    unit.selectbox("Step", [s.value for s in Step], key="day_step",
                   format_func=lambda s: f"a {s}")
    return state.selected_day()
