"""The exported map for every reader, in a real Chromium: a phone, the keyboard, links."""

from __future__ import annotations

import pytest
from map_browser import click_latlng, open_map, real_errors, set_slider

from geo.export import export_map
from geo.layers import build_layers

pytestmark = pytest.mark.browser

ZONE = "kimhyongjik-2021-11"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}


@pytest.fixture(scope="module")
def exported(seed, tmp_path_factory):
    path = tmp_path_factory.mktemp("reader") / "map.html"
    return export_map(seed, build_layers(seed), "2021-11-25", path)


@pytest.fixture()
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
        ("file:", "data:", "blob:", "about:")) else r.abort())
    yield page
    context.close()


def ready(page) -> None:
    page.wait_for_selector(".folium-map[data-lm-reader=ready]", state="attached")


def rect(page, selector: str) -> dict:
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().toJSON()")


def overlap(a: dict, b: dict) -> bool:
    return not (a["right"] <= b["left"] or b["right"] <= a["left"]
                or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])


def seat(page) -> tuple[float, float]:
    """Where the zone's incidents are drawn: the county seat, inside the zone."""
    return tuple(page.evaluate("""() => { let at = null;
        const m = window[document.querySelector('.folium-map').id];
        m.eachLayer(l => { if (l.lmSpots && !at) at = l.latLngOf(0); });
        return [at.lat, at.lng]; }"""))


def zone_centre(page) -> tuple[float, float]:
    return tuple(page.evaluate("""() => { let z = null;
        const m = window[document.querySelector('.folium-map').id];
        m.eachLayer(l => { if (l.feature && l.feature.properties.lockdown && !z) z = l; });
        const c = z.getCenter(); return [c.lat, c.lng]; }"""))


def tap_latlng(page, lat: float, lng: float) -> None:
    point = page.evaluate("""([lat, lng]) => {
        const id = document.querySelector('.folium-map').id;
        const p = window[id].latLngToContainerPoint([lat, lng]);
        const box = document.getElementById(id).getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""", [lat, lng])
    page.touchscreen.tap(point[0], point[1])


def heading_visible(page) -> bool:
    """Nothing covers the middle of the open popup's heading."""
    box = page.locator(".leaflet-popup-content h4").bounding_box()
    return page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('h4') !== null",
                         [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])


def test_popup_heading_is_not_under_the_title_box(offline, exported):
    page = offline
    open_map(page, exported)
    page.wait_for_selector("path.lm-zone")
    ready(page)
    click_latlng(page, *zone_centre(page))
    page.wait_for_selector(".leaflet-popup-content h4", timeout=5_000)
    page.wait_for_timeout(400)  # the pan that makes room
    assert heading_visible(page), "something covers the popup's heading"
    assert not overlap(rect(page, ".leaflet-popup-content-wrapper"), rect(page, ".lm-caption"))
    assert real_errors(page) == []


def test_phone_legend_folds_and_leaves_the_title_clear(phone, exported):
    open_map(phone, exported)
    phone.wait_for_selector("path.lm-zone")
    ready(phone)
    assert not phone.eval_on_selector("details.lm-legend-fold", "d => d.open")
    assert not overlap(rect(phone, ".lm-legend"), rect(phone, ".lm-caption"))
    assert rect(phone, ".lm-legend")["width"] < 150
    # The view is fitted to the phone: the zone is big enough to tap.
    zone = rect(phone, "path.lm-zone")
    assert zone["width"] > 100 and zone["height"] > 100
    phone.locator("details.lm-legend-fold > summary").tap()
    assert phone.eval_on_selector("details.lm-legend-fold", "d => d.open")
    assert phone.errors == []


def test_phone_tap_at_the_zone_seat_opens_the_zone_inside_the_screen(phone, exported):
    open_map(phone, exported)
    phone.wait_for_selector("canvas.lm-incidents[data-lm-drawn]", state="attached")
    ready(phone)
    tap_latlng(phone, *seat(phone))
    popup = phone.wait_for_selector(".leaflet-popup-content", timeout=5_000)
    phone.wait_for_timeout(400)
    assert "Kimhyongjik County" in popup.query_selector("h4").inner_text()
    box = rect(phone, ".leaflet-popup-content-wrapper")
    assert box["left"] >= 0 and box["right"] <= 390, box
    assert box["top"] >= 0 and box["bottom"] <= 844, box
    assert heading_visible(phone)
    assert not overlap(box, rect(phone, ".lm-caption"))
    # The incidents at the seat are one tap away.
    phone.locator("button.lm-here").tap()
    phone.wait_for_selector(".lm-incident-popup", timeout=5_000)
    assert phone.errors == []


def test_pinch_zoom_is_allowed(phone, exported):
    open_map(phone, exported)
    content = phone.eval_on_selector("meta[name=viewport]", "m => m.content")
    assert "user-scalable=no" not in content and "maximum-scale" not in content
    assert phone.evaluate("document.documentElement.lang") == "en"


def test_keyboard_reaches_the_slider_in_two_presses(offline, exported):
    page = offline
    open_map(page, exported)
    page.wait_for_selector("path.lm-zone")
    ready(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the day slider"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.type") == "range"
    assert page.evaluate("document.activeElement.getAttribute('aria-valuetext')") == "2021-11-25"
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "document.querySelector('.lm-caption .lm-day').textContent === '2021-11-26'")


def test_tab_order_skips_outlines_and_a_zone_opens_with_enter(offline, exported):
    page = offline
    open_map(page, exported)
    page.wait_for_selector("path.lm-zone")
    ready(page)
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('lm-zone')"):
            break
    else:
        pytest.fail("Tab never reached the zone")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label.startswith("Kimhyongjik County") and "<" not in label
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-content h4", timeout=5_000)
    focusable = page.evaluate("""() => [...document.querySelectorAll('path.leaflet-interactive')]
        .filter(p => p.getAttribute('tabindex') !== '-1' && !p.classList.contains('lm-zone'))
        .length""")
    assert focusable == 0


def test_link_opens_day_and_zone_and_follows_the_view(offline, exported):
    page = offline
    page.goto(exported.resolve().as_uri() + f"#date=2021-12-10&zone={ZONE}")
    popup = page.wait_for_selector(".leaflet-popup-content", timeout=10_000)
    assert "Kimhyongjik County" in popup.inner_text()
    assert "unconfirmed" in popup.query_selector(".lm-status").inner_text().lower() or \
        "announced end passed" in popup.inner_text().lower()
    assert page.locator(".lm-caption .lm-day").inner_text() == "2021-12-10"
    set_slider(page, "2021-11-21")
    page.wait_for_function("location.hash.includes('date=2021-11-21')")
    page.click(".leaflet-popup-close-button")
    page.wait_for_function("location.hash === '#date=2021-11-21'")
    click_latlng(page, *zone_centre(page))
    page.wait_for_function(f"location.hash === '#date=2021-11-21&zone={ZONE}'")
    assert real_errors(page) == []


@pytest.mark.parametrize("fragment", [
    "#date=<img src=x onerror=alert(1)>&zone=<svg onload=alert(2)>",
    "#date=2021-13-45&zone=nope",
    "#date=1999-01-01",
    "#zone=%E0%A4%A&date=%",
    "#date=2021-11-25%27%3Balert(3)%3B%27",
])
def test_hostile_fragment_is_ignored(offline, exported, fragment):
    page = offline
    page.goto(exported.resolve().as_uri() + fragment)
    page.wait_for_selector("path.lm-zone")
    ready(page)
    page.wait_for_timeout(300)
    assert page.dialogs == [] if hasattr(page, "dialogs") else True
    assert page.locator("img[src=x], svg[onload]").count() == 0
    assert page.locator(".lm-caption .lm-day").inner_text() == "2021-11-25"
    assert page.locator(".leaflet-popup").count() == 0
    assert real_errors(page) == []
