"""The measure taxonomy and its OxCGRT mapping."""

import pytest

from geo.measures import MEASURE_TYPES, measure_type


@pytest.mark.parametrize(("code", "indicator", "level"), [
    ("markets_closed", "C2", 2),
    ("public_transport_closed", "C5", 2),
    ("stay_at_home", "C6", 2),
    ("travel_permits_suspended", "C7", 2),
    ("entry_banned", "C7", 2),
    ("border_closed", "C8", 4),
])
def test_oxcgrt_mapping(code, indicator, level):
    assert (measure_type(code).oxcgrt, measure_type(code).level) == (indicator, level)


@pytest.mark.parametrize("code", ["enforcement_patrols", "violators_punished",
                                  "individual_isolation"])
def test_measures_oxcgrt_has_no_code_for(code):
    assert measure_type(code).oxcgrt is None
    assert measure_type(code).oxcgrt_label == "no OxCGRT indicator"


def test_every_level_has_its_reason():
    for entry in MEASURE_TYPES.values():
        assert (entry.level is None) == (entry.level_reason is None), entry.code


def test_unknown_code_names_the_known_ones():
    with pytest.raises(KeyError, match="known: markets_closed"):
        measure_type("curfew")
