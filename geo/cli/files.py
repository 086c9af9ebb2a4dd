"""``lockdown-map csv events|panel``: the tables analysts load in pandas or a spreadsheet.

Registered on the main group in ``geo/cli/__init__.py`` (``layers``, the GIS files,
lives there too).
"""

from __future__ import annotations

import click

from geo.cli.common import dataset_option, domain_errors
from geo.dataset import load_dataset

_output = click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
                       metavar="FILE.csv", help="Where to write the CSV file.")
_bom = click.option("--bom", is_flag=True, default=False,
                    help="Start the file with a UTF-8 byte-order mark (for Excel).")


@click.group()
def csv() -> None:
    """Write the events (ACLED layout) or the zone-by-day panel (OxCGRT layout) as CSV."""


@csv.command()
@_output
@_bom
@dataset_option
@domain_errors
def events(output: str, bom: bool, dataset_path: str) -> None:
    """One row per event: id, event_date, precisions, admin1/admin2, coordinates, source, quote."""
    from geo.atomic import check_writable
    from geo.io import events_frame, write_csv

    check_writable(output)
    frame = events_frame(load_dataset(dataset_path))
    click.echo(f"wrote {write_csv(frame, output, bom=bom)} ({len(frame)} events)")


@csv.command()
@_output
@_bom
@dataset_option
@domain_errors
def panel(output: str, bom: bool, dataset_path: str) -> None:
    """One row per zone and day: OxCGRT indicator levels (C1 to C8, H1) and their flags."""
    from geo.atomic import check_writable
    from geo.io import panel_frame, write_csv

    check_writable(output)
    frame = panel_frame(load_dataset(dataset_path))
    click.echo(f"wrote {write_csv(frame, output, bom=bom)} ({len(frame)} zone-days)")
