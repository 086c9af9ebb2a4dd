"""The timeline chart: each zone's lockdown period as a Gantt bar, incidents as points.

Pure: a Dataset and a day in, an Altair chart out (no Streamlit). The bars
follow :func:`geo.timeline.status_of`, so the chart and the map agree: solid
while in force, faded once the announced end has passed without a report of
the lifting, or after the last report of a lockdown with no end. A lockdown is
drawn from the first day a report says it was in force: one whose start no
report gives has no bar before that, one known only from its lifting none at all.
"""

from __future__ import annotations

import datetime as dt
import re

import altair as alt
import pandas as pd

from geo.model import Dataset
from geo.timeline import (
    ZoneStatus,
    announced_end_at,
    dataset_span,
    in_force_from,
    last_word,
    lifted_at,
    reported_until,
    shift_day,
)

IN_FORCE = ZoneStatus.IN_FORCE.value
UNCONFIRMED = ZoneStatus.END_PASSED_UNCONFIRMED.value
NO_LATER_REPORT = ZoneStatus.NO_LATER_REPORT.value
FADED = (UNCONFIRMED, NO_LATER_REPORT)
STATUS_COLOURS = {IN_FORCE: "#c62828", UNCONFIRMED: "#ef6c00", NO_LATER_REPORT: "#a1887f"}
# Mid-tones readable on Streamlit's light (#ffffff) and dark (#0e1117) backgrounds alike:
# the app follows the reader's system theme (tests/test_about.py checks the contrast).
INCIDENT_COLOUR = "#ab47bc"
DAY_COLOUR = "#1e88e5"
ROW_HEIGHT = 24
MIN_HEIGHT = 150


# Line terminators and controls in a row label end the line inside the Vega expression
# that sorts the rows (Vega's parser rejects U+2028 in a string): the Timeline goes blank.
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def row_label(zone: str, lockdown: str) -> str:
    """The label of a lockdown's row: safe inside a Vega expression, on one line."""
    return _BREAKS.sub(" ", f"{zone} ({lockdown})")


def _iso(moment: dt.datetime) -> str:
    # Always with a time: Vega parses a bare date as UTC but a date-time as local time.
    return moment.isoformat(timespec="minutes")


def periods_frame(dataset: Dataset, lockdown_ids: set[str] | None = None) -> pd.DataFrame:
    """One row per bar: lockdown, zone, segment status, start, end, whether the end is open."""
    span = dataset_span(dataset)
    if span is None:
        return pd.DataFrame(columns=["lockdown", "zone", "status", "start", "end", "open_end"])
    horizon = dt.datetime.combine(span[1], dt.time(23, 59))
    rows = []
    for lockdown in dataset.lockdowns:
        if lockdown_ids is not None and lockdown.id not in lockdown_ids:
            continue
        zone = dataset.place(lockdown.zone).name
        start = in_force_from(lockdown)
        if start is None:
            continue  # never reported in force: nothing to draw
        lifted = lifted_at(lockdown)
        announced = announced_end_at(lockdown, horizon).on
        announced_end = (dt.datetime.combine(announced, dt.time(23, 59))
                         if announced else None)
        silent = None  # the end of the last report of a lockdown with no end
        if lifted is None and announced_end is None:
            silent = reported_until(lockdown, last_word(dataset, lockdown), start)
        in_force_until = min(x for x in (lifted, announced_end, silent, horizon)
                             if x is not None)
        rows.append((lockdown.id, zone, IN_FORCE, start, in_force_until, silent is not None))
        if announced_end is not None and (lifted is None or lifted > announced_end):
            rows.append((lockdown.id, zone, UNCONFIRMED, announced_end, lifted or horizon,
                         lifted is None))
        if silent is not None and silent < horizon:
            rows.append((lockdown.id, zone, NO_LATER_REPORT, silent, horizon, True))
    frame = pd.DataFrame(rows, columns=["lockdown", "zone", "status", "start", "end", "open_end"])
    frame["start"] = frame["start"].map(_iso)
    frame["end"] = frame["end"].map(_iso)
    return frame


def incidents_frame(dataset: Dataset, lockdown_ids: set[str] | None = None) -> pd.DataFrame:
    """Incidents with a known date, placed on the row of the lockdown of their place."""
    row_of = {lockdown.zone: lockdown.id for lockdown in dataset.lockdowns
              if lockdown_ids is None or lockdown.id in lockdown_ids}
    rows = []
    for incident in dataset.incidents:
        if incident.when.on is None or incident.place not in row_of:
            continue
        moment = dt.datetime.combine(incident.when.on, incident.when.at or dt.time(12, 0))
        rows.append((row_of[incident.place], dataset.place(incident.place).name, incident.id,
                     incident.kind.replace("_", " "), _iso(moment), incident.description))
    return pd.DataFrame(rows, columns=["lockdown", "zone", "incident", "kind", "when",
                                       "description"])


def gantt_chart(dataset: Dataset, day: dt.date, lockdown_ids: set[str] | None = None,
                width: int | str = "container") -> alt.LayerChart:
    """Bars per lockdown (in force solid, unconfirmed tail faded), incidents, the day marked."""
    periods = periods_frame(dataset, lockdown_ids)
    incidents = incidents_frame(dataset, lockdown_ids)
    order = list(dict.fromkeys(periods["lockdown"]))
    labels = {row.lockdown: row_label(row.zone, row.lockdown) for row in periods.itertuples()}
    periods["row"] = periods["lockdown"].map(labels)
    incidents["row"] = incidents["lockdown"].map(labels)
    y = alt.Y("row:N", sort=[labels[i] for i in order], title=None,
              axis=alt.Axis(labelLimit=320))
    colour = alt.Color("status:N", title="Status",
                       scale=alt.Scale(domain=list(STATUS_COLOURS),
                                       range=list(STATUS_COLOURS.values())),
                       legend=alt.Legend(orient="bottom", labelLimit=400))
    # The unconfirmed tail: a faded fill inside a full outline, so it reads as uncertain
    # yet stays visible on a light or a dark background.
    outline = alt.Stroke("status:N", scale=alt.Scale(domain=list(STATUS_COLOURS),
                                                     range=list(STATUS_COLOURS.values())),
                         legend=None)
    bars = alt.Chart(periods).mark_bar(height=ROW_HEIGHT * 0.6, strokeWidth=1.5).encode(
        x=alt.X("start:T", title=None), x2="end:T", y=y, color=colour, stroke=outline,
        fillOpacity=alt.condition(alt.FieldOneOfPredicate(field="status", oneOf=list(FADED)),
                                  alt.value(0.35), alt.value(1.0)),
        tooltip=[alt.Tooltip("zone:N"), alt.Tooltip("status:N"),
                 alt.Tooltip("start:T", format="%Y-%m-%d %H:%M"),
                 alt.Tooltip("end:T", format="%Y-%m-%d %H:%M"),
                 alt.Tooltip("open_end:N", title="end not reported")])
    points = alt.Chart(incidents).mark_point(shape="diamond", size=80, filled=True,
                                             color=INCIDENT_COLOUR).encode(
        x="when:T", y=y,
        tooltip=[alt.Tooltip("kind:N"), alt.Tooltip("when:T", format="%Y-%m-%d %H:%M"),
                 alt.Tooltip("description:N")])
    start = dt.datetime.combine(day, dt.time(0, 0))
    end = dt.datetime.combine(shift_day(day, 1), dt.time(0, 0))
    marker = pd.DataFrame([{"start": _iso(start), "end": _iso(end),
                            "label": f"selected day {day.isoformat()}"}])
    # Drawn over the bars, in a colour no bar uses, so the day shows even inside a bar.
    band = alt.Chart(marker).mark_rect(color=DAY_COLOUR, opacity=0.3).encode(
        x="start:T", x2="end:T", tooltip=["label:N"])
    rule = alt.Chart(marker).mark_rule(color=DAY_COLOUR, strokeWidth=2,
                                       strokeDash=[4, 2]).encode(x="end:T")
    # Streamlit clips a very short chart (and its day marker and legend with it).
    height = max(ROW_HEIGHT * len(order), MIN_HEIGHT)
    return alt.layer(bars, points, band, rule).properties(width=width, height=height)
