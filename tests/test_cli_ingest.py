"""``lockdown-map init`` and ``add``: messages and exit codes, never a traceback."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geo.cli import cli
from geo.dataset import dumps_dataset, load_dataset
from tests.test_merge import LIFTED_5, LIFTED_6, lifted, rfa


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args, env=None):
        return runner.invoke(cli, [str(a) for a in args], env=env or {}, catch_exceptions=False)

    return invoke


@pytest.fixture()
def dataset(tmp_path, run):
    path = tmp_path / "d.yaml"
    assert run("init", path).exit_code == 0
    return path


def write_draft(tmp_path, draft, name="draft.yaml"):
    path = tmp_path / name
    path.write_text(dumps_dataset(draft), encoding="utf-8")
    return path


def test_add_a_reviewed_draft_then_refuse_it_again(tmp_path, run, dataset):
    draft = write_draft(tmp_path, rfa())
    result = run("add", "--draft", draft, "--into", dataset)
    assert result.exit_code == 0, result.output
    assert "new lockdown hyesan-2020-11: Hyesan" in result.output
    assert [lk.id for lk in load_dataset(dataset).lockdowns] == ["hyesan-2020-11"]
    again = run("add", "--draft", draft, "--into", dataset)
    assert again.exit_code == 2
    assert "already in the dataset as 'rfa-hyesan'" in again.output
    assert "Traceback" not in again.output


def test_dry_run_prints_and_writes_nothing(tmp_path, run, dataset):
    before = dataset.read_bytes()
    result = run("add", "--draft", write_draft(tmp_path, rfa()), "--into", dataset, "--dry-run")
    assert result.exit_code == 0 and "dry run: nothing written" in result.output
    assert "Would change" in result.output and dataset.read_bytes() == before


def test_the_target_comes_from_into_or_the_environment_never_the_seed(tmp_path, run, dataset):
    draft = write_draft(tmp_path, rfa())
    refused = run("add", "--draft", draft)
    assert refused.exit_code == 2 and "LOCKDOWN_MAP_INTO" in refused.output
    result = run("add", "--draft", draft, env={"LOCKDOWN_MAP_INTO": str(dataset)})
    assert result.exit_code == 0 and len(load_dataset(dataset).reports) == 1


def test_status_json_shows_that_sources_disagree(tmp_path, run, seed):
    path = tmp_path / "kim.yaml"
    path.write_text(dumps_dataset(seed), encoding="utf-8")
    for name, draft in (("a", lifted("kim-5", LIFTED_5, "2021-12-05")),
                        ("b", lifted("kim-6", LIFTED_6, "2021-12-06", certainty="stated"))):
        assert run("add", "--draft", write_draft(tmp_path, draft, f"{name}.yaml"),
                   "--into", path).exit_code == 0
    out = run("status", "--on", "2021-12-05", "--format", "json", "--dataset", path)
    zone = json.loads(out.output)["zones"][0]
    (dispute,) = zone["sources_disagree"]
    assert dispute["fact"] == "actual_end" and dispute["uses"] == "2021-12-06"
    assert dispute["bounds"] == ["2021-12-05", "2021-12-06"]
    assert [v["quotes"][0]["quote"] for v in dispute["values"]] == [LIFTED_5, LIFTED_6]
    assert dispute["reason"] == "stated over inferred"
    table = run("status", "--on", "2021-12-05", "--dataset", path).output
    assert ("sources disagree on kimhyongjik-2021-11 actual end: 2021-12-05 (inferred), "
            "2021-12-06; the map uses 2021-12-06 (stated over inferred)") in table


def test_a_broken_draft_is_explained(tmp_path, run, dataset):
    bad = tmp_path / "bad.yaml"
    bad.write_text("dataset: {name: d, version: '1'}\nreports: []\nplaces: []\n",
                   encoding="utf-8")
    result = run("add", "--draft", bad, "--into", dataset)
    assert result.exit_code == 2 and "a draft holds exactly one report" in result.output
    missing = run("add", "--draft", tmp_path / "none.yaml", "--into", dataset)
    assert missing.exit_code == 2 and "no such dataset file" in missing.output
