"""GeoJSON per RFC 7946: a FeatureCollection per layer, counter-clockwise exteriors, ISO dates."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
import shapely

from geo.errors import ExportError
from geo.io import feature_collection, write_layers
from geo.io.write import file_layers
from geo.layers import LAYER_NAMES, build_layers

DAY = dt.date(2021, 11, 25)


@pytest.fixture(scope="module")
def layers(seed):
    return build_layers(seed)


def _rings(geometry):
    polygons = getattr(geometry, "geoms", [geometry])
    for polygon in polygons:
        yield True, polygon.exterior
        for hole in polygon.interiors:
            yield False, hole


def test_the_zip_holds_one_feature_collection_per_layer(seed, layers, tmp_path):
    path = write_layers(seed, layers, tmp_path / "layers.zip", DAY)
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == [f"{name}.geojson" for name in LAYER_NAMES]
        zones = json.loads(archive.read("zones.geojson"))
    assert zones["type"] == "FeatureCollection" and "crs" not in zones
    (feature,) = zones["features"]
    properties = feature["properties"]
    assert properties["status"] == "in force" and properties["status_on"] == "2021-11-25"
    assert properties["ordered"] == "2021-11-19" and properties["ordered_time"] == "10:00"
    assert properties["period_start"] == "2021-11-19T10:00:00"
    assert properties["actual_end"] is None and properties["period_end"] is None


@pytest.mark.parametrize("name", ["zones", "counties", "provinces", "countries", "regions"])
def test_every_exterior_ring_is_counter_clockwise(seed, layers, name):
    frame = file_layers(seed, layers, DAY)[name]
    assert any(not ring.is_ccw for exterior, ring in _rings(frame.geometry.iloc[0]) if exterior)
    collection = feature_collection(frame)
    checked = 0
    for feature in collection["features"]:
        for exterior, ring in _rings(shapely.geometry.shape(feature["geometry"])):
            assert ring.is_ccw == exterior  # holes clockwise
            checked += 1
    assert checked >= len(frame)


def test_a_chosen_layer_is_one_geojson_file(seed, layers, tmp_path):
    path = write_layers(seed, layers, tmp_path / "incidents.geojson", DAY, layer="incidents")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {f["properties"]["id"] for f in data["features"]} == {i.id for i in seed.incidents}
    crossing = next(f for f in data["features"]
                    if f["properties"]["id"] == "choe-crossing-2021-11-18")
    assert crossing["properties"]["event_at"] == "2021-11-18T21:00:00"
    assert crossing["properties"]["event_date"] == "2021-11-18"


@pytest.mark.parametrize(("name", "layer", "message"), [
    ("all.geojson", None, "holds one layer"),
    ("all.geojson", "nope", "no layer 'nope'"),
    ("all.gpkg", "zones", "--layer is for .geojson"),
    ("all.shp", None, "unknown file type '.shp'"),
    ("all", None, "unknown file type '(no suffix)'"),
])
def test_a_suffix_or_layer_that_does_not_fit_is_refused_before_writing(
        seed, layers, tmp_path, name, layer, message):
    with pytest.raises(ExportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        write_layers(seed, layers, tmp_path / name, DAY, layer=layer)
    assert list(tmp_path.iterdir()) == []
