"""A geopy geocoder backed by the shipped gazetteer: no network, ever."""

from __future__ import annotations

from typing import Any

from geopy.adapters import BaseAsyncAdapter
from geopy.distance import geodesic
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import PlaceNotFound
from geo.gazetteer import Gazetteer, Match, load_gazetteer
from geo.geocoding.hierarchy import address_of, narrow, split_qualifiers

__all__ = ("DEFAULT_MAX_DISTANCE_KM", "OfflineGazetteer")

REVERSE_KINDS = frozenset({"city", "town", "village", "district"})
# Beyond this a "nearest town" is no answer: a point in the sea or on another continent
# gets None, as an online geocoder would give. 50 km is wider than any county of the
# region, so a point anywhere in a county still gets its nearest town.
DEFAULT_MAX_DISTANCE_KM = 50.0
OFFLINE_USER_AGENT = "lockdown-map-offline"
# The nearest entries by the gazetteer's fast planar distance, then measured again on
# the ellipsoid: enough to survive UTM distortion far from zone 52N.
_REVERSE_POOL = 8


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


class OfflineGazetteer(Geocoder):
    """Geocoder over Lockdown Map's regional gazetteer (GeoNames + authored records).

    Registered with geopy as the ``"lockdown-map"`` service (see
    :mod:`geo.geocoding.service`), so it works wherever geopy takes a provider::

        >>> import geopandas, geo.geocoding
        >>> geopandas.tools.geocode(["Hyesan, North Korea"], provider="lockdown-map")

    It never opens a connection; the network arguments are accepted so that code
    written for any geopy geocoder runs unchanged.

    :param gazetteer: The gazetteer to search; the shipped one by default.

    :param bool fuzzy: Fall back to an edit-distance search when no spelling of the
        name matches exactly (after folding case, breves, apostrophes and suffixes).

    :param float max_distance_km: :meth:`reverse` answers ``None`` when the nearest
        place is farther than this, in kilometres (``None``: no limit).

    :param str scheme: See :attr:`geopy.geocoders.options.default_scheme`; unused.

    :param int timeout: See :attr:`geopy.geocoders.options.default_timeout`; unused,
        an answer never waits on the network.

    :param dict proxies: See :attr:`geopy.geocoders.options.default_proxies`; unused.

    :param str user_agent: See :attr:`geopy.geocoders.options.default_user_agent`.

    :type ssl_context: :class:`ssl.SSLContext`
    :param ssl_context: See :attr:`geopy.geocoders.options.default_ssl_context`; unused.

    :param callable adapter_factory: See
        :attr:`geopy.geocoders.options.default_adapter_factory`. With an asynchronous
        adapter, :meth:`geocode` and :meth:`reverse` return coroutines, as every
        geopy geocoder does.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, fuzzy: bool = True,
                 max_distance_km: float | None = DEFAULT_MAX_DISTANCE_KM,
                 scheme: str | None = None, timeout: Any = DEFAULT_SENTINEL,
                 proxies: Any = DEFAULT_SENTINEL, user_agent: str | None = None,
                 ssl_context: Any = DEFAULT_SENTINEL, adapter_factory: Any = None):
        super().__init__(scheme=scheme, timeout=timeout, proxies=proxies,
                         user_agent=user_agent or OFFLINE_USER_AGENT,
                         ssl_context=ssl_context, adapter_factory=adapter_factory)
        self.gazetteer = gazetteer or load_gazetteer()
        self.fuzzy = fuzzy
        if max_distance_km is not None and not max_distance_km > 0:
            raise ValueError(f"max_distance_km must be a positive number of kilometres or "
                             f"None, got {max_distance_km!r}")
        self.max_distance_km = max_distance_km

    def _deliver(self, result: Any) -> Any:
        # geopy's contract: with an async adapter every method returns an awaitable.
        if isinstance(self.adapter, BaseAsyncAdapter):
            async def answer() -> Any:
                return result
            return answer()
        return result

    def _location(self, match: Match, candidates: list[Match]) -> Location:
        entry = match.entry
        return Location(address_of(self.gazetteer, entry), (entry.lat, entry.lon),
                        match_raw(match, candidates))

    def candidates(self, query: str) -> list[Match]:
        """Every match for ``query``, best first (empty when none).

        A query with commas is a place followed by the regions it lies in, nearest
        first as in an address: ``"Hyesan, Ryanggang, North Korea"``. Each trailing
        part (a province, county or country, by any of its names, or an ISO code such
        as ``KP``) keeps only the candidates inside it; a part that names no known
        region matches nothing.
        """
        head, qualifiers = split_qualifiers(query) if "," in query else (query, [])
        try:
            matches = self.gazetteer.lookup(head, fuzzy=self.fuzzy)
        except PlaceNotFound:
            return []
        return narrow(self.gazetteer, matches, qualifiers) if qualifiers else matches

    def geocode(self, query: str, *, exactly_one: bool = True,
                timeout: Any = DEFAULT_SENTINEL,
                limit: int | None = None) -> Location | list[Location] | None:
        """Return a location point by name.

        :param str query: The place name, in any spelling the gazetteer knows, optionally
            followed by its province and/or country: ``"Hyesan, North Korea"``.

        :param bool exactly_one: Return one result or a list of results, if available.
            Several results mean the name is ambiguous (Hyesan the city, Hyesan-si the
            county-level city, Hyesan-dong); ``raw["ambiguous"]`` says so either way.

        :param int timeout: Accepted for geopy compatibility; no request is made.

        :param int limit: Maximum number of results with ``exactly_one=False``.

        :rtype: ``None``, :class:`geopy.location.Location` or a list of them, if
            ``exactly_one=False``. ``raw`` carries the gazetteer id, kind, country,
            precision, match score and matched alias.

        :raises geo.errors.InvalidQuery: (a ``ValueError``) for an empty, wordless or
            overlong query.
        """
        _check_limit(limit)
        matches = self.candidates(query)
        if not matches:
            return self._deliver(None)
        if exactly_one:
            return self._deliver(self._location(matches[0], matches))
        chosen = matches[:limit] if limit else matches
        return self._deliver([self._location(m, matches) for m in chosen])

    def reverse(self, query: Any, *, exactly_one: bool = True,
                timeout: Any = DEFAULT_SENTINEL, limit: int | None = None,
                max_distance_km: Any = DEFAULT_SENTINEL) -> Location | list[Location] | None:
        """Return the nearest populated place(s) to a point.

        :param query: The coordinates for which you wish to obtain the closest places.
        :type query: :class:`geopy.point.Point`, list or tuple of ``(latitude,
            longitude)``, or string as ``"%(latitude)s, %(longitude)s"``.

        :param bool exactly_one: Return one result or a list of results, if available.

        :param int timeout: Accepted for geopy compatibility; no request is made.

        :param int limit: Maximum number of results with ``exactly_one=False``
            (5 by default).

        :param float max_distance_km: Override the geocoder's cut-off for this call
            (``None``: no limit).

        :rtype: ``None`` (nothing within the cut-off), :class:`geopy.location.Location`
            or a list of them, nearest first; ``raw["distance_m"]`` is the geodesic
            distance in metres.
        """
        _check_limit(limit)
        point = Point(query)
        cut_off = self.max_distance_km if max_distance_km is DEFAULT_SENTINEL else max_distance_km
        wanted = 1 if exactly_one else (limit or 5)
        pool = self.gazetteer.nearest(point.latitude, point.longitude, kinds=REVERSE_KINDS,
                                      limit=wanted + _REVERSE_POOL)
        measured = sorted(
            ((entry, geodesic((point.latitude, point.longitude), (entry.lat, entry.lon)).m)
             for entry, _ in pool), key=lambda pair: pair[1])
        locations = []
        for entry, distance in measured[:wanted]:
            if cut_off is not None and distance > cut_off * 1000:
                break
            match = Match(entry, 100.0, entry.name, "reverse")
            location = self._location(match, [match])
            location.raw["distance_m"] = round(distance, 1)
            locations.append(location)
        if not locations:
            return self._deliver(None)
        return self._deliver(locations[0] if exactly_one else locations)


def _check_limit(limit: object) -> None:
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool)
                              or limit < 1):
        raise ValueError(f"limit must be a positive whole number or None, got {limit!r}")
