"""``lockdown-map csv events|panel``: the tables analysts load in pandas or a spreadsheet.

Registered on the main group in ``geo/cli/__init__.py`` (``layers``, the GIS files,
lives there too).
"""

from __future__ import annotations

import click

from geo.cli.common import dataset_option, domain_errors, echo
from geo.loadable import load_loadable

TABLES = {"events": "events", "panel": "zone-days"}


@click.command()
@click.argument("table", type=click.Choice(list(TABLES)), metavar="events|panel")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              metavar="FILE.csv", help="Where to write the CSV file.")
@click.option("--bom", is_flag=True, default=False,
              help="Start the file with a UTF-8 byte-order mark (for Excel).")
@dataset_option
@domain_errors
def csv(table: str, output: str, bom: bool, dataset_path: str) -> None:
    """Write the events (one row per event, ACLED's layout: event_date, precisions,
    admin1/admin2, coordinates, source, quote) or the panel (one row per zone and day,
    OxCGRT's layout: indicator levels C1 to C8 and H1 with their flags, the stringency
    bounds and the measures that set them) as CSV."""
    from geo.atomic import check_output
    from geo.io import events_frame, panel_frame, write_csv

    check_output(output, inputs=[dataset_path], suffixes=(".csv",), kind="CSV")
    dataset = load_loadable(dataset_path)
    frame = events_frame(dataset) if table == "events" else panel_frame(dataset)
    echo(f"wrote {write_csv(frame, output, bom=bom)} ({len(frame)} {TABLES[table]})")
