"""The Add view run headless with AppTest: paste, edit a date, save; a stale file refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_files import FOUNDING
from streamlit.testing.v1 import AppTest

from dashboard.state import ENV_VAR
from dashboard.views.add_report import highlighted_html
from geo.dataset import load_dataset
from geo.store import init_dataset

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture()
def dataset(tmp_path) -> Path:
    return init_dataset(tmp_path / "mine.yaml")


@pytest.fixture()
def app(monkeypatch, dataset) -> AppTest:
    monkeypatch.setenv(ENV_VAR, str(dataset))
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["view"] = "Add a report"
    return at


def read(at: AppTest) -> AppTest:
    at.run()
    at.text_area(key="add_text").input(FOUNDING.read_text(encoding="utf-8"))
    at.text_input(key="add_outlet").input("Daily NK")
    at.text_input(key="add_published").input("2021-11-23")
    at.button(key="add_read").click().run()
    assert not at.exception
    return at


def county_lockdown_index(at: AppTest) -> int:
    raw = at.session_state["add_draft"]["raw"]
    return next(i for i, lk in enumerate(raw["lockdowns"])
                if lk["zone"] == "kp-kimhyongjik-county")


def test_paste_edit_a_date_and_save(app, dataset):
    read(app)
    assert "lm-hl" in "".join(str(h.proto.body) for h in app.get("html"))
    index = county_lockdown_index(app)
    app.text_input(key=f"add_f_{index}_announced_end_on").input("2021-12-10").run()
    assert not app.exception
    preview = " ".join(m.value for m in app.markdown)
    assert "new lockdown" in preview.replace("\\", "")
    app.button(key="add_save").click().run()
    assert not app.exception, app.exception
    saved = load_dataset(dataset)
    (county,) = [lk for lk in saved.lockdowns if lk.zone == "kp-kimhyongjik-county"]
    assert county.announced_end.on.isoformat() == "2021-12-10"
    assert "add_draft" not in app.session_state
    assert any("Saved" in s.value for s in app.success)


def test_a_stale_file_is_refused_and_the_draft_kept(app, dataset):
    read(app)
    other = dataset.read_text(encoding="utf-8").replace("name: mine", "name: changed elsewhere")
    dataset.write_text(other, encoding="utf-8")  # someone else saved meanwhile
    app.button(key="add_save").click().run()
    assert not app.exception
    assert any("changed since it was loaded" in e.value.replace("\\", "") for e in app.error)
    assert dataset.read_text(encoding="utf-8") == other
    assert "add_draft" in app.session_state
    app.button(key="add_reload").click().run()  # reload: the draft merges again, and saves
    app.button(key="add_save").click().run()
    assert load_dataset(dataset).info.name == "changed elsewhere"
    assert len(load_dataset(dataset).reports) == 1


def test_an_invalid_edit_lists_its_problems_and_disables_save(app):
    read(app)
    index = county_lockdown_index(app)
    app.text_input(key=f"add_f_{index}_actual_end_on").input("2021-11-01").run()
    app.selectbox(key=f"add_f_{index}_actual_end_certainty").set_value("stated").run()
    assert any("The draft has" in e.value for e in app.error)
    problems = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "ends before it took effect" in problems
    assert app.button(key="add_save").disabled
    assert app.get("download_button")  # the draft can still be downloaded


def test_the_highlighted_text_is_escaped():
    text = "Hyesan <script>alert(1)</script> was locked down."
    out = highlighted_html(text, [(0, 6, "place", "places[0]"), (7, 15, "date", "x'><b>")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "x&#x27;&gt;&lt;b&gt;" in out


def test_the_zone_picker_finds_any_spelling_and_brings_its_places(app):
    read(app)
    index = county_lockdown_index(app)
    app.text_input(key=f"add_f_{index}_zone_query").input("Huch'ang").run()
    picker = app.selectbox(key=f"add_f_{index}_zone")
    assert any("kp-kimhyongjik-town" in option for option in picker.options)
    picker.set_value("kp-kimhyongjik-town").run()
    assert not app.exception
    assert not any("The draft has" in e.value for e in app.error)
    preview = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "Kimhyŏngjik-ŭp, in force from 2021-11-19" in preview  # the town, from the picker


def test_a_deleted_dataset_file_is_reported_and_the_draft_kept(app, dataset):
    read(app)
    dataset.unlink()
    app.button(key="add_save").click().run()
    assert any("deleted or moved" in e.value.replace("\\", "") for e in app.error)
    assert not dataset.exists() and "add_draft" in app.session_state


def test_the_preview_map_shows_the_zone_before_saving(app, dataset):
    read(app)
    app.toggle(key="add_map").set_value(True).run()
    assert not app.exception
    (frame,) = app.get("iframe")
    assert "lm-zone-in-force" in frame.proto.srcdoc
    assert load_dataset(dataset).lockdowns == ()  # a preview writes nothing


def test_editing_a_date_moves_the_change_drafted_on_it(app, dataset):
    read(app)
    index = county_lockdown_index(app)
    app.text_input(key=f"add_f_{index}_effective_on").input("2021-11-20").run()
    app.button(key="add_save").click().run()
    (county,) = [lk for lk in load_dataset(dataset).lockdowns
                 if lk.zone == "kp-kimhyongjik-county"]
    imposed = [c for c in county.changes if c.kind.value == "imposed"]
    assert county.effective.on.isoformat() == "2021-11-20"
    assert imposed and all(c.when.on == county.effective.on for c in imposed)
