"""The whole span, playable day by day inside the exported file.

Each zone gets one feature per run of days with the same status, carrying
``start``/``end`` (UTC midnight, in ms, both inclusive) for leaflet.timeline;
one ``Timeline`` per style class keeps styling a plain layer option. The
popups' long common part is stored once per lockdown and the period's status
put into it when opened, so a zone with four periods does not carry four copies.

On load the slider stands on the day shown and the static layer for that day
is visible; the first move of the slider swaps it for the timeline layers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import folium
from folium.plugins import TimelineSlider
from folium.utilities import JsCode

from geo.maps.assets import TIMELINE_JS
from geo.maps.geojson import feature_collection
from geo.maps.popups import status_text, zone_tooltip
from geo.maps.raw import RawMacro, TimelineLayer
from geo.maps.styles import STATUS_ORDER, StyleClass
from geo.maps.zones import BIND, ZoneRow, status_runs
from geo.model import Dataset

DAY_MS = 86_400_000

# The slider label in UTC, so the day shown never shifts with the viewer's time zone.
FORMAT_DAY = JsCode("function (ms) { return new Date(ms).toISOString().slice(0, 10); }")


def day_ms(day: dt.date) -> int:
    """UTC midnight of ``day`` in milliseconds since the epoch."""
    return (day - dt.date(1970, 1, 1)).days * DAY_MS


class TimelineSync(RawMacro):
    """Put the slider on the day shown; on its first move swap the static layer for the
    timelines; keep the caption's day in step with the slider."""

    def __init__(self, slider: TimelineSlider, group: folium.FeatureGroup,
                 still: folium.FeatureGroup, timelines: list[TimelineLayer], start: int):
        super().__init__()
        self._name = "TimelineSync"
        self.slider, self.group, self.still = slider, group, still
        self.timelines, self.start = timelines, start

    def script_text(self) -> str:
        names = ", ".join(t.get_name() for t in self.timelines)
        return f"""(function () {{
    var slider = {self.slider.get_name()};
    var group = {self.group.get_name()};
    var still = {self.still.get_name()};
    var timelines = [{names}];
    var input = slider._timeSlider;
    if (input) {{ input.step = {DAY_MS}; }}
    timelines.forEach(function (t) {{ group.removeLayer(t); }});
    slider.setTime({int(self.start)});
    var moved = false;
    function update() {{
        var day = new Date(slider.time).toISOString().slice(0, 10);
        document.querySelectorAll('.lm-day').forEach(function (el) {{
            el.textContent = day; el.setAttribute('data-day', day);
        }});
        if (!moved) {{
            moved = true;
            group.removeLayer(still);
            timelines.forEach(function (t) {{ group.addLayer(t); }});
        }}
    }}
    if (timelines.length) {{ timelines[0].on('change', update); }}
}})();
"""


def add_timeline(m: folium.Map, dataset: Dataset, rows: list[ZoneRow],
                 span: tuple[dt.date, dt.date], day: dt.date,
                 group: folium.FeatureGroup, still: folium.FeatureGroup) -> TimelineSlider | None:
    """Timelines for every zone over ``span`` inside ``group``, a slider on ``m``.

    ``still`` is the day's zone group built from the same ``rows``: its popup store
    (one entry per row, with a status slot) serves the timelines too.
    """
    if not rows:
        return None
    first, last = span
    classes: dict[StyleClass, list[tuple[dict, dict]]] = defaultdict(list)
    for index, row in enumerate(rows):
        for status, start, end in status_runs(row.lockdown, first, last):
            period = (f"{start.isoformat()} to {end.isoformat()}" if start != end
                      else start.isoformat())
            props = {
                "start": day_ms(start), "end": day_ms(end), "i": index,
                "s": status_text(status, None) + f" <span class='lm-period'>({period})</span>",
                "t": zone_tooltip(row.name, status, None, row.approximate),
                "lockdown": row.lockdown.id,
            }
            classes[StyleClass(status, row.approximate)].append((row.geometry, props))
    timelines = []
    for status in reversed(STATUS_ORDER):
        for approximate in (False, True):
            style_class = StyleClass(status, approximate)
            items = classes.get(style_class)
            if not items:
                continue
            timeline = TimelineLayer(
                feature_collection([g for g, _ in items], [p for _, p in items]),
                name=style_class.key, control=False, options={"style": style_class.style()},
                bind=BIND, store_owner=still)
            timeline.default_js = [TIMELINE_JS]
            timeline.add_to(group)
            timelines.append(timeline)
    days = (last - first).days
    slider = TimelineSlider(auto_play=False, start=day_ms(first), end=day_ms(last),
                            show_ticks=True, enable_keyboard_controls=True, steps=max(days, 1),
                            playback_duration=max(days, 1) * 400, position="bottomleft")
    slider.default_js = [TIMELINE_JS]
    slider.options["format_output"] = FORMAT_DAY  # instead of moment.js, in UTC
    slider.add_timelines(*timelines)
    slider.add_to(m)
    start = day_ms(min(max(day, first), last))
    TimelineSync(slider, group, still, timelines, start).add_to(m)
    return slider
