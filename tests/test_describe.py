"""What an analyst reads about a zone: the same text for popups and the details panel."""

import datetime as dt

from geo.describe import describe_lockdown
from geo.timeline import ZoneStatus


def test_summary_of_the_seed_lockdown(seed):
    summary = describe_lockdown(seed, seed.lockdowns[0], dt.date(2021, 11, 25))
    assert summary.zone_name == "Kimhyongjik County"
    assert "Huchang County" in summary.other_names and "김형직군" in summary.other_names
    assert summary.status is ZoneStatus.IN_FORCE
    assert [(d.label, d.value) for d in summary.dates] == [
        ("Ordered", "2021-11-19 10:00 (inferred)"),
        ("In force from", "2021-11-19 (inferred)"),
        ("Announced end", "2021-12-04 (inferred)"),
        ("Actual end", "unconfirmed"),
    ]
    markets = next(m for m in summary.measures if m.code == "markets_closed")
    assert markets.oxcgrt == "C2 Workplace closing, level 2"
    assert markets.scope == "targeted"
    assert any("closed markets" in q.text and q.url.startswith("https://www.dailynk.com/")
               for q in markets.quotes)
    assert summary.trigger.kind == "border crossing"
    assert summary.trigger.when == "2021-11-18 21:00 (inferred)"
    assert any(n.startswith("Actual end unconfirmed") for n in summary.precision_notes)
    assert {q.report_id for q in summary.sources} == {"dailynk-en-2021-11-kimhyongjik",
                                                      "dailynk-ko-2021-11-kimhyongjik"}


def test_status_follows_the_day(seed):
    later = describe_lockdown(seed, seed.lockdowns[0], dt.date(2021, 12, 10))
    assert later.status is ZoneStatus.END_PASSED_UNCONFIRMED


def test_notes_say_what_is_known_of_an_unreported_start_and_end():
    from pathlib import Path

    from geo.dataset import load_dataset

    record = load_dataset(Path(__file__).resolve().parents[1] / "seeds" / "record.yaml")
    by_id = {lockdown.id: lockdown for lockdown in record.lockdowns}
    lifted = describe_lockdown(record, by_id["samjiyon-undated-1"], dt.date(2020, 9, 1))
    assert "Start not reported: known only from its lifting; never shown in force." in \
        lifted.precision_notes
    rason = describe_lockdown(record, by_id["rajin-2020-05-1"], dt.date(2022, 5, 20))
    assert "No end reported: last reported 2020-05-13; after that, no later report." in \
        rason.precision_notes
