"""Links to a dashboard view in a real Chromium; the About tab and the system theme."""

from __future__ import annotations

import pytest
import test_dashboard_browser
from test_dashboard_browser import map_frame, wait_zone

pytestmark = pytest.mark.browser
server = test_dashboard_browser.server  # the same live-server fixture, one per module

ZONE = "kimhyongjik-2021-11"


def test_a_pasted_link_opens_day_and_zone_and_the_address_follows(server, offline, tmp_path):
    page = offline
    page.goto(f"{server}/?day=2021-12-05&zone={ZONE}", wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_zone(frame, "end-passed-unconfirmed")
    panel = page.locator(".st-key-details_panel")
    panel.wait_for(timeout=30_000)
    assert "announced end passed, lifting unconfirmed on 2021-12-05" in panel.inner_text()
    page.wait_for_function("location.search.includes('tab=Map')", timeout=20_000)

    page.get_by_role("button", name="▶", exact=True).click()
    page.wait_for_function("location.search.includes('day=2021-12-06')", timeout=20_000)
    assert f"zone={ZONE}" in page.url
    page.screenshot(path=str(tmp_path / "linked.png"))

    page.get_by_role("tab", name="Timeline").click()
    page.wait_for_function("location.search.includes('tab=Timeline')", timeout=20_000)
    shared = page.url

    # The address, pasted into a fresh page, opens the same view.
    other = page.context.new_page()
    other.goto(shared, wait_until="domcontentloaded")
    other.get_by_role("tab", name="Timeline", selected=True).wait_for(timeout=60_000)
    other.get_by_role("tab", name="Map").click()
    panel = other.locator(".st-key-details_panel")
    panel.wait_for(timeout=30_000)
    assert "on 2021-12-06" in panel.inner_text()
    other.close()


@pytest.mark.parametrize(("scheme", "dark"), [("dark", True), ("light", False)])
def test_theme_follows_the_system_and_about_opens_from_a_link(server, browser, scheme, dark):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url
               or r.request.url.startswith(("data:", "blob:", "about:")) else r.abort())
    try:
        page.goto(f"{server}/?tab=About", wait_until="domcontentloaded")
        panel = page.locator(".st-key-about_panel")
        panel.wait_for(timeout=60_000)
        panel.get_by_text("CC BY 4.0").first.wait_for(timeout=30_000)  # the panel streams in
        rgb = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
        level = sum(int(v) for v in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]) / 3
        assert (level < 80) is dark, rgb
    finally:
        context.close()
