"""One decision that a dataset can be used: it validates and every zone and incident draws."""

import pytest
import yaml

from geo.errors import DatasetError
from geo.loadable import load_loadable, loads_loadable


def text_of(raw) -> str:
    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)


def place(raw, place_id):
    return next(p for p in raw["places"] if p["id"] == place_id)


def test_the_seed_is_loadable(seed):
    assert load_loadable() == seed


def test_a_misspelt_gazetteer_link_names_the_place_and_the_zone(seed_raw):
    place(seed_raw, "kp-kimhyongjik-county")["gazetteer"] = "kp-kimhyongjik-conty"
    with pytest.raises(DatasetError) as info:
        loads_loadable(text_of(seed_raw), "mine.yaml")
    (problem,) = info.value.problems
    message = str(problem)
    assert message.startswith("mine.yaml: places[3] (id kp-kimhyongjik-county), field "
                              "'gazetteer': no such gazetteer place, so the zone of lockdown "
                              "kimhyongjik-2021-11 and the place of incident ")
    assert "cannot be drawn (got 'kp-kimhyongjik-conty')" in message
    assert "did you mean kp-kimhyongjik-county" in message


def test_a_zone_without_a_gazetteer_link_cannot_be_drawn(seed_raw):
    del place(seed_raw, "kp-kimhyongjik-county")["gazetteer"]
    with pytest.raises(DatasetError, match="has no gazetteer link, so the zone of lockdown"):
        loads_loadable(text_of(seed_raw), "mine.yaml")


def test_an_incident_place_that_cannot_be_drawn(seed_raw):
    seed_raw["incidents"][0]["place"] = "kp-hyesan"
    place(seed_raw, "kp-hyesan")["gazetteer"] = "nowhere"
    with pytest.raises(DatasetError, match="so the place of incident"):
        loads_loadable(text_of(seed_raw), "mine.yaml")


def test_the_map_never_silently_omits_a_zone(seed):
    from geo.layers import build_layers
    from geo.maps.zones import zone_rows

    layers = build_layers(seed)
    zones = layers["zones"].copy()
    zones.loc[0, "geometry"] = None
    with pytest.raises(DatasetError, match="the zone cannot be drawn"):
        zone_rows(seed, zones)
