"""Optional online geocoding (Nominatim), layered under the offline gazetteer.

Off by default. When enabled it asks Nominatim only for names the gazetteer does not
know, at most one request a second (geopy's RateLimiter), with an explicit user agent,
and remembers answers on disk. Any network failure gives the offline answer (or None).
"""

from __future__ import annotations

import logging

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geo.errors import InvalidQuery
from geo.geocoding.cache import DiskCache
from geo.geocoding.gazetteer import OfflineGazetteer

log = logging.getLogger(__name__)
USER_AGENT = "lockdown-map/0.1 (offline-first research dashboard)"


class LayeredGeocoder:
    """Offline gazetteer first; an online geocoder (if enabled) for what it lacks."""

    def __init__(self, *, online: bool = False, user_agent: str = USER_AGENT,
                 geocoder: object | None = None, cache: DiskCache | None = None,
                 offline: OfflineGazetteer | None = None, min_delay_seconds: float = 1.0):
        self.offline = offline or OfflineGazetteer()
        self.online = online
        self.cache = cache if cache is not None else DiskCache()
        self._geocoder = geocoder
        self._user_agent = user_agent
        self._min_delay = min_delay_seconds
        self._limited = None

    def _remote(self):
        if self._limited is None:
            if self._geocoder is None:
                from geopy.geocoders import Nominatim

                self._geocoder = Nominatim(user_agent=self._user_agent, timeout=10)
            self._limited = RateLimiter(self._geocoder.geocode,
                                        min_delay_seconds=self._min_delay,
                                        max_retries=1, swallow_exceptions=False)
        return self._limited

    def geocode(self, query: str) -> Location | None:
        """Offline answer if any; else (online enabled) the cached or fetched one; else None."""
        found = self.offline.geocode(query)
        if found is not None or not self.online:
            return found
        cache_key = query.strip().casefold()
        if cache_key in self.cache:
            return _from_cache(self.cache.get(cache_key))
        try:
            answer = self._remote()(query)
        except (GeopyError, OSError, ValueError) as exc:
            # Why: a dead network must never break the dashboard; report and carry on.
            log.warning("online geocoding of %r failed: %s", query, exc)
            return None
        if answer is None:
            self.cache.set(cache_key, None)
            return None
        record = {"address": answer.address, "lat": answer.latitude, "lon": answer.longitude,
                  "raw": {"source": "Nominatim (OpenStreetMap, ODbL)", "precision": 2,
                          "online": True}}
        self.cache.set(cache_key, record)
        return _from_cache(record)


def _from_cache(record: object) -> Location | None:
    if not isinstance(record, dict):
        return None
    try:
        return Location(record["address"], (record["lat"], record["lon"]), record["raw"])
    except (KeyError, TypeError, ValueError):
        return None


__all__ = ["USER_AGENT", "InvalidQuery", "LayeredGeocoder"]
