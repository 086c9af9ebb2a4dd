"""The exported HTML file: self-contained, named, atomic; and the ``export`` command."""

from __future__ import annotations

import os
import re

import pytest
from click.testing import CliRunner
from map_fixtures import layers_for

import geo.cli.map as cli_map
from geo.errors import ExportError
from geo.export import export_map, external_assets, map_html_bytes, map_title, render_html
from geo.maps import build_map, use_inline_assets
from geo.maps.assets import asset_urls


@pytest.fixture(scope="module")
def layers(seed):
    return layers_for(seed)


@pytest.fixture(scope="module")
def inline_page(seed, layers) -> str:
    return map_html_bytes(seed, layers, "2021-11-25").decode("utf-8")


def test_inline_page_loads_no_script_or_style_from_the_network(inline_page):
    assert external_assets(inline_page) == []
    srcs = re.findall(r'<script[^>]*\bsrc="([^"]+)"', inline_page)
    hrefs = re.findall(r'<link[^>]*\bhref="([^"]+)"', inline_page)
    assert srcs and all(s.startswith("data:text/javascript") for s in srcs)
    assert hrefs and all(h.startswith("data:text/css") for h in hrefs)
    assert not re.search(r"@import\s+url\(\s*['\"]?https?:", inline_page)


def test_page_names_dataset_version_and_day(inline_page, seed):
    title = re.search(r"<title>(.*?)</title>", inline_page).group(1)
    assert "2021-11-25" in title and seed.info.version in title
    assert '<meta name="lockdown-map:version" content="2021.11-1"' in inline_page
    assert '<meta name="lockdown-map:day" content="2021-11-25"' in inline_page
    assert "showing <span class='lm-day'" in inline_page or "lm-day" in inline_page


def test_cdn_page_is_small_and_loads_from_cdns(seed, layers, inline_page):
    page = map_html_bytes(seed, layers, "2021-11-25", inline=False).decode("utf-8")
    assert len(page) < len(inline_page) / 3
    assert any("leaflet@1.9.3/dist/leaflet.js" in url for url in external_assets(page))
    assert "data:text/javascript" not in page


def test_render_html_escapes_title_and_meta(seed, layers):
    page = render_html(build_map(seed, layers, "2021-11-25"), title="<b>x</b>",
                       meta={"k": '"><script>alert(1)</script>'})
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in page
    assert "<script>alert(1)" not in page


def test_use_inline_assets_swaps_every_asset(seed, layers):
    m = use_inline_assets(build_map(seed, layers, "2021-11-25"))
    assert all(url.startswith("data:") for url in asset_urls(m))


def test_map_title():
    import datetime as dt

    from geo.model import Dataset, DatasetInfo

    assert map_title(Dataset(DatasetInfo("D", "1.0")), dt.date(2021, 1, 2)) == \
        "Lockdown Map — D (version 1.0) — 2021-01-02"


def test_export_writes_the_file(tmp_path, seed, layers):
    path = export_map(seed, layers, "2021-11-25", tmp_path / "map.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_failed_export_leaves_no_file(tmp_path, seed, layers, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("renderer failed half way")

    monkeypatch.setattr("geo.export.render_html", boom)
    with pytest.raises(RuntimeError):
        export_map(seed, layers, "2021-11-25", tmp_path / "map.html")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, seed, layers, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("old")

    def fail_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail_replace)
    with pytest.raises(ExportError):
        export_map(seed, layers, "2021-11-25", target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_unwritable_path_fails_before_building(tmp_path, seed, layers, monkeypatch):
    called = []
    monkeypatch.setattr("geo.export.map_html_bytes", lambda *a, **k: called.append(1))
    with pytest.raises(ExportError, match="does not exist"):
        export_map(seed, layers, "2021-11-25", tmp_path / "missing" / "map.html")
    with pytest.raises(ExportError, match="is a folder"):
        export_map(seed, layers, "2021-11-25", tmp_path)
    assert called == []


# --- the command ---------------------------------------------------------------------

@pytest.fixture()
def runner(monkeypatch, layers):
    monkeypatch.setattr(cli_map, "load_layers", lambda dataset: layers)
    return CliRunner()


def test_cli_export_writes_a_self_contained_file(runner, tmp_path):
    out = tmp_path / "map.html"
    result = runner.invoke(cli_map.export, ["--on", "2021-11-25", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "self-contained" in result.output
    assert external_assets(out.read_text(encoding="utf-8")) == []


def test_cli_export_cdn_is_small(runner, tmp_path):
    out = tmp_path / "map.html"
    result = runner.invoke(cli_map.export, ["--on", "2021-11-25", "-o", str(out), "--cdn"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size < 200_000


def test_cli_unknown_date_format_is_a_clear_message(runner, tmp_path):
    result = runner.invoke(cli_map.export, ["--on", "25/11/2021", "-o",
                                                str(tmp_path / "m.html")])
    assert result.exit_code == 2
    assert "'25/11/2021' is not a date; write YYYY-MM-DD" in result.output
    assert list(tmp_path.iterdir()) == []


def test_cli_unwritable_path_is_reported_before_any_work(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(cli_map, "load_loadable",
                        lambda *a: pytest.fail("dataset read before the path was checked"))
    result = runner.invoke(cli_map.export, ["--on", "2021-11-25", "-o",
                                                str(tmp_path / "nope" / "m.html")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_cli_day_outside_the_data_still_writes_with_a_note(runner, tmp_path):
    out = tmp_path / "map.html"
    result = runner.invoke(cli_map.export, ["--on", "2030-01-01", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "outside the data" in result.output
    assert "outside the data" in out.read_text(encoding="utf-8")
