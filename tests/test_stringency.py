"""The OxCGRT-style stringency index: formula, bounds, inheritance, quotes."""

# ruff: noqa: RUF001 - the ranges are written with an en dash, as the app prints them

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from geo.dataset import load_dataset
from geo.stringency import (
    INDICATORS,
    covering_lockdowns,
    coverings,
    stringency_index,
    stringency_on,
    stringency_rows,
    stringency_series,
    sub_index,
    zone_stringency,
)

MULTIYEAR = Path(__file__).resolve().parent / "data" / "multiyear.yaml"


@pytest.fixture(scope="module")
def multiyear():
    return load_dataset(MULTIYEAR)


# OxCGRT's worked example (index methodology, "an explicit example of the calculation for
# a given country/territory on a single day"): the nine indicators of the Stringency
# Index with their level and flag (1 = general), and the sub-index scores it lists.
OXCGRT_EXAMPLE = {
    "C1": ((2, True), 66.67), "C2": (None, 0.00), "C3": ((2, False), 75.00),
    "C4": ((2, False), 37.50), "C5": ((0, False), 0.00), "C6": ((1, False), 16.67),
    "C7": ((1, True), 50.00), "C8": ((3, False), 75.00), "H1": ((2, False), 75.00),
}


@pytest.mark.parametrize(("indicator", "value", "score"),
                         [(k, v, s) for k, (v, s) in OXCGRT_EXAMPLE.items() if v is not None])
def test_sub_index_matches_oxcgrt_example(indicator, value, score):
    assert sub_index(indicator, *value) == pytest.approx(score, abs=0.005)


def test_index_matches_oxcgrt_example():
    values = {code: value for code, (value, _) in OXCGRT_EXAMPLE.items()}
    assert round(stringency_index(values), 2) == 43.98


@pytest.mark.parametrize(("indicator", "level", "general", "score"), [
    ("C8", 4, False, 100.0),  # no flag: the flag never halves C8
    ("C8", 4, True, 100.0),
    ("C6", 3, True, 100.0),  # the top of every flagged scale is general
    ("C6", 3, False, 100 * 2.5 / 3),
    ("C2", 0, True, 0.0),  # no policy, no score whatever the flag
])
def test_sub_index_edges(indicator, level, general, score):
    assert sub_index(indicator, level, general) == pytest.approx(score)


@pytest.mark.parametrize(("args", "message"), [
    (("C9", 1), "unknown OxCGRT indicator"), (("C5", 3), "outside its scale 0–2"),
    (("C1", -1), "outside its scale"),
])
def test_sub_index_refuses_bad_values(args, message):
    with pytest.raises(ValueError, match=message):
        sub_index(*args)


def test_bounds_on_a_zone_with_three_indicators(multiyear):
    value = zone_stringency(multiyear, "kp-pyongyang", dt.date(2022, 5, 20))
    assert value.reported == 3  # C2 markets, C6 stay at home, C7 entry ban: all targeted
    assert {c: (v.level, v.general) for c, v in value.indicators.items()} == {
        "C2": (2, False), "C6": (2, False), "C7": (2, False)}
    known = sub_index("C2", 2) + sub_index("C6", 2) + sub_index("C7", 2)
    assert value.lower == pytest.approx(known / 9)
    assert value.upper == pytest.approx((known + 6 * 100) / 9)
    assert value.label() == f"{known / 9:.1f}–{(known + 600) / 9:.1f} (3 of 9 indicators reported)"


def test_every_value_links_to_its_quotes(multiyear):
    value = zone_stringency(multiyear, "kp-pyongyang", dt.date(2022, 5, 20))
    c7 = value.indicators["C7"]
    (source,) = c7.sources
    assert source.lockdown == "pyongyang-2022-05" and source.measure == "entry_banned"
    assert source.evidence[0].quote == "사람뿐 아니라 차량도 일절 다니지 못하게 도시 전체를 봉쇄해"
    report = multiyear.report(source.evidence[0].report)
    assert source.evidence[0].quote in report.text


def test_nationwide_order_is_inherited_by_every_zone(multiyear):
    day = dt.date(2022, 5, 4)
    values = stringency_on(multiyear, day)
    assert set(values) == {"kp-hyesan", "kp-wiwon-county", "kp-chagang", "kp", "kp-pyongyang"}
    for zone, value in values.items():
        c6 = value.indicators["C6"]
        assert (c6.level, c6.general) == (2, True), zone
        assert c6.sources[0].lockdown == "nationwide-2022-05-04"
        assert c6.sources[0].inherited == (zone != "kp")
        assert value.reported == 1
    # Lifted the next day: nothing reported any more outside Pyongyang's own order.
    assert stringency_on(multiyear, day + dt.timedelta(days=1))["kp-wiwon-county"].reported == 0


def test_province_order_covers_its_counties_not_others(multiyear):
    day = dt.date(2020, 11, 25)
    wiwon = zone_stringency(multiyear, "kp-wiwon-county", day)
    assert set(wiwon.lockdowns) == {"wiwon-2020-11", "chagang-2020-11"}
    hyesan = zone_stringency(multiyear, "kp-hyesan", day - dt.timedelta(days=5))
    assert hyesan.lockdowns == ("hyesan-2020-11",)  # Ryanggang, not Chagang


def test_unconfirmed_end_sets_nothing(multiyear):
    # Hyesan's announced end (Nov. 21, 2020) passed with no report of the lifting.
    value = zone_stringency(multiyear, "kp-hyesan", dt.date(2020, 12, 1))
    assert value.reported == 0 and value.unconfirmed == ("hyesan-2020-11",)
    assert (value.lower, value.upper) == (0.0, 100.0)


def test_no_later_report_sets_nothing_and_says_so(multiyear):
    # Chagang 2020: no end known, last reported Nov. 25, 2020.
    reported = zone_stringency(multiyear, "kp-chagang", dt.date(2020, 11, 25))
    silent = zone_stringency(multiyear, "kp-chagang", dt.date(2020, 11, 26))
    assert reported.lockdowns == ("chagang-2020-11",) and reported.unreported == ()
    assert silent.lockdowns == () and silent.unreported == ("chagang-2020-11",)
    assert silent.to_dict()["unreported"] == ["chagang-2020-11"]
    assert (silent.lower, silent.upper) == (0.0, 100.0)


def test_series_and_rows(multiyear):
    series = stringency_series(multiyear, "kp-pyongyang", dt.date(2022, 5, 9),
                               dt.date(2022, 5, 30))
    lower = [round(v.lower, 1) for v in series]
    assert lower[0] == 0.0 and lower[1] > 0 and lower[-1] == 0.0  # May 10 to May 29
    rows = stringency_rows(multiyear, [dt.date(2022, 5, 20)])
    row = next(r for r in rows if r["zone"] == "kp-pyongyang")
    assert row["C6_level"] == "2T" and row["C8_level"] == "" and row["indicators_reported"] == 3
    assert "문밖 출입" in row["quotes"]
    assert set(rows[0]) >= {f"{code}_level" for code in INDICATORS}


@pytest.fixture(scope="module")
def twinned(multiyear):
    """A second dataset place ("twin") on the gazetteer county of the first lockdown,
    locked down too ("twin-1"); and that first lockdown."""
    first = multiyear.lockdowns[0]
    twin = dataclasses.replace(multiyear.place(first.zone), id="twin", name="Twin")
    data = dataclasses.replace(
        multiyear, places=(*multiyear.places, twin), _index={},
        lockdowns=(*multiyear.lockdowns, dataclasses.replace(first, id="twin-1", zone="twin")))
    return data, first


def test_coverings_are_each_zones_covering_lockdowns_and_shared(twinned):
    data, first = twinned
    found = coverings(data)
    assert set(found) == {lockdown.zone for lockdown in data.lockdowns}
    for zone, lockdowns in found.items():
        assert lockdowns == covering_lockdowns(data, zone)
    # Zones covered by the same lockdowns share one tuple: a caller groups them by it.
    assert found["twin"] is found[first.zone]
    assert len({id(lockdowns) for lockdowns in found.values()}) == len(found) - 1


def test_zones_sharing_their_lockdowns_share_the_day_but_keep_their_own_sources(twinned):
    data, first = twinned
    days = sorted({lockdown.effective.on for lockdown in data.lockdowns
                   if lockdown.effective.on}, key=str)
    for day in days:
        shared = stringency_on(data, day)
        for zone, value in shared.items():  # as if each zone were asked alone
            assert value == zone_stringency(data, zone, day), (zone, day)
    on = first.effective.on
    values = stringency_on(data, on)
    assert values["twin"].zone_name == "Twin" and values["twin"].lockdowns
    for zone, own in ((first.zone, first.id), ("twin", "twin-1")):
        sources = [s for v in values[zone].indicators.values() for s in v.sources]
        assert {s.lockdown for s in sources if not s.inherited} == {own}
        assert {s.lockdown for s in sources if s.inherited} >= {"twin-1", first.id} - {own}
