"""The whole span, playable day by day inside the exported file.

Each zone gets one feature per run of days with the same status, carrying
``start``/``end`` (UTC midnight, in ms, both inclusive) for leaflet.timeline;
one ``Timeline`` per style class keeps styling a plain layer option. The
popups' long common part is stored once per lockdown and the period's status
put into it when opened, so a zone with four periods does not carry four copies.

On load the slider stands on the day shown and the static layer for that day
is visible; the first move of the slider builds the timeline layers and swaps
them in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import folium
from folium.plugins import TimelineSlider
from folium.utilities import JsCode

from geo.maps.assets import TIMELINE_JS
from geo.maps.popups import status_text
from geo.maps.raw import HtmlStore, RawMacro, js_json
from geo.maps.styles import STATUS_ORDER, StyleClass
from geo.maps.zones import ZoneClassLayer, ZoneRow, status_runs
from geo.model import Dataset
from geo.timeline import last_word

DAY_MS = 86_400_000

# The slider label in UTC, so the day shown never shifts with the viewer's time zone.
FORMAT_DAY = JsCode("function (ms) { return new Date(ms).toISOString().slice(0, 10); }")


def day_ms(day: dt.date) -> int:
    """UTC midnight of ``day`` in milliseconds since the epoch."""
    return (day - dt.date(1970, 1, 1)).days * DAY_MS


class TimelineSync(RawMacro):
    """Put the slider on the day shown; on its first move build the timelines and swap
    the static layer for them; keep the caption's day in step with the slider.

    Building 1,000 zones' timelines (and the slider's first update of them) took
    ~0.4 s of a 10,000-point page's load, for a layer nobody sees until the slider
    moves; the slider's ticks and prev/next steps come from ``times`` meanwhile.
    """

    def __init__(self, slider: TimelineSlider, group: folium.FeatureGroup,
                 still: folium.FeatureGroup, timelines: list[ZoneClassLayer], start: int,
                 times: list[int]):
        super().__init__()
        self._name = "TimelineSync"
        self.slider, self.group, self.still = slider, group, still
        self.timelines, self.start, self.times = timelines, start, times

    def script_text(self) -> str:
        makers = ", ".join(t.maker_name() for t in self.timelines)
        return f"""(function () {{
    var slider = {self.slider.get_name()};
    var group = {self.group.get_name()};
    var still = {self.still.get_name()};
    var makers = [{makers}], timelines = [];
    var times = {js_json(self.times)};
    var input = slider._timeSlider;
    if (input) {{ input.step = {DAY_MS}; }}
    slider._getTimes = function () {{ return times.slice(); }};
    if (slider.options.showTicks) {{ slider._rebuildDataList(); }}
    slider.setTime({int(self.start)});
    window.lmTime = {int(self.start)};  // the day of the zone histories' statuses
    var moved = false;
    function update() {{
        window.lmTime = slider.time;
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
    function build() {{
        if (timelines.length || !makers.length) {{ return; }}
        timelines = makers.map(function (make) {{ return make(); }});
        timelines[0].on('change', update);
        timelines.forEach(function (t) {{ slider.timelines.push(t); }});
    }}
    ['_setTime', 'prev', 'next', 'play'].forEach(function (method) {{
        var original = slider[method];
        slider[method] = function () {{ build(); return original.apply(this, arguments); }};
    }});
}})();
"""


def _add_runs(still: folium.FeatureGroup, runs: list[list[list[int]]]) -> None:
    """Give the store of ``still`` each row's runs of status (``u``) and the status texts
    and keys they index (``w``, ``y``): a zone's history popup shows each lockdown's status
    on the slider's day."""
    store = next(c for c in still._children.values() if isinstance(c, HtmlStore))
    store.rows["u"] = runs  # per row
    store.rows["w"] = [status_text(status, None) for status in STATUS_ORDER]  # per status
    store.rows["y"] = [StyleClass(status, False).key for status in STATUS_ORDER]


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
    # Per style class: row indexes and each period's first and last day (ms).
    classes: dict[StyleClass, tuple[list[int], list[int], list[int]]] = defaultdict(
        lambda: ([], [], []))
    runs: list[list[list[int]]] = []  # per row: [first ms, last ms, status], for popups
    for index, row in enumerate(rows):
        runs.append([])
        for status, start, end in status_runs(row.lockdown, first, last,
                                              last_word(dataset, row.lockdown)):
            rows_, starts, ends = classes[StyleClass(status, row.approximate)]
            rows_.append(index)
            starts.append(day_ms(start))
            ends.append(day_ms(end))
            runs[-1].append([day_ms(start), day_ms(end), STATUS_ORDER.index(status)])
    _add_runs(still, runs)
    timelines = []
    for status in reversed(STATUS_ORDER):
        for approximate in (False, True):
            style_class = StyleClass(status, approximate)
            if style_class not in classes:
                continue
            rows_, starts, ends = classes[style_class]
            text = status_text(status, None)
            # Built when the slider first moves: the day's layer is drawn until then.
            timeline = ZoneClassLayer(rows_, style_class, still, status=text, tip=text,
                                      starts=starts, ends=ends, lazy=True)
            timeline.default_js = [TIMELINE_JS]
            timeline.add_to(group)
            timelines.append(timeline)
    days = (last - first).days
    slider = TimelineSlider(auto_play=False, start=day_ms(first), end=day_ms(last),
                            show_ticks=True, enable_keyboard_controls=True, steps=max(days, 1),
                            playback_duration=max(days, 1) * 400, position="bottomleft")
    slider.default_js = [TIMELINE_JS]
    slider.options["format_output"] = FORMAT_DAY  # instead of moment.js, in UTC
    slider.add_to(m)
    start = day_ms(min(max(day, first), last))
    times = sorted({t for layer in timelines for t in (*layer.starts, *layer.ends)})
    TimelineSync(slider, group, still, timelines, start, times).add_to(m)
    return slider
