"""Zone histories in a map's store (geo.maps.histories): the same popups as
geo.describe says, from pieces that grow with the data and not with its square."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from geo.dataset import SEED_DATASET, load_dataset
from geo.describe import describe_zone
from geo.layers import build_layers
from geo.maps.histories import NOT_DRAWN, ZoneStore, add_zone_histories, popup_html
from geo.maps.popups import row_slot, zone_history_parts
from geo.maps.zones import zone_rows

DAY = dt.date(2022, 5, 20)


@pytest.fixture(scope="module")
def record():
    return load_dataset(SEED_DATASET.with_name("record.yaml"))


def stored(dataset, rows=None):
    rows = zone_rows(dataset, build_layers(dataset)["zones"]) if rows is None else rows
    store = ZoneStore()
    add_zone_histories(dataset, rows, DAY, store)
    return rows, store


def described(dataset, row, rows):
    """The popup of ``row`` from geo.describe, with the store's status slots."""
    index = {r.lockdown.id: i for i, r in enumerate(rows)}
    history = describe_zone(dataset, row.lockdown.zone, DAY)

    def status(item):
        j = index.get(item.summary.lockdown_id)
        return NOT_DRAWN if j is None else row_slot(j)

    return "".join(zone_history_parts(history, status, approximate=row.approximate,
                                      method=row.method))


def test_every_popup_of_the_record_is_its_zones_history(record):
    rows, store = stored(record)
    assert len(rows) == len(record.lockdowns) > 20
    for i, row in enumerate(rows):
        assert popup_html(store, i) == described(record, row, rows), row.lockdown.id


def test_a_lockdown_left_off_the_map_is_said_so(record):
    rows = zone_rows(record, build_layers(record)["zones"])
    shown = [row for row in rows if row.lockdown.zone != "kp"]  # the nationwide orders not drawn
    _, store = stored(record, shown)
    hyesan = next(i for i, row in enumerate(shown) if row.lockdown.zone == "kp-hyesan")
    popup = popup_html(store, hyesan)
    assert popup == described(record, shown[hyesan], shown)
    assert popup.count("Not drawn on this map") == 2  # kp-2022-05-1 and kp-2022-05-12


def one_county_many_times(seed, count):
    """``count`` lockdowns, each on its own dataset place, all the seed's county."""
    county = seed.place(seed.lockdowns[0].zone)
    places = [dataclasses.replace(county, id=f"zone-{k}", name=f"Zone {k}", aliases=())
              for k in range(count)]
    lockdowns = [dataclasses.replace(seed.lockdowns[0], id=f"lockdown-{k}", zone=f"zone-{k}")
                 for k in range(count)]
    return dataclasses.replace(seed, places=seed.places + tuple(places),
                               lockdowns=tuple(lockdowns), _index={})


@pytest.mark.parametrize("count", [3, 12])
def test_a_county_locked_down_again_and_again_is_stored_once(seed, count):
    data = one_county_many_times(seed, count)
    rows, store = stored(data)
    assert len(rows) == count
    assert [len(cover) for cover in store.covers] == [count]  # one shared history
    assert len(store.sections) == count
    for i in (0, count - 1):
        popup = popup_html(store, i)
        assert popup.count("<section ") == count
        assert f"1 lockdown of this zone, {count - 1} over a wider area" in popup
        assert popup == described(data, rows[i], rows)
