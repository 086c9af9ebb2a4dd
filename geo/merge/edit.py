"""Helpers for a person editing a draft as plain records (what the Add view's form does).

The draft stays raw records (as :func:`geo.rawform.dataset_to_raw` gives them)
while it is edited; :func:`geo.validate.validate` then says what is wrong with
it, so a bad edit is a list of problems, never an exception.
"""

from __future__ import annotations

import re
from typing import Any

from geo.gazetteer import Entry, Gazetteer
from geo.model import PlaceKind

_STEP = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")
# Gazetteer kinds the model has no kind for, as the nearest it has.
_KINDS = {"district": PlaceKind.TOWN, "mountain": PlaceKind.REGION}


def fact_at(raw: Any, path: str) -> Any:
    """The record a draft path such as ``lockdowns[0].effective`` names; None if none."""
    node = raw
    for step in path.split("."):
        match = _STEP.fullmatch(step)
        if match is None or not isinstance(node, dict):
            return None
        node = node.get(match[1])
        if match[2] is not None:
            index = int(match[2])
            if not isinstance(node, list) or index >= len(node):
                return None
            node = node[index]
    return node


def _written(alias: str) -> bool:
    """A spelling as people write it, not a generated lowercase matching key."""
    return alias[:1].isupper() or not alias.isascii()


def place_records(entry: Entry, gazetteer: Gazetteer, known: set[str]) -> list[dict[str, Any]]:
    """Raw place records for a gazetteer entry and the ancestors a draft lacks, outermost
    first, so that every ``parent`` names a place in the draft."""
    chain: list[Entry] = []
    current: Entry | None = entry
    while current is not None and current.id not in known and current not in chain:
        chain.append(current)
        current = gazetteer.get(current.parent) if current.parent in gazetteer else None
    records = []
    for item in reversed(chain):
        kind = _KINDS.get(item.kind, item.kind)
        record = {"id": item.id, "name": item.name, "kind": PlaceKind(kind).value,
                  "aliases": [a for a in item.aliases if a != item.name and _written(a)][:8],
                  "country": item.country or None, "precision": item.precision or 1,
                  "gazetteer": item.id}
        if item.parent and (item.parent in known or any(c.id == item.parent for c in chain)):
            record["parent"] = item.parent
        records.append({k: v for k, v in record.items() if v not in (None, [])})
    return records
