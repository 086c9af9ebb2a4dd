"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Every file Lockdown Map writes goes through :func:`write_with` (or
:func:`write_atomic`): the data goes to a temporary file beside the target, which
is flushed to disk and renamed over the target. What it promises:

- a failure (an exception, Ctrl-C, SIGTERM in the CLI) removes the temporary file
  and any journal a writer such as GDAL left beside it; a write that was killed
  outright leaves a file named ``.<target>.lockdown-map-tmp-<pid>-<random><suffix>``,
  which the next write to the same target removes once that process is gone;
- a target that is a symbolic link stays a link: the file it points to is replaced;
- a read-only target is refused (its owner made it so; ``chmod u+w`` to allow it),
  and a replaced file keeps its permission bits; a new one gets the usual
  ``0666 & ~umask``, as ``open()`` would give it;
- a target that exists but is not a regular file (a folder, a device, a FIFO) is
  refused, and so, with :func:`check_output`, is an output that is one of the
  command's inputs (the same file by any name) or whose suffix does not match
  the format written.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from geo.errors import ExportError

TEMP_MARK = ".lockdown-map-tmp-"
# Files SQLite (GDAL's GeoPackage driver) may leave beside a database it was writing.
_COMPANIONS = ("-journal", "-wal", "-shm")


def _resolved(path: Path) -> Path:
    """The file a write to ``path`` must replace: a symlink's target, not the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Fail now, before any work, if ``path`` cannot be written; the path to replace."""
    given = Path(path)
    path = _resolved(given)
    directory = path.parent
    if path.is_dir():
        raise ExportError(f"{given}: is a folder; give a file name such as {given / 'out'}")
    if not directory.is_dir():
        raise ExportError(f"{given}: folder {directory} does not exist; create it or pick "
                          "another")
    if path.exists():
        if not stat.S_ISREG(path.stat().st_mode):
            raise ExportError(f"{given}: is not a regular file (a device or a pipe); pick "
                              "another output file")
        # No write bit at all is read-only even for root, whom os.access always lets write.
        if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
            raise ExportError(f"{given}: is read-only; make it writable (chmod u+w) or pick "
                              "another name")
    if not os.access(directory, os.W_OK):
        raise ExportError(f"{given}: folder {directory} is not writable; pick another folder")
    return path


def check_output(path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (),
                 suffixes: tuple[str, ...] = (), kind: str = "output") -> Path:
    """:func:`check_writable`, and refuse an output that is one of ``inputs`` (however
    named: a symlink, a hard link, ``./x``) or whose suffix is not one of ``suffixes``."""
    given = Path(path)
    if suffixes and given.suffix.lower() not in suffixes:
        raise ExportError(f"{given}: a {kind} file must end in {' or '.join(suffixes)} "
                          f"(got {given.suffix or 'no suffix'!s}); name it e.g. "
                          f"{given.with_suffix(suffixes[0]).name}")
    target = check_writable(given)
    for source in inputs:
        if _same_file(target, Path(source)):
            raise ExportError(f"{given}: is the input {source}; writing there would destroy "
                              "it. Pick another output name")
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return write_with(path, lambda tmp: tmp.write_bytes(data))


def _default_mode() -> int:
    mask = os.umask(0o022)  # read the umask (it can only be read by setting it)
    os.umask(mask)
    return 0o666 & ~mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _remove(tmp: Path) -> None:
    for name in ("", *_COMPANIONS):
        Path(str(tmp) + name).unlink(missing_ok=True)


def stale_temporaries(path: Path) -> list[Path]:
    """Temporary files of earlier writes to ``path`` whose process is gone."""
    pattern = re.compile(re.escape(f".{path.name}{TEMP_MARK}") + r"(\d+)-")
    found = []
    for candidate in path.parent.glob(f".{_glob_escape(path.name)}{TEMP_MARK}*"):
        match = pattern.match(candidate.name)
        if match and not _alive(int(match[1])):
            found.append(candidate)
    return found


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def write_with(path: str | os.PathLike[str], writer: Callable[[Path], object]) -> Path:
    """Let ``writer`` fill a temporary path beside ``path``; rename it into place on success.

    Returns ``path`` as given (a symlink stays the path the caller named).
    """
    given = Path(path)
    target = check_writable(given)
    for stale in stale_temporaries(target):
        _remove(stale)
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _default_mode()
    tmp = target.parent / (f".{target.name}{TEMP_MARK}{os.getpid()}-"
                           f"{secrets.token_hex(4)}{target.suffix}")
    try:
        writer(tmp)  # writers such as GDAL's want to create the file themselves
        os.chmod(tmp, mode)
        with open(tmp, "rb") as handle:  # on disk before the rename makes it the file
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise ExportError(f"{given}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        _remove(tmp)
        raise
    return given
