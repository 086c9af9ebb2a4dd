"""Hostile and careless input, as a table: every case through every surface it can reach.

The rows run in a few child processes (``tests/adversarial_surfaces.py``, the
imports paid once) under a 4 GB address-space limit, each run with its own alarm,
so a hang or an alias bomb fails its run instead of stalling the table. Each row
asserts: a clean message (the expected words, no traceback), a
bounded time, nothing written on failure (the input unchanged, no output, no
temporary file), and, in the dashboard, that failing data is never installed. The
browser rows (``test_adversarial_browser.py``) check in Chromium that no script
runs and no request leaves the machine.

To add a surface (``extract``, ``add``, the Add view): one line in
``adversarial_surfaces.SURFACES`` and its name in ``DATASET_SURFACES`` or
``REPORT_SURFACES`` (the hostile report texts below wait for them). To add a case:
one ``Case(...)`` line.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from geo.atomic import TEMP_MARK
from geo.dataset import SEED_DATASET

pytestmark = pytest.mark.adversarial

DRIVER = Path(__file__).resolve().parent / "adversarial_surfaces.py"
MEMORY_BYTES = 4 * 1024**3  # address space: a bomb that expanded would need far more
PROCESS_SECONDS = 1800  # a child's share of the table; each run has its own alarm too
PROCESSES = 2  # child processes the rows are spread over
SURFACE_SECONDS = 90  # generous: the test machine is shared and loaded
DATASET_SURFACES = ("validate", "status", "status-json", "export", "layers", "upload",
                    "path box")
CLI_SURFACES = DATASET_SURFACES[:5]
ENUMS = {"targeted", "general"}  # a measure's scope is a choice, not text
LOADS = None  # a row's ``expect`` when the input is valid: every surface succeeds

SCRIPT = '<script>alert("lm")</script><img src=x onerror=alert(2)>'
MARKUP = ("**bold** [link](javascript:alert(3)) :red[red] $x^2$ # head "
          "https://evil.example/x www.evil.example a@evil.example")
CONTROLS = "\x1b]0;owned\x07\x1b[2J\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\x9b31m"
SEPARATORS = "line\u2028break\u2029paragraph"
TEXT_FIELDS = {"name", "aliases", "title", "outlet", "notes", "note", "description", "who",
               "words", "reasoning", "scope", "curated_by"}


def seed_raw() -> dict:
    return yaml.safe_load(SEED_DATASET.read_text(encoding="utf-8"))


def dump(raw: object) -> bytes:
    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False).encode("utf-8")


def every_text(payload: str) -> Callable[[], bytes]:
    """The seed with ``payload`` in every free-text field, every report's text, and quoted
    as evidence everywhere evidence is given."""
    def make() -> bytes:
        raw = seed_raw()
        report = raw["reports"][0]["id"]

        def walk(node: object) -> None:
            if isinstance(node, dict):
                for key, value in list(node.items()):
                    if key in TEXT_FIELDS and isinstance(value, str) and value not in ENUMS:
                        node[key] = value + " " + payload
                    elif key == "aliases" and isinstance(value, list):
                        node[key] = [*value, payload]
                    elif key == "evidence" and isinstance(value, list):
                        value.append({"report": report, "quote": payload})
                    else:
                        walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(raw)
        for item in raw["reports"]:
            item["text"] += "\n" + payload
        return dump(raw)
    return make


def changed(edit: Callable[[dict], object]) -> Callable[[], bytes]:
    def make() -> bytes:
        raw = seed_raw()
        edit(raw)
        return dump(raw)
    return make


def text(content: str | bytes) -> Callable[[], bytes]:
    return lambda: content.encode("utf-8") if isinstance(content, str) else content


def place(raw: dict, place_id: str) -> dict:
    return next(p for p in raw["places"] if p["id"] == place_id)


def lockdown(raw: dict) -> dict:
    return raw["lockdowns"][0]


def alias_bomb() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\ndataset: {name: *a9, version: '1'}\nreports: *a9\nplaces: []\n"


def lifted_early(raw: dict) -> None:
    change = {**lockdown(raw)["changes"][0], "kind": "lifted"}
    change["when"] = {**change["when"], "on": "2021-01-19"}
    lockdown(raw)["changes"].append(change)


def many_problems(raw: dict) -> None:
    raw["places"] += [{"id": f"BAD {i}", "name": "x"} for i in range(5000)]


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]  # the bytes of the file given to every surface
    expect: str | None  # words every surface's message must contain; LOADS if valid
    surfaces: tuple[str, ...] = DATASET_SURFACES


SEED_TEXT = SEED_DATASET.read_text(encoding="utf-8")

DATASET_CASES = [
    Case("script in every text field", every_text(SCRIPT), LOADS),
    Case("markup and URLs in every text field", every_text(MARKUP), LOADS),
    Case("control characters in every text field", every_text(CONTROLS), LOADS),
    Case("U+2028/U+2029 in every text field", every_text(SEPARATORS), LOADS),
    Case("alias bomb", text(alias_bomb()), "aliases ('*name') expand the file"),
    Case("self-referencing alias", text("dataset: &a [*a]\n"), "a value that contains it"),
    Case("flow nesting 100,000 deep", text("dataset: " + "[" * 100_000), "nested too deeply"),
    Case("block nesting 5,000 deep", text("dataset:\n" + "".join(
        " " * i + "-\n" for i in range(5000))), "nested too deeply"),
    Case("duplicate top-level key", text(SEED_TEXT + "lockdowns: []\n"),
         "duplicate key 'lockdowns'"),
    Case("python object tag", text("dataset: !!python/object/apply:os.system ['true']\n"),
         "not valid YAML"),
    Case("year 2921", changed(lambda r: lockdown(r)["announced_end"].update(on="2921-12-04")),
         "outside the years 1900 to 2099"),
    Case("day 9999-12-31", changed(lambda r: lockdown(r)["announced_end"].update(
        on="9999-12-31")), "outside the years 1900 to 2099"),
    Case("day 0001-01-01", changed(lambda r: lockdown(r)["ordered"].update(on="0001-01-01")),
         "outside the years 1900 to 2099"),
    Case("misspelt gazetteer link", changed(lambda r: place(r, "kp-kimhyongjik-county").update(
        gazetteer="kp-kimhyongjik-conty")), "cannot be drawn"),
    Case("zone that is no place", changed(lambda r: lockdown(r).update(zone="nowhere")),
         "unknown place"),
    Case("place that is its own parent", changed(lambda r: place(r, "kp-ryanggang").update(
        parent="kp-ryanggang")), "its own parent"),
    Case("lifted before it took effect", changed(lifted_early), "lifted before it took effect"),
    Case("id ending in a newline", changed(lambda r: lockdown(r).update(
        id="kimhyongjik-2021-11\n")), "not a valid id"),
    Case("5,000 broken records", changed(many_problems), "more; fix these and validate again"),
    Case("empty file", text(""), "not a Lockdown Map dataset"),
    Case("not UTF-8", text(b"\xff\xfe\x00d\x00a\x00t\x00a" + bytes(range(256)) * 40),
         "not UTF-8"),
    Case("someone's config", text("db:\n  password: hunter2\n  host: example.org\n"),
         "not a Lockdown Map dataset"),
    Case("/etc/passwd as YAML", text("root:x:0:0:root:/root:/bin/bash\n"),
         "not a Lockdown Map dataset"),
    Case("huge report text (5 MB)", changed(lambda r: r["reports"][0].update(
        notes="lockdown " * 600_000)), LOADS),
]

# Hostile report texts for the ingestion surfaces. Any outcome but a crash is allowed
# (exit 0, 1 or 2: some events, none, or a clear refusal), within the time limit and
# with no raw control character printed.
REPORT_SURFACES: tuple[str, ...] = ("extract", "add")
CLEAN = "clean"
REPORT_CASES = [
    Case("empty report", text(""), CLEAN, REPORT_SURFACES),
    Case("binary report", text(bytes(range(256)) * 64), CLEAN, REPORT_SURFACES),
    Case("5 MB report", text("The county was locked down on Nov. 19. " * 130_000), CLEAN,
         REPORT_SURFACES),
    Case("control characters", text(CONTROLS * 100), CLEAN, REPORT_SURFACES),
    Case("markup", text((SCRIPT + MARKUP) * 100), CLEAN, REPORT_SURFACES),
    Case("a thousand lockdown words", text("lockdown quarantine curfew closed " * 250),
         CLEAN, REPORT_SURFACES),
]

# Hostile paths: what the file at the path is, made in the row's work folder.
PATH_CASES = [
    ("a FIFO", lambda p: os.mkfifo(p), "not a regular file"),
    ("a folder", lambda p: p.mkdir(), ("not a regular file", "is a directory")),
    ("a link to /dev/zero", lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
    ("a link to /etc/passwd", lambda p: p.symlink_to("/etc/passwd"),
     "not a Lockdown Map dataset"),
    ("a sparse 60 MB file", lambda p: (p.touch(), os.truncate(p, 60_000_000)),
     "over the 50 MB limit"),
    ("no file", lambda p: None, "no such dataset file"),
]

# Hostile outputs for `export -o` (``suffix`` .html) and `layers -o` (.gpkg); the dataset
# is work/data.yaml.
OUTPUT_CASES = [
    ("the dataset itself", lambda w, suffix: w / "data.yaml", ("must end in", "is the input")),
    ("the dataset through a link", lambda w, suffix: _link(w, "out" + suffix), "is the input"),
    ("the dataset through a hard link", lambda w, suffix: _hard(w, "out" + suffix),
     "is the input"),
    ("a read-only file", lambda w, suffix: _read_only(w / ("out" + suffix)), "is read-only"),
    ("a missing folder", lambda w, suffix: w / "no" / ("out" + suffix), "does not exist"),
    ("a folder", lambda w, suffix: _folder(w / ("out" + suffix)), "is a directory"),
    ("a device", lambda w, suffix: Path("/dev/null"), ("must end in", "not a regular file")),
    ("a FIFO", lambda w, suffix: _fifo(w / ("out" + suffix)), "not a regular file"),
]


def _link(work: Path, name: str) -> Path:
    (work / name).symlink_to(work / "data.yaml")
    return work / name


def _hard(work: Path, name: str) -> Path:
    os.link(work / "data.yaml", work / name)
    return work / name


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _read_only(path: Path) -> Path:
    path.write_text("precious")
    path.chmod(0o444)
    return path


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


@dataclass
class Row:
    """One row of the table made on disk: its folder, its runs and what was there before."""

    id: str
    work: Path
    runs: list[tuple[str, Path]]
    before: dict[str, bytes]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def run_rows(rows: list[Row], processes: int = PROCESSES) -> dict[tuple[str, str], dict]:
    """Every row's runs, the rows spread over a few limited child processes."""
    children = []
    for index in range(processes):
        jobs = [{"id": r.id, "work": str(r.work), "runs": [[s, str(p)] for s, p in r.runs]}
                for r in rows[index::processes]]
        if not jobs:
            continue
        child = subprocess.Popen([sys.executable, str(DRIVER)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 preexec_fn=_limits)
        children.append((child, json.dumps(jobs)))
    results: dict[tuple[str, str], dict] = {}
    for child, jobs in children:
        try:
            out, err = child.communicate(jobs, timeout=PROCESS_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
        for line in out.splitlines():
            if line.startswith("{"):
                record = json.loads(line)
                results[record["row"], record["surface"]] = record
        results["stderr", str(child.pid)] = {"output": err[-3000:]}
    return results


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name)[:40]


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> tuple[dict[str, Row], dict[tuple[str, str], dict]]:
    """Make every row's input on disk, run them all, return the rows and the results."""
    rows: dict[str, Row] = {}
    root = tmp_path_factory.mktemp("adversarial")
    for case in DATASET_CASES:
        work = root / ("dataset-" + slug(case.name))
        work.mkdir()
        (work / "data.yaml").write_bytes(case.make())
        rows["dataset:" + case.name] = Row("dataset:" + case.name, work,
                                           [(s, work / "data.yaml") for s in case.surfaces],
                                           snapshot(work))
    for name, make, _ in PATH_CASES:
        work = root / ("path-" + slug(name))
        work.mkdir()
        make(work / "data.yaml")
        rows["path:" + name] = Row("path:" + name, work,
                                   [(s, work / "data.yaml") for s in (*CLI_SURFACES, "path box")],
                                   {})
    for name, make, _ in OUTPUT_CASES:
        work = root / ("output-" + slug(name))
        work.mkdir()
        (work / "data.yaml").write_bytes(SEED_DATASET.read_bytes())
        runs = [("export -o", make(work, ".html")), ("layers -o", make(work, ".gpkg"))]
        rows["output:" + name] = Row("output:" + name, work, runs, snapshot(work))
    return rows, run_rows(list(rows.values()))


def results_of(table, row_id: str) -> dict[str, dict]:
    rows, results = table
    row = rows[row_id]
    found = {surface: results.get((row_id, surface)) for surface, _ in row.runs}
    missing = [s for s, r in found.items() if r is None]
    assert not missing, (missing, [v for k, v in results.items() if k[0] == "stderr"])
    return found


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def check_clean(results: dict[str, dict], expect: str | tuple[str, ...] | None,
                secret: str = "") -> None:
    for surface, result in results.items():
        where = f"{surface}: {result['output'][-2000:]}"
        assert not result["traceback"], where
        assert result["seconds"] < SURFACE_SECONDS, where
        for raw in ("\x1b", "\x07", "\x9b"):
            assert raw not in result["output"] or surface in ("upload", "path box"), where
        if expect == CLEAN:
            assert result["exit"] in (0, 1, 2), where
        elif expect is LOADS:
            assert result["exit"] == 0, where
        else:
            assert result["exit"] in (1, 2), where
            wanted = (expect,) if isinstance(expect, str) else expect
            assert any(words in result["output"] for words in wanted), where
        if secret:
            assert secret not in result["output"], where


@pytest.mark.parametrize("case", DATASET_CASES, ids=[c.name for c in DATASET_CASES])
def test_hostile_dataset(case: Case, table) -> None:
    row = table[0]["dataset:" + case.name]
    check_clean(results_of(table, row.id), case.expect,
                secret="hunter2" if "config" in case.name else "")
    assert snapshot(row.work)["data.yaml"] == row.before["data.yaml"]  # input untouched
    written = files_in(row.work) - {"data.yaml"}
    assert not any(TEMP_MARK in name for name in written)
    if case.expect is LOADS:
        html = (row.work / "map.html").read_text(encoding="utf-8")
        assert SCRIPT not in html and "<script>alert" not in html
    else:
        assert written == set(), written  # nothing written on failure


@pytest.mark.parametrize("case", REPORT_CASES, ids=[c.name for c in REPORT_CASES])
def test_hostile_report_text(case: Case, tmp_path: Path) -> None:
    if not case.surfaces:
        pytest.skip("the ingestion surfaces (extract, add, Add view) are not merged yet")
    report = tmp_path / "report.txt"
    report.write_bytes(case.make())
    row = Row(case.name, tmp_path, [(s, report) for s in case.surfaces], snapshot(tmp_path))
    check_clean(results_of(({row.id: row}, run_rows([row], 1)), row.id), case.expect)


@pytest.mark.parametrize(("name", "make", "expect"), PATH_CASES, ids=[c[0] for c in PATH_CASES])
def test_hostile_path(name: str, make, expect, table) -> None:
    row = table[0]["path:" + name]
    check_clean(results_of(table, row.id), expect, secret="root:x:0:0")
    assert not (row.work / "map.html").exists() and not (row.work / "layers.gpkg").exists()


@pytest.mark.parametrize(("name", "make", "expect"), OUTPUT_CASES,
                         ids=[c[0] for c in OUTPUT_CASES])
def test_hostile_output(name: str, make, expect, table) -> None:
    row = table[0]["output:" + name]
    check_clean(results_of(table, row.id), expect)
    assert snapshot(row.work) == row.before  # nothing written, nothing destroyed
