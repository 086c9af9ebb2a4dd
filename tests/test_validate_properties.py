"""Property tests: whatever records arrive, the loader returns a dataset or raises its own
DatasetError, never anything else."""

import copy

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.dataset import SEED_DATASET, loads_dataset
from geo.errors import DatasetError
from geo.model import Dataset
from geo.validate import validate

SEED_RAW = yaml.safe_load(SEED_DATASET.read_text(encoding="utf-8"))

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=20), st.sampled_from(["2021-11-19", "10:00", "kp", "C7"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=20)


def _paths(node, prefix=()):
    """Every (container, key) in a nested structure, to pick one to break."""
    items = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, child in items:
        yield (prefix, key)
        yield from _paths(child, (*prefix, key))


PATHS = list(_paths(SEED_RAW))


def _loads_or_own_error(raw) -> None:
    try:
        assert isinstance(validate(raw, "random.yaml"), Dataset)
    except DatasetError as exc:
        assert exc.problems, "a DatasetError always says what is wrong"
        for problem in exc.problems:
            assert problem.file == "random.yaml" and problem.message and problem.fix


@given(values)
def test_any_structure_loads_or_raises_dataset_error(raw):
    _loads_or_own_error(raw)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), values)
def test_seed_with_one_field_replaced_loads_or_raises_dataset_error(path, value):
    raw = copy.deepcopy(SEED_RAW)
    prefix, key = path
    node = raw
    for step in prefix:
        node = node[step]
    node[key] = value
    _loads_or_own_error(raw)


@settings(max_examples=200)
@given(st.sampled_from(PATHS))
def test_seed_with_one_field_removed_loads_or_raises_dataset_error(path):
    raw = copy.deepcopy(SEED_RAW)
    prefix, key = path
    node = raw
    for step in prefix:
        node = node[step]
    del node[key]
    _loads_or_own_error(raw)


@given(st.text(max_size=200))
def test_any_text_loads_or_raises_dataset_error(text):
    try:
        loads_dataset(text, "random.yaml")
    except DatasetError:
        pass
