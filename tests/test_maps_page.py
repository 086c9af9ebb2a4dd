"""The exported page itself: its language, a zoomable viewport, the share fragment."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from map_fixtures import layers_for

from geo.export import map_html_bytes
from geo.maps.legend import legend_html
from geo.maps.page import finish_page
from geo.maps.share import share_fragment


@pytest.fixture(scope="module")
def html(seed) -> str:
    return map_html_bytes(seed, layers_for(seed), "2021-11-25").decode("utf-8")


def test_page_has_a_language_and_one_zoomable_viewport(html):
    assert re.search(r"<html lang=\"en\">", html)
    viewports = re.findall(r"<meta name=\"viewport\"[^>]*>", html)
    assert len(viewports) == 1
    assert "user-scalable=no" not in viewports[0] and "maximum-scale" not in viewports[0]


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html>\n<html>\n<head></head><body></body></html>",
    "<!DOCTYPE html>\n<html class='x'>\n<head>\n<meta name=\"viewport\" content=\"width=1,"
    "\n user-scalable=no\" /></head></html>",
])
def test_finish_page(page):
    done = finish_page(page)
    assert done.count('<html lang="en">') == 1
    assert done.count('name="viewport"') == 1 and "user-scalable=no" not in done


def test_finish_page_refuses_a_bad_language():
    with pytest.raises(ValueError, match="language"):
        finish_page("<html></html>", lang='en" onload="x')


def test_share_script_gets_zone_ids_as_json_and_legend_folds(html):
    assert '"zones":["kimhyongjik-2021-11"]' in html
    assert legend_html().startswith("<details class='lm-legend-fold' open><summary>Legend<")
    assert "lm-legend-fold" in html
    assert "Skip to the day slider" in html


@pytest.mark.parametrize(("day", "zone", "fragment"), [
    (dt.date(2021, 11, 25), "kimhyongjik-2021-11", "#date=2021-11-25&zone=kimhyongjik-2021-11"),
    (dt.date(2021, 11, 25), None, "#date=2021-11-25"),
    (None, "a b&c", "#zone=a%20b%26c"),
    (None, None, ""),
])
def test_share_fragment(day, zone, fragment):
    assert share_fragment(day, zone) == fragment
