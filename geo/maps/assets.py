"""Which JavaScript/CSS a map loads, and inline copies of them for offline use.

folium points every asset at a CDN, so offline a page is blank (``L is not
defined``). ``offlinefolium`` ships the same files; :func:`use_inline_assets`
swaps a map's asset lists for ``data:`` URIs of those copies. folium renders a
``data:`` URI exactly like a URL, and streamlit-folium loads the same lists, so
one swap serves both the exported file and ``st_folium``.

Lockdown Map draws no Bootstrap widgets, awesome-marker icons or jQuery-based
popups, so :func:`trim_assets` drops those from the map (~0.5 MB inline).
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Iterator
from typing import Any

from branca.element import Element

from geo.errors import ExportError

LEAFLET_JS = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
LEAFLET_CSS = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")
TIMELINE_JS = ("timeline",
               "https://cdn.jsdelivr.net/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js")

_MIME = {"js": "text/javascript", "css": "text/css"}


@functools.cache
def _inline_table() -> dict[str, str]:
    # offlinefolium keeps its copies in a private dict keyed by the CDN URL.
    from offlinefolium.elements import _res

    return dict(_res)


@functools.cache
def data_uri(url: str, kind: str) -> str:
    """The ``data:`` URI of the bundled copy of ``url``; ExportError if none is bundled."""
    table = _inline_table()
    if url not in table:
        raise ExportError(f"no offline copy of {url}; the map cannot be made self-contained")
    payload = base64.b64encode(table[url].encode("utf-8")).decode("ascii")
    uri = f"data:{_MIME[kind]};charset=utf-8;base64,{payload}"
    _ORIGINALS[uri] = url
    return uri


_ORIGINALS: dict[str, str] = {}


def walk(element: Element) -> Iterator[Element]:
    """The element and every descendant."""
    yield element
    for child in list(getattr(element, "_children", {}).values()):
        yield from walk(child)


def _swap(element: Any, attr: str, convert: Any) -> None:
    entries = getattr(element, attr, None)
    if not entries:
        return
    # An instance attribute, so folium's class-level lists are never changed.
    setattr(element, attr, [(name, convert(url)) for name, url in entries])


def use_inline_assets(m: Element) -> Element:
    """Make ``m`` (a folium Map, or any element) load every JS/CSS asset from inline copies.

    Call it on a map before ``st_folium(m, ...)`` or before rendering, and the page
    needs no network. Returns ``m``. Raises ExportError if an asset has no offline copy.
    """
    for element in walk(m):
        _swap(element, "default_js",
              lambda url: url if url.startswith("data:") else data_uri(url, "js"))
        _swap(element, "default_css",
              lambda url: url if url.startswith("data:") else data_uri(url, "css"))
    return m


def use_cdn_assets(m: Element) -> Element:
    """Undo :func:`use_inline_assets`: load assets from their CDN URLs (a small page)."""
    for element in walk(m):
        for attr in ("default_js", "default_css"):
            _swap(element, attr, lambda url: _ORIGINALS.get(url, url))
    return m


def trim_assets(m: Element) -> Element:
    """Load only what Lockdown Map uses on the map itself: Leaflet's JS and CSS.

    jQuery, Bootstrap and the awesome-markers/Font Awesome files are left out:
    no element here uses them (popups are bound from GeoJSON properties).
    """
    m.default_js = [LEAFLET_JS]
    m.default_css = [LEAFLET_CSS]
    return m


def asset_urls(m: Element) -> list[str]:
    """Every asset URL (or data: URI) the map's elements will load, in order, deduplicated."""
    urls: dict[str, None] = {}
    for element in walk(m):
        for attr in ("default_js", "default_css"):
            for _, url in getattr(element, attr, None) or []:
                urls[url] = None
    return list(urls)
