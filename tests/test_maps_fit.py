"""The map opens fitted to the zones in the data, however far apart they are."""

from __future__ import annotations

import json
import re
from pathlib import Path

from geo.dataset import load_dataset
from geo.layers import build_layers
from geo.maps import base_map

MULTIYEAR = Path(__file__).resolve().parent / "data" / "multiyear.yaml"


def test_base_map_fits_every_zone():
    data = load_dataset(MULTIYEAR)
    layers = build_layers(data)
    html = base_map(data, layers).get_root().render()
    (south, west), (north, east) = json.loads(
        re.search(r"\.fitBounds\(\s*(\[\[.*?\]\])", html, flags=re.S).group(1))
    for row in layers["zones"].itertuples():
        x0, y0, x1, y1 = row.geometry.bounds
        assert west <= x0 and x1 <= east and south <= y0 and y1 <= north, row.lockdown
    # The nationwide zone is among them: the view holds the whole country.
    assert west < 124.4 and east > 130.6 and south < 37.8 and north > 42.9


def test_one_county_is_never_fitted_closer_than_zoom_10(seed):
    from geo.maps.reader import FIT_MAX_ZOOM

    html = base_map(seed, build_layers(seed)).get_root().render()
    options = re.search(r"\.fitBounds\(\s*\[\[.*?\]\],\s*(\{.*?\})", html, flags=re.S).group(1)
    assert json.loads(options)["maxZoom"] == FIT_MAX_ZOOM == 10
    # Not animated: an animated fit ends a frame after the layers are added and redraws them.
    assert json.loads(options)["animate"] is False
    assert '"zoomSnap": 0.5' in html  # half steps: the fitted view fills more of the map
