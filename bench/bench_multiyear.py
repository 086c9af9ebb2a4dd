"""The multi-year views on a synthetic nationwide dataset: variants compared in one run.

Usage: .venv/bin/python bench/bench_multiyear.py [--lockdowns 50,200] [--years 4] [--repeat 3]

The dataset: ``--lockdowns`` county lockdowns spread over ``--years`` years from
2020 on every county of the gazetteer (each 5 to 40 days, a third lifted, the rest
unconfirmed), plus a nationwide order, all with coded measures. For each size:

- zones in force per day by province over the whole span (the overview chart):
  every lockdown's status on every day (naive) against status runs evaluated only
  around each lockdown's own dates (``geo.overview.in_force_frame``);
- one zone's stringency on every day of the span: the covering lockdowns found
  once (``geo.stringency.stringency_series``) against found again each day;
- every zone's stringency on one day (``status --format json``, the map colouring):
  each zone's covering lockdowns found in the call against found once per dataset;
- the register of all lockdowns, and the change days (the day control's jumps).

Times are the best of ``--repeat`` runs (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.gazetteer import load_gazetteer  # noqa: E402
from geo.model import (  # noqa: E402
    Certainty,
    Dataset,
    DatasetInfo,
    Evidence,
    LocationPrecision,
    Lockdown,
    Measure,
    Place,
    PlaceKind,
    Report,
    Scope,
    TimePrecision,
    When,
)
from geo.overview import in_force_frame, in_force_frame_naive  # noqa: E402
from geo.register import register_frame  # noqa: E402
from geo.stepping import change_days  # noqa: E402
from geo.stringency import (  # noqa: E402
    coverings,
    stringency_on,
    stringency_series,
    zone_stringency,
)
from geo.timeline import dataset_span  # noqa: E402

REPORT = "bench-report"
TEXT = ("The county was put under lockdown. Markets were closed. Residents may not leave "
        "their homes. Travel permits were suspended.")
START = dt.date(2020, 1, 1)


def when(day: dt.date) -> When:
    return When(Certainty.STATED, on=day, precision=TimePrecision.DAY,
                evidence=(Evidence(REPORT, "The county was put under lockdown."),))


def multiyear_dataset(lockdowns: int, years: int) -> Dataset:
    gazetteer = load_gazetteer()
    counties = [e for e in gazetteer.entries if e.kind == "county" and e.country == "KP"]
    provinces = {e.parent for e in counties}
    places = [Place("kp", "North Korea", PlaceKind.COUNTRY, LocationPrecision.REGION,
                    country="KP", gazetteer="kp")]
    places += [Place(p, gazetteer.get(p).name, PlaceKind.PROVINCE, LocationPrecision.REGION,
                     parent="kp", country="KP", gazetteer=p) for p in sorted(provinces)]
    places += [Place(c.id, c.name, PlaceKind.COUNTY, LocationPrecision.NEAR, parent=c.parent,
                     country="KP", gazetteer=c.id) for c in counties]
    measures = tuple(Measure(code, (Evidence(REPORT, sentence),)) for code, sentence in (
        ("markets_closed", "Markets were closed."),
        ("stay_at_home", "Residents may not leave their homes."),
        ("travel_permits_suspended", "Travel permits were suspended.")))
    span_days = 365 * years
    items = [Lockdown(
        id="nationwide", zone="kp", scope="the whole country",
        ordered=when(START + dt.timedelta(days=span_days // 2)),
        effective=when(START + dt.timedelta(days=span_days // 2)),
        announced_end=When.unknown(), actual_end=when(START + dt.timedelta(days=span_days // 2
                                                                          + 30)),
        measures=(Measure("stay_at_home", (Evidence(REPORT, TEXT.split(". ")[2] + "."),),
                          Scope.GENERAL),),
        evidence=(Evidence(REPORT, "The county was put under lockdown."),))]
    for i in range(lockdowns):
        county = counties[(i * 37) % len(counties)]
        start = START + dt.timedelta(days=(i * 131) % span_days)
        end = start + dt.timedelta(days=5 + (i * 7) % 36)
        lifted = when(end + dt.timedelta(days=2)) if i % 3 == 0 else When.unknown()
        items.append(Lockdown(
            id=f"lockdown-{i:04d}", zone=county.id, scope="whole county",
            ordered=when(start), effective=when(start), announced_end=when(end),
            actual_end=lifted, measures=measures[: 1 + i % 3],
            evidence=(Evidence(REPORT, "The county was put under lockdown."),)))
    report = Report(REPORT, "Bench", "Synthetic report", "https://example.org/bench", "en",
                    when(START), TEXT)
    return Dataset(DatasetInfo(f"bench {lockdowns} lockdowns over {years} years", "1"),
                   reports=(report,), places=tuple(places), lockdowns=tuple(items))


def best(repeat: int, function, *args) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - began)
    return min(times)


def series_recomputed(dataset: Dataset, zone: str, first: dt.date, last: dt.date) -> list:
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return [zone_stringency(dataset, zone, day) for day in days]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lockdowns", default="50,200")
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| lockdowns | days | in force per day: naive | runs | stringency series: "
          "per day | covering once | all zones, one day: per call | covering once | "
          "register | change days |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.lockdowns.split(",")):
        dataset = multiyear_dataset(size, args.years)
        first, last = dataset_span(dataset)
        assert in_force_frame(dataset).equals(in_force_frame_naive(dataset))
        zone = dataset.lockdowns[1].zone
        covering = coverings(dataset)
        cells = [
            best(args.repeat, in_force_frame_naive, dataset),
            best(args.repeat, in_force_frame, dataset),
            best(1, series_recomputed, dataset, zone, first, last),
            best(args.repeat, stringency_series, dataset, zone, first, last),
            best(args.repeat, stringency_on, dataset, last - dt.timedelta(days=60)),
            best(args.repeat, stringency_on, dataset, last - dt.timedelta(days=60), covering),
            best(args.repeat, register_frame, dataset, last),
            best(args.repeat, change_days, dataset),
        ]
        print(f"| {size + 1:,} | {(last - first).days + 1:,} | "
              + " | ".join(f"{c * 1000:,.0f} ms" for c in cells) + " |")


if __name__ == "__main__":
    main()
