"""``lockdown-map init`` and ``lockdown-map add``: start a dataset, add reports to it.

Registered on the main group in ``geo/cli/__init__.py``. ``add`` extracts a
report (or takes a reviewed draft), merges it, validates the result and saves it
through the store, which refuses when the file changed since it was read. The
seed data is never the default target: ``--into`` or ``LOCKDOWN_MAP_INTO`` names it.
"""

from __future__ import annotations

import click

from geo.cli.common import domain_errors

ENV_INTO = "LOCKDOWN_MAP_INTO"


@click.command("init")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--name", help="The dataset's name (default: the file name).")
@domain_errors
def init(path: str, name: str | None) -> None:
    """Write an empty, valid dataset to PATH (never over an existing file)."""
    from geo.store import init_dataset

    written = init_dataset(path, name)
    click.echo(f"wrote {written}: an empty dataset; add reports with "
               f"'lockdown-map add REPORT.txt --into {written}'")


@click.command("add")
@click.argument("report", required=False, metavar="[REPORT.txt]")
@click.option("--draft", "draft_path", type=click.Path(dir_okay=False), metavar="DRAFT.yaml",
              help="Merge this reviewed draft instead of extracting a report again.")
@click.option("--published", metavar="YYYY-MM-DD", help="The report's publication day.")
@click.option("--outlet", help="Who published it, e.g. 'Daily NK'.")
@click.option("--url", help="The report's web address.")
@click.option("--title", help="The report's title (default: its first line).")
@click.option("--language", type=click.Choice(["en", "ko", "auto"]), default="auto",
              show_default=True)
@click.option("--into", "into", envvar=ENV_INTO, type=click.Path(dir_okay=False),
              metavar="DATASET", help=f"The dataset file to add to (or set {ENV_INTO}).")
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@domain_errors
def add(report: str | None, draft_path: str | None, published: str | None, outlet: str | None,
        url: str | None, title: str | None, language: str, into: str | None,
        dry_run: bool) -> None:
    """Extract REPORT.txt (or take --draft), merge it into the dataset, validate, save."""
    from geo.merge import merge_draft
    from geo.store import YamlFileStore

    if not into:
        raise click.UsageError(f"say which dataset to add to: --into DATASET.yaml, or set "
                               f"{ENV_INTO}. The seed data is never the default; create a "
                               "dataset with 'lockdown-map init DATASET.yaml'")
    if bool(report) == bool(draft_path):
        raise click.UsageError("give either REPORT.txt or --draft DRAFT.yaml (one of them)")
    if draft_path and any(v is not None for v in (published, outlet, url, title)):
        raise click.UsageError("--published, --outlet, --url and --title describe a report "
                               "text; a draft carries its own (edit them in the draft)")
    store = YamlFileStore(into)
    loaded = store.load()  # first: a missing or broken dataset fails before any extraction
    if draft_path:
        from geo.dataset import load_dataset

        draft, source = load_dataset(draft_path), draft_path
    else:
        draft, source = _extract(report, published, outlet, url, title, language), report
    result = merge_draft(loaded.dataset, draft, source)
    click.echo(f"{'Would change' if dry_run else 'Changes to'} {into}:")
    for change in result.changes:
        click.echo(f"  - {change}")
    if dry_run:
        click.echo("dry run: nothing written")
        return
    store.save(result.dataset, loaded.version)
    dataset = result.dataset
    click.echo(f"wrote {into}: {len(dataset.reports)} reports, {len(dataset.lockdowns)} "
               f"lockdowns, {len(dataset.places)} places")


def _extract(report: str, published: str | None, outlet: str | None, url: str | None,
             title: str | None, language: str):
    from geo.cli.extract import parse_published, read_report
    from geo.extract import extract_report

    day = parse_published(published)
    text = read_report(report)
    return extract_report(text, published=day, outlet=outlet, url=url, title=title,
                          language=language).dataset
