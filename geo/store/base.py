"""The store interface: load with a version token, save refusing a stale one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from geo.model import Dataset


@dataclass(frozen=True)
class Loaded:
    """A dataset and the version it was loaded at (for a file, a hash of its bytes)."""

    dataset: Dataset
    version: str
    where: str  # the file (or table) it came from, for messages


class DatasetStore(Protocol):
    def load(self) -> Loaded:
        """The dataset as stored now; a :class:`~geo.errors.DatasetError` if it is not valid."""

    def save(self, dataset: Dataset, expected_version: str) -> str:
        """Write ``dataset`` if the stored one is still at ``expected_version``; the new version.

        Raises :class:`~geo.errors.StaleDatasetError` when someone else saved since the
        load (or the dataset went away), and writes nothing then.
        """
