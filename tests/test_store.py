"""The YAML file store: versions, atomic saves, and refusing to overwrite someone's change."""

from __future__ import annotations

import os

import pytest

from geo.dataset import load_dataset
from geo.errors import DatasetError, DatasetFileError, StaleDatasetError
from geo.merge import merge_draft
from geo.store import YamlFileStore, init_dataset
from tests.test_merge import rfa, yonhap_in


@pytest.fixture()
def store(tmp_path):
    return YamlFileStore(init_dataset(tmp_path / "data.yaml"))


def test_init_writes_an_empty_valid_dataset_and_never_overwrites(tmp_path):
    path = init_dataset(tmp_path / "new.yaml")
    dataset = load_dataset(path)
    assert (dataset.reports, dataset.lockdowns, dataset.info.name) == ((), (), "new")
    with pytest.raises(DatasetFileError, match="already exists; init never overwrites"):
        init_dataset(path)


def test_save_then_load_round_trips_and_moves_the_version(store):
    loaded = store.load()
    merged = merge_draft(loaded.dataset, rfa()).dataset
    version = store.save(merged, loaded.version)
    again = store.load()
    assert again.dataset == merged and again.version == version != loaded.version


def test_a_stale_save_is_refused_and_the_other_change_kept(store):
    mine, theirs = store.load(), store.load()
    store.save(merge_draft(theirs.dataset, yonhap_in()).dataset, theirs.version)
    on_disk = store.path.read_bytes()
    with pytest.raises(StaleDatasetError, match="changed since it was loaded"):
        store.save(merge_draft(mine.dataset, rfa()).dataset, mine.version)
    assert store.path.read_bytes() == on_disk


def test_a_deleted_file_is_not_recreated(store):
    loaded = store.load()
    store.path.unlink()
    with pytest.raises(StaleDatasetError, match="deleted or moved since it was loaded"):
        store.save(loaded.dataset, loaded.version)
    assert not store.path.exists()


def test_a_read_only_file_is_refused(store):
    loaded = store.load()
    store.path.chmod(0o444)
    try:
        with pytest.raises(DatasetFileError, match="read-only; nothing was written"):
            store.save(merge_draft(loaded.dataset, rfa()).dataset, loaded.version)
    finally:
        store.path.chmod(0o644)


def test_a_save_locked_by_another_process_waits_then_gives_up(store, monkeypatch):
    import fcntl

    import geo.store.yamlfile as yamlfile

    monkeypatch.setattr(yamlfile, "LOCK_WAIT", 0.1)
    loaded = store.load()
    fd = os.open(store.path.parent, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        # flock locks belong to the open file: a second open in this process contends too.
        with pytest.raises(DatasetFileError, match="locked by another save"):
            store.save(loaded.dataset, loaded.version)
    finally:
        os.close(fd)
    store.save(loaded.dataset, loaded.version)


def test_an_invalid_file_loads_as_its_problems(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("dataset: {name: x}\nreports: []\nplaces: []\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="version"):
        YamlFileStore(path).load()
