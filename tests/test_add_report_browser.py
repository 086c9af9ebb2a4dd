"""The Add view in a real Chromium: paste the founding report, see its highlights, change
the announced end, save, and find the zone on the map with the new end; a second tab's
stale save is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from shared_files import FOUNDING

from geo.dataset import load_dataset
from geo.store import init_dataset
from tests.test_dashboard_browser import map_frame, start_server, stop_server, wait_zone

pytestmark = pytest.mark.browser


@pytest.fixture()
def served(tmp_path) -> Iterator[tuple[str, Path]]:
    dataset = init_dataset(tmp_path / "mine.yaml")
    process, url = start_server({"LOCKDOWN_MAP_DATASET": str(dataset)})
    try:
        yield url, dataset
    finally:
        stop_server(process)


def read_founding_report(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    # The first run of the app builds the map layers; on a loaded machine that is slow.
    page.get_by_role("tab", name="Add a report").click(timeout=180_000)
    page.get_by_label("Report text").fill(FOUNDING.read_text(encoding="utf-8"))
    page.get_by_label("Outlet").fill("Daily NK")
    page.get_by_label("Publication date").fill("2021-11-23")
    page.get_by_label("Publication date").press("Enter")
    page.get_by_role("button", name="Read the report").click()
    page.locator("mark.lm-hl").first.wait_for(timeout=120_000)


def test_paste_edit_save_and_see_it_on_the_map(served, offline, browser):
    url, dataset = served
    page = offline
    read_founding_report(page, url)
    assert page.locator("mark.lm-hl-place").count() >= 1
    assert page.locator("mark.lm-hl-date").count() >= 1
    # A second tab reads the same report against the same, still empty, file.
    other = browser.new_page()
    read_founding_report(other, url)

    end = page.locator(".st-key-add_f_0_announced_end_on input")
    assert end.input_value() == "2021-12-04"
    end.fill("2021-12-10")
    end.press("Enter")
    page.locator(".st-key-add_preview").get_by_text("new lockdown", exact=False).first.wait_for()
    page.get_by_role("button", name="Save").click()
    # The save's own message (a bare "saved" also matches the view's help text, which is
    # there before the file is written).
    page.get_by_text("and its facts are in").wait_for(timeout=30_000)
    (county,) = [lk for lk in load_dataset(dataset).lockdowns
                 if lk.zone == "kp-kimhyongjik-county"]
    assert county.announced_end.on.isoformat() == "2021-12-10"

    # The map: on Dec. 7 the zone is still in force (its announced end is now Dec. 10).
    # The sidebar now counts the saved lockdown: the app holds the saved file.
    page.locator('[data-testid="stSidebar"]').get_by_text("1 lockdowns").wait_for()
    page.get_by_role("tab", name="Map").click()
    frame = map_frame(page)
    slider = page.get_by_role("slider")
    slider.focus()
    slider.press("Home")  # Nov. 18, the crossing
    for _ in range(19):
        slider.press("ArrowRight")
    page.get_by_text("2021-12-07").first.wait_for()
    wait_zone(frame, "in-force")
    page.get_by_label("Zone details").first.click()
    page.get_by_role("option", name=county.id, exact=False).first.click()
    panel = page.locator(".st-key-details_panel")
    panel.wait_for(timeout=20_000)
    text = panel.inner_text()
    assert "2021-12-10" in text and "in force on 2021-12-07" in text

    # The second tab loaded the file before the save: its save is refused, nothing lost.
    before = dataset.read_bytes()
    other.get_by_role("button", name="Save").click()
    other.get_by_text("changed since it was loaded", exact=False).first.wait_for(timeout=30_000)
    assert dataset.read_bytes() == before
    other.close()
