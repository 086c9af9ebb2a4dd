"""Korean date rules: the patterns and what each match says."""

from __future__ import annotations

from geo.extract.dates_rules import Hit, Mention, compile_table, squash
from geo.extract.dates_words import COUNTS_KO, DAYS_KO, MONTH_PARTS, WEEKDAYS_KO

_FIRSTS_KO = {
    "ymd": "0-9", "iso": "0-9", "day": "0-9", "month": "0-9", "relmonth": "지이다내",
    "weekday": "월화수목금토일", "anchored": "그어오금내모간", "counted": "0-9", "week": "지이다",
    "chained": "그다이익당같전하", "season": "봄여가겨", "duration": "0-9",
    "duration_word": "한두세석네넉다여일아열", "duration_days": "일하이사나닷엿여아열보",
    "duration_term": "기", "clock": "0-9", "noon": "정자", "hours": "0-9", "weekend": "주",
}

_PART_KO = r"(?P<part>초순|초|중순|하순|상순|말(?!씀|하|했|한|을\s*했))"
_YEAR_KO = r"(?:(?P<year>(?:19|20)\d\d)\s*년\s*|(?P<yw>지난해|작년|올해|금년|내년)\s*)$"
# Words after N일 that make it a length or a count (15일간, 3일 전), not a day of the month;
# 전/후/뒤 only as words of their own ("19일 전했다" is "reported on the 19th").
_AFTER_COUNT = r"(?:전|후|뒤)(?:$|[^가-힣]|에|인|부터|까지|의|쯤|께)"
# A particle or word after a count that makes it a length; one-syllable ones only as words
# of their own ("15일간", "15일 간" but not "19일 간부들이", the cadres on the 19th).
_SUFFIX = (r"간(?=의|[^가-힣]|$)|동안|만에|만(?=[^가-힣]|$)|째|이상|넘게|넘는|여(?=[^가-힣]|$)|"
           r"가량|정도|가까이|이내")
_DAY_STOP = (rf"(?!\s*(?:{_SUFFIX}|넘(?:는|게|도록)|씩|분(?=[^가-힣]|$|량)|치(?=[^가-힣]|$)|"
             rf"내로|로써|안에|{_AFTER_COUNT}))")

KO_PATTERNS = compile_table((
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
    ("counted", r"(?<!\d)(?P<n>\d{1,3})\s*(?P<unit>일|주)\s*(?P<dir>전|뒤|후)"
                r"(?=$|[^가-힣]|에|인|부터|까지|의|쯤|께)", None),
    ("week", r"(?P<which>지난\s?주|이번\s?주|다음\s?주)(?!\s*[월화수목금토일]요일)", None),
    ("chained", r"(?P<w>그\s?다음\s?날|다음\s?날|이튿날|익일|당일|같은\s?날|그날|이날|"
                r"전날|하루\s?뒤|하루\s?후|하루\s?전)", None),
    ("season", r"(?P<season>봄|여름|가을|겨울)", _YEAR_KO),
    # N일 needs a word after it to be a length (19일 alone is a day of the month); weeks and
    # months (3주, 2개월) are lengths as they stand.
    ("duration", r"(?<!\d)(?P<n>\d{1,3})\s*(?P<yeo>여)?\s*(?:(?P<unit>일|주일|주|개월|달)\s*"
                 rf"(?P<suf>{_SUFFIX})|"
                 r"(?P<unit2>개월|주일|주)(?!년|간|동안|만|째|이상|넘|여|가량|정도|가까이|이내))",
     r"(?P<qual>약|대략|거의)\s*$"),
    ("duration_word", r"(?<![가-힣])(?P<n>한|두|세|석|네|넉|다섯|여섯|일곱|여덟|아홉|열)"
                      rf"\s?(?P<unit>달|주)(?:\s*(?P<suf>{_SUFFIX})|(?![가-힣]))",
     r"(?P<qual>약|대략|거의)\s*$"),
    ("duration_days", r"(?<![가-힣])(?P<w>일주일|하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|"
                      rf"아흐레|열흘|보름)(?:\s*(?P<suf>{_SUFFIX})|(?![가-힣]))",
     r"(?P<qual>약|대략|거의)\s*$"),
    ("duration_term", r"기간(?:은|이|을|도)?\s*(?P<w>(?P<n>\d{1,3})\s*일)", None),
    ("clock", r"(?<!\d)(?P<h>\d{1,2})\s*시"
              r"(?!간|즌|장|내|청|민|설|기|행|작)(?:\s*(?P<m>\d{1,2})\s*분|\s*(?P<half>반))?"
              r"(?:\s*(?P<approx>경|께|쯤|무렵))?",
     r"(?P<tod>오전|오후|새벽|아침|저녁|밤|낮|한밤중|심야)\s*$"),
    ("noon", r"(?P<w>정오|자정)", None),
    ("hours", rf"(?<!\d)(?P<n>\d{{1,3}})\s*시간(?:\s*(?P<suf>{_SUFFIX}))?",
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



def parse_ko(name: str, m: Hit, text: str) -> Mention | None:
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
        pre = squash(g["pre"]) if g["pre"] else None
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
        return Mention(start, end, "month", month_shift=_MONTH_SHIFT_KO[squash(g["which"])],
                       part=MONTH_PARTS.get(g["part"] or ""))
    if name == "weekday":
        mod = squash(g["mod"]) if g["mod"] else None
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
        shift = {"지난주": -1, "이번주": 0, "다음주": 1}[squash(g["which"])]
        return Mention(start, end, "anchored", offset=7 * shift, week=True)
    if name == "chained":
        return Mention(start, end, "chained", offset=_CHAINED_KO[squash(g["w"])])
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
