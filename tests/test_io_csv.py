"""CSV as ACLED and OxCGRT users expect: the columns, and quotes that survive every reader."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from geo.io import csv_bytes, events_frame, panel_frame, write_csv
from geo.io.panel import indicator_columns
from geo.validate import validate

ACLED = ["id", "event_date", "time_precision", "geo_precision", "country", "iso", "admin1",
         "admin2", "location", "latitude", "longitude", "source", "source_url", "quote",
         "certainty"]
HOSTILE = 'He said, "stay home";\nthen: 집에 있어라, 동무 — Kimhyŏngjik, =1+1'


@pytest.fixture()
def hostile(seed_raw):
    """The seed with an incident quote holding commas, quotes, a line break and Hangul."""
    report = seed_raw["reports"][0]
    report["text"] += "\n" + HOSTILE
    seed_raw["incidents"][0]["evidence"] = [{"report": report["id"], "quote": HOSTILE}]
    return validate(seed_raw, "hostile.yaml")


def test_events_have_acled_columns_and_values(seed):
    events = events_frame(seed)
    assert set(ACLED) <= set(events.columns)
    crossing = events.set_index("id").loc["choe-crossing-2021-11-18"]
    assert (crossing["event_date"], crossing["time"]) == ("2021-11-18", "21:00")
    assert (crossing["time_precision"], crossing["geo_precision"]) == (1, 2)
    assert (crossing["country"], crossing["iso"]) == ("North Korea", 408)
    assert (crossing["admin1"], crossing["admin2"]) == ("Ryanggang Province",
                                                        "Kimhyongjik County")
    assert (crossing["latitude"], crossing["longitude"]) == (41.5071, 127.2683)
    assert crossing["source"] == "Daily NK" and crossing["source_url"].startswith("https://")
    assert crossing["quote"].startswith("At 9 PM last Thursday")
    assert "지난 18일" in crossing["quote"]  # both reports' words, one per line


def test_events_keep_the_unknown_actual_end_without_a_date(seed):
    events = events_frame(seed)
    end = events.set_index("id").loc["kimhyongjik-2021-11:actual-end"]
    assert pd.isna(end["event_date"]) and end["certainty"] == "unknown"
    dated = events["event_date"].dropna().tolist()
    assert dated == sorted(dated) and events["event_date"].isna().iloc[-1]


@pytest.mark.parametrize("bom", [False, True])
def test_quotes_survive_pandas_and_the_csv_module(hostile, bom):
    frame = events_frame(hostile)
    data = csv_bytes(frame, bom=bom)
    assert data.startswith(b"\xef\xbb\xbf") == bom
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(back.columns) == list(frame.columns)
    assert HOSTILE in set(back["quote"])
    # Excel's dialect, as Python's csv module reads it (CRLF records, quoted line breaks).
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(frame)
    assert HOSTILE in {row["quote"] for row in rows}
    assert data.count(b"\r\n") == len(frame) + 1  # the quote's own newline stays \n


def test_round_trip_keeps_every_cell(seed):
    frame = events_frame(seed)
    back = pd.read_csv(io.BytesIO(csv_bytes(frame)), dtype=str, keep_default_na=False)
    expected = frame.astype(object).where(frame.notna(), "").astype(str)
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)


def test_panel_is_one_row_per_zone_and_day_with_oxcgrt_levels(seed):
    panel = panel_frame(seed)
    assert panel[["ZoneId", "Date"]].duplicated().sum() == 0
    assert panel["Date"].iloc[0] == 20211118 and panel["CountryCode"].iloc[0] == "PRK"
    assert set(indicator_columns()) <= set(panel.columns)
    day = panel.set_index("Date")
    in_force = day.loc[20211125]
    assert in_force["ZoneStatus"] == "in force"
    assert (in_force["C2_Workplace closing"], in_force["C2_Flag"]) == (2, 0)  # markets, targeted
    assert in_force["C6_Stay at home requirements"] == 2
    assert in_force["C7_Restrictions on internal movement"] == 2
    assert pd.isna(in_force["C1_School closing"])  # never coded: unknown, not 0
    before = day.loc[20211118]
    assert before["ZoneStatus"] == "not yet in force" and before["C7_Restrictions on internal "
                                                                 "movement"] == 0
    after = day.loc[20211210]  # announced end passed, lifting unconfirmed: unknown
    assert after["ZoneStatus"].startswith("announced end passed")
    assert pd.isna(after["C7_Restrictions on internal movement"])


def test_panel_stringency_seam(seed):
    panel = panel_frame(seed, stringency=lambda frame: frame["C7_Restrictions on internal "
                                                            "movement"] * 10)
    assert panel.set_index("Date").loc[20211125, "StringencyIndex"] == 20


def test_write_csv_wants_a_csv_suffix(seed, tmp_path):
    from geo.errors import ExportError

    with pytest.raises(ExportError, match=r"must end in \.csv"):
        write_csv(events_frame(seed), tmp_path / "events.txt")
    path = write_csv(events_frame(seed), tmp_path / "events.csv", bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,event_date")


def test_panel_after_the_last_report_is_unknown_not_in_force():
    import datetime as dt
    from pathlib import Path

    from geo.dataset import load_dataset

    data = load_dataset(Path(__file__).resolve().parent / "data" / "multiyear.yaml")
    panel = panel_frame(data, span=(dt.date(2020, 11, 25), dt.date(2020, 11, 26)))
    chagang = panel[panel["ZoneId"] == "kp-chagang"].set_index("Date")
    # Chagang 2020 has no end known and no report after Nov. 25, 2020.
    assert chagang.loc[20201125, "ZoneStatus"] == "in force"
    assert chagang.loc[20201126, "ZoneStatus"] == "in force when last reported; no later report"
    assert pd.isna(chagang.loc[20201126, "Lockdowns"])
    assert pd.isna(chagang.loc[20201126, "C7_Restrictions on internal movement"])
