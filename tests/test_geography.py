"""Context layers: spatial invariants (in UTM 52N), boundary files."""

# ruff: noqa: RUF003 - place names need their real apostrophes and dashes

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import Point, box

from geo.errors import BoundaryFileError
from geo.gazetteer import load_gazetteer
from geo.geography import (
    METRIC_CRS,
    context_layers,
    load_boundaries,
    replace_counties,
)

KEYS = {"countries", "provinces", "counties", "border", "rivers", "places"}


@pytest.fixture(scope="module")
def layers():
    return context_layers()


def point(entry_id):
    e = load_gazetteer().get(entry_id)
    return gpd.GeoSeries([Point(e.lon, e.lat)], crs=4326)


def geom(layers, layer, entry_id):
    frame = layers[layer]
    return frame[frame["id"] == entry_id].geometry.iloc[0]


def metres(layers, entry_id, layer="border", line_id="cn-kp-border"):
    line = gpd.GeoSeries([geom(layers, layer, line_id)], crs=4326).to_crs(METRIC_CRS)
    return float(point(entry_id).to_crs(METRIC_CRS).distance(line.iloc[0]).iloc[0])


def test_layers_and_columns(layers):
    assert KEYS <= set(layers)
    for name, frame in layers.items():
        assert frame.crs.to_epsg() == 4326, name
        for column in ("id", "name", "kind", "source", "precision"):
            assert column in frame.columns, (name, column)
        assert frame["id"].is_unique, name


def test_kimhyongjik_seat_invariants(layers):
    seat = point("kp-kimhyongjik-town").iloc[0]
    assert geom(layers, "counties", "kp-kimhyongjik-county").contains(seat)
    assert geom(layers, "provinces", "kp-ryanggang").contains(seat)
    assert geom(layers, "countries", "kp").contains(seat)
    assert metres(layers, "kp-kimhyongjik-town") < 2000


def test_hyesan_invariants(layers):
    assert geom(layers, "provinces", "kp-ryanggang").contains(point("kp-hyesan").iloc[0])
    assert metres(layers, "kp-hyesan") < 2000


def test_changbai_is_china(layers):
    places = layers["places"].set_index("id")
    assert places.loc["cn-changbai", "country"] == "CN"
    assert places.loc["kp-hyesan", "country"] == "KP"
    assert geom(layers, "regions", "cn-northeast").contains(point("cn-changbai").iloc[0])


def test_counties_are_marked_approximate(layers):
    counties = layers["counties"]
    assert len(counties) == 201  # every county, city and district (GeoNames ADM2)
    assert counties["approximate"].all() and counties["method"].str.contains("Voronoi").all()


def test_counties_tile_every_province(layers):
    """Each province's outline is covered by the county cells cut from it, no more."""
    counties = layers["counties"].to_crs(METRIC_CRS)
    provinces = layers["provinces"].query("country == 'KP'").to_crs(METRIC_CRS)
    assert len(provinces) == 11
    for row in provinces.itertuples():
        cells = counties[counties["outline"] == row.id]
        assert len(cells) >= 2, row.id
        assert cells.area.sum() == pytest.approx(row.geometry.area, rel=0.01), row.id
    ryanggang = counties[counties["outline"] == "kp-ryanggang"].area.sum() / 1e6
    assert 10_000 < ryanggang < 16_000  # Ryanggang is about 13,900 km²


def test_yalu_runs_paektu_to_the_sea(layers):
    river = layers["rivers"].query("id == 'yalu-river'")
    line = river.geometry.iloc[0]
    start, end = Point(line.coords[0]), Point(line.coords[-1])
    metric = gpd.GeoSeries([start, end, Point(124.398, 40.115), Point(128.0556, 42.0062)],
                           crs=4326).to_crs(METRIC_CRS)
    assert metric.iloc[0].distance(metric.iloc[2]) < 30_000  # mouth near Sinuiju–Dandong
    assert metric.iloc[1].distance(metric.iloc[3]) < 30_000  # source near Mount Paektu
    length_km = river.to_crs(METRIC_CRS).length.iloc[0] / 1000
    print(f"Yalu line length: {length_km:.0f} km")
    assert 650 < length_km < 950
    assert bool(river["derived"].iloc[0])


def test_border_touches_both_countries(layers):
    border = geom(layers, "border", "cn-kp-border")
    kp, cn = geom(layers, "countries", "kp"), geom(layers, "countries", "cn")
    assert border.distance(kp) < 1e-3 and border.distance(cn) < 1e-2
    length_km = gpd.GeoSeries([border], crs=4326).to_crs(METRIC_CRS).length.iloc[0] / 1000
    assert 1100 < length_km < 1600


def boundary_frame(crs="EPSG:4326", name="shapeName"):
    poly = box(127.0, 41.3, 127.5, 41.7)
    return gpd.GeoDataFrame({name: ["Kimhyongjik"]}, geometry=[poly], crs=crs)


def test_load_boundaries_replaces_county(layers, tmp_path):
    path = tmp_path / "adm2.geojson"
    boundary_frame().to_file(path)
    counties = load_boundaries(path)
    assert counties["id"].tolist() == ["kp-kimhyongjik-county"]
    assert not counties["approximate"].any()
    replaced = replace_counties(layers, counties)["counties"]
    assert len(replaced) == 201
    row = replaced.query("id == 'kp-kimhyongjik-county'")
    assert row["source"].iloc[0].startswith("user boundary file")


def test_boundary_wrong_crs(tmp_path):
    path = tmp_path / "utm.geojson"
    boundary_frame().to_crs(METRIC_CRS).to_file(path)
    with pytest.raises(BoundaryFileError, match="Reproject") as info:
        load_boundaries(path)
    assert "32652" in str(info.value)


def test_boundary_missing_name_column(tmp_path):
    path = tmp_path / "noname.geojson"
    boundary_frame(name="ADM2_EN").to_file(path)
    with pytest.raises(BoundaryFileError, match="columns found: ADM2_EN"):
        load_boundaries(path)


def test_boundary_invalid_geometry(tmp_path):
    bowtie = shapely.Polygon([(127, 41), (127.5, 41.5), (127.5, 41), (127, 41.5), (127, 41)])
    path = tmp_path / "bad.geojson"
    gpd.GeoDataFrame({"shapeName": ["Kimhyongjik"]}, geometry=[bowtie], crs=4326).to_file(path)
    with pytest.raises(BoundaryFileError, match="make_valid"):
        load_boundaries(path)


def test_boundary_unreadable(tmp_path):
    path = tmp_path / "junk.geojson"
    path.write_text("not json")
    with pytest.raises(BoundaryFileError, match="cannot read"):
        load_boundaries(path)
