"""Lockdown Map: field reports about North Korean lockdowns as evidence-backed maps.

The public names are re-exported here; submodules hold one concern each. Names
that need geopandas or folium load on first use, so the CLI's quick commands
start fast.
"""

import importlib

from geo.dataset import SEED_DATASET, dumps_dataset, load_dataset, loads_dataset, write_dataset
from geo.errors import (
    BoundaryFileError,
    DatasetError,
    DatasetFileError,
    DateInputError,
    ExportError,
    InvalidQuery,
    LockdownMapError,
    PlaceNotFound,
    Problem,
)
from geo.measures import MEASURE_TYPES, MeasureType, measure_type
from geo.model import (
    Certainty,
    Dataset,
    DatasetInfo,
    Evidence,
    Incident,
    LocationPrecision,
    Lockdown,
    Measure,
    Place,
    PlaceKind,
    Report,
    Scope,
    StatusChange,
    StatusChangeKind,
    TimePrecision,
    When,
)
from geo.timeline import (
    ZoneState,
    ZoneStatus,
    dataset_span,
    last_word,
    parse_moment,
    states_on,
    status_of,
)
from geo.validate import validate

_LAZY = {
    "build_layers": "geo.layers",
    "context_layers": "geo.geography",
    "write_layers": "geo.io",
    "write_gpkg": "geo.io",
    "events_frame": "geo.io",
    "panel_frame": "geo.io",
    "select": "geo.selection",
    "load_boundaries": "geo.geography",
    "load_gazetteer": "geo.gazetteer",
    "OfflineGazetteer": "geo.geocoding",
    "LayeredGeocoder": "geo.geocoding",
    "build_map": "geo.maps",
    "base_map": "geo.maps",
    "zone_layer": "geo.maps",
    "export_map": "geo.export",
    "map_html_bytes": "geo.export",
    "describe_lockdown": "geo.describe",
    "describe_zone": "geo.describe",
    "load_loadable": "geo.loadable",
    "loads_loadable": "geo.loadable",
    "check_loadable": "geo.loadable",
    "merge_draft": "geo.merge",
    "MergeResult": "geo.merge",
    "YamlFileStore": "geo.store",
    "init_dataset": "geo.store",
    "Disagreement": "geo.model",
    "MergeError": "geo.errors",
    "DuplicateReport": "geo.errors",
    "StaleDatasetError": "geo.errors",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")


__all__ = [
    *_LAZY,
    "MEASURE_TYPES",
    "SEED_DATASET",
    "BoundaryFileError",
    "Certainty",
    "Dataset",
    "DatasetError",
    "DatasetFileError",
    "DatasetInfo",
    "DateInputError",
    "Evidence",
    "ExportError",
    "Incident",
    "InvalidQuery",
    "LocationPrecision",
    "Lockdown",
    "LockdownMapError",
    "Measure",
    "MeasureType",
    "Place",
    "PlaceKind",
    "PlaceNotFound",
    "Problem",
    "Report",
    "Scope",
    "StatusChange",
    "StatusChangeKind",
    "TimePrecision",
    "When",
    "ZoneState",
    "ZoneStatus",
    "dataset_span",
    "dumps_dataset",
    "last_word",
    "load_dataset",
    "loads_dataset",
    "measure_type",
    "parse_moment",
    "states_on",
    "status_of",
    "validate",
    "write_dataset",
]
