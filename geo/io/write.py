"""The layers as files: which fields each layer carries, and the format chosen by suffix.

``.gpkg`` — every layer in one GeoPackage, styled for QGIS (:mod:`geo.io.gpkg`);
``.zip`` — every layer as its own GeoJSON FeatureCollection;
``.geojson`` / ``.json`` — one layer, named with ``layer``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd

from geo.atomic import check_writable
from geo.errors import ExportError
from geo.io.fields import incident_fields, zone_fields
from geo.io.geojson import write_geojson, write_geojson_zip
from geo.io.gpkg import write_gpkg
from geo.model import Dataset

FORMATS = {".gpkg": "GeoPackage, every layer", ".zip": "zip of one GeoJSON per layer",
           ".geojson": "GeoJSON, one layer", ".json": "GeoJSON, one layer"}

LAYER_DESCRIPTIONS = {
    "zones": "Lockdown zones, one row per lockdown: ordered, in force from, announced end and "
             "actual end as DATE fields with certainty and precision; status on status_on; "
             "period_start / period_end (DATETIME) for QGIS's Temporal Controller",
    "incidents": "Incidents as the reports tell them; event_date (DATE), event_at "
                 "(DATETIME), certainty and ACLED time precision",
    "places": "Gazetteer towns and villages (GeoNames CC BY 4.0); population null where unknown",
    "countries": "Country outlines (DCW, public domain)",
    "provinces": "Province outlines (Natural Earth, public domain)",
    "regions": "Neighbouring region outline (DCW)",
    "counties": "Ryanggang counties: APPROXIMATE Voronoi cells of the county seats",
    "border": "China-North Korea border (DCW)",
    "rivers": "Yalu (Amnok) river line, derived from the border west of Mount Paektu",
}


def file_layers(dataset: Dataset, layers: dict[str, gpd.GeoDataFrame],
                day: dt.date | dt.datetime) -> dict[str, gpd.GeoDataFrame]:
    """The layers with the fields files carry: zones dated and with their status on ``day``,
    incidents with real date fields."""
    result = dict(layers)
    if "zones" in result:
        result["zones"] = zone_fields(dataset, result["zones"], day)
    if "incidents" in result:
        result["incidents"] = incident_fields(dataset, result["incidents"])
    return result


def check_layer_output(path: str | Path, layer: str | None,
                       names: list[str] | tuple[str, ...]) -> Path:
    """Fail before any work if ``path`` has no known suffix or ``layer`` does not fit it."""
    path = check_writable(path)
    suffix = path.suffix.lower()
    known = ", ".join(f"{s} ({what})" for s, what in FORMATS.items())
    if suffix not in FORMATS:
        raise ExportError(f"{path}: unknown file type {suffix or '(no suffix)'!r}; use {known}")
    if suffix in (".geojson", ".json"):
        if layer is None:
            raise ExportError(f"{path}: a GeoJSON file holds one layer; choose one with "
                              f"--layer (one of {', '.join(names)}), or write a .zip of them all")
    elif layer is not None:
        raise ExportError(f"{path}: --layer is for .geojson files; a {suffix} file holds "
                          "every layer")
    if layer is not None and layer not in names:
        raise ExportError(f"no layer {layer!r}; the layers are {', '.join(names)}")
    return path


def write_layers(dataset: Dataset, layers: dict[str, gpd.GeoDataFrame], path: str | Path,
                 day: dt.date | dt.datetime, layer: str | None = None) -> Path:
    """Write the layers (status on ``day``) to ``path`` in the format its suffix names."""
    path = check_layer_output(path, layer, list(layers))
    frames = file_layers(dataset, layers, day)
    suffix = path.suffix.lower()
    if suffix == ".gpkg":
        return write_gpkg(frames, path, LAYER_DESCRIPTIONS)
    if suffix == ".zip":
        return write_geojson_zip(frames, path)
    return write_geojson(frames[layer], path)
