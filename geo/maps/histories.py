"""Every zone's whole history in a map's zone store, in pieces that grow with the data.

A zone's popup lists the zone's own lockdowns, then the orders over places containing
it (:func:`geo.maps.popups.zone_history_parts`). Written out zone by zone, a thousand
lockdowns of one county would each carry that county's thousand sections: the store
would grow with the square of the data. Instead each lockdown's section is stored once,
each covering set once (its sections in time order, shared by every zone it covers:
:func:`geo.stringency.coverings` hands them out as one object), and the store's
``popup(row, status)`` (:data:`HISTORY_JS`) joins a popup in the browser when it opens,
taking a section as the zone's own when it is on the zone, else as an order over a
wider area. :func:`popup_html` joins the same popup in Python, for tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from geo.describe import time_key, under_text, zone_lockdown
from geo.maps.popups import (
    HISTORY_END,
    WIDER_HEAD,
    e,
    history_head,
    row_slot,
    section_body,
    section_head,
)
from geo.maps.raw import HtmlStore, js_json
from geo.model import Dataset, Lockdown
from geo.stringency import coverings

if TYPE_CHECKING:
    from geo.maps.zones import ZoneRow

STATUS = -1  # in a section's body: the status on the day goes here
STATUS_SLOT = "<span class='lm-status-slot'></span>"  # cannot occur in escaped data
NOT_DRAWN = "<span class='lm-status'>Not drawn on this map</span>"

# status(s) gives the status HTML of section s (a drawn row's index: sections of rows
# not on this map carry their own "not drawn" text).
HISTORY_JS = """(function (S) {
    function section(s, heads, status) {
        return S.h[heads[s]] + S.q[s].map(function (k) {
            return k < 0 ? status(s) : S.h[k];
        }).join('');
    }
    return function (i, status) {
        var own = [], wider = [];
        S.c[S.v[i]].forEach(function (s) {
            if (S.qp[s] === S.z[i]) { own.push(section(s, S.qo, status)); }
            else { wider.push(section(s, S.qu, status)); }
        });
        return S.h[S.t[i]] + own.join('')
            + (wider.length ? S.h[S.wide] + wider.join('') : '') + S.h[S.end];
    };
})"""


class ZoneStore(HtmlStore):
    """An :class:`HtmlStore` of zones whose popups are their histories, kept as shared
    pieces: per row its zone (``z``), covering set (``v``) and opening (``t``); per
    section its body (``q``), its two openings (``qo`` own, ``qu`` over a wider area) and
    its zone (``qp``); per covering set its sections in time order (``c``)."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[list[int]] = []
        self.own_heads: list[int] = []
        self.under_heads: list[int] = []
        self.section_places: list[int] = []
        self.covers: list[list[int]] = []
        self.wide, self.end = self.add(WIDER_HEAD), self.add(HISTORY_END)

    def payload(self) -> dict[str, Any]:
        data = super().payload()
        del data["r"]  # no row has a popup list of its own
        data.update(q=self.sections, qo=self.own_heads, qu=self.under_heads,
                    qp=self.section_places, c=self.covers, wide=self.wide, end=self.end)
        return data

    def script_text(self) -> str:
        var = self.var()
        return f"var {var} = {js_json(self.payload())};\n{var}.popup = {HISTORY_JS}({var});\n"


def add_zone_histories(dataset: Dataset, rows: Sequence[ZoneRow],
                       moment: dt.date | dt.datetime, store: ZoneStore) -> None:
    """Add every row to ``store``: its geometry, name, lockdown id and the pieces of its
    zone's whole history, with a slot for each drawn lockdown's status (filled when the
    popup opens, so one store serves every day)."""
    places: dict[str, int] = {}
    sections: dict[str, int] = {}

    def add_section(lockdown: Lockdown, status: str) -> int:
        item = zone_lockdown(dataset, lockdown, moment)
        wider = dataclasses.replace(item, under=under_text(dataset.place(lockdown.zone),
                                                           lockdown))
        sections[lockdown.id] = len(store.sections)
        store.sections.append([STATUS if part == STATUS_SLOT else store.add(part)
                               for part in section_body(item, status)])
        store.own_heads.append(store.add(section_head(item)))
        store.under_heads.append(store.add(section_head(wider)))
        store.section_places.append(places.setdefault(lockdown.zone, len(places)))
        return sections[lockdown.id]

    for row in rows:  # a drawn row's section has the row's index
        add_section(row.lockdown, STATUS_SLOT)
    covering = coverings(dataset)
    cover_numbers: dict[int, int] = {}  # id() of a shared covering tuple
    own_counts: list[Counter[int]] = []
    for row in rows:
        cover = covering[row.lockdown.zone]
        number = cover_numbers.get(id(cover))
        if number is None:
            number = cover_numbers[id(cover)] = len(store.covers)
            store.covers.append([
                sections[lockdown.id] if lockdown.id in sections
                else add_section(lockdown, NOT_DRAWN)
                for lockdown in sorted(cover, key=time_key)])
            own_counts.append(Counter(store.section_places[s] for s in store.covers[-1]))
        zone = dataset.place(row.lockdown.zone)
        own = own_counts[number][places[zone.id]]
        head = history_head(zone.name, zone.aliases, own, len(store.covers[number]) - own,
                            approximate=row.approximate, method=row.method)
        store.add_columns(geometry=row.geometry, name=e(row.name), lockdown=row.lockdown.id,
                          z=places[zone.id], v=number, t=store.add(head))


def popup_html(store: ZoneStore, row: int,
               status: Callable[[int], str] = row_slot) -> str:
    """The popup of ``row`` as the store's script joins it, ``status(section)`` in each
    drawn lockdown's slot (by default a :func:`geo.maps.popups.row_slot` marker)."""
    def section(s: int, heads: list[int]) -> str:
        return store.items[heads[s]] + "".join(
            status(s) if k == STATUS else store.items[k] for k in store.sections[s])

    zone = store.rows["z"][row]
    cover = store.covers[store.rows["v"][row]]
    own = [section(s, store.own_heads) for s in cover if store.section_places[s] == zone]
    wider = [section(s, store.under_heads) for s in cover if store.section_places[s] != zone]
    return (store.items[store.rows["t"][row]] + "".join(own)
            + (store.items[store.wide] + "".join(wider) if wider else "")
            + store.items[store.end])
