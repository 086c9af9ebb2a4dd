"""CLI command for places: ``geocode NAME``; ``geo/cli/__init__.py`` registers it.

Domain errors become a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json

import click

from geo.cli.common import domain_errors, echo


@click.command()
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--all", "show_all", is_flag=True, help="Show every candidate, not just the best.")
@domain_errors
def geocode(name: str, fmt: str, show_all: bool) -> None:
    """Find NAME in the offline gazetteer (any spelling: Huch'ang, 김형직군, Amnok…)."""
    from geo.gazetteer import load_gazetteer
    from geo.geocoding.gazetteer import match_raw

    matches = load_gazetteer().lookup(name)
    chosen = matches if show_all else matches[:1]
    records = [{**match_raw(m, matches), "lat": m.entry.lat, "lon": m.entry.lon}
               for m in chosen]
    if fmt == "json":
        echo(json.dumps(records if show_all else records[0], ensure_ascii=False, indent=2))
        return
    for r in records:
        echo(f"{r['name']} [{r['id']}] {r['kind']}, {r['country'] or '-'}: "
                   f"{r['lat']:.4f} N {r['lon']:.4f} E (score {r['score']:g}, "
                   f"matched {r['alias']!r}, precision {r['precision']})")
    if len(matches) > 1 and not show_all:
        others = ", ".join(m.entry.id for m in matches[1:])
        echo(f"also matches: {others} (use --all)")
