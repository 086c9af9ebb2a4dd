"""The shipped gazetteer: entries, their keys, exact/normalised and fuzzy lookup."""

# ruff: noqa: RUF002 - place names need their real apostrophes and dashes

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pyproj import Transformer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from geo.errors import InvalidQuery, PlaceNotFound
from geo.gazetteer.names import (
    base_key,
    generate_aliases,
    is_meaningful,
    keys,
    sound_key,
    suffix_guesses,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLACES_CSV = DATA_DIR / "places.csv"

# Ties between equally good matches go to the kind a report most likely means.
KIND_RANK = {kind: rank for rank, kind in enumerate((
    "city", "town", "county", "province", "region", "country", "river", "border",
    "mountain", "district", "village",
))}
SCORE_EXACT = 100.0  # the whole normalised name matches
SCORE_BASE = 95.0  # matches once an administrative suffix is dropped
# Fuzzy score: 100 * (1 - edits / length) on keys, an edit being a dropped, added or
# replaced letter or two neighbours swapped (OSA). 70 allows one slip in a 4-letter
# name, two in 7, three in 10.
FUZZY_CUTOFF = 70.0
GUESS_PENALTY = 2.0  # points off a match that needed a guessed suffix (suffix_guesses)
FUZZY_WINDOW = 5.0  # candidates this close to the best are returned with it
MAX_QUERY = 200
_UTM = Transformer.from_crs(4326, 32652, always_xy=True)  # distances in metres, UTM 52N


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``country`` is data (ISO2), never derived from geometry."""

    id: str
    name: str
    kind: str
    country: str
    parent: str
    lat: float
    lon: float
    population: int
    geonames_id: int
    source: str
    precision: int
    note: str
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate for a query: the entry, a 0–100 score and the alias that matched."""

    entry: Entry
    score: float
    alias: str
    method: str  # "exact", "normalised" or "fuzzy"


def read_entries(path: Path = PLACES_CSV) -> list[Entry]:
    """Entries of a ``places.csv`` written by ``scripts/build_gazetteer.py``."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    entries = []
    for row in rows:
        given = [a for a in row["aliases"].split("|") if a]
        entries.append(Entry(
            id=row["id"], name=row["name"], kind=row["kind"], country=row["country"],
            parent=row["parent"], lat=float(row["lat"]), lon=float(row["lon"]),
            population=int(row["population"]), geonames_id=int(row["geonames_id"]),
            source=row["source"], precision=int(row["precision"]), note=row["note"],
            aliases=tuple(generate_aliases(row["name"], given, row["country"])),
        ))
    return entries


class Gazetteer:
    """Entries indexed by normalised key; fuzzy fallback through rapidfuzz."""

    def __init__(self, entries: list[Entry]):
        self.entries: tuple[Entry, ...] = tuple(sorted(entries, key=lambda e: e.id))
        self._by_id = {e.id: e for e in self.entries}
        self._full: dict[str, list[tuple[Entry, str]]] = {}
        self._base: dict[str, list[tuple[Entry, str]]] = {}
        for entry in self.entries:
            for alias in entry.aliases:
                full, base = keys(alias)
                for index, k in ((self._full, full), (self._base, base)):
                    bucket = index.setdefault(k, [])
                    if k and all(e is not entry for e, _ in bucket):
                        bucket.append((entry, alias))
        self._base_keys = list(self._base)
        # Fuzzy choices: every full and base key, so a slip inside a suffix still matches.
        self._fuzzy: dict[str, list[tuple[Entry, str]]] = {}
        for index in (self._full, self._base):
            for k, bucket in index.items():
                merged = self._fuzzy.setdefault(k, [])
                merged.extend(p for p in bucket if all(e is not p[0] for e, _ in merged))
        self._fuzzy_keys = list(self._fuzzy)
        self._sound = {k: sound_key(k) for k in self._fuzzy_keys}
        lon = np.array([e.lon for e in self.entries])
        lat = np.array([e.lat for e in self.entries])
        self._xy = np.column_stack(_UTM.transform(lon, lat))

    def get(self, entry_id: str) -> Entry:
        """The entry with this id; PlaceNotFound (with close ids) when there is none."""
        try:
            return self._by_id[entry_id]
        except KeyError:
            close = process.extract(entry_id, list(self._by_id), scorer=fuzz.ratio, limit=3)
            raise PlaceNotFound(entry_id, [c for c, _, _ in close]) from None

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, query: str, *, fuzzy: bool = True) -> list[Match]:
        """Every candidate for ``query``, best first; never empty.

        Exact/normalised matches come first; the fuzzy search runs only when there
        is none. Several results mean the name is ambiguous (Hyesan the city and
        Hyesan-dong): callers should show them rather than pick silently.

        Raises InvalidQuery for an empty or wordless query and PlaceNotFound, with
        the closest names, when nothing matches.
        """
        query = _check(query)
        matches = self.lookup_normalised(query)
        if not matches and fuzzy:
            matches = self.lookup_fuzzy(query)
        if not matches:
            raise PlaceNotFound(query, self.suggest(query))
        return matches

    def lookup_normalised(self, query: str) -> list[Match]:
        """Dictionary lookup of the full key, then of the suffix-free base key."""
        found: dict[str, Match] = {}
        full, base = keys(query)
        for entry, alias in self._full.get(full, ()):
            method = "exact" if alias == query else "normalised"
            found[entry.id] = Match(entry, SCORE_EXACT, alias, method)
        for entry, alias in self._base.get(base, ()):
            if entry.id not in found:
                found[entry.id] = Match(entry, SCORE_BASE, alias, "normalised")
        return _ranked(found.values())

    def lookup_fuzzy(self, query: str, limit: int = 5) -> list[Match]:
        """Edit-distance search of the query's keys against every alias key; the
        candidates within ``FUZZY_WINDOW`` points of the best, best first.

        Equal scores go first to the candidate whose difference is a romanisation
        variant (k/g, ch/j, p/b, t/d, r/l, s/sh, eo/o, eu/u), then by kind and
        population like every lookup.
        """
        full, base = keys(query)
        tried = [(k, 0.0) for k in dict.fromkeys((full, base)) if k]
        tried += [(k, GUESS_PENALTY) for k in sorted(suffix_guesses(query)) if k]
        if not tried:
            return []
        # One C call scores every tried key against every alias key.
        similarity = process.cdist([k for k, _ in tried], self._fuzzy_keys,
                                   scorer=OSA.normalized_similarity,
                                   score_cutoff=FUZZY_CUTOFF / 100, dtype=np.float64)
        best_for: dict[str, tuple[float, float, Match]] = {}
        for (k, penalty), row in zip(tried, similarity, strict=True):
            hits = np.flatnonzero(row * 100 - penalty >= FUZZY_CUTOFF - 1e-9)
            if len(hits) > limit * 2:
                hits = hits[np.argsort(-row[hits], kind="stable")[:limit * 2]]
            sound = sound_key(k)
            for i in hits:
                choice = self._fuzzy_keys[i]
                score = round(100.0 * float(row[i]) - penalty, 1)
                variant = OSA.normalized_similarity(sound, self._sound[choice])
                for entry, alias in self._fuzzy[choice]:
                    held = best_for.get(entry.id)
                    if held is None or (score, variant) > held[:2]:
                        best_for[entry.id] = (score, variant, Match(entry, score, alias, "fuzzy"))
        if not best_for:
            return []
        best = max(score for score, _, _ in best_for.values())
        kept = [held for held in best_for.values() if held[0] >= best - FUZZY_WINDOW]
        kept.sort(key=lambda held: (-held[0], -held[1], *_rank(held[2])[1:]))
        return [match for _, _, match in kept[:limit]]

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """The closest entry names, for a 'not found' message."""
        hits = process.extract(base_key(query), self._base_keys, scorer=fuzz.WRatio,
                               limit=limit * 3)
        names: list[str] = []
        for k, _, _ in hits:
            for entry, _alias in self._base[k]:
                if entry.name not in names:
                    names.append(entry.name)
        return names[:limit]

    def nearest(self, lat: float, lon: float, *, kinds: frozenset[str] | None = None,
                limit: int = 1) -> list[tuple[Entry, float]]:
        """Entries nearest a point with their distance in metres (UTM 52N)."""
        x, y = _UTM.transform(lon, lat)
        distances = np.hypot(self._xy[:, 0] - x, self._xy[:, 1] - y)
        result = []
        for i in np.argsort(distances, kind="stable"):
            entry = self.entries[int(i)]
            if kinds is None or entry.kind in kinds:
                result.append((entry, float(distances[i])))
                if len(result) == limit:
                    break
        return result


def _check(query: object) -> str:
    if not isinstance(query, str):
        raise InvalidQuery(f"a place name must be text, got {type(query).__name__}")
    query = query.strip()
    if not query or not is_meaningful(query):
        raise InvalidQuery(f"empty place name {query!r}: type a place such as 'Hyesan'")
    if len(query) > MAX_QUERY:
        raise InvalidQuery(f"place name is {len(query)} characters long; at most {MAX_QUERY}")
    return query


def _rank(match: Match) -> tuple:
    return (-match.score, KIND_RANK.get(match.entry.kind, 99), -match.entry.population,
            match.entry.id)


def _ranked(matches) -> list[Match]:
    return sorted(matches, key=_rank)


@functools.lru_cache(maxsize=4)
def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer shipped in ``geo/data/places.csv`` (or ``path``), loaded once."""
    return Gazetteer(read_entries(Path(path) if path else PLACES_CSV))
