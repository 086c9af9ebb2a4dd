"""``lockdown-map export``: the map for a day as one HTML file.

Registered on the main group in ``geo/cli/__init__.py``.
"""

from __future__ import annotations

from typing import Any

import click

from geo.atomic import check_output
from geo.cli.common import dataset_option, domain_errors, echo
from geo.errors import DateInputError
from geo.loadable import load_loadable
from geo.model import Dataset
from geo.timeline import dataset_span, parse_moment


def load_layers(dataset: Dataset) -> dict[str, Any]:
    """The map layers for ``dataset`` (a seam: tests give hand-made layers here)."""
    from geo.layers import build_layers

    return build_layers(dataset)


@click.command("export")
@click.option("--on", "on", required=True, metavar="DATE",
              help="The day to show: YYYY-MM-DD (the end of that day) or YYYY-MM-DDTHH:MM.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              metavar="FILE", help="Where to write the HTML file, e.g. map.html.")
@click.option("--cdn", is_flag=True, default=False,
              help="Load Leaflet and plugins from CDNs (small file, needs internet). "
                   "Default: everything inline, opens offline.")
@click.option("--from", "first", metavar="DATE", default=None,
              help="First day the file's slider plays (YYYY-MM-DD; default: the data's first).")
@click.option("--to", "last", metavar="DATE", default=None,
              help="Last day the file's slider plays (YYYY-MM-DD; default: the data's last).")
@dataset_option
@domain_errors
def export(on: str, output: str, cdn: bool, first: str | None, last: str | None,
           dataset_path: str) -> None:
    """Write the map for a day as one self-contained HTML file."""
    # folium and geopandas load here, not at start-up: the other commands stay quick.
    from geo.export import export_map
    from geo.maps.builder import day_note

    moment = parse_moment(on)  # a bad date fails before anything is read or built
    bounds = [parse_moment(text).date() if text else None for text in (first, last)]
    # And so does a path that cannot be written, is not .html, or is the dataset itself.
    target = check_output(output, inputs=[dataset_path], suffixes=(".html", ".htm"),
                          kind="map")
    dataset = load_loadable(dataset_path)
    day = moment.date() if len(on.strip()) == 10 else moment
    note = day_note(dataset, day)
    span = None
    if any(bounds):
        whole = dataset_span(dataset) or (moment.date(), moment.date())
        span = (bounds[0] or whole[0], bounds[1] or whole[1])
        if span[0] >= span[1]:
            raise DateInputError(f"--from {span[0]} is not before --to {span[1]}; give a "
                                 "range of at least two days")
    path = export_map(dataset, load_layers(dataset), day, target, inline=not cdn, span=span)
    size = path.stat().st_size
    kind = "loads assets from CDNs" if cdn else "self-contained, opens offline"
    echo(f"Wrote {path} ({size / 1_000_000:.1f} MB, {kind}): "
               f"{dataset.info.name} {dataset.info.version} on {on.strip()}")
    if note:
        echo(f"Note: {note}", err=True)
