"""Which of several values the map uses when reports disagree, and why. Pure logic.

The rule (documented in the README, "Adding reports"): a stated value over an
inferred one; then the more precise (a day over a week over a month, a clock
time over none); then the value from the report published nearest the event;
then the value reported first. Every value is kept; this only picks one to draw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from geo.model import Certainty, When

_CERTAINTY = {Certainty.STATED: 0, Certainty.INFERRED: 1, Certainty.UNKNOWN: 2}
_WINDOW_DAYS = {1: 0, 2: 7, 3: 31}  # how far a value of each precision may lie from another
Published = Callable[[str], dt.date | None]


def _distance(value: When, published: Published) -> int:
    """Days between the event and the nearest report that gives it (large when unknown)."""
    days = [abs((day - value.on).days) for e in value.evidence
            if value.on is not None and (day := published(e.report)) is not None]
    return min(days, default=10**6)


def _key(value: When, published: Published) -> tuple[int, int, int, int]:
    return (_CERTAINTY[value.certainty], int(value.precision or 9),
            0 if value.at is not None else 1, _distance(value, published))


def choose(values: Sequence[When], published: Published) -> tuple[int, str]:
    """Index of the value the map uses, and the reason in words."""
    keys = [_key(value, published) for value in values]
    best = min(range(len(values)), key=lambda i: (keys[i], i))
    others = [i for i in range(len(values)) if i != best]
    if not others:
        return best, "the only value"
    runner = min(others, key=lambda i: (keys[i], i))
    return best, _reason(values[best], values[runner], keys[best], keys[runner])


def _reason(best: When, runner: When, bk: tuple, rk: tuple) -> str:
    names = {1: "a day", 2: "a week", 3: "a month", 9: "no precision"}
    if bk[0] != rk[0]:
        return f"{best.certainty.value} over {runner.certainty.value}"
    if bk[1] != rk[1]:
        return f"more precise: {names[bk[1]]} over {names[rk[1]]}"
    if bk[2] != rk[2]:
        return "more precise: it gives the time of day"
    if bk[3] != rk[3]:
        return (f"from the report nearest the event ({bk[3]} days from it, against "
                f"{rk[3]})" if rk[3] < 10**6 else "from the report nearest the event")
    return "reported first (no other rule separates them)"


def compatible(a: When, b: When) -> bool:
    """The same date told twice: same day (or within the less precise one's window) and no
    clash of clock times."""
    if a.on is None or b.on is None:
        return False
    if a.on == b.on:
        return a.at is None or b.at is None or a.at == b.at
    window = max(_WINDOW_DAYS.get(int(w.precision or 1), 0) for w in (a, b))
    return abs((a.on - b.on).days) <= window


def combine(values: Sequence[When], published: Published) -> When:
    """Compatible values as one: the best by the rule, carrying every value's evidence."""
    best = values[choose(values, published)[0]]
    evidence = union(*(value.evidence for value in values))
    return replace(best, evidence=evidence)


def union(*groups: tuple) -> tuple:
    """Items of every group once each, in first-seen order."""
    seen: dict = {}
    for group in groups:
        for item in group:
            seen.setdefault(item, None)
    return tuple(seen)
