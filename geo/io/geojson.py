"""GeoJSON as RFC 7946 wants it: one FeatureCollection per layer, WGS 84, exterior rings
counter-clockwise (holes clockwise), and dates as ISO 8601 strings.

Several layers go into one zip, a ``<layer>.geojson`` each: a FeatureCollection
mixing countries, rivers and incidents is a file no GIS opens as intended.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.atomic import write_with

CRS = "EPSG:4326"


def _iso(value: object) -> object:
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy and pandas scalars
        return value.item()
    return value


def feature_collection(frame: gpd.GeoDataFrame) -> dict[str, object]:
    """One layer as an RFC 7946 FeatureCollection (a plain dict, ready for json.dumps)."""
    if frame.crs is not None and not frame.crs.equals(CRS):
        frame = frame.to_crs(CRS)
    geometries = shapely.orient_polygons(frame.geometry.values, exterior_cw=False)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    records = frame[columns].astype(object).to_dict("records")
    features = []
    for properties, geometry in zip(records, geometries, strict=True):
        features.append({
            "type": "Feature",
            "properties": {key: _iso(value) for key, value in properties.items()},
            "geometry": None if geometry is None else shapely.geometry.mapping(geometry),
        })
    return {"type": "FeatureCollection", "features": features}


def geojson_text(frame: gpd.GeoDataFrame) -> str:
    return json.dumps(feature_collection(frame), ensure_ascii=False, allow_nan=False)


def write_geojson(frame: gpd.GeoDataFrame, path: str | Path) -> Path:
    """One layer as one GeoJSON file, atomically."""
    text = geojson_text(frame)
    return write_with(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_geojson_zip(layers: dict[str, gpd.GeoDataFrame], path: str | Path) -> Path:
    """Every layer as ``<name>.geojson`` inside one zip file, atomically."""
    texts = {name: geojson_text(frame) for name, frame in layers.items()}

    def writer(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, text in texts.items():
                archive.writestr(f"{name}.geojson", text)

    return write_with(path, writer)
