"""CSV text that pandas, Python's csv module and spreadsheet programs read back unchanged.

RFC 4180: comma-separated, CRLF between records, a field quoted when it holds a
comma, a quote or a line break (the quotes of reports often do), UTF-8. With
``bom`` the file starts with a UTF-8 byte-order mark, which Excel needs to read
Hangul and breves as UTF-8 instead of the local code page.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.atomic import check_writable, write_atomic
from geo.errors import ExportError

BOM = "\ufeff"


def csv_text(frame: pd.DataFrame, bom: bool = False) -> str:
    """``frame`` as CSV text (no index); empty cells for unknown values."""
    text = frame.to_csv(index=False, lineterminator="\r\n")
    return (BOM + text) if bom else text


def csv_bytes(frame: pd.DataFrame, bom: bool = False) -> bytes:
    return csv_text(frame, bom).encode("utf-8")


def write_csv(frame: pd.DataFrame, path: str | Path, bom: bool = False) -> Path:
    """Write ``frame`` to a ``.csv`` file at ``path``, atomically."""
    path = check_writable(path)
    if path.suffix.lower() != ".csv":
        raise ExportError(f"{path}: a CSV file must end in .csv (got "
                          f"{path.suffix or 'no suffix'!r})")
    return write_atomic(path, csv_bytes(frame, bom))
