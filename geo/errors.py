"""Lockdown Map's errors.

One root, :class:`LockdownMapError`; each specific error also subclasses the
built-in it behaves like (as ``geopy.exc`` does), so callers that only know
Python's exceptions still catch them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_LIMIT = 80  # characters of a bad value a message shows
MAX_LISTED = 200  # problems a message lists; the rest are counted
_DEPTH = 4  # levels of a nested value a quote descends into
# What a terminal or a JavaScript/Vega parser would act on: C0/C1 controls but tab and
# newline, DEL, bidirectional overrides and isolates, and the line/paragraph separators.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f"
                       "\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def neutralised(text: str) -> str:
    """``text`` with every control character written as a visible ``\\uXXXX`` escape."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A ``repr``-like quote of ``value`` of at most ``limit`` characters.

    It costs O(limit) whatever ``value`` is: an alias bomb's billion shared strings
    or a deeply nested list is never expanded, only its first characters written.
    """
    out: list[str] = []
    size = 0

    def put(piece: str) -> bool:
        nonlocal size
        out.append(piece)
        size += len(piece)
        return size <= limit

    def walk(item: object, depth: int) -> bool:
        if isinstance(item, str):
            return put(repr(item[:limit + 1]))
        if isinstance(item, (list, tuple, dict)):
            opening, closing = {list: "[]", tuple: "()", dict: "{}"}.get(type(item), "[]")
            if depth >= _DEPTH:
                return put(opening + "..." + closing)
            if not put(opening):
                return False
            pairs = item.items() if isinstance(item, dict) else ((None, v) for v in item)
            for index, (key, inner) in enumerate(pairs):
                if index and not put(", "):
                    return False
                if isinstance(item, dict) and not (walk(key, depth + 1) and put(": ")):
                    return False
                if not walk(inner, depth + 1):
                    return False
            return put(closing)
        if isinstance(item, (bool, int, float)) or item is None:
            return put(repr(item)[:limit + 1])
        return put(f"<{type(item).__name__}>")

    walk(value, 0)
    text = neutralised("".join(out))
    return text if len(text) <= limit else text[:limit - 3] + "..."


def shown(text: object, limit: int = QUOTE_LIMIT) -> str:
    """Data text placed inside a message (an id, a reference): bounded, controls escaped."""
    flat = neutralised(str(text))
    return flat if len(flat) <= limit else flat[:limit - 3] + "..."


class LockdownMapError(Exception):
    """Root of every error Lockdown Map raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one record of one file."""

    file: str
    record: str
    field: str
    value: object
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.record}"
        if self.field:
            where += f", field '{self.field}'"
        got = f" (got {self.got})" if self.value is not None else ""
        return f"{where}: {self.message}{got}. Fix: {self.fix}"

    @property
    def got(self) -> str:
        """The bad value as a message quotes it: bounded, whatever its size or shape."""
        return quoted(self.value)


class DatasetError(LockdownMapError, ValueError):
    """A dataset file could not be read or is not valid; ``problems`` lists why."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the dataset"
        lines = [f"- {p}" for p in self.problems[:MAX_LISTED]]
        if count > MAX_LISTED:
            lines.append(f"- ... and {count - MAX_LISTED} more; fix these and validate again")
        super().__init__(head + ":\n" + "\n".join(lines))


class DatasetFileError(LockdownMapError, OSError):
    """A dataset path that does not exist or cannot be read or written."""


class DateInputError(LockdownMapError, ValueError):
    """A date or time typed by a user that does not parse."""


class PlaceNotFound(LockdownMapError, LookupError):
    """No gazetteer place matches a query; ``suggestions`` are the closest names."""

    def __init__(self, query: str, suggestions: list[str] | None = None):
        self.query = query
        self.suggestions = list(suggestions or [])
        message = f"no place matches {query!r}"
        if self.suggestions:
            message += "; closest: " + ", ".join(self.suggestions)
        super().__init__(message)


class InvalidQuery(LockdownMapError, ValueError):
    """A geocoding query that is empty or has nothing to match on."""


class BoundaryFileError(LockdownMapError, ValueError):
    """A user-supplied boundary file that cannot replace a shipped geometry."""


class ExportError(LockdownMapError, OSError):
    """An output file (dataset, map, layers) that cannot be written where the user asked."""


class ReportTextError(LockdownMapError, ValueError):
    """A report's text (or what is said of it) that the extractor cannot read."""


class MergeError(LockdownMapError, ValueError):
    """A draft that cannot be merged into a dataset (no report, a zone outside North Korea)."""


class DuplicateReport(MergeError):
    """The report of a draft is already in the dataset; ``existing`` is its id there."""

    def __init__(self, message: str, existing: str):
        self.existing = existing
        super().__init__(message)


class StaleDatasetError(LockdownMapError, RuntimeError):
    """The dataset changed (or went away) since it was loaded; saving would lose that change."""
