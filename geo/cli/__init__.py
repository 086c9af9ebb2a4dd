"""The ``lockdown-map`` command line: a thin edge that turns domain errors into messages.

The group and the dataset commands live here; each other family of commands has
its own module in this package and is registered below with ``cli.add_command``.

Each command parses its arguments, calls plain functions in :mod:`geo`, and
prints. A :class:`~geo.errors.LockdownMapError` becomes a readable message and
a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json

import click

from geo.cli.common import dataset_option, domain_errors
from geo.cli.map import export
from geo.cli.places import geocode
from geo.dataset import SEED_DATASET, load_dataset
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
    dataset = load_dataset(path)
    click.echo(f"{path}: valid — {len(dataset.reports)} reports, {len(dataset.places)} places, "
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
    dataset = load_dataset(dataset_path)
    states = states_on(dataset, moment)
    stringency = stringency_on(dataset, moment)
    if fmt == "json":
        payload = {"on": moment.isoformat(timespec="minutes"),
                   "zones": [{**state.to_dict(), "stringency": stringency[state.zone].to_dict()}
                             for state in states]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    rows = [("ZONE", "STATUS", "IN FORCE FROM", "ANNOUNCED END", "ACTUAL END", "STRINGENCY")]
    for s in states:
        d = s.to_dict()
        rows.append((s.zone_name, d["status"], d["start"], d["announced_end"] or "unknown",
                     d["actual_end"], stringency[s.zone].label()))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    click.echo(f"Status at {moment.isoformat(sep=' ', timespec='minutes')}")
    for row in rows:
        cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        click.echo("  ".join(cells).rstrip())
    if len(rows) == 1:
        click.echo("(no lockdowns in this dataset)")


@cli.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="A .gpkg (one layer each) or .geojson file.")
@dataset_option
@domain_errors
def layers(output: str, dataset_path: str) -> None:
    """Write every layer (context, zones, incidents) to a GeoPackage or GeoJSON file."""
    from geo.atomic import check_writable
    from geo.geography import write_layers
    from geo.layers import build_layers

    check_writable(output)  # before the work, not after
    path = write_layers(build_layers(load_dataset(dataset_path)), output)
    click.echo(f"wrote {path}")


cli.add_command(geocode)
cli.add_command(export)


def main() -> None:
    cli(prog_name="lockdown-map")
