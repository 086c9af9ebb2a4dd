"""geopy-style geocoders: the offline gazetteer and an optional, cached online layer.

Importing this package registers them with geopy as the services ``"lockdown-map"``
and ``"lockdown-map-layered"`` (:mod:`geo.geocoding.service`).
"""

from geo.geocoding.cache import DiskCache, default_cache_path
from geo.geocoding.gazetteer import DEFAULT_MAX_DISTANCE_KM, OfflineGazetteer
from geo.geocoding.hierarchy import address_of
from geo.geocoding.online import USER_AGENT, LayeredGeocoder
from geo.geocoding.service import SERVICES, register_services

register_services()

__all__ = ["DEFAULT_MAX_DISTANCE_KM", "SERVICES", "USER_AGENT", "DiskCache",
           "LayeredGeocoder", "OfflineGazetteer", "address_of", "default_cache_path",
           "register_services"]
