"""Helpers for driving an exported map in Chromium (used by the browser tests)."""

from __future__ import annotations

from pathlib import Path

# Requests a map may make when an online layer is switched on; never needed offline.
TILE_HOSTS = ("tile.openstreetmap.org",)


def open_map(page, path: Path, timeout: float = 15_000) -> None:
    """Load the file and wait until zones or at least the map's panes are drawn, and the
    opening view has settled (a click during its zoom would land elsewhere)."""
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(".leaflet-overlay-pane svg", timeout=timeout)
    page.wait_for_selector(".folium-map[data-lm-reader=ready]", state="attached",
                           timeout=timeout)


def real_errors(page) -> list[str]:
    """Console errors other than failed tile requests."""
    return [e for e in page.errors
            if not ("Failed to load resource" in e and any(h in e for h in TILE_HOSTS))]


def page_point(page, lat: float, lng: float) -> tuple[float, float]:
    """Where a geographic point of the (only) map is on the page."""
    return tuple(page.evaluate("""([lat, lng]) => {
        const id = document.querySelector('.folium-map').id;
        const p = window[id].latLngToContainerPoint([lat, lng]);
        const box = document.getElementById(id).getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", [lat, lng]))


def click_latlng(page, lat: float, lng: float) -> None:
    """A real mouse click at a geographic point of the (only) map."""
    page.mouse.click(*page_point(page, lat, lng))


def set_slider(page, day_iso: str) -> None:
    """Move the time slider to a day, as dragging it would (an 'input' event)."""
    page.evaluate("""(day) => {
        const input = document.querySelector('.leaflet-timeline-control input[type=range]');
        input.value = String(Date.parse(day + 'T00:00:00Z'));
        input.dispatchEvent(new Event('input', {bubbles: true}));
    }""", day_iso)


def zone_paths(page) -> list[dict]:
    """Every drawn zone path's class and SVG paint attributes."""
    return page.eval_on_selector_all("path.lm-zone", """els => els.map(e => ({
        cls: e.getAttribute('class'), stroke: e.getAttribute('stroke'),
        fill: e.getAttribute('fill'), dash: e.getAttribute('stroke-dasharray')}))""")


def wait_incidents(page, timeout: float = 10_000) -> None:
    """Wait until the incident markers are painted on their canvas."""
    page.wait_for_selector("canvas.lm-incidents[data-lm-drawn]", state="attached",
                           timeout=timeout)


def click_incident(page, lat: float, lng: float) -> None:
    """Click an incident marker (drawn on a canvas, so by its place, not by an element)."""
    wait_incidents(page)
    click_latlng(page, lat, lng)
