"""A folium map as one HTML file: self-contained (every JS/CSS inline) by default.

:func:`export_map` checks the output path before any work and writes through a
temporary file, so a failure never leaves a half-written map. :func:`map_html_bytes`
gives the same bytes for the dashboard's download button. :func:`use_inline_assets`
(re-exported from :mod:`geo.maps.assets`) makes a map render offline inside
``st_folium``: call it on the map (and nothing else) before ``st_folium(m, ...)``.
"""

from __future__ import annotations

import datetime as dt
import os
from html import escape
from pathlib import Path
from typing import Any

import folium

from geo.atomic import check_writable, write_atomic
from geo.maps.assets import use_cdn_assets, use_inline_assets
from geo.maps.builder import Day, build_map, resolve_day
from geo.maps.page import finish_page
from geo.maps.raw import Raw
from geo.model import Dataset

__all__ = [
    "export_map",
    "map_html_bytes",
    "map_title",
    "render_html",
    "use_cdn_assets",
    "use_inline_assets",
]


def map_title(dataset: Dataset, day: dt.date | dt.datetime | None) -> str:
    """'Lockdown Map — <dataset> (version …) — 2021-11-25' (plain text)."""
    shown = day.isoformat() if day is not None else "no day"
    if isinstance(day, dt.datetime):
        shown = day.isoformat(sep=" ", timespec="minutes")
    return f"Lockdown Map — {dataset.info.name} (version {dataset.info.version}) — {shown}"


def render_html(m: folium.Map, *, inline: bool = True, title: str = "Lockdown Map",
                meta: dict[str, str] | None = None) -> str:
    """The full HTML page of ``m``.

    ``inline=True`` puts every JS/CSS asset in the page (data: URIs), so it opens
    with no network; ``inline=False`` loads them from CDNs (a small page). ``title``
    and ``meta`` values are plain text; they are escaped here.
    """
    if inline:
        use_inline_assets(m)
    else:
        use_cdn_assets(m)
    figure = m.get_root()
    figure.title = escape(title)
    for name, content in (meta or {}).items():
        figure.header.add_child(
            Raw(f'<meta name="{escape(name)}" content="{escape(str(content))}" />'),
            name="lm_meta_" + "".join(c if c.isalnum() else "_" for c in name))
    return finish_page(figure.render())


def _page(dataset: Dataset, layers: dict[str, Any], day: Day, inline: bool,
          span: tuple[dt.date, dt.date] | None = None) -> str:
    moment = resolve_day(dataset, day)
    m = build_map(dataset, layers, moment, span=span)
    shown = moment.isoformat() if moment is not None else ""
    meta = {
        "generator": "Lockdown Map",
        "lockdown-map:dataset": dataset.info.name,
        "lockdown-map:version": dataset.info.version,
        "lockdown-map:day": shown,
        "lockdown-map:assets": "inline" if inline else "cdn",
    }
    return render_html(m, inline=inline, title=map_title(dataset, moment), meta=meta)


def map_html_bytes(dataset: Dataset, layers: dict[str, Any], day: Day, *,
                   inline: bool = True, span: tuple[dt.date, dt.date] | None = None) -> bytes:
    """The exported page as UTF-8 bytes, e.g. for ``st.download_button``; its slider
    plays ``span`` (default: the dataset's whole span)."""
    return _page(dataset, layers, day, inline, span).encode("utf-8")


def export_map(dataset: Dataset, layers: dict[str, Any], day: Day,
               path: str | os.PathLike[str], *, inline: bool = True,
               span: tuple[dt.date, dt.date] | None = None) -> Path:
    """Write the map for ``day`` to ``path`` as one HTML file and return the path.

    The path is checked before the map is built (ExportError if it cannot be
    written); the file appears whole or not at all.
    """
    target = check_writable(path)
    data = map_html_bytes(dataset, layers, day, inline=inline, span=span)
    return write_atomic(target, data)


def external_assets(html: str) -> list[str]:
    """http(s) URLs the page would load as scripts or stylesheets (empty when self-contained)."""
    import re

    pattern = r'<(?:script[^>]*\bsrc|link[^>]*\bhref)\s*=\s*["\']?(https?:[^"\'\s>]+)'
    return re.findall(pattern, html, flags=re.IGNORECASE)


