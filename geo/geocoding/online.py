"""Optional online geocoding (Nominatim), layered under the offline gazetteer.

Off by default. When enabled it asks Nominatim only for what the gazetteer does not
know, at most one request a second (geopy's RateLimiter), with an explicit user agent,
and remembers answers on disk. Any network failure gives the offline answer (or None).
"""

from __future__ import annotations

import logging
from typing import Any

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import InvalidQuery
from geo.geocoding.cache import DiskCache
from geo.geocoding.gazetteer import OfflineGazetteer

log = logging.getLogger(__name__)
USER_AGENT = "lockdown-map/0.1 (offline-first research dashboard)"
ONLINE_SOURCE = "Nominatim (OpenStreetMap, ODbL)"


class LayeredGeocoder(Geocoder):
    """The offline gazetteer first; an online geocoder (if enabled) for what it lacks.

    :param bool online: Ask the online geocoder at all. Off by default: nothing
        leaves the machine unless this is ``True``.

    :param geocoder: The online geocoder (any geopy geocoder); Nominatim, built from
        the network arguments below, by default.

    :param cache: Where online answers are remembered (:class:`DiskCache`).

    :param offline: The offline layer; an :class:`OfflineGazetteer` by default.

    :param float min_delay_seconds: Least time between two online requests.

    :param str scheme: See :attr:`geopy.geocoders.options.default_scheme`.

    :param int timeout: See :attr:`geopy.geocoders.options.default_timeout`;
        10 seconds for the default Nominatim.

    :param dict proxies: See :attr:`geopy.geocoders.options.default_proxies`.

    :param str user_agent: Sent to the online service (Nominatim's policy requires one
        that names the application).

    :type ssl_context: :class:`ssl.SSLContext`
    :param ssl_context: See :attr:`geopy.geocoders.options.default_ssl_context`.

    :param callable adapter_factory: See
        :attr:`geopy.geocoders.options.default_adapter_factory`. Only synchronous
        adapters are supported.
    """

    def __init__(self, *, online: bool = False, geocoder: Any | None = None,
                 cache: DiskCache | None = None, offline: OfflineGazetteer | None = None,
                 min_delay_seconds: float = 1.0, scheme: str | None = None,
                 timeout: Any = DEFAULT_SENTINEL, proxies: Any = DEFAULT_SENTINEL,
                 user_agent: str | None = None, ssl_context: Any = DEFAULT_SENTINEL,
                 adapter_factory: Any = None):
        super().__init__(scheme=scheme, timeout=10 if timeout is DEFAULT_SENTINEL else timeout,
                         proxies=proxies, user_agent=user_agent or USER_AGENT,
                         ssl_context=ssl_context, adapter_factory=adapter_factory)
        self.offline = offline or OfflineGazetteer()
        self.online = online
        self.cache = cache if cache is not None else DiskCache()
        self._geocoder = geocoder
        self._network = {"scheme": scheme, "proxies": proxies, "ssl_context": ssl_context,
                         "adapter_factory": adapter_factory}
        self._min_delay = min_delay_seconds
        self._limited: RateLimiter | None = None

    def _remote(self) -> RateLimiter:
        """One rate limiter for every call, forward and reverse alike."""
        if self._limited is None:
            if self._geocoder is None:
                from geopy.geocoders import Nominatim

                self._geocoder = Nominatim(user_agent=self.headers["User-Agent"],
                                           timeout=self.timeout, **self._network)
            self._limited = RateLimiter(lambda call, *args, **kwargs: call(*args, **kwargs),
                                        min_delay_seconds=self._min_delay,
                                        max_retries=1, swallow_exceptions=False)
        return self._limited

    def _ask(self, cache_key: str, method: str, query: Any, **kwargs: Any) -> list[Location]:
        """Cached or fetched online answers (a list, maybe empty); [] on any failure."""
        if cache_key in self.cache:
            return _from_cache(self.cache.get(cache_key))
        limited = self._remote()
        try:
            answer = limited(getattr(self._geocoder, method), query, exactly_one=False,
                             **kwargs)
        except (GeopyError, OSError, ValueError) as exc:
            # Why: a dead network must never break the dashboard; report and carry on.
            log.warning("online geocoding of %r failed: %s", query, exc)
            return []
        records = [{"address": a.address, "lat": a.latitude, "lon": a.longitude,
                    "raw": {"source": ONLINE_SOURCE, "precision": 2, "online": True}}
                   for a in (answer or [])]
        self.cache.set(cache_key, records)
        return _from_cache(records)

    def geocode(self, query: str, *, exactly_one: bool = True,
                timeout: Any = DEFAULT_SENTINEL,
                limit: int | None = None) -> Location | list[Location] | None:
        """Return a location point by name: the offline answer if any, else (online
        enabled) the cached or fetched one, else ``None``.

        :param str query: The place name (see :meth:`OfflineGazetteer.geocode`).

        :param bool exactly_one: Return one result or a list of results, if available.

        :param int timeout: Seconds to wait for the online service, on this call only.

        :param int limit: Maximum number of results with ``exactly_one=False``.

        :rtype: ``None``, :class:`geopy.location.Location` or a list of them.
        """
        found = self.offline.geocode(query, exactly_one=exactly_one, limit=limit)
        if found is not None or not self.online:
            return found
        kwargs = {} if timeout is DEFAULT_SENTINEL else {"timeout": timeout}
        answers = self._ask(query.strip().casefold(), "geocode", query, **kwargs)
        return _pick(answers, exactly_one, limit)

    def reverse(self, query: Any, *, exactly_one: bool = True,
                timeout: Any = DEFAULT_SENTINEL,
                limit: int | None = None) -> Location | list[Location] | None:
        """Return the nearest place(s) to a point: the gazetteer's within its cut-off,
        else (online enabled) the online service's, else ``None``.

        :param query: ``(latitude, longitude)``, a :class:`geopy.point.Point` or
            ``"%(latitude)s, %(longitude)s"``.

        :param bool exactly_one: Return one result or a list of results, if available.

        :param int timeout: Seconds to wait for the online service, on this call only.

        :param int limit: Maximum number of results with ``exactly_one=False``.

        :rtype: ``None``, :class:`geopy.location.Location` or a list of them.
        """
        found = self.offline.reverse(query, exactly_one=exactly_one, limit=limit)
        if found is not None or not self.online:
            return found
        point = Point(query)
        kwargs = {} if timeout is DEFAULT_SENTINEL else {"timeout": timeout}
        key = f"reverse:{point.latitude:.5f},{point.longitude:.5f}"
        answers = self._ask(key, "reverse", (point.latitude, point.longitude), **kwargs)
        return _pick(answers, exactly_one, limit)


def _pick(answers: list[Location], exactly_one: bool,
          limit: int | None) -> Location | list[Location] | None:
    if not answers:
        return None
    if exactly_one:
        return answers[0]
    return answers[:limit] if limit else answers


def _from_cache(record: object) -> list[Location]:
    """Cached answers as Locations; a record from before lists were cached counts as one."""
    records = [record] if isinstance(record, dict) else record
    if not isinstance(records, list):
        return []
    locations = []
    for item in records:
        try:
            locations.append(Location(item["address"], (item["lat"], item["lon"]),
                                      item["raw"]))
        except (KeyError, TypeError, ValueError):
            continue
    return locations


__all__ = ["ONLINE_SOURCE", "USER_AGENT", "InvalidQuery", "LayeredGeocoder"]
