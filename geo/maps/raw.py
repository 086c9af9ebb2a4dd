"""Page pieces that never pass through Jinja a second time.

folium's ``MacroElement.render`` wraps each rendered script in ``Element(text)``,
which compiles the text as a Jinja template. With data inside that is slow
(seconds for a few MB of GeoJSON) and unsafe: text such as ``{{ 7*7 }}`` in a
report would be evaluated when the page is written. Everything here that carries
data renders as plain text; data enters scripts only as JSON made HTML-safe.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

import orjson
from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement
from folium.map import Layer
from folium.template import Template, tojavascript
from folium.utilities import JsCode

# streamlit-folium builds its page from each element's ``script`` macro, not from
# render(): the macro hands it the same text, and it never compiles that text again.
SCRIPT_MACRO = Template(
    "{% macro script(this, kwargs) %}{{ this.script_text() or '' }}{% endmacro %}")


def _dumps(value: Any) -> str:
    try:  # orjson is ~10x faster on the megabytes of coordinates a big map carries
        return orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY).decode("utf-8")
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def js_json(value: Any) -> str:
    """JSON that is safe inside a <script>: no '<', '>', '&' or "'" characters left."""
    return (_dumps(value)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("'", "\\u0027").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class Raw(Element):
    """Text placed in the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class RawRender:
    """Render mixin: header and script text produced in Python, placed in the page as is.

    Put it first in the bases of any folium element (a control, a Layer) whose text
    carries data, so neither rendering path compiles that text as Jinja.
    """

    _template = SCRIPT_MACRO
    default_js: ClassVar[list[tuple[str, str]]] = []
    default_css: ClassVar[list[tuple[str, str]]] = []

    def header_text(self) -> str | None:
        return None

    def script_text(self) -> str | None:
        return None

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "render this element inside a Figure"
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        header = self.header_text()
        if header:
            figure.header.add_child(Raw(header), name=self.get_name())
        script = self.script_text()
        if script:
            figure.script.add_child(Raw(script), name=self.get_name())
        for element in list(self._children.values()):
            element.render(**kwargs)


class RawMacro(RawRender, MacroElement):
    """A MacroElement whose header/script text is produced in Python, not by Jinja."""


class HtmlStore(RawMacro):
    """Escaped HTML fragments stored once, as a JSON array named ``<parent>_s``.

    Popups repeat a lot (the same quotes, the same lockdown in four periods);
    features carry indexes into this array and the popup is joined when opened.
    """

    def __init__(self) -> None:
        super().__init__()
        self._name = "HtmlStore"
        self.items: list[str] = []
        self.lists: list[list[int]] = []  # popups as lists of item indexes
        self.rows: dict[str, list] = {}  # per-row columns (geometry, name, ...), see add_row
        self._index: dict[str, int] = {}
        self._geometry_index: dict[int, int] = {}

    def add(self, html: str) -> int:
        """The index of ``html`` in the store, adding it if new."""
        index = self._index.get(html)
        if index is None:
            index = self._index[html] = len(self.items)
            self.items.append(html)
        return index

    def add_parts(self, parts: list[str]) -> int:
        """Store a popup given as fragments; the index of its list of fragment indexes."""
        self.lists.append([self.add(part) for part in parts])
        return len(self.lists) - 1

    def add_row(self, parts: list[str], **columns: Any) -> int:
        """A popup (as :meth:`add_parts`) plus the row's values (:meth:`add_columns`)."""
        self.add_columns(**columns)
        return self.add_parts(parts)

    def add_columns(self, **columns: Any) -> None:
        """Per-row values under one-letter keys (``name`` as ``n``, ``lockdown`` as ``l``):
        a row's geometry is then written once however many layers and periods draw it.
        ``geometry`` goes to ``g`` once per distinct object, and ``k`` gives each row's
        index in ``g``: a county locked down again and again is written once."""
        for key, value in columns.items():
            if key == "geometry":
                found = self._geometry_index.get(id(value))
                if found is None:
                    found = self._geometry_index[id(value)] = len(self.rows.setdefault("g", []))
                    self.rows["g"].append(value)  # kept, so its id() stays its own
                self.rows.setdefault("k", []).append(found)
            else:
                self.rows.setdefault(key[0], []).append(value)

    def payload(self) -> dict[str, list]:
        return {"h": self.items, "r": self.lists, **self.rows}

    def var(self) -> str:
        return store_var(self._parent)

    def script_text(self) -> str:
        return f"var {self.var()} = {js_json(self.payload())};\n"


def store_var(owner: Element) -> str:
    """The JavaScript name of the HtmlStore held by ``owner`` (resolved at render time)."""
    return owner.get_name() + "_s"


class VectorLayer(RawRender, Layer):
    """A GeoJSON layer with one style for all its features (``L.geoJson``), rendered raw.

    ``options`` are Leaflet options (style dict, ...); a ``marker`` dict draws points
    as circle markers with those options; ``bind`` is the body of an onEachFeature
    function in which ``STORE`` names the HtmlStore of ``store_owner``.
    """

    factory = "L.geoJson"

    def __init__(self, data: dict, *, name: str | None = None, options: dict | None = None,
                 marker: dict | None = None, bind: str | None = None,
                 store_owner: Element | None = None, overlay: bool = True,
                 control: bool = True, show: bool = True):
        super().__init__(name=name, overlay=overlay, control=control, show=show)
        self._name = "VectorLayer"
        self.data = data
        self.options = dict(options or {})
        self.marker = marker
        self.bind = bind
        self.store_owner = store_owner
        self.store: HtmlStore | None = None  # a store of the layer's own, if any

    def script_text(self) -> str:
        name = self.get_name()
        options = dict(self.options)
        if self.marker is not None:
            options["point_to_layer"] = JsCode(
                "function (feature, latlng) { return L.circleMarker(latlng, "
                + tojavascript(self.marker) + "); }")
        script = ""
        store = "null"
        if self.store is not None:
            store = name + "_s"
            script += f"var {store} = {js_json(self.store.payload())};\n"
        elif self.store_owner is not None:
            store = store_var(self.store_owner)
        if self.bind:
            options["on_each_feature"] = JsCode(
                "function (feature, layer) {\n    var STORE = " + store + ";\n"
                + self.bind + "\n}")
        script += (f"var {name} = {self.factory}({js_json(self.data)}, "
                   f"{tojavascript(options)});\n")
        if self.show:
            script += f"{name}.addTo({self._parent.get_name()});\n"
        return script

    def _get_self_bounds(self) -> list:
        from folium.utilities import get_bounds

        return get_bounds(self.data, lonlat=True)
