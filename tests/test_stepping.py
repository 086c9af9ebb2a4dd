"""Steps of a day, a week or a month, and the days on which something changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.dataset import load_dataset
from geo.stepping import Step, change_days, next_change, previous_change, step

MULTIYEAR = Path(__file__).resolve().parent / "data" / "multiyear.yaml"
D = dt.date


@pytest.mark.parametrize(("day", "unit", "count", "expected"), [
    (D(2022, 5, 4), Step.DAY, 1, D(2022, 5, 5)),
    (D(2022, 5, 4), Step.WEEK, -1, D(2022, 4, 27)),
    (D(2022, 1, 31), Step.MONTH, 1, D(2022, 2, 28)),  # no Feb. 31
    (D(2024, 1, 31), Step.MONTH, 1, D(2024, 2, 29)),
    (D(2022, 12, 15), Step.MONTH, 1, D(2023, 1, 15)),  # over the year
    (D(2023, 1, 15), Step.MONTH, -13, D(2021, 12, 15)),
    (D(2022, 5, 4), "week", 2, D(2022, 5, 18)),
])
def test_step(day, unit, count, expected):
    assert step(day, unit, count) == expected


def test_unknown_unit():
    with pytest.raises(ValueError):
        step(D(2022, 1, 1), "fortnight")


def test_change_days_of_the_multiyear_data():
    changes = change_days(load_dataset(MULTIYEAR))
    assert changes == sorted(set(changes))
    for expected in (D(2020, 11, 2),  # Hyesan begins
                     D(2020, 11, 21),  # Chagang begins; Hyesan eased at 6 AM
                     D(2020, 11, 22),  # the day after Hyesan's announced end
                     D(2022, 5, 4), D(2022, 5, 5),  # nationwide order and its lifting
                     D(2022, 5, 29), D(2023, 1, 25), D(2023, 1, 30)):
        assert expected in changes
    assert next_change(changes, D(2022, 1, 1)) == D(2022, 5, 4)
    assert next_change(changes, D(2022, 5, 4)) == D(2022, 5, 5)
    assert previous_change(changes, D(2022, 5, 4)) == D(2020, 12, 17)
    assert previous_change(changes, changes[0]) is None
    assert next_change(changes, changes[-1]) is None
