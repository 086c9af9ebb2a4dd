"""``dashboard.serve``: streamlit run, with the app's libraries imported and the startup
dataset parsed into the on-disk cache before the server listens."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dashboard import serve
from geo.cache import CACHE_ENV, cached_loads
from geo.dataset import SEED_DATASET, read_dataset_text


@pytest.mark.parametrize(("argv", "expected"), [
    (["--server.port=8600"], []),
    (["--server.port=8600", "--", "--dataset", "/data/x.yaml"], ["--dataset", "/data/x.yaml"]),
    (["--"], []),
])
def test_the_apps_own_arguments_follow_the_double_dash(argv, expected):
    assert serve.app_arguments(argv) == expected


def test_prepare_parses_the_startup_dataset_into_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    dataset = tmp_path / "mine.yaml"
    dataset.write_text(SEED_DATASET.read_text(encoding="utf-8"), encoding="utf-8")
    serve.prepare(["--dataset", str(dataset)])
    assert list((tmp_path / "cache").iterdir())  # an entry for this text
    assert cached_loads(read_dataset_text(dataset), str(dataset)).lockdowns


def test_prepare_leaves_a_broken_dataset_to_the_app(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    broken = tmp_path / "broken.yaml"
    broken.write_text("dataset: [", encoding="utf-8")
    serve.prepare(["--dataset", str(broken)])  # no exception: the page explains it


def test_nothing_from_streamlit_is_imported_before_the_runtime(tmp_path):
    # A component declared before the runtime exists is never served (a blank map).
    code = ("import sys; from dashboard import serve; serve.prepare([]); "
            "print(sorted(m for m in sys.modules if m.startswith(('streamlit', 'dashboard.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"LOCKDOWN_MAP_CACHE_DIR": str(tmp_path), "PATH": ""})
    assert out.stdout.strip() == "['dashboard.serve', 'dashboard.startup']"
