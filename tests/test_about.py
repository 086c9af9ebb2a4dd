"""The dashboard explains itself: the "About this data" words, the citation, the theme."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.state import ENV_VAR
from geo.about import (
    CERTAINTY_MEANINGS,
    LOCATION_PRECISION_MEANINGS,
    SOURCES,
    STATUS_MEANINGS,
    TIME_PRECISION_MEANINGS,
    citation,
    outlets,
)
from geo.charts import DAY_COLOUR, INCIDENT_COLOUR, STATUS_COLOURS, gantt_chart
from geo.model import Certainty, LocationPrecision, TimePrecision
from geo.timeline import ZoneStatus

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
# Streamlit's own backgrounds for its light and dark themes.
BACKGROUNDS = {"light": "#ffffff", "dark": "#0e1117"}


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_term_is_explained():
    assert set(STATUS_MEANINGS) == set(ZoneStatus)
    assert set(CERTAINTY_MEANINGS) == set(Certainty)
    assert set(TIME_PRECISION_MEANINGS) == set(TimePrecision)
    assert set(LOCATION_PRECISION_MEANINGS) == set(LocationPrecision)
    licences = {s.name: s.licence for s in SOURCES}
    assert "CC BY 4.0" in licences["GeoNames"]
    assert "public domain" in licences["Natural Earth"]
    assert "LGPL-3+" in licences["DCW-GMT"]


def test_citation_names_dataset_version_and_day(seed):
    text = citation(seed, dt.date(2026, 12, 1))
    assert seed.info.name in text and f"version {seed.info.version}" in text
    assert "Accessed 2026-12-01" in text
    names = [name for name, _ in outlets(seed)]
    assert names == sorted({r.outlet for r in seed.reports})


@pytest.mark.parametrize("colour", [*STATUS_COLOURS.values(), INCIDENT_COLOUR, DAY_COLOUR])
@pytest.mark.parametrize("theme", sorted(BACKGROUNDS))
def test_chart_colours_are_readable_in_both_themes(colour, theme):
    # WCAG 2.1 1.4.11: graphical objects need 3:1 against what is around them.
    assert contrast(colour, BACKGROUNDS[theme]) >= 3.0


def test_unconfirmed_bars_keep_a_full_outline(seed):
    spec = gantt_chart(seed, dt.date(2021, 11, 25)).to_dict()
    bars = spec["layer"][0]
    assert bars["mark"]["strokeWidth"] > 0 and bars["encoding"]["stroke"]["field"] == "status"
    assert "opacity" not in bars["encoding"]
    assert "fillOpacity" in bars["encoding"]


def test_no_forced_theme():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert "base" not in config.get("theme", {})


def test_about_tab(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["tab"] = "About"
    at.run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    for expected in ("announced end passed, lifting unconfirmed", "inferred", "CC BY 4.0",
                     "Natural Earth", "DCW-GMT", "Daily NK", "only the region is known"):
        assert expected in text, expected
    [code] = at.code
    assert "version 2021.11-1" in code.value
