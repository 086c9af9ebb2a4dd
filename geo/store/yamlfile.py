"""The dataset as one YAML file: the version is a hash of its bytes; saves are atomic,
serialised by a lock, and refused when the file changed since it was loaded."""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from geo.atomic import write_atomic
from geo.dataset import SEED_DATASET, decode_dataset, dumps_dataset, loads_dataset
from geo.errors import DatasetFileError, ExportError, StaleDatasetError
from geo.model import Dataset, DatasetInfo
from geo.store.base import Loaded

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: saves are not serialised across processes
    fcntl = None

LOCK_WAIT = 2.0  # seconds a save waits for another one to finish


def version_of(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DatasetFileError(f"{path}: no such dataset file; create one with "
                               f"'lockdown-map init {path}' or give another path") from None
    except IsADirectoryError:
        raise DatasetFileError(f"{path}: is a folder; give the path of a .yaml dataset") from None
    except OSError as exc:
        raise DatasetFileError(f"{path}: cannot read: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _save_lock(path: Path) -> Iterator[None]:
    """One save at a time in the dataset's folder (a lock on the folder, so no lock file
    is left behind); another process's save makes this one wait, then give up."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError as exc:
        raise DatasetFileError(f"{path}: cannot open its folder: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DatasetFileError(
                        f"{path}: locked by another save still in progress; nothing was "
                        "written. Try again in a moment (your changes are kept)") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


class YamlFileStore:
    """A dataset YAML file behind the :class:`~geo.store.base.DatasetStore` interface."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"YamlFileStore({str(self.path)!r})"

    def version(self) -> str:
        """The version on disk now (to tell whether a loaded copy is stale)."""
        return version_of(_read(self.path))

    def load(self) -> Loaded:
        data = _read(self.path)
        dataset = loads_dataset(decode_dataset(data, str(self.path)), str(self.path))
        return Loaded(dataset, version_of(data), str(self.path))

    def save(self, dataset: Dataset, expected_version: str) -> str:
        path = self.path
        text = dumps_dataset(dataset).encode("utf-8")
        with _save_lock(path):
            try:
                current = version_of(path.read_bytes())
            except FileNotFoundError:
                raise StaleDatasetError(
                    f"{path}: the dataset file was deleted or moved since it was loaded; "
                    "nothing was written. Restore it (or load another dataset) and save "
                    "again (your changes are kept)") from None
            except OSError as exc:
                raise DatasetFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
            if current != expected_version:
                raise StaleDatasetError(
                    f"{path}: the dataset file changed since it was loaded (someone else "
                    "saved, or another tab); nothing was written, so their change is kept. "
                    "Reload the dataset and save again: your report is merged afresh")
            if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
                raise DatasetFileError(f"{path}: the dataset file is read-only; nothing was "
                                       "written. Make it writable, or save to another file")
            try:
                write_atomic(path, text)
            except ExportError as exc:
                raise DatasetFileError(f"{exc}; nothing was written") from None
        return version_of(text)


def empty_dataset(name: str) -> Dataset:
    return Dataset(info=DatasetInfo(name=name, version="1",
                                    description="Created by lockdown-map init; add reports "
                                                "with lockdown-map add."))


def init_dataset(path: str | os.PathLike[str], name: str | None = None) -> Path:
    """Write an empty, valid dataset at ``path``; never over an existing file."""
    path = Path(path)
    if path.exists():
        raise DatasetFileError(f"{path}: already exists; init never overwrites a dataset. "
                               "Pick another file name, or add reports to this one")
    if path.resolve() == SEED_DATASET.resolve():
        raise DatasetFileError(f"{path}: is the bundled seed data; pick another file name")
    try:
        return write_atomic(path, dumps_dataset(empty_dataset(name or path.stem)))
    except ExportError as exc:
        raise DatasetFileError(str(exc)) from None
