"""Where a gazetteer place sits: its readable address, and "Town, Province, Country" queries.

A place's parents are data (``parent`` ids in ``places.csv``), never derived from
geometry, so an address reads the chain the curators recorded: Hyesan →
Ryanggang Province → North Korea gives "Hyesan, Ryanggang, North Korea".
"""

from __future__ import annotations

import re

from geo.errors import PlaceNotFound
from geo.gazetteer import Entry, Gazetteer, Match

# Kinds a trailing qualifier may name: "Hyesan, Ryanggang", "Badaogou, China".
REGION_KINDS = frozenset({"country", "province", "county", "region"})
# ISO 3166-1 codes analysts type as a qualifier ("Hyesan, KP"), folded to upper case.
COUNTRY_CODES = {"KP": "KP", "PRK": "KP", "CN": "CN", "CHN": "CN"}
_PROVINCE_WORDS = (" Province",)  # dropped in addresses: "Ryanggang", as a reader says it
_MAX_DEPTH = 8  # parent chains are short; a cycle in bad data must not loop


def ancestors(gazetteer: Gazetteer, entry: Entry) -> list[Entry]:
    """The entry's parents, nearest first (county, province, country), as far as recorded."""
    chain: list[Entry] = []
    seen = {entry.id}
    parent = entry.parent
    while parent and parent not in seen and parent in gazetteer and len(chain) < _MAX_DEPTH:
        seen.add(parent)
        found = gazetteer.get(parent)
        chain.append(found)
        parent = found.parent
    return chain


def _short(entry: Entry) -> str:
    """A province as a reader says it: "Ryanggang", "Pyongyang" (not "… (capital city)")."""
    name = entry.name
    if entry.kind == "province":
        name = re.sub(r"\s*\([^)]*\)$", "", name)
        for word in _PROVINCE_WORDS:
            if name.endswith(word):
                name = name[: -len(word)]
    return name or entry.name


def address_of(gazetteer: Gazetteer, entry: Entry) -> str:
    """"Hyesan, Ryanggang, North Korea": the place, then each recorded parent.

    A place whose chain stops short of a country still ends with its ISO country
    code when it has one, so the two banks of the Yalu are never confused.
    """
    chain = ancestors(gazetteer, entry)
    parts = [entry.name, *(_short(parent) for parent in chain)]
    if entry.kind != "country" and entry.country and not any(p.kind == "country" for p in chain):
        parts.append(entry.country)
    return ", ".join(dict.fromkeys(parts))


def split_qualifiers(query: str) -> tuple[str, list[str]]:
    """``"Hyesan, Ryanggang, North Korea"`` → ``("Hyesan", ["Ryanggang", "North Korea"])``."""
    head, *rest = (part.strip() for part in query.split(","))
    return head, [part for part in rest if part]


def _regions(gazetteer: Gazetteer, qualifier: str) -> list[Entry] | None:
    """The regions a qualifier names (exact or normalised match only), None if it names none.

    No fuzzy guess here: a qualifier narrows an answer, so a misread one must not
    silently widen or shift it.
    """
    code = COUNTRY_CODES.get(qualifier.strip().upper())
    if code is not None:
        return [e for e in gazetteer.entries if e.kind == "country" and e.country == code]
    try:
        matches = gazetteer.lookup(qualifier, fuzzy=False)
    except PlaceNotFound:
        return None
    regions = [m.entry for m in matches if m.entry.kind in REGION_KINDS]
    return regions or None


def _within(gazetteer: Gazetteer, entry: Entry, region: Entry) -> bool:
    if region.kind == "country":
        return entry.country == region.country and entry.id != region.id
    return any(parent.id == region.id for parent in ancestors(gazetteer, entry))


def narrow(gazetteer: Gazetteer, matches: list[Match], qualifiers: list[str]) -> list[Match]:
    """The matches that lie inside every qualifier (a province, county or country).

    Empty when a qualifier names no known region or no match lies inside it: "Hyesan,
    China" is not Hyesan, North Korea.
    """
    kept = list(matches)
    for qualifier in qualifiers:
        regions = _regions(gazetteer, qualifier)
        if regions is None:
            return []
        kept = [m for m in kept if any(_within(gazetteer, m.entry, r) for r in regions)]
    return kept
