"""A geopy geocoder backed by the shipped gazetteer: no network, ever."""

from __future__ import annotations

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import PlaceNotFound
from geo.gazetteer import Gazetteer, Match, load_gazetteer

__all__ = ("OfflineGazetteer",)

REVERSE_KINDS = frozenset({"city", "town", "village", "district"})


def match_raw(match: Match, candidates: list[Match]) -> dict:
    """The ``raw`` dict of a Location: what the gazetteer knows about the match."""
    entry = match.entry
    return {
        "id": entry.id, "name": entry.name, "kind": entry.kind, "country": entry.country,
        "parent": entry.parent, "precision": entry.precision, "source": entry.source,
        "population": entry.population, "geonames_id": entry.geonames_id,
        "score": match.score, "alias": match.alias, "method": match.method,
        "ambiguous": len(candidates) > 1,
        "candidates": [m.entry.id for m in candidates],
    }


def to_location(match: Match, candidates: list[Match]) -> Location:
    entry = match.entry
    address = entry.name if not entry.country else f"{entry.name}, {entry.country}"
    return Location(address, (entry.lat, entry.lon), match_raw(match, candidates))


class OfflineGazetteer(Geocoder):
    """Geocoder over Lockdown Map's regional gazetteer (GeoNames + authored records).

    Follows geopy's contract: :meth:`geocode` returns a :class:`geopy.location.Location`,
    ``None`` when nothing matches, or a list with ``exactly_one=False``. ``raw`` carries
    the gazetteer id, kind, country, precision, match score and matched alias.
    An empty or wordless query raises :class:`geo.errors.InvalidQuery`.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, fuzzy: bool = True):
        # No scheme, proxies or adapter are ever used: this class makes no request.
        super().__init__(user_agent="lockdown-map-offline")
        self.gazetteer = gazetteer or load_gazetteer()
        self.fuzzy = fuzzy

    def geocode(self, query: str, *, exactly_one: bool = True,
                timeout: object = DEFAULT_SENTINEL) -> Location | list[Location] | None:
        """Best place for ``query`` (or all candidates with ``exactly_one=False``)."""
        try:
            matches = self.gazetteer.lookup(query, fuzzy=self.fuzzy)
        except PlaceNotFound:
            return None
        if exactly_one:
            return to_location(matches[0], matches)
        return [to_location(m, matches) for m in matches]

    def reverse(self, query: object, *, exactly_one: bool = True,
                timeout: object = DEFAULT_SENTINEL,
                limit: int = 5) -> Location | list[Location] | None:
        """Nearest populated place(s) to ``(lat, lon)``; ``raw['distance_m']`` in metres."""
        point = Point(query)
        nearest = self.gazetteer.nearest(point.latitude, point.longitude, kinds=REVERSE_KINDS,
                                         limit=1 if exactly_one else limit)
        locations = []
        for entry, distance in nearest:
            match = Match(entry, 100.0, entry.name, "reverse")
            location = to_location(match, [match])
            location.raw["distance_m"] = round(distance, 1)
            locations.append(location)
        if not locations:
            return None
        return locations[0] if exactly_one else locations
