"""The adversarial table's browser rows: hostile text in a real Chromium, offline.

The dashboard is started on a dataset whose every text field carries script,
markup, URLs, terminal escapes and U+2028/U+2029 (the table's text payloads at
once), and the exported map of that dataset is opened from disk. In both: no
dialog opens (no script ran), no request leaves the machine, no report URL becomes
a link, and every view draws (the Timeline tab's chart too).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_adversarial import CONTROLS, MARKUP, SCRIPT, SEPARATORS, every_text
from test_dashboard_browser import map_frame, start_server, stop_server, wait_zone

pytestmark = [pytest.mark.browser, pytest.mark.adversarial]

PAYLOAD = " ".join((SCRIPT, MARKUP, SEPARATORS, CONTROLS))
EVIL_LINKS = 'a[href*="evil.example"], a[href^="javascript:"]'


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_bytes(every_text(PAYLOAD)())
    return path


@pytest.fixture(scope="module")
def hostile_server(hostile_file) -> Iterator[str]:
    process, url = start_server({"LOCKDOWN_MAP_DATASET": str(hostile_file)})
    try:
        yield url
    finally:
        stop_server(process)


def assert_inert(page) -> None:
    assert page.dialogs == [], page.dialogs  # alert() never ran
    assert getattr(page, "blocked", []) == [], page.blocked  # nothing asked for the network
    assert not [e for e in page.errors if "ILLEGAL" in e or "Unexpected token" in e], \
        page.errors


def test_dashboard_shows_hostile_text_as_text(hostile_server, offline):
    page = offline
    page.goto(hostile_server, wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_zone(frame, "in-force")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "<script>" in sidebar.inner_text()  # the dataset name, shown literally
    assert page.locator('[data-testid="stException"]').count() == 0
    # The zone list (test_dashboard_browser clicks the map itself); its names are hostile.
    page.get_by_label("Zone details").first.click()
    page.get_by_role("option", name="kimhyongjik-2021-11", exact=False).first.click()
    panel = page.locator(".st-key-details_panel")
    panel.wait_for(timeout=30_000)
    panel.get_by_text("<script>", exact=False).first.wait_for(timeout=30_000)
    assert page.locator(EVIL_LINKS).count() == 0  # the URLs in the text are not links
    assert frame.locator(EVIL_LINKS).count() == 0

    page.get_by_role("tab", name="Timeline").click()
    chart = page.locator('[data-testid="stVegaLiteChart"]')
    chart.locator("canvas, svg").first.wait_for(timeout=60_000)  # drawn despite U+2028
    page.get_by_role("tab", name="Data").click()
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert_inert(page)


def test_exported_map_of_hostile_text_is_inert(hostile_file, offline, tmp_path):
    from geo.export import export_map
    from geo.layers import build_layers
    from geo.loadable import load_loadable

    dataset = load_loadable(hostile_file)
    path = export_map(dataset, build_layers(dataset), "2021-11-25", tmp_path / "map.html")
    page = offline
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-container", timeout=60_000)
    page.wait_for_selector('path[class*="lm-zone-in-force"]', state="attached", timeout=30_000)
    assert page.locator(EVIL_LINKS).count() == 0
    assert_inert(page)
