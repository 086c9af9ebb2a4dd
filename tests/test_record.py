"""The public record (``seeds/record.yaml``): valid, canonical, every quote verbatim in
its report, every zone inside North Korea, and the lockdowns the corpus tells."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from click.testing import CliRunner

from geo.cli import cli
from geo.dataset import SEED_DATASET, dumps_dataset, load_dataset
from geo.gazetteer import load_gazetteer
from geo.geography import context_layers
from geo.layers import zones_layer
from tests.test_seeds import _all_evidence

RECORD = SEED_DATASET.with_name("record.yaml")


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)


def test_the_record_validates_and_is_canonical(record):
    result = CliRunner().invoke(cli, ["validate", str(RECORD)])
    assert result.exit_code == 0, result.output
    assert dumps_dataset(record) == RECORD.read_text(encoding="utf-8")


def test_every_quote_occurs_verbatim_in_its_report(record):
    texts = {report.id: report.text for report in record.reports}
    evidence = list(_all_evidence(record))
    assert len(evidence) > 200
    for item in evidence:
        assert item.quote in texts[item.report], (item.report, item.quote)


def test_every_zone_is_drawn_inside_north_korea(record):
    zones = zones_layer(record, context_layers())
    assert len(zones) == len(record.lockdowns)
    countries = context_layers()["countries"]
    kp = countries[countries["id"] == "kp"].geometry.iloc[0]
    for row in zones.itertuples():
        assert row.geometry is not None, row.lockdown
        # Zones are clipped to their province: inside the country up to rounding.
        assert shapely.difference(row.geometry, kp.buffer(1e-3)).area < 1e-6, row.lockdown


def _province(gazetteer_id: str) -> str | None:
    entry = load_gazetteer().get(gazetteer_id)
    while entry.kind not in ("province", "country") and entry.parent:
        entry = load_gazetteer().get(entry.parent)
    return entry.id if entry.kind == "province" else None


def test_lockdowns_in_at_least_six_provinces_over_2020_to_2023(record):
    provinces, years = set(), set()
    for lockdown in record.lockdowns:
        province = _province(record.place(lockdown.zone).gazetteer)
        if province:
            provinces.add(province)
        for when in (lockdown.effective, lockdown.actual_end, *(c.when for c in lockdown.changes)):
            for day in (when.on, when.latest, when.earliest):
                if day:
                    years.add(day.year)
    assert len(provinces) >= 6, provinces
    assert {2020, 2021, 2022, 2023} <= years


def test_status_on_2022_05_20_shows_the_nationwide_lockdown_with_stringency_bounds():
    result = CliRunner().invoke(cli, ["status", "--dataset", str(RECORD), "--on", "2022-05-20",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    zones = json.loads(result.output)["zones"]
    nationwide = [z for z in zones if z["zone"] == "kp" and z["status"] == "in force"]
    assert [z["lockdown"] for z in nationwide] == ["kp-2022-05-12"]
    bounds = nationwide[0]["stringency"]
    assert 0 < bounds["lower"] <= bounds["upper"] <= 100 and bounds["reported"] >= 1
    assert "C7" in bounds["indicators"]  # "restricting the moving of persons to the maximum"
    # A county under it inherits the nationwide order.
    (yomju,) = [z for z in zones if z["zone"] == "kp-yomju-county"]
    assert "kp-2022-05-12" in yomju["stringency"]["lockdowns"]


def test_hyesan_has_several_lockdowns_with_quotes_from_more_than_one_report(record):
    hyesan = [lk for lk in record.lockdowns if lk.zone == "kp-hyesan"]
    assert len(hyesan) >= 4
    reports = {e.report for lk in hyesan for e in lk.evidence}
    assert len(reports) >= 4
    assert any(len({e.report for e in lk.evidence}) > 1 for lk in hyesan)


def test_the_record_holds_the_founding_report_and_the_whole_corpus(record):
    ids = {r.id for r in record.reports}
    assert {"dailynk-en-2021-11-kimhyongjik", "dailynk-ko-2021-11-kimhyongjik"} <= ids
    corpus = Path("/work/shared/corpus/reports.json")
    if corpus.exists():
        urls = {r["url"] for r in json.loads(corpus.read_text(encoding="utf-8"))}
        assert urls <= {r.url for r in record.reports}
    assert len(record.reports) == 35
