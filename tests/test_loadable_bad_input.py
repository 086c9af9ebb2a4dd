"""Issue 10's bad input, one row each, through the commands a user runs.

A zone whose province outline is missing and a county put in the wrong province
are refused with a message naming the file, the record, the field, the value and
the fix; a lockdown spanning years and two overlapping lockdowns of one zone are
allowed (README, "Bad input in the record") and drawn, scored and written.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from click.testing import CliRunner

from geo.cli import cli

NEXT_ORDER = "A second order closed every workplace in Kimhyongjik County from Nov. 25."


def place(raw: dict, place_id: str) -> dict:
    return next(p for p in raw["places"] if p["id"] == place_id)


def inferred(day: str) -> dict:
    return {"certainty": "inferred", "on": day, "precision": 1,
            "reasoning": "a test case: the day is chosen to cross a year"}


def province_outline_missing(raw: dict) -> None:
    """A province-wide lockdown whose province is linked to a city: no province outline."""
    place(raw, "kp-ryanggang")["gazetteer"] = "kp-hyesan"
    raw["lockdowns"][0]["zone"] = "kp-ryanggang"


def county_in_another_province(raw: dict) -> None:
    """Kimhyongjik County (seat 41.51 N 127.27 E, Ryanggang) put under North Hamgyong."""
    raw["places"].append({"id": "kp-north-hamgyong", "name": "North Hamgyong Province",
                          "kind": "province", "precision": 3, "parent": "kp",
                          "country": "KP", "gazetteer": "kp-north-hamgyong"})
    place(raw, "kp-kimhyongjik-county")["parent"] = "kp-north-hamgyong"


def spanning_years(raw: dict) -> None:
    """In force from Nov. 19, 2021 until Jan. 14, 2023, lifted the next day: across two
    new years."""
    lockdown = raw["lockdowns"][0]
    lockdown["announced_end"] = inferred("2023-01-14")
    lockdown["actual_end"] = inferred("2023-01-15")


def overlapping(raw: dict) -> None:
    """A second lockdown of the same county from Nov. 25 until Dec. 1, inside the first."""
    report = raw["reports"][0]
    report["text"] += "\n" + NEXT_ORDER
    quote = [{"report": report["id"], "quote": NEXT_ORDER}]
    raw["lockdowns"].append({
        "id": "kimhyongjik-2021-11-second", "zone": "kp-kimhyongjik-county",
        "scope": "the whole county",
        "ordered": {"certainty": "stated", "on": "2021-11-25", "precision": 1,
                    "evidence": quote},
        "effective": {"certainty": "stated", "on": "2021-11-25", "precision": 1,
                      "evidence": quote},
        "announced_end": inferred("2021-12-01"), "actual_end": inferred("2021-12-02"),
        "measures": [{"code": "workplaces_closed", "scope": "general", "evidence": quote}],
        "evidence": quote})


REFUSED = [
    pytest.param(province_outline_missing, [
        "bad.yaml: places[2] (id kp-ryanggang), field 'gazetteer': the place is a province, "
        "drawn with its outline, but gazetteer place kp-hyesan (Hyesan) is a city, which has "
        "none, so the zone of lockdown kimhyongjik-2021-11 cannot be drawn (got 'kp-hyesan')",
        "Fix: link the province itself (`lockdown-map geocode NAME` lists its id), or set "
        "'kind' to city if the report means the city"], id="province-outline-missing"),
    pytest.param(county_in_another_province, [
        "bad.yaml: places[3] (id kp-kimhyongjik-county), field 'parent': gazetteer place "
        "kp-kimhyongjik-county (41.51 N 127.27 E) lies in Ryanggang Province, but the parent "
        "chain puts it in North Hamgyong Province",
        "(got 'kp-north-hamgyong'). Fix: set 'parent' to the place linked to kp-ryanggang "
        "(Ryanggang Province)"], id="county-seat-outside-its-province"),
]


def dataset_file(seed_raw: dict, tmp_path, change) -> str:
    change(seed_raw)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(seed_raw, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return str(path)


def run(*args: str):
    # catch_exceptions=False: a traceback fails the test instead of becoming output.
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(("change", "expected"), REFUSED)
@pytest.mark.parametrize("command", [["validate"], ["status", "--on", "2021-11-25"],
                                     ["csv", "panel", "-o", "panel.csv"]])
def test_refused_with_a_clean_message(seed_raw, tmp_path, monkeypatch, change, expected,
                                      command):
    monkeypatch.chdir(tmp_path)
    path = dataset_file(seed_raw, tmp_path, change)
    args = [*command, path] if command == ["validate"] else [*command, "--dataset", path]
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    problems = [line for line in result.output.splitlines() if line.startswith("- ")]
    assert len(problems) == 1, result.output  # once, on the record to fix
    for words in expected:
        assert words.replace("bad.yaml", path) in problems[0]
    assert not (tmp_path / "panel.csv").exists()


def panel_rows(path: str, tmp_path) -> dict[tuple[str, str], dict[str, str]]:
    out = tmp_path / "panel.csv"
    result = run("csv", "panel", "-o", str(out), "--dataset", path)
    assert result.exit_code == 0, result.output
    return {(row["ZoneId"], row["Date"]): row
            for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline=""))}


def status_json(path: str, day: str) -> list[dict]:
    result = run("status", "--on", day, "--format", "json", "--dataset", path)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["zones"]


def test_a_lockdown_spanning_years_is_drawn_and_scored(seed_raw, tmp_path):
    path = dataset_file(seed_raw, tmp_path, spanning_years)
    assert run("validate", path).exit_code == 0
    for day, status in (("2021-12-31", "in force"), ("2022-01-01", "in force"),
                        ("2023-01-01", "in force"), ("2023-01-16", "lifted")):
        (zone,) = status_json(path, day)
        assert zone["status"] == status, day
        assert zone["stringency"]["reported"] == (3 if status == "in force" else 0), day
    rows = panel_rows(path, tmp_path)
    county = "kp-kimhyongjik-county"
    assert rows[(county, "20211231")]["ZoneStatus"] == rows[(county, "20220101")][
        "ZoneStatus"] == "in force"
    assert rows[(county, "20230101")]["StringencyIndex_IndicatorsReported"] == "3"
    assert rows[(county, "20230116")]["ZoneStatus"] == "lifted"
    out = tmp_path / "map.html"
    assert run("export", "--on", "2022-07-01", "-o", str(out), "--dataset", path,
               "--from", "2021-11-01", "--to", "2023-02-01").exit_code == 0
    assert "kimhyongjik-2021-11" in out.read_text(encoding="utf-8")


def test_overlapping_lockdowns_of_one_zone_are_kept_side_by_side(seed_raw, tmp_path):
    path = dataset_file(seed_raw, tmp_path, overlapping)
    assert run("validate", path).exit_code == 0
    zones = status_json(path, "2021-11-28")
    assert [(z["lockdown"], z["status"]) for z in zones] == [
        ("kimhyongjik-2021-11", "in force"), ("kimhyongjik-2021-11-second", "in force")]
    # One zone, one score: the strictest measure of either lockdown sets each indicator.
    c2 = zones[0]["stringency"]["indicators"]["C2"]
    assert zones[0]["stringency"] == zones[1]["stringency"]
    assert (c2["level"], c2["flag"]) == (3, "general")
    assert [s["lockdown"] for s in c2["sources"]] == ["kimhyongjik-2021-11-second"]
    assert zones[0]["stringency"]["indicators"]["C7"]["sources"][0]["lockdown"] == \
        "kimhyongjik-2021-11"
    row = panel_rows(path, tmp_path)[("kp-kimhyongjik-county", "20211128")]
    assert row["Lockdowns"] == "kimhyongjik-2021-11, kimhyongjik-2021-11-second"
    assert (row["C2_Workplace closing"], row["C2_Flag"]) == ("3", "1")
    assert row["StringencyIndex_Sources"].startswith(
        "C2: kimhyongjik-2021-11-second measures[0] workplaces_closed; C6: kimhyongjik-2021-11")
    out = tmp_path / "map.html"
    assert run("export", "--on", "2021-11-28", "-o", str(out), "--dataset", path).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "kimhyongjik-2021-11-second" in html and "kimhyongjik-2021-11\"" in html
