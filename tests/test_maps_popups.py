"""Popup and tooltip HTML: content from geo.describe, escaping, safe links."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.describe import describe_zone
from geo.maps.popups import link, now_html, safe_url, status_text, zone_history_parts

MARKETS = ("Accordingly, the order suspended travel permits for Kimhyongjik County, banned "
           "vehicles and persons from entering the town, and closed markets.")


def history_popup(dataset, zone, day, **options):
    """A zone's popup as the map shows it on ``day``: every lockdown's slot filled."""
    history = describe_zone(dataset, zone, day)
    html = "".join(zone_history_parts(
        history, lambda item: now_html(item.summary.status,
                                       status_text(item.summary.status, day)), **options))
    return history, html


@pytest.fixture(scope="module")
def popup(seed):
    return history_popup(seed, seed.lockdowns[0].zone, dt.date(2021, 11, 25), approximate=True,
                         method="county outline from a sketch")[1]


def test_popup_names_the_zone_and_its_other_names(popup):
    assert "<h4 class='lm-title'>Kimhyongjik County</h4>" in popup
    assert "Huchang County" in popup and "김형직군" in popup


def test_popup_gives_the_four_dates_in_order(popup):
    labels = ["Ordered", "In force from", "Announced end", "Actual end"]
    positions = [popup.index(f"<th>{label}</th>") for label in labels]
    assert positions == sorted(positions)
    assert "2021-11-19 10:00 (inferred)" in popup
    assert "2021-12-04 (inferred)" in popup
    assert "<th>Actual end</th><td>unconfirmed" in popup


def test_popup_status_on_the_day(popup):
    assert "In force</span> on 2021-11-25" in popup


def test_popup_measures_with_oxcgrt_code_and_level_and_the_markets_quote(popup):
    assert "Markets closed" in popup
    assert "C2 Workplace closing, level 2" in popup
    assert "C7 Restrictions on internal movement, level 2" in popup
    assert "no OxCGRT indicator" in popup  # enforcement patrols
    assert MARKETS in popup
    assert popup.count(MARKETS) == 1  # three measures share the quote: shown once


def test_popup_links_reports_safely(popup):
    assert ('<a href="https://www.dailynk.com/english/north-korea-puts-kimhyongjik-county-'
            'under-lockdown-amid-covid-19-fears/" target="_blank" rel="noopener noreferrer">'
            ) in popup


def test_popup_precision_and_approximation_notes(popup):
    assert "Approximate outline (dashed): county outline from a sketch" in popup
    assert "Actual end unconfirmed" in popup
    assert "is inferred" in popup


@pytest.mark.parametrize("url", ["javascript:alert(3)", " JavaScript:alert(3)",
                                 "data:text/html,<b>x</b>", "vbscript:x", "//evil.example/x",
                                 "ftp://example.org/x", "", None, "http://"])
def test_only_http_urls_become_links(url):
    assert safe_url(url) is None
    assert "<a " not in link(url, "report")


def test_link_escapes_text_and_url():
    html = link('https://example.org/?a=1&b="2"', "<b>title</b>")
    assert 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in html
    assert "&lt;b&gt;title&lt;/b&gt;" in html


def test_bad_url_is_shown_as_text():
    html = link("javascript:alert(3)", "report")
    assert "javascript:alert(3)" in html and "href" not in html


# --- a zone's whole history (the popup of every zone) -------------------------------------

@pytest.fixture(scope="module")
def hyesan():
    from geo.dataset import SEED_DATASET, load_dataset

    record = load_dataset(SEED_DATASET.with_name("record.yaml"))
    return history_popup(record, "kp-hyesan", dt.date(2022, 5, 20))


def test_history_popup_lists_every_lockdown_in_time_order_with_every_quote(hyesan):
    from html import escape

    history, html = hyesan
    sections = html.split("<section ")[1:]
    ids = [item.summary.lockdown_id for item in history.lockdowns + history.containing]
    assert len(sections) == len(ids) > 5
    for section, item in zip(sections, history.lockdowns + history.containing, strict=True):
        assert section.startswith(f"class='lm-lockdown{' lm-under' if item.under else ''}' "
                                  f"data-lockdown=\"{item.summary.lockdown_id}\"")
        assert f"<h5 class='lm-period'>{escape(item.period)}</h5>" in section
        for report in item.reports:
            assert f"({escape(report.outlet)}, {escape(report.language)})" in section
            for text in report.quotes:
                assert f"“{escape(text)}”" in section  # verbatim, escaped, in its lockdown
        for label in ("Ordered", "In force from", "Announced end", "Actual end"):
            assert f"<th>{label}</th>" in section


def test_history_popup_marks_wider_orders_and_the_status_on_the_day(hyesan):
    _, html = hyesan
    assert html.index("Orders over a wider area") < html.index(
        "Under the nationwide order of May 2022: North Korea")
    assert "<span class='lm-now lm-now-in-force'><span class='lm-status'>In force</span>" \
        " on 2022-05-20</span>" in html
    assert html.count("lm-now-in-force") == 1  # the nationwide order
    assert "5 lockdowns of this zone, 3 over a wider area, in time order" in html


def test_history_popup_links_reports_safely(hyesan):
    _, html = hyesan
    assert ('<a href="https://www.dailynk.com/english/locals-arrested-hyesan-violating-'
            'lockdown-orders/" target="_blank" rel="noopener noreferrer">') in html


def test_history_popup_escapes_report_text(seed):
    import dataclasses

    from geo.model import Evidence

    hostile = "<img src=x onerror=alert(1)> **bold** {{ 7*7 }}"
    report = dataclasses.replace(seed.reports[0], text=seed.reports[0].text + hostile,
                                 title="<b>title</b>", url="javascript:alert(2)")
    lockdown = dataclasses.replace(seed.lockdowns[0], evidence=(
        *seed.lockdowns[0].evidence, Evidence(report.id, hostile)))
    data = dataclasses.replace(seed, reports=(report, *seed.reports[1:]),
                               lockdowns=(lockdown,), _index={})
    _, html = history_popup(data, lockdown.zone, dt.date(2021, 11, 25))
    assert "<img" not in html and "<b>title" not in html and "javascript:alert(2)\"" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; **bold** {{ 7*7 }}" in html
    assert "href" not in html.split("&lt;b&gt;title&lt;/b&gt;")[0].rsplit("<li>", 1)[-1]


def test_a_long_history_popup_scrolls():
    from geo.maps.controls import MAP_CSS

    rule = MAP_CSS.split(".lm-popup {", 1)[1].split("}", 1)[0]
    assert "max-height" in rule and "overflow-y: auto" in rule
