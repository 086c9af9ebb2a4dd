"""Nationwide coverage of the shipped gazetteer and county layer (geo/data/).

Every county, city and district (GeoNames ADM2) of every North Korean province has
an entry at its seat, an approximate polygon cut from its province, and the spellings
reports use.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
import yaml

from geo.gazetteer import load_gazetteer
from geo.geography import context_layers
from geo.layers import zone_geometry
from geo.model import LocationPrecision, Place, PlaceKind

ROOT = Path(__file__).resolve().parent.parent
AUTHORED = yaml.safe_load((ROOT / "scripts" / "authored_places.yaml").read_text("utf-8"))
KP_PROVINCES = {p["id"] for p in AUTHORED["provinces"]}


@pytest.fixture(scope="module")
def layers():
    return context_layers()


@pytest.fixture(scope="module")
def counties():
    return [e for e in load_gazetteer().entries if e.kind == "county" and e.country == "KP"]


def test_every_province_has_its_counties(counties):
    per_province = {p: [c for c in counties if c.parent == p] for p in KP_PROVINCES}
    assert len(counties) == 201
    assert all(len(members) >= 2 for members in per_province.values()), per_province


def test_every_seat_lies_in_its_province(layers, counties):
    provinces = layers["provinces"].set_index("id").geometry
    cells = layers["counties"].set_index("id")
    for county in counties:
        seat = shapely.Point(county.lon, county.lat)
        outline = AUTHORED["outline_province"].get(county.id, county.parent)
        assert provinces[outline].contains(seat), county.id
        assert cells.loc[county.id, "province"] == county.parent
        assert cells.loc[county.id, "outline"] == outline
        assert cells.geometry[county.id].contains(seat), county.id


def test_only_listed_counties_are_cut_from_another_outline(layers):
    cells = layers["counties"]
    moved = set(cells[cells["province"] != cells["outline"]]["id"])
    assert moved == set(AUTHORED["outline_province"])


def test_counties_cover_the_country(layers):
    country = layers["countries"].query("id == 'kp'").to_crs(32652).geometry.iloc[0]
    cells = layers["counties"].to_crs(32652)
    assert cells.area.sum() == pytest.approx(country.area, rel=0.01)
    assert cells.geometry.union_all().symmetric_difference(country).area < 0.01 * country.area


def test_every_seat_records_its_source(counties):
    for county in counties:
        assert "seat" in county.source and "seat:" in county.note, county.id
    gazetteer = load_gazetteer()
    estimated = [c for c in counties if "estimate" in c.source]
    assert len(estimated) > 100
    for county in estimated:  # the uncertainty is stated, on the county or on its seat
        seat = county.source.split("point = seat ")[1].split(" ")[0]
        stated = county.source if seat not in gazetteer else gazetteer.get(seat).note
        assert "+/-" in stated, county.id


PROBES = [  # (province, spelling a report might use, entry that must be among the best)
    ("kp-chagang", "Wiwon", "kp-wiwon-county"),
    ("kp-chagang", "Kanggye", "kp-kanggye-si"),
    ("kp-chagang", "강계", "kp-kanggye-si"),
    ("kp-north-pyongan", "Sakju", "kp-sakchu-county"),
    ("kp-north-pyongan", "Yomju", "kp-yomju-county"),
    ("kp-north-pyongan", "Sinuiju", "kp-sinuiju-si"),
    ("kp-north-pyongan", "Ryongchon", "kp-yongchon-county"),
    ("kp-north-hamgyong", "Onsong", "kp-onsong-county"),
    ("kp-north-hamgyong", "Musan", "kp-musan-county"),
    ("kp-north-hamgyong", "Hoeryong", "kp-hoeryong-si"),
    ("kp-north-hamgyong", "Songjin", "kp-kimchaek-si"),
    ("kp-south-hamgyong", "Hamhung", "kp-hamhung-si"),
    ("kp-south-hamgyong", "Tanchon", "kp-tanchon-si"),
    ("kp-ryanggang", "Samjiyon", "kp-samjiyon-county"),
    ("kp-ryanggang", "Huchang", "kp-kimhyongjik-county"),
    ("kp-north-hwanghae", "Kaesong", "kp-kaesong-si"),
    ("kp-north-hwanghae", "Gaeseong", "kp-kaesong-si"),
    ("kp-north-hwanghae", "개성", "kp-kaesong-si"),
    ("kp-north-hwanghae", "Sariwon", "kp-sariwon-si"),
    ("kp-south-hwanghae", "Haeju", "kp-haeju-si"),
    ("kp-south-hwanghae", "Ongjin", "kp-ongjin-county"),
    ("kp-kangwon", "Wonsan", "kp-wonsan-si"),
    ("kp-kangwon", "Kumgang", "kp-kumgang-county"),
    ("kp-south-pyongan", "Pyongsong", "kp-pyongsong-si"),
    ("kp-south-pyongan", "Phyongsong", "kp-pyongsong-si"),
    ("kp-south-pyongan", "Nampho", "kp-nampo-si"),
    ("kp-south-pyongan", "Nampo", "kp-nampo-si"),
    ("kp-south-pyongan", "Ŭnsan", "kp-unsan-county-south-pyongan"),
    ("kp-pyongyang-city", "Moranbong", "kp-moranbong-district"),
    ("kp-pyongyang-city", "Man'gyongdae", "kp-mangyongdae-district"),
    ("kp-rason", "Rason", "kp-rason"),
    ("kp-rason", "Rajin-Sonbong", "kp-rason"),
    ("kp-rason", "Sonbong", "kp-sonbong-county"),
]


@pytest.mark.parametrize(("province", "query", "expected"), PROBES)
def test_spelling_probe(province, query, expected):
    matches = load_gazetteer().lookup(query)
    assert matches[0].score >= 95 and matches[0].method != "fuzzy"
    assert expected in {m.entry.id for m in matches}, [(m.entry.id, m.score) for m in matches]
    entry = load_gazetteer().get(expected)
    assert expected == province or entry.parent == province


def test_every_province_is_probed():
    assert {p for p, _, _ in PROBES} == KP_PROVINCES


@pytest.mark.parametrize("spelling", ["Wiwŏn-gun", "Wiwon-kun", "Wiwon County", "Wiwon-gun",
                                      "위원군", "위원"])
def test_mccune_reischauer_revised_and_hangul(spelling):
    assert load_gazetteer().lookup(spelling)[0].entry.id == "kp-wiwon-county"


@pytest.mark.parametrize(("gazetteer_id", "layer"), [
    ("kp-chagang", "provinces"), ("kp-rason", "provinces"), ("kp", "countries"),
    ("kp-wiwon-county", "counties"),
])
def test_provinces_and_the_country_are_zones(layers, gazetteer_id, layer):
    place = Place(id=gazetteer_id, name=gazetteer_id, kind=PlaceKind.PROVINCE,
                  precision=LocationPrecision.REGION, country="KP", gazetteer=gazetteer_id)
    shape = zone_geometry(place, layers)
    frame = layers[layer].set_index("id")
    assert shape["geometry"].equals(frame.geometry[gazetteer_id])
    assert shape["approximate"] == (layer == "counties")
