"""Find the spans of time expressions in English and Korean report text.

This module only *finds* and *parses* spans into :class:`Mention` values (what
the words say: a month and a day, a weekday, "the next day", a clock time, a
duration); :mod:`geo.extract.dates` resolves them to days. Every pattern is a
plain regular expression without nested repetition, so scanning is linear in
the length of the text; context is looked at in windows of bounded size.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from geo.extract.dates_words import (
    COUNTS_KO,
    DAYS_KO,
    MONTH_PARTS,
    MONTHS_EN,
    NUMBER_WORDS_EN,
    WEEKDAYS_EN,
    WEEKDAYS_KO,
    number_en,
)

MAX_MENTIONS = 2000  # a news report holds a few dozen; past this only the first are read
CONTEXT = 48  # characters looked at on either side of a span for its role and cues


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


PREFIX_REACH = 40  # characters looked back from a core for its optional leading words
BLOCK = 65_536  # a text is scanned in blocks so that a huge one stops once enough is found
BLOCK_OVERLAP = 256  # longer than any one expression: a match across a block's end is whole


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


def _compile(rows: tuple[tuple[str, str, str | None], ...], firsts: dict[str, str]) -> Table:
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


def _hits(table: Table, text: str, start: int, end: int):
    """Core matches that begin in ``text[start:end]``, with their look-back prefixes."""
    endpos = min(len(text), end + BLOCK_OVERLAP)
    for name, core, prefix, names in table:
        for match in core.finditer(text, start, endpos):
            if match.start() >= end:
                break
            before = None
            if prefix is not None:
                before = prefix.search(text, max(0, match.start() - PREFIX_REACH), match.start())
            yield name, Hit(match, before, names)


# --- English -----------------------------------------------------------------------------

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
        r"November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?![a-z])\.?")
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_PART_EN = (r"(?P<part>(?i:early|late|mid|the\s+(?:beginning|start|end|middle|first\s+half|"
            r"second\s+half)\s+of))")
_NUM = rf"(?P<n>(?i:{NUMBER_WORDS_EN}))"

# Each pattern is (name, core, prefix): the core starts with a required token (a digit, a
# month or weekday name), so a scan does little work where nothing can start; the optional
# words before it ("early", "last", "about") are matched looking back from the core.

_FIRSTS_EN = {
    "mdy": "JFMASOND", "dmy": "0-9", "iso": "0-9", "month": "JFMASOND", "weekday": "MTWFS",
    "anchored": "tTyYlL", "week": "lLtTnN", "chained": "tT", "relmonth": "mM",
    "season": "sSaAfFwW", "count": "0-9aAoOtTfFsSeEnNhH", "fortnight": "aA", "clock": "0-9",
    "clock24": "0-9", "noon": "mMnN", "nth": "0-9", "weekend": "wW",
}
_FIRSTS_KO = {
    "ymd": "0-9", "iso": "0-9", "day": "0-9", "month": "0-9", "relmonth": "지이다내",
    "weekday": "월화수목금토일", "anchored": "그어오금내모간", "counted": "0-9", "week": "지이다",
    "chained": "그다이익당같전하", "season": "봄여가겨", "duration": "0-9",
    "duration_word": "한두세석네넉다여일아열", "duration_days": "일하이사나닷엿여아열보",
    "duration_term": "기", "clock": "0-9", "noon": "정자", "hours": "0-9", "weekend": "주",
}

EN_PATTERNS = _compile((
    ("mdy", rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+{_YEAR})?", None),
    ("dmy", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?", None),
    ("iso", r"\b(?P<year>20\d\d)[-/.](?P<mon>[01]?\d)[-/.](?P<day>[0-3]?\d)(?![\d:])", None),
    ("month", rf"\b{_MON}(?:,?\s+(?:of\s+)?(?:{_YEAR}|(?P<yshift>(?i:last|this|next))\s+year))?",
     rf"(?:{_PART_EN}[\s-]+)?(?:\b(?P<shift>(?i:last|this|next))\s+)?$"),
    ("weekday", r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
                r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"
                r"(?:\s+(?:of\s+)?(?P<wk>(?i:last|this|next))\s+(?i:week)\b)?",
     r"\b(?P<mod>(?i:last|this\s+past|this\s+coming|this|next|past|coming))\s+$"),
    ("anchored", r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|"
                 r"tonight|this\s+morning|last\s+night|this\s+afternoon|this\s+evening))\b", None),
    ("week", r"\b(?P<which>(?i:last|this|next|the\s+previous|the\s+following))\s+(?i:week)\b",
     None),
    ("chained", r"\b(?P<w>(?i:the\s+(?:very\s+)?next\s+(?:day|morning)|the\s+following\s+"
                r"(?:day|morning)|the\s+(?:very\s+)?same\s+day|that\s+(?:very\s+|same\s+)?"
                r"(?:day|night|morning|afternoon|evening)|the\s+day\s+(?:before|after)|"
                r"the\s+previous\s+day|the\s+night\s+before))\b", None),
    ("relmonth", r"(?i:\bmonth\b)",
     rf"(?:{_PART_EN}[\s-]+|\b(?P<vague>(?i:earlier|later))\s+)?\b(?P<which>(?i:this|last|next|"
     r"the\s+previous|the\s+following|the\s+same|the))\s+$"),
    ("season", r"\b(?P<season>(?i:spring|summer|autumn|fall|winter))\b"
               r"(?:\s+of)?(?:\s+(?P<year>(?:19|20)\d\d)(?!\d))?",
     r"(?:\b(?P<part>(?i:early|late|mid))[\s-]+)?(?:\b(?P<which>(?i:this|last|next|the))\s+)?$"),
    ("count", rf"\b{_NUM}(?:\s*-\s*|\s+)(?P<unit>(?i:day|week|month|fortnight|hour))s?\b"
              r"(?:\s*-\s*long\b)?(?:\s+(?P<dir>(?i:ago|later|earlier|afterwards?|before\s+that|"
              r"after\s+that))\b)?",
     r"\b(?P<qual>(?i:about|around|roughly|nearly|almost|over|more\s+than|less\s+than|"
     r"at\s+least|up\s+to|some|approximately))\s+$"),
    ("fortnight", r"\b(?P<w>(?i:a\s+fortnight))\b", None),
    ("weekend", r"(?i:\bweekend\b)",
     r"\b(?P<which>(?i:last|this|this\s+past|the\s+past|over\s+the))\s+$"),
    ("nth", rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MON})"
            r"(?!\s+(?:[A-Z]|(?i:anniversary|time|day|floor|century|round|grade|year|birthday|"
            r"plenary|session|meeting|congress|person|place|of\s+(?:the|its|a)\b)))",
     r"\b(?P<prep>(?i:on|since|until|till|from|by|through|before|after|of))\s+(?i:the)\s+$"),
    ("clock", r"\b(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*"
              r"(?P<ap>[AaPp])(?:\.\s?[Mm]\.?|\s?[Mm](?![A-Za-z]))",
     r"\b(?P<approx>(?i:around|about|approximately|roughly|shortly\s+(?:before|after)))\s+$"),
    ("clock24", r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])(?:\s*hours\b)?", None),
    ("noon", r"\b(?P<w>(?i:midnight|noon|midday))\b", None),
), _FIRSTS_EN)

_FULL_MONTHS = frozenset(name for name in MONTHS_EN if len(name) > 4 or name in ("may", "june",
                                                                              "july"))
_ANCHORED_EN = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1,
                "tonight": 0, "this morning": 0, "last night": -1, "this afternoon": 0,
                "this evening": 0}
_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:in|since|from|until|till|by|of|through|during|to|between|and|before|after|"
    r"early|late|mid|last|this|next|throughout|around|until\s+the\s+end\s+of))[\s-]+$")


# --- Korean ------------------------------------------------------------------------------

_PART_KO = r"(?P<part>초순|초|중순|하순|상순|말(?!씀|하|했|한|을\s*했))"
_YEAR_KO = r"(?:(?P<year>(?:19|20)\d\d)\s*년\s*|(?P<yw>지난해|작년|올해|금년|내년)\s*)$"
_DAY_STOP = (r"(?!\s*(?:간|동안|만|째|이상|넘(?:는|게|도록)|여|가량|정도|씩|분|치|"
             r"이내|내로|후|뒤|전|로써|안에))")

KO_PATTERNS = _compile((
    ("ymd", rf"(?<!\d)(?P<mon>\d{{1,2}})\s*월\s*(?P<day>\d{{1,2}})\s*일{_DAY_STOP}", _YEAR_KO),
    ("iso", r"(?<!\d)(?P<year>20\d\d)[-/.]\s?(?P<mon>[01]?\d)[-/.]\s?(?P<day>[0-3]?\d)(?!\d)",
     None),
    ("day", rf"(?<!\d)(?P<day>\d{{1,2}})\s*일{_DAY_STOP}",
     r"(?P<pre>지난\s?달|지난|오는|이\s?달|이번\s?달|다음\s?달|내달)\s*$"),
    ("month", rf"(?<!\d)(?P<mon>\d{{1,2}})\s*월(?!\s*\d)(?:\s*{_PART_KO})?",
     rf"{_YEAR_KO[:-1]}?(?:(?P<pre>지난|오는)\s*)?$"),
    ("relmonth", rf"(?P<which>지난\s?달|이\s?달|이번\s?달|다음\s?달|내달)(?!\s*\d)"
                 rf"(?:\s*{_PART_KO})?", None),
    ("weekday", r"(?P<wd>[월화수목금토일])요일",
     r"(?P<mod>지난주|지난\s?주|이번\s?주|다음\s?주|지난|이번|다음|오는)\s*$"),
    ("anchored", r"(?P<w>그저께|그제|어저께|어제|오늘|금일|내일|모레|어젯밤|간밤|"
                 r"오늘밤)(?!날)", None),
    ("counted", r"(?<!\d)(?P<n>\d{1,3})\s*(?P<unit>일|주)\s*(?P<dir>전|뒤|후)(?![가-힣])", None),
    ("week", r"(?P<which>지난\s?주|이번\s?주|다음\s?주)(?!\s*[월화수목금토일]요일)", None),
    ("chained", r"(?P<w>그\s?다음\s?날|다음\s?날|이튿날|익일|당일|같은\s?날|그날|이날|"
                r"전날|하루\s?뒤|하루\s?후|하루\s?전)", None),
    ("season", r"(?P<season>봄|여름|가을|겨울)", _YEAR_KO),
    # N일 needs a word after it to be a length (19일 alone is a day of the month); weeks and
    # months (3주, 2개월) are lengths as they stand.
    ("duration", r"(?<!\d)(?P<n>\d{1,3})\s*(?P<yeo>여)?\s*(?:(?P<unit>일|주일|주|개월|달)\s*"
                 r"(?P<suf>간|동안|만에|만|째|이상|넘게|넘는|여|가량|정도|가까이|이내)|"
                 r"(?P<unit2>개월|주일|주)(?!년|간|동안|만|째|이상|넘|여|가량|정도|가까이|이내))",
     r"(?P<qual>약|대략|거의)\s*$"),
    ("duration_word", r"(?<![가-힣])(?P<n>한|두|세|석|네|넉|다섯|여섯|일곱|여덟|아홉|열)"
                      r"\s?(?P<unit>달|주)(?:\s*(?P<suf>간|동안|만에|만|째|이상|넘게|넘는|"
                      r"가량|정도|가까이|여)|(?![가-힣]))", r"(?P<qual>약|대략|거의)\s*$"),
    ("duration_days", r"(?<![가-힣])(?P<w>일주일|하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|"
                      r"아흐레|열흘|보름)(?:\s*(?P<suf>간|동안|만에|만|째|이상|넘게|넘는|"
                      r"가량|정도|가까이)|(?![가-힣]))", r"(?P<qual>약|대략|거의)\s*$"),
    ("duration_term", r"기간(?:은|이|을|도)?\s*(?P<w>(?P<n>\d{1,3})\s*일)", None),
    ("clock", r"(?<!\d)(?P<h>\d{1,2})\s*시"
              r"(?!간|즌|장|내|청|민|설|기|행|작)(?:\s*(?P<m>\d{1,2})\s*분|\s*(?P<half>반))?"
              r"(?:\s*(?P<approx>경|께|쯤|무렵))?",
     r"(?P<tod>오전|오후|새벽|아침|저녁|밤|낮|한밤중|심야)\s*$"),
    ("noon", r"(?P<w>정오|자정)", None),
    ("hours", r"(?<!\d)(?P<n>\d{1,3})\s*시간(?:\s*(?P<suf>동안|만에|만|이상|넘게|가량|정도))?",
     r"(?P<qual>약|대략|거의)\s*$"),
    ("weekend", r"주말", r"(?P<which>지난|이번)\s*$"),
), _FIRSTS_KO)

_ANCHORED_KO = {"그저께": -2, "그제": -2, "어저께": -1, "어제": -1, "오늘": 0, "금일": 0,
                "내일": 1, "모레": 2, "어젯밤": -1, "간밤": -1, "오늘밤": 0}
_CHAINED_KO = {"그다음날": 1, "다음날": 1, "이튿날": 1, "익일": 1, "당일": 0, "같은날": 0,
               "그날": 0, "이날": 0, "전날": -1, "하루뒤": 1, "하루후": 1, "하루전": -1}
_MONTH_SHIFT_KO = {"지난달": -1, "이달": 0, "이번달": 0, "다음달": 1, "내달": 1}
_YEAR_SHIFT_KO = {"지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1}
_TOD_KO = {"오전": "am", "새벽": "am", "아침": "am", "오후": "pm", "저녁": "pm", "밤": "night",
           "낮": "day", "한밤중": "night", "심야": "night"}


def _squash(words: str) -> str:
    return re.sub(r"\s+", "", words)


def _lower(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower())


# --- Parsing one match into a Mention ----------------------------------------------------

def _parse_en(name: str, m: Hit, text: str) -> Mention | None:
    g = m.groupdict()
    start, end = m.span()
    if name in ("mdy", "dmy", "iso"):
        if (name == "dmy" and m.end("mon") + 1 == end and m.group(0).endswith(".")
                and g["mon"].lower() in _FULL_MONTHS):
            end -= 1  # "19 November." ends a sentence
        month = int(g["mon"]) if name == "iso" else MONTHS_EN[g["mon"].lower()]
        day = int(g["day"])
        year = int(g["year"]) if g.get("year") else None
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        return Mention(start, end, "date", month=month, day=day, year=year)
    if name == "month":
        has_cue = g["part"] or g["shift"] or g["year"] or g["yshift"]
        if not has_cue and not _PREPOSITION_BEFORE.search(text[max(0, start - 30):start]):
            return None  # "May" the verb, "March" the walk: a bare name needs a preposition
        if not has_cue and g["mon"] in ("May", "March") and not m.group(0).endswith("."):
            before = text[max(0, start - 12):start].lower()
            if not re.search(r"\b(?:in|since|from|until|till|of|through|during|early|late|mid)"
                             r"[\s-]+$", before):
                return None
        if m.group(0).endswith(".") and g["mon"].lower() in _FULL_MONTHS:
            end -= 1  # "mid-September." ends a sentence; only abbreviations take the stop
        year_shift = None
        if g["yshift"]:
            year_shift = {"last": -1, "this": 0, "next": 1}[g["yshift"].lower()]
        modifier = g["shift"].lower() if g["shift"] else None
        return Mention(start, end, "month", month=MONTHS_EN[g["mon"].lower()],
                       year=int(g["year"]) if g["year"] else None, year_shift=year_shift,
                       modifier=modifier, part=_part(g["part"]))
    if name == "weekday":
        mod = _lower(g["mod"]) if g["mod"] else None
        modifier = {"last": "last", "this past": "last", "past": "last", "this": "this",
                    "next": "next", "this coming": "next", "coming": "next"}.get(mod or "")
        if g["wk"]:  # "Thursday last week": that weekday in the week before the anchor's
            modifier = {"last": "last week", "this": "this", "next": "next week"}[g["wk"].lower()]
        return Mention(start, end, "weekday", weekday=WEEKDAYS_EN[g["wd"].lower()],
                       modifier=modifier)
    if name == "anchored":
        return Mention(start, end, "anchored", offset=_ANCHORED_EN[_lower(g["w"])])
    if name == "week":
        which = _lower(g["which"])
        shift = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[which]
        kind = "chained" if which.startswith("the ") else "anchored"  # of the story, not of now
        return Mention(start, end, kind, offset=7 * shift, week=True)
    if name == "chained":
        w = _lower(g["w"])
        offset = 1 if ("next" in w or "following" in w or "after" in w) else (
            -1 if ("before" in w or "previous" in w) else 0)
        return Mention(start, end, "chained", offset=offset)
    if name == "relmonth":
        if not g["which"]:
            return None  # "a month", "months": a length, not a month
        which = _lower(g["which"])
        if which == "the" and not g["part"]:
            return None
        if which == "the same":
            return None  # "the same month": counted from a month we may not know; left out
        shift = {"this": 0, "the": 0, "last": -1, "the previous": -1, "next": 1,
                 "the following": 1}[which]
        return Mention(start, end, "month", month_shift=shift, part=_part(g["part"]))
    if name == "season":
        if not g["year"] and not g["which"]:
            return None
        which = _lower(g["which"]) if g["which"] else None
        if which == "the" and not g["year"]:
            return None
        year_shift = {"this": 0, "last": -1, "next": 1}.get(which or "")
        season = g["season"].lower()
        return Mention(start, end, "season", season="autumn" if season == "fall" else season,
                       year=int(g["year"]) if g["year"] else None, year_shift=year_shift,
                       part=_part(g["part"]))
    if name == "count":
        return _count_en(g, start, end)
    if name == "fortnight":
        return Mention(start, end, "duration", days=14)
    if name == "weekend":  # "last weekend": its Saturday, to the week
        if not g["which"]:
            return None
        which = _lower(g["which"])
        modifier = "this" if which in ("this", "over the") else "last"
        return Mention(start, end, "weekday", weekday=5, modifier=modifier, week=True)
    if name == "nth":  # "on the 19th": a day of the month, as Korean writes 19일
        day = int(g["day"])
        if not g["prep"] or not 1 <= day <= 31:
            return None
        the = re.search(r"(?i:\bthe\b)", text[start:end])  # the words are "the 19th"
        return Mention(start + (the.start() if the else 0), end, "day", day=day)
    if name in ("clock", "clock24"):
        hour, minute = int(g["h"]), int(g["m"] or 0)
        if name == "clock":
            if not 1 <= hour <= 12:
                return None
            pm = g["ap"].lower() == "p"
            hour = (hour % 12) + (12 if pm else 0)
        return Mention(start, end, "time", hour=hour, minute=minute,
                       approximate=bool(g.get("approx")), time_words=m.group(0))
    if name == "noon":
        w = g["w"].lower()
        return Mention(start, end, "time", hour=0 if w == "midnight" else 12, minute=0,
                       midnight=w == "midnight", time_words=m.group(0))
    return None


def _parse_ko(name: str, m: Hit, text: str) -> Mention | None:
    g = m.groupdict()
    start, end = m.span()
    year = int(g["year"]) if g.get("year") else None
    year_shift = _YEAR_SHIFT_KO.get(g["yw"]) if g.get("yw") else None
    if name in ("ymd", "iso"):
        month, day = int(g["mon"]), int(g["day"])
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        return Mention(start, end, "date", month=month, day=day, year=year,
                       year_shift=year_shift)
    if name == "day":
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        pre = _squash(g["pre"]) if g["pre"] else None
        return Mention(start, end, "day", day=day, month_shift=_MONTH_SHIFT_KO.get(pre or ""),
                       past=pre == "지난", coming=pre == "오는")
    if name == "month":
        month = int(g["mon"])
        if not 1 <= month <= 12:
            return None
        return Mention(start, end, "month", month=month, year=year, year_shift=year_shift,
                       modifier={"지난": "last", "오는": "next"}.get(g["pre"] or ""),
                       part=MONTH_PARTS.get(g["part"] or ""))
    if name == "relmonth":
        return Mention(start, end, "month", month_shift=_MONTH_SHIFT_KO[_squash(g["which"])],
                       part=MONTH_PARTS.get(g["part"] or ""))
    if name == "weekday":
        mod = _squash(g["mod"]) if g["mod"] else None
        modifier = {"지난주": "last week", "지난": "last", "이번주": "this", "이번": "this",
                    "다음주": "next week", "다음": "next", "오는": "next"}.get(mod or "")
        return Mention(start, end, "weekday", weekday=WEEKDAYS_KO[g["wd"]], modifier=modifier)
    if name == "anchored":
        return Mention(start, end, "anchored", offset=_ANCHORED_KO[g["w"]])
    if name == "counted":  # 3일 전 (three days ago), 10일 뒤 (ten days later)
        step = int(g["n"]) * (7 if g["unit"] == "주" else 1)
        kind = "anchored" if g["dir"] == "전" else "chained"
        return Mention(start, end, kind, offset=-step if kind == "anchored" else step,
                       week=g["unit"] == "주")
    if name == "week":
        shift = {"지난주": -1, "이번주": 0, "다음주": 1}[_squash(g["which"])]
        return Mention(start, end, "anchored", offset=7 * shift, week=True)
    if name == "chained":
        return Mention(start, end, "chained", offset=_CHAINED_KO[_squash(g["w"])])
    if name == "season":
        if year is None and year_shift is None:
            return None
        return Mention(start, end, "season", season={"봄": "spring", "여름": "summer",
                       "가을": "autumn", "겨울": "winter"}[g["season"]], year=year,
                       year_shift=year_shift)
    if name in ("duration", "duration_word", "duration_days", "duration_term", "hours"):
        return _duration_ko(name, g, m)
    if name == "weekend":
        if not g["which"]:
            return None
        return Mention(start, end, "weekday", weekday=5, week=True,
                       modifier="this" if g["which"] == "이번" else "last")
    if name == "clock":
        hour, minute = int(g["h"]), int(g["m"] or 0) + (30 if g.get("half") else 0)
        if hour > 24 or minute > 59:
            return None
        tod = _TOD_KO.get(g["tod"] or "")
        if tod == "pm" and hour < 12:
            hour += 12
        elif tod == "night" and 6 <= hour < 12:
            hour += 12  # 밤 9시 = 21:00; 밤 1시 = 01:00
        elif tod == "am" and hour == 12:
            hour = 0
        midnight = hour == 24 or (tod == "night" and hour == 12)
        return Mention(start, end, "time", hour=0 if midnight else hour, minute=minute,
                       midnight=midnight, approximate=bool(g["approx"]), time_words=m.group(0))
    if name == "noon":
        midnight = g["w"] == "자정"
        return Mention(start, end, "time", hour=0 if midnight else 12, minute=0,
                       midnight=midnight, time_words=m.group(0))
    return None


def _count_en(g: dict[str, str | None], start: int, end: int) -> Mention | None:
    """'30 days', 'three-week', 'a month'; with 'ago' / 'later' / 'earlier' a counted day."""
    n = number_en(g["n"] or "")
    if not n:
        return None
    unit = (g["unit"] or "").lower()
    approximate = bool(g["qual"])
    direction = _lower(g["dir"]) if g["dir"] else None
    if unit == "hour":  # "a 48-hour lockdown": whole days only; "five hours" is not a day count
        if n % 24 or direction:
            return None
        return Mention(start, end, "duration", days=n // 24, approximate=approximate)
    step = n * {"day": 1, "week": 7, "fortnight": 14}.get(unit, 0)
    if direction and unit == "month":
        if direction == "ago":
            return Mention(start, end, "month", month_shift=-n, approximate=approximate)
        return Mention(start, end, "duration", months=n, approximate=approximate)
    if direction == "ago":
        return Mention(start, end, "anchored", offset=-step, week=unit != "day",
                       approximate=approximate)
    if direction:
        sign = -1 if ("earlier" in direction or "before" in direction) else 1
        return Mention(start, end, "chained", offset=sign * step, week=unit != "day",
                       approximate=approximate)
    if unit == "month":
        return Mention(start, end, "duration", months=n, approximate=approximate)
    return Mention(start, end, "duration", days=step, approximate=approximate)


def _duration_ko(name: str, g: dict[str, str | None], m: Hit) -> Mention | None:
    start, end = m.span("w") if name == "duration_term" else m.span()
    suf = g.get("suf") or ""
    approximate = bool(g.get("qual") or g.get("yeo")) or suf in (
        "이상", "넘게", "넘는", "여", "가량", "정도", "가까이")
    ordinal = suf == "째"
    if name == "duration_days":
        n, unit = DAYS_KO[g["w"] or ""], "일"
    elif name == "duration_word":
        n, unit = COUNTS_KO[g["n"] or ""], g["unit"] or ""
    elif name == "hours":
        n, unit = int(g["n"] or 0), "시간"
        if n % 24:
            return None  # 5시간: hours, not a count of days
        n, unit = n // 24, "일"
    else:
        n, unit = int(g["n"] or 0), g.get("unit") or g.get("unit2") or "일"
    if n == 0:
        return None
    days = months = None
    if unit == "일":
        days = n
    elif unit in ("주", "주일"):
        days = 7 * n
    else:
        months = n
    return Mention(start, end, "duration", days=days, months=months, approximate=approximate,
                   ordinal=ordinal)


def _part(words: str | None) -> str | None:
    if not words:
        return None
    words = _lower(words)
    for key in ("first half", "second half", "beginning", "start", "end", "middle",
                "early", "late", "mid"):
        if key in words:
            return MONTH_PARTS[key]
    return None


# --- Scanning, overlaps and merges ------------------------------------------------------

_PRIORITY = {"duration_term": 0, "duration": 1, "duration_word": 1, "duration_days": 1,
             "count": 2, "counted": 2, "chained": 3}


@lru_cache(maxsize=8)
def scan(text: str, language: str) -> tuple[Mention, ...]:
    """Every time expression in ``text``, in order, overlaps resolved, parts merged.

    Cached: a report is scanned once for its speaking day and once for all its dates.
    """
    patterns = KO_PATTERNS if language == "ko" else EN_PATTERNS
    parse = _parse_ko if language == "ko" else _parse_en
    found: list[tuple[int, int, int, Mention]] = []
    for block in range(0, len(text), BLOCK):
        for name, hit in _hits(patterns, text, block, block + BLOCK):
            mention = parse(name, hit, text)
            if mention is not None:
                found.append((mention.start, -(mention.end - mention.start),
                              _PRIORITY.get(name, 5), mention))
        if len(found) >= 2 * MAX_MENTIONS:
            break  # enough for the first MAX_MENTIONS: the rest of a huge text is not scanned
    found.sort(key=lambda item: item[:3])
    kept: list[Mention] = []
    last_end = -1
    for _, _, _, mention in found:
        if mention.start >= last_end:
            kept.append(mention)
            last_end = mention.end
            if len(kept) >= MAX_MENTIONS:
                break  # a page dump, not a report: the first ones are read, the work stays bounded
    merged = _merge_times(text, _merge_pairs(text, kept, language), language)
    return tuple(_split_ranges(text, merged, language))


_DAYLIKE = ("date", "day", "weekday", "anchored", "chained")
_BRACKET_WEEKDAY_KO = re.compile(r"\s?\(([월화수목금토일])(?:요일)?\)")
_BRACKET_WEEKDAY_EN = re.compile(
    r",?\s?\(?(?:a\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|"
    r"Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?\)?(?![A-Za-z])")


def _merge_pairs(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """Join a weekday or relative words to the date beside them.

    'Friday, Nov. 19', 'Nov. 19 (Friday)', 19일(금), 금요일인 19일, 다음날인 19일, 어제(23일).
    """
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        here = mentions[i]
        if out and here.start < out[-1].end:
            i += 1  # swallowed by the bracket of the mention before: 'Nov. 19 (Friday)'
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = text[here.end:nxt.start] if nxt is not None else ""
        joined = len(gap) <= 4 and re.fullmatch(r"(?:,\s*|\s*\(\s*|인\s*|\s+)", gap) is not None
        if nxt is not None and nxt.kind in ("date", "day") and joined:
            if here.kind == "weekday":
                out.append(_close_bracket(text, replace(nxt, start=here.start,
                                                        check_weekday=here.weekday)))
                i += 2
                continue
            if here.kind in ("anchored", "chained") and not here.week and (
                    "(" in gap or "인" in gap or (language == "en" and "," in gap)):
                out.append(_close_bracket(text, replace(nxt, start=here.start, relative=here)))
                i += 2
                continue
        if here.kind in ("date", "day"):
            if (language == "ko" and nxt is not None and nxt.kind == "weekday"
                    and re.fullmatch(r"\s*\(?\s*", gap)):
                out.append(_close_bracket(text, replace(here, end=nxt.end,
                                                        check_weekday=nxt.weekday)))
                i += 2
                continue
            rx = _BRACKET_WEEKDAY_KO if language == "ko" else _BRACKET_WEEKDAY_EN
            bracket = rx.match(text, here.end)
            if bracket and (language == "ko" or "(" in bracket.group(0)
                            or bracket.group(0).startswith(",")):
                name = bracket.group(1)
                weekday = WEEKDAYS_KO[name] if language == "ko" else _weekday_prefix(name)
                if weekday is not None:
                    here = replace(here, end=bracket.end(), check_weekday=weekday)
        out.append(here)
        i += 1
    return out


def _weekday_prefix(name: str) -> int | None:
    name = name.lower()[:3]
    for full, number in WEEKDAYS_EN.items():
        if full.startswith(name):
            return number
    return None


def _close_bracket(text: str, mention: Mention) -> Mention:
    if text[mention.end:mention.end + 1] == ")" and "(" in text[mention.start:mention.end]:
        return replace(mention, end=mention.end + 1)
    return mention


_GAP_TIME_EN = re.compile(r"\s*,?\s*(?:(?:on|of|at|from|the)\s+){0,2}")
_GAP_TIME_KO = re.compile(r"\s{0,2}")


def _merge_times(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """Give a day the clock time written beside it: 'at 10 AM the next day', 19일 오전 10시."""
    gap_rx = _GAP_TIME_KO if language == "ko" else _GAP_TIME_EN
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        here = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and nxt.start - here.end <= 12:
            gap = text[here.end:nxt.start]
            pair = (here, nxt) if here.kind == "time" else (nxt, here)
            clock, day = pair
            if (clock.kind == "time" and day.kind in _DAYLIKE and day.hour is None
                    and gap_rx.fullmatch(gap) and (language == "en" or here is day)):
                out.append(replace(day, start=here.start, end=nxt.end, hour=clock.hour,
                                   minute=clock.minute, midnight=clock.midnight,
                                   time_words=clock.time_words,
                                   approximate=day.approximate or clock.approximate))
                i += 2
                continue
        out.append(here)
        i += 1
    return out


_RANGE_TAIL_EN = re.compile(
    r"\s*(?P<link>-|\u2013|to|through|until|till|and)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    r"(?!\s*(?:-\s*)?(?i:days?|weeks?|months?|years?|[ap]\.?m|hours?|%|percent|people|"
    r"persons|cases|deaths|[A-Z]))(?!\.\d)")
_RANGE_HEAD_KO = re.compile(r"(?<!\d)(?P<day>[0-3]?\d)\s*(?:일\s*)?[~\u223c\-\u2013]\s*$")


def _split_ranges(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A range writes its second (or first) day bare: 'Nov. 19-25', 'May 2 to 8', 19~25일."""
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        nxt = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        if language == "ko" and mention.kind == "day" and mention.month_shift is None:
            low = out[-1].end if out else 0
            head = _RANGE_HEAD_KO.search(text, max(low, mention.start - 12), mention.start)
            if head:
                first = replace(mention, start=head.start("day"), end=head.end("day"),
                                day=int(head.group("day")), bound="from", hour=None,
                                minute=None, time_words=None, midnight=False)
                out.append(first)
                mention = replace(mention, bound="until")
        out.append(mention)
        if language == "en" and mention.kind == "date" and mention.hour is None:
            tail = _RANGE_TAIL_EN.match(text, mention.end)
            if tail and tail.end() <= nxt and 1 <= int(tail.group("day")) <= 31:
                link = tail.group("link")
                if link != "and":
                    out[-1] = replace(mention, bound="from")
                out.append(replace(mention, start=tail.start("day"), end=tail.end(),
                                   day=int(tail.group("day")), check_weekday=None,
                                   relative=None, bound=None if link == "and" else "until"))
    return out


# --- Sentences and cues --------------------------------------------------------------------

_SENTENCE_END = re.compile("[.!?\u3002]+[\"'\u201d\u2019)\\]]*(?=\\s)|\n")
_ABBREV = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|"
                     r"St|No|U\.S|a\.m|p\.m|[A-Z])\.)$")


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin: after a stop (not an abbreviation) and a blank, or a line."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group(0) != "\n" and _ABBREV.search(text, max(0, match.end() - 6), match.end()):
            continue
        starts.append(match.end())
    return starts


def sentence_of(starts: list[int], position: int) -> int:
    return bisect_right(starts, position) - 1


_FUTURE_EN = re.compile(r"(?i:\b(?:will|shall|scheduled|slated|due\s+to|expected\s+to|plans?\s+to|"
                        r"planned|set\s+to|going\s+to|upcoming|until|till|next)\b)")
_FUTURE_KO = re.compile(r"예정|계획|할 것|될 것|하겠|되겠|까지")


def looks_ahead(text: str, start: int, end: int, language: str, low: int, high: int) -> bool:
    """Whether the words governing a span speak of what is to come ('will', 예정).

    English puts the verb before the date ("will be lifted on Dec. 4"), Korean
    after it ("21일 … 해제될 예정"), so the window runs from ``low`` (the end of
    the previous expression) to the span in English, and from the span to
    ``high`` (the next expression) in Korean; at most ``CONTEXT`` characters.
    """
    if language == "ko":
        return _FUTURE_KO.search(text, end, min(high, end + CONTEXT)) is not None
    return _FUTURE_EN.search(text, max(low, start - CONTEXT), start) is not None


_FROM_EN = re.compile(r"(?i:\b(?:from|since|starting(?:\s+(?:on|from|at))?|beginning(?:\s+(?:on|"
                      r"from|at))?|effective(?:\s+from)?|commencing|between)\s+(?:(?:on|at)\s+)?)$")
_UNTIL_EN = re.compile(r"(?i:\b(?:until|till|til|through|thru|up\s+(?:to|until)|"
                       r"(?:extended|prolonged|postponed|pushed\s+back|moved)\b[^.;]{0,40}?\bto)\s+"
                       r"(?:(?:on|at)\s+)?)$")
_TO_EN = re.compile("(?i:\\s(?:to|and|-|\u2013)\\s*)$")
_FROM_KO = re.compile(r"\s*(?:부터|서부터|이후)")
_UNTIL_KO = re.compile(r"\s*까지")


def bound_of(text: str, start: int, end: int, language: str, after_from: bool) -> str | None:
    """'from' / 'until' / None: the preposition (English) or particle (Korean) at a span."""
    if language == "ko":
        if _FROM_KO.match(text, end):
            return "from"
        if _UNTIL_KO.match(text, end):
            return "until"
        return None
    before = text[max(0, start - 30):start]
    if _FROM_EN.search(before):
        return "from"
    if _UNTIL_EN.search(before):
        return "until"
    if after_from and _TO_EN.search(before):
        return "until"
    return None
