"""Disagreements in a dataset file: validated like any record, shown wherever the dates are."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.state import ENV_VAR
from geo.dataset import dumps_dataset
from geo.errors import DatasetError
from geo.merge import merge_draft
from geo.rawform import dataset_to_raw
from geo.validate import validate
from tests.test_merge import LIFTED_5, LIFTED_6, lifted

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def disputed(seed):
    dataset = merge_draft(seed, lifted("kim-5", LIFTED_5, "2021-12-05")).dataset
    return merge_draft(dataset, lifted("kim-6", LIFTED_6, "2021-12-06",
                                       certainty="stated")).dataset


def test_a_disagreement_round_trips(disputed):
    assert validate(dataset_to_raw(disputed)) == disputed


@pytest.mark.parametrize(("break_it", "message"), [
    (lambda d: d.update(fact="lifted"), "not a date of a lockdown"),
    (lambda d: d.update(values=d["values"][:1]), "needs at least two values"),
    (lambda d: d["values"][1].update(on="2021-12-09"), "is not one of the values"),
    (lambda d: d["values"][0].pop("evidence"), "needs the words that give it"),
    (lambda d: d.pop("reason"), "required field is missing"),
])
def test_a_broken_disagreement_is_explained(disputed, break_it, message):
    raw = copy.deepcopy(dataset_to_raw(disputed))
    break_it(raw["lockdowns"][0]["disagreements"][0])
    with pytest.raises(DatasetError, match=message) as info:
        validate(raw, "d.yaml")
    assert "lockdowns[0] (id kimhyongjik-2021-11)" in str(info.value)


def test_the_details_panel_says_sources_disagree(disputed, tmp_path, monkeypatch):
    path = tmp_path / "disputed.yaml"
    path.write_text(dumps_dataset(disputed), encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.selectbox(key="zone_pick").set_value("kimhyongjik-2021-11").run()
    assert not at.exception
    (warning,) = [w for w in at.warning if "Sources disagree" in w.value]
    shown = warning.value.replace("\\", "")
    assert "actual end" in shown and "The map uses 2021-12-06: stated over inferred" in shown
    quotes = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert LIFTED_5 in quotes and LIFTED_6 in quotes
