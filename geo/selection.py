"""A part of a dataset, and of its layers: what an analyst's filters keep. Pure logic.

Downloads follow the filters on screen by writing the selection, not the whole
dataset. Reports and places are kept whole (quotes and parents point into
them); a kept lockdown keeps the incident that triggered it, whose words explain it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import geopandas as gpd

from geo.model import Dataset


def select(dataset: Dataset, lockdowns: Iterable[str], incidents: Iterable[str]) -> Dataset:
    """``dataset`` with only the given lockdowns and incidents (and the kept lockdowns'
    trigger incidents), in their original order."""
    chosen_lockdowns = set(lockdowns)
    kept = tuple(item for item in dataset.lockdowns if item.id in chosen_lockdowns)
    chosen_incidents = set(incidents) | {item.trigger for item in kept if item.trigger}
    return dataclasses.replace(
        dataset, lockdowns=kept,
        incidents=tuple(item for item in dataset.incidents if item.id in chosen_incidents),
        _index={})


def select_layers(layers: dict[str, gpd.GeoDataFrame],
                  dataset: Dataset) -> dict[str, gpd.GeoDataFrame]:
    """The layers with only the zones and incidents of ``dataset`` (a selection)."""
    result = dict(layers)
    if "zones" in result:
        zones = result["zones"]
        result["zones"] = zones[zones["lockdown"].isin({item.id for item in dataset.lockdowns})]
    if "incidents" in result:
        points = result["incidents"]
        result["incidents"] = points[points["id"].isin({item.id for item in dataset.incidents})]
    return result
