"""Export and draw time of the map against a naive folium map, on synthetic data.

Usage: .venv/bin/python bench/bench_export.py [--points 100,1000,10000] [--zones 10,100,1000]
       [--naive-timeout 60] [--no-naive] [--record seeds/record.yaml | --no-record]
       [--record-only] [--repeat 1] [--against REV]

For each size: export time (build + render + atomic write, self-contained), file
size, and time until drawn in headless Chromium with the network blocked (from
navigation start until every zone path is in the DOM and every incident marker is
painted on its canvas); beside it a naive
folium map with one ``Polygon`` per zone and one ``Marker`` per incident (assets
inlined too, so both open offline).

A last row is the bundled public record (``--record``, default ``seeds/record.yaml``):
its real zones (counties, cities, provinces and the whole country) and incidents,
exported on its default day with the slider over its whole span, drawn the same way.
``--record-only`` runs that row alone. ``--repeat N`` draws each file N times and
reports the median (the machines are shared: one draw can be 0.2 s off).
``--against REV`` adds the maps another revision exports (built in a git worktree
by that revision's own code), drawn in turn with ours in the same browser.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import folium  # noqa: E402
import geopandas as gpd  # noqa: E402
from conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402
from map_fixtures import context_layers  # noqa: E402
from shapely.geometry import Point, Polygon  # noqa: E402

from geo.atomic import write_atomic  # noqa: E402
from geo.export import export_map, render_html  # noqa: E402
from geo.layers import build_layers  # noqa: E402
from geo.loadable import load_loadable  # noqa: E402
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
    When,
)

QUOTES = (
    "The order suspended travel permits for the county and closed markets.",
    "Joint enforcement teams patrol the streets day and night.",
    "A man returned from China and was arrested by soldiers waiting in ambush.",
)
REPORT = Report("synthetic-report", "Synthetic Daily", "A synthetic report",
                "https://example.org/report", "en",
                When(Certainty.STATED, dt.date(2021, 11, 23)), " ".join(QUOTES))
WEST, SOUTH, EAST, NORTH = 126.8, 40.8, 128.9, 41.8


def synthetic(points: int, zones: int, seed: int = 1) -> tuple[Dataset, dict]:
    """A dataset and its layers: ``zones`` 12-gon zones on a grid, ``points`` incidents."""
    rng = random.Random(seed)
    evidence = tuple(Evidence(REPORT.id, q) for q in QUOTES)
    side = math.ceil(math.sqrt(zones))
    dx, dy = (EAST - WEST) / side, (NORTH - SOUTH) / side
    places, lockdowns, zone_rows = [], [], []
    for i in range(zones):
        cx, cy = WEST + (i % side + 0.5) * dx, SOUTH + (i // side + 0.5) * dy
        r = min(dx, dy) * 0.4
        ring = [(cx + r * math.cos(a * math.pi / 6) * (0.8 + 0.4 * rng.random()),
                 cy + r * math.sin(a * math.pi / 6) * (0.8 + 0.4 * rng.random()))
                for a in range(12)]
        place = Place(f"zone-{i}", f"Zone {i}", PlaceKind.COUNTY, LocationPrecision.NEAR,
                      aliases=(f"Zone {i} county",), evidence=evidence[:1])
        start = dt.date(2021, 11, 1) + dt.timedelta(days=rng.randrange(30))
        lockdowns.append(Lockdown(
            id=f"lockdown-{i}", zone=place.id, scope="whole county",
            ordered=When(Certainty.STATED, start, evidence=evidence[:1]),
            effective=When(Certainty.STATED, start, evidence=evidence[:1]),
            announced_end=When(Certainty.INFERRED, start + dt.timedelta(days=15),
                               reasoning="15 days from the start", evidence=evidence[:1]),
            actual_end=(When(Certainty.STATED, start + dt.timedelta(days=20))
                        if i % 3 == 0 else When.unknown("no report says")),
            measures=(Measure("markets_closed", evidence[:1]),
                      Measure("enforcement_patrols", evidence[1:2])),
            evidence=evidence[:2]))
        places.append(place)
        zone_rows.append({"lockdown": f"lockdown-{i}", "zone": place.id, "name": place.name,
                          "approximate": i % 2 == 0, "method": "synthetic", "source": "bench",
                          "precision": 2, "geometry": Polygon(ring)})
    incidents, incident_rows = [], []
    for i in range(points):
        when = When(Certainty.STATED, dt.date(2021, 11, 1) + dt.timedelta(days=rng.randrange(40)))
        place = places[i % len(places)] if places else None
        incident = Incident(f"incident-{i}", "border_crossing", place.id if place else "",
                            when, "a resident", "Crossed the river at night.",
                            LocationPrecision.TOWN, evidence[2:3])
        incidents.append(incident)
        incident_rows.append({"id": incident.id, "kind": incident.kind, "place": incident.place,
                              "name": place.name if place else "", "when": when.label(),
                              "who": incident.who, "description": incident.description,
                              "precision": 1,
                              "geometry": Point(rng.uniform(WEST, EAST),
                                                rng.uniform(SOUTH, NORTH))})
    dataset = Dataset(DatasetInfo("Synthetic benchmark", f"{points}x{zones}"), (REPORT,),
                      tuple(places), tuple(lockdowns), tuple(incidents))
    layers = context_layers()
    layers["zones"] = gpd.GeoDataFrame(zone_rows, geometry="geometry", crs="EPSG:4326")
    layers["incidents"] = gpd.GeoDataFrame(incident_rows, geometry="geometry", crs="EPSG:4326")
    return dataset, layers


def naive_export(dataset: Dataset, layers: dict, path: Path) -> Path:
    """One folium object per feature, as a first attempt would write it."""
    m = folium.Map(location=[41.3, 127.8], zoom_start=8, tiles=None)
    for row in layers["zones"].itertuples():
        for part in getattr(row.geometry, "geoms", [row.geometry]):  # a country: many parts
            folium.Polygon([(y, x) for x, y in part.exterior.coords], color="red",
                           fill=True, popup=folium.Popup(row.name), tooltip=row.name).add_to(m)
    for row in layers["incidents"].itertuples():
        folium.Marker([row.geometry.y, row.geometry.x],
                      popup=folium.Popup(f"{row.kind} {row.when} {row.description}"),
                      tooltip=row.kind).add_to(m)
    return write_atomic(path, render_html(m, inline=True, title="naive"))


def draw_time(browser, path: Path, condition: str, timeout_s: float) -> float | None:
    """Seconds from navigation start until ``condition`` holds; None past ``timeout_s``."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    page.route("**/*", lambda r: r.continue_()
               if r.request.url.startswith(("file:", "data:")) else r.abort())
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        handle = page.wait_for_function(f"() => ({condition}) ? performance.now() : false",
                                        polling="raf", timeout=timeout_s * 1000)
        return handle.json_value() / 1000
    except Exception as exc:  # a timeout: report it as '> timeout'
        if "Timeout" not in type(exc).__name__ and "Timeout" not in str(exc):
            raise
        return None
    finally:
        page.close()


def fmt_time(value: float | None, cap: float) -> str:
    return f">{cap:.0f} s" if value is None else f"{value:.2f} s"


def record_case(path: Path) -> tuple[Dataset, dict, dt.date]:
    """The bundled record as the CLI's ``export`` sees it: its layers and default day."""
    from geo.timeline import default_day

    dataset = load_loadable(path)
    return dataset, build_layers(dataset), default_day(dataset)


# A variant exported by another revision of this project, in its own worktree: the
# revision's own bench_export builds the same synthetic data (or reads the record).
AGAINST_SCRIPT = """
import sys
from pathlib import Path
sys.path[:0] = ["bench", "tests", "."]
from bench_export import record_case, synthetic
from geo.export import export_map
out, points, zones, record = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
if record:
    dataset, layers, day = record_case(Path(record))
else:
    (dataset, layers), day = synthetic(points, zones), "2021-11-20"
export_map(dataset, layers, day, out)
"""


@contextlib.contextmanager
def worktree(revision: str, tmp: str) -> Iterator[Path]:
    """A checkout of ``revision`` beside this one, removed afterwards."""
    path = Path(tmp) / "against"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(path),
                    revision], check=True)
    try:
        yield path
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)],
                       check=True)


def export_against(tree: Path, out: Path, points: int, zones: int, record: Path | None) -> Path:
    subprocess.run([sys.executable, "-c", AGAINST_SCRIPT, str(out), str(points), str(zones),
                    str(record or "")], cwd=tree, check=True,
                   env={**os.environ, "PYTHONPATH": str(tree)})
    return out


def draw_all(browser, variants: list[tuple[Path, str, float]], repeat: int) -> list[float | None]:
    """The median draw time of each (file, condition, timeout), drawn in turn ``repeat``
    times so that a busy moment of a shared machine falls on every variant alike."""
    times: list[list[float | None]] = [[] for _ in variants]
    for _ in range(repeat):
        for spent, (path, condition, timeout_s) in zip(times, variants, strict=True):
            spent.append(draw_time(browser, path, condition, timeout_s))
    return [None if None in t else statistics.median(t) for t in times]


def measure_row(browser, tmp: str, label: str, dataset: Dataset, layers: dict,
                day: dt.date | str, naive: bool, naive_timeout: float, repeat: int = 1,
                against: Path | None = None, record: Path | None = None) -> str:
    """One table row: our export and its drawing, the other revision's, the naive map's."""
    points = len(layers["incidents"])
    zones = len(layers["zones"])
    spots = len({(round(p.x, 5), round(p.y, 5)) for p in layers["incidents"].geometry})
    ours = Path(tmp) / f"ours-{points}-{zones}.html"
    start = time.perf_counter()
    export_map(dataset, layers, day, ours)
    ours_export = time.perf_counter() - start
    # Incidents are painted on a canvas that says how many it holds once painted.
    drawn = ("+(document.querySelector('canvas.lm-incidents[data-lm-drawn]')"
             f" || {{dataset: {{}}}}).dataset.lmDrawn >= {spots} && "
             f"document.querySelectorAll('path.lm-zone').length >= {zones}")
    variants = [(ours, drawn, 60.0)]
    if against:
        variants.append((export_against(against, Path(tmp) / "against.html", points, zones,
                                        record), drawn, 60.0))
    if naive:
        parts = sum(len(getattr(g, "geoms", [g])) for g in layers["zones"].geometry)
        naive_path = Path(tmp) / f"naive-{points}-{zones}.html"
        start = time.perf_counter()
        naive_export(dataset, layers, naive_path)
        naive_export_s = time.perf_counter() - start
        variants.append((naive_path, "document.querySelectorAll('.leaflet-marker-icon')"
                         f".length >= {points} && document.querySelectorAll("
                         f"'.leaflet-overlay-pane path').length >= {parts}", naive_timeout))
    times = draw_all(browser, variants, repeat)
    cells = [label, f"{zones:,}", f"{ours_export:.2f} s", f"{ours.stat().st_size / 1e6:.1f} MB",
             fmt_time(times[0], 60)]
    if against:
        cells += [f"{variants[1][0].stat().st_size / 1e6:.1f} MB", fmt_time(times[1], 60)]
    if naive:
        cells += [f"{naive_export_s:.2f} s", f"{naive_path.stat().st_size / 1e6:.1f} MB",
                  fmt_time(times[-1], naive_timeout)]
    else:
        cells += ["-", "-", "-"]
    for path, _, _ in variants:
        path.unlink()
    return "| " + " | ".join(cells) + " |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", default="100,1000,10000")
    parser.add_argument("--zones", default="10,100,1000")
    parser.add_argument("--naive-timeout", type=float, default=60.0)
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--record", type=Path, default=ROOT / "seeds" / "record.yaml",
                        help="the real dataset of the last row (default: the bundled record)")
    parser.add_argument("--no-record", action="store_true", help="synthetic rows only")
    parser.add_argument("--record-only", action="store_true", help="the record's row only")
    parser.add_argument("--repeat", type=int, default=1,
                        help="draw each file this many times, in turn, and report the median")
    parser.add_argument("--against", metavar="REV",
                        help="also draw the maps another git revision exports (a worktree)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    header = ["points", "zones", "export (ours)", "file (ours)", "drawn (ours)"]
    if args.against:
        header += [f"file ({args.against})", f"drawn ({args.against})"]
    header += ["export (naive)", "file (naive)", "drawn (naive)"]
    rows = ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
    with contextlib.ExitStack() as stack, sync_playwright() as playwright:
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        against = stack.enter_context(worktree(args.against, tmp)) if args.against else None
        browser = playwright.chromium.launch(executable_path=chromium_path() or
                                             "/usr/bin/chromium", args=CHROMIUM_ARGS)
        # Warm up once (imports, the inline asset table): the table shows steady state.
        warm_dataset, warm_layers = synthetic(10, 2)
        export_map(warm_dataset, warm_layers, "2021-11-20", Path(tmp) / "warm.html")
        grid = [] if args.record_only else [
            (int(p), int(z)) for p in args.points.split(",") for z in args.zones.split(",")]
        for points, zones in grid:
            dataset, layers = synthetic(points, zones)
            rows.append(measure_row(browser, tmp, f"{points:,}", dataset, layers, "2021-11-20",
                                    not args.no_naive, args.naive_timeout, args.repeat,
                                    against))
            print(rows[-1], flush=True)
        if not args.no_record:
            dataset, layers, day = record_case(args.record)
            label = f"{len(layers['incidents']):,} ({args.record.name}, {day})"
            rows.append(measure_row(browser, tmp, label, dataset, layers, day,
                                    not args.no_naive, args.naive_timeout, args.repeat,
                                    against, args.record.resolve()))
            print(rows[-1], flush=True)
        browser.close()
    print()
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
