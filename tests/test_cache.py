"""The on-disk dataset cache: a hit skips the parse; every bad entry is ignored and rebuilt;
the file always wins."""

from __future__ import annotations

import gc
import hashlib
import json
import pickle
from pathlib import Path

import pytest

import geo.cache as cache
from geo.dataset import SEED_DATASET, loads_dataset
from geo.errors import DatasetError

SEED_TEXT = SEED_DATASET.read_text(encoding="utf-8")


@pytest.fixture()
def parses(monkeypatch) -> list[str]:
    """The texts geo.cache actually parsed (a cache hit parses nothing)."""
    calls: list[str] = []

    def counting(text, source="<text>"):
        calls.append(text)
        return loads_dataset(text, source)

    monkeypatch.setattr(cache, "loads_dataset", counting)
    return calls


def entry(folder: Path, text: str = SEED_TEXT) -> Path:
    return cache.entry_path(folder, cache.text_key(text))


def rewrite(path: Path, *, header: dict | None = None, payload: bytes | None = None,
            rehash: bool = True) -> None:
    """Replace parts of a cache entry, keeping its payload hash right if ``rehash``."""
    old_head, _, old_payload = path.read_bytes()[len(cache.MAGIC):].partition(b"\n")
    head = {**json.loads(old_head), **(header or {})}
    body = old_payload if payload is None else payload
    if rehash:
        head["payload"] = hashlib.sha256(body).hexdigest()
    path.write_bytes(cache.MAGIC + json.dumps(head).encode() + b"\n" + body)


def test_second_load_comes_from_the_cache(tmp_path, parses):
    first = cache.cached_loads(SEED_TEXT, "seed", directory=tmp_path)
    second = cache.cached_loads(SEED_TEXT, "seed", directory=tmp_path)
    assert second == first == loads_dataset(SEED_TEXT)
    assert len(parses) == 1
    assert entry(tmp_path).is_file()


@pytest.mark.parametrize("damage", [None, "payload not a pickle"])
def test_reading_an_entry_leaves_the_garbage_collector_as_it_was(tmp_path, damage):
    cache.cached_loads(SEED_TEXT, "seed", directory=tmp_path)
    if damage:
        BAD_ENTRIES[damage](entry(tmp_path))
    assert gc.isenabled()
    cache.read_entry(tmp_path, cache.text_key(SEED_TEXT))
    assert gc.isenabled()
    gc.disable()
    try:
        cache.read_entry(tmp_path, cache.text_key(SEED_TEXT))
        assert not gc.isenabled()  # not switched on behind the caller's back
    finally:
        gc.enable()


def test_a_changed_file_is_parsed_again_and_wins(tmp_path, parses):
    cache.cached_loads(SEED_TEXT, "seed", directory=tmp_path)
    changed = SEED_TEXT.replace("version: 2021.11-1", "version: 2021.11-2", 1)
    dataset = cache.cached_loads(changed, "seed", directory=tmp_path)
    assert dataset == loads_dataset(changed) != loads_dataset(SEED_TEXT)
    assert len(parses) == 2


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-50] ^= 0xFF
    path.write_bytes(bytes(data))


def _other_text(path: Path) -> None:  # an entry written for other text, under this name
    rewrite(path, header={"text": "0" * 64})


BAD_ENTRIES = {
    "truncated": _truncate,
    "a flipped byte": _flip_a_byte,
    "empty": lambda p: p.write_bytes(b""),
    "not a cache file": lambda p: p.write_text("hello", encoding="utf-8"),
    "header not JSON": lambda p: p.write_bytes(cache.MAGIC + b"{oops\n" + b"x"),
    "no header line end": lambda p: p.write_bytes(cache.MAGIC + b'{"version": 1}'),
    "another version": lambda p: rewrite(p, header={"version": "older"}),
    "for other text": _other_text,
    "payload not a pickle": lambda p: rewrite(p, payload=b"not a pickle"),
    "payload not a Dataset": lambda p: rewrite(p, payload=pickle.dumps({"a": 1})),
    "a folder in its place": lambda p: (p.unlink(), p.mkdir()),
}


@pytest.mark.parametrize("damage", BAD_ENTRIES.values(), ids=BAD_ENTRIES.keys())
def test_a_bad_entry_is_ignored_and_rebuilt(tmp_path, parses, damage):
    good = cache.cached_loads(SEED_TEXT, "seed", directory=tmp_path)
    damage(entry(tmp_path))
    assert cache.cached_loads(SEED_TEXT, "seed", directory=tmp_path) == good
    assert len(parses) == 2  # parsed again, not served from the bad entry
    if entry(tmp_path).is_file():  # rebuilt: the next load is a hit again
        assert cache.read_entry(tmp_path, cache.text_key(SEED_TEXT)) == good


def test_an_unwritable_cache_is_no_cache(tmp_path, parses):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    folder = blocker / "cache"  # cannot be created under a file
    for _ in range(2):
        assert cache.cached_loads(SEED_TEXT, "seed", directory=folder) == loads_dataset(SEED_TEXT)
    assert len(parses) == 2
    assert not cache.write_entry(folder, "k", loads_dataset(SEED_TEXT))


def test_invalid_text_is_never_cached(tmp_path):
    broken = SEED_TEXT.replace("lockdowns:", "lockdowns: 7\nx:", 1)
    for _ in range(2):
        with pytest.raises(DatasetError):
            cache.cached_loads(broken, "broken.yaml", directory=tmp_path)
    assert not list(tmp_path.glob("*.pickle"))


def test_old_entries_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 2)
    dataset = loads_dataset(SEED_TEXT)
    for key in ("a", "b", "c"):
        assert cache.write_entry(tmp_path, key, dataset)
    assert len(list(tmp_path.glob("*.pickle"))) == 2


@pytest.mark.parametrize(("environ", "expected"), [
    ({cache.CACHE_ENV: "off"}, None),
    ({cache.CACHE_ENV: "/x/y"}, Path("/x/y")),
    ({"XDG_CACHE_HOME": "/c"}, Path("/c/lockdown-map/datasets")),
    ({}, Path.home() / ".cache" / "lockdown-map" / "datasets"),
])
def test_cache_dir(environ, expected):
    assert cache.cache_dir(environ) == expected


def test_caching_off_parses_every_time(monkeypatch, parses):
    monkeypatch.setenv(cache.CACHE_ENV, cache.OFF)
    cache.cached_loads(SEED_TEXT)
    cache.cached_loads(SEED_TEXT)
    assert len(parses) == 2
