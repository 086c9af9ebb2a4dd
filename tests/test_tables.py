"""The data view's tables and the events CSV."""

import datetime as dt

from geo.tables import events_table, incidents_table, lockdowns_table, measures_table


def test_lockdowns_table_keeps_the_four_dates_apart(seed):
    (row,) = lockdowns_table(seed, dt.date(2021, 12, 10)).to_dict("records")
    assert row["province"] == "Ryanggang Province"
    assert row["status"] == "announced end passed, lifting unconfirmed"
    assert (row["ordered"], row["announced_end"], row["actual_end"]) == (
        "2021-11-19 10:00 (inferred)", "2021-12-04 (inferred)", "unconfirmed")


def test_measures_table_has_oxcgrt_and_quotes(seed):
    table = measures_table(seed, dt.date(2021, 11, 25))
    markets = table[table["code"] == "markets_closed"].iloc[0]
    assert markets["oxcgrt"] == "C2 Workplace closing, level 2"
    assert "closed markets" in markets["quotes"]
    assert set(table["status"]) == {"in force"}


def test_incidents_table(seed):
    table = incidents_table(seed)
    assert list(table["kind"]) == ["border_crossing", "arrest", "confiscation",
                                   "isolation_order"]
    assert table["location_precision"].iloc[0] == "near"


def test_events_keep_the_unknown_actual_end(seed):
    events = events_table(seed)
    unknown = events[events["date"].isna()]
    assert len(unknown) >= 1
    assert set(unknown["certainty"]) == {"unknown"}
    dated = events["date"].dropna().tolist()
    assert dated == sorted(dated)
