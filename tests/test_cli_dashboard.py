"""``lockdown-map dashboard``: Streamlit started on 127.0.0.1, without usage statistics.

The running server is checked from an installed wheel in tests/test_wheel.py.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from click.testing import CliRunner

from geo.cli import cli

# The module, not the click command of the same name that geo.cli re-exports.
command = importlib.import_module("geo.cli.dashboard")


def test_the_command_line_pins_the_local_address_and_no_statistics():
    line = command.streamlit_command(8600, "/data/mine.yaml")
    assert line[1:3] == ["-m", "dashboard.serve"]  # streamlit run, libraries imported first
    for flag in ("--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
                 "--server.headless=true", "--server.port=8600",
                 "--server.fileWatcherType=none"):
        assert flag in line
    assert line[-3:] == ["--", "--dataset", "/data/mine.yaml"]
    assert "--" not in command.streamlit_command(8501)  # the seed data: nothing after it


def test_an_invalid_dataset_is_explained_before_starting(monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr(command.subprocess, "call", lambda args: started.append(args) or 0)
    broken = tmp_path / "broken.yaml"
    broken.write_text("dataset: [", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dashboard", "--dataset", str(broken)])
    assert result.exit_code == 1 and "not valid YAML" in result.output
    assert started == []


def test_a_good_dataset_is_passed_as_an_absolute_path(monkeypatch, tmp_path, seed_raw):
    import yaml

    started = []
    monkeypatch.setattr(command.subprocess, "call", lambda args: started.append(args) or 0)
    monkeypatch.chdir(tmp_path)
    Path("mine.yaml").write_text(yaml.safe_dump(seed_raw, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["dashboard", "--dataset", "mine.yaml", "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8765" in result.output
    assert started[0][-1] == str(tmp_path / "mine.yaml")


def test_the_check_leaves_the_parse_in_the_cache_for_the_server(monkeypatch, tmp_path, seed_raw):
    import yaml

    from geo.cache import CACHE_ENV, read_entry, text_key

    monkeypatch.setattr(command.subprocess, "call", lambda args: 0)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    mine = tmp_path / "mine.yaml"
    mine.write_text(yaml.safe_dump(seed_raw, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["dashboard", "--dataset", str(mine)])
    assert result.exit_code == 0, result.output
    entry = read_entry(tmp_path / "cache", text_key(mine.read_text(encoding="utf-8")))
    assert entry is not None and entry.lockdowns  # dashboard.serve finds it there
