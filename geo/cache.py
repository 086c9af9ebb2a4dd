"""An on-disk cache of parsed and validated datasets, keyed by the text's content hash.

Parsing a large YAML dataset is most of its load (seconds at 1,000 lockdowns);
the validated :class:`~geo.model.Dataset` of the same text is read back from
the cache in milliseconds. The file always wins: the key is the SHA-256 of the
text just read, so any change to the file is a miss, and a cache entry is only
used if its header names this very text, this version of the code (a hash of
the ``geo`` package's source, the package and Python versions) and a payload
whose own hash matches. Anything else — stale, corrupt, from another version,
unreadable or unwritable — is ignored and rebuilt silently. Text that fails
validation is never cached: its problems are reported on every load.

The cache lives outside the repository, in ``$LOCKDOWN_MAP_CACHE_DIR`` if set
(``off`` turns it off), else the user's cache folder
(``$XDG_CACHE_HOME/lockdown-map/datasets``, ``~/.cache/...`` by default). Entries
are pickles written by this user into a folder only this user can write: they
are as trusted as the user's own files, and never read from anywhere else.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import pickle
import sys
from collections.abc import Mapping
from pathlib import Path

from geo.atomic import write_atomic
from geo.dataset import loads_dataset
from geo.errors import LockdownMapError
from geo.model import Dataset

CACHE_ENV = "LOCKDOWN_MAP_CACHE_DIR"
OFF = "off"
FORMAT = 1
MAGIC = b"lockdown-map dataset cache\n"
KEEP = 16  # entries kept; the oldest are removed when a new one is written
_PACKAGE = Path(__file__).resolve().parent


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where datasets are cached, or None when caching is off."""
    chosen = environ.get(CACHE_ENV)
    if chosen == OFF:
        return None
    if chosen:
        return Path(chosen)
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lockdown-map" / "datasets"


@functools.cache
def code_version() -> str:
    """A hash of everything that shapes a cached Dataset: the geo package's source, the
    package version, Python's version and the pickle protocol."""
    from importlib import metadata

    digest = hashlib.sha256()
    try:
        digest.update(metadata.version("lockdown-map").encode())
    except metadata.PackageNotFoundError:
        pass
    digest.update(f"{FORMAT} {sys.version} {pickle.HIGHEST_PROTOCOL}".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def text_key(text: str) -> str:
    """The SHA-256 of dataset text: its cache key (and the dashboard's dataset key)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_loads(text: str, source: str = "<text>", *,
                 directory: Path | None = None) -> Dataset:
    """:func:`geo.dataset.loads_dataset`, served from the cache when it holds this text.

    ``directory`` overrides :func:`cache_dir`. Raises what ``loads_dataset`` raises;
    the cache itself never raises.
    """
    folder = directory if directory is not None else cache_dir()
    key = text_key(text)
    if folder is not None:
        dataset = read_entry(Path(folder), key)
        if dataset is not None:
            return dataset
    dataset = loads_dataset(text, source)
    if folder is not None:
        write_entry(Path(folder), key, dataset)
    return dataset


def entry_path(folder: Path, key: str) -> Path:
    return folder / f"{key}.pickle"


def read_entry(folder: Path, key: str) -> Dataset | None:
    """The cached Dataset for text ``key``, or None if the entry is missing or not
    exactly what this version wrote for that text."""
    try:
        data = entry_path(folder, key).read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    head, newline, payload = data[len(MAGIC):].partition(b"\n")
    try:
        header = json.loads(head)
    except ValueError:
        return None
    if (not newline or not isinstance(header, dict)
            or header.get("version") != code_version() or header.get("text") != key
            or header.get("payload") != hashlib.sha256(payload).hexdigest()):
        return None
    try:
        dataset = _unpickle(payload)
    except Exception:  # a payload that hashes right but does not load: ignore it
        return None
    return dataset if isinstance(dataset, Dataset) else None


def _unpickle(payload: bytes) -> object:
    # Without the garbage collector: a dataset is a few hundred thousand objects and
    # none of them garbage, yet the collections their allocation triggers grew the load
    # faster than the data (10,000 lockdowns: 3.7 s with, 1.2 s without; 1,000: 0.16 s
    # and 0.09 s; bench/bench_scale.py).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()


def write_entry(folder: Path, key: str, dataset: Dataset) -> bool:
    """Cache ``dataset`` as the parse of text ``key``; False (and nothing raised) if the
    folder cannot be written."""
    try:
        payload = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
        header = json.dumps({"version": code_version(), "text": key,
                             "payload": hashlib.sha256(payload).hexdigest()})
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(entry_path(folder, key), MAGIC + header.encode() + b"\n" + payload)
        _prune(folder)
    except (OSError, LockdownMapError, pickle.PicklingError, RecursionError):
        return False
    return True


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
