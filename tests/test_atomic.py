"""The one safe writer: whole or nothing, nothing left behind, links and modes respected."""

import os
import stat
import subprocess
import sys

import pytest

from geo.atomic import TEMP_MARK, check_output, write_atomic, write_with
from geo.errors import ExportError


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_MARK in p.name)


def test_a_failed_writer_leaves_no_temporary_nor_journal(tmp_path):
    def writer(tmp):
        tmp.write_text("half")
        (tmp.parent / (tmp.name + "-journal")).write_text("sqlite journal")
        raise RuntimeError("killed halfway")

    with pytest.raises(RuntimeError):
        write_with(tmp_path / "out.gpkg", writer)
    assert list(tmp_path.iterdir()) == []


def test_temporaries_are_recognisable_and_a_dead_writers_are_removed(tmp_path):
    target = tmp_path / "out.html"
    code = ("import os, sys; from geo.atomic import write_with; "
            f"write_with({str(target)!r}, lambda tmp: (tmp.write_text('half'), os._exit(9)))")
    subprocess.run([sys.executable, "-c", code], check=False, cwd=os.getcwd())
    (left,) = leftovers(tmp_path)
    assert left.startswith(".out.html" + TEMP_MARK) and left.endswith(".html")
    write_atomic(target, "whole")
    assert leftovers(tmp_path) == [] and target.read_text() == "whole"


def test_a_live_writers_temporary_is_left_alone(tmp_path):
    target = tmp_path / "out.html"
    mine = tmp_path / f".out.html{TEMP_MARK}{os.getpid()}-abcd.html"
    mine.write_text("in progress")
    write_atomic(target, "whole")
    assert mine.exists()


def test_a_read_only_target_is_refused_and_stays_read_only(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("precious")
    target.chmod(0o444)
    with pytest.raises(ExportError, match=r"is read-only; make it writable \(chmod u\+w\)"):
        write_atomic(target, "new")
    assert target.read_text() == "precious"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    kept = tmp_path / "kept.html"
    kept.write_text("old")
    kept.chmod(0o640)
    write_atomic(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "fresh.html", "new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "fresh.html").stat().st_mode) == 0o644


def test_a_symlink_target_updates_what_it_points_to(tmp_path):
    real = tmp_path / "real" / "data.yaml"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


@pytest.mark.parametrize("name", ["data.yaml", "./data.yaml", "link.yaml", "hard.yaml"])
def test_an_output_that_is_the_input_is_refused(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data.yaml"
    data.write_text("dataset: {}")
    (tmp_path / "link.yaml").symlink_to(data)
    os.link(data, tmp_path / "hard.yaml")
    with pytest.raises(ExportError, match="is the input"):
        check_output(name, inputs=[str(data)])


def test_an_output_suffix_must_match_the_format(tmp_path):
    with pytest.raises(ExportError, match=r"a map file must end in \.html or \.htm"):
        check_output(tmp_path / "mine.yaml", suffixes=(".html", ".htm"), kind="map")


def test_a_device_is_never_replaced(tmp_path):
    with pytest.raises(ExportError, match="not a regular file"):
        write_atomic("/dev/null", "x")
