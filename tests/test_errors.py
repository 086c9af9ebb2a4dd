"""Messages quote bad values boundedly, whatever their size or shape."""

import time

import pytest

from geo.errors import DatasetError, Problem, neutralised, quoted


def alias_bomb(levels: int = 9, fanout: int = 9) -> list:
    """What an alias bomb loads as: each level holds the one below ``fanout`` times."""
    value: list | str = "lol"
    for _ in range(levels):
        value = [value] * fanout
    return value  # 9**9 = 387 million strings if expanded


def deep(levels: int) -> list:
    value: list = []
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("value", [alias_bomb(), deep(10_000), "x" * 10_000_000,
                                   {f"k{i}": list(range(1000)) for i in range(1000)}],
                         ids=["alias-bomb", "deep", "huge-text", "huge-mapping"])
def test_a_quote_is_bounded_in_length_and_time(value):
    started = time.perf_counter()
    text = quoted(value)
    assert len(text) <= 80
    assert time.perf_counter() - started < 0.05


def test_a_short_value_is_quoted_as_repr():
    assert quoted("curfew") == "'curfew'"
    assert quoted(["a", 1, None]) == "['a', 1, None]"
    assert quoted({"on": "x"}) == "{'on': 'x'}"


def test_the_error_message_is_built_cheaply_from_a_bomb():
    started = time.perf_counter()
    error = DatasetError([Problem("f.yaml", "reports[0]", "text", alias_bomb(), "bad", "fix")])
    assert "(got [[[[" in str(error) and len(str(error)) < 300
    assert time.perf_counter() - started < 0.05


def test_controls_become_visible_escapes():
    assert neutralised("a\x1b]0;x\x07b\u2028c\u202ed\x9b") == \
        "a\\u001b]0;x\\u0007b\\u2028c\\u202ed\\u009b"
    assert neutralised("tab\tand\nnewline, 김형직군") == "tab\tand\nnewline, 김형직군"


def test_a_long_list_of_problems_is_counted_not_listed():
    error = DatasetError([Problem("f", f"r{i}", "", None, "bad", "fix") for i in range(1000)])
    assert len(error.problems) == 1000
    assert str(error).count("\n") == 201 and "and 800 more" in str(error)
