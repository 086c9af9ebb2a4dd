"""The wheel, installed outside the repository, runs what the README shows.

The wheel is built from the tracked files (what a clone has), installed with
``--no-deps`` into a fresh virtual environment in a temporary folder whose
dependencies come from this environment's site-packages through a ``.pth`` line
(a ``.pth`` inside that folder is not processed, so this checkout's editable
install stays out). Every command then runs from another folder, so nothing can
be found through the repository.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _tracked_copy(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, check=True, capture_output=True).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / name.decode()
        if source.is_symlink():  # geo/seeds links the top-level seeds/ into the package
            (target / name.decode()).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(os.readlink(source), target / name.decode())
        elif source.is_file():
            (target / name.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name.decode())
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh virtual environment with the wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    source = _tracked_copy(base / "src")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(base / "dist"), str(source)], check=True, cwd=base)
    (wheel,) = (base / "dist").glob("lockdown_map-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()"
                              "['purelib'])"], check=True, capture_output=True, text=True)
    Path(purelib.stdout.strip(), "outer-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True)
    return venv / "bin"


@pytest.fixture()
def elsewhere(tmp_path) -> Path:
    work = tmp_path / "elsewhere"
    work.mkdir()
    return work


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(bin_dir / "lockdown-map"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, elsewhere):
    code = "import geo, dashboard; print(geo.__file__); print(dashboard.__file__)"
    where = subprocess.run([str(installed / "python"), "-c", code], cwd=elsewhere,
                           capture_output=True, text=True, check=True)
    for line in where.stdout.split():
        assert Path(line).is_relative_to(installed.parent), line


def test_validate_and_export_run_on_the_bundled_seed(installed, elsewhere):
    validated = _run(installed, "validate", cwd=elsewhere)
    assert validated.returncode == 0, validated.stderr
    assert "valid — 2 reports" in validated.stdout
    assert str(installed.parent) in validated.stdout  # the seed came from the wheel

    exported = _run(installed, "export", "--on", "2021-11-25", "-o", "map.html", cwd=elsewhere)
    assert exported.returncode == 0, exported.stderr
    html = (elsewhere / "map.html").read_text(encoding="utf-8")
    assert "Kimhyongjik" in html

    for command in (("layers", "-o", "layers.gpkg"), ("csv", "events", "-o", "events.csv")):
        written = _run(installed, *command, cwd=elsewhere)
        assert written.returncode == 0, written.stderr
        assert (elsewhere / command[-1]).stat().st_size > 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (from /proc/net/tcp*)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A = LISTEN
                found.add(address)
    return found


def test_dashboard_serves_the_app_on_the_local_address_only(installed, elsewhere):
    port = _free_port()
    server = subprocess.Popen([str(installed / "lockdown-map"), "dashboard", "--port", str(port)],
                              cwd=elsewhere, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                            timeout=2) as response:
                    health = response.read().decode()
                    break
            except OSError:
                time.sleep(0.5)
        assert health == "ok", server.stdout.read().decode() if server.poll() is not None else ""
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert b"<title>Streamlit</title>" in response.read()
        if Path("/proc/net/tcp").exists():
            assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1, nothing else
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
