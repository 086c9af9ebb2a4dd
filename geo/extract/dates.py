"""Time expressions in report text, English and Korean, resolved to days with their reasoning.

:func:`find_time_expressions` finds every span that speaks of time and says
what day (and clock time) it means, how sure that is, and why;
:func:`find_speaking_day` finds the day the source spoke ("a source told Daily
NK on Tuesday", "소식통은 24일", "23일 … 소식통에 따르면"). Spans are found by
rules (:mod:`geo.extract.dates_en`, :mod:`geo.extract.dates_ko`, run by
:mod:`geo.extract.dates_scan`), never by a date library: measured here,
dateparser 1.5 reads "19일" as "19 days ago" and finds nothing in "지난 목요일".

Semantics (the README's "How dates are read" gives examples):

Anchors
    Weekdays, "yesterday", "last month", 어제, 지난달 count from the source's
    speaking day when the text gives one (or :class:`Anchor` ``spoke``), else
    from the publication day. "The next day", "that very day", "the same day",
    "a day earlier", "10 days later", "the following week", 다음날, 당일, 전날
    count from the preceding resolved day in the text (a month or an unresolved
    day in between breaks the chain: "in mid-September … 10 days later" is
    unknown).
Weekdays
    "on Friday", "since Saturday" or a bare weekday: the latest such day on or
    before the anchor ("on Thursday" in a Thursday report is that Thursday);
    "last Thursday": the latest one strictly before the anchor; "next Friday":
    the first one strictly after; "this Friday": the one in the anchor's
    Monday-to-Sunday week; "Thursday last week", 지난주 목요일: the Thursday of
    the week before the anchor's (지난 목요일 is the latest Thursday). A bare
    weekday with "until", or "will", "scheduled", 예정 governing it, is the first
    such day on or after the anchor. "Last weekend", 지난 주말: its Saturday,
    week precision.
Years
    A date's year is its own ("May 12, 2022", "2022년 5월 12일"). Otherwise it
    comes from the publication day: the latest reading that does not put the
    date after publication ("Dec. 4" in a January report is last December); when
    the date is an end ("until Dec. 4", 까지) or its sentence looks ahead
    ("will", "scheduled", 예정), the reading nearest the publication day, which
    may be after it. Without a publication day, weekday cues fix the year within
    2020 to 2026 when exactly one year fits ("Friday, Nov. 19"; or a lockdown told
    both as "Nov. 19" and as "the next day" after "last Thursday"), and the
    reasoning says so; with a speaking day given and no publication day, the
    speaking day stands in for it; else the words are kept with ``on=None``,
    certainty unknown and a reasoning saying what is missing.
Days of the month alone
    "19일", "지난 19일", "on the 19th": the latest 19th on or before the anchor (this month or
    the last); a 19th written after an explicit month in the same sentence
    ("5월 2일부터 8일까지") takes that month; "다음 달 4일" is the 4th of the
    anchor's next month, "지난달 28일" of its last month, "오는 4일" the next
    4th; an end (까지) or a sentence that looks ahead (예정) takes the nearest
    such day. "오늘(28일)", "어제(23일)", "다음날인 19일": the written day wins,
    the relative words are checked against it.
Clock times
    "5 PM", "6 p.m.", "10 AM", "18:00", "오전 10시", "저녁 9시경" (21:00; 경 =
    about), "밤 11시" (23:00), "0시" (00:00 of that day), a bare "10시" as
    written (24-hour). A time belongs to the day written beside it ("at 10 AM
    the next day", "19일 오전 10시"); a time alone takes the preceding day of
    the same sentence, else its day is unknown.
Midnight
    "from midnight Sunday", "midnight on Tuesday", "24시", "자정" beside a day
    mean the start of the *next* day: 00:00 on Monday for "midnight Sunday",
    the moment the change takes effect (the corpus convention; the other
    reading, the end of Sunday, is the same instant and is named in the
    reasoning). As an end ("until midnight Sunday", "25일 24시까지") it is the
    named day itself, inclusive: in force through Sunday, with no clock time.
Months
    "last month", "early this month", "late July", "since early May", "지난달",
    "이달 말", "8월 말" are role ``MONTH``: ``on`` is the first of the month,
    precision month, ``in_month`` "YYYY-MM" and ``part`` early / mid / late. A
    season ("the summer of 2022") keeps ``on=None``.
Roles and ends
    "from", "since", "starting", 부터 make a ``FROM``; "until", "till",
    "through", "extended … to", 까지 (and "to" after a "from" in the same
    sentence) an ``UNTIL``. A range ("Nov. 19-25", "May 2 to 8", "Nov. 19 to
    Dec. 4", "Monday to Friday", 19~25일) is a ``FROM`` and an ``UNTIL``; "June
    1 and 2" two points; a weekday ending a range is the first one on or after
    its start. An end is inclusive: "until Dec. 4" is in force all of
    Dec. 4.
Durations
    "30 days", "a month", "three weeks", "20-day", "five-day", "a fortnight",
    "48-hour", "15일간", "한 달", "석 달", "보름", "이틀", "일주일", "3주",
    "2개월", "48시간", "기간은 15일" are role ``DURATION`` with ``days`` or
    ``months`` (weeks are 7 days; hours only in whole days). A bare "15일" is a
    day of the month, never a length. :func:`end_of_duration` gives the
    announced end: a lockdown of N days from day S ends on S + N ("15 days" from
    Nov. 19 runs until Dec. 4, as the Korean report writes it); "a month" from
    Nov. 16 ends on Dec. 16 (a calendar month, clamped to the month's last day).
    Counting the first day as day one (S + N - 1) is the other reading:
    ``counting_first_day=True``.
Certainty
    ``STATED`` only when the text gives month and day and the year is its own
    or a stated publication day's; ``INFERRED`` for everything derived (a
    weekday, a relative day, a Korean day-only date, a year from an inferred
    publication day or from weekday cues, a month); ``UNKNOWN`` when the day
    cannot be known. A duration is ``STATED`` (``INFERRED`` when approximate:
    "about a month", "10일 넘는").

Work is linear in the length of the text: every regular expression is free of
nested repetition and context is read in windows of bounded size. At most
``MAX_MENTIONS`` (2,000) expressions are resolved, the first in the text; a news
report holds a few dozen.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from geo.extract.dates_rules import Mention
from geo.extract.dates_scan import (
    CONTEXT,
    MAX_MENTIONS,
    bound_of,
    looks_ahead,
    scan,
    sentence_of,
    sentence_starts,
)
from geo.extract.dates_words import WEEKDAY_NAMES
from geo.model import Certainty, TimePrecision

__all__ = [
    "MAX_MENTIONS",
    "YEARS_FOR_WEEKDAY_CUES",
    "Anchor",
    "Role",
    "TimeExpression",
    "end_of_duration",
    "find_speaking_day",
    "find_time_expressions",
]

YEARS_FOR_WEEKDAY_CUES = range(2020, 2027)  # the COVID-19 border closure and after
LOCKDOWN_REACH = 300  # characters either side of a date looked at for a lockdown word
MAX_SPEAKING_LAG = 31  # days: a "speaking day" further before publication is some other date


@dataclass(frozen=True)
class Anchor:
    """What is known of the report's days before reading it."""

    published: dt.date | None = None  # the report's publication day, as the analyst gives it
    published_certainty: Certainty = Certainty.STATED  # INFERRED when itself an estimate
    spoke: dt.date | None = None  # the source's speaking day when known


class Role(StrEnum):
    POINT = "point"  # a day (or moment): "on Nov. 19", "at 10 AM the next day"
    FROM = "from"  # a beginning: "from 5 PM on Friday", "since Saturday", 19일부터
    UNTIL = "until"  # an inclusive end: "until Dec. 4", 다음 달 4일까지
    DURATION = "duration"  # a length: "30 days", 15일간
    MONTH = "month"  # only the month or season is known: "since early May", 지난달


@dataclass(frozen=True)
class TimeExpression:
    """One span of the text that speaks of time, and what it resolves to.

    ``words == text[start:end]``. ``on`` is None when the day is not known;
    ``reasoning`` says how it was resolved or what is missing. ``year_basis``:
    ``text`` (the expression's own year), ``publication``, ``speaking day``,
    ``preceding`` (counted from an earlier date of the text), ``context`` (a
    month or year from an earlier date of the same sentence), ``weekday cue``,
    or None.
    """

    start: int
    end: int
    words: str
    role: Role
    on: dt.date | None
    at: dt.time | None
    precision: TimePrecision | None
    certainty: Certainty
    reasoning: str
    days: int | None = None  # for DURATION
    months: int | None = None  # for DURATION
    year_basis: str | None = None
    bound: Role | None = None  # FROM or UNTIL for a MONTH ("since early May") or DURATION
    in_month: str | None = None  # "YYYY-MM" for a MONTH
    part: str | None = None  # early / mid / late, for a MONTH
    approximate: bool = False  # "about a month", 저녁 9시경, 10일 넘는
    speaking_day: bool = False  # the day the source spoke


def end_of_duration(start: dt.date, *, days: int | None, months: int | None,
                    counting_first_day: bool = False) -> dt.date:
    """The announced end of something lasting ``months`` and ``days`` from ``start``.

    S + N days ("15 days" from Nov. 19 ends Dec. 4) and calendar months
    (Nov. 16 + one month = Dec. 16; Jan. 31 + one month = Feb. 28/29). With
    ``counting_first_day`` the start is day one, so the end is one day earlier.
    """
    if not days and not months:
        raise ValueError("a duration needs days or months (got neither)")
    end = start
    if months:
        year, month = divmod(end.month - 1 + months, 12)
        year += end.year
        month += 1
        end = dt.date(year, month, min(end.day, calendar.monthrange(year, month)[1]))
    if days:
        end += dt.timedelta(days=days)
    return end - dt.timedelta(days=1) if counting_first_day else end


def find_time_expressions(text: str, *, language: str, anchor: Anchor) -> list[TimeExpression]:
    """Every time expression in ``text`` (``language`` 'en' or 'ko'), resolved, in text order."""
    return _Reader(text, language, anchor).read()


def find_speaking_day(text: str, *, language: str, anchor: Anchor) -> TimeExpression | None:
    """The day the source spoke, when the text gives it; resolved against the publication day."""
    return _Reader(text, language, anchor).speaking()


# --- Speaking day ------------------------------------------------------------------------

_SPEAK_BEFORE_EN = re.compile(
    r"(?i:(?:(?<!was )(?<!were )(?<!been )(?<!being )\b(?:told|tells|telling|informed)\b"
    r"[^.;:,“”\"\n]{0,60}?"
    r"|\baccording\s+to\b[^.;:,“”\"\n]{0,80}?"
    r"|\b(?:conversation|call|interview|talk|talks|spoke|speaking)\s+(?:with|to)\b"
    r"[^.;:,“”\"\n]{0,60}?)\s(?:on\s+)?)$")
_SAID_EN = re.compile(r"(?i:(?<!was )(?<!were )(?<!been )(?<!be )\b(?:said|says|reported|"
                      r"told\s+\w+)\s+(?:on\s+)?)$")
_SPEAK_AROUND_EN = re.compile(r"(?i:\bon\s+)$")
_SPEAK_AFTER_EN = re.compile(r"(?i:\s*(?:,\s*)?(?:(?:a|an|the|one|its)\s+)?[^.;:“”\"\n]{0,50}?"
                             r"\b(?:told|said|says|reported|announced)\b)")
_SPEAK_VERB_AFTER_EN = re.compile(r"(?i:\s+(?:reported|said|told|announced)\b)")
_SPEAK_BEFORE_KO = re.compile(
    r"(?:소식통|관계자|주민|협력자|통신|신문|방송|당국자|간부|매체|기자)(?:은|는|이|가|도)\s*"
    r"(?:[^\s“”\"]+\s+){0,4}$")
_SPEAK_AFTER_KO = re.compile(r"[^.\n“”\"]{0,40}?소식통(?:들)?(?:에\s*따르면|을\s*인용|의\s*말)")


def _is_speaking(text: str, mention: Mention, language: str, sentence_start: int) -> bool:
    if mention.kind not in ("date", "day", "weekday", "anchored") or mention.week:
        return False
    if mention.kind == "anchored" and mention.offset != 0:
        return False
    if mention.past or mention.month_shift is not None or mention.hour is not None:
        return False
    before = text[max(sentence_start, mention.start - 2 * CONTEXT):mention.start]
    after = text[mention.end:mention.end + 2 * CONTEXT]
    if language == "ko":
        return bool(_SPEAK_BEFORE_KO.search(before) or _SPEAK_AFTER_KO.match(after))
    if _SPEAK_BEFORE_EN.search(before):
        return True
    if mention.kind in ("weekday", "anchored", "date") and _SAID_EN.search(before):
        return True  # "its state media said Thursday", "KCNA reported on May 13"
    if _SPEAK_VERB_AFTER_EN.match(after) and _SPEAK_AROUND_EN.search(before):
        return True  # "NK News on Sunday reported"
    at_start = not text[sentence_start:mention.start].strip(" \t\"“") or re.fullmatch(
        r"(?i:\s*on\s*)", text[sentence_start:mention.start])
    return bool(at_start and _SPEAK_AFTER_EN.match(after))  # "On Tuesday, a source told …"


# --- The reader ----------------------------------------------------------------------------

_RANGE_GAP = re.compile("\\s*(?:(?i:to|through|until|till)|-|\u2013|~|\u223c)\\s*")
_LOCKDOWN_WORDS = re.compile(r"(?i:lockdown|locked\s+down|lock\s+down|seal(?:ed)?\s+off|봉쇄)")


@dataclass
class _Point:
    on: dt.date
    words: str
    sentence: int


class _Reader:
    """Resolves the mentions of one text in order, keeping the preceding day."""

    def __init__(self, text: str, language: str, anchor: Anchor):
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        if language not in ("en", "ko"):
            raise ValueError(f"language must be 'en' or 'ko' (got {language!r})")
        self.text = text
        self.language = language
        self.anchor = anchor = _plain_days(anchor)
        self.mentions = scan(text, self.language)
        self.starts = sentence_starts(text)
        self.prev: _Point | None = None
        self.spoke = anchor.spoke
        self.spoke_basis = "given" if anchor.spoke else None
        self.cue_year: int | None = None
        self.cue_reason = ""

    def _safe_resolve(self, index: int, speaking: bool, bound: str | None, sentence: int,
                      before: TimeExpression | None) -> TimeExpression:
        try:
            return self._resolve(index, speaking, bound, sentence, before)
        except (OverflowError, ValueError):  # an anchor at the calendar's edge (year 1, 9999)
            return self._out_of_range(index)

    def _out_of_range(self, index: int) -> TimeExpression:
        m = self.mentions[index]
        return TimeExpression(start=m.start, end=m.end, words=self._words(m), role=Role.POINT,
                              on=None, at=None, precision=None, certainty=Certainty.UNKNOWN,
                              reasoning="Counting from the anchor leaves the calendar (before "
                                        "year 1 or after 9999): check the publication day.")

    def _range_link(self, index: int) -> bool:
        """Whether the mention follows another day with only 'to', 'through', '-' or ~ between."""
        here = self.mentions[index]
        before = self.mentions[index - 1] if index else None
        if before is None or before.kind not in ("date", "day", "weekday"):
            return False
        if here.kind not in ("date", "day", "weekday"):
            return False
        gap = self.text[before.end:here.start]
        return len(gap) <= 12 and _RANGE_GAP.fullmatch(gap) is not None

    def _bounds(self, sentence: int) -> tuple[int, int]:
        start = self.starts[sentence]
        end = self.starts[sentence + 1] if sentence + 1 < len(self.starts) else len(self.text)
        return start, end

    # anchors
    def _published(self) -> dt.date | None:
        return self.anchor.published

    def _ref(self, speaking: bool) -> tuple[dt.date | None, str]:
        """The day relative words count from, and what it is."""
        if not speaking and self.spoke is not None:
            return self.spoke, "speaking day"
        if self.anchor.published is not None:
            return self.anchor.published, "publication"
        return None, ""

    def _ref_text(self, basis: str, day: dt.date) -> str:
        if basis == "speaking day":
            return f"the source's speaking day {_fmt(day)}"
        return f"the publication day {_fmt(day)}"

    def read(self) -> list[TimeExpression]:
        speaking_index = self._find_speaking()
        if self.anchor.published is None:
            self._weekday_cues(speaking_index)
        out: list[TimeExpression] = []
        from_sentence = -1
        for index, mention in enumerate(self.mentions):
            sentence = sentence_of(self.starts, mention.start)
            bound = mention.bound or bound_of(self.text, mention.start, mention.end,
                                              self.language, after_from=from_sentence == sentence)
            if bound is None and out and self._range_link(index):
                bound = "until"  # "Nov. 19 to Dec. 4": the first one is the start
                if out[-1].role is Role.POINT:
                    out[-1] = replace(out[-1], role=Role.FROM)
            if bound == "from":
                from_sentence = sentence
            expression = self._safe_resolve(index, index == speaking_index, bound, sentence,
                                            out[-1] if out else None)
            out.append(expression)
            if expression.role in (Role.POINT, Role.FROM, Role.UNTIL):
                if expression.on is not None and expression.precision is TimePrecision.DAY:
                    self.prev = _Point(expression.on, expression.words, sentence)
                elif self.mentions[index].kind != "time":
                    self.prev = None  # "in mid-September … 10 days later": no day to count from
            elif expression.role is Role.MONTH:
                self.prev = None
        return out

    def speaking(self) -> TimeExpression | None:
        index = self._find_speaking()
        if index is None:
            return None
        if self.anchor.published is None:
            self._weekday_cues(index)
        sentence = sentence_of(self.starts, self.mentions[index].start)
        return self._safe_resolve(index, True, None, sentence, None)

    def _find_speaking(self) -> int | None:
        for index, mention in enumerate(self.mentions):
            start = self.starts[sentence_of(self.starts, mention.start)]
            if _is_speaking(self.text, mention, self.language, start):
                if self.spoke is None:
                    saved_prev, self.prev = self.prev, None
                    expression = self._safe_resolve(index, True, None, 0, None)
                    self.prev = saved_prev
                    published = self.anchor.published
                    if expression.on is not None and published is not None and not (
                            0 <= (published - expression.on).days <= MAX_SPEAKING_LAG):
                        continue  # a source speaks before the report, and not long before
                    if expression.on is not None:
                        self.spoke, self.spoke_basis = expression.on, "text"
                return index
        return None

    # weekday cues when no day is known
    def _weekday_cues(self, speaking_index: int | None) -> None:
        """Fix the year from weekdays the text ties to dates, when exactly one year fits."""
        years = set(YEARS_FOR_WEEKDAY_CUES)
        reasons: list[str] = []
        for mention in self.mentions:
            if (mention.kind == "date" and mention.year is None
                    and mention.check_weekday is not None):
                fits = {y for y in years if _weekday_of(y, mention.month, mention.day)
                        == mention.check_weekday}
                reasons.append(f"'{self._words(mention)}' names the weekday")
                years &= fits
        if not reasons:
            linked = self._linked_lockdown_day(speaking_index)
            if linked is None:
                return
            mention, weekday, words = linked
            years = {y for y in years if _weekday_of(y, mention.month, mention.day) == weekday}
            reasons.append(
                f"the lockdown is dated both '{self._words(mention)}' and '{words}', "
                f"a {WEEKDAY_NAMES[weekday]}")
        if len(years) == 1:
            self.cue_year = years.pop()
            self.cue_reason = (
                "No publication day is known; " + "; ".join(reasons) + f": from "
                f"{YEARS_FOR_WEEKDAY_CUES.start} to {YEARS_FOR_WEEKDAY_CUES.stop - 1} only "
                f"{self.cue_year} fits")
            if speaking_index is not None:
                self._spoke_from_cues(speaking_index)

    def _linked_lockdown_day(self, speaking_index: int | None) -> tuple[Mention, int, str] | None:
        """The first yearless lockdown date and the first weekday-counted lockdown day."""
        weekday: int | None = None
        dated: Mention | None = None
        counted: tuple[int, str] | None = None
        for index, mention in enumerate(self.mentions):
            own: int | None = None
            if mention.kind == "weekday" and index != speaking_index:
                own = mention.weekday
            elif mention.kind == "chained" and weekday is not None and not mention.week:
                own = (weekday + (mention.offset or 0)) % 7
            elif mention.kind in ("date", "day", "anchored"):
                weekday = None
            if own is not None:
                weekday = own
            if not self._in_lockdown_sentence(mention) or index == speaking_index:
                continue
            role = bound_of(self.text, mention.start, mention.end, self.language, False)
            if role == "until":
                continue
            if mention.kind == "date" and mention.year is None and dated is None:
                dated = mention
            elif own is not None and counted is None and mention.kind == "chained":
                counted = (own, self._words(mention))
        if dated is None or counted is None:
            return None
        return dated, counted[0], counted[1]

    def _in_lockdown_sentence(self, mention: Mention) -> bool:
        start, end = self._bounds(sentence_of(self.starts, mention.start))
        low = max(start, mention.start - LOCKDOWN_REACH)
        high = min(end, mention.end + LOCKDOWN_REACH)
        return _LOCKDOWN_WORDS.search(self.text, low, high) is not None

    def _spoke_from_cues(self, speaking_index: int) -> None:
        """With the year fixed, the weekday the source spoke on follows from the linked day."""
        linked = self._linked_lockdown_day(speaking_index)
        spoken = self.mentions[speaking_index]
        if (linked is None or spoken.kind != "weekday" or self.cue_year is None
                or self.spoke_basis == "given"):
            return
        mention = linked[0]
        day = dt.date(self.cue_year, mention.month or 1, mention.day or 1)
        ahead = (spoken.weekday - day.weekday()) % 7 or 7
        self.spoke = day + dt.timedelta(days=ahead)
        self.spoke_basis = "weekday cue"

    # resolution of one mention
    def _words(self, mention: Mention) -> str:
        return self.text[mention.start:mention.end]

    def _resolve(self, index: int, speaking: bool, bound: str | None, sentence: int,
                 before: TimeExpression | None) -> TimeExpression:
        m = self.mentions[index]
        words = self._words(m)
        low, high = self._bounds(sentence)
        if index > 0:
            low = max(low, self.mentions[index - 1].end)
        if index + 1 < len(self.mentions):
            high = min(high, self.mentions[index + 1].start)
        ahead = not speaking and (bound == "until" or looks_ahead(
            self.text, m.start, m.end, self.language, low, high))
        role = {"from": Role.FROM, "until": Role.UNTIL}.get(bound or "", Role.POINT)
        common = {"start": m.start, "end": m.end, "words": words, "approximate": m.approximate,
                  "speaking_day": speaking}
        if m.kind == "duration":
            return self._duration(m, bound, common)
        if m.kind in ("month", "season"):
            return self._month(m, bound, ahead, common)
        if m.kind == "time":
            return self._time_alone(m, role, sentence, common)
        on, certainty, basis, reasoning = self._day(m, speaking, ahead, sentence, before)
        if speaking and on is None and self.spoke is not None:
            on, certainty, basis = self.spoke, Certainty.INFERRED, self.spoke_basis
            reasoning = (f"{self.cue_reason}; so the source spoke on {_fmt(on)}."
                         if basis == "weekday cue" else f"Given with the report: {_fmt(on)}.")
        precision = TimePrecision.WEEK if m.week else TimePrecision.DAY
        at = None
        if on is not None and m.hour is not None and m.midnight and role is Role.UNTIL:
            reasoning += (f" Until '{m.time_words}' of {_fmt(on)}: in force through that day, "
                          f"lifted at 00:00 on {_fmt(on + dt.timedelta(days=1))}.")
        elif on is not None and m.hour is not None:
            on, at, note = self._clock(m, on)
            reasoning += note
        elif m.hour is not None:
            at = dt.time(m.hour, m.minute or 0)
            reasoning += f" The clock time {m.time_words} is kept."
        if role is Role.UNTIL and on is not None:
            reasoning += " An end is inclusive: in force through the whole of that day."
        if speaking:
            reasoning = "The day the source spoke. " + reasoning
        if on is None:
            precision, certainty = None, Certainty.UNKNOWN
        return TimeExpression(role=role, on=on, at=at, precision=precision, certainty=certainty,
                              reasoning=reasoning, year_basis=basis, **common)

    def _clock(self, m: Mention, on: dt.date) -> tuple[dt.date, dt.time, str]:
        at = dt.time(m.hour or 0, m.minute or 0)
        if m.midnight:
            nxt = on + dt.timedelta(days=1)
            return nxt, at, (
                f" '{m.time_words}' with {_fmt(on)}: the start of the next day, 00:00 on "
                f"{_fmt(nxt)}, when the change takes effect (the same instant as the end of "
                f"{_fmt(on)}).")
        about = " (about)" if m.approximate else ""
        return on, at, f" At {at.strftime('%H:%M')}{about} ('{m.time_words}')."

    def _day(self, m: Mention, speaking: bool, ahead: bool, sentence: int,
             before: TimeExpression | None) -> tuple[dt.date | None, Certainty, str | None, str]:
        if m.kind == "date":
            on, certainty, basis, reasoning = self._date(m, ahead)
        elif m.kind == "day":
            on, certainty, basis, reasoning = self._day_only(m, speaking, ahead, sentence, before)
        elif m.kind == "weekday":
            start = before if (before is not None and before.role is Role.FROM
                               and before.on is not None and ahead
                               and sentence_of(self.starts, before.start) == sentence) else None
            return self._weekday(m, speaking, ahead, start)
        elif m.kind == "anchored":
            return self._anchored(m, speaking)
        else:
            return self._chained(m)
        if m.relative is not None:
            reasoning += self._check_relative(m.relative, on, speaking)
        if m.check_weekday is not None and on is not None:
            if on.weekday() == m.check_weekday:
                reasoning += f" The text gives its weekday, {WEEKDAY_NAMES[m.check_weekday]}."
            else:
                reasoning += (f" The text calls it a {WEEKDAY_NAMES[m.check_weekday]}, but "
                              f"{_fmt(on)} is a {WEEKDAY_NAMES[on.weekday()]}: check the year.")
        return on, certainty, basis, reasoning

    def _counted(self, relative: Mention, speaking: bool) -> dt.date | None:
        if relative.kind == "anchored":
            ref = self._ref(speaking)[0]
        else:
            ref = self.prev.on if self.prev else None
        return None if ref is None else ref + dt.timedelta(days=relative.offset or 0)

    def _check_relative(self, relative: Mention, on: dt.date | None, speaking: bool) -> str:
        words = self._words(relative)
        counted = self._counted(relative, speaking)
        if counted is None or on is None:
            return f" '{words}' is written beside it."
        if counted == on:
            return f" '{words}' agrees."
        return f" '{words}' would give {_fmt(counted)}; the written day is kept."

    def _date(self, m: Mention, ahead: bool) -> tuple[dt.date | None, Certainty, str | None, str]:
        month, day = m.month or 1, m.day or 1
        if m.year is not None:
            on = _safe_date(m.year, month, day)
            if on is None:
                return None, Certainty.UNKNOWN, "text", f"{m.year}-{month:02}-{day:02} is no day."
            return on, Certainty.STATED, "text", "Month, day and year are in the text."
        published = self._published()
        if m.year_shift is not None and published is not None:
            on = _safe_date(published.year + m.year_shift, month, day)
            if on is not None:
                return on, self._published_certainty(), "publication", (
                    f"The year is counted from the publication day {_fmt(published)}.")
        if published is not None:
            on = _year_for(month, day, published, ahead)
            if on is None:
                return None, Certainty.UNKNOWN, None, f"{_month_day(month, day)} is no day."
            how = ("the reading nearest to it, as the date is an end or the sentence looks ahead"
                   if ahead else "the latest reading not after it")
            return on, self._published_certainty(), "publication", (
                f"No year in the text: {on.year} from the publication day {_fmt(published)}, "
                f"{how}.")
        if self.cue_year is not None:
            on = _safe_date(self.cue_year, month, day)
            if on is not None:
                return on, Certainty.INFERRED, "weekday cue", self.cue_reason + "."
        if self.spoke is not None:
            on = _year_for(month, day, self.spoke, ahead)
            if on is not None:
                return on, Certainty.INFERRED, "speaking day", (
                    f"No year in the text and no publication day: {on.year} from the "
                    f"speaking day {_fmt(self.spoke)}.")
        return None, Certainty.UNKNOWN, None, (
            f"{_month_day(month, day)} with no year: the text gives none and no publication "
            "day is known.")

    def _published_certainty(self) -> Certainty:
        return (Certainty.STATED if self.anchor.published_certainty is Certainty.STATED
                else Certainty.INFERRED)

    def _day_only(self, m: Mention, speaking: bool, ahead: bool, sentence: int,
                  before: TimeExpression | None
                  ) -> tuple[dt.date | None, Certainty, str | None, str]:
        day = m.day or 1
        if (before is not None and before.on is not None and m.month_shift is None
                and before.role is not Role.MONTH and not before.speaking_day
                and sentence_of(self.starts, before.start) == sentence
                and before.year_basis in ("text", "publication", "context", "weekday cue")
                and before.precision is TimePrecision.DAY
                and _has_month(before.words)):
            on = _safe_date(before.on.year, before.on.month, day)
            if on is not None:
                return on, Certainty.INFERRED, "context", (
                    f"Only the day: month and year from '{before.words}' before it in the "
                    "sentence.")
        ref, basis = self._ref(speaking)
        if ref is None:
            return None, Certainty.UNKNOWN, None, (
                f"The {_ordinal(day)} of an unknown month: no publication day is known.")
        if m.month_shift is not None:
            year, month = _shift_month(ref.year, ref.month, m.month_shift)
            on = _safe_date(year, month, day)
            which = {-1: "the month before", 0: "the same month as", 1: "the month after"}.get(
                m.month_shift, "a month counted from")
            why = f"Only the day, in {which} {self._ref_text(basis, ref)}."
        else:
            mode = "nearest" if ahead else "past"
            if m.past or m.coming:
                mode = "past" if m.past else "coming"
            on = _day_for(day, ref, mode)
            how = {"past": "the latest such day on or before",
                   "coming": "the next such day after",
                   "nearest": "the such day nearest to (an end, or the sentence looks ahead)"}[mode]
            why = f"Only the day: {how} {self._ref_text(basis, ref)}."
        if on is None:
            return None, Certainty.UNKNOWN, None, f"No {_ordinal(day)} fits: {why}"
        return on, Certainty.INFERRED, basis, why

    def _weekday(self, m: Mention, speaking: bool, ahead: bool,
                 start: TimeExpression | None = None
                 ) -> tuple[dt.date | None, Certainty, str | None, str]:
        name = WEEKDAY_NAMES[m.weekday or 0]
        if start is not None and start.on is not None and m.modifier is None:
            on = start.on + dt.timedelta(days=((m.weekday or 0) - start.on.weekday()) % 7)
            return on, Certainty.INFERRED, start.year_basis, (
                f"{name}: the first one on or after the start '{start.words}' "
                f"({_fmt(start.on)}): {_fmt(on)}.")
        ref, basis = self._ref(speaking)
        if ref is None:
            return None, Certainty.UNKNOWN, None, (
                f"A {name} of an unknown week: no publication or speaking day is known.")
        mode = m.modifier or ("next-or-same" if ahead else "same-or-last")
        back = (ref.weekday() - (m.weekday or 0)) % 7
        fwd = ((m.weekday or 0) - ref.weekday()) % 7
        if mode == "last":
            on, how = ref - dt.timedelta(days=back or 7), "the latest one before"
        elif mode == "next":
            on, how = ref + dt.timedelta(days=fwd or 7), "the first one after"
        elif mode in ("this", "last week", "next week"):
            weeks = {"this": 0, "last week": -1, "next week": 1}[mode]
            on = (ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=m.weekday or 0)
                  + dt.timedelta(days=7 * weeks))
            how = {"this": "the one in the Monday-to-Sunday week of",
                   "last week": "the one in the week before that of",
                   "next week": "the one in the week after that of"}[mode]
        elif mode == "next-or-same":
            on, how = ref + dt.timedelta(days=fwd), "the first one on or after (it looks ahead)"
        else:
            on, how = ref - dt.timedelta(days=back), "the latest one on or before"
        weekend = " The weekend: its Saturday, to the week." if m.week else ""
        return on, Certainty.INFERRED, basis, (
            f"{name}: {how} {self._ref_text(basis, ref)} ({_fmt(on)}).{weekend}")

    def _anchored(self, m: Mention, speaking: bool
                  ) -> tuple[dt.date | None, Certainty, str | None, str]:
        ref, basis = self._ref(speaking)
        if ref is None:
            return None, Certainty.UNKNOWN, None, (
                "Counted from the report's day, which is not known.")
        offset = m.offset or 0
        on = ref + dt.timedelta(days=offset)
        if m.week:
            on -= dt.timedelta(days=on.weekday())
            return on, Certainty.INFERRED, basis, (
                f"The week {_count(offset // 7, 'week')} {self._ref_text(basis, ref)}: the week "
                f"from Monday {_fmt(on)}.")
        return on, Certainty.INFERRED, basis, (
            f"{_count(offset, 'day')} {self._ref_text(basis, ref)}: {_fmt(on)}.")

    def _chained(self, m: Mention) -> tuple[dt.date | None, Certainty, str | None, str]:
        if self.prev is None:
            return None, Certainty.UNKNOWN, None, (
                "Counted from an earlier day, but no earlier day of the text is resolved.")
        offset = m.offset or 0
        on = self.prev.on + dt.timedelta(days=offset)
        return on, Certainty.INFERRED, "preceding", (
            f"{_count(offset, 'day')} '{self.prev.words}' ({_fmt(self.prev.on)}): {_fmt(on)}.")

    def _time_alone(self, m: Mention, role: Role, sentence: int, common: dict
                    ) -> TimeExpression:
        at = dt.time(m.hour or 0, m.minute or 0)
        if self.prev is not None and self.prev.sentence == sentence:
            on, at, note = self._clock(m, self.prev.on)
            return TimeExpression(
                role=role, on=on, at=at, precision=TimePrecision.DAY,
                certainty=Certainty.INFERRED, year_basis="preceding",
                reasoning=f"A clock time alone: the day of '{self.prev.words}' earlier in the "
                          f"sentence.{note}", **common)
        return TimeExpression(role=role, on=None, at=at, precision=None,
                              certainty=Certainty.UNKNOWN, year_basis=None,
                              reasoning=f"A clock time ({at.strftime('%H:%M')}) with no day.",
                              **common)

    def _duration(self, m: Mention, bound: str | None, common: dict) -> TimeExpression:
        if m.months:
            length = _count_abs(m.months, "month")
        else:
            length = _count_abs(m.days or 0, "day")
        notes = []
        if m.approximate:
            notes.append("approximate")
        if m.ordinal:
            notes.append("the day count running, the first day counted as day one")
        extra = f" ({'; '.join(notes)})" if notes else ""
        return TimeExpression(
            role=Role.DURATION, on=None, at=None, precision=None,
            certainty=Certainty.INFERRED if m.approximate else Certainty.STATED,
            reasoning=f"A length of {length}{extra}; from a known start it ends on start + "
                      f"{length} (end_of_duration).",
            days=m.days, months=m.months, bound=_bound_role(bound), **common)

    def _month(self, m: Mention, bound: str | None, ahead: bool, common: dict) -> TimeExpression:
        ref, basis = self._ref(False)
        year = month = None
        why = ""
        if m.kind == "season":
            year = m.year
            if year is None and ref is not None and m.year_shift is not None:
                year, basis = ref.year + m.year_shift, basis
            season = m.season or ""
            reasoning = (f"Only the season: {season} {year}." if year else
                         f"Only the season ({season}), and no year is known.")
            return TimeExpression(role=Role.MONTH, on=None, at=None, precision=None,
                                  certainty=Certainty.UNKNOWN, reasoning=reasoning,
                                  year_basis="text" if m.year else (basis or None),
                                  bound=_bound_role(bound), part=m.part, **common)
        if m.month_shift is not None:
            if ref is not None:
                year, month = _shift_month(ref.year, ref.month, m.month_shift)
                which = {-1: "the month before", 0: "the month of", 1: "the month after"}[
                    max(-1, min(1, m.month_shift))]
                why = f"{which} {self._ref_text(basis, ref)}"
        else:
            month = m.month
            if m.year is not None:
                year, basis, why = m.year, "text", "month and year in the text"
            elif ref is not None and m.year_shift is not None:
                year = ref.year + m.year_shift
                why = f"year counted from {self._ref_text(basis, ref)}"
            elif ref is not None and month is not None:
                year = _year_for_month(month, ref, ahead, m.modifier)
                why = f"the year from {self._ref_text(basis, ref)}"
            elif self.cue_year is not None:
                year, basis, why = self.cue_year, "weekday cue", self.cue_reason
        part = f"{m.part} " if m.part else ""
        if year is None or month is None:
            return TimeExpression(role=Role.MONTH, on=None, at=None, precision=None,
                                  certainty=Certainty.UNKNOWN, bound=_bound_role(bound),
                                  reasoning="A month, but the report's day (or year) is not known.",
                                  part=m.part, **common)
        on = dt.date(year, month, 1)
        label = f"{on:%Y-%m}"
        return TimeExpression(
            role=Role.MONTH, on=on, at=None, precision=TimePrecision.MONTH,
            certainty=Certainty.INFERRED, year_basis=basis or None, bound=_bound_role(bound),
            in_month=label, part=m.part,
            reasoning=f"Only the month: {part}{calendar.month_name[month]} {year} ({why}); "
                      "no day.", **common)


# --- Calendar helpers --------------------------------------------------------------------

def _plain_days(anchor: Anchor) -> Anchor:
    """The anchor with plain dates (a datetime is cut to its day); anything else is an error."""
    days = {}
    for name in ("published", "spoke"):
        value = getattr(anchor, name)
        if isinstance(value, dt.datetime):
            value = value.date()
        elif value is not None and not isinstance(value, dt.date):
            raise TypeError(f"Anchor.{name} must be a datetime.date or None, got {value!r}")
        days[name] = value
    return replace(anchor, **days)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_of(year: int, month: int | None, day: int | None) -> int | None:
    on = _safe_date(year, month or 0, day or 0)
    return on.weekday() if on else None


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    y, m = divmod(month - 1 + shift, 12)
    return year + y, m + 1


def _year_for(month: int, day: int, ref: dt.date, ahead: bool) -> dt.date | None:
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1)
                  if (d := _safe_date(y, month, day)) is not None]
    if not candidates:
        return None
    if ahead:
        return min(candidates, key=lambda d: (abs((d - ref).days), d > ref))
    past = [d for d in candidates if d <= ref]
    return max(past) if past else min(candidates)


def _day_for(day: int, ref: dt.date, mode: str) -> dt.date | None:
    candidates = []
    for shift in (-2, -1, 0, 1, 2):
        year, month = _shift_month(ref.year, ref.month, shift)
        if (d := _safe_date(year, month, day)) is not None:
            candidates.append(d)
    if mode == "past":
        past = [d for d in candidates if d <= ref]
        return max(past) if past else None
    if mode == "coming":
        future = [d for d in candidates if d > ref]
        return min(future) if future else None
    return min(candidates, key=lambda d: (abs((d - ref).days), d > ref)) if candidates else None


def _year_for_month(month: int, ref: dt.date, ahead: bool, modifier: str | None) -> int:
    if modifier == "last":
        return ref.year if month < ref.month else ref.year - 1
    if modifier == "next":
        return ref.year if month > ref.month else ref.year + 1
    if ahead:
        best = min((ref.year - 1, ref.year, ref.year + 1),
                   key=lambda y: abs((y - ref.year) * 12 + month - ref.month))
        return best
    return ref.year if month <= ref.month else ref.year - 1


def _has_month(words: str) -> bool:
    return bool(re.search(r"\d\s*월|[A-Z][a-z]{2}", words))


def _bound_role(bound: str | None) -> Role | None:
    return {"from": Role.FROM, "until": Role.UNTIL}.get(bound or "")


def _fmt(day: dt.date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"


def _month_day(month: int, day: int) -> str:
    return f"{calendar.month_abbr[month]}. {day}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _count_abs(n: int, unit: str) -> str:
    return f"{n} {unit}" + ("" if n == 1 else "s")


def _count(offset: int, unit: str) -> str:
    if offset == 0:
        return f"The same {unit} as"
    where = "after" if offset > 0 else "before"
    return f"{_count_abs(abs(offset), unit).capitalize()} {where}"
