"""The geopy service names of Lockdown Map's geocoders.

geopy finds a geocoder by name in ``geopy.geocoders.SERVICE_TO_GEOCODER`` (what
:func:`geopy.geocoders.get_geocoder_for_service` and ``geopandas.tools.geocode(...,
provider="lockdown-map")`` read). geopy has no plug-in entry point, so importing
:mod:`geo.geocoding` adds the names there; an existing name is never replaced.
"""

from __future__ import annotations

from geopy import geocoders

from geo.geocoding.gazetteer import OfflineGazetteer
from geo.geocoding.online import LayeredGeocoder

SERVICES = {"lockdown-map": OfflineGazetteer, "lockdown-map-layered": LayeredGeocoder}


def register_services() -> None:
    """Make ``get_geocoder_for_service("lockdown-map")`` give :class:`OfflineGazetteer`
    (and ``"lockdown-map-layered"`` :class:`LayeredGeocoder`)."""
    for name, cls in SERVICES.items():
        geocoders.SERVICE_TO_GEOCODER.setdefault(name, cls)
