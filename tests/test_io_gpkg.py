"""The GeoPackage as QGIS and an LTS distribution's GDAL read it: typed dates, styles,
descriptions, version 1.3; checked with pyogrio and with Debian's ogrinfo."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest

from geo.io import write_layers
from geo.io.qgis import STATUS_EXPRESSION
from geo.layers import LAYER_NAMES, build_layers
from geo.maps.styles import zone_style
from geo.timeline import ZoneStatus

DAY = dt.date(2021, 11, 25)
VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")


@pytest.fixture(scope="module")
def gpkg(seed, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gpkg") / "layers.gpkg"
    return write_layers(seed, build_layers(seed), path, DAY)


def _debian_tool(path: str) -> str | None:
    found = shutil.which(path) if not Path(path).is_absolute() else (
        path if Path(path).exists() else None)
    if found is None and os.environ.get("CI"):
        pytest.fail(f"{path} is missing: .ci/run installs gdal-bin and python3-gdal")
    if found is None:
        pytest.skip(f"{path} not installed (apt-get install gdal-bin python3-gdal)")
    return found


def test_every_layer_and_the_style_table_are_listed(gpkg):
    names = [name for name, _ in pyogrio.list_layers(gpkg)]
    assert names == [*LAYER_NAMES, "layer_styles"]
    assert [p.name for p in gpkg.parent.iterdir()] == ["layers.gpkg"]  # no temp file left


def test_zone_dates_are_typed_fields_and_unknown_is_null(gpkg):
    info = pyogrio.read_info(gpkg, layer="zones")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    for name in ("ordered", "in_force_from", "announced_end", "actual_end", "status_on"):
        assert types[name] == "datetime64[D]", name  # a DATE field
    for name in ("period_start", "period_end", "end_passed_after"):
        assert types[name].startswith("datetime64[ms"), name  # a DATETIME field
    (zone,) = gpd.read_file(gpkg, layer="zones").to_dict("records")
    assert zone["status"] == "in force" and zone["status_on"].date() == DAY
    assert zone["ordered"].date() == dt.date(2021, 11, 19) and zone["ordered_time"] == "10:00"
    assert zone["ordered_certainty"] == "inferred" and zone["ordered_precision"] == 1
    assert zone["announced_end"].date() == dt.date(2021, 12, 4)
    assert zone["period_start"] == dt.datetime(2021, 11, 19, 10, 0)
    assert zone["end_passed_after"] == dt.datetime(2021, 12, 4, 23, 59, 59)
    # The actual end is unknown: null, and said so, never a made-up day.
    assert zone["actual_end"] is None or str(zone["actual_end"]) == "NaT"
    assert zone["actual_end_certainty"] == "unknown"
    assert str(zone["period_end"]) == "NaT"


def test_incidents_carry_a_datetime_not_a_label(gpkg):
    info = pyogrio.read_info(gpkg, layer="incidents")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["event_at"].startswith("datetime64") and types["event_date"] == "datetime64[D]"
    assert "when" not in types
    crossing = gpd.read_file(gpkg, layer="incidents").set_index("id").loc[
        "choe-crossing-2021-11-18"]
    assert crossing["event_at"] == dt.datetime(2021, 11, 18, 21, 0)
    assert (crossing["certainty"], crossing["time_precision"]) == ("inferred", 1)


def test_unknown_population_is_null_never_zero(gpkg):
    places = gpd.read_file(gpkg, layer="places")
    assert not (places["population"] == 0).any()
    assert places["population"].isna().sum() > 0  # GeoNames' zeros became nulls
    assert (places["population"].dropna() > 0).all()


def test_descriptions_and_version(gpkg):
    with sqlite3.connect(gpkg) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        descriptions = dict(db.execute("SELECT table_name, description FROM gpkg_contents"))
        triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master "
                                             "WHERE type = 'trigger' AND name LIKE 'rtree_%'")}
    assert version == 10300
    assert "Temporal Controller" in descriptions["zones"]
    assert "GeoNames" in descriptions["places"]
    assert "rtree_zones_geom_update1" in triggers  # 1.3's trigger, not 1.4's update6/7
    assert not any(t.endswith(("update6", "update7")) for t in triggers)


def _styles(gpkg) -> dict[str, dict]:
    rows = pyogrio.read_dataframe(gpkg, layer="layer_styles")
    return {row["f_table_name"]: row for row in rows.to_dict("records")}


def test_each_layer_has_a_default_style_qgis_can_parse(gpkg):
    styles = _styles(gpkg)
    assert set(styles) == set(LAYER_NAMES)
    for name, row in styles.items():
        assert row["useAsDefault"] and row["f_geometry_column"] == "geom"
        root = ET.fromstring(row["styleQML"].split("\n", 1)[1])
        assert root.tag == "qgis" and root.find("renderer-v2") is not None, name
        ET.fromstring(row["styleSLD"])


def test_zone_style_colours_status_as_the_map_does_and_animates(gpkg):
    root = ET.fromstring(_styles(gpkg)["zones"]["styleQML"].split("\n", 1)[1])
    temporal = root.find("temporal")
    assert (temporal.get("enabled"), temporal.get("mode")) == ("1", "2")
    assert (temporal.get("startField"), temporal.get("endField")) == ("period_start",
                                                                      "period_end")
    rules = root.find("renderer-v2/rules").findall("rule")
    symbols = {s.get("name"): s for s in root.find("renderer-v2/symbols")}
    in_force = next(r for r in rules if r.get("label") == "In force")
    assert in_force.get("filter").startswith(f"({STATUS_EXPRESSION}) = 'in force'")
    props = {p.get("k"): p.get("v") for p in symbols[in_force.get("symbol")].iter("prop")}
    style = zone_style(ZoneStatus.IN_FORCE)
    red, green, blue = (int(style["color"][i:i + 2], 16) for i in (1, 3, 5))
    assert props["outline_color"] == f"{red},{green},{blue},255"
    assert props["color"].startswith(
        ",".join(str(int(style["fillColor"][i:i + 2], 16)) for i in (1, 3, 5)))
    dashed = next(r for r in rules if r.get("label") == "In force (approximate outline)")
    dashed_props = {p.get("k"): p.get("v")
                    for p in symbols[dashed.get("symbol")].iter("prop")}
    assert dashed_props["outline_style"] == "dash"
    assert len(rules) == 2 * len(ZoneStatus)


def test_ogrinfo_of_debian_reads_it_without_warning(gpkg):
    ogrinfo = _debian_tool("/usr/bin/ogrinfo")
    listing = subprocess.run([ogrinfo, "-ro", "-so", str(gpkg)], capture_output=True, text=True,
                             timeout=60)
    assert listing.returncode == 0
    assert "layer_styles" in listing.stdout
    assert "Warning" not in listing.stderr + listing.stdout, listing.stderr
    zones = subprocess.run([ogrinfo, "-ro", "-so", str(gpkg), "zones"], capture_output=True,
                           text=True, timeout=60)
    assert "Warning" not in zones.stderr + zones.stdout, zones.stderr
    for field in ("ordered: Date", "in_force_from: Date", "announced_end: Date",
                  "actual_end: Date", "period_start: DateTime"):
        assert field in zones.stdout
    assert "DESCRIPTION=Lockdown zones" in zones.stdout


def test_debian_gdal_validator_accepts_it(gpkg):
    _debian_tool(str(VALIDATOR))
    result = subprocess.run(["/usr/bin/python3", str(VALIDATOR), str(gpkg)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_selection_without_zones_keeps_the_zone_fields(seed, tmp_path):
    from geo.selection import select, select_layers

    nothing = select(seed, [], [])
    path = write_layers(nothing, select_layers(build_layers(seed), nothing),
                        tmp_path / "empty.gpkg", DAY)
    info = pyogrio.read_info(path, layer="zones")
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert info["features"] == 0
    assert types["ordered"] == "datetime64[D]" and types["period_start"].startswith("datetime64")
