"""What every CLI command shares: the dataset option, and turning the project's errors
into messages and exit codes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from geo.dataset import SEED_DATASET
from geo.errors import DatasetError, LockdownMapError

EXIT_INVALID = 1
EXIT_ERROR = 2


def domain_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the project's errors into a message on stderr and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DatasetError as exc:
            click.echo(f"Error: {exc}", err=True)
            raise SystemExit(EXIT_INVALID) from None
        except LockdownMapError as exc:
            click.echo(f"Error: {exc}", err=True)
            raise SystemExit(EXIT_ERROR) from None

    return wrapper


dataset_option = click.option(
    "--dataset", "dataset_path", type=click.Path(dir_okay=False), default=str(SEED_DATASET),
    show_default="the bundled seed data", help="Dataset file (YAML).")
