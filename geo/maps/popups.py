"""Popup and tooltip HTML for zones and incidents, built from :mod:`geo.describe`.

Every piece of text from the data goes through :func:`html.escape`; only
http(s) URLs become links, and they open with ``rel="noopener noreferrer"``.
The result is inserted by Leaflet as HTML, so nothing here may pass data through
unescaped.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from html import escape
from urllib.parse import urlsplit

from geo.describe import (
    Quote,
    ReportQuotes,
    ZoneHistory,
    ZoneLockdown,
)
from geo.maps.styles import StyleClass
from geo.timeline import ZoneStatus

LOCATION_PRECISION = {
    1: "the named place itself",
    2: "near a town or part of a region",
    3: "only the region is known",
}


def e(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return _escape_text("" if value is None else str(value))


@functools.lru_cache(maxsize=65536)
def _escape_text(text: str) -> str:
    return escape(text, quote=True)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (no javascript:, data:, ...)."""
    if not url:
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def link(url: str | None, text: str) -> str:
    """An escaped link for http(s) URLs; plain escaped text (with the URL) otherwise."""
    good = safe_url(url)
    if good is None:
        return e(text) + (f" <span class='lm-badurl'>({e(url)})</span>" if url else "")
    return (f"<a href=\"{e(good)}\" target=\"_blank\" rel=\"noopener noreferrer\">"
            f"{e(text)}</a>")


def quote_html(quote: Quote) -> str:
    source = f"{quote.outlet}, {quote.language}" if quote.outlet else quote.report_id
    return (f"<blockquote class='lm-quote' lang=\"{e(quote.language)}\">“{e(quote.text)}”"
            f"<footer>— {link(quote.url, source)}</footer></blockquote>")


def quotes_html(quotes: Iterable[Quote]) -> str:
    return "".join(quote_html(q) for q in quotes)


def status_text(status: ZoneStatus, day: dt.date | None) -> str:
    """'In force on 2021-11-25' as escaped HTML."""
    label = ZoneStatus(status).value
    when = f" on {day.isoformat()}" if day else ""
    return f"<span class='lm-status'>{e(label[0].upper() + label[1:])}</span>{e(when)}"


@functools.lru_cache(maxsize=4096)
def _quotes_html(quotes: tuple[Quote, ...]) -> str:
    return quotes_html(quotes)


# --- a zone's whole history --------------------------------------------------------------

def row_slot(row: int) -> str:
    """Where the popup script puts the status on the day of the store's row ``row``
    (markup that escaped data can never contain)."""
    return f"<span class='lm-status-slot' data-row='{int(row)}'></span>"


def now_html(status: ZoneStatus, html: str) -> str:
    """A lockdown's status on the day (``html`` from :func:`status_text`), marked with the
    status so a lockdown in force stands out in a zone's history."""
    return f"<span class='lm-now lm-now-{StyleClass(ZoneStatus(status), False).key}'>{html}</span>"


def reports_html(reports: Iterable[ReportQuotes]) -> str:
    """Each report (link, outlet, language) with every sentence quoted from it."""
    parts = ["<ul class='lm-reports'>"]
    for r in reports:
        parts.append(f"<li>{link(r.url, r.title or r.report_id)} "
                     f"<span class='lm-outlet'>({e(r.outlet)}, {e(r.language)})</span>")
        parts += [f"<blockquote class='lm-quote' lang=\"{e(r.language)}\">“{e(text)}”"
                  "</blockquote>" for text in r.quotes]
        parts.append("</li>")
    parts.append("</ul>")
    return "".join(parts)


def section_head(item: ZoneLockdown) -> str:
    """How one lockdown's section of a zone's history opens: marked, for an order on a
    place containing the zone, with what it was ("Under the nationwide order of May 2022")."""
    s = item.summary
    if not item.under:
        return f"<section class='lm-lockdown' data-lockdown=\"{e(s.lockdown_id)}\">"
    return (f"<section class='lm-lockdown lm-under' data-lockdown=\"{e(s.lockdown_id)}\">"
            f"<div class='lm-under-note'>{e(item.under)}: {e(s.zone_name)}</div>")


def section_body(item: ZoneLockdown, status: str) -> list[str]:
    """The rest of one lockdown's section: its period, ``status`` (HTML: the day's status
    or, in a store, a slot for it), scope, dates, disagreements, measures, trigger,
    precision notes and every report with its quotes."""
    s = item.summary
    # The status is a part of its own: a store puts the day's status there.
    parts = [f"<h5 class='lm-period'>{e(item.period)}</h5>", "<div class='lm-state'>", status,
             "</div>"]
    if s.scope:
        parts.append(f"<div class='lm-scope'>Scope: {e(s.scope)}</div>")
    parts.append("<table class='lm-dates'>")
    for fact in s.dates:
        words = f" <span class='lm-words'>“{e(fact.words)}”</span>" if fact.words else ""
        parts.append(f"<tr><th>{e(fact.label)}</th><td>{e(fact.value)}{words}</td></tr>")
    parts.append("</table>")
    for line in s.disagreements:
        bounds = f" (between {e(line.bounds[0])} and {e(line.bounds[1])})" if line.bounds else ""
        parts.append(f"<div class='lm-disagree'><h5>Sources disagree: {e(line.label.lower())}"
                     f"{bounds}</h5><div>The map uses {e(line.uses)}: {e(line.reason)}.</div>"
                     "<ul>")
        for value in line.values:
            parts += [f"<li><b>{e(value.value)}</b>", _quotes_html(value.quotes), "</li>"]
        parts.append("</ul></div>")
    if s.measures:
        parts.append("<div class='lm-measures'>Measures: " + "; ".join(
            f"<b>{e(m.label)}</b> <span class='lm-oxcgrt'>[{e(m.oxcgrt)}; {e(m.scope)}]</span>"
            for m in s.measures) + "</div>")
    if s.trigger is not None:
        t = s.trigger
        parts.append(f"<div class='lm-trigger'>Trigger: {e(t.kind)}, {e(t.when)}, "
                     f"{e(t.place)}: {e(t.description)}</div>")
    if s.precision_notes:
        parts.append("<ul class='lm-notes'>"
                     + "".join(f"<li>{e(n)}</li>" for n in s.precision_notes) + "</ul>")
    parts.append(f"<div class='lm-reports-head'>Reports ({len(item.reports)})</div>")
    parts.append(_reports_html(item.reports))
    parts.append("</section>")
    return parts


def history_head(zone_name: str, other_names: Iterable[str], own: int, wider: int, *,
                 approximate: bool = False, method: str | None = None) -> str:
    """How a zone's popup opens: its name, other names, how many lockdowns it has (``own``)
    and how many orders over a wider area cover it (``wider``), and, for an approximate
    outline, why."""
    parts = ["<div class='lm-popup lm-zone-popup lm-zone-history'>",
             f"<h4 class='lm-title'>{e(zone_name)}</h4>"]
    other_names = tuple(other_names)
    if other_names:
        parts.append("<div class='lm-aliases'>Also: " + ", ".join(e(n) for n in other_names)
                     + "</div>")
    count = f"{own} lockdown{'s' if own != 1 else ''} of this zone"
    if wider:
        count += f", {wider} over a wider area"
    parts.append(f"<div class='lm-history-count'>{e(count)}, in time order</div>")
    if approximate:
        note = method or "the zone's exact boundary is not known."
        parts.append(f"<div class='lm-approximate'>Approximate outline (dashed): {e(note)}</div>")
    return "".join(parts)


WIDER_HEAD = "<h5 class='lm-wider'>Orders over a wider area containing it</h5>"
HISTORY_END = "</div>"


def zone_history_parts(history: ZoneHistory, status: Callable[[ZoneLockdown], str], *,
                       approximate: bool = False, method: str | None = None) -> list[str]:
    """The popup of a zone: every lockdown of it in time order, then the orders on places
    containing it, each marked so ("Under the nationwide order of May 2022").
    ``status(item)`` gives each lockdown's status HTML. A map's store writes the same
    popup from shared pieces (:mod:`geo.maps.histories`)."""
    own, wider = history.lockdowns, history.containing
    parts = [history_head(history.zone_name, history.other_names, len(own), len(wider),
                          approximate=approximate, method=method)]
    for item in own:
        parts += [section_head(item), *section_body(item, status(item))]
    if wider:
        parts.append(WIDER_HEAD)
        for item in wider:
            parts += [section_head(item), *section_body(item, status(item))]
    parts.append(HISTORY_END)
    return parts


@functools.lru_cache(maxsize=4096)
def _reports_html(reports: tuple[ReportQuotes, ...]) -> str:
    return reports_html(reports)
