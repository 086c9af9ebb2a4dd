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


@pytest.fixture()
def runtime_exists(monkeypatch):
    from streamlit.runtime import Runtime

    monkeypatch.setattr(Runtime, "exists", classmethod(lambda cls: True))


def test_the_warm_up_fills_the_apps_caches_for_the_startup_dataset(
        tmp_path, monkeypatch, runtime_exists):
    from dashboard import mapping, state

    dataset = tmp_path / "warm.yaml"  # a text of its own: no earlier test has cached it
    dataset.write_text(SEED_DATASET.read_text(encoding="utf-8") + "\n# warm\n",
                       encoding="utf-8")
    assert serve.warm_app_caches(["--dataset", str(dataset)])

    def built_again(*args):
        raise AssertionError("built again: the warm-up did not fill the cache")

    # What a session needs now comes from the caches, not from building it again.
    monkeypatch.setattr(mapping, "build_page_base", built_again)
    monkeypatch.setattr(state, "build_layers", built_again)
    loaded = state.load_path(dataset)
    state.rendered(loaded)
    assert mapping.page_base(loaded).rows


def test_the_warm_up_leaves_a_broken_dataset_to_the_app(tmp_path, runtime_exists):
    broken = tmp_path / "broken.yaml"
    broken.write_text("dataset: [", encoding="utf-8")
    assert serve.warm_app_caches(["--dataset", str(broken)]) is False  # and no exception


def test_the_warm_up_gives_up_if_the_runtime_never_starts(monkeypatch):
    monkeypatch.setattr(serve, "RUNTIME_WAIT_SECONDS", 0.1)
    assert serve.warm_app_caches([]) is False


def test_the_served_dashboard_draws_its_map_in_a_real_browser(offline):
    # The warm-up imports the map module outside a script run; the component must
    # still be registered and served (else the frame stays blank).
    from test_dashboard_browser import MAP_IFRAME, start_server, stop_server

    from geo.cli.dashboard import streamlit_command

    process, url = start_server(
        command=lambda port: streamlit_command(port, str(SEED_DATASET)))
    try:
        offline.goto(url, wait_until="domcontentloaded")
        frame = offline.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
        frame.wait_for_selector("path.lm-zone", state="attached", timeout=60_000)
    finally:
        stop_server(process)
