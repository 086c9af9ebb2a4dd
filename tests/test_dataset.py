"""Reading and writing dataset files: lossless, atomic, and clear about bad files."""

import os

import pytest
import yaml

from geo.dataset import dumps_dataset, load_dataset, loads_dataset, write_dataset
from geo.errors import DatasetError, DatasetFileError, ExportError


def test_load_write_load_is_identical(seed, tmp_path):
    path = write_dataset(seed, tmp_path / "copy.yaml")
    again = load_dataset(path)
    assert again == seed
    assert path.read_text(encoding="utf-8") == dumps_dataset(seed)


def test_written_text_is_plain_diffable_yaml(seed):
    text = dumps_dataset(seed)
    assert "김형직군" in text  # unicode kept as itself, not \u escapes
    assert "  text: |\n" in text  # report text as a block, one paragraph a line
    assert "'on': '2021-11-19'" in text
    assert "at: '10:00'" in text  # quoted, so YAML never reads it as a number


def test_syntax_error_names_file_line_and_column():
    with pytest.raises(DatasetError) as info:
        loads_dataset("dataset:\n  name: x\n reports: [\n", "bad.yaml")
    message = str(info.value)
    assert "bad.yaml: line 3, column 2: not valid YAML" in message
    assert "correct the YAML syntax" in message


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DatasetFileError) as info:
        load_dataset(tmp_path / "nope.yaml")
    assert "nope.yaml: no such dataset file" in str(info.value)
    assert isinstance(info.value, OSError)


def test_non_utf8_file_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Kimhy\xf6ngjik".encode("latin-1"))
    with pytest.raises(DatasetFileError, match=r"not UTF-8 text.*save the file as UTF-8"):
        load_dataset(path)


def test_empty_file_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("")
    with pytest.raises(DatasetError,
                       match=r"empty\.yaml: top level: not a Lockdown Map dataset \(it is empty\)"):
        load_dataset(path)


def test_failed_write_leaves_the_old_file_whole(seed, tmp_path, monkeypatch):
    path = tmp_path / "data.yaml"
    path.write_text("old contents")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError, match="No space left on device"):
        write_dataset(seed, path)
    assert path.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["data.yaml"]  # no temporary left over


def test_write_into_missing_folder_fails_before_writing(seed, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_dataset(seed, tmp_path / "no" / "data.yaml")


def test_invalid_dataset_is_never_loaded_partially(seed_raw):
    seed_raw["lockdowns"][0]["zone"] = "nowhere"
    with pytest.raises(DatasetError):
        loads_dataset(yaml.safe_dump(seed_raw, allow_unicode=True), "x.yaml")
