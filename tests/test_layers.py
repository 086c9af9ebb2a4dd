"""The dataset's layers: zones drawn from the gazetteer's polygons, incidents at their places."""

import dataclasses

import geopandas as gpd
import pytest
from click.testing import CliRunner

from geo.cli import cli
from geo.geography import context_layers, to_metric
from geo.layers import build_layers


@pytest.fixture(scope="module")
def layers(seed):
    return build_layers(seed)


def test_zone_is_the_approximate_kimhyongjik_county_polygon(layers):
    (zone,) = layers["zones"].itertuples()
    assert (zone.lockdown, zone.zone, zone.name) == (
        "kimhyongjik-2021-11", "kp-kimhyongjik-county", "Kimhyongjik County")
    assert zone.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert zone.approximate and "Voronoi" in zone.method
    area_km2 = to_metric(layers["zones"]).area.iloc[0] / 1e6
    assert 300 < area_km2 < 3000  # a county, not a town circle or a province


def test_incidents_sit_at_the_county_seat_inside_the_zone(layers):
    incidents = layers["incidents"]
    assert list(incidents["id"]) == ["choe-crossing-2021-11-18", "choe-arrest-2021-11-18",
                                     "choe-confiscation-2021-11", "choe-isolation-2021-11-19"]
    zone = layers["zones"].geometry.iloc[0]
    assert incidents.geometry.within(zone).all()
    assert incidents["when"].iloc[0] == "2021-11-18 21:00 (inferred)"
    assert incidents["source"].iloc[0] == ("reports: dailynk-en-2021-11-kimhyongjik, "
                                           "dailynk-ko-2021-11-kimhyongjik")


def test_town_zone_without_boundary_is_a_flagged_circle(seed):
    town = seed.place("kp-kimhyongjik-town")
    lockdown = dataclasses.replace(seed.lockdowns[0], zone=town.id)
    data = dataclasses.replace(seed, lockdowns=(lockdown,), _index={})
    zone = build_layers(data)["zones"]
    assert zone["approximate"].iloc[0]
    assert zone["method"].iloc[0].startswith("circle of 2 km around the town's point")
    # The town sits on the Yalu: its circle is cut back to North Korea, so it is smaller
    # than the whole 2 km circle and lies inside the country.
    assert "clipped to its country" in zone["method"].iloc[0]
    radius_km = (to_metric(zone).area.iloc[0] / 3.14159) ** 0.5 / 1000
    assert 1 < radius_km < 2
    countries = context_layers()["countries"]
    kp = countries[countries["id"] == "kp"].geometry.iloc[0]
    assert zone.geometry.iloc[0].difference(kp).area < 1e-9


def test_zone_without_gazetteer_link_has_no_geometry_and_says_why(seed):
    place = dataclasses.replace(seed.place("kp-kimhyongjik-county"), gazetteer=None)
    data = dataclasses.replace(
        seed, places=tuple(place if p.id == place.id else p for p in seed.places), _index={})
    zone = build_layers(data)["zones"]
    assert zone.geometry.iloc[0] is None
    assert zone["method"].iloc[0] == "no geometry: the place has no gazetteer link"


def test_cli_layers_writes_a_geopackage_read_back_layer_by_layer(tmp_path):
    path = tmp_path / "layers.gpkg"
    result = CliRunner().invoke(cli, ["layers", "-o", str(path)])
    assert result.exit_code == 0, result.output
    for name in ("countries", "provinces", "counties", "border", "rivers", "places", "zones",
                 "incidents"):
        frame = gpd.read_file(path, layer=name)
        assert frame.crs.to_epsg() == 4326
        assert {"source", "precision"} <= set(frame.columns), name
        assert len(frame) > 0, name


def test_cli_layers_unwritable_path_is_reported_first(tmp_path):
    result = CliRunner().invoke(cli, ["layers", "-o", str(tmp_path / "no" / "x.gpkg")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
