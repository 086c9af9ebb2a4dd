"""What every CLI command shares: the dataset option, and turning the project's errors
into messages and exit codes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from geo.dataset import SEED_DATASET
from geo.errors import DatasetError, LockdownMapError, neutralised

EXIT_INVALID = 1
EXIT_ERROR = 2


def domain_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the project's errors into a message on stderr and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DatasetError as exc:
            echo(f"Error: {exc}", err=True)
            raise SystemExit(EXIT_INVALID) from None
        except LockdownMapError as exc:
            echo(f"Error: {exc}", err=True)
            raise SystemExit(EXIT_ERROR) from None

    return wrapper


def echo(text: str, err: bool = False) -> None:
    """Print a line that may carry data: every control character (an escape sequence that
    would clear the screen, retitle the terminal or fake a link) is shown as ``\\uXXXX``.

    Every command prints through this, never ``click.echo`` directly. JSON output stays
    valid JSON with the same values: the escapes only ever fall inside its strings.
    """
    click.echo(neutralised(text), err=err)


dataset_option = click.option(
    "--dataset", "dataset_path", type=click.Path(dir_okay=False), default=str(SEED_DATASET),
    show_default="the bundled seed data", help="Dataset file (YAML).")
