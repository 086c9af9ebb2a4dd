"""The command line: results on stdout, domain errors as messages and exit codes."""

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from geo.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_validate_seed_data():
    result = run("validate")
    assert result.exit_code == 0
    assert "valid — 2 reports, 8 places, 1 lockdowns, 4 incidents" in result.output


def test_validate_lists_every_error_of_a_broken_copy(seed_raw, tmp_path):
    seed_raw["lockdowns"][0]["zone"] = "nowhere"
    seed_raw["lockdowns"][0]["measures"][0]["code"] = "nope"
    seed_raw["incidents"][0]["when"]["on"] = "last Thursday"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(seed_raw, allow_unicode=True), encoding="utf-8")
    before = path.read_bytes()
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "3 problems in the dataset" in result.output
    assert "unknown place (got 'nowhere')" in result.output
    assert "unknown measure code (got 'nope')" in result.output
    assert "not a date (got 'last Thursday')" in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == before  # nothing written


def test_validate_missing_file():
    result = run("validate", "no/such.yaml")
    assert result.exit_code == 2
    assert "no/such.yaml: no such dataset file" in result.output


def test_status_json_in_force():
    result = run("status", "--on", "2021-11-25", "--format", "json")
    assert result.exit_code == 0
    (zone,) = json.loads(result.output)["zones"]
    assert zone["zone_name"] == "Kimhyongjik County"
    assert zone["status"] == "in force"
    assert zone["start"].startswith("2021-11-19")
    assert zone["announced_end"] == "2021-12-04"


def test_status_json_after_announced_end():
    (zone,) = json.loads(run("status", "--on", "2021-12-10", "--format", "json").output)["zones"]
    assert zone["status"] == "announced end passed, lifting unconfirmed"
    assert zone["actual_end"] == "unconfirmed"


def test_status_json_gives_stringency_bounds():
    multiyear = str(Path(__file__).parent / "data" / "multiyear.yaml")
    payload = json.loads(run("status", "--on", "2022-05-20", "--format", "json",
                             "--dataset", multiyear).output)
    pyongyang = next(z for z in payload["zones"] if z["lockdown"] == "pyongyang-2022-05")
    value = pyongyang["stringency"]
    assert (value["lower"], value["upper"], value["reported"], value["of"]) == (
        19.44, 86.11, 3, 9)
    assert set(value["indicators"]) == {"C2", "C6", "C7"}
    assert value["indicators"]["C2"]["sources"][0]["quotes"][0]["quote"].startswith("상점과")
    # An order by the hour: at 08:00 on May 4, 2022 the nationwide order was in force.
    early = json.loads(run("status", "--on", "2022-05-04T08:00", "--format", "json",
                           "--dataset", multiyear).output)
    assert all(z["stringency"]["indicators"]["C6"]["flag"] == "general" for z in early["zones"])


def test_status_table():
    result = run("status", "--on", "2021-11-18")
    assert result.exit_code == 0
    assert "Kimhyongjik County  not yet in force" in result.output


def test_status_bad_date():
    result = run("status", "--on", "Nov 25")
    assert result.exit_code == 2
    assert "'Nov 25' is not a date; write YYYY-MM-DD" in result.output


# --- hostile data and outputs (issue 13) -------------------------------------------

def write_raw(raw, path):
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_terminal_escapes_in_the_data_are_never_printed_raw(seed_raw, tmp_path):
    next(p for p in seed_raw["places"] if p["id"] == "kp-kimhyongjik-county")["name"] = \
        "Kim\x1b]0;pwned\x07\x1b[2J"
    seed_raw["dataset"]["name"] = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
    path = write_raw(seed_raw, tmp_path / "mine.yaml")
    for args in (["status", "--on", "2021-11-25", "--dataset", str(path)],
                 ["status", "--on", "2021-11-25", "--format", "json", "--dataset", str(path)],
                 ["export", "--on", "2021-11-25", "-o", str(tmp_path / "m.html"),
                  "--dataset", str(path)]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "\\u001b" in result.output
    payload = json.loads(run("status", "--on", "2021-11-25", "--format", "json", "--dataset",
                             str(path)).output)
    assert payload["zones"][0]["zone_name"] == "Kim\x1b]0;pwned\x07\x1b[2J"  # same value


def test_an_error_message_never_carries_raw_escapes(seed_raw, tmp_path):
    seed_raw["lockdowns"][0]["zone"] = "\x1b[2Jnowhere"
    result = run("validate", str(write_raw(seed_raw, tmp_path / "mine.yaml")))
    assert result.exit_code == 1 and "\x1b" not in result.output


@pytest.mark.parametrize(("command", "output"), [
    ("export", "mine.yaml"), ("export", "./mine.yaml"), ("export", "alias.yaml"),
    ("layers", "mine.yaml")])
def test_an_output_that_is_the_dataset_is_refused(seed_raw, tmp_path, monkeypatch,
                                                  command, output):
    monkeypatch.chdir(tmp_path)
    data = write_raw(seed_raw, tmp_path / "mine.yaml")
    (tmp_path / "alias.yaml").symlink_to(data)
    before = data.read_bytes()
    extra = ["--on", "2021-11-25"] if command == "export" else []
    result = run(command, *extra, "-o", output, "--dataset", "mine.yaml")
    assert result.exit_code == 2
    assert data.read_bytes() == before
    assert "must end in" in result.output or "is the input" in result.output


def test_layers_onto_its_own_json_dataset_is_refused(seed_raw, tmp_path):
    data = tmp_path / "data.json"
    data.write_text(json.dumps(seed_raw), encoding="utf-8")  # JSON is YAML
    before = data.read_bytes()
    result = run("layers", "-o", str(data), "--dataset", str(data))
    assert result.exit_code == 2 and "is the input" in result.output
    assert data.read_bytes() == before


def test_a_map_output_must_be_html(tmp_path):
    result = run("export", "--on", "2021-11-25", "-o", str(tmp_path / "map.png"))
    assert result.exit_code == 2 and "a map file must end in .html" in result.output
    assert list(tmp_path.iterdir()) == []


def test_validate_refuses_a_zone_it_cannot_draw(seed_raw, tmp_path):
    next(p for p in seed_raw["places"] if p["id"] == "kp-kimhyongjik-county")["gazetteer"] = \
        "kp-kimhyongjik-conty"
    result = run("validate", str(write_raw(seed_raw, tmp_path / "mine.yaml")))
    assert result.exit_code == 1
    assert "no such gazetteer place, so the zone of lockdown kimhyongjik-2021-11" in result.output
