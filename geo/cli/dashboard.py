"""``lockdown-map dashboard``: start the Streamlit app, local only and without usage statistics.

Registered on the main group in ``geo/cli/__init__.py``. The settings are passed
on Streamlit's command line, not left to ``.streamlit/config.toml``: Streamlit
reads that file from the current folder only, so started anywhere else the app
would listen on every interface and report usage.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import click

from geo.cache import cached_loads
from geo.cli.common import domain_errors, echo
from geo.dataset import read_dataset_text
from geo.errors import LockdownMapError
from geo.loadable import check_loadable

DEFAULT_PORT = 8501
LOCAL_ADDRESS = "127.0.0.1"
# What holds however the app is started: this machine only, no calls out.
SERVER_FLAGS: dict[str, str] = {
    "server.address": LOCAL_ADDRESS,
    "server.headless": "true",
    "browser.gatherUsageStats": "false",
    "browser.serverAddress": LOCAL_ADDRESS,
    "server.maxUploadSize": "50",  # MB; YAML datasets are far smaller
    "client.toolbarMode": "minimal",
    "server.fileWatcherType": "none",  # an installed app does not reload its source
}


def app_script() -> Path:
    """The dashboard's Streamlit script, wherever the package is installed."""
    try:
        return Path(str(resources.files("dashboard") / "app.py"))
    except ModuleNotFoundError:
        raise LockdownMapError("the dashboard package is not installed beside geo; reinstall "
                               "Lockdown Map (pip install lockdown-map, or make .venv/.installed "
                               "in a checkout)") from None


def streamlit_command(port: int, dataset: str | None = None) -> list[str]:
    """The command line that serves the app on ``port``: ``dashboard.serve``, which is
    ``streamlit run`` with the app's modules and dataset made ready before it listens."""
    app_script()  # the dashboard package must be there
    command = [sys.executable, "-m", "dashboard.serve"]
    for name, value in SERVER_FLAGS.items():
        command.append(f"--{name}={value}")
    command.append(f"--server.port={port}")
    if dataset is not None:
        command += ["--", "--dataset", dataset]
    return command


@click.command()
@click.option("--dataset", "dataset_path", type=click.Path(dir_okay=False), default=None,
              help="Dataset file (YAML) to open; default: the bundled seed data.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port on 127.0.0.1 to serve the dashboard on.")
@domain_errors
def dashboard(dataset_path: str | None, port: int) -> None:
    """Serve the dashboard at http://127.0.0.1:PORT (local only, no usage statistics)."""
    dataset = None
    if dataset_path is not None:
        # An unreadable or invalid file is explained here, not later. Through the on-disk
        # cache: the server (dashboard.serve) then finds the parse there instead of
        # repeating it (a 1,000-lockdown file takes seconds to parse; 10,000, a minute).
        check_loadable(cached_loads(read_dataset_text(dataset_path), dataset_path),
                       dataset_path)
        dataset = str(Path(dataset_path).resolve())
    command = streamlit_command(port, dataset)
    echo(f"Lockdown Map dashboard at http://{LOCAL_ADDRESS}:{port} (Ctrl+C to stop)",
               err=True)
    try:
        code = subprocess.call(command)
    except KeyboardInterrupt:  # Streamlit got the same Ctrl+C and stops by itself
        code = 0
    raise SystemExit(code)
