"""Script payloads in every text field: none runs in the exported map, all show literally."""

from __future__ import annotations

import dataclasses

import pytest
from map_browser import click_incident, click_latlng, open_map, set_slider
from map_fixtures import (
    KIMHYONGJIK,
    MARKER,
    PAYLOAD,
    layers_for,
    poisoned_context,
    poisoned_raw,
)

from geo.export import export_map
from geo.validate import validate

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    import copy

    import yaml

    from geo.dataset import SEED_DATASET

    raw = copy.deepcopy(yaml.safe_load(SEED_DATASET.read_text(encoding="utf-8")))
    dataset = validate(poisoned_raw(raw), "poisoned")
    # URLs are checked on load; a javascript: one can only come from code: test it anyway.
    reports = tuple(dataclasses.replace(r, url="javascript:alert(3)") if i == 0 else r
                    for i, r in enumerate(dataset.reports))
    dataset = dataclasses.replace(dataset, reports=reports, _index={})
    path = tmp_path_factory.mktemp("xss") / "map.html"
    return export_map(dataset, poisoned_context(layers_for(dataset)), "2021-11-25", path)


def assert_nothing_ran(page) -> None:
    assert page.dialogs == []
    assert not [e for e in page.errors if MARKER in e]
    assert page.evaluate("document.querySelectorAll('img[src=x], .leaflet-pane script').length") \
        == 0


def test_no_payload_runs_and_text_shows_literally(offline, poisoned):
    page = offline
    open_map(page, poisoned)
    page.wait_for_selector("path.lm-zone")
    page.wait_for_timeout(200)
    assert_nothing_ran(page)
    assert "<script>alert(1)</script>" in page.locator(".lm-caption").inner_text()
    labels = " ".join(page.locator(".lm-town-label").all_inner_texts())
    assert "<img src=x onerror=alert(2)>" in labels

    click_latlng(page, 41.30, 127.45)  # the zone
    text = page.wait_for_selector(".leaflet-popup-content", timeout=5_000).inner_text()
    assert text.count("<script>alert(1)</script>") >= 5  # name, aliases, quotes, notes...
    assert "${alert(4)}" in text and "javascript:alert(3)" in text
    links = page.eval_on_selector_all(".leaflet-popup-content a", "as => as.map(a => a.href)")
    assert all(href.startswith(("http://", "https://")) for href in links)
    assert_nothing_ran(page)


def test_incident_popup_and_timeline_popup_stay_inert(offline, poisoned):
    page = offline
    open_map(page, poisoned)
    spot = KIMHYONGJIK.representative_point()
    click_incident(page, spot.y, spot.x)
    text = page.wait_for_selector(".leaflet-popup-content", timeout=5_000).inner_text()
    assert "4 incidents here" in text
    assert PAYLOAD.split(" javascript")[0] in text  # the <script>…<img …> part, as text
    page.evaluate("window[document.querySelector('.folium-map').id].closePopup()")
    page.wait_for_selector(".leaflet-popup-content", state="detached", timeout=5_000)
    set_slider(page, "2021-12-10")
    page.wait_for_selector("path.lm-zone-end-passed-unconfirmed-approximate", timeout=5_000)
    click_latlng(page, 41.30, 127.45)
    page.wait_for_function(
        "document.querySelector('.leaflet-popup-content') && "
        "document.querySelector('.leaflet-popup-content').innerText.includes('lifting')",
        timeout=5_000)
    assert "<script>alert(1)</script>" in page.locator(".leaflet-popup-content").inner_text()
    assert_nothing_ran(page)
