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
        found = Location("Somewhere, Far", (10.0, 20.0), {})
        return found if kwargs.get("exactly_one", True) else [found]


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


# --- geopy's contract: what code written for any geopy geocoder expects --------------

GEOPY_ARGS = {"timeout": 5, "proxies": {"https": "http://127.0.0.1:9"}, "user_agent": "t/1",
              "ssl_context": None, "scheme": "https"}


@pytest.mark.parametrize("cls", [OfflineGazetteer, LayeredGeocoder])
def test_accepts_geopys_common_constructor_arguments(cls):
    from geopy.adapters import URLLibAdapter

    coder = cls(**GEOPY_ARGS, adapter_factory=URLLibAdapter)
    assert isinstance(coder, Geocoder)
    assert coder.timeout == 5 and coder.scheme == "https"
    assert coder.headers["User-Agent"] == "t/1"
    assert coder.geocode("Hyesan").raw["id"] == "kp-hyesan"


def test_registered_as_a_geopy_service():
    from geopy.geocoders import get_geocoder_for_service

    assert get_geocoder_for_service("lockdown-map") is OfflineGazetteer
    assert get_geocoder_for_service("lockdown-map-layered") is LayeredGeocoder


@pytest.mark.parametrize("provider", [OfflineGazetteer, "lockdown-map"])
def test_geopandas_geocode(provider):
    from geopandas.tools import geocode, reverse_geocode
    from shapely.geometry import Point

    frame = geocode(["Hyesan, North Korea", "Qwertyuiopzzz"], provider=provider, timeout=5)
    assert frame.loc[0, "address"] == "Hyesan, Ryanggang, North Korea"
    assert (round(frame.geometry[0].y, 2), round(frame.geometry[0].x, 2)) == (41.40, 128.18)
    assert frame.geometry[1].is_empty
    back = reverse_geocode([Point(128.178, 41.402), Point(-40.0, 30.0)], provider=provider)
    assert back.loc[0, "address"] == "Hyesan, Ryanggang, North Korea"
    assert back.address.isna().tolist() == [False, True]


@pytest.mark.parametrize(("query", "expected"), [
    ("Hyesan, North Korea", "kp-hyesan"),
    ("Hyesan, Ryanggang", "kp-hyesan"),
    ("Hyesan, Ryanggang Province, DPRK", "kp-hyesan"),
    ("hyesan , kp", "kp-hyesan"),
    ("Hyesan, 량강도", "kp-hyesan"),
    ("Huch'ang, Ryanggang", "kp-kimhyongjik-town"),
    ("Badaogou, China", "cn-badaogou"),
    ("Badaogou, Jilin", "cn-badaogou"),
    # A qualifier that the place is not in, or that names no known region, finds nothing.
    ("Hyesan, China", None),
    ("Badaogou, North Korea", None),
    ("Hyesan, Atlantis", None),
])
def test_trailing_province_or_country_narrows(geocoder, query, expected):
    found = geocoder.geocode(query)
    assert (found.raw["id"] if found else None) == expected


def test_qualifier_keeps_only_candidates_inside_it(geocoder):
    everywhere = geocoder.geocode("Hyesan", exactly_one=False)
    narrowed = geocoder.geocode("Hyesan, Ryanggang", exactly_one=False)
    assert {x.raw["id"] for x in narrowed} <= {x.raw["id"] for x in everywhere}
    assert all(x.raw["country"] == "KP" for x in narrowed)


@pytest.mark.parametrize(("query", "address"), [
    ("Hyesan", "Hyesan, Ryanggang, North Korea"),
    ("Ryanggang", "Ryanggang Province, North Korea"),
    ("North Korea", "North Korea"),
    ("Badaogou", "Badaogou, Jilin, China"),
    ("Pyongyang", "Pyongyang, North Korea"),  # the city in its capital city province
])
def test_address_is_hierarchical(geocoder, query, address):
    assert geocoder.geocode(query).address == address


def test_limit(geocoder):
    every = geocoder.geocode("Hyesan", exactly_one=False)
    assert len(every) >= 3
    two = geocoder.geocode("Hyesan", exactly_one=False, limit=2)
    assert [x.raw["id"] for x in two] == [x.raw["id"] for x in every[:2]]
    assert len(geocoder.reverse((41.40, 128.18), exactly_one=False, limit=3)) == 3
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="limit"):
            geocoder.geocode("Hyesan", exactly_one=False, limit=bad)


@pytest.mark.parametrize(("point", "found"), [
    ((30.0, -40.0), False),  # the Atlantic: was "Shixian, CN", 16,612 km away
    ((38.0, 131.5), False),  # the East Sea, ~150 km off the coast
    ((41.402, 128.178), True),
    ((41.2, 127.6), True),  # the hills between two county seats
])
def test_reverse_cut_off(geocoder, point, found):
    assert (geocoder.reverse(point) is not None) is found
    assert bool(geocoder.reverse(point, exactly_one=False)) is found


def test_reverse_cut_off_is_configurable(geocoder):
    far = (38.0, 131.5)
    assert geocoder.reverse(far, max_distance_km=None) is not None
    assert OfflineGazetteer(max_distance_km=None).reverse(far) is not None
    near = geocoder.reverse((41.5, 128.3))
    assert near.raw["distance_m"] > 1000
    assert geocoder.reverse((41.5, 128.3), max_distance_km=1) is None
    with pytest.raises(ValueError, match="max_distance_km"):
        OfflineGazetteer(max_distance_km=0)


def test_reverse_distance_is_geodesic(geocoder):
    from geopy.distance import geodesic

    found = geocoder.reverse((41.0, 128.0))
    expected = geodesic((41.0, 128.0), found.point[:2]).m
    assert found.raw["distance_m"] == pytest.approx(expected, abs=0.1)


def test_async_adapter_gives_coroutines():
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from geopy.adapters import BaseAsyncAdapter

    class NoNetworkAsync(BaseAsyncAdapter):
        async def get_json(self, url, *, timeout, headers):
            raise AssertionError("no request expected")

        async def get_text(self, url, *, timeout, headers):
            raise AssertionError("no request expected")

    def run(coroutine):
        # In a thread of its own: a browser test's event loop may be running in this one.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, coroutine).result()

    coder = OfflineGazetteer(adapter_factory=NoNetworkAsync)
    assert run(coder.geocode("Hyesan, North Korea")).raw["id"] == "kp-hyesan"
    assert run(coder.reverse((30.0, -40.0))) is None


class FakeRemoteReverse(FakeRemote):
    def reverse(self, query, **kwargs):
        self.calls += 1
        return [Location("Open sea", tuple(query), {})]


def test_layered_is_a_geopy_geocoder_with_exactly_one_and_reverse(tmp_path):
    remote = FakeRemoteReverse()
    layered = LayeredGeocoder(online=True, geocoder=remote, min_delay_seconds=0,
                              cache=DiskCache(tmp_path / "c.json"))
    assert isinstance(layered, Geocoder)
    two = layered.geocode("Hyesan", exactly_one=False, limit=2)
    assert len(two) == 2 and two[0].raw["id"] == "kp-hyesan"
    assert layered.reverse((41.402, 128.178)).raw["id"] == "kp-hyesan"
    assert remote.calls == 0
    sea = layered.reverse((30.0, -40.0), exactly_one=False)
    assert [x.address for x in sea] == ["Open sea"] and remote.calls == 1
    assert layered.reverse((30.0, -40.0)).address == "Open sea" and remote.calls == 1
    offline_only = LayeredGeocoder(geocoder=remote, cache=DiskCache(tmp_path / "d.json"))
    assert offline_only.reverse((30.0, -40.0)) is None and remote.calls == 1


def test_layered_reads_a_cache_written_before_lists(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"nowhere town qq": {
        "address": "Old, Place", "lat": 1.0, "lon": 2.0, "raw": {"online": True}}}))
    layered = LayeredGeocoder(online=True, geocoder=FakeRemote(fail=True),
                              cache=DiskCache(path), min_delay_seconds=0)
    assert layered.geocode("Nowhere Town Qq").address == "Old, Place"
