"""The public map API: a whole map for a day, or a base map plus the day's zones.

``build_map`` is ``base_map``'s content plus ``zone_layer`` for the day, the
time slider and the caption. The dashboard builds the base once and passes
``zone_layer(...)`` to ``st_folium(..., feature_group_to_add=...)`` so changing
the day does not rebuild the map.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import folium
from folium.map import FitBounds
from folium.plugins import Fullscreen

from geo.maps.assets import trim_assets
from geo.maps.basemap import add_country_labels, add_land, add_online_tiles, new_map
from geo.maps.context import TOWN_KINDS, add_context
from geo.maps.controls import MAP_CSS, Css, Script
from geo.maps.incidents import incident_layer
from geo.maps.legend import caption, legend
from geo.maps.popups import e
from geo.maps.reader import FIT_MAX_ZOOM, add_reader_support
from geo.maps.share import ShareHash
from geo.maps.timeline import add_timeline
from geo.maps.zones import in_span, zone_layer_from_rows, zone_rows
from geo.model import Dataset
from geo.timeline import dataset_span, default_day, parse_moment

# Where the founding case is, for a dataset with nothing to fit the view to.
DEFAULT_CENTRE = (41.45, 127.75)
CREDITS_INLINE = 4  # outlets named inline in the attribution; more fold
Day = dt.date | dt.datetime | str | None


def resolve_day(dataset: Dataset, day: Day) -> dt.date | dt.datetime | None:
    """A date, a datetime, 'YYYY-MM-DD' text (DateInputError if not), or None for the default."""
    if day is None:
        return default_day(dataset)
    if isinstance(day, str):
        moment = parse_moment(day)
        return moment.date() if len(day.strip()) == 10 else moment
    return day


def _bounds(dataset: Dataset, layers: dict[str, Any]) -> list[list[float]] | None:
    """The zones, incidents and the dataset's own towns, with a margin: the area of interest."""
    boxes = []
    for key in ("zones", "incidents"):
        frame = layers.get(key)
        if frame is not None and len(frame):
            boxes.append(frame.total_bounds)
    places = layers.get("places")
    if places is not None and len(places):
        named = {p.id for p in dataset.places}
        mine = places[places["id"].isin(named) & places["kind"].astype(str).isin(TOWN_KINDS)]
        if len(mine):
            boxes.append(mine.total_bounds)
    if not boxes:
        return None
    west = min(b[0] for b in boxes)
    south = min(b[1] for b in boxes)
    east = max(b[2] for b in boxes)
    north = max(b[3] for b in boxes)
    pad_x = max((east - west) * 0.08, 0.05)
    pad_y = max((north - south) * 0.08, 0.05)
    return [[south - pad_y, west - pad_x], [north + pad_y, east + pad_x]]


def _scale(bounds: list[list[float]] | None) -> tuple[float, float] | None:
    """Degrees per pixel (x, y) the fitted view will roughly have in a laptop window, for
    placing labels; Leaflet snaps to the next whole zoom out, hence the margin."""
    if not bounds:
        return None
    (south, west), (north, east) = bounds
    x = (east - west) / 900 * 1.6
    return x, x * math.cos(math.radians((south + north) / 2))


def outlet_credits(outlets: list[str]) -> str:
    """The outlets quoted, for the attribution: a few inline; more (the record quotes 30)
    folded behind "Report text: N outlets", so the credits do not cover the map."""
    names = ", ".join(e(o) for o in outlets)
    if len(outlets) <= CREDITS_INLINE:
        return names + " (report text)"
    return (f"<details class='lm-credits'><summary>Report text: {len(outlets)} outlets"
            f"</summary>{names}</details>")


def _base(dataset: Dataset, layers: dict[str, Any]) -> folium.Map:
    bounds = _bounds(dataset, layers)
    centre = DEFAULT_CENTRE
    if bounds:
        centre = ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)
    m = new_map(centre)
    if bounds:
        # First and not animated, so every layer is projected once, at the final view (an
        # animated fit ends a frame later and redraws all 1,000 zones: 0.13 s). Room for
        # the caption (top left), the legend (top right) and the slider (bottom).
        fit = FitBounds(bounds, padding_top_left=(20, 110), padding_bottom_right=(290, 110),
                        max_zoom=FIT_MAX_ZOOM)
        fit.options["animate"] = False
        fit.add_to(m)
    trim_assets(m)
    Css(MAP_CSS).add_to(m)
    add_land(m, layers)
    add_country_labels(m, layers, bounds)
    add_online_tiles(m)
    add_context(m, layers, {place.id for place in dataset.places}, _scale(bounds))
    outlets = sorted({report.outlet for report in dataset.reports if report.outlet})
    if outlets:
        Script("map.attributionControl.addAttribution(LM_ARGS.text);",
               {"text": outlet_credits(outlets)}).add_to(m)
    incident_layer(dataset, layers.get("incidents")).add_to(m)
    legend().add_to(m)
    Fullscreen(position="topleft", title="Full screen", title_cancel="Leave full screen"
               ).add_to(m)
    add_reader_support(m, bounds)
    return m


def base_map(dataset: Dataset, layers: dict[str, Any], *,
             with_caption: bool = True) -> folium.Map:
    """Everything that does not depend on the day: basemap, context, incidents, legend,
    scale bar, full screen, attribution and a layer control.

    ``with_caption=False`` leaves out the caption naming the dataset and the day, for
    an app that shows both itself beside the map (and wants the map's room).
    """
    m = _base(dataset, layers)
    if with_caption:
        caption(dataset, None).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return m


def day_note(dataset: Dataset, day: dt.date | dt.datetime | None) -> str | None:
    """Why no zone is drawn for ``day``, or None when there is something to show."""
    if not dataset.lockdowns:
        return "This dataset has no lockdowns yet: nothing to show."
    span = dataset_span(dataset)
    if day is None or span is None:
        return "No day to show."
    if not in_span(dataset, day):
        return (f"{_day_of(day).isoformat()} is outside the data, which covers "
                f"{span[0].isoformat()} to {span[1].isoformat()}: no zones are drawn.")
    return None


def _day_of(day: dt.date | dt.datetime) -> dt.date:
    return day.date() if isinstance(day, dt.datetime) else day


def zone_layer(dataset: Dataset, layers: dict[str, Any], day: Day) -> folium.FeatureGroup:
    """The lockdown zones styled for ``day`` (empty outside the data), as one FeatureGroup."""
    moment = resolve_day(dataset, day)
    rows = zone_rows(dataset, layers.get("zones"))
    if moment is None or day_note(dataset, moment) is not None:
        rows = []
    return zone_layer_from_rows(dataset, rows, moment or dt.date.today(),
                                name="Lockdown zones")


def build_map(dataset: Dataset, layers: dict[str, Any], day: Day, *,
              span: tuple[dt.date, dt.date] | None = None) -> folium.Map:
    """The whole map for ``day``: basemap, context, zones, incidents, legend, time slider,
    layer control, scale bar, full screen and attribution.

    The slider plays ``span`` (first and last day, inside the data's; default the whole
    span), so a file exported from a chosen range plays that range.

    A day outside the data, or a dataset without lockdowns, gives a map with no
    zones and a visible note saying why.
    """
    moment = resolve_day(dataset, day)
    note = day_note(dataset, moment)
    m = _base(dataset, layers)
    shown = _day_of(moment) if moment is not None else None
    caption(dataset, shown, note).add_to(m)

    zones = folium.FeatureGroup(name="Lockdown zones").add_to(m)
    rows = zone_rows(dataset, layers.get("zones"))
    still = zone_layer_from_rows(dataset, rows, moment or dt.date.today(),
                                 name="Zones on the day shown", draw=note is None)
    still.control = False
    still.add_to(zones)
    whole = dataset_span(dataset)
    if whole is not None and span is not None:
        first, last = max(span[0], whole[0]), min(span[1], whole[1])
        whole = (first, last) if first < last else whole
    if whole is not None and rows:
        slider = add_timeline(m, dataset, rows, whole, shown or whole[0], zones, still)
        if slider is not None:
            ShareHash(slider, sorted({row.lockdown.id for row in rows}), whole).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return m
