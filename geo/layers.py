"""Dataset + gazetteer → the map's layers as GeoDataFrames (EPSG:4326). Pure logic.

The context layers (countries, provinces, counties, border, rivers, places) come
from :mod:`geo.geography`; this module adds the dataset's own ``zones`` (one row
per lockdown) and ``incidents`` (one point each). A zone takes the shipped
polygon of its place where there is one; a town or city without a boundary gets
a circle around its point, flagged as approximate, so the map never passes a
guess off as a boundary.
"""

from __future__ import annotations

import geopandas as gpd
import shapely

from geo.errors import PlaceNotFound
from geo.gazetteer import load_gazetteer
from geo.geography import CRS, LAYER_FILES, METRIC_CRS, context_layers
from geo.model import Dataset, Place

POLYGON_LAYERS = ("counties", "provinces", "regions", "countries")
# Every layer build_layers returns, in its order (context first).
LAYER_NAMES = (*LAYER_FILES, "places", "zones", "incidents")
# Radius of the circle that stands in for a settlement without a boundary, by kind.
CIRCLE_RADIUS_M = {"city": 5000.0, "town": 2000.0, "village": 1000.0}
ZONE_COLUMNS = ["lockdown", "zone", "name", "approximate", "method", "source", "precision"]
INCIDENT_COLUMNS = ["id", "kind", "place", "name", "when", "who", "description", "precision",
                    "source"]


def build_layers(dataset: Dataset,
                 context: dict[str, gpd.GeoDataFrame] | None = None,
                 ) -> dict[str, gpd.GeoDataFrame]:
    """Context layers plus the dataset's ``zones`` and ``incidents``.

    ``context`` defaults to the shipped layers; pass others (for example with
    counties replaced by a real boundary file) to draw zones from them.
    """
    layers = dict(context if context is not None else context_layers())
    layers["zones"] = zones_layer(dataset, layers)
    layers["incidents"] = incidents_layer(dataset)
    return layers


PolygonIndex = dict[str, tuple[gpd.GeoDataFrame, int]]


def polygon_index(layers: dict[str, gpd.GeoDataFrame]) -> PolygonIndex:
    """Gazetteer id → (frame, row position) of its polygon: the first row of the first
    layer in :data:`POLYGON_LAYERS` that has it. Built once, so each zone is a lookup,
    not a scan of every polygon layer."""
    index: PolygonIndex = {}
    for name in reversed(POLYGON_LAYERS):  # earlier layers overwrite later ones
        frame = layers.get(name)
        if frame is None or frame.empty:
            continue
        positions: dict[str, int] = {}
        for position, gazetteer_id in enumerate(frame["id"]):
            positions.setdefault(gazetteer_id, position)
        index.update({key: (frame, position) for key, position in positions.items()})
    return index


def _polygon_row(layers: dict[str, gpd.GeoDataFrame], gazetteer_id: str,
                 index: PolygonIndex | None = None):
    found = (index if index is not None else polygon_index(layers)).get(gazetteer_id)
    return None if found is None else found[0].iloc[found[1]]


def zone_geometry(place: Place, layers: dict[str, gpd.GeoDataFrame],
                  index: PolygonIndex | None = None) -> dict[str, object]:
    """The geometry of a lockdown zone with how it was made and how far to trust it
    (``index``: a :func:`polygon_index` of ``layers``, to reuse across zones)."""
    if place.gazetteer is None:
        return {"geometry": None, "approximate": True, "source": "none", "precision": 3,
                "method": "no geometry: the place has no gazetteer link"}
    row = _polygon_row(layers, place.gazetteer, index)
    if row is not None:
        approximate = bool(row.get("approximate", False))
        return {"geometry": row.geometry, "approximate": approximate, "source": row["source"],
                "precision": int(row["precision"]),
                "method": row.get("method") or "shipped boundary polygon"}
    entry = load_gazetteer().get(place.gazetteer)
    radius = CIRCLE_RADIUS_M.get(entry.kind, 2000.0)
    point = gpd.GeoSeries([shapely.Point(entry.lon, entry.lat)], crs=CRS).to_crs(METRIC_CRS)
    circle = point.buffer(radius, quad_segs=16).to_crs(CRS).iloc[0]
    method = f"circle of {radius / 1000:g} km around the {entry.kind}'s point"
    # A border town's circle would reach across the river: keep it to its own country.
    country = _polygon_row(layers, (entry.country or "").lower(), index)
    if country is not None and circle.intersects(country.geometry):
        circle = circle.intersection(country.geometry)
        method += " clipped to its country"
    return {"geometry": circle, "approximate": True, "source": entry.source,
            "precision": entry.precision,
            "method": f"{method}; its real boundary is unknown"}


def zones_layer(dataset: Dataset, layers: dict[str, gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """One row per lockdown: its zone's polygon and how that polygon was made."""
    rows = []
    index = polygon_index(layers)
    # A place locked down again and again (or places sharing one gazetteer entry) is
    # shaped once.
    shapes: dict[str | None, dict[str, object]] = {}
    for lockdown in dataset.lockdowns:
        place = dataset.place(lockdown.zone)
        shape = shapes.get(place.gazetteer)
        if shape is None:
            try:
                shape = zone_geometry(place, layers, index)
            except PlaceNotFound:
                shape = {"geometry": None, "approximate": True, "source": "none",
                         "precision": 3,
                         "method": f"no geometry: gazetteer has no place {place.gazetteer!r}"}
            shapes[place.gazetteer] = shape
        rows.append({"lockdown": lockdown.id, "zone": place.id, "name": place.name, **shape})
    return gpd.GeoDataFrame(rows, columns=[*ZONE_COLUMNS, "geometry"], geometry="geometry",
                            crs=CRS)


def place_point(place: Place) -> shapely.Point | None:
    """Where a place is drawn as a point: its gazetteer point (a county's is its seat)."""
    if place.gazetteer is None:
        return None
    try:
        entry = load_gazetteer().get(place.gazetteer)
    except PlaceNotFound:
        return None
    return shapely.Point(entry.lon, entry.lat)


def incidents_layer(dataset: Dataset) -> gpd.GeoDataFrame:
    """One point per incident, at its place, with when and to whom as the report says."""
    rows = []
    for incident in dataset.incidents:
        place = dataset.place(incident.place)
        rows.append({
            "id": incident.id, "kind": incident.kind, "place": place.id, "name": place.name,
            "when": incident.when.label(), "who": incident.who,
            "description": incident.description, "precision": int(incident.precision),
            "source": "reports: " + ", ".join(dict.fromkeys(e.report for e in incident.evidence)),
            "geometry": place_point(place),
        })
    return gpd.GeoDataFrame(rows, columns=[*INCIDENT_COLUMNS, "geometry"], geometry="geometry",
                            crs=CRS)
