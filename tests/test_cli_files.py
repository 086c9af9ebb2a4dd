"""``lockdown-map layers`` and ``lockdown-map csv``: the format from the suffix, clear refusals."""

from __future__ import annotations

import zipfile

import pandas as pd
import pyogrio
import pytest
from click.testing import CliRunner

from geo.cli import cli
from geo.io import events_frame, panel_frame


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_layers_gpkg_carries_the_chosen_day(tmp_path):
    result = run("layers", "-o", str(tmp_path / "l.gpkg"), "--on", "2021-12-10")
    assert result.exit_code == 0, result.output
    assert "zone status on 2021-12-10" in result.output
    zones = pyogrio.read_dataframe(tmp_path / "l.gpkg", layer="zones")
    assert zones["status"].tolist() == ["announced end passed, lifting unconfirmed"]


def test_layers_zip_and_one_layer(tmp_path):
    assert run("layers", "-o", str(tmp_path / "l.zip")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "l.zip") as archive:
        assert "zones.geojson" in archive.namelist()
    result = run("layers", "-o", str(tmp_path / "z.geojson"), "--layer", "zones")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "x.geojson"], "a GeoJSON file holds one layer; choose one with --layer"),
    (["-o", "x.kml"], "unknown file type '.kml'"),
    (["-o", "x.gpkg", "--layer", "zones"], "--layer is for .geojson files"),
    (["-o", "x.gpkg", "--on", "soon"], "'soon' is not a date"),
])
def test_layers_refuses_before_writing(tmp_path, args, message):
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = run("layers", *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("table", "column", "build"), [
    ("events", "event_date", events_frame),
    ("panel", "C7_Restrictions on internal movement", panel_frame)])
def test_csv_tables(seed, tmp_path, table, column, build):
    path = tmp_path / f"{table}.csv"
    result = run("csv", table, "-o", str(path), "--bom")
    assert result.exit_code == 0, result.output
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert column in frame.columns and len(frame) == len(build(seed))


def test_csv_refuses_another_suffix(tmp_path):
    result = run("csv", "events", "-o", str(tmp_path / "events.xlsx"))
    assert result.exit_code == 2 and "must end in .csv" in result.output
