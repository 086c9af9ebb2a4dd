"""Hand-made layers in the shape of ``geo.layers.build_layers`` for map tests.

Coordinates are approximate (good to a few km): enough to draw the founding case
(Kimhyongjik County on the Yalu, Hyesan upstream, Changbai and Badaogou across the
river) without depending on the gazetteer.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
from shapely.geometry import LineString, Point, Polygon, box

from geo.model import Dataset

CRS = "EPSG:4326"

KIMHYONGJIK = Polygon([(126.95, 41.42), (127.20, 41.36), (127.33, 41.41), (127.50, 41.44),
                       (127.62, 41.40), (127.60, 41.18), (127.35, 41.05), (127.05, 41.10),
                       (126.95, 41.42)])
YALU = LineString([(128.32, 41.46), (128.18, 41.41), (127.95, 41.43), (127.75, 41.50),
                   (127.55, 41.46), (127.33, 41.425), (127.15, 41.38), (126.95, 41.43),
                   (126.75, 41.30)])


def _context(rows: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    base = {"source": "test", "precision": 1}
    return gpd.GeoDataFrame([{**base, **r} for r in rows], geometry="geometry", crs=CRS)


def context_layers() -> dict[str, gpd.GeoDataFrame]:
    return {
        "countries": _context([
            {"id": "kp", "name": "North Korea", "kind": "country",
             "geometry": Polygon([(124.2, 37.7), (130.7, 37.7), (130.7, 42.3), (129.7, 42.45),
                                  (128.4, 41.48), (128.18, 41.41), (127.95, 41.43),
                                  (127.75, 41.50), (127.33, 41.425), (126.75, 41.30),
                                  (124.3, 39.9), (124.2, 37.7)])},
            {"id": "cn", "name": "China", "kind": "country",
             "geometry": Polygon([(124.3, 39.9), (126.75, 41.30), (127.33, 41.425),
                                  (127.75, 41.50), (127.95, 41.43), (128.18, 41.41),
                                  (128.4, 41.48), (129.7, 42.45), (130.7, 42.3),
                                  (130.7, 44.5), (123.0, 44.5), (123.0, 39.9), (124.3, 39.9)])},
        ]),
        "provinces": _context([
            {"id": "kp-ryanggang", "name": "Ryanggang Province", "kind": "province",
             "geometry": Polygon([(126.8, 41.32), (127.33, 41.425), (127.75, 41.50),
                                  (128.18, 41.41), (128.4, 41.48), (129.0, 41.9),
                                  (129.1, 40.9), (127.4, 40.7), (126.8, 41.32)])},
        ]),
        "counties": _context([
            {"id": "kp-kimhyongjik-county", "name": "Kimhyongjik County", "kind": "county",
             "approximate": True, "method": "hand-drawn test outline",
             "geometry": KIMHYONGJIK},
        ]),
        "border": _context([
            {"id": "cn-kp-border", "name": "Sino-North Korean border", "kind": "border",
             "geometry": LineString([(128.32, 41.465), (128.18, 41.415), (127.95, 41.435),
                                     (127.75, 41.505), (127.55, 41.465), (127.33, 41.43),
                                     (127.15, 41.385), (126.95, 41.435), (126.75, 41.305)])},
        ]),
        "rivers": _context([
            {"id": "yalu", "name": "Yalu River (Amnok)", "kind": "river", "geometry": YALU},
        ]),
        "places": _context([
            {"id": "kp-kimhyongjik-town", "name": "Kimhyongjik town", "kind": "town",
             "geometry": Point(127.33, 41.41)},
            {"id": "kp-hyesan", "name": "Hyesan", "kind": "city",
             "geometry": Point(128.18, 41.39)},
            {"id": "cn-changbai", "name": "Changbai", "kind": "town",
             "geometry": Point(128.20, 41.43)},
            {"id": "cn-badaogou", "name": "Badaogou", "kind": "town",
             "geometry": Point(127.33, 41.44)},
        ]),
    }


def layers_for(dataset: Dataset, zone_geometry: Polygon = KIMHYONGJIK,
               approximate: bool = True) -> dict[str, gpd.GeoDataFrame]:
    """Context plus zones and incidents for ``dataset``: every zone gets ``zone_geometry``
    (shifted per lockdown), every incident its place's centre."""
    from shapely import affinity

    layers = context_layers()
    zones = []
    for index, lockdown in enumerate(dataset.lockdowns):
        zones.append({
            "lockdown": lockdown.id, "zone": lockdown.zone,
            "name": dataset.place(lockdown.zone).name, "approximate": approximate,
            "method": "hand-drawn test outline" if approximate else "test boundary",
            "source": "test", "precision": 2,
            "geometry": affinity.translate(zone_geometry, xoff=index * 0.8),
        })
    layers["zones"] = gpd.GeoDataFrame(
        zones, geometry="geometry", crs=CRS,
        columns=["lockdown", "zone", "name", "approximate", "method", "source", "precision",
                 "geometry"])
    centre = zone_geometry.representative_point()
    incidents = [{
        "id": i.id, "kind": i.kind, "place": i.place, "name": dataset.place(i.place).name,
        "when": i.when.label(), "who": i.who, "description": i.description,
        "precision": int(i.precision), "geometry": centre,
    } for i in dataset.incidents]
    layers["incidents"] = gpd.GeoDataFrame(
        incidents, geometry="geometry", crs=CRS,
        columns=["id", "kind", "place", "name", "when", "who", "description", "precision",
                 "geometry"])
    return layers


def empty_frame() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"id": []}, geometry=[], crs=CRS)


__all__ = ["box", "context_layers", "empty_frame", "layers_for"]


# --- a dataset whose every text field carries script payloads -------------------------

MARKER = "LMXSS"
PAYLOAD = ("<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) "
           "${alert(4)} `x` </script><script>console.error('" + MARKER + "')</script>"
           "<img src=x onerror=\"console.error('" + MARKER + "')\">")

# Fields that are identifiers, references, enums or dates: the validator checks them.
_NOT_TEXT = {"id", "report", "zone", "place", "parent", "gazetteer", "trigger", "country",
             "kind", "code", "certainty", "on", "at", "language", "precision", "url",
             "quote"}


def _poison(value: Any, key: str | None = None, in_measure: bool = False) -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, k, in_measure or key == "measures") for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key, in_measure) for v in value]
    if isinstance(value, str) and key not in _NOT_TEXT and not (in_measure and key == "scope"):
        return value + " " + PAYLOAD
    return value


def poisoned_raw(raw: dict) -> dict:
    """``raw`` (the seed records) with PAYLOAD in every free-text field, quotes included:
    each quote gets the payload and the report's text gets the poisoned quotes, so every
    quote still occurs in its report."""
    out = _poison(raw)
    quotes: dict[str, set[str]] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if "report" in node and "quote" in node and isinstance(node["quote"], str):
                node["quote"] = node["quote"] + " " + PAYLOAD
                quotes.setdefault(node["report"], set()).add(node["quote"])
            for v in node.values():
                visit(v)
        elif isinstance(node, list):
            for v in node:
                visit(v)

    visit(out)
    for report in out["reports"]:
        extra = sorted(quotes.get(report["id"], ()))
        report["text"] = report["text"] + "\n" + "\n".join(extra) + "\n"
    return out


def poisoned_context(layers: dict[str, gpd.GeoDataFrame]) -> dict[str, gpd.GeoDataFrame]:
    """The context layers' names poisoned too (labels, river names)."""
    out = {}
    for key, frame in layers.items():
        frame = frame.copy()
        if "name" in frame.columns and key not in ("zones", "incidents"):
            frame["name"] = frame["name"].astype(str) + " " + PAYLOAD
        out[key] = frame
    return out
