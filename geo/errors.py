"""Lockdown Map's errors.

One root, :class:`LockdownMapError`; each specific error also subclasses the
built-in it behaves like (as ``geopy.exc`` does), so callers that only know
Python's exceptions still catch them.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        got = ""
        if self.value is not None:
            value = repr(self.value)
            got = f" (got {value[:77] + '...' if len(value) > 80 else value})"
        return f"{where}: {self.message}{got}. Fix: {self.fix}"


class DatasetError(LockdownMapError, ValueError):
    """A dataset file could not be read or is not valid; ``problems`` lists why."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the dataset"
        super().__init__(head + ":\n" + "\n".join(f"- {p}" for p in self.problems))


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
