"""Issue 10's acceptance in a real Chromium, offline, on the public record (what
``make run`` opens): the map opens fitted to the zones with the legend clear of them,
stepping through May 2022 shows the nationwide lockdown, and clicking Hyesan shows
each of its lockdowns with the quotes from every report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import shapely

from geo.dataset import load_dataset
from geo.describe import describe_zone
from geo.layers import build_layers
from tests.test_dashboard_browser import MAP_IFRAME, RECORD, map_frame, serving
from tests.test_dashboard_browser_multiyear import the_slider

HYESAN = ("hyesan-undated-2", "hyesan-2020-11-1", "hyesan-2021-01-1", "hyesan-undated-1",
          "hyesan-undated-3")
INSIDE_HYESAN = (41.37, 128.16)  # inside the zone, clear of the town markers at its seat

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(RECORD) as url:
        yield url


def status_of(frame, lockdown: str) -> str:
    """The class of the drawn zone of ``lockdown`` (its status on the day shown)."""
    return frame.evaluate("""(id) => {
        let found = '';
        window.feature_group[0].eachLayer(l => {
            if (l.feature.properties.lockdown === id) { found = l._path.getAttribute('class'); }
        });
        return found;
    }""", lockdown)


def wait_status(frame, lockdown: str, status: str, timeout: float = 30_000) -> None:
    frame.wait_for_function("""([id, status]) => {
        let ok = false;
        window.feature_group[0].eachLayer(l => {
            ok = ok || (l.feature.properties.lockdown === id && l._path
                        && l._path.getAttribute('class').includes('lm-zone-' + status));
        });
        return ok;
    }""", arg=[lockdown, status], timeout=timeout)


def normal(text: str) -> str:
    return " ".join(text.replace("\u2060", "").split())


def test_open_fitted_step_through_may_2022_and_click_hyesan(server, offline, tmp_path):
    page = offline
    page.goto(f"{server}/?day=2022-05-03", wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_status(frame, "kp-2022-05-1", "not-yet")

    # Fitted: every zone inside the view, and the (folded) legend clear of them.
    view = frame.evaluate("""(() => {
        const m = window.map, z = window.feature_group[0].getBounds();
        const nw = m.latLngToContainerPoint(z.getNorthWest());
        const se = m.latLngToContainerPoint(z.getSouthEast());
        const legend = document.querySelector('.lm-legend').getBoundingClientRect();
        return {inside: m.getBounds().contains(z), zoom: m.getZoom(),
                zones: [nw.x, nw.y, se.x, se.y],
                legend: [legend.left, legend.top, legend.right, legend.bottom],
                open: document.querySelector('details.lm-legend-fold').open,
                size: [m.getSize().x, m.getSize().y]};
    })()""")
    assert view["inside"] and view["zoom"] >= 6, view
    zx0, zy0, zx1, _ = view["zones"]
    assert (zx1 - zx0) > view["size"][0] / 3  # the country fills the view, not a corner
    lx0, _, lx1, ly1 = view["legend"]
    assert not view["open"] and lx1 - lx0 < 150  # a "Legend" button
    assert ly1 < zy0 or lx1 < zx0 or lx0 > zx1, view  # clear of the zones' box

    # Stepping through May 2022: the nationwide lockdown of 4-5 May, then from 12 May.
    slider = the_slider(page)
    slider.focus()
    slider.press("ArrowRight")
    wait_status(frame, "kp-2022-05-1", "in-force")
    for _ in range(8):
        the_slider(page).press("ArrowRight")
        page.get_by_text("2022-05-", exact=False).first.wait_for()
    page.wait_for_function("location.search.includes('day=2022-05-12')", timeout=30_000)
    wait_status(frame, "kp-2022-05-12", "in-force")
    assert "lm-zone-lifted" in status_of(frame, "kp-2022-05-1")

    # Click Hyesan like a user: zoom to it, then a real mouse click inside it (the
    # nationwide zone, in force, is drawn over it).
    record = load_dataset(RECORD)
    zones = build_layers(record)["zones"]
    outline = zones[zones["lockdown"] == "hyesan-2021-01-1"].geometry.iloc[0]
    assert outline.contains(shapely.Point(INSIDE_HYESAN[1], INSIDE_HYESAN[0]))
    frame.evaluate("window.map.setView([41.39, 128.19], 11, {animate: false})")
    iframe = page.locator(MAP_IFRAME)
    iframe.scroll_into_view_if_needed()
    x, y = frame.evaluate("(p) => { const c = window.map.latLngToContainerPoint(p); "
                          "return [c.x, c.y]; }", list(INSIDE_HYESAN))
    box = iframe.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    panel = page.locator(".st-key-details_panel")
    panel.wait_for(timeout=30_000)
    panel.get_by_role("heading", name="Hyesan").wait_for(timeout=30_000)
    assert "5 lockdowns of this zone" in panel.inner_text()

    # Each lockdown, in time order, with every quote of every report behind it.
    history = describe_zone(record, "kp-hyesan", dt.date(2022, 5, 12))
    assert tuple(item.summary.lockdown_id for item in history.lockdowns) == HYESAN
    summaries = panel.locator("details > summary")
    assert summaries.count() == len(history.lockdowns) + len(history.containing)
    for index in range(summaries.count()):
        if summaries.nth(index).locator("xpath=..").get_attribute("open") is None:
            summaries.nth(index).click()
    page.wait_for_function("document.querySelectorAll('.st-key-details_panel details:not([open])')"
                           ".length === 0", timeout=20_000)
    texts = [normal(summaries.nth(i).locator("xpath=..").inner_text())
             for i in range(summaries.count())]
    for item, text in zip(history.lockdowns + history.containing, texts, strict=True):
        assert normal(item.period) in text and f"id {item.summary.lockdown_id}" in text
        for report in item.reports:
            assert normal(f"({report.outlet}, {report.language})") in text
            for quote in report.quotes:
                assert normal(quote) in text, (item.summary.lockdown_id, quote)
    ids = [item.summary.lockdown_id for item in history.lockdowns + history.containing]
    nationwide = texts[ids.index("kp-2022-05-12")]
    assert "Under the nationwide order of May 2022" in nationwide
    assert "In force on the day" in nationwide
    panel.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "hyesan.png"))
    assert page.locator('[data-testid="stException"]').count() == 0
