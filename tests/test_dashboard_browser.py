"""The dashboard in a real Chromium: a live ``streamlit run`` server, the page offline.

The test starts its own server on a free local port, waits for
``/_stcore/health``, and stops that process (and only it) when done. Every
request that would leave the machine is aborted, so the map has to render
from inline assets.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.mapping import COMPONENT_TITLE

ROOT = Path(__file__).resolve().parent.parent
MAP_IFRAME = f'iframe[title="{COMPONENT_TITLE}"]'
STARTUP_SECONDS = 90

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


APP = ROOT / "dashboard" / "app.py"
RECORD = ROOT / "seeds" / "record.yaml"


def streamlit_command(port: int, script: Path = APP) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(script),
            "--server.port", str(port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none"]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} not healthy after {timeout} s")


def start_server(env: dict[str, str] | None = None, script: Path = APP, *,
                 command: Callable[[int], list[str]] | None = None,
                 ) -> tuple[subprocess.Popen, str]:
    """Start ``streamlit run script`` (or ``command(port)``) on a free local port; return
    the process and its URL."""
    port = free_port()
    line = command(port) if command else streamlit_command(port, script)
    process = subprocess.Popen(line, cwd=ROOT,
                               env={**os.environ, **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, STARTUP_SECONDS)
    except BaseException:
        stop_server(process)
        raise
    return process, url


def stop_server(process: subprocess.Popen) -> None:
    """Stop the server this test started, by its own handle, and nothing else."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextmanager
def serving(dataset: Path | str) -> Iterator[str]:
    """A server of the app on ``dataset`` for the block; its URL."""
    process, url = start_server({"LOCKDOWN_MAP_DATASET": str(dataset)})
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    process, url = start_server({"LOCKDOWN_MAP_DATASET": ""})
    try:
        yield url
    finally:
        stop_server(process)


def map_frame(page, timeout: float = 60_000):
    """The map component's Frame, once Leaflet has drawn the map in it and its opening
    view has settled (a zoom read before would be undone by the opening fit)."""
    handle = page.wait_for_selector(MAP_IFRAME, timeout=timeout)
    frame = handle.content_frame()
    frame.wait_for_selector(".leaflet-container", timeout=timeout)
    frame.wait_for_function("window.map && window.map._loaded && !window.map._animatingZoom",
                            timeout=timeout)
    return frame


def wait_zone(frame, status: str, timeout: float = 20_000) -> None:
    # "lm-zone-in-force" or "lm-zone-in-force-approximate" (a dashed, approximate outline)
    frame.wait_for_selector(f"path[class*=\"lm-zone-{status}\"]", state="attached",
                            timeout=timeout)


def test_map_day_slider_and_details_in_a_real_browser(server, offline, tmp_path):
    page = offline
    page.goto(server, wait_until="domcontentloaded")
    frame = map_frame(page)
    # Seed data opens on a day the Kimhyongjik County lockdown is in force.
    wait_zone(frame, "in-force")
    # Tag the live Leaflet map: if the app re-created it, the tag would be gone.
    frame.evaluate("window.map._lockdownTag = 'kept'")
    frame.evaluate("window.map.setZoom(window.map.getZoom() + 1)")
    zoom = frame.evaluate("window.map.getZoom()")

    slider = page.get_by_role("slider")
    slider.focus()
    slider.press("End")  # the last day: past the announced end of Dec. 4
    wait_zone(frame, "end-passed-unconfirmed")
    assert frame.locator("path[class*=\"lm-zone-in-force\"]").count() == 0
    assert frame.evaluate("window.map._lockdownTag") == "kept"
    assert frame.evaluate("window.map.getZoom()") == zoom
    slider.press("Home")  # the first day: the crossing, before the order
    wait_zone(frame, "not-yet")
    slider.press("ArrowRight")  # Nov. 19: ordered at 10 AM, in force by the end of the day
    wait_zone(frame, "in-force")
    assert page.get_by_text("2021-11-19").first.is_visible()

    # Bring the zone into view (the test zoomed in above), then click it like a user.
    frame.evaluate("window.map.fitBounds(window.feature_group[0].getBounds(), "
                   "{animate: false})")
    frame.locator("path[class*=\"lm-zone-in-force\"]").first.click()
    panel = page.locator(".st-key-details_panel")
    panel.wait_for(timeout=20_000)
    panel.get_by_text("Kimhyongjik County").first.wait_for()
    text = panel.inner_text()
    for expected in ("in force on 2021-11-19", "Ordered", "Announced end", "unconfirmed",
                     "C7 Restrictions on internal movement", "Trigger incident", "Sources"):
        assert expected in text, expected
    # The lockdown in force is open, its sources with every quote.
    panel.locator("blockquote:visible", has_text="closed markets").first.wait_for()
    page.screenshot(path=str(tmp_path / "dashboard.png"))
    assert frame.evaluate("window.map._lockdownTag") == "kept"
    assert not [e for e in page.errors if "is not defined" in e], page.errors


def test_a_key_on_the_day_slider_moves_the_map_before_the_server_answers(server, offline):
    page = offline
    held: list = []  # the server's messages, while held back
    hold = {"on": False}

    def relay(ws):
        upstream = ws.connect_to_server()
        ws.on_message(upstream.send)
        upstream.on_message(lambda m: held.append(m) if hold["on"] else ws.send(m))
        relay.ws = ws

    page.route_web_socket("**/_stcore/stream", relay)
    page.goto(server, wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_zone(frame, "in-force")
    frame.wait_for_function("window.lm_day")
    before = frame.evaluate("window.lm_day")
    slider = page.get_by_role("slider")
    slider.focus()
    hold["on"] = True
    slider.press("ArrowRight")
    following = (dt.date.fromisoformat(before) + dt.timedelta(days=1)).isoformat()
    # The map shows the next day while the rerun's answer is still held back.
    frame.wait_for_function("(day) => window.lm_day === day", arg=following, timeout=10_000)
    assert frame.locator(".lm-step-day").inner_text() == following
    legend = page.get_by_text(f"{following} ·")
    assert legend.count() == 0  # the server's part (the legend, the details) waits
    hold["on"] = False
    for message in held:
        relay.ws.send(message)
    legend.first.wait_for(timeout=30_000)
    assert frame.evaluate("window.lm_day") == following


def test_the_maps_own_step_shows_the_next_day_at_once_and_the_slider_follows(server, offline):
    page = offline
    page.goto(server, wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_zone(frame, "in-force")
    frame.evaluate("window.map._lockdownTag = 'kept'")
    zoom = frame.evaluate("window.map.getZoom()")
    before = frame.evaluate("window.lm_day")
    label = frame.locator(".lm-step-day")
    assert label.inner_text() == before
    forward = frame.get_by_role("button", name="One step forward (.)")
    forward.focus()
    # The next day's styles came with the last render: the map shows it before any
    # rerun (a rerun takes far longer than this single animation frame).
    shown = frame.evaluate("""() => new Promise((resolve) => {
        const before = window.lm_day;
        document.dispatchEvent(new KeyboardEvent('keydown', {key: '.'}));
        resolve(window.lm_day !== before ? window.lm_day : null);
    })""")
    following = (dt.date.fromisoformat(before) + dt.timedelta(days=1)).isoformat()
    assert shown == following
    assert label.inner_text() == following
    # The server hears of it: the slider follows.
    expect(page.get_by_test_id("stSliderThumbValue")).to_have_text(following, timeout=30_000)
    forward.click()  # the button steps as the key does
    frame.wait_for_function("(day) => window.lm_day !== day", arg=following)
    assert frame.evaluate("window.map._lockdownTag") == "kept"
    assert frame.evaluate("window.map.getZoom()") == zoom
