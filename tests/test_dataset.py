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


# --- the safe loader: duplicate keys, aliases, nesting, bounded reads ---------------

def test_the_c_loader_is_used_when_available():
    from geo import dataset

    if getattr(yaml, "CSafeLoader", None) is None:
        pytest.skip("PyYAML built without libyaml")
    assert issubclass(dataset._Loader, yaml.CSafeLoader)


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\nb: 2\na: 3\n", "line 3, column 1: duplicate key 'a' (first on line 1, again on "
                           "line 3)"),
    ("k:\n  'on': x\n  'on': y\n", "duplicate key 'on' (first on line 2, again on line 3)"),
    ("lockdowns: []\nlockdowns: []\n", "duplicate key 'lockdowns' (first on line 1"),
    ("x: &a [*a]\n", "an alias refers to a value that contains it"),
    ("a: " + "[" * 5000 + "]" * 5000, "not valid YAML: nested too deeply"),
], ids=["top-level", "announced-end-on", "lockdowns", "loop", "deep"])
def test_yaml_a_dataset_never_needs_is_refused(text, expected):
    with pytest.raises(DatasetError) as info:
        loads_dataset(text, "x.yaml")
    assert expected in str(info.value)


def test_merge_keys_may_override(tmp_path):
    from geo.dataset import parse_yaml

    assert parse_yaml("base: &b {a: 1}\nk:\n  <<: *b\n  a: 2\n") == {"base": {"a": 1},
                                                                        "k": {"a": 2}}


def test_an_alias_bomb_is_refused_at_once():
    import time

    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    started = time.perf_counter()
    with pytest.raises(DatasetError, match=r"aliases \('\*name'\) expand the file by more than"):
        loads_dataset("\n".join(lines) + "\ndataset: *a9\n", "bomb.yaml")
    assert time.perf_counter() - started < 1.0


def test_a_few_aliases_are_fine():
    from geo.dataset import parse_yaml

    assert parse_yaml("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_recursion_while_parsing_is_a_clear_error(monkeypatch):
    from geo import dataset

    def overflow(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(dataset.yaml, "load", overflow)
    with pytest.raises(DatasetError, match="nested too deeply to read"):
        loads_dataset("a: 1", "x.yaml")


@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: os.mkfifo(p), "not a regular file"),
    (lambda p: p.mkdir(), "not a regular file"),
    (lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
    (lambda p: p.touch() or os.truncate(p, 60_000_000), "over the 50 MB limit"),
], ids=["fifo", "folder", "device", "oversized"])
def test_only_regular_files_under_the_cap_are_read(tmp_path, make, expected):
    from geo.dataset import read_dataset_text

    path = tmp_path / "data.yaml"
    make(path)
    with pytest.raises(DatasetFileError, match=expected):
        read_dataset_text(path)


def test_the_path_box_needs_a_dataset_suffix(tmp_path):
    from geo.dataset import read_dataset_text

    path = tmp_path / "passwd"
    path.write_text("root:x:0:0:root:/root:/bin/bash\n")
    with pytest.raises(DatasetFileError, match="not a Lockdown Map dataset") as info:
        read_dataset_text(path, require_suffix=True)
    assert "root:x" not in str(info.value)


@pytest.mark.parametrize("text", ["root:x:0:0:root:/root:/bin/bash\n",
                                  "db:\n  password: hunter2\n  host: example.org\n"],
                         ids=["passwd", "config"])
def test_a_file_without_a_dataset_block_is_not_quoted(text):
    with pytest.raises(DatasetError) as info:
        loads_dataset(text, "other.yaml")
    message = str(info.value)
    assert "not a Lockdown Map dataset" in message
    assert "root" not in message and "hunter2" not in message and "example.org" not in message
