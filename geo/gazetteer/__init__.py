"""Lockdown Map's offline gazetteer of the Yalu border region.

    >>> from geo.gazetteer import load_gazetteer
    >>> load_gazetteer().lookup("Huch'ang")[0].entry.id
    'kp-kimhyongjik-town'
"""

from geo.gazetteer.names import base_key, generate_aliases, key, mr_to_rr
from geo.gazetteer.store import DATA_DIR, Entry, Gazetteer, Match, load_gazetteer

__all__ = [
    "DATA_DIR", "Entry", "Gazetteer", "Match", "base_key", "generate_aliases", "key",
    "load_gazetteer", "mr_to_rr",
]
