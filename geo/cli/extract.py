"""CLI command ``extract REPORT.txt``: draft what a report states; ``geo/cli/__init__.py``
registers it.

The draft dataset goes to ``-o`` (written atomically, only once the draft is
built and valid) or to standard output; the summary goes to standard error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from geo.cli.common import domain_errors
from geo.errors import ReportTextError

MAX_FILE = 5 * 1024 * 1024  # bytes read at most; a news report is a few kilobytes


def read_report(path: str) -> str:
    """The report's text from a file or ``-`` (standard input), as UTF-8."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_FILE + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE + 1)
    except FileNotFoundError:
        raise ReportTextError(f"{path}: no such file; give the report as a .txt file, or - "
                              "for standard input") from None
    except IsADirectoryError:
        raise ReportTextError(f"{path}: is a folder; give a report's .txt file") from None
    except OSError as exc:
        raise ReportTextError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE:
        raise ReportTextError(f"{path}: larger than {MAX_FILE // (1024 * 1024)} MB; a report is "
                              "a few kilobytes of text: give the article's text only")
    if b"\x00" in data:
        raise ReportTextError(f"{path}: contains NUL bytes: a binary file, not plain text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportTextError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                              "save the report as UTF-8") from None


def parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2021-11-23",
                                 param_hint="--published") from None


def report_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """What the analyst knows of a report: --published, --outlet, --url, --title,
    --language (shared by every command that reads a report)."""
    for option in reversed((
        click.option("--published", metavar="YYYY-MM-DD",
                     help="The report's publication day."),
        click.option("--outlet", help="Who published it, e.g. 'Daily NK'."),
        click.option("--url", help="The report's web address."),
        click.option("--title", help="The report's title (default: its first line)."),
        click.option("--language", type=click.Choice(["en", "ko", "auto"]), default="auto",
                     show_default=True),
    )):
        command = option(command)
    return command


@click.command()
@click.argument("report", type=str)
@report_options
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the draft dataset here (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml",
              show_default=True)
@domain_errors
def extract(report: str, published: str | None, outlet: str | None, url: str | None,
            title: str | None, language: str, output: str | None, fmt: str) -> None:
    """Draft the lockdowns REPORT.txt states (- reads standard input), each with its quote."""
    from geo.atomic import check_writable, write_atomic
    from geo.dataset import dumps_dataset, loads_dataset
    from geo.extract import extract_report
    from geo.rawform import dataset_to_raw

    day = parse_published(published)
    if output:
        check_writable(output)
    text = read_report(report)
    draft = extract_report(text, published=day, outlet=outlet, url=url, title=title,
                           language=language)
    rendered = dumps_dataset(draft.dataset)
    loads_dataset(rendered, f"draft of {report}")  # never write a draft that does not validate
    if fmt == "json":
        rendered = json.dumps(dataset_to_raw(draft.dataset), ensure_ascii=False, indent=2) + "\n"
    click.echo(draft.summary(), err=True)
    if output:
        path = write_atomic(Path(output), rendered)
        click.echo(f"wrote {path}", err=True)
    else:
        click.echo(rendered, nl=False)
