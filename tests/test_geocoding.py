"""The geopy geocoders: contract, offline answers, the optional online layer."""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner
from geopy.exc import GeocoderUnavailable
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.cli.places import geocode as geocode_cmd
from geo.errors import InvalidQuery
from geo.geocoding import DiskCache, LayeredGeocoder, OfflineGazetteer


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def geocoder():
    return OfflineGazetteer()


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


def test_geocode_returns_location_with_raw(geocoder):
    loc = geocoder.geocode("Huch'ang")
    assert isinstance(loc, Location)
    assert loc.latitude == pytest.approx(41.51, abs=0.01)
    assert loc.longitude == pytest.approx(127.27, abs=0.01)
    for field in ("id", "kind", "country", "precision", "score", "alias"):
        assert field in loc.raw
    assert loc.raw["id"].startswith("kp-kimhyongjik")


def test_hyesan_and_river(geocoder):
    loc = geocoder.geocode("Hyesan")
    assert (round(loc.latitude, 2), round(loc.longitude, 2)) == (41.40, 128.18)
    assert geocoder.geocode("Yalu River").raw["id"] == "yalu-river"
    assert geocoder.geocode("Amnok").raw["kind"] == "river"


def test_none_when_nothing_matches(geocoder):
    assert geocoder.geocode("Qwertyuiopzzz") is None


def test_exactly_one_false_gives_list(geocoder):
    locs = geocoder.geocode("Hyesan", exactly_one=False)
    assert isinstance(locs, list) and len(locs) >= 2
    assert all(isinstance(x, Location) for x in locs)
    assert locs[0].raw["ambiguous"] is True


def test_empty_query_raises(geocoder):
    with pytest.raises(InvalidQuery):
        geocoder.geocode("  ")


def test_reverse(geocoder):
    loc = geocoder.reverse((41.402, 128.178))
    assert loc.raw["id"] == "kp-hyesan" and loc.raw["distance_m"] < 200
    assert isinstance(geocoder.reverse("41.51, 127.27", exactly_one=False), list)


class FakeRemote:
    """Test double for Nominatim: answers or fails without any network."""

    def __init__(self, fail=False):
        self.fail, self.calls = fail, 0

    def geocode(self, query, **kwargs):
        self.calls += 1
        if self.fail:
            raise GeocoderUnavailable("network down")
        return Location("Somewhere, Far", (10.0, 20.0), {})


def test_online_is_off_by_default(tmp_path):
    remote = FakeRemote()
    layered = LayeredGeocoder(geocoder=remote, cache=DiskCache(tmp_path / "c.json"))
    assert layered.geocode("Nowhere Town Qq") is None
    assert remote.calls == 0


def test_online_used_only_when_offline_has_nothing_and_cached(tmp_path):
    remote = FakeRemote()
    cache = DiskCache(tmp_path / "c.json")
    layered = LayeredGeocoder(online=True, geocoder=remote, cache=cache, min_delay_seconds=0)
    assert layered.geocode("Hyesan").raw["id"] == "kp-hyesan"
    assert remote.calls == 0
    loc = layered.geocode("Nowhere Town Qq")
    assert (loc.latitude, loc.longitude) == (10.0, 20.0) and remote.calls == 1
    again = LayeredGeocoder(online=True, geocoder=remote, cache=DiskCache(tmp_path / "c.json"),
                            min_delay_seconds=0)
    assert again.geocode("Nowhere Town Qq").latitude == 10.0 and remote.calls == 1
    assert json.loads((tmp_path / "c.json").read_text())


def test_network_failure_never_breaks(tmp_path):
    layered = LayeredGeocoder(online=True, geocoder=FakeRemote(fail=True),
                              cache=DiskCache(tmp_path / "c.json"), min_delay_seconds=0)
    assert layered.geocode("Nowhere Town Qq") is None
    assert layered.geocode("Kimhyongjik").raw["id"].startswith("kp-kimhyongjik")


def test_cli_geocode_json():
    result = CliRunner().invoke(geocode_cmd, ["Huch'ang", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["id"].startswith("kp-kimhyongjik")
    assert data["lat"] == pytest.approx(41.51, abs=0.01)
    assert data["lon"] == pytest.approx(127.27, abs=0.01)
    for name in ("김형직군", "Gimhyeongjik-gun"):
        out = json.loads(CliRunner().invoke(geocode_cmd, [name, "--format", "json"]).output)
        assert out["id"] == "kp-kimhyongjik-county"


def test_cli_geocode_errors_are_one_line():
    result = CliRunner().invoke(geocode_cmd, ["Qwertyuiopzzz"])
    assert result.exit_code != 0
    assert "no place matches" in result.output and "Traceback" not in result.output
