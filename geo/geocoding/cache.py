"""A small JSON disk cache for online geocoding answers, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/lockdown-map/geocode.json`` (``~/.cache`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "lockdown-map" / "geocode.json"


class DiskCache:
    """query -> JSON-able answer; unreadable files count as empty, failed writes are ignored
    (a cache must never break geocoding)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_cache_path()
        self._data: dict[str, object] | None = None

    def _load(self) -> dict[str, object]:
        if self._data is None:
            try:
                self._data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._data = {}
        return self._data

    def get(self, query: str) -> object | None:
        return self._load().get(query)

    def __contains__(self, query: str) -> bool:
        return query in self._load()

    def set(self, query: str, answer: object) -> None:
        data = self._load()
        data[query] = answer
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".geocode.", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, sort_keys=True, indent=0)
            os.replace(tmp, self.path)
        except OSError:
            # Why: the answer is still returned; only its reuse next time is lost.
            if tmp:
                Path(tmp).unlink(missing_ok=True)
