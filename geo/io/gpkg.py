"""Write the layers as one GeoPackage that QGIS and the GDAL of an LTS distribution open cleanly.

- GeoPackage 1.3, not the 1.4 the pyogrio wheel's GDAL writes by default:
  Debian 12's GDAL 3.6 warns on 1.4 ("may only be partially supported") and its
  validator fails 1.4's renamed R-tree triggers.
- Real field types through Arrow: DATE, DATETIME, nullable INTEGER (see
  :mod:`geo.io.fields`).
- Each layer's description in ``gpkg_contents``, and a ``layer_styles`` table
  (QGIS's own layout) holding each layer's default QML and SLD, so QGIS opens the
  zones coloured by status and animates them without any setting by hand.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.atomic import write_with
from geo.io.qgis import layer_styles, qml, sld

GPKG_VERSION = "1.3"
STYLE_TABLE = "layer_styles"
STYLE_COLUMNS = ["f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column",
                 "styleName", "styleQML", "styleSLD", "useAsDefault", "description", "owner",
                 "ui", "update_time"]
GEOMETRY_COLUMN = "geom"  # GDAL's default name in a GeoPackage


def styles_table(layer_names: list[str]) -> pd.DataFrame:
    """One default style row per layer that has a style, in QGIS's ``layer_styles`` layout."""
    styles = layer_styles()
    rows = []
    for name in layer_names:
        style = styles.get(name)
        if style is None:
            continue
        rows.append({"f_table_catalog": "", "f_table_schema": "", "f_table_name": name,
                     "f_geometry_column": GEOMETRY_COLUMN, "styleName": name,
                     "styleQML": qml(style), "styleSLD": sld(name, style), "useAsDefault": True,
                     "description": f"Lockdown Map style: {style.description}", "owner": "",
                     "ui": None, "update_time": pd.Timestamp.now(tz="UTC").floor("s")})
    return pd.DataFrame(rows, columns=STYLE_COLUMNS)


def write_gpkg(layers: dict[str, gpd.GeoDataFrame], path: str | Path,
               descriptions: dict[str, str] | None = None) -> Path:
    """Write ``layers`` (name → frame) and their styles to a GeoPackage at ``path``, atomically."""
    import pyogrio

    descriptions = descriptions or {}

    def writer(tmp: Path) -> None:
        first = True
        for name, frame in layers.items():
            options = {"DESCRIPTION": descriptions.get(name, "")}
            pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG", use_arrow=True,
                                    append=not first, layer_options=options,
                                    dataset_options={"VERSION": GPKG_VERSION} if first else None)
            first = False
        table = styles_table(list(layers))
        if len(table):
            # QGIS reads the style rows by field name and the OGR id as the style id.
            pyogrio.write_dataframe(table, tmp, layer=STYLE_TABLE, driver="GPKG", append=True,
                                    layer_options={"FID": "id", "DESCRIPTION":
                                                   "QGIS layer styles (QML and SLD)"})

    return write_with(path, writer)
