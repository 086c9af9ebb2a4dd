"""Files for the tools analysts already use: GeoPackage (QGIS, GDAL), GeoJSON, CSV.

One format per module, as geopandas keeps its I/O in ``io/``: :mod:`~geo.io.gpkg`
(styled by :mod:`~geo.io.qgis`), :mod:`~geo.io.geojson`, and CSV tables in
ACLED's (:mod:`~geo.io.events`) and OxCGRT's (:mod:`~geo.io.panel`) layouts,
written by :mod:`~geo.io.csv_text`. :mod:`~geo.io.fields` decides what the GIS
layers carry; :mod:`~geo.io.write` picks the format from the file's suffix.
"""

from geo.io.csv_text import csv_bytes, csv_text, write_csv
from geo.io.events import EVENT_COLUMNS, events_frame
from geo.io.fields import incident_fields, zone_fields
from geo.io.geojson import feature_collection, write_geojson, write_geojson_zip
from geo.io.gpkg import GPKG_VERSION, write_gpkg
from geo.io.panel import panel_frame
from geo.io.write import FORMATS, check_layer_output, file_layers, write_layers

__all__ = [
    "EVENT_COLUMNS",
    "FORMATS",
    "GPKG_VERSION",
    "check_layer_output",
    "csv_bytes",
    "csv_text",
    "events_frame",
    "feature_collection",
    "file_layers",
    "incident_fields",
    "panel_frame",
    "write_csv",
    "write_geojson",
    "write_geojson_zip",
    "write_gpkg",
    "write_layers",
    "zone_fields",
]
