"""English date rules: the patterns and what each match says."""

from __future__ import annotations

import re

from geo.extract.dates_rules import Hit, Mention, compile_table, lower_words, month_part
from geo.extract.dates_words import MONTHS_EN, NUMBER_WORDS_EN, WEEKDAYS_EN, number_en

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
        r"November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?![a-z])\.?")
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_PART_EN = (r"(?P<part>(?i:early|late|mid|the\s+(?:beginning|start|end|middle|first\s+half|"
            r"second\s+half)\s+of))")
_NUM = rf"(?P<n>(?i:{NUMBER_WORDS_EN}))"

# Each rule is (name, core, prefix); the characters a core can start with let the scan skip.
_FIRSTS_EN = {
    "mdy": "JFMASOND", "dmy": "0-9", "iso": "0-9", "month": "JFMASOND", "weekday": "MTWFS",
    "anchored": "tTyYlL", "week": "lLtTnN", "chained": "tT", "relmonth": "mM",
    "season": "sSaAfFwW", "count": "0-9aAoOtTfFsSeEnNhH", "fortnight": "aA", "clock": "0-9",
    "clock24": "0-9", "noon": "mMnN", "nth": "0-9", "weekend": "wW",
}

EN_PATTERNS = compile_table((
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
              r"after\s+that))\b(?!\s+than\b))?",
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



def parse_en(name: str, m: Hit, text: str) -> Mention | None:
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
                       modifier=modifier, part=month_part(g["part"]))
    if name == "weekday":
        mod = lower_words(g["mod"]) if g["mod"] else None
        modifier = {"last": "last", "this past": "last", "past": "last", "this": "this",
                    "next": "next", "this coming": "next", "coming": "next"}.get(mod or "")
        if g["wk"]:  # "Thursday last week": that weekday in the week before the anchor's
            modifier = {"last": "last week", "this": "this", "next": "next week"}[g["wk"].lower()]
        return Mention(start, end, "weekday", weekday=WEEKDAYS_EN[g["wd"].lower()],
                       modifier=modifier)
    if name == "anchored":
        return Mention(start, end, "anchored", offset=_ANCHORED_EN[lower_words(g["w"])])
    if name == "week":
        which = lower_words(g["which"])
        shift = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[which]
        kind = "chained" if which.startswith("the ") else "anchored"  # of the story, not of now
        return Mention(start, end, kind, offset=7 * shift, week=True)
    if name == "chained":
        w = lower_words(g["w"])
        offset = 1 if ("next" in w or "following" in w or "after" in w) else (
            -1 if ("before" in w or "previous" in w) else 0)
        return Mention(start, end, "chained", offset=offset)
    if name == "relmonth":
        if not g["which"]:
            return None  # "a month", "months": a length, not a month
        which = lower_words(g["which"])
        if which == "the" and not g["part"]:
            return None
        if which == "the same":
            return None  # "the same month": counted from a month we may not know; left out
        shift = {"this": 0, "the": 0, "last": -1, "the previous": -1, "next": 1,
                 "the following": 1}[which]
        return Mention(start, end, "month", month_shift=shift, part=month_part(g["part"]))
    if name == "season":
        if not g["year"] and not g["which"]:
            return None
        which = lower_words(g["which"]) if g["which"] else None
        if which == "the" and not g["year"]:
            return None
        year_shift = {"this": 0, "last": -1, "next": 1}.get(which or "")
        season = g["season"].lower()
        return Mention(start, end, "season", season="autumn" if season == "fall" else season,
                       year=int(g["year"]) if g["year"] else None, year_shift=year_shift,
                       part=month_part(g["part"]))
    if name == "count":
        return _count_en(g, start, end)
    if name == "fortnight":
        return Mention(start, end, "duration", days=14)
    if name == "weekend":  # "last weekend": its Saturday, to the week
        if not g["which"]:
            return None
        which = lower_words(g["which"])
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


def _count_en(g: dict[str, str | None], start: int, end: int) -> Mention | None:
    """'30 days', 'three-week', 'a month'; with 'ago' / 'later' / 'earlier' a counted day."""
    n = number_en(g["n"] or "")
    if not n:
        return None
    unit = (g["unit"] or "").lower()
    approximate = bool(g["qual"])
    direction = lower_words(g["dir"]) if g["dir"] else None
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
