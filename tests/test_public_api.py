"""The public names re-exported by ``geo`` all resolve."""

import pytest

import geo


@pytest.mark.parametrize("name", geo.__all__)
def test_public_name_resolves(name):
    assert getattr(geo, name) is not None


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        geo.nope  # noqa: B018
