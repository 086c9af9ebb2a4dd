"""The exported map of the public record in Chromium, offline: a click on Hyesan (under
the nationwide zone drawn over it) opens Hyesan's whole history, each lockdown with
its status on the slider's day, in a popup that scrolls."""

from __future__ import annotations

import pytest
from map_browser import click_latlng, open_map, real_errors, set_slider

from geo.dataset import SEED_DATASET, load_dataset
from geo.export import export_map, render_html
from geo.layers import build_layers
from geo.maps import build_map
from geo.maps.assets import walk
from geo.maps.histories import ZoneStore, popup_html

pytestmark = pytest.mark.browser

INSIDE_HYESAN = (41.37, 128.16)  # inside the zone, clear of the town markers at its seat


@pytest.fixture(scope="module")
def record_map(tmp_path_factory):
    record = load_dataset(SEED_DATASET.with_name("record.yaml"))
    path = tmp_path_factory.mktemp("record") / "map.html"
    return export_map(record, build_layers(record), "2022-05-20", path)


def open_hyesan(page) -> list[dict]:
    # The click goes to the most local zone only once the reader is set up, and only
    # on paths redrawn for the new view (two frames after it).
    page.wait_for_selector(".folium-map[data-lm-reader=ready]", state="attached")
    page.evaluate("""() => new Promise((resolve) => {
        const id = document.querySelector('.folium-map').id;
        window[id].setView([41.39, 128.19], 11, {animate: false});
        requestAnimationFrame(() => requestAnimationFrame(resolve));
    })""")
    click_latlng(page, *INSIDE_HYESAN)
    page.wait_for_selector(".lm-zone-history", timeout=5_000)
    return page.eval_on_selector_all(".lm-zone-history section", """els => els.map(e => ({
        id: e.dataset.lockdown, now: e.querySelector('.lm-now').className,
        text: e.innerText}))""")


def test_hyesan_history_and_statuses_follow_the_slider(offline, record_map):
    page = offline
    open_map(page, record_map)
    sections = open_hyesan(page)
    ids = [s["id"] for s in sections]
    assert ids[:5] == ["hyesan-undated-2", "hyesan-2020-11-1", "hyesan-2021-01-1",
                       "hyesan-undated-1", "hyesan-undated-3"]
    assert {"kp-2022-05-1", "kp-2022-05-12"} <= set(ids[5:])
    in_force = {s["id"] for s in sections if "lm-now-in-force" in s["now"]}
    assert in_force == {"kp-2022-05-12"}
    assert "lm-now-no-later-report" in next(s["now"] for s in sections
                                             if s["id"] == "hyesan-2021-01-1")
    nationwide = next(s for s in sections if s["id"] == "kp-2022-05-12")
    assert "Under the nationwide order of May 2022" in nationwide["text"]
    scroll = page.evaluate("""(() => { const p = document.querySelector('.lm-zone-history');
        return [p.scrollHeight, p.clientHeight, getComputedStyle(p).overflowY]; })()""")
    assert scroll[0] > scroll[1] and scroll[2] == "auto"  # long: it scrolls
    marked = page.eval_on_selector_all(
        ".lm-zone-history section", "els => els.map(e => getComputedStyle(e).borderLeftWidth)")
    assert [m != "0px" for m in marked] == [s["id"] in in_force for s in sections]

    page.keyboard.press("Escape")
    page.wait_for_selector(".lm-zone-history", state="detached", timeout=5_000)
    set_slider(page, "2020-11-10")
    sections = open_hyesan(page)
    in_force = {s["id"] for s in sections if "lm-now-in-force" in s["now"]}
    assert in_force == {"hyesan-2020-11-1"}
    assert real_errors(page) == []


def test_the_page_joins_every_popup_as_python_does(offline, tmp_path):
    record = load_dataset(SEED_DATASET.with_name("record.yaml"))
    m = build_map(record, build_layers(record), "2022-05-20")
    (store,) = [element for element in walk(m) if isinstance(element, ZoneStore)]
    path = tmp_path / "map.html"
    path.write_text(render_html(m), encoding="utf-8")
    open_map(offline, path)
    joined = offline.evaluate("""(name) => window[name].l.map((lockdown, i) =>
        window[name].popup(i, (j) => '<i data-status=' + j + '></i>'))""", store.var())
    assert len(joined) == len(record.lockdowns)
    for i, popup in enumerate(joined):
        assert popup == popup_html(store, i, lambda j: f"<i data-status={j}></i>")
    assert real_errors(offline) == []


def test_on_a_short_screen_the_legend_folds_and_opens_from_the_keyboard(browser, record_map):
    context = browser.new_context(viewport={"width": 1280, "height": 620})
    page = context.new_page()
    try:
        open_map(page, record_map)
        page.wait_for_selector(".folium-map[data-lm-reader=ready]", state="attached")
        legend = page.locator("details.lm-legend-fold")
        assert legend.get_attribute("open") is None
        width = page.locator(".lm-legend").bounding_box()["width"]
        assert width < 150  # a "Legend" button, not the table
        for _ in range(200):  # Tab past the zones (buttons) to the map's controls
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('details.lm-legend-fold > "
                             "summary')"):
                break
        else:
            raise AssertionError("the legend is not in the Tab order")
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('details.lm-legend-fold').open")
    finally:
        context.close()
