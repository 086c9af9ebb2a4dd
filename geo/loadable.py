"""The one decision that a dataset can be used: it validates, and everything in it can be drawn.

:func:`geo.validate.validate` checks a dataset on its own (fields, dates within the
plausible years, references). Whether each lockdown zone and each incident can be
drawn also depends on the gazetteer, so it is checked here, once, for every surface:
the CLI's commands and the dashboard load through :func:`load_loadable` or
:func:`loads_loadable`, so no command calls valid a dataset that ``export`` or the
map then cannot draw, and a map never silently leaves a zone out.

Two checks here make sure a zone is drawn and inherited where the dataset says it is
(the gazetteer build guarantees every county, province and country entry its outline,
and every county seat inside its province):

- a zone of kind county, province or country must link a gazetteer place of that
  kind: only those have an outline, and anything else would be drawn as a circle a
  few kilometres wide standing for a province;
- a place's ``parent`` chain may reach no province other than the one the gazetteer
  puts its place in: a province's order counts for the zones under it (stringency),
  so a wrong parent would count it for the wrong county.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING

from geo.dataset import SEED_DATASET, loads_dataset, read_dataset_text
from geo.errors import DatasetError, PlaceNotFound, Problem, shown
from geo.model import Dataset, Place, PlaceKind

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer


def _where(dataset: Dataset, place: Place) -> str:
    index = next(i for i, p in enumerate(dataset.places) if p.id == place.id)
    return f"places[{index}] (id {shown(place.id, 40)})"


def _users(dataset: Dataset, place_id: str) -> str:
    lockdowns = [item.id for item in dataset.lockdowns if item.zone == place_id]
    incidents = [item.id for item in dataset.incidents if item.place == place_id]
    parts = []
    if lockdowns:
        parts.append("the zone of lockdown " + ", ".join(shown(i, 40) for i in lockdowns[:5]))
    if incidents:
        parts.append("the place of incident " + ", ".join(shown(i, 40) for i in incidents[:5]))
    return " and ".join(parts)


def drawing_problems(dataset: Dataset, source: str = "<data>") -> list[Problem]:
    """Each place that a lockdown zone or an incident needs but that cannot be drawn."""
    from geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    needed = dict.fromkeys([item.zone for item in dataset.lockdowns]
                           + [item.place for item in dataset.incidents])
    problems = []
    for place_id in needed:
        place = dataset.place(place_id)
        if place.gazetteer is None:
            users = _users(dataset, place_id)  # only for a message: it scans the dataset
            problems.append(Problem(
                source, _where(dataset, place), "gazetteer", None,
                f"the place has no gazetteer link, so {users} cannot be drawn",
                "add 'gazetteer: ID' (`lockdown-map geocode NAME` finds the id)"))
            continue
        try:
            entry = gazetteer.get(place.gazetteer)
        except PlaceNotFound as exc:
            users = _users(dataset, place_id)
            hint = f"did you mean {', '.join(exc.suggestions)}? " if exc.suggestions else ""
            problems.append(Problem(
                source, _where(dataset, place), "gazetteer", place.gazetteer,
                f"no such gazetteer place, so {users} cannot be drawn",
                f"{hint}use an id that `lockdown-map geocode NAME` gives"))
            continue
        if not (math.isfinite(entry.lat) and math.isfinite(entry.lon)):
            users = _users(dataset, place_id)
            problems.append(Problem(
                source, _where(dataset, place), "gazetteer", place.gazetteer,
                f"the gazetteer place has no coordinates, so {users} cannot be drawn",
                "link another gazetteer place, or fix the gazetteer entry"))
    return problems


# A zone of these kinds is drawn with an outline, which only a gazetteer place of the
# same kind has.
OUTLINED_KINDS = (PlaceKind.COUNTY, PlaceKind.PROVINCE, PlaceKind.COUNTRY)


def _province(gazetteer: Gazetteer, entry_id: str | None) -> str | None:
    """The gazetteer province containing (or being) the entry ``entry_id``, if any."""
    seen: set[str] = set()
    while entry_id and entry_id in gazetteer and entry_id not in seen:
        seen.add(entry_id)
        entry = gazetteer.get(entry_id)
        if entry.kind == "province":
            return entry.id
        entry_id = entry.parent
    return None


def _parent_province(dataset: Dataset, gazetteer: Gazetteer, place: Place) -> Place | None:
    """The first place up ``place``'s dataset parent chain linked to a gazetteer province."""
    seen = {place.id}
    parent_id = place.parent
    while parent_id and parent_id not in seen:
        seen.add(parent_id)
        try:
            parent = dataset.place(parent_id)
        except KeyError:
            return None
        if parent.gazetteer and _province(gazetteer, parent.gazetteer) == parent.gazetteer:
            return parent
        parent_id = parent.parent
    return None


def placement_problems(dataset: Dataset, source: str = "<data>") -> list[Problem]:
    """Zones that would be drawn as the wrong kind of shape, and places whose dataset
    parent puts them in another province than their gazetteer place."""
    from geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    problems = []
    zones = dict.fromkeys(item.zone for item in dataset.lockdowns)
    for place_id in zones:
        place = dataset.place(place_id)
        entry = gazetteer.get(place.gazetteer) if place.gazetteer in gazetteer else None
        if entry is None or place.kind not in OUTLINED_KINDS or entry.kind == place.kind:
            continue
        problems.append(Problem(
            source, _where(dataset, place), "gazetteer", place.gazetteer,
            f"the place is a {place.kind.value}, drawn with its outline, but gazetteer place "
            f"{shown(entry.id, 40)} ({shown(entry.name, 40)}) is a {entry.kind}, which has "
            f"none, so {_users(dataset, place_id)} cannot be drawn",
            f"link the {place.kind.value} itself (`lockdown-map geocode NAME` lists its id), "
            f"or set 'kind' to {entry.kind} if the report means the {entry.kind}"))
    misplaced: dict[str, tuple[str, Place]] = {}
    for place in dataset.places:
        if not place.gazetteer or place.gazetteer not in gazetteer:
            continue  # drawing_problems names a zone's missing link; others need none
        own = _province(gazetteer, place.gazetteer)
        parent = _parent_province(dataset, gazetteer, place)
        if own is not None and parent is not None and parent.gazetteer != own:
            misplaced[place.id] = (own, parent)
    for place_id, (own, parent) in misplaced.items():
        place = dataset.place(place_id)
        if place.parent in misplaced:
            continue  # a town under a misplaced county: fixing the county fixes both
        entry, province = gazetteer.get(place.gazetteer), gazetteer.get(own)
        problems.append(Problem(
            source, _where(dataset, place), "parent", place.parent,
            f"gazetteer place {shown(entry.id, 40)} ({entry.lat:.2f} N {entry.lon:.2f} E) lies "
            f"in {province.name}, but the parent chain puts it in {shown(parent.name, 40)}; "
            "a province's order would count for the wrong places",
            f"set 'parent' to the place linked to {province.id} ({province.name}), or link "
            "the gazetteer place the report means"))
    return problems


def check_loadable(dataset: Dataset, source: str = "<data>") -> Dataset:
    """``dataset`` if every zone and incident can be drawn, and drawn where the dataset
    says it is, else a DatasetError naming each problem."""
    problems = [*drawing_problems(dataset, source), *placement_problems(dataset, source)]
    if problems:
        raise DatasetError(problems)
    return dataset


def loads_loadable(text: str, source: str = "<text>") -> Dataset:
    """Parse, validate and check that everything in ``text`` can be drawn."""
    return check_loadable(loads_dataset(text, source), source)


def load_loadable(path: str | os.PathLike[str] = SEED_DATASET, *,
                  require_suffix: bool = False) -> Dataset:
    """Read ``path`` (bounded: a regular file under the size limit) and
    :func:`loads_loadable` it."""
    return loads_loadable(read_dataset_text(path, require_suffix=require_suffix), str(path))
