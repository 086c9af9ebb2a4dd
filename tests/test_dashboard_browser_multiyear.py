"""The day control's range and the overview chart in a real Chromium, on the multi-year
fixture (tests/data/multiyear.yaml), offline."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_dashboard_browser import map_frame, serving

ROOT = Path(__file__).resolve().parent.parent
MULTIYEAR = ROOT / "tests" / "data" / "multiyear.yaml"
US_PER_DAY = 86_400_000_000
EPOCH_DAY_2022_05_01 = 19113  # days from 1970-01-01
EPOCH_DAY_2022_06_30 = 19173

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(MULTIYEAR) as url:
        yield url


def settled(page, find, timeout: float = 30.0):
    """The one element ``find(page)`` locates, once a rerun has settled (Streamlit shows
    the old element beside the new one for a moment)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find(page)
        if found.count() == 1:
            return found
        time.sleep(0.2)
    raise AssertionError("the page did not settle")


def the_slider(page):
    return settled(page, lambda p: p.get_by_role("slider", name="Day"))


def test_range_control_and_overview_chart(server, offline, tmp_path):
    page = offline
    page.goto(server, wait_until="domcontentloaded")
    map_frame(page)
    slider = the_slider(page)
    assert slider.get_attribute("aria-valuetext").startswith("202")
    assert int(slider.get_attribute("min")) // US_PER_DAY < EPOCH_DAY_2022_05_01
    # Narrow the range to May and June 2022, typing into the range's date fields.
    box = page.locator(".st-key-day_range")
    for which, parts in (("start", ("2022", "05", "01")), ("end", ("2022", "06", "30"))):
        for part, value in zip(("year", "month", "day"), parts, strict=True):
            box.get_by_role("spinbutton", name=f"{part}, Range {which} date").click()
            page.keyboard.type(value)
    page.get_by_text("Data: Test fixture").first.click()  # leave the field: the range is committed
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        slider = the_slider(page)
        if int(slider.get_attribute("min")) // US_PER_DAY == EPOCH_DAY_2022_05_01:
            break
        time.sleep(0.3)
    assert int(slider.get_attribute("min")) // US_PER_DAY == EPOCH_DAY_2022_05_01
    assert int(slider.get_attribute("max")) // US_PER_DAY == EPOCH_DAY_2022_06_30
    # Jump to the previous change from the range's end: Pyongyang's lifting on May 29.
    settled(page, lambda p: p.locator(".st-key-change_back button:visible")).click()
    page.get_by_text("2022-05-29 ·").first.wait_for(timeout=20_000)

    page.get_by_role("tab", name="Overview").click()
    page.get_by_text("Zones in force per day, by province").first.wait_for(timeout=30_000)
    charts = page.locator(".vega-embed")
    charts.nth(1).wait_for(timeout=30_000)
    assert charts.count() == 2
    # Vega drew marks: the overview's bars and the stringency band are in the canvas/SVG.
    assert page.locator(".vega-embed canvas, .vega-embed svg").count() >= 2
    assert page.get_by_text("From 2022-05-01 to 2022-06-30").first.is_visible()
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    assert not [e for e in page.errors if "is not defined" in e], page.errors
