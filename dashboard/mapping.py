"""The one place the dashboard meets its map: folium builds it, a small component shows it.

The base map (boundaries, places, incidents, and a store of every zone's
geometry and popup) is built once per dataset and rendered once to folium's
page pieces. The ``daymap`` component (``dashboard/daymap/``, plain HTML/JS)
receives those pieces only when its frame does not hold them yet (it says
which base it holds in its value), creates the Leaflet map and one layer of
every zone once, and on every rerun after that receives only the day's styles
(a class per zone and, per class, its style and status text: a few KB) and
restyles the zones in place. The map is never re-created, nothing is
re-projected, zoom and pan stay; a click on a zone comes back as the
component's value.

The previous path, :func:`show_map_st_folium` (``st_folium`` with the day's
layer as ``feature_group_to_add``), is kept for ``bench/bench_dashboard.py``,
which measures both in one run. Its notes:

The base map (boundaries, places, incidents, and a store of every zone's
geometry and popup) is built once per dataset and session; each day only a
small zone layer changes (row indexes into that store, and the status text)
and is sent as ``feature_group_to_add`` under a fixed ``key``.
streamlit-folium then updates the layer inside the live Leaflet map instead of
re-mounting the iframe, so the map never goes blank and keeps the user's zoom
and pan.

Why the base is kept per session and not in ``st.cache_resource``:
``st_folium`` adds the feature group to the map it is given as a child (and
renames the map's elements). On a shared cached map the next rerun's script
would include the old group, change the component's hash and re-mount it
empty, and two sessions would change one map at once. We keep one base per
session and take the group off again after each call, so the map script, and
with it the component, stays the same.

Why the base is *frozen* (:func:`freeze`): ``st_folium`` re-renders the map it
is given on every call — it walks every element for its script, computes the
bounds of every GeoJSON coordinate in Python and renders the whole page — which
was most of a rerun although nothing in the base changes. Once settled, the
base's layers are replaced by one element that holds their generated script,
bounds and asset links, so each call only re-reads that text. :func:`freeze`
checks that streamlit-folium produces the very same script and asset links
from the frozen map and otherwise leaves the map as it was (correct, slower).
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import gc
import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import streamlit as st
import streamlit.components.v1 as components
import streamlit_folium
from folium.elements import ElementAddToElement, JSCSSMixin
from streamlit_folium import generate_leaflet_string, st_folium

from dashboard.state import Loaded, layers_for, settle_memory, states_for
from geo.maps import base_map, use_inline_assets
from geo.maps.assets import walk
from geo.maps.raw import SCRIPT_MACRO, store_var
from geo.maps.zones import (
    ZoneRow,
    add_zone_store,
    day_zone_layer,
    day_zone_styles,
    zone_rows,
)

MAP_KEY = "zone_map"
MAP_HEIGHT = 640
# Only clicks on zones matter to the app: pans and zooms then cause no reruns.
RETURNED = ["last_active_drawing", "last_object_clicked"]


def settle(m: folium.Map) -> folium.Map:
    """Give ``m`` the element names streamlit-folium will give it, before it is first shown.

    st_folium renames every element on its first call (``geo_json_<random>`` →
    ``geo_json_div_4``), and each folium layer re-adds an "add to map" child under
    its current name on every render. Left alone, the second call's script differs
    from the first (a stale ``geo_json_<random>.addTo(...)``, a ReferenceError in
    the page) and the component is re-mounted on the first day change. Renaming
    once here and dropping those children makes every call produce the same script.
    """
    figure = m.get_root()
    initial = [set(part) for part in _page_parts(m)]
    figure.render()
    first = [dict(part) for part in _page_parts(m)]
    generate_leaflet_string(m)
    # Again under the final names: the page's header and body keep what this writes.
    figure.render()
    # What only the first render wrote is under the old names (a style for
    # "#map_<random>", ...): drop it.
    for part, had, written in zip(_page_parts(m), initial, first, strict=True):
        for name, child in written.items():
            if name not in had and part.get(name) is child:
                del part[name]
    for element in walk(m):
        for name, child in list(element._children.items()):
            if isinstance(child, ElementAddToElement):
                del element._children[name]
    return m


class FrozenLayers(JSCSSMixin):
    """A settled map's layers as one element: their script text, bounds and asset links.

    streamlit-folium reads a map through each element's ``script`` macro, its
    ``get_bounds()`` and the ``default_js``/``default_css`` of its JS/CSS elements;
    this element answers all three with what the layers gave once. Rendering it
    does nothing: the page (figure) already holds what the layers rendered.
    """

    _template = SCRIPT_MACRO

    def __init__(self, script: str, bounds: list, js: list, css: list):
        super().__init__()
        self._name = "FrozenLayers"
        self.text, self.bounds = script, bounds
        self.default_js, self.default_css = js, css

    def script_text(self) -> str:
        return self.text

    def render(self, **kwargs: Any) -> None:
        pass

    def _get_self_bounds(self) -> list:
        return self.bounds


def _links(elements: list) -> tuple[list, list]:
    js: list = []
    css: list = []
    for element in elements:
        if isinstance(element, JSCSSMixin):
            js += [link for link in element.default_js if link not in js]
            css += [link for link in element.default_css if link not in css]
    return js, css


def freeze(m: folium.Map) -> bool:
    """Replace the layers of a :func:`settle`-d map by one :class:`FrozenLayers`.

    Returns whether it did: if streamlit-folium would not produce the same script,
    bounds and asset links from the frozen map, the map is left unchanged.
    """
    full = generate_leaflet_string(m)
    head = generate_leaflet_string(m, nested=False)
    if not full.startswith(head + "\n") or not m._children:
        return False
    descendants = [e for e in walk(m) if e is not m]
    js, css = _links(descendants)
    bounds = m.get_bounds()
    before = list(m._children.items())
    frozen = FrozenLayers(full[len(head) + 1:], bounds, js, css)
    m._children.clear()
    m.add_child(frozen, name="frozen_layers")
    if (generate_leaflet_string(m) != full or m.get_bounds() != bounds
            or _links([frozen]) != (js, css)):
        m._children.clear()
        m._children.update(before)
        return False
    return True


@dataclass
class SessionBase:
    """One session's base map for one dataset, and the zone rows its store holds."""

    key: str
    map: folium.Map
    store_owner: folium.FeatureGroup
    rows: list[ZoneRow]
    frozen: bool


def map_with_store(loaded: Loaded) -> tuple[folium.Map, list[ZoneRow], folium.FeatureGroup]:
    """The base map of ``loaded`` (inline assets, no caption), the zone rows, and the
    element on the map that holds every row's geometry and popup in a store."""
    layers = layers_for(loaded)
    m = use_inline_assets(base_map(loaded.dataset, layers, with_caption=False))
    rows = zone_rows(loaded.dataset, layers.get("zones"))
    # Not drawn and not in the layer control: it only holds the zones' store.
    owner = folium.FeatureGroup(name="Lockdown zone store", control=False, show=False)
    owner.add_to(m)
    add_zone_store(loaded.dataset, rows, owner)
    return m, rows, owner


def build_base(loaded: Loaded) -> SessionBase:
    """The base map for ``loaded`` with every zone stored in it, settled and frozen."""
    m, rows, owner = map_with_store(loaded)
    settle(m)
    return SessionBase(loaded.key, m, owner, rows, freeze(m))


def _session_base(loaded: Loaded) -> SessionBase:
    """This session's base for ``loaded``, built on first use (or when the data changes)."""
    held = st.session_state.get("_base_map")
    if not isinstance(held, SessionBase) or held.key != loaded.key:
        held = build_base(loaded)
        st.session_state["_base_map"] = held
    return held


def day_layer(loaded: Loaded, day: dt.date, base: SessionBase | None = None,
              bands: dict[str, int] | None = None) -> folium.FeatureGroup:
    """The zones on ``day``, styled by status (filled by stringency band when ``bands``
    is given): indexes into the base map's zone store."""
    base = base or _session_base(loaded)
    return day_zone_layer(loaded.dataset, base.rows, day, base.store_owner,
                          states=states_for(loaded, day), bands=bands)


def _page_parts(m: folium.Map) -> list[dict]:
    figure = m.get_root()
    return [part._children for part in (figure.header, figure.html, figure.script)]


def show_map_st_folium(loaded: Loaded, day: dt.date, bands: dict[str, int] | None = None,
                       steps: object = None, follow: str | None = None) -> dict[str, Any]:
    """The previous path: draw the map for ``day`` with ``st_folium``; returns what
    streamlit-folium reports back (clicks). ``steps`` and ``follow`` are ignored: that
    map has no step of its own and waits for the server."""
    base = _session_base(loaded)
    m = base.map
    group = day_layer(loaded, day, base, bands)
    parts = _page_parts(m)
    known = [set(part) for part in parts]
    try:
        # render=False: the page was rendered once in settle(); the frozen base has
        # nothing new to render (streamlit-folium still renders the map and the group).
        return st_folium(m, key=MAP_KEY, feature_group_to_add=group, returned_objects=RETURNED,
                         height=MAP_HEIGHT, use_container_width=True,
                         render=not base.frozen) or {}
    finally:
        # st_folium attached the group to the base; detach it so the next rerun's
        # base script is identical and the component is updated, not re-mounted.
        for name, child in list(m._children.items()):
            if child is group:
                del m._children[name]
        # Rendering the group left its layers' text in the page under fresh names
        # each day; drop it so a long session does not keep every day it showed.
        for part, had in zip(parts, known, strict=True):
            for name in [n for n in part if n not in had]:
                del part[name]


def clicked_lockdown(result: dict[str, Any]) -> str | None:
    """The lockdown id of the zone last clicked on the map, if a zone was clicked
    (either path's value: the component's ``lockdown`` or streamlit-folium's drawing)."""
    value = result.get("lockdown")
    if value is None:
        drawing = result.get("last_active_drawing") or {}
        value = (drawing.get("properties") or {}).get("lockdown")
    return str(value) if value else None


# --- the day map component ------------------------------------------------------------

COMPONENT_DIR = Path(__file__).resolve().parent / "daymap"
@functools.cache
def _component() -> Any:
    # Declared on first use, which is always inside a script run: Streamlit registers
    # (and so serves) only a component declared there, and dashboard.serve imports this
    # module in a thread of its own, to build the base before the first visitor comes.
    return components.declare_component("daymap", path=str(COMPONENT_DIR))


# The frame's title in the page (Streamlit names it after the declaring module).
COMPONENT_TITLE = f"{__name__}.daymap"


@dataclass(frozen=True)
class PageBase:
    """A dataset's base map as the page pieces the component loads once, packed for the
    trip (:func:`pack`), the zone rows, and the JavaScript name of the zone store the
    pieces define. Only the packed form is kept: the server never reads the pieces
    again, and unpacked they are a second copy (4 MB at 1,000 lockdowns)."""

    key: str
    packed: str
    rows: list[ZoneRow]
    store: str


def pack(pieces: dict[str, Any]) -> str:
    """``pieces`` as base64 of gzip-compressed JSON, which the frame unpacks with the
    browser's own ``DecompressionStream``.

    The base is mostly popup HTML and coordinates and compresses about 7:1 (3.9 MB to
    0.57 MB at 1,000 lockdowns); sent as it is, its megabytes went through the
    websocket, Streamlit's message decoding, a JSON parse in the page and a copy
    into the frame before the map could start.
    """
    text = json.dumps(pieces, separators=(",", ":"), ensure_ascii=False)
    return base64.b64encode(gzip.compress(text.encode("utf-8"), 6, mtime=0)).decode("ascii")


def unpack(packed: str) -> dict[str, Any]:
    """The pieces :func:`pack` packed."""
    return json.loads(gzip.decompress(base64.b64decode(packed)).decode("utf-8"))


def page_pieces(m: folium.Map) -> dict[str, Any]:
    """folium's page for ``m`` in the pieces a frame assembles: asset links, header,
    html and the map script (the map named ``map_div``), as streamlit-folium makes them.

    Renders ``m`` once; its elements keep the names the script gives them.
    """
    m.get_root().render()
    html = streamlit_folium._get_html(m)
    header = streamlit_folium._get_header(m)
    script = streamlit_folium._get_map_string(m)
    js, css = _links(list(walk(m)))
    return {"header": header, "html": html, "script": script,
            "js_links": [url for _, url in js], "css_links": [url for _, url in css]}


def build_page_base(loaded: Loaded) -> PageBase:
    """The base map for ``loaded`` with every zone stored in it, as page pieces. The folium
    map itself is not kept: only its text and the name of its zone store."""
    m, rows, owner = map_with_store(loaded)
    pieces = page_pieces(m)
    if f"var {store_var(owner)} =" not in pieces["script"]:
        raise RuntimeError("the base map script does not define the zone store")
    return PageBase(loaded.key, pack(pieces), rows, store_var(owner))


@st.cache_resource(max_entries=4, show_spinner="Drawing the map…")
def _page_base(key: str, _loaded: Loaded) -> PageBase:
    # One per dataset, shared by every session: it is only read after this.
    base = build_page_base(_loaded)
    # The folium tree is garbage now, in cycles: collect it before freezing what stays.
    gc.collect()
    settle_memory()
    return base


def page_base(loaded: Loaded) -> PageBase:
    """The base map of ``loaded`` as page pieces (built once per dataset; read-only)."""
    return _page_base(loaded.key, loaded)


def day_styles(loaded: Loaded, day: dt.date,
               bands: dict[str, int] | None = None) -> dict[str, Any]:
    """The day's zone styles for the component (see :func:`geo.maps.zones.day_zone_styles`),
    filled by stringency band when ``bands`` is given."""
    band_key = None if bands is None else tuple(sorted(bands.items()))
    return _day_styles(loaded.key, day, band_key, loaded)


@st.cache_resource(max_entries=64, show_spinner=False)
def _day_styles(key: str, day: dt.date, band_key: tuple | None,
                _loaded: Loaded) -> dict[str, Any]:
    return day_zone_styles(_loaded.dataset, page_base(_loaded).rows, day,
                           states=states_for(_loaded, day),
                           bands=None if band_key is None else dict(band_key))


def map_key(loaded: Loaded) -> str:
    """The component's key: one frame per dataset (another dataset is a new map)."""
    return f"{MAP_KEY}_{loaded.key[:16]}"


def _day_args(loaded: Loaded, day: dt.date, bands: dict[str, int] | None) -> dict[str, Any]:
    key = day.isoformat() + ("/bands" if bands is not None else "")
    return {"iso": day.isoformat(), "key": key, "styles": day_styles(loaded, day, bands)}


def show_map(loaded: Loaded, day: dt.date, bands: dict[str, int] | None = None,
             steps: dict[str, tuple[dt.date, dict[str, int] | None]] | None = None,
             follow: str | None = None) -> dict[str, Any]:
    """Draw the map for ``day`` (fills by stringency band when ``bands`` is given); returns
    the component's value (the zone last clicked, the day stepped to on the map).

    ``steps`` gives the days one step back and forward (``{"back": (day, bands),
    "forward": ...}``) and any others the user may go to next: their styles go along,
    so the map's own step buttons and keys show the next day at once, before the server
    hears of it. ``follow`` is the key of the page's day slider: when it shows one of
    those days, so does the map, without waiting for the rerun.
    """
    base = page_base(loaded)
    key = map_key(loaded)
    held = st.session_state.get(key) or {}
    # The base's megabytes go only to a frame that does not hold them yet.
    packed = None if held.get("base") == base.key else base.packed
    shown = _day_args(loaded, day, bands)
    ahead = {name: _day_args(loaded, other, other_bands)
             for name, (other, other_bands) in (steps or {}).items()}
    value = _component()(base_key=base.key, base=packed, day=shown["styles"],
                         day_key=shown["key"], day_iso=shown["iso"], steps=ahead,
                         zones={"store": base.store}, follow=follow,
                         height=MAP_HEIGHT, key=key, default=None)
    return value or {}


def stepped_day(loaded: Loaded) -> dt.date | None:
    """The day the user stepped to with the map's own controls since the last run, once
    (read before the day control is drawn, so the slider follows the map). Each step
    comes with a token ("frame:count") that no other step, in any frame, shares."""
    value = st.session_state.get(map_key(loaded)) or {}
    moves, iso = value.get("moves"), value.get("day")
    if not moves or moves == st.session_state.get("_map_moves") or not isinstance(iso, str):
        return None
    st.session_state["_map_moves"] = moves
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None
