"""The surfaces a hostile input goes through, run in a child process (see test_adversarial.py).

``python tests/adversarial_surfaces.py`` reads a JSON list of jobs on stdin (one
per row of the table: its id, its work folder and its runs, each a surface and
its input, a dataset path or an output path) and prints one JSON line per run:
exit code, what was printed, whether a traceback escaped, seconds taken. The
parent sets the process's time and memory limits; each run also has an alarm,
so a hang is one failed run, not a stuck table. Rows share the process (and one
dashboard session, put back on the seed data before each dashboard run) so the
table pays the imports once.

A surface is one entry of :data:`SURFACES`: a function of (input path, work folder)
returning a :class:`Outcome`; a new surface is one line there.
"""

from __future__ import annotations

import hashlib
import json
import signal
import sys
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SURFACE_SECONDS = 120
APP = str(ROOT / "dashboard" / "app.py")


@dataclass
class Outcome:
    exit: int  # 0 success, 1 invalid data, 2 other error (the dashboard: 0 installed, 1 not)
    output: str
    traceback: bool = False
    seconds: float = 0.0


def cli(*args: str) -> Outcome:
    from click.testing import CliRunner

    from geo.cli import cli as group

    result = CliRunner().invoke(group, list(args))
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    output = result.output  # stdout and stderr, as a terminal would show them
    if crashed:
        output += "".join(traceback.format_exception(result.exception))
    return Outcome(result.exit_code if not crashed else 3, output, crashed)


def _key(at) -> str:
    return at.session_state["loaded"].key if "loaded" in at.session_state else ""


def _app_outcome(at, path: Path) -> Outcome:
    """Exit 0 if the dashboard now shows the data of ``path``, else 1 (it kept the seed)."""
    texts = [str(getattr(e, "value", "")) for e in [*at.error, *at.markdown, *at.caption]]
    crashed = bool(at.exception)
    output = "\n".join(texts) + "".join(str(e.value) for e in at.exception)
    wanted = "unreadable"
    if path.is_file() and path.stat().st_size <= 60_000_000:  # never read a FIFO or a device
        wanted = hashlib.sha256(path.read_bytes()).hexdigest()
    return Outcome(0 if _key(at) == wanted else 1, output.replace("\\", ""), crashed)


_SESSION: list = []


def _app():
    """One dashboard session per row (started on the seed data), shared by its surfaces."""
    from streamlit.testing.v1 import AppTest

    if not _SESSION:
        at = AppTest.from_file(APP, default_timeout=SURFACE_SECONDS)
        at.run()
        _SESSION.append((at, _key(at)))
    at, seed_key = _SESSION[0]
    if _key(at) != seed_key:
        at.button(key="load_seed").click().run()
    return at


def upload(path: Path, work: Path) -> Outcome:
    at = _app()
    at.file_uploader(key="dataset_upload").set_value(
        (path.name, path.read_bytes(), "text/yaml")).run()
    return _app_outcome(at, path)


def path_box(path: Path, work: Path) -> Outcome:
    at = _app()
    at.text_input(key="dataset_path").input(str(path)).run()
    return _app_outcome(at, path)


DAY = "2021-11-25"

def add(path: Path, work: Path) -> Outcome:
    """``add`` of a report into a dataset of the row's own (made empty first)."""
    into = work / "into.yaml"
    if not into.exists():
        cli("init", str(into))
    return cli("add", str(path), "--into", str(into), "--published", "2021-11-23")


SURFACES = {
    "extract": lambda path, work: cli("extract", str(path), "--published", "2021-11-23"),
    "add": add,
    "validate": lambda path, work: cli("validate", str(path)),
    "status": lambda path, work: cli("status", "--on", DAY, "--dataset", str(path)),
    "status-json": lambda path, work: cli("status", "--on", DAY, "--format", "json",
                                          "--dataset", str(path)),
    "export": lambda path, work: cli("export", "--on", DAY, "-o", str(work / "map.html"),
                                     "--dataset", str(path)),
    "layers": lambda path, work: cli("layers", "-o", str(work / "layers.gpkg"),
                                     "--dataset", str(path)),
    "upload": upload,
    "path box": path_box,
    # Hostile outputs: the input is where to write, the dataset is a copy of the seed.
    "export -o": lambda out, work: cli("export", "--on", DAY, "-o", str(out),
                                       "--dataset", str(work / "data.yaml")),
    "layers -o": lambda out, work: cli("layers", "-o", str(out),
                                       "--dataset", str(work / "data.yaml")),
}


def _alarm(signum: int, frame: object) -> None:
    raise TimeoutError(f"surface took over {SURFACE_SECONDS} s")


def main() -> None:
    signal.signal(signal.SIGALRM, _alarm)
    for job in json.loads(sys.stdin.read()):
        for name, given in job["runs"]:
            started = time.perf_counter()
            signal.alarm(SURFACE_SECONDS)
            try:
                outcome = SURFACES[name](Path(given), Path(job["work"]))
            except BaseException as exc:  # a hang, MemoryError, a crash: reported, not hidden
                outcome = Outcome(3, "".join(traceback.format_exception(exc)), True)
            finally:
                signal.alarm(0)
            outcome.seconds = time.perf_counter() - started
            print(json.dumps({"row": job["id"], "surface": name, **asdict(outcome)}),
                  flush=True)


if __name__ == "__main__":
    main()
