"""Places of a draft into the dataset's: one record per gazetteer place, every spelling kept."""

from __future__ import annotations

from dataclasses import replace

from geo.merge.changes import Change
from geo.merge.ids import unique_id
from geo.merge.rule import union
from geo.model import Place


def _same_place(existing: Place, incoming: Place) -> bool:
    if existing.gazetteer and incoming.gazetteer:
        return existing.gazetteer == incoming.gazetteer
    return existing.id == incoming.id


def merge_places(existing: tuple[Place, ...], incoming: tuple[Place, ...]
                 ) -> tuple[tuple[Place, ...], dict[str, str], list[Change]]:
    """The merged places, {draft place id: dataset place id}, and what changed.

    A draft place is the dataset's place when both name the same gazetteer entry
    (or, without one, have the same id); its new spellings join the aliases and
    its quotes the evidence. Any other place is added, under a fresh id if its
    own is taken.
    """
    places = list(existing)
    added: set[str] = set()
    mapping: dict[str, str] = {}
    changes: list[Change] = []
    for place in incoming:
        index = next((i for i, p in enumerate(places) if _same_place(p, place)), None)
        if index is None:
            new_id = unique_id(place.id, {p.id for p in places})
            mapping[place.id] = new_id
            places.append(replace(place, id=new_id))
            added.add(new_id)
            changes.append(Change("place", new_id, f"new place {place.name} ({new_id})"))
            continue
        current = places[index]
        mapping[place.id] = current.id
        known = {name.casefold() for name in (current.name, *current.aliases)}
        spellings = [n for n in dict.fromkeys((place.name, *place.aliases))
                     if n.casefold() not in known]
        evidence = union(current.evidence, place.evidence)
        if spellings or evidence != current.evidence:
            places[index] = replace(current, aliases=current.aliases + tuple(spellings),
                                    evidence=evidence,
                                    parent=current.parent or place.parent,
                                    country=current.country or place.country)
        if spellings:
            changes.append(Change("place", current.id, f"{current.name}: new spelling"
                                  f"{'s' if len(spellings) > 1 else ''} "
                                  + ", ".join(spellings)))
    # Parents of added places may name draft ids that now have dataset ids.
    places = [replace(p, parent=mapping.get(p.parent, p.parent))
              if p.id in added and p.parent else p for p in places]
    return tuple(places), mapping, changes
