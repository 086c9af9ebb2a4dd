"""The page around the map: its language and a viewport that lets a phone zoom.

folium writes ``<html>`` with no language (screen readers then guess it from the
reader's settings) and a viewport meta with ``maximum-scale=1.0, user-scalable=no``,
which forbids pinch zoom: WCAG 1.4.4 asks that text can be enlarged. The map itself
still zooms with two fingers, as Leaflet handles those gestures inside it.
"""

from __future__ import annotations

import re

PAGE_LANG = "en"  # the interface; quotes carry their own lang (quote_html)
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'
_HTML_TAG = re.compile(r"<html(\s[^>]*)?>", re.IGNORECASE)
_VIEWPORT = re.compile(r"<meta\s+name=\"viewport\"[^>]*>", re.IGNORECASE)


def finish_page(html: str, lang: str = PAGE_LANG) -> str:
    """``html`` with ``<html lang=...>`` and a zoomable viewport (one of each)."""
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang):
        raise ValueError(f"not a BCP 47 language tag: {lang!r}")
    html = _HTML_TAG.sub(f'<html lang="{lang}">', html, count=1)
    html, found = _VIEWPORT.subn(VIEWPORT, html, count=1)
    if not found:
        html = html.replace("<head>", "<head>\n    " + VIEWPORT, 1)
    return html
