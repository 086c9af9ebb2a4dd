"""The shared parts of the date rules: what a span says (:class:`Mention`), and matching.

A rule is a *core* regular expression that starts with a required token (a digit,
a month or weekday name) and an optional *prefix* matched looking back from it
("early", "last", "about", 지난), so a scan does little work where nothing can
start. :mod:`geo.extract.dates_en` and :mod:`geo.extract.dates_ko` hold the rules
of each language, :mod:`geo.extract.dates_scan` runs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.dates_words import MONTH_PARTS


@dataclass(frozen=True)
class Mention:
    """What one span of text says about time, before it is resolved.

    ``kind`` is one of: ``date`` (month and day, maybe a year), ``day`` (a day of
    the month only: 지난 19일), ``weekday``, ``anchored`` (counted from the
    report's day: yesterday, 어제), ``chained`` (counted from the preceding
    date in the text: the next day, 당일), ``month`` (a month or part of one),
    ``season``, ``duration`` and ``time`` (a clock time on its own).
    """

    start: int
    end: int
    kind: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    year_shift: int | None = None  # "last year", 지난해
    month_shift: int | None = None  # "last month", 지난달, 다음 달 (relative to the anchor's month)
    past: bool = False  # 지난 19일: the most recent such day
    coming: bool = False  # 오는 19일, "next Friday": the next such day
    weekday: int | None = None
    modifier: str | None = None  # last / this / next
    offset: int | None = None  # days, for anchored and chained
    week: bool = False  # "last week": week precision
    part: str | None = None  # early / mid / late
    season: str | None = None
    days: int | None = None
    months: int | None = None
    approximate: bool = False
    ordinal: bool = False  # 이틀째: the second day running
    hour: int | None = None
    minute: int | None = None
    time_words: str | None = None
    midnight: bool = False  # "midnight Sunday": the day after at 00:00
    check_weekday: int | None = None  # a weekday the text gives beside a date
    relative: Mention | None = None  # relative words merged with a date: 다음날인 19일
    bound: str | None = None  # "from" / "until" read from a range: "Nov. 19-25", 19~25일



class Hit:
    """A core match and the optional words just before it, read as one match."""

    __slots__ = ("_core", "_groups", "_start")

    def __init__(self, core: re.Match[str], prefix: re.Match[str] | None, names: tuple[str, ...]):
        self._core = core
        groups = dict.fromkeys(names)
        if prefix is not None and prefix.start() < prefix.end():
            groups.update(prefix.groupdict())
            self._start = prefix.start()
        else:
            self._start = core.start()
        groups.update(core.groupdict())
        self._groups = groups

    def groupdict(self) -> dict[str, str | None]:
        return self._groups

    def span(self, name: str | None = None) -> tuple[int, int]:
        if name is not None:
            return self._core.span(name)
        return self._start, self._core.end()

    def end(self, name: str) -> int:
        return self._core.end(name)

    def group(self, _: int = 0) -> str:
        return self._core.string[self._start:self._core.end()]


Table = tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None, tuple[str, ...]], ...]


def compile_table(rows: tuple[tuple[str, str, str | None], ...], firsts: dict[str, str]) -> Table:
    """Compile (name, core, prefix) rows; ``firsts`` are the characters each core can start with.

    A leading ``(?=[…])`` lets the regular expression engine skip, in C, to where a
    core can start: three times faster on prose than trying every position.
    """
    compiled = []
    for name, core, prefix in rows:
        core_rx = re.compile(f"(?=[{firsts[name]}])" + core)
        prefix_rx = re.compile(prefix) if prefix else None
        names = tuple(core_rx.groupindex) + (tuple(prefix_rx.groupindex) if prefix_rx else ())
        compiled.append((name, core_rx, prefix_rx, names))
    return tuple(compiled)



def squash(words: str) -> str:
    return re.sub(r"\s+", "", words)


def lower_words(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower())


def month_part(words: str | None) -> str | None:
    if not words:
        return None
    words = lower_words(words)
    for key in ("first half", "second half", "beginning", "start", "end", "middle",
                "early", "late", "mid"):
        if key in words:
            return MONTH_PARTS[key]
    return None
