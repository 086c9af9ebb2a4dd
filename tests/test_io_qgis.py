"""The GeoPackage in QGIS itself (Debian 12's QGIS 3.22 through python3-qgis): styles from
``layer_styles``, zones coloured by status on the still map and on every animation frame."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from geo.io import write_layers
from geo.layers import build_layers
from geo.maps.styles import INCIDENT_STYLE, RIVER_STYLE, zone_style
from geo.model import Certainty, When
from geo.timeline import ZoneStatus, state_of

SYSTEM_PYTHON = "/usr/bin/python3"
PROBE = Path(__file__).with_name("qgis_probe.py")
STILL_DAY = dt.date(2021, 11, 25)
DAYS = [dt.date(2021, 11, 17) + dt.timedelta(days=n) for n in range(30)]

pytestmark = pytest.mark.slow


def _has_qgis() -> bool:
    try:
        return subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True,
                              timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _silent(seed):
    """The founding lockdown as if no report gave its start or end: in force by Nov. 21
    (start not reported before), last reported Nov. 23 (no later report after)."""
    lockdown = seed.lockdowns[0]
    silent = dataclasses.replace(
        lockdown, ordered=When.unknown(), announced_end=When.unknown(),
        effective=When(Certainty.UNKNOWN, latest=dt.date(2021, 11, 21)))
    return dataclasses.replace(seed, lockdowns=(silent,), _index={})


@pytest.fixture(scope="module", params=["founding", "silent"])
def data(request, seed):
    return seed if request.param == "founding" else _silent(seed)


def _status(data, day) -> ZoneStatus:
    return state_of(data, data.lockdowns[0], day).status


@pytest.fixture(scope="module")
def qgis(data, tmp_path_factory) -> dict:
    if not _has_qgis():
        if os.environ.get("CI"):
            pytest.fail("python3-qgis is missing: .ci/run installs it")
        pytest.skip("QGIS's Python bindings not installed (apt-get install python3-qgis)")
    path = write_layers(data, build_layers(data), tmp_path_factory.mktemp("qgis") / "l.gpkg",
                        STILL_DAY)
    done = subprocess.run([SYSTEM_PYTHON, str(PROBE), str(path), *map(str, DAYS)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _blend(status: ZoneStatus) -> tuple[int, ...]:
    """The fill over white, as an opaque pixel."""
    style = zone_style(status)
    colour = style["fillColor"]
    alpha = float(style["fillOpacity"])
    return tuple(round(alpha * int(colour[i:i + 2], 16) + (1 - alpha) * 255) for i in (1, 3, 5))


def _close(hex_colour: str, rgb: tuple[int, ...]) -> bool:
    got = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= 3 for a, b in zip(got, rgb, strict=True))


def test_qgis_opens_every_layer_with_the_maps_style(qgis):
    for name, layer in qgis["layers"].items():
        assert layer["valid"] and layer["renderer"] == "RuleRenderer", name
    assert qgis["layers"]["rivers"]["colour"] == RIVER_STYLE["color"]
    assert qgis["layers"]["incidents"]["colour"] == INCIDENT_STYLE["fillColor"]
    assert qgis["layers"]["places"]["labels"]  # towns labelled, as on the map


def test_the_still_map_shows_the_files_day(data, qgis):
    assert _close(qgis["still"], _blend(_status(data, STILL_DAY)))


def test_every_frame_matches_one_rule_the_status_of_that_day(data, qgis):
    if data.lockdowns[0].announced_end.on is None:  # the silent case shows each status
        assert {_status(data, day) for day in DAYS} == {
            ZoneStatus.START_UNREPORTED, ZoneStatus.IN_FORCE, ZoneStatus.NO_LATER_REPORT}
    for day in DAYS:
        labels = qgis["rules"][day.isoformat()]
        status = _status(data, day)
        assert len(labels) == 1, (day, labels)
        assert labels[0].split(" (")[0].lower() == status.value, day


def test_the_animation_recolours_the_zone_as_opened(data, qgis):
    # QGIS resets a layer's temporal switch on opening, but guesses period_start/period_end.
    assert (qgis["temporal_as_opened"]["start"], qgis["temporal_as_opened"]["end"]) == (
        "period_start", "period_end")
    for day in DAYS:
        status = _status(data, day)
        assert _close(qgis["frames"][day.isoformat()], _blend(status)), (day, status)


def test_with_its_stored_temporal_settings_the_zone_shows_only_once_in_force(data, qgis):
    assert qgis["temporal_styled"] == {"active": True, "mode": 2, "start": "period_start",
                                       "end": "period_end"}
    for day in DAYS:
        colour = qgis["frames_styled"][day.isoformat()]
        status = _status(data, day)
        if status in (ZoneStatus.NOT_YET, ZoneStatus.START_UNREPORTED):  # before period_start
            assert colour == "#ffffff", day
        else:
            assert _close(colour, _blend(status)), (day, status)
