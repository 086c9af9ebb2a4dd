"""The ``lockdown-map`` command line: a thin edge that turns domain errors into messages.

The group and the dataset commands live here; each other family of commands has
its own module in this package and is registered below with ``cli.add_command``.

Each command parses its arguments, calls plain functions in :mod:`geo`, and
prints. A :class:`~geo.errors.LockdownMapError` becomes a readable message and
a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import sys

import click

from geo.cli.common import dataset_option, domain_errors, echo
from geo.cli.dashboard import dashboard
from geo.cli.extract import extract
from geo.cli.files import csv
from geo.cli.ingest import add, init
from geo.cli.map import export
from geo.cli.places import geocode
from geo.dataset import SEED_DATASET
from geo.loadable import load_loadable
from geo.stringency import stringency_on
from geo.timeline import parse_moment, states_on


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lockdown-map")
def cli() -> None:
    """Lockdown Map: field reports about North Korean lockdowns, as maps with their evidence."""


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False), default=str(SEED_DATASET))
@domain_errors
def validate(path: str) -> None:
    """Check a dataset file; list every problem at once (exit 1 if any)."""
    dataset = load_loadable(path)
    echo(f"{path}: valid — {len(dataset.reports)} reports, {len(dataset.places)} places, "
               f"{len(dataset.lockdowns)} lockdowns, {len(dataset.incidents)} incidents")


@cli.command()
@click.option("--on", "on", required=True, metavar="DATE",
              help="YYYY-MM-DD (the end of that day) or YYYY-MM-DDTHH:MM.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@dataset_option
@domain_errors
def status(on: str, fmt: str, dataset_path: str) -> None:
    """Each lockdown zone's status on a day, with its period and stringency bounds."""
    moment = parse_moment(on)
    dataset = load_loadable(dataset_path)
    states = states_on(dataset, moment)
    stringency = stringency_on(dataset, moment)
    if fmt == "json":
        from geo.describe import disagreement_lines

        lockdowns = {lockdown.id: lockdown for lockdown in dataset.lockdowns}
        zones = [{**state.to_dict(), "stringency": stringency[state.zone].to_dict(),
                  "sources_disagree": [line.to_dict() for line in
                                       disagreement_lines(dataset, lockdowns[state.lockdown])]}
                 for state in states]
        payload = {"on": moment.isoformat(timespec="minutes"), "zones": zones}
        echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    rows = [("ZONE", "STATUS", "IN FORCE FROM", "ANNOUNCED END", "ACTUAL END", "LAST REPORTED",
             "STRINGENCY")]
    for s in states:
        d = s.to_dict()
        start = d["start"]
        if s.start is None:  # say what is known of an unreported start
            start = f"start {start}" + (f", in force by {s.in_force_from.date().isoformat()}"
                                        if s.in_force_from else "")
        rows.append((s.zone_name, d["status"], start, d["announced_end"] or "unknown",
                     d["actual_end"], d["last_reported"] or "unknown",
                     stringency[s.zone].label()))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    echo(f"Status at {moment.isoformat(sep=' ', timespec='minutes')}")
    for row in rows:
        cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        echo("  ".join(cells).rstrip())
    for lockdown in dataset.lockdowns:
        for item in lockdown.disagreements:
            days = ", ".join(v.label() for v in item.values)
            echo(f"sources disagree on {lockdown.id} {item.fact.replace('_', ' ')}: "
                 f"{days}; the map uses {getattr(lockdown, item.fact).label()} "
                 f"({item.reason})")
    if len(rows) == 1:
        echo("(no lockdowns in this dataset)")


@cli.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="A .gpkg (every layer, styled for QGIS), a .zip (a GeoJSON per layer) or a "
                   ".geojson (one layer: give --layer).")
@click.option("--layer", default=None, metavar="NAME",
              help="The one layer a .geojson file holds, e.g. zones or incidents.")
@click.option("--on", "on", default=None, metavar="DATE",
              help="The day whose status the zones carry (YYYY-MM-DD); default: today.")
@dataset_option
@domain_errors
def layers(output: str, layer: str | None, on: str | None, dataset_path: str) -> None:
    """Write the layers (context, zones, incidents) as a GeoPackage or GeoJSON."""
    from geo.atomic import check_output
    from geo.io import check_layer_output, write_layers
    from geo.layers import LAYER_NAMES, build_layers

    # Before the work, not after: the dataset itself (by any name), a wrong suffix.
    check_output(output, inputs=[dataset_path], kind="layers")
    check_layer_output(output, layer, LAYER_NAMES)
    day = parse_moment(on).date() if on else dt.date.today()
    dataset = load_loadable(dataset_path)
    path = write_layers(dataset, build_layers(dataset), output, day, layer)
    echo(f"wrote {path} (zone status on {day.isoformat()})")


cli.add_command(geocode)
cli.add_command(export)
cli.add_command(extract)
cli.add_command(init)
cli.add_command(add)
cli.add_command(dashboard)
cli.add_command(csv)


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM as an exception: a write in progress removes its temporary file.
    sys.exit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    cli(prog_name="lockdown-map")
