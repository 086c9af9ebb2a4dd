"""Find the spans of time expressions in English and Korean report text.

This module runs the rules (:mod:`geo.extract.dates_en`, :mod:`geo.extract.dates_ko`)
over a text, keeps the longest of overlapping spans, joins the parts of one
expression (a weekday and its date, a day and its clock time, a range) and
reads the cues around a span (its sentence, "from"/"until", a look ahead);
:mod:`geo.extract.dates` resolves them to days. Every pattern is a plain regular
expression without nested repetition, so scanning is linear in the length of
the text; context is looked at in windows of bounded size.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from geo.extract.dates_en import EN_PATTERNS, parse_en
from geo.extract.dates_ko import KO_PATTERNS, parse_ko
from geo.extract.dates_rules import Hit, Mention, Table
from geo.extract.dates_words import WEEKDAYS_EN, WEEKDAYS_KO

MAX_MENTIONS = 2000  # a news report holds a few dozen; past this only the first are read
CONTEXT = 48  # characters looked at on either side of a span for its role and cues
PREFIX_REACH = 40  # characters looked back from a core for its optional leading words
BLOCK = 65_536  # a text is scanned in blocks so that a huge one stops once enough is found
BLOCK_OVERLAP = 256  # longer than any one expression: a match across a block's end is whole


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


# --- Scanning, overlaps and merges ------------------------------------------------------

_PRIORITY = {"duration_term": 0, "duration": 1, "duration_word": 1, "duration_days": 1,
             "count": 2, "counted": 2, "chained": 3}


@lru_cache(maxsize=8)
def scan(text: str, language: str) -> tuple[Mention, ...]:
    """Every time expression in ``text``, in order, overlaps resolved, parts merged.

    Cached: a report is scanned once for its speaking day and once for all its dates.
    """
    patterns = KO_PATTERNS if language == "ko" else EN_PATTERNS
    parse = parse_ko if language == "ko" else parse_en
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
