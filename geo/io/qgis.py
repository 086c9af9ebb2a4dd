"""QGIS styles (QML, plus an SLD for other readers) drawn from the map's own styles.

Every colour, width and dash comes from :mod:`geo.maps.styles`, so a GeoPackage
opened in QGIS looks like the exported map. Widths stay in pixels (QGIS's
``Pixel`` unit), as Leaflet draws them. The zones' style colours each zone by
its status: the ``status`` field (the chosen day) when the map is still, and,
while QGIS's Temporal Controller plays, the status at the end of each frame
worked out from the ``period_*`` and ``end_passed_after`` fields
(:mod:`geo.io.fields`). The QML also switches the layer's temporal properties
on (start ``period_start``, end ``period_end``), so nothing has to be set by hand.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from geo.maps.styles import (
    BORDER_STYLE,
    COUNTY_STYLE,
    INCIDENT_STYLE,
    LAND,
    LAND_OTHER,
    PROVINCE_STYLE,
    RIVER_STYLE,
    STATUS_ORDER,
    TOWN_STYLE,
    zone_style,
)

QGIS_VERSION = "3.28.0-Firenze"  # the oldest QGIS LTR whose QML this follows (Debian 12 has 3.22)
COUNTRY_OUTLINE = "#8c8372"  # as geo.maps.basemap draws the land
REGION_STYLE: dict[str, object] = {"color": "#8c8372", "weight": 1, "opacity": 0.6, "fill": False}

# The status as geo.timeline.status_of gives it at the frame's last instant (the app's
# "by the end of that day"; QGIS frames exclude their end); the stored day's when still.
STATUS_EXPRESSION = """CASE WHEN @map_end_time IS NULL THEN "status" ELSE
with_variable('t', @map_end_time - to_interval('1 second'), CASE
 WHEN "period_end" IS NOT NULL AND @t >= "period_end" THEN 'lifted'
 WHEN "period_start" IS NULL OR @t < "period_start" THEN CASE
  WHEN "start_reported" OR ("may_apply_from" IS NOT NULL AND @t < "may_apply_from")
   THEN 'not yet in force'
  ELSE 'start not reported' END
 WHEN "end_passed_after" IS NOT NULL AND @t > "end_passed_after"
  THEN 'announced end passed, lifting unconfirmed'
 WHEN "end_passed_after" IS NULL AND @t > "reported_until"
  THEN 'in force when last reported; no later report'
 ELSE 'in force'
END) END"""


@dataclass(frozen=True)
class Symbol:
    """One Leaflet-style symbol: a polygon fill, a line or a circle marker."""

    kind: str  # "fill", "line" or "marker"
    stroke: str
    width: float  # px
    opacity: float = 1.0
    fill: str | None = None
    fill_opacity: float = 0.0
    dash: str | None = None  # Leaflet dashArray, px
    radius: float = 0.0  # px, markers only

    @classmethod
    def from_leaflet(cls, kind: str, style: dict[str, object]) -> Symbol:
        filled = style.get("fill", True) is not False and "fillColor" in style
        return cls(kind=kind, stroke=str(style.get("color", "#000000")),
                   width=float(style.get("weight", 1)), opacity=float(style.get("opacity", 1)),
                   fill=str(style["fillColor"]) if filled else None,
                   fill_opacity=float(style.get("fillOpacity", 0.2)) if filled else 0.0,
                   dash=str(style["dashArray"]) if style.get("dashArray") else None,
                   radius=float(style.get("radius", 0)))


@dataclass(frozen=True)
class Rule:
    """A class of features: its legend label, a QGIS filter and the same as field = value."""

    label: str
    symbol: Symbol
    expression: str | None = None
    equals: tuple[tuple[str, object], ...] = ()  # for the SLD: (field, value) pairs, all must hold


@dataclass(frozen=True)
class LayerStyle:
    """How one layer is drawn, and what makes QGIS animate it."""

    rules: tuple[Rule, ...]
    description: str
    label_field: str | None = None
    temporal: tuple[str, str] | None = None  # (start field, end field)


def _zone_rules() -> tuple[Rule, ...]:
    rules = []
    for status in STATUS_ORDER:
        for approximate in (False, True):
            label = status.value[0].upper() + status.value[1:]
            if approximate:
                label += " (approximate outline)"
            yes = "" if approximate else "NOT "
            rules.append(Rule(
                label, Symbol.from_leaflet("fill", zone_style(status, approximate)),
                f"({STATUS_EXPRESSION}) = '{status.value}' AND {yes}\"approximate\"",
                (("status", status.value), ("approximate", int(approximate)))))
    return tuple(rules)


def _one(label: str, kind: str, style: dict[str, object]) -> tuple[Rule, ...]:
    return (Rule(label, Symbol.from_leaflet(kind, style)),)


def layer_styles() -> dict[str, LayerStyle]:
    """The style of each layer the project writes, keyed by layer name."""
    land = {"color": COUNTRY_OUTLINE, "weight": 1, "fillOpacity": 1.0}
    return {
        "zones": LayerStyle(_zone_rules(), "Lockdown zones coloured by status; dashed where "
                            "the outline is approximate", temporal=("period_start", "period_end")),
        "incidents": LayerStyle(_one("Incident", "marker", INCIDENT_STYLE), "Incidents",
                                temporal=("event_at", "event_at")),
        "places": LayerStyle(_one("Town", "marker", TOWN_STYLE), "Towns", label_field="name"),
        "rivers": LayerStyle(_one("River", "line", RIVER_STYLE), "Rivers"),
        "border": LayerStyle(_one("Border", "line", BORDER_STYLE), "China-North Korea border"),
        "counties": LayerStyle(_one("County", "fill", COUNTY_STYLE), "County outlines"),
        "provinces": LayerStyle(_one("Province", "fill", PROVINCE_STYLE), "Province outlines"),
        "regions": LayerStyle(_one("Region", "fill", REGION_STYLE), "Region outlines"),
        "countries": LayerStyle((
            Rule("North Korea", Symbol.from_leaflet("fill", {**land, "fillColor": LAND}),
                 "\"id\" = 'kp'", (("id", "kp"),)),
            Rule("Neighbouring countries",
                 Symbol.from_leaflet("fill", {**land, "fillColor": LAND_OTHER}),
                 "\"id\" <> 'kp'"),
        ), "Countries"),
    }


def _rgba(colour: str, opacity: float) -> str:
    value = colour.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"{red},{green},{blue},{round(opacity * 255)}"


def _symbol_props(symbol: Symbol) -> tuple[str, dict[str, str]]:
    dash = {"use_custom_dash": "1" if symbol.dash else "0",
            "customdash": ";".join(symbol.dash.split()) if symbol.dash else "5;2",
            "customdash_unit": "Pixel"}
    if symbol.kind == "line":
        return "SimpleLine", {"line_color": _rgba(symbol.stroke, symbol.opacity),
                              "line_width": f"{symbol.width:g}", "line_width_unit": "Pixel",
                              "line_style": "solid", "capstyle": "round", "joinstyle": "round",
                              **dash}
    outline = {"outline_color": _rgba(symbol.stroke, symbol.opacity),
               "outline_width": f"{symbol.width:g}", "outline_width_unit": "Pixel",
               "outline_style": "dash" if symbol.dash else "solid"}
    fill = _rgba(symbol.fill or symbol.stroke, symbol.fill_opacity if symbol.fill else 0)
    if symbol.kind == "marker":
        return "SimpleMarker", {"name": "circle", "color": fill, "size": f"{2 * symbol.radius:g}",
                                "size_unit": "Pixel", **outline}
    return "SimpleFill", {"color": fill, "style": "solid" if symbol.fill else "no", **outline}


def _symbol_element(symbol: Symbol, name: str) -> ET.Element:
    element = ET.Element("symbol", {"type": symbol.kind, "name": name, "alpha": "1",
                                    "clip_to_extent": "1", "force_rhr": "0"})
    layer_class, props = _symbol_props(symbol)
    layer = ET.SubElement(element, "layer", {"class": layer_class, "enabled": "1", "pass": "0",
                                             "locked": "0"})
    # QGIS ≥ 3.26 reads the Option map, older releases the prop list: write both.
    options = ET.SubElement(layer, "Option", {"type": "Map"})
    for key, value in props.items():
        ET.SubElement(options, "Option", {"name": key, "type": "QString", "value": value})
    for key, value in props.items():
        ET.SubElement(layer, "prop", {"k": key, "v": value})
    return element


_GEOMETRY_TYPE = {"marker": "0", "line": "1", "fill": "2"}


def qml(style: LayerStyle) -> str:
    """The layer's QGIS style document (a .qml file's text)."""
    root = ET.Element("qgis", {"version": QGIS_VERSION,
                               "styleCategories": "Symbology|Labeling|Temporal",
                               "labelsEnabled": "1" if style.label_field else "0"})
    if style.temporal:
        start, end = style.temporal
        instant = start == end
        # mode 1: an instant from one field; mode 2: start and end fields (a null end is open).
        temporal = ET.SubElement(root, "temporal", {
            "enabled": "1", "mode": "1" if instant else "2", "startField": start,
            "endField": "" if instant else end, "durationField": "", "durationUnit": "min",
            "fixedDuration": "0", "accumulate": "0", "limitMode": "0",
            "startExpression": "", "endExpression": ""})
        fixed = ET.SubElement(temporal, "fixedRange")
        ET.SubElement(fixed, "start")
        ET.SubElement(fixed, "end")
    renderer = ET.SubElement(root, "renderer-v2", {
        "type": "RuleRenderer", "forceraster": "0", "symbollevels": "0", "enableorderby": "0"})
    rules = ET.SubElement(renderer, "rules", {"key": "root"})
    symbols = ET.SubElement(renderer, "symbols")
    for number, rule in enumerate(style.rules):
        attributes = {"key": f"rule-{number}", "label": rule.label, "symbol": str(number)}
        if rule.expression:
            attributes["filter"] = rule.expression
        ET.SubElement(rules, "rule", attributes)
        symbols.append(_symbol_element(rule.symbol, str(number)))
    if style.label_field:
        labeling = ET.SubElement(root, "labeling", {"type": "simple"})
        settings = ET.SubElement(labeling, "settings", {"calloutType": "simple"})
        ET.SubElement(settings, "text-style", {
            "fieldName": style.label_field, "isExpression": "0", "fontSize": "8",
            "fontSizeUnit": "Point", "textColor": "51,51,51,255", "namedStyle": "Regular"})
        ET.SubElement(settings, "text-buffer", {"bufferDraw": "1", "bufferSize": "0.8",
                                                "bufferColor": "255,255,255,255"})
        ET.SubElement(settings, "placement", {"placement": "6", "dist": "1"})
    geometry = ET.SubElement(root, "layerGeometryType")
    geometry.text = _GEOMETRY_TYPE[style.rules[0].symbol.kind]
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body


_SLD = "http://www.opengis.net/sld"
_OGC = "http://www.opengis.net/ogc"
_SE = "http://www.opengis.net/se"


def sld(layer: str, style: LayerStyle) -> str:
    """The same style as OGC SLD 1.1 (the stored day's status; SLD has no animation)."""
    ET.register_namespace("", _SLD)
    ET.register_namespace("ogc", _OGC)
    ET.register_namespace("se", _SE)
    root = ET.Element(f"{{{_SLD}}}StyledLayerDescriptor", {"version": "1.1.0"})
    named = ET.SubElement(root, f"{{{_SLD}}}NamedLayer")
    ET.SubElement(named, f"{{{_SE}}}Name").text = layer
    user = ET.SubElement(named, f"{{{_SLD}}}UserStyle")
    ET.SubElement(user, f"{{{_SE}}}Name").text = layer
    feature_style = ET.SubElement(user, f"{{{_SE}}}FeatureTypeStyle")
    for rule in style.rules:
        element = ET.SubElement(feature_style, f"{{{_SE}}}Rule")
        ET.SubElement(element, f"{{{_SE}}}Name").text = rule.label
        if rule.equals:
            parent = ET.SubElement(element, f"{{{_OGC}}}Filter")
            if len(rule.equals) > 1:
                parent = ET.SubElement(parent, f"{{{_OGC}}}And")
            for field, value in rule.equals:
                equal = ET.SubElement(parent, f"{{{_OGC}}}PropertyIsEqualTo")
                ET.SubElement(equal, f"{{{_OGC}}}PropertyName").text = field
                ET.SubElement(equal, f"{{{_OGC}}}Literal").text = str(value)
        elif rule.expression:  # the catch-all rule after the specific ones
            ET.SubElement(element, f"{{{_SE}}}ElseFilter")
        element.append(_sld_symbolizer(rule.symbol))
    return ET.tostring(root, encoding="unicode", xml_declaration=False)


def _css(parent: ET.Element, tag: str, values: dict[str, str]) -> None:
    holder = ET.SubElement(parent, f"{{{_SE}}}{tag}")
    for name, value in values.items():
        ET.SubElement(holder, f"{{{_SE}}}SvgParameter", {"name": name}).text = value


def _sld_symbolizer(symbol: Symbol) -> ET.Element:
    stroke = {"stroke": symbol.stroke, "stroke-opacity": f"{symbol.opacity:g}",
              "stroke-width": f"{symbol.width:g}"}
    if symbol.dash:
        stroke["stroke-dasharray"] = symbol.dash
    fill = {"fill": symbol.fill or "#000000", "fill-opacity": f"{symbol.fill_opacity:g}"}
    if symbol.kind == "line":
        element = ET.Element(f"{{{_SE}}}LineSymbolizer")
        _css(element, "Stroke", stroke)
        return element
    if symbol.kind == "marker":
        element = ET.Element(f"{{{_SE}}}PointSymbolizer")
        graphic = ET.SubElement(element, f"{{{_SE}}}Graphic")
        mark = ET.SubElement(graphic, f"{{{_SE}}}Mark")
        ET.SubElement(mark, f"{{{_SE}}}WellKnownName").text = "circle"
        _css(mark, "Fill", fill)
        _css(mark, "Stroke", stroke)
        ET.SubElement(graphic, f"{{{_SE}}}Size").text = f"{2 * symbol.radius:g}"
        return element
    element = ET.Element(f"{{{_SE}}}PolygonSymbolizer")
    if symbol.fill:
        _css(element, "Fill", fill)
    _css(element, "Stroke", stroke)
    return element
