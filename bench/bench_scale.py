"""How loading and the dashboard's first draw grow with the data: current path beside the previous.

Synthetic datasets shaped like the seed (each lockdown with its own ~2 KB report,
6 measures with quotes, a trigger incident, a county-shaped zone) of 10, 100,
1,000 and 10,000 lockdowns, measured in one run:

- load + validate: PyYAML's pure-Python parser (the previous path), its C parser,
  ``geo.dataset.loads_dataset`` as it is now, and ``geo.cache.cached_loads``
  on an empty cache (parse + write) and on a warm one (the file seen before);
- first run: the dashboard's first script run (AppTest, a fresh process), the
  current app with a warm and with an empty cache, and the previous app
  (``bench/previous_app.py``: ``st_folium``, no cache, no ``gc.freeze``);
- first draw: a live server in a fresh process, from navigation in headless
  Chromium to the zones in the map's page (both read from the browser's clock);
  and the server's peak memory (VmHWM) after it; and the same for the server
  ``lockdown-map dashboard`` starts (``dashboard.serve``: libraries imported and the
  dataset parsed before it listens, the app's shared caches built in a thread while
  it starts), with how long that server takes to answer on an empty cache;
- stringency on one day for every zone (the map coloured by stringency): zones
  that share their covering lockdowns share the day's work now; before, each zone
  walked all of its lockdowns alone (kept callable: ``zone_stringency`` per zone).

    .venv/bin/python bench/bench_scale.py                   # 10 .. 1,000, previous beside current
    .venv/bin/python bench/bench_scale.py --sizes 10000     # one size
    .venv/bin/python bench/bench_scale.py --skip-previous-from 10000   # the default

The previous path takes minutes a step at 10,000 lockdowns (its parse alone is
~4 min on a quiet machine), so by default everything that parses with
pure-Python PyYAML is measured up to 1,000 and marked "not run" above; at
10,000 the cache is filled from the C parser's result instead (the same Dataset).
Generated datasets are kept in ``$TMPDIR/lockdown-bench-scale`` between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import yaml  # noqa: E402
from bench_dashboard import COUNTIES, peak_rss_mb  # noqa: E402  (bench/ is on sys.path)

from geo.cache import CACHE_ENV, OFF, cached_loads, text_key, write_entry  # noqa: E402
from geo.dataset import loads_dataset  # noqa: E402
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
from geo.rawform import dataset_to_raw  # noqa: E402
from geo.stringency import (  # noqa: E402
    coverings,
    lockdown_zones,
    stringency_on,
    zone_stringency,
)
from geo.validate import validate  # noqa: E402

SIZES = (10, 100, 1_000, 10_000)
APP = ROOT / "dashboard" / "app.py"
PREVIOUS_APP = ROOT / "bench" / "previous_app.py"
WORK = Path(tempfile.gettempdir()) / "lockdown-bench-scale"
FORMAT = "v1"  # bump when the generator changes: stale generated files are not reused
MEASURES = ("travel_permits_suspended", "entry_banned", "markets_closed",
            "enforcement_patrols", "violators_punished", "stay_at_home")
START = dt.date(2021, 11, 1)
SENTENCES = [
    "The county was put under lockdown after a man returning from China was caught.",
    "The order suspended travel permits, banned vehicles and persons from entering the "
    "town, and closed markets.",
    "Joint enforcement teams patrol the streets day and night.",
    "Anyone violating the quarantine rules is to be arrested on the spot and punished.",
    "The lockdown stops people from coming or going, locking them up in their homes.",
    "A man in his 40s returned from China to North Korea at night and was caught.",
]
FILLER = ("Residents said food prices rose as the markets stayed shut, and that the "
          "authorities gave no date for lifting the measures. ")


def synthetic_dataset(n: int) -> Dataset:
    """``n`` lockdowns like the seed's: each with a ~2 KB report, 6 quoted measures, a
    trigger incident and a county-shaped zone; periods start and end on different days."""
    places = [
        Place("kp", "North Korea", PlaceKind.COUNTRY, LocationPrecision.REGION, country="KP",
              gazetteer="kp"),
        Place("kp-ryanggang", "Ryanggang Province", PlaceKind.PROVINCE,
              LocationPrecision.REGION, parent="kp", country="KP", gazetteer="kp-ryanggang"),
    ]
    reports, lockdowns, incidents = [], [], []
    for i in range(n):
        report_id, zone = f"report-{i:05d}", f"zone-{i:05d}"
        text = " ".join(SENTENCES) + " " + FILLER * 12
        start = START + dt.timedelta(days=i % 40)
        end = start + dt.timedelta(days=5 + i % 15)

        def when(day: dt.date, k: int, rid: str = report_id) -> When:
            return When(Certainty.STATED, on=day, precision=TimePrecision.DAY,
                        evidence=(Evidence(rid, SENTENCES[k]),))

        reports.append(Report(report_id, "Bench", f"Synthetic report {i}",
                              f"https://example.org/bench/{i}", "en", when(start, 0), text))
        places.append(Place(zone, f"Zone {i}", PlaceKind.COUNTY, LocationPrecision.NEAR,
                            parent="kp-ryanggang", country="KP",
                            gazetteer=COUNTIES[i % len(COUNTIES)]))
        lifted = When.unknown("not reported") if i % 3 else when(end + dt.timedelta(3), 0)
        lockdowns.append(Lockdown(
            id=f"lockdown-{i:05d}", zone=zone, scope="whole county",
            ordered=when(start, 0), effective=when(start, 0), announced_end=when(end, 0),
            actual_end=lifted, trigger=f"incident-{i:05d}",
            measures=tuple(Measure(code, (Evidence(report_id, SENTENCES[1 + k % 4]),))
                           for k, code in enumerate(MEASURES)),
            evidence=(Evidence(report_id, SENTENCES[0]),)))
        incidents.append(Incident(
            id=f"incident-{i:05d}", kind="border_crossing", place=zone,
            when=when(start - dt.timedelta(days=1), 5), who="a man in his 40s",
            description="Returned from China at night.", precision=LocationPrecision.NEAR,
            evidence=(Evidence(report_id, SENTENCES[5]),)))
    return Dataset(DatasetInfo(f"bench {n} lockdowns", "1"), reports=tuple(reports),
                   places=tuple(places), lockdowns=tuple(lockdowns), incidents=tuple(incidents))


def _without_timestamps(loader: type) -> type:
    # Dates stay text for the validator, as in geo.dataset.
    class Loader(loader):  # type: ignore[misc, valid-type]
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in loader.yaml_implicit_resolvers.items()}
    return Loader


PURE_LOADER = _without_timestamps(yaml.SafeLoader)
C_LOADER = _without_timestamps(yaml.CSafeLoader)


def dataset_file(n: int) -> Path:
    """The generated dataset of ``n`` lockdowns (written once, then reused)."""
    path = WORK / f"scale-{FORMAT}-{n}.yaml"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        # The C emitter: the pure one takes minutes at 10,000. No text has a newline, so
        # this is the same YAML the canonical writer would give, but for line style.
        text = yaml.dump(dataset_to_raw(synthetic_dataset(n)), Dumper=yaml.CSafeDumper,
                         sort_keys=False, allow_unicode=True, width=1_000_000, indent=2)
        validate(yaml.load(text, Loader=C_LOADER), str(path))  # valid, like any dataset
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path


def timed(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def load_times(path: Path, slow: bool, folder: Path) -> dict[str, float | None]:
    """Each way of loading ``path``; ``slow``: skip those that parse with pure-Python
    PyYAML (minutes at 10,000 lockdowns), and fill the cache from the C parse instead.
    Leaves ``folder`` holding the file's cache entry."""
    text = path.read_text(encoding="utf-8")
    out: dict[str, float | None] = {}
    out["yaml pure + validate (previous)"] = (
        None if slow else timed(lambda: validate(yaml.load(text, Loader=PURE_LOADER),
                                                 str(path))))
    out["yaml C + validate"] = timed(lambda: validate(yaml.load(text, Loader=C_LOADER),
                                                      str(path)))
    out["loads_dataset (as on this branch)"] = (
        None if slow else timed(loads_dataset, text, str(path)))
    if slow:
        out["cached_loads, empty cache"] = None
        write_entry(folder, text_key(text), validate(yaml.load(text, Loader=C_LOADER),
                                                     str(path)))
    else:
        out["cached_loads, empty cache"] = timed(
            lambda: cached_loads(text, str(path), directory=folder))
    out["cached_loads, warm cache (current)"] = timed(
        lambda: cached_loads(text, str(path), directory=folder))
    return out


def stringency_times(dataset: Dataset) -> dict[str, float]:
    """One day's stringency of every zone (the map coloured by stringency, a CSV row per
    zone): ``stringency_on`` now, and each zone asked alone as before (its own walk of
    its covering lockdowns; the same values)."""
    covering = coverings(dataset)
    day = START + dt.timedelta(days=20)
    stringency_on(dataset, day - dt.timedelta(days=1), covering)  # the measure tables load
    return {
        "stringency, one day (current)": timed(stringency_on, dataset, day, covering),
        "stringency, each zone alone (previous)": timed(
            lambda: {zone: zone_stringency(dataset, zone, day, covering[zone])
                     for zone in lockdown_zones(dataset)}),
    }


# --- first run (AppTest, in a fresh process) ----------------------------------------------

def first_run_child(script: str, dataset: str) -> None:
    from streamlit.testing.v1 import AppTest

    os.environ["LOCKDOWN_MAP_DATASET"] = dataset
    at = AppTest.from_file(script, default_timeout=1800)
    started = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - started
    if at.exception:
        raise SystemExit(f"{script} failed: {at.exception[0].message}")
    print(json.dumps({"seconds": seconds}))


def first_run(script: Path, dataset: Path, cache: str) -> float:
    result = subprocess.run(
        [sys.executable, __file__, "--first-run-child", str(script), str(dataset)],
        env={**os.environ, CACHE_ENV: cache}, capture_output=True, text=True, check=False,
        timeout=3600)
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])["seconds"]


# --- first draw (a live server, headless Chromium) ------------------------------------------

def start_served(dataset: Path, cache: str):
    """``lockdown-map dashboard``'s server (``dashboard.serve``) on a free port: the process,
    its URL and the seconds until it answered."""
    from test_dashboard_browser import free_port, wait_healthy

    from geo.cli.dashboard import streamlit_command

    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(streamlit_command(port, str(dataset)), cwd=ROOT,
                               env={**os.environ, CACHE_ENV: cache},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process, 1800)
    return process, url, time.perf_counter() - started


# Run in every frame before its own scripts: the moment (the browser's clock, ms since
# the epoch) the first zone path is in the frame's DOM. A component's frame starts as
# about:blank and keeps its window when its page replaces that document, so each new
# document is watched from its DOMContentLoaded (which reaches the window).
ZONE_SEEN = """
(function () {
    function watch() {
        new MutationObserver(function (changes, observer) {
            if (document.querySelector("path.lm-zone")) {
                window.lmZoneSeen = window.lmZoneSeen || performance.timeOrigin + performance.now();
                observer.disconnect();
            }
        }).observe(document, {subtree: true, childList: true});
    }
    watch();
    window.addEventListener("DOMContentLoaded", watch);
})();
"""


def first_draw(script: Path | None, dataset: Path, cache: str, iframe: str) -> tuple[float, float]:
    """Seconds from navigation to the first zone drawn, and the server's peak memory (MB);
    ``script`` None: the server ``lockdown-map dashboard`` starts (``dashboard.serve``).

    Both ends are read from the browser's own clock (the page's navigation start, the
    moment the zone's path joined the map frame's DOM): Playwright's waits see a busy
    page up to a second late, which hid what changed."""
    from conftest import CHROMIUM_ARGS, chromium_path
    from playwright.sync_api import sync_playwright
    from test_dashboard_browser import start_server, stop_server

    if script is None:
        process, url, _ = start_served(dataset, cache)
    else:
        process, url = start_server({"LOCKDOWN_MAP_DATASET": str(dataset), CACHE_ENV: cache},
                                    script=script)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(),
                                                 args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.add_init_script(ZONE_SEEN)
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                ("data:", "blob:", "about:", url)) else r.abort())
            page.goto(url, wait_until="domcontentloaded")
            frame = page.wait_for_selector(iframe, timeout=1_800_000).content_frame()
            frame.wait_for_selector("path.lm-zone", state="attached", timeout=1_800_000)
            seen = frame.wait_for_function("() => window.lmZoneSeen", timeout=60_000).json_value()
            seconds = (seen - page.evaluate("performance.timeOrigin")) / 1000
            browser.close()
        return seconds, peak_rss_mb(process.pid)
    finally:
        stop_server(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--skip-previous-from", type=int, default=10_000,
                        help="do not run the previous path from this many lockdowns")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--first-run-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_run_child:
        first_run_child(*args.first_run_child)
        return

    from test_dashboard_browser import stop_server

    from dashboard.mapping import COMPONENT_TITLE

    iframes = {"current": f'iframe[title="{COMPONENT_TITLE}"]',
               "previous": 'iframe[title="streamlit_folium.st_folium"]'}
    started = time.perf_counter()
    loads, runs = [], []
    for n in args.sizes:
        path = dataset_file(n)
        slow = n >= args.skip_previous_from
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            row = {"n": n, "mb": path.stat().st_size / 1e6, **load_times(path, slow, folder)}
            row.update(stringency_times(cached_loads(path.read_text(encoding="utf-8"),
                                                     str(path), directory=folder)))
            loads.append(row)
            print(row, file=sys.stderr, flush=True)
            run: dict[str, float | int | None] = {"n": n}
            if slow:
                run["current, empty cache"] = None
            else:
                with tempfile.TemporaryDirectory() as empty:
                    run["current, empty cache"] = first_run(APP, path, empty)
            run["current, warm cache"] = first_run(APP, path, name)  # the file seen before
            run["previous"] = None if slow else first_run(PREVIOUS_APP, path, OFF)
            if not args.no_browser:
                run["draw current"], run["mem current"] = first_draw(
                    APP, path, name, iframes["current"])
                with tempfile.TemporaryDirectory() as empty:
                    process, _, run["served: server start, empty cache"] = start_served(
                        path, empty)
                    stop_server(process)
                run["served: first draw"], run["mem served"] = first_draw(
                    None, path, name, iframes["current"])
                run["draw previous"], run["mem previous"] = (
                    (None, None) if slow
                    else first_draw(PREVIOUS_APP, path, OFF, iframes["previous"]))
        runs.append(run)
        print(run, file=sys.stderr, flush=True)

    def cell(value, unit="s"):
        if value is None:
            return "not run"
        return f"{value:,.0f} MB" if unit == "MB" else f"{value:.2f} s"

    print(f"\nWhole run {(time.perf_counter() - started) / 60:.1f} min, one machine, "
          "variants side by side.\n")
    keys = [k for k in loads[0] if k not in ("n", "mb")]
    print("| lockdowns | file | " + " | ".join(keys) + " |")
    print("|---:|---:|" + "---:|" * len(keys))
    for row in loads:
        print(f"| {row['n']:,} | {row['mb']:.1f} MB | "
              + " | ".join(cell(row[k]) for k in keys) + " |")
    print()
    keys = [k for k in runs[0] if k != "n"]
    print("| lockdowns | " + " | ".join(k.replace("draw ", "first draw, ").replace(
        "mem ", "peak memory, ") for k in keys) + " |")
    print("|---:|" + "---:|" * len(keys))
    for run in runs:
        print(f"| {run['n']:,} | " + " | ".join(
            cell(run[k], "MB" if k.startswith("mem") else "s") for k in keys) + " |")


if __name__ == "__main__":
    main()
