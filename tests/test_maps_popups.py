"""Popup and tooltip HTML: content from geo.describe, escaping, safe links."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.describe import describe_lockdown
from geo.maps.popups import link, lockdown_popup, safe_url, status_text

MARKETS = ("Accordingly, the order suspended travel permits for Kimhyongjik County, banned "
           "vehicles and persons from entering the town, and closed markets.")


@pytest.fixture(scope="module")
def popup(seed):
    summary = describe_lockdown(seed, seed.lockdowns[0], dt.date(2021, 11, 25))
    return lockdown_popup(summary, approximate=True, method="county outline from a sketch",
                          status=status_text(summary.status, dt.date(2021, 11, 25)))


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
