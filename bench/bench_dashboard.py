"""What a user feels when the day changes: the current dashboard beside the previous one.

For synthetic datasets of 10, 100 and 1,000 zones with 1,000 or 10,000
incidents, in one run, for these apps:

- ``current``: ``dashboard/app.py`` (the ``daymap`` component: the base map sent
  once, then only the day's zone layer; ``gc.freeze()`` after the data and the
  base are built);
- ``previous``: ``bench/previous_app.py``, the app before issue 12 (the day's
  zones sent to ``st_folium`` as ``feature_group_to_add``; no gc freeze);
- ``baseline`` (``--baseline``): a script that rebuilds the whole map
  (``geo.maps.build_map``) and calls ``st_folium`` on it every rerun.

It measures (a) the server-side rerun time after a slider change (AppTest,
median, each app in a fresh process), and (b) in headless Chromium, the time
from the slider key press to the map showing the new day, whether the map went
blank in between and whether the Leaflet map object was re-created (a property
set on ``window.map`` before the step must survive), whether the zoom was kept,
and the server's peak memory (VmHWM); for the current app also (c) the map's own
step: "." pressed in the map's frame to the next day shown (its styles came with
the last render; the server follows after).

    .venv/bin/python bench/bench_dashboard.py            # full grid (~15 min)
    .venv/bin/python bench/bench_dashboard.py --quick    # 100 / 1,000 and 1,000 / 10,000 only
    .venv/bin/python bench/bench_dashboard.py --record-only --reruns 3 --steps 3

The full grid is 10, 100 and 1,000 zones by 1,000 and 10,000 incidents; at
1,000 zones the reruns and key presses are capped at 3 each. After the synthetic
rows come the bundled public record's (``--record``, default ``seeds/record.yaml``;
``--no-record`` leaves them out, ``--record-only`` runs them alone): its real
lockdowns over 2020 to 2023 (counties, cities, provinces, the whole country), from
its own default day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from geo.dataset import load_dataset, write_dataset  # noqa: E402
from geo.model import (  # noqa: E402
    Certainty,
    Dataset,
    DatasetInfo,
    Evidence,
    Incident,
    LocationPrecision,
    Lockdown,
    Measure,
    Place,
    PlaceKind,
    Report,
    TimePrecision,
    When,
)
from geo.timeline import default_day  # noqa: E402

SIZES = [(zones, incidents) for zones in (10, 100, 1_000) for incidents in (1_000, 10_000)]
QUICK_SIZES = [(100, 1_000), (1_000, 10_000)]
# At 1,000 zones a case takes minutes (the baseline reruns in ~1 s, its page is large):
# fewer AppTest reruns and key presses there keep the whole table under ~15 min on a
# loaded 2-core machine. The printed table says how many each row used.
LARGE_ZONES = 1_000
LARGE_CAP = 3
# Approximate county outlines shipped in geo/data/counties.geojson: synthetic zones
# reuse them in turn, so every zone has a real-sized polygon.
COUNTIES = ["kp-hyesan-si", "kp-kapsan-county", "kp-kimhyonggwon-county",
            "kp-kimhyongjik-county", "kp-kimjongsuk-county", "kp-paegam-county",
            "kp-pochon-county", "kp-pungso-county", "kp-samjiyon-county", "kp-samsu-county",
            "kp-taehongdan-county", "kp-unhung-county"]
START = dt.date(2021, 11, 1)
REPORT = "bench-report"
SENTENCES = {
    "lockdown": "The county was put under lockdown until further notice.",
    "markets": "Markets were closed and travel permits suspended.",
    "crossing": "A man returned from China at night and was caught.",
}

BASELINE_SCRIPT = '''
"""Baseline for the benchmark: rebuild the whole map and st_folium it on every rerun."""
import datetime as dt
import os

import streamlit as st
from streamlit_folium import st_folium

from geo.dataset import load_dataset
from geo.layers import build_layers
from geo.maps import build_map, use_inline_assets
from geo.timeline import dataset_span, default_day


@st.cache_resource
def data(path):
    dataset = load_dataset(path)
    return dataset, build_layers(dataset)


dataset, layers = data(os.environ["LOCKDOWN_MAP_DATASET"])
first, last = dataset_span(dataset)
day = st.slider("Day", min_value=first, max_value=last, value=default_day(dataset),
                step=dt.timedelta(days=1), key="day_slider")
st_folium(use_inline_assets(build_map(dataset, layers, day)), height=560,
          use_container_width=True)
'''


def when(day: dt.date, key: str) -> When:
    return When(Certainty.STATED, on=day, precision=TimePrecision.DAY,
                evidence=(Evidence(REPORT, SENTENCES[key]),))


def synthetic_dataset(zones: int, incidents: int) -> Dataset:
    """A valid dataset: ``zones`` lockdowns on county-shaped zones whose periods start and
    end on different days, and ``incidents`` border crossings spread over them."""
    evidence = (Evidence(REPORT, SENTENCES["lockdown"]),)
    report = Report(REPORT, "Bench", "Synthetic report", "https://example.org/bench", "en",
                    when(START, "lockdown"), " ".join(SENTENCES.values()))
    places = [
        Place("kp", "North Korea", PlaceKind.COUNTRY, LocationPrecision.REGION, country="KP",
              gazetteer="kp"),
        Place("kp-ryanggang", "Ryanggang Province", PlaceKind.PROVINCE,
              LocationPrecision.REGION, parent="kp", country="KP", gazetteer="kp-ryanggang"),
    ]
    lockdowns = []
    for i in range(zones):
        zone = f"zone-{i:04d}"
        places.append(Place(zone, f"Zone {i}", PlaceKind.COUNTY, LocationPrecision.NEAR,
                            parent="kp-ryanggang", country="KP",
                            gazetteer=COUNTIES[i % len(COUNTIES)]))
        start = START + dt.timedelta(days=i % 20)
        end = start + dt.timedelta(days=5 + i % 15)
        lifted = When.unknown("not reported") if i % 3 else when(end + dt.timedelta(3), "lockdown")
        lockdowns.append(Lockdown(
            id=f"lockdown-{i:04d}", zone=zone, scope="whole county",
            ordered=when(start, "lockdown"), effective=when(start, "lockdown"),
            announced_end=when(end, "lockdown"), actual_end=lifted,
            measures=(Measure("markets_closed", (Evidence(REPORT, SENTENCES["markets"]),)),
                      Measure("travel_permits_suspended",
                              (Evidence(REPORT, SENTENCES["markets"]),))),
            evidence=evidence))
    items = []
    for j in range(incidents):
        items.append(Incident(
            id=f"incident-{j:05d}", kind="border_crossing", place=f"zone-{j % zones:04d}",
            when=when(START + dt.timedelta(days=j % 40), "crossing"), who=None,
            description="Returned from China at night.", precision=LocationPrecision.NEAR,
            evidence=(Evidence(REPORT, SENTENCES["crossing"]),)))
    return Dataset(DatasetInfo(f"bench {zones} zones / {incidents} incidents", "1"),
                   reports=(report,), places=tuple(places), lockdowns=tuple(lockdowns),
                   incidents=tuple(items))


# --- (a) server-side rerun time ----------------------------------------------------------

def rerun_times(script: Path, dataset_path: Path, steps: int) -> list[float]:
    """Seconds per rerun after moving the slider one day, ``steps`` times (warm caches), in
    a fresh process: one app's gc.freeze() or caches must not help the next."""
    result = subprocess.run([sys.executable, __file__, "--rerun-child", str(script),
                             str(dataset_path), str(steps)], capture_output=True, text=True,
                            check=False, timeout=3600)
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def rerun_child(script: Path, dataset_path: Path, steps: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    os.environ["LOCKDOWN_MAP_DATASET"] = str(dataset_path)
    at = AppTest.from_file(str(script), default_timeout=600)
    at.run()
    if at.exception:
        raise RuntimeError(f"{script.name} failed: {at.exception[0].message}")
    day = at.slider(key="day_slider").value
    at.slider(key="day_slider").set_value(day + dt.timedelta(days=1)).run()  # warm-up step
    times = []
    for k in range(steps):
        at.slider(key="day_slider").set_value(day + dt.timedelta(days=2 + k))
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        if at.exception:
            raise RuntimeError(f"{script.name} failed: {at.exception[0].message}")
    return times


# --- (b) in the browser -----------------------------------------------------------------

ST_FOLIUM_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'

PROBE = """(iframeSel) => {
  const view = () => {
    const f = document.querySelector(iframeSel);
    const w = f && f.contentWindow;
    const doc = w && w.document;
    const groups = (w && w.feature_group) || [];
    // st_folium replaces the day's group; the daymap component restyles one layer and
    // says which day it shows (lm_day).
    return {w, map: w && w.map, fg: groups[groups.length - 1], day: w && w.lm_day,
            zones: doc ? doc.querySelectorAll('path.lm-zone').length : 0};
  };
  const before = view();
  return new Promise((resolve) => {
    let pressed = null, blank = 0, last = null, recreated = false;
    document.addEventListener('keydown', () => { pressed = performance.now(); last = pressed; },
                              {capture: true, once: true});
    const deadline = performance.now() + 120000;
    const tick = () => {
      const now = performance.now();
      const v = view();
      const shown = v.map && v.zones > 0;
      if (pressed !== null) {
        if (!shown) blank += now - last;
        last = now;
        if (v.map !== before.map || !(v.map && v.map._benchTag)) recreated = true;
        const changed = (v.fg && v.fg !== before.fg) || (v.day && v.day !== before.day);
        const updated = v.map !== before.map ? shown : (changed && shown);
        if (updated) {
          resolve({ms: now - pressed, blank_ms: blank, recreated,
                   zoom: v.map.getZoom()});
          return;
        }
      }
      if (now > deadline) { resolve({ms: null, blank_ms: blank, recreated, zoom: null}); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}"""


@dataclass
class BrowserResult:
    ms: list[float]
    blank_ms: list[float]
    recreated: int
    zoom_kept: int
    steps: int
    peak_mb: float = 0.0
    map_ms: list[float] | None = None


# The map's own step (daymap.js): the key press in the map's frame to the new day shown.
MAP_STEP_PROBE = """() => new Promise((resolve) => {
  const before = window.lm_day;
  let pressed = null;
  document.addEventListener('keydown', () => { pressed = performance.now(); },
                            {capture: true, once: true});
  const deadline = performance.now() + 120000;
  const tick = () => {
    const now = performance.now();
    if (pressed !== null && window.lm_day !== before) { resolve(now - pressed); return; }
    if (now > deadline) { resolve(null); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""


def map_steps(page, iframe: str, steps: int) -> list[float]:
    """Milliseconds from '.' pressed in the map to the next day shown, ``steps`` times (each
    after the server has caught up: the slider shows the day the map went to)."""
    times = []
    for _ in range(steps):
        frame = page.wait_for_selector(iframe).content_frame()
        frame.get_by_role("button", name="One step forward (.)").focus()
        frame.evaluate(f"() => {{ window.__step = ({MAP_STEP_PROBE})(); }}")
        page.keyboard.press(".")
        ms = frame.evaluate("window.__step")
        if ms is None:
            raise TimeoutError("the map did not step")
        times.append(ms)
        day = frame.evaluate("window.lm_day").split("/")[0]
        page.get_by_test_id("stSliderThumbValue").filter(has_text=day).wait_for(
            timeout=120_000)
        time.sleep(0.3)
    return times


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def browser_steps(script: Path, dataset_path: Path, steps: int,
                  iframe: str) -> BrowserResult:
    from conftest import CHROMIUM_ARGS, chromium_path
    from playwright.sync_api import sync_playwright
    from test_dashboard_browser import start_server, stop_server

    process, url = start_server({"LOCKDOWN_MAP_DATASET": str(dataset_path)}, script=script)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(),
                                                 args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                ("data:", "blob:", "about:", url)) else r.abort())
            page.goto(url, wait_until="domcontentloaded")
            frame = page.wait_for_selector(iframe, timeout=1_200_000).content_frame()
            frame.wait_for_selector("path.lm-zone", state="attached", timeout=1_200_000)
            time.sleep(1.0)
            slider = page.get_by_role("slider")
            slider.focus()
            result = BrowserResult([], [], 0, 0, steps)
            for _ in range(steps):
                frame = page.wait_for_selector(iframe).content_frame()
                frame.wait_for_function("window.map && window.map._loaded", timeout=1_200_000)
                zoom = frame.evaluate("(() => { window.map._benchTag = true;"
                                      " window.map.setZoom(window.map.getZoom() + 1, "
                                      "{animate: false}); return window.map.getZoom(); })()")
                # Let that zoom's redraw (1,000 paths, 10,000 markers: up to 0.4 s) finish
                # first: the key press is measured, not the bench's own zoom.
                frame.evaluate("() => new Promise((resolve) => requestAnimationFrame("
                               "() => requestAnimationFrame(resolve)))")
                # Start the probe without waiting for it (evaluate would await its promise).
                page.evaluate(f"() => {{ window.__probe = ({PROBE})({json.dumps(iframe)}); }}")
                slider.press("ArrowRight")
                outcome = page.evaluate("window.__probe")
                if outcome["ms"] is None:
                    raise TimeoutError(f"{script.name}: the map did not show the new day")
                result.ms.append(outcome["ms"])
                result.blank_ms.append(outcome["blank_ms"])
                result.recreated += bool(outcome["recreated"])
                result.zoom_kept += outcome["zoom"] == zoom
                time.sleep(0.5)  # let the rerun settle before the next key press
            if iframe != ST_FOLIUM_IFRAME:  # the previous app's map has no step of its own
                result.map_ms = map_steps(page, iframe, steps)
            browser.close()
        result.peak_mb = peak_rss_mb(process.pid)
    finally:
        stop_server(process)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 and 100 zones only")
    parser.add_argument("--reruns", type=int, default=7, help="AppTest reruns per case")
    parser.add_argument("--steps", type=int, default=5, help="browser key presses per case")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--baseline", action="store_true",
                        help="also the rebuild-everything baseline")
    parser.add_argument("--record", type=Path, default=ROOT / "seeds" / "record.yaml",
                        help="the real dataset of the last rows (default: the bundled record)")
    parser.add_argument("--no-record", action="store_true", help="synthetic rows only")
    parser.add_argument("--record-only", action="store_true", help="the record's rows only")
    parser.add_argument("--rerun-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rerun_child:
        script, dataset, steps = args.rerun_child
        print(json.dumps(rerun_child(Path(script), Path(dataset), int(steps))))
        return

    from dashboard.mapping import COMPONENT_TITLE

    work = Path(tempfile.mkdtemp(prefix="lockdown-bench-"))
    os.environ["LOCKDOWN_MAP_CACHE_DIR"] = str(work / "cache")
    baseline = work / "baseline_app.py"
    baseline.write_text(textwrap.dedent(BASELINE_SCRIPT), encoding="utf-8")
    variants = {"current": (ROOT / "dashboard" / "app.py", f'iframe[title="{COMPONENT_TITLE}"]'),
                "previous": (ROOT / "bench" / "previous_app.py", ST_FOLIUM_IFRAME)}
    if args.baseline:
        variants["baseline"] = (baseline, ST_FOLIUM_IFRAME)
    rows = []
    started = time.perf_counter()
    cases = [] if args.record_only else [
        (f"{zones:,}", zones, incidents, write_dataset(synthetic_dataset(zones, incidents),
                                                       work / f"bench-{zones}-{incidents}.yaml"))
        for zones, incidents in (QUICK_SIZES if args.quick else SIZES)]
    if not args.no_record:
        record = load_dataset(args.record)
        cases.append((f"{len(record.lockdowns)} ({args.record.name}, "
                      f"{default_day(record)})", len(record.lockdowns), len(record.incidents),
                      args.record))
    for label, zones, incidents, path in cases:
        cap = LARGE_CAP if zones >= LARGE_ZONES else None
        n_reruns = min(args.reruns, cap or args.reruns)
        n_steps = min(args.steps, cap or args.steps)
        load_dataset(path)  # the data must be valid, like any dataset
        for name, (script, iframe) in variants.items():
            reruns = rerun_times(script, path, n_reruns)
            row = {"zones": label, "incidents": incidents, "variant": name,
                   "rerun_ms": 1000 * statistics.median(reruns), "reruns": n_reruns}
            if not args.no_browser:
                steps = browser_steps(script, path, n_steps, iframe)
                row |= {"key_to_map_ms": statistics.median(steps.ms),
                        "blank_ms": max(steps.blank_ms), "recreated": steps.recreated,
                        "zoom_kept": steps.zoom_kept, "steps": steps.steps,
                        "peak_mb": steps.peak_mb,
                        "map_step_ms": statistics.median(steps.map_ms) if steps.map_ms
                        else None}
            rows.append(row)
            print(row, file=sys.stderr, flush=True)
    minutes = (time.perf_counter() - started) / 60
    print(f"\nDefault day of the synthetic data: {default_day(synthetic_dataset(10, 10))}; "
          f"AppTest reruns per case: {args.reruns}, browser key presses: {args.steps} "
          f"(both capped at {LARGE_CAP} from {LARGE_ZONES:,} zones); whole run "
          f"{minutes:.1f} min\n")
    print("| zones | incidents | variant | rerun median (ms) | reruns | slider key → new day "
          "median (ms) | map key → new day median (ms) | blank max (ms) | map re-created | "
          "zoom kept | server peak memory |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        on_map = "-" if r.get("map_step_ms") is None else f"{r['map_step_ms']:.0f}"
        browser = ("| {key_to_map_ms:.0f} | {on_map} | {blank_ms:.0f} | {recreated}/{steps} | "
                   "{zoom_kept}/{steps} | {peak_mb:.0f} MB |".format(on_map=on_map, **r)
                   if "steps" in r else "| - | - | - | - | - | - |")
        print(f"| {r['zones']} | {r['incidents']:,} | {r['variant']} | {r['rerun_ms']:.0f} "
              f"| {r['reruns']} " + browser)


if __name__ == "__main__":
    main()
