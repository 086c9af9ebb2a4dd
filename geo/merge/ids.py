"""Record ids for what a draft brings, and rewriting a draft's references to them."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import fields, is_dataclass, replace
from typing import TypeVar

T = TypeVar("T")


def unique_id(wanted: str, taken: Collection[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… when that id is already used."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def rewrite(value: T, renames: Mapping[str, Mapping[str, str]]) -> T:
    """``value`` with every field named in ``renames`` mapped through it, at any depth.

    ``renames`` maps a field name (``report``, ``zone``, ``place``, ``parent``,
    ``trigger``) to {old id: new id}; a draft's records are rebuilt, never mutated.
    """
    if isinstance(value, tuple):
        items = tuple(rewrite(item, renames) for item in value)
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if not is_dataclass(value) or isinstance(value, type):
        return value
    updates = {}
    for field in fields(value):
        if field.name.startswith("_"):
            continue
        current = getattr(value, field.name)
        mapping = renames.get(field.name)
        if mapping is not None and isinstance(current, str) and current in mapping:
            updates[field.name] = mapping[current]
        elif isinstance(current, tuple) or is_dataclass(current):
            new = rewrite(current, renames)
            if new is not current:
                updates[field.name] = new
    return replace(value, **updates) if updates else value
