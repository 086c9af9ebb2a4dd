"""What a merge did, one readable line per change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One change to the dataset: ``kind`` sorts it, ``target`` is the record, ``text`` says it."""

    kind: str  # report, place, incident, lockdown, update, measure, date, status, disagreement
    target: str
    text: str

    def __str__(self) -> str:
        return self.text
