"""Small Leaflet controls and page snippets: an HTML box on the map, CSS, one-off scripts.

Text reaches the page as HTML-safe JSON (no ``<``, ``>``, ``&`` or ``'``
left), never spliced into JavaScript source, so a value can never end a
``<script>`` or a string early. The HTML itself must already be escaped.
"""

from __future__ import annotations

from branca.element import Figure

from geo.maps.raw import Raw, RawMacro, js_json


class HtmlControl(RawMacro):
    """A box of (already escaped) HTML in a corner of the map, e.g. the legend."""

    def __init__(self, html: str, *, position: str = "topright", css_class: str = "lm-box"):
        super().__init__()
        self._name = "HtmlControl"
        self.html = html
        self.position = position
        self.css_class = "leaflet-control " + css_class

    def script_text(self) -> str:
        name = self.get_name()
        return (f"var {name} = L.control({{position: {js_json(self.position)}}});\n"
                f"{name}.onAdd = function (map) {{\n"
                f"    var div = L.DomUtil.create('div', {js_json(self.css_class)});\n"
                f"    div.innerHTML = {js_json(self.html)};\n"
                "    L.DomEvent.disableClickPropagation(div);\n"
                "    L.DomEvent.disableScrollPropagation(div);\n"
                "    return div;\n};\n"
                f"{name}.addTo({self._parent.get_name()});\n")


class Css(RawMacro):
    """A stylesheet in the page header (once per name)."""

    def __init__(self, css: str, name: str = "lockdown_map_css"):
        super().__init__()
        self._name = name
        self.css = css

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        if isinstance(figure, Figure):
            figure.header.add_child(Raw(f"<style>{self.css}</style>"), name=self._name)


class Script(RawMacro):
    """A fixed piece of JavaScript run after the map exists; ``map`` names the map.

    ``values`` are passed as JSON in ``LM_ARGS`` so no data is spliced into code.
    """

    def __init__(self, code: str, values: dict | None = None):
        super().__init__()
        self._name = "Script"
        self.code = code
        self.values = values or {}

    def script_text(self) -> str:
        return (f"(function (map, LM_ARGS) {{\n{self.code}\n}})"
                f"({self._parent.get_name()}, {js_json(self.values)});\n")


MAP_CSS = """
.lm-box { background: rgba(255,255,255,0.94); padding: 8px 10px; border-radius: 6px;
  box-shadow: 0 1px 5px rgba(0,0,0,0.35); font: 13px/1.35 system-ui, -apple-system,
  "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", sans-serif; color: #222; }
.lm-legend { max-width: 240px; font-size: 12px; line-height: 1.25; padding: 6px 8px;
  max-height: calc(100vh - 40px); overflow-y: auto; }
.lm-legend h4, .lm-caption h4 { margin: 0 0 4px; font-size: 14px; }
.lm-legend h4 { font-size: 13px; margin: 0 0 2px; }
.lm-legend .lm-row { display: flex; align-items: center; margin: 1px 0; }
.lm-legend svg { flex: none; margin-right: 7px; }
.lm-caption { max-width: 420px; }
.lm-caption .lm-day { font-weight: 600; }
.lm-note { margin-top: 4px; padding: 4px 6px; background: #fff3cd; border: 1px solid #e0c36a;
  border-radius: 4px; }
.lm-popup { max-height: 340px; overflow-y: auto; font-size: 13px; line-height: 1.35;
  min-width: 260px; }
.lm-popup h4 { margin: 0 0 2px; font-size: 15px; }
.lm-popup h5 { margin: 8px 0 2px; font-size: 13px; }
.lm-popup .lm-aliases { color: #555; font-size: 12px; }
.lm-popup .lm-status { font-weight: 600; }
.lm-popup table { border-collapse: collapse; margin-top: 4px; }
.lm-popup th { text-align: left; padding: 1px 8px 1px 0; vertical-align: top;
  white-space: nowrap; }
.lm-popup ul { margin: 2px 0; padding-left: 18px; }
.lm-popup .lm-evidence { list-style: none; margin-left: -18px; }
.lm-popup .lm-lockdown { border-top: 1px solid #ccc; margin-top: 6px; padding-top: 2px; }
.lm-popup .lm-lockdown:has(.lm-now-in-force) { border-left: 4px solid #b2182b;
  padding-left: 6px; background: #fff4f2; }
.lm-popup .lm-under-note, .lm-popup .lm-reports-head { font-weight: 600; margin-top: 3px; }
.lm-popup .lm-history-count { color: #555; font-size: 12px; }
.lm-quote { margin: 3px 0 5px; padding: 3px 8px; border-left: 3px solid #999;
  background: #f6f6f6; font-style: italic; }
.lm-quote footer { font-style: normal; font-size: 11px; color: #555; }
.lm-oxcgrt { color: #555; font-size: 12px; }
.lm-town-label { background: transparent; border: none; box-shadow: none;
  font: 600 13px/1.1 system-ui, sans-serif; color: #1d1d1d; padding: 0 0 0 2px;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; }
.lm-town-label::before { display: none; }
.lm-town-label.lm-cn { color: #4a4a4a; font-weight: 500; font-style: italic; }
.lm-river-label { background: transparent; border: none; box-shadow: none;
  color: #1f5f99; font: italic 600 13px system-ui, sans-serif;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; }
.lm-river-label::before { display: none; }
.leaflet-control-attribution { font-size: 11px; }
.lm-credits { display: inline; }
.lm-credits > summary { display: inline; cursor: pointer; }
.lm-credits[open] { display: block; max-height: 30vh; overflow-y: auto; }
.lm-country-label { background: transparent; border: none; box-shadow: none;
  color: #6f6a5e; font: 600 15px/1 system-ui, sans-serif; letter-spacing: 0.25em;
  text-transform: uppercase; text-shadow: 0 0 3px #fff, 0 0 2px #fff; }
.lm-country-label::before { display: none; }
"""
