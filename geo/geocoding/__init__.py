"""geopy-style geocoders: the offline gazetteer and an optional, cached online layer."""

from geo.geocoding.cache import DiskCache, default_cache_path
from geo.geocoding.gazetteer import OfflineGazetteer
from geo.geocoding.online import USER_AGENT, LayeredGeocoder

__all__ = ["USER_AGENT", "DiskCache", "LayeredGeocoder", "OfflineGazetteer",
           "default_cache_path"]
