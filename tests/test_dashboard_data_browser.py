"""The Data view's zone-day download in a real Chromium, on the public record, offline:
the file the browser saves carries each zone's stringency bounds and their sources."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_dashboard_browser import RECORD, map_frame, serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(RECORD) as url:
        yield url


def test_the_zone_day_download_carries_the_stringency(server, offline):
    page = offline
    page.goto(server, wait_until="domcontentloaded")
    map_frame(page)
    page.get_by_role("tab", name="Data").click()
    button = page.get_by_role("button", name="Zone-days (CSV)")
    button.wait_for(timeout=60_000)
    with page.expect_download(timeout=120_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "lockdown-map-panel.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    rows = {(r["ZoneId"], r["Date"]): r for r in csv.DictReader(io.StringIO(text, newline=""))}
    # Pyongyang's own order (markets, stay at home) and the nationwide movement limit.
    pyongyang = rows[("kp-pyongyang", "20220520")]
    assert (pyongyang["StringencyIndex_LowerBound"], pyongyang["StringencyIndex_UpperBound"],
            pyongyang["StringencyIndex_IndicatorsReported"]) == ("22.22", "88.89", "3")
    assert "C7: kp-2022-05-12 measures[1] movement_restricted (on kp)" in \
        pyongyang["StringencyIndex_Sources"]
    assert "C7: \u201crestricting the moving of persons to the maximum\u201d" in \
        pyongyang["StringencyIndex_Quotes"]
    assert not getattr(page, "blocked", []) and not page.errors
