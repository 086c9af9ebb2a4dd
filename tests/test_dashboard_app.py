"""The dashboard run headless with Streamlit's AppTest: no browser, real script.

The map is checked through what the app hands to its map component: the
arguments (``json_args``) hold the base map (on the first run) and the day's
zone styles.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.mapping import COMPONENT_TITLE
from dashboard.state import ENV_VAR, startup_path
from dashboard.text import md
from geo.dataset import SEED_DATASET

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
ZONE = "kimhyongjik-2021-11"
STATUS_CLASS = re.compile(r"lm-zone-(in-force|end-passed-unconfirmed|lifted|not-yet)")


@pytest.fixture()
def app(monkeypatch) -> AppTest:
    monkeypatch.delenv(ENV_VAR, raising=False)
    return AppTest.from_file(APP, default_timeout=120)


def map_args(at: AppTest) -> dict:
    """The arguments the app passed to the map component on the last run."""
    maps = [c for c in at.get("component_instance")
            if c.proto.component_name == COMPONENT_TITLE]
    assert len(maps) == 1, "expected exactly one map"
    return json.loads(maps[0].proto.json_args)


def zone_statuses(at: AppTest) -> set[str]:
    """The status classes of the zones in the day's styles sent to the map."""
    day = map_args(at)["day"]
    return {STATUS_CLASS.search(day["classes"][i]["style"]["className"]).group(1)
            for i in day["row"]}


def shown(elements) -> str:
    """The text of elements as a reader sees it: Markdown escapes removed."""
    return " ".join(str(getattr(e, "value", None) or e.label) for e in elements).replace("\\", "")


def set_day(at: AppTest, day: dt.date) -> None:
    at.slider(key="day_slider").set_value(day).run()
    assert not at.exception


def test_app_runs_on_the_seed_data_without_exception(app):
    app.run()
    assert not app.exception
    assert not app.error
    day = app.slider(key="day_slider").value
    assert app.session_state["selected_day"] == day
    # It opens on a day when a lockdown is in force, with the zone drawn as such.
    assert zone_statuses(app) == {"in-force"}
    assert map_args(app)["day_key"] == day.isoformat()


def test_moving_the_slider_changes_the_zone_status_on_the_map(app):
    app.run()
    first = map_args(app)
    set_day(app, dt.date(2021, 11, 25))
    assert zone_statuses(app) == {"in-force"}
    set_day(app, dt.date(2021, 12, 5))
    assert zone_statuses(app) == {"end-passed-unconfirmed"}
    # Only the styles changed: the same base and the same component key, so the browser
    # keeps its Leaflet map.
    assert map_args(app)["base_key"] == first["base_key"] and first["base"]
    assert map_args(app)["key"] == first["key"]
    set_day(app, dt.date(2021, 11, 18))
    assert zone_statuses(app) == {"not-yet"}


def test_step_buttons_move_one_day(app):
    app.run()
    set_day(app, dt.date(2021, 12, 4))
    assert zone_statuses(app) == {"in-force"}
    app.button(key="day_forward").click().run()
    assert app.session_state["selected_day"] == dt.date(2021, 12, 5)
    assert app.slider(key="day_slider").value == dt.date(2021, 12, 5)
    assert zone_statuses(app) == {"end-passed-unconfirmed"}
    app.button(key="day_back").click().run()
    assert app.session_state["selected_day"] == dt.date(2021, 12, 4)


def test_choosing_a_zone_shows_its_details(app):
    app.run()
    set_day(app, dt.date(2021, 11, 25))
    app.selectbox(key="zone_pick").select(ZONE).run()
    assert not app.exception
    text = shown(app.markdown)
    assert "Kimhyongjik County" in shown(app.subheader)
    assert "C7 Restrictions on internal movement" in text
    assert "Accordingly, the order suspended travel permits" in text
    assert "unconfirmed" in text
    assert "choe" in text.lower()  # the trigger incident


def test_a_bad_upload_lists_its_problems_and_keeps_the_data(app, seed_raw):
    import yaml

    app.run()
    seed_raw["lockdowns"][0]["measures"][0]["code"] = "teleport_ban"
    del seed_raw["lockdowns"][0]["zone"]
    bad = yaml.safe_dump(seed_raw, allow_unicode=True).encode("utf-8")
    app.file_uploader(key="dataset_upload").set_value(("bad.yaml", bad, "text/yaml")).run()
    assert not app.exception
    errors = shown(app.error)
    assert "2 problems in bad.yaml" in errors and "Still showing" in errors
    problems = shown(app.markdown)
    assert "teleport" in problems and "zone" in problems
    # The map still shows the seed zone.
    assert zone_statuses(app)


def test_invalid_yaml_upload_is_an_error_not_a_traceback(app):
    app.run()
    app.file_uploader(key="dataset_upload").set_value(
        ("broken.yaml", b"reports: [unclosed\n", "text/yaml")).run()
    assert not app.exception
    assert "broken.yaml" in shown(app.error)


def test_a_bad_dataset_path_falls_back_to_the_seed(monkeypatch, tmp_path):
    missing = tmp_path / "nope.yaml"
    monkeypatch.setenv(ENV_VAR, str(missing))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert "no such dataset file" in shown(at.error)
    assert zone_statuses(at)  # the seed data is on the map


def test_a_good_dataset_path_is_loaded(monkeypatch, tmp_path):
    copy = tmp_path / "copy.yaml"
    copy.write_text(SEED_DATASET.read_text(encoding="utf-8"), encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.text_input(key="dataset_path").input(str(copy)).run()
    assert not at.exception and not at.error
    assert "copy.yaml" in shown(at.caption)


@pytest.mark.parametrize("tab", ["Timeline", "Data"])
def test_other_tabs_run(app, tab):
    app.run()
    app.session_state["view"] = tab
    app.run()
    assert not app.exception
    assert not app.error
    if tab == "Timeline":
        assert len(app.get("vega_lite_chart")) == 1
    else:
        assert len(app.dataframe) == 3 and len(app.get("download_button")) == 5


def test_startup_path_order():
    assert startup_path(["--dataset", "a.yaml"], {ENV_VAR: "b.yaml"}) == Path("a.yaml")
    assert startup_path([], {ENV_VAR: "b.yaml"}) == Path("b.yaml")
    assert startup_path(["-q"], {}) == SEED_DATASET


def test_markdown_escaping_shows_report_text_literally():
    hostile = "**x** [a](javascript:alert(1)) <script>y</script> :red[z] $m$ # h"
    escaped = md(hostile)
    for token in ("**", "](", "<script>", ":red[", "$m$"):
        assert token not in escaped
    assert escaped.replace("\\", "") == hostile


def test_report_urls_are_never_autolinked():
    from dashboard.text import md_link

    escaped = md("see https://evil.example/x, www.evil.example and a@evil.example")
    for bare in ("https:", "www.", "a@", "https\\:", "www\\.", "a\\@"):
        assert bare not in escaped  # GFM links these even when escaped
    assert escaped.replace("\\", "").replace("\u2060", "") == \
        "see https://evil.example/x, www.evil.example and a@evil.example"
    assert md_link("https://www.dailynk.com/a", "Daily NK") == \
        "[Daily NK](https://www.dailynk.com/a)"  # the curated link to a report stays a link


def loaded_source(at: AppTest) -> str:
    return at.session_state["loaded"].source


def test_an_undrawable_upload_is_not_installed(app, seed_raw):
    import yaml

    app.run()
    next(p for p in seed_raw["places"] if p["id"] == "kp-kimhyongjik-county")["gazetteer"] = \
        "kp-kimhyongjik-conty"
    data = yaml.safe_dump(seed_raw, allow_unicode=True).encode("utf-8")
    app.file_uploader(key="dataset_upload").set_value(("typo.yaml", data, "text/yaml")).run()
    assert not app.exception
    assert "1 problem in typo.yaml" in shown(app.error)
    assert "cannot be drawn" in shown(app.markdown)
    assert loaded_source(app) == str(SEED_DATASET) and zone_statuses(app)


def test_a_dataset_that_fails_to_render_is_not_installed(app, monkeypatch):
    import geo.charts

    app.run()

    def broken(*args, **kwargs):
        raise ValueError("Location values cannot contain NaNs")

    monkeypatch.setattr(geo.charts, "gantt_chart", broken)
    copy = SEED_DATASET.read_text(encoding="utf-8").replace("version: ", "version: 'x'\n#", 1)
    app.file_uploader(key="dataset_upload").set_value(
        ("other.yaml", copy.encode("utf-8"), "text/yaml")).run()
    assert not app.exception
    assert "validated but could not be drawn (ValueError)" in shown(app.error)
    assert loaded_source(app) == str(SEED_DATASET)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("passwd", "root:x:0:0:root:/root:/bin/bash\n", "its name does not end in .yaml"),
    ("config.yaml", "db:\n  password: hunter2\n", "not a Lockdown Map dataset"),
    ("fifo.yaml", None, "not a regular file"),
])
def test_the_path_box_reads_only_dataset_files(app, tmp_path, name, content, expected):
    import os

    path = tmp_path / name
    if content is None:
        os.mkfifo(path)  # opening it for reading would block the session forever
    else:
        path.write_text(content)
    app.run()
    app.text_input(key="dataset_path").input(str(path)).run()
    assert not app.exception
    text = shown(app.error) + shown(app.markdown)
    assert expected in text
    assert "hunter2" not in text and "root:x" not in text
    assert loaded_source(app) == str(SEED_DATASET)


@pytest.fixture()
def media(monkeypatch) -> list:
    """The media file managers AppTest creates, one per run: their deferred downloads are the
    callables the app registered, which a click on the button runs."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import app_test

    managers: list = []

    class Recorded(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Recorded)
    return managers


def download(at: AppTest, media: list, label: str) -> bytes:
    """Run the download the app registered for the button ``label`` (as a click would)."""
    (button,) = [b for b in at.get("download_button") if b.proto.label == label]
    data = media[-1]._deferred_callables[button.proto.deferred_file_id]["callable"]()
    return data if isinstance(data, bytes) else data.encode("utf-8")


def test_downloads_follow_the_filters_on_screen(app, media, seed, tmp_path):
    import io

    import pandas as pd
    import pyogrio

    app.run()
    app.session_state["view"] = "Data"
    app.run()
    everything = pd.read_csv(io.BytesIO(download(app, media, "Events (CSV)")))
    assert everything["lockdown"].notna().any()
    # The day is one with the lockdown in force: keeping only lifted zones keeps no lockdown.
    app.multiselect(key="f_status").set_value(["lifted"]).run()
    assert not app.exception
    assert "as filtered: 0 lockdowns" in shown(app.markdown)
    events = pd.read_csv(io.BytesIO(download(app, media, "Events (CSV)")))
    assert events["lockdown"].isna().all()
    assert len(events) == len(seed.incidents)  # the incidents only
    panel = download(app, media, "Zone-days (CSV)").decode("utf-8")
    assert panel.count("\n") == 1  # the header: no zone is selected
    (tmp_path / "layers.gpkg").write_bytes(download(app, media, "GeoPackage"))
    assert pyogrio.read_info(tmp_path / "layers.gpkg", layer="zones")["features"] == 0
    html = download(app, media, "Map (HTML)").decode("utf-8")
    assert "kimhyongjik-2021-11" not in html
    app.checkbox(key="csv_bom").check().run()
    assert download(app, media, "Events (CSV)").startswith(b"\xef\xbb\xbf")


def test_the_zone_day_download_keeps_the_nationwide_order_under_a_province_filter(
        app, media, monkeypatch):
    """On the record, Ryanggang's zones alone: the country's May 2022 order is filtered out
    of the tables, but it still set their movement indicator, and the CSV says so."""
    import csv
    import io

    monkeypatch.setenv(ENV_VAR, str(SEED_DATASET.parent / "record.yaml"))
    app.run()
    app.session_state["view"] = "Data"
    app.run()
    app.multiselect(key="f_province").set_value(["Ryanggang Province"]).run()
    assert not app.exception
    text = download(app, media, "Zone-days (CSV)").decode("utf-8")
    rows = {(r["ZoneId"], r["Date"]): r for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert {zone for zone, _ in rows} >= {"kp-hyesan", "kp-kimhyongjik-county"}
    assert "kp" not in {zone for zone, _ in rows}
    kimhyongjik = rows[("kp-kimhyongjik-county", "20220520")]
    assert kimhyongjik["StringencyIndex_Sources"] == \
        "C7: kp-2022-05-12 measures[1] movement_restricted (on kp)"
    assert (kimhyongjik["StringencyIndex_LowerBound"], kimhyongjik["StringencyIndex_UpperBound"],
            kimhyongjik["StringencyIndex_IndicatorsReported"]) == ("11.11", "100.0", "1")
