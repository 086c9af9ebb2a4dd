"""Context layers of the Yalu border region as GeoDataFrames (EPSG:4326).

The layers are read from the small files in ``geo/data/`` (built by
``scripts/build_gazetteer.py``) once per process. Every feature has ``id``, ``name``,
``kind``, ``source`` and ``precision``. County polygons are approximations
(``approximate=True``); :func:`load_boundaries` reads a real boundary file to
replace them. Measure distances and areas in :data:`METRIC_CRS`, never in degrees.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.errors import BoundaryFileError
from geo.gazetteer import DATA_DIR, load_gazetteer
from geo.gazetteer.names import key

CRS = "EPSG:4326"
METRIC_CRS = "EPSG:32652"  # UTM zone 52N: metres over the whole border region
LAYER_FILES = {
    "countries": "countries.geojson",
    "provinces": "provinces.geojson",
    "regions": "regions.geojson",
    "counties": "counties.geojson",
    "border": "border.geojson",
    "rivers": "rivers.geojson",
}
POINT_KINDS = frozenset({"city", "town", "village", "district", "mountain"})
REQUIRED = ("id", "name", "kind", "source", "precision")
REGION_BOUNDS = (123.0, 37.0, 132.0, 44.5)  # lon/lat box a boundary file must overlap


@functools.lru_cache(maxsize=1)
def _cached_layers() -> dict[str, gpd.GeoDataFrame]:
    layers = {name: _read_geojson(DATA_DIR / file) for name, file in LAYER_FILES.items()}
    layers["places"] = places_layer()
    return layers


def context_layers() -> dict[str, gpd.GeoDataFrame]:
    """All context layers keyed by name (countries, provinces, regions, counties, border,
    rivers, places); copies, so callers may change them freely."""
    return {name: frame.copy() for name, frame in _cached_layers().items()}


def _read_geojson(path: Path) -> gpd.GeoDataFrame:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    frame = gpd.GeoDataFrame.from_features(features, crs=CRS)
    return frame[[*REQUIRED, *[c for c in frame.columns if c not in (*REQUIRED, "geometry")],
                  "geometry"]]


def places_layer() -> gpd.GeoDataFrame:
    """Gazetteer points (cities, towns, villages…) with their stored country."""
    entries = [e for e in load_gazetteer().entries if e.kind in POINT_KINDS]
    frame = pd.DataFrame({
        "id": [e.id for e in entries], "name": [e.name for e in entries],
        "kind": [e.kind for e in entries], "source": [e.source for e in entries],
        "precision": [e.precision for e in entries], "country": [e.country for e in entries],
        "parent": [e.parent for e in entries],
        # GeoNames writes 0 for "not known"; an unknown number is null, never 0.
        "population": pd.array([e.population or None for e in entries], dtype="Int64"),
    })
    points = shapely.points([e.lon for e in entries], [e.lat for e in entries])
    return gpd.GeoDataFrame(frame, geometry=points, crs=CRS)


def load_boundaries(path: str | Path, name_column: str = "shapeName") -> gpd.GeoDataFrame:
    """Read a real county boundary file (e.g. geoBoundaries PRK ADM2) as a counties layer.

    Names are matched to gazetteer ids so the result can replace the approximate
    counties. Raises BoundaryFileError saying what is wrong and how to fix it.
    """
    path = Path(path)
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise BoundaryFileError(f"{path}: cannot read as a vector file ({exc})") from exc
    if name_column not in frame.columns:
        found = ", ".join(c for c in frame.columns if c != "geometry") or "none"
        raise BoundaryFileError(
            f"{path}: no column {name_column!r} with the county names; columns found: "
            f"{found}. Pass the right one as name_column.")
    if frame.crs is None:
        raise BoundaryFileError(
            f"{path}: the file declares no CRS. Save it with EPSG:4326 "
            "(ogr2ogr -a_srs EPSG:4326 out.geojson in.geojson, if it is in longitude/latitude).")
    if not frame.crs.equals(CRS):
        raise BoundaryFileError(
            f"{path}: CRS is {frame.crs.to_string()}, expected EPSG:4326 (longitude/latitude). "
            "Reproject it: ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson, "
            "or geopandas frame.to_crs('EPSG:4326').")
    invalid = frame[~frame.geometry.is_valid | frame.geometry.isna()]
    if len(invalid):
        names = ", ".join(map(str, invalid[name_column].head(5)))
        raise BoundaryFileError(
            f"{path}: {len(invalid)} invalid or empty geometr{'y' if len(invalid) == 1 else 'ies'}"
            f" ({names}). Repair them with shapely.make_valid (frame.geometry.make_valid()) "
            "or QGIS 'Fix geometries', then try again.")
    if not frame.geometry.intersects(shapely.box(*REGION_BOUNDS)).any():
        raise BoundaryFileError(
            f"{path}: no geometry lies in the Yalu border region {REGION_BOUNDS}; "
            "is it the right file, with longitude/latitude in that order?")
    gazetteer = load_gazetteer()
    counties = {key(e.name): e.id for e in gazetteer.entries if e.kind == "county"}
    ids = []
    for name in frame[name_column].astype(str):
        ids.append(_county_id(name, counties))
    result = gpd.GeoDataFrame({
        "id": ids, "name": frame[name_column].astype(str), "kind": "county",
        "source": f"user boundary file {path.name}", "precision": 1,
        "approximate": False, "method": "boundary file",
    }, geometry=frame.geometry.values, crs=CRS)
    return result


def _county_id(name: str, counties: dict[str, str]) -> str:
    from geo.errors import PlaceNotFound

    if key(name) in counties:
        return counties[key(name)]
    try:
        match = load_gazetteer().lookup(name)[0]
    except PlaceNotFound:
        match = None
    if match is not None and match.entry.kind == "county":
        return match.entry.id
    return "kp-" + "-".join(key(w) for w in name.split()) + "-county"


def replace_counties(layers: dict[str, gpd.GeoDataFrame],
                     boundaries: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """Layers with approximate counties swapped for those of a boundary file (same ids)."""
    counties = layers["counties"]
    kept = counties[~counties["id"].isin(set(boundaries["id"]))]
    merged = pd.concat([kept, boundaries], ignore_index=True)
    return {**layers, "counties": gpd.GeoDataFrame(merged, geometry="geometry", crs=CRS)}


def to_metric(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The frame in UTM 52N, for distances (m) and areas (m²)."""
    return frame.to_crs(METRIC_CRS)
