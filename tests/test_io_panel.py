"""The zone-day panel's stringency columns, read from the CSV text a user downloads."""

from __future__ import annotations

import csv
import io

import pytest

from geo.cli import cli
from geo.dataset import write_dataset
from geo.io import csv_text, panel_frame
from geo.io.panel import STRINGENCY_COLUMNS
from geo.selection import select
from geo.validate import validate

NATIONWIDE_TEXT = ("A nationwide lockdown began on Dec. 1, ordering every resident to stay "
                   "at home. It was lifted on Dec. 10.")
COUNTY_MEASURES = "Accordingly, the order suspended travel permits for Kimhyongjik County"


def _stated(day: str, report: str, quote: str) -> dict:
    return {"certainty": "stated", "on": day, "precision": 1,
            "evidence": [{"report": report, "quote": quote}]}


@pytest.fixture()
def tiny(seed_raw):
    """The seed's county lockdown (Nov. 19 to an announced Dec. 4, lifting unconfirmed)
    with two reported indicators — C2 markets closed (targeted), C7 travel permits
    suspended (general) — and a nationwide stay-at-home order in force Dec. 1 to 10."""
    county = seed_raw["lockdowns"][0]
    evidence = [{"report": "dailynk-en-2021-11-kimhyongjik", "quote": COUNTY_MEASURES}]
    county["measures"] = [
        {"code": "markets_closed", "scope": "targeted", "evidence": evidence},
        {"code": "enforcement_patrols", "scope": "targeted", "evidence": evidence},
        {"code": "travel_permits_suspended", "scope": "general", "evidence": evidence}]
    seed_raw["reports"].append({
        "id": "wire-2021-12", "outlet": "Test wire", "title": "Nationwide lockdown",
        "language": "en", "text": NATIONWIDE_TEXT,
        "published": _stated("2021-12-11", "wire-2021-12", "It was lifted on Dec. 10.")})
    begun = "A nationwide lockdown began on Dec. 1, ordering every resident to stay at home."
    seed_raw["lockdowns"].append({
        "id": "kp-2021-12", "zone": "kp", "scope": "the whole country",
        "ordered": _stated("2021-12-01", "wire-2021-12", begun),
        "effective": _stated("2021-12-01", "wire-2021-12", begun),
        "announced_end": {"certainty": "unknown"},
        "actual_end": _stated("2021-12-10", "wire-2021-12", "It was lifted on Dec. 10."),
        "measures": [{"code": "stay_at_home", "scope": "general",
                      "evidence": [{"report": "wire-2021-12", "quote": begun}]}],
        "evidence": [{"report": "wire-2021-12", "quote": begun}]})
    return validate(seed_raw, "tiny.yaml")


def rows_of(text: str) -> dict[tuple[str, str], dict[str, str]]:
    """The CSV's rows as strings, by (ZoneId, Date), as a spreadsheet reads them."""
    return {(row["ZoneId"], row["Date"]): row
            for row in csv.DictReader(io.StringIO(text, newline=""))}


C2, C6, C7 = "C2_Workplace closing", "C6_Stay at home requirements", \
    "C7_Restrictions on internal movement"
COUNTY = "kp-kimhyongjik-county"


# Scores (OxCGRT): C2 2 targeted 100 * 1.5 / 3 = 50; C7 2 general 100; C6 2 general 66.67.
@pytest.mark.parametrize(("day", "status", "levels", "lower", "upper", "reported", "sources"), [
    # The county's own order alone: two indicators, the rest unknown (0 or their maximum).
    ("20211125", "in force", {C2: "2", "C2_Flag": "0", C6: "", C7: "2", "C7_Flag": "1"},
     "16.67", "94.44", "2",
     "C2: kimhyongjik-2021-11 measures[0] markets_closed; "
     "C7: kimhyongjik-2021-11 measures[2] travel_permits_suspended"),
    # The nationwide order adds C6 to the county's own two.
    ("20211202", "in force", {C2: "2", C6: "2", "C6_Flag": "1", C7: "2"},
     "24.07", "90.74", "3",
     "C2: kimhyongjik-2021-11 measures[0] markets_closed; "
     "C6: kp-2021-12 measures[0] stay_at_home (on kp); "
     "C7: kimhyongjik-2021-11 measures[2] travel_permits_suspended"),
    # The county's announced end has passed unconfirmed: only the inherited C6 is known.
    ("20211208", "announced end passed, lifting unconfirmed", {C2: "", C6: "2", C7: ""},
     "7.41", "96.3", "1", "C6: kp-2021-12 measures[0] stay_at_home (on kp)"),
    # Nationwide order lifted, the county's lifting unconfirmed: nothing known.
    ("20211211", "announced end passed, lifting unconfirmed", {C2: "", C6: "", C7: ""},
     "0.0", "100.0", "0", ""),
    # Before anything: no lockdown applies, every level 0; the bounds still say unknown.
    ("20211118", "not yet in force", {C2: "0", "C2_Flag": "", C6: "0", C7: "0"},
     "0.0", "100.0", "0", ""),
])
def test_county_bounds_and_the_inherited_nationwide_order(tiny, day, status, levels, lower,
                                                          upper, reported, sources):
    text = csv_text(panel_frame(tiny))
    header = text.split("\r\n", 1)[0].split(",")
    assert header[-len(STRINGENCY_COLUMNS):] == STRINGENCY_COLUMNS
    row = rows_of(text)[(COUNTY, day)]
    assert row["ZoneStatus"] == status
    assert {column: row[column] for column in levels} == levels
    assert (row["StringencyIndex_LowerBound"], row["StringencyIndex_UpperBound"],
            row["StringencyIndex_IndicatorsReported"]) == (lower, upper, reported)
    assert row["StringencyIndex_Sources"] == sources


def test_the_country_row_is_its_own_order(tiny):
    row = rows_of(csv_text(panel_frame(tiny)))[("kp", "20211202")]
    assert (row["ZoneStatus"], row["Lockdowns"], row[C6]) == ("in force", "kp-2021-12", "2")
    assert row["StringencyIndex_Sources"] == "C6: kp-2021-12 measures[0] stay_at_home"
    assert row["StringencyIndex_LowerBound"] == "7.41"


def test_every_source_leads_to_its_quote(tiny):
    """A Sources entry names a lockdown and a measure's index: that measure's quotes, the
    report's own words, are in the Quotes column."""
    row = rows_of(csv_text(panel_frame(tiny)))[(COUNTY, "20211202")]
    quotes = row["StringencyIndex_Quotes"].split(" | ")
    for entry in row["StringencyIndex_Sources"].split("; "):
        indicator, ref = entry.split(": ", 1)
        lockdown_id, index, code = ref.split(" ")[:3]
        lockdown = next(item for item in tiny.lockdowns if item.id == lockdown_id)
        measure = lockdown.measures[int(index.removeprefix("measures[").rstrip("]"))]
        assert measure.code == code and indicator in code_indicator(code)
        for evidence in measure.evidence:
            assert evidence.quote in tiny.report(evidence.report).text
            assert f"{indicator}: \u201c{evidence.quote}\u201d ({evidence.report})" in quotes
    assert len(quotes) == 3  # C2 and C7 quote the county's sentence, C6 the wire's


def code_indicator(code: str) -> str:
    from geo.measures import measure_type

    return measure_type(code).oxcgrt or ""


def test_a_filtered_download_keeps_the_nationwide_order(tiny):
    """The dashboard's filters keep the county only; the country's order still counts."""
    county_only = select(tiny, ["kimhyongjik-2021-11"], [])
    alone = rows_of(csv_text(panel_frame(county_only)))
    assert ("kp", "20211202") not in alone
    assert alone[(COUNTY, "20211202")]["StringencyIndex_IndicatorsReported"] == "2"
    kept = rows_of(csv_text(panel_frame(county_only, stringency_from=tiny)))
    assert kept[(COUNTY, "20211202")]["StringencyIndex_IndicatorsReported"] == "3"
    assert ("kp", "20211202") not in kept


def test_the_cli_writes_the_stringency_columns(tiny, tmp_path):
    from click.testing import CliRunner

    path = write_dataset(tiny, tmp_path / "tiny.yaml")
    out = tmp_path / "panel.csv"
    result = CliRunner().invoke(cli, ["csv", "panel", "-o", str(out), "--dataset", str(path)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    row = rows_of(out.read_text(encoding="utf-8"))[(COUNTY, "20211202")]
    assert (row["StringencyIndex_LowerBound"], row["StringencyIndex_UpperBound"]) == (
        "24.07", "90.74")
