"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from geo.errors import ExportError


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Fail now, before any work, if ``path`` cannot be written."""
    path = Path(path)
    directory = path.parent
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name such as {path / 'out'}")
    if not directory.is_dir():
        raise ExportError(f"{path}: folder {directory} does not exist; create it or pick another")
    if not os.access(directory, os.W_OK):
        raise ExportError(f"{path}: folder {directory} is not writable; pick another folder")
    return path


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return write_with(path, lambda tmp: tmp.write_bytes(data))


def write_with(path: str | os.PathLike[str], writer: Callable[[Path], object]) -> Path:
    """Let ``writer`` fill a temporary path beside ``path``; rename it into place on success."""
    path = check_writable(path)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # writers such as GDAL's want to create the file themselves
    try:
        writer(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
