"""The legend (what each style means) and the caption (which data, which day)."""

from __future__ import annotations

import datetime as dt

from geo.maps.controls import HtmlControl
from geo.maps.popups import e
from geo.maps.styles import (
    APPROXIMATE_DASH,
    BORDER_STYLE,
    INCIDENT_STYLE,
    RIVER_STYLE,
    STATUS_ORDER,
    zone_style,
)
from geo.model import Dataset


def _swatch(style: dict[str, object], dash: str | None = None) -> str:
    dash_attr = f" stroke-dasharray='{dash}'" if dash else ""
    return (f"<svg width='28' height='16' aria-hidden='true'><rect x='2' y='2' width='24' "
            f"height='12' fill='{style['fillColor']}' fill-opacity='{style['fillOpacity']}' "
            f"stroke='{style['color']}' stroke-width='2'{dash_attr}/></svg>")


def _line(style: dict[str, object]) -> str:
    dash = style.get("dashArray")
    dash_attr = f" stroke-dasharray='{dash}'" if dash else ""
    return (f"<svg width='28' height='16' aria-hidden='true'><line x1='1' y1='8' x2='27' y2='8' "
            f"stroke='{style['color']}' stroke-width='{style['weight']}'{dash_attr}/></svg>")


def legend_html() -> str:
    """The legend's HTML: one row per zone status, then the other symbols."""
    # A <details>, open by default: it folds to a "Legend" button (in the Tab order) on a
    # small map, a phone or the dashboard's column (geo.maps.reader).
    rows = ["<details class='lm-legend-fold' open><summary>Legend</summary>",
            "<h4>Lockdown zones</h4>"]
    for status in STATUS_ORDER:
        label = status.value[0].upper() + status.value[1:]
        rows.append(f"<div class='lm-row lm-legend-{zone_style(status)['className'].split()[-1]}'>"
                    f"{_swatch(zone_style(status))}<span>{e(label)}</span></div>")
    grey = {"fillColor": "#ffffff", "fillOpacity": 0, "color": "#444444"}
    rows.append(f"<div class='lm-row lm-legend-approximate'>{_swatch(grey, APPROXIMATE_DASH)}"
                "<span>Dashed outline: approximate geometry</span></div>")
    rows.append("<div class='lm-row lm-legend-incident'><svg width='28' height='16' "
                "aria-hidden='true'><circle cx='14' cy='8' r='6' "
                f"fill='{INCIDENT_STYLE['fillColor']}'"
                " stroke='#fff' stroke-width='2'/></svg><span>Incident (crossing, arrest…)"
                "</span></div>")
    rows.append(f"<div class='lm-row'>{_line(RIVER_STYLE)}<span>River (Yalu/Amnok)</span></div>")
    rows.append(f"<div class='lm-row'>{_line(BORDER_STYLE)}<span>International border</span>"
                "</div>")
    rows.append("<div class='lm-row'><svg width='28' height='16' aria-hidden='true'><circle "
                "cx='14' cy='8' r='4' fill='#fff' stroke='#333' stroke-width='1.5'/></svg>"
                "<span>Town (Chinese side in <i>italics</i>)</span></div>")
    rows.append("</details>")
    return "".join(rows)


def legend(position: str = "topright") -> HtmlControl:
    return HtmlControl(legend_html(), position=position, css_class="lm-box lm-legend")


def caption_html(dataset: Dataset, day: dt.date | None, note: str | None = None) -> str:
    """Which dataset, which version, which day; ``note`` (plain text) says what is missing."""
    info = dataset.info
    shown = day.isoformat() if day else "no day"
    parts = [f"<h4>{e(info.name)}</h4>",
             f"<div>Dataset version {e(info.version)} · showing "
             f"<span class='lm-day' data-day='{e(shown)}'>{e(shown)}</span></div>"]
    if note:
        parts.append(f"<div class='lm-note'>{e(note)}</div>")
    return "".join(parts)


def caption(dataset: Dataset, day: dt.date | None, note: str | None = None,
            position: str = "topleft") -> HtmlControl:
    return HtmlControl(caption_html(dataset, day, note), position=position,
                       css_class="lm-box lm-caption")
