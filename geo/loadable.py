"""The one decision that a dataset can be used: it validates, and everything in it can be drawn.

:func:`geo.validate.validate` checks a dataset on its own (fields, dates within the
plausible years, references). Whether each lockdown zone and each incident can be
drawn also depends on the gazetteer, so it is checked here, once, for every surface:
the CLI's commands and the dashboard load through :func:`load_loadable` or
:func:`loads_loadable`, so no command calls valid a dataset that ``export`` or the
map then cannot draw, and a map never silently leaves a zone out.
"""

from __future__ import annotations

import math
import os

from geo.dataset import SEED_DATASET, loads_dataset, read_dataset_text
from geo.errors import DatasetError, PlaceNotFound, Problem, shown
from geo.model import Dataset, Place


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


def check_loadable(dataset: Dataset, source: str = "<data>") -> Dataset:
    """``dataset`` if every zone and incident can be drawn, else a DatasetError naming each."""
    problems = drawing_problems(dataset, source)
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
