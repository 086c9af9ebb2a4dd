"""Where the project's shared material is: the corpus and the founding report's whole text.

It lies beside the repository (``../shared``, as CI lays it) or where
``LOCKDOWN_MAP_SHARED`` points; ``/work/shared`` is the developers' copy.
"""

from __future__ import annotations

import os
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    candidates = [os.environ.get("LOCKDOWN_MAP_SHARED"), _ROOT.parent / "shared", "/work/shared"]
    for candidate in filter(None, candidates):
        if (Path(candidate) / "corpus" / "reports.json").is_file():
            return Path(candidate)
    return _ROOT.parent / "shared"


SHARED = _shared()
CORPUS = SHARED / "corpus" / "reports.json"
FOUNDING = SHARED / "reports" / "dailynk-en-2021-11-kimhyongjik.txt"
