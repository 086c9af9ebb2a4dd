"""geo.extract.dates: time expressions in English and Korean, resolved with their reasoning."""

from __future__ import annotations

import datetime as dt
import json
import signal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_files import SHARED

from geo.extract.dates import (
    Anchor,
    Role,
    end_of_duration,
    find_speaking_day,
    find_time_expressions,
)
from geo.model import Certainty, TimePrecision

D = dt.date
T = dt.time
S, INF, U = Certainty.STATED, Certainty.INFERRED, Certainty.UNKNOWN
P, F, UN, DU, MO = Role.POINT, Role.FROM, Role.UNTIL, Role.DURATION, Role.MONTH
ROOT = Path(__file__).resolve().parents[1]

TUE = D(2021, 11, 23)  # the founding report's speaking day, a Tuesday

# (language, text, publication day, the words, role, on, at, certainty)
CASES = [
    # weekdays against the speaking day, else the publication day
    ("en", "A source told Daily NK on Tuesday that the lockdown began from 5 PM on Friday.",
     D(2021, 11, 25), "5 PM on Friday", F, D(2021, 11, 19), T(17), INF),
    ("en", "A source told Daily NK on Tuesday that the lockdown began from 5 PM on Friday.",
     D(2021, 11, 25), "Tuesday", P, TUE, None, INF),
    ("en", "At 9 PM last Thursday, a man returned from China.", TUE,
     "9 PM last Thursday", P, D(2021, 11, 18), T(21), INF),
    ("en", "The lockdown was lifted on Friday.", TUE, "Friday", P, D(2021, 11, 19), None, INF),
    ("en", "North Korea on Thursday lifted a lockdown.", D(2022, 5, 5), "Thursday", P,
     D(2022, 5, 5), None, INF),
    ("en", "The city has been under lockdown since Saturday.", D(2020, 11, 25), "Saturday", F,
     D(2020, 11, 21), None, INF),
    ("en", "It will be lifted next Monday.", D(2021, 11, 23), "next Monday", P,
     D(2021, 11, 29), None, INF),
    ("en", "Restrictions stay in place until Friday.", D(2021, 11, 23), "Friday", UN,
     D(2021, 11, 26), None, INF),
    ("en", "Traffic returned after lockdown orders were lifted last Sunday.", D(2022, 6, 2),
     "last Sunday", P, D(2022, 5, 29), None, INF),
    ("en", "In a phone conversation with Daily NK on Feb. 9, a source said locals were "
     "punished on Friday.", D(2021, 2, 10), "Friday", P, D(2021, 2, 5), None, INF),
    # chained: the next day, that very day, the same day, a day earlier
    ("en", "He crossed at 9 PM last Thursday. Soldiers reported it that very day.", TUE,
     "that very day", P, D(2021, 11, 18), None, INF),
    ("en", "He crossed last Thursday. An order came at 10 AM the next day.", TUE,
     "10 AM the next day", P, D(2021, 11, 19), T(10), INF),
    ("en", "It was lifted on May 15, two days earlier than planned.", D(2022, 5, 20),
     "two days", DU, None, None, S),
    ("en", "North Korea on Thursday lifted a lockdown it had imposed a day earlier.",
     D(2022, 5, 5), "a day earlier", P, D(2022, 5, 4), None, INF),
    ("en", "Kim led a meeting Sunday. State media said the same day that cases fell.",
     D(2022, 5, 30), "the same day", P, D(2022, 5, 29), None, INF),
    ("en", "The order came on Nov. 16. Five days later, the province was sealed.",
     D(2020, 11, 26), "Five days later", P, D(2020, 11, 21), None, INF),
    ("en", "The incident dates back to mid-September. He died 10 days later.", D(2021, 11, 4),
     "10 days later", P, None, None, U),
    ("en", "The next day the city was sealed.", TUE, "The next day", P, None, None, U),
    # anchored: yesterday, today, N days ago, last week
    ("en", "The source said the city was sealed yesterday.", D(2022, 5, 11), "yesterday", P,
     D(2022, 5, 10), None, INF),
    ("en", "Markets reopened three days ago.", D(2022, 5, 11), "three days ago", P,
     D(2022, 5, 8), None, INF),
    ("en", "A parade was held last week.", D(2022, 5, 5), "last week", P, D(2022, 4, 25),
     None, INF),
    # months and parts of months
    ("en", "They broke the lockdown ordered late last month.", D(2021, 2, 10),
     "late last month", MO, D(2021, 1, 1), None, INF),
    ("en", "A smuggler fell ill early this month.", D(2020, 11, 25), "early this month", MO,
     D(2020, 11, 1), None, INF),
    ("en", "Entry has been blocked since early May.", D(2020, 5, 13), "early May", MO,
     D(2020, 5, 1), None, INF),
    ("en", "The lockdown was ordered in late July.", D(2020, 8, 13), "late July", MO,
     D(2020, 7, 1), None, INF),
    ("en", "Hyesan was locked down for the second time since November of last year.",
     D(2021, 2, 10), "November of last year", MO, D(2020, 11, 1), None, INF),
    ("en", "In the summer of 2022, the county was locked down.", D(2024, 5, 28),
     "the summer of 2022", MO, None, None, U),
    ("en", "North Korea may lift its border closure.", TUE, "may", None, None, None, None),
    # absolute dates and years
    ("en", "The county was put under lockdown on Nov. 19.", TUE, "Nov. 19", P,
     D(2021, 11, 19), None, S),
    ("en", "The order came on November 19.", TUE, "November 19", P, D(2021, 11, 19), None, S),
    ("en", "The order came on 19 November.", TUE, "19 November", P, D(2021, 11, 19), None, S),
    ("en", "The county is under lockdown until Dec. 4.", TUE, "Dec. 4", UN, D(2021, 12, 4),
     None, S),
    ("en", "The lockdown that began on Dec. 28 continues.", D(2022, 1, 10), "Dec. 28", P,
     D(2021, 12, 28), None, S),
    ("en", "An outbreak was announced on May 12, 2022.", D(2023, 1, 27), "May 12, 2022", P,
     D(2022, 5, 12), None, S),
    ("en", "From Sept. 29, the district went into lockdown.", D(2021, 11, 4), "Sept. 29", F,
     D(2021, 9, 29), None, S),
    ("en", "It runs from May 2 to May 8.", D(2022, 5, 10), "May 8", UN, D(2022, 5, 8),
     None, S),
    ("en", "The lockdown was ordered on Friday, Nov. 19.", None, "Friday, Nov. 19", P,
     D(2021, 11, 19), None, INF),
    ("en", "The lockdown was ordered on Nov. 19.", None, "Nov. 19", P, None, None, U),
    ("en", "The city was locked down on Nov. 31.", TUE, "Nov. 31", P, None, None, U),
    # ranges and days of the month in English
    ("en", "The lockdown ran from Nov. 19-25.", D(2021, 11, 30), "Nov. 19", F, D(2021, 11, 19),
     None, S),
    ("en", "The lockdown ran from Nov. 19-25.", D(2021, 11, 30), "25", UN, D(2021, 11, 25),
     None, S),
    ("en", "It was in force between Nov. 19 and Nov. 25.", D(2021, 11, 30), "Nov. 25", UN,
     D(2021, 11, 25), None, S),
    ("en", "Shops closed from Monday to Friday.", D(2021, 11, 27), "Friday", UN,
     D(2021, 11, 26), None, INF),
    ("en", "Markets were closed May 2 to 8.", D(2022, 5, 20), "May 2", F, D(2022, 5, 2), None, S),
    ("en", "Locked down Nov. 19 to Dec. 4.", D(2021, 11, 30), "Nov. 19", F, D(2021, 11, 19),
     None, S),
    ("en", "It was lifted on the 25th.", D(2021, 11, 30), "the 25th", P, D(2021, 11, 25), None,
     INF),
    ("en", "The 8th Political Bureau Meeting of the 8th Central Committee.", TUE, "the 8th",
     None, None, None, None),
    ("en", "It was lifted on Thursday last week.", D(2021, 11, 30), "Thursday last week", P,
     D(2021, 11, 25), None, INF),
    ("en", "Nov. 19, 2021 to 25 people were arrested.", TUE, "25", None, None, None, None),
    ("en", "According to the source, the order was issued on the morning of the 3rd.",
     D(2021, 9, 2), "the 3rd", P, D(2021, 8, 3), None, INF),
    ("en", "The lockdown was extended by 10 days, to Dec. 14.", D(2021, 11, 30), "Dec. 14", UN,
     D(2021, 12, 14), None, S),
    ("en", "Markets will reopen on Dec. 14.", D(2021, 11, 30), "Dec. 14", P, D(2021, 12, 14),
     None, S),
    ("en", "Markets reopened on Dec. 14.", D(2021, 11, 30), "Dec. 14", P, D(2020, 12, 14),
     None, S),
    ("en", "The curfew runs from 10 p.m. Nov. 19 to 6 a.m. Nov. 20.", D(2021, 11, 30),
     "6 a.m. Nov. 20", UN, D(2021, 11, 20), T(6), S),
    ("en", "The lockdown, which began at 6 PM on Jan. 29, was lifted at midnight on Feb. 14.",
     D(2021, 2, 16), "midnight on Feb. 14", P, D(2021, 2, 15), T(0), S),
    ("en", "Markets closed last weekend.", D(2021, 11, 30), "last weekend", P, D(2021, 11, 27),
     None, INF),
    # clock times, midnight
    ("en", "The lockdown will be lifted from midnight Sunday.", D(2021, 11, 23),
     "midnight Sunday", F, D(2021, 11, 29), T(0), INF),
    ("en", "Residents must stay home until midnight Sunday.", D(2021, 11, 23), "midnight Sunday",
     UN, D(2021, 11, 28), None, INF),
    ("en", "The order took effect at 6 p.m. on Nov. 19.", TUE, "6 p.m. on Nov. 19", P,
     D(2021, 11, 19), T(18), S),
    ("en", "Lifted on Nov. 19 at 10:30 AM.", TUE, "Nov. 19 at 10:30 AM", P, D(2021, 11, 19),
     T(10, 30), S),
    # durations
    ("en", "Choe was ordered to spend 30 days in isolation.", TUE, "30 days", DU, None, None, S),
    ("en", "Wiwon County was locked down for a month.", TUE, "a month", DU, None, None, S),
    ("en", "The province was sealed for one month.", TUE, "one month", DU, None, None, S),
    ("en", "It lifted a three-week lockdown.", TUE, "three-week", DU, None, None, S),
    ("en", "The city was sealed for three weeks.", TUE, "three weeks", DU, None, None, S),
    ("en", "A 20-day lockdown was implemented.", TUE, "20-day", DU, None, None, S),
    ("en", "Word of a five-day lockdown spread.", TUE, "five-day", DU, None, None, S),
    ("en", "It lasted more than two weeks.", TUE, "more than two weeks", DU, None, None, INF),
    # Korean: day-only dates, the seed's Korean report
    ("ko", "23일 데일리NK 내부 소식통에 따르면, 지난 19일 김형직군이 봉쇄됐다.",
     TUE, "지난 19일", P,
     D(2021, 11, 19), None, INF),
    ("ko", "23일 데일리NK 내부 소식통에 따르면, 지난 19일 김형직군이 봉쇄됐다.", D(2021, 11, 24),
     "23일", P, TUE, None, INF),
    ("ko", "봉쇄 기간은 15일로써 다음 달 4일까지다.",
     TUE, "다음 달 4일", UN, D(2021, 12, 4), None, INF),
    ("ko", "봉쇄 기간은 15일로써 다음 달 4일까지다.", TUE, "15일", DU, None, None, S),
    ("ko", "먼저 지난 18일 저녁 9시경 중국으로 넘어갔던 최 씨가 발각됐다.",
     TUE, "지난 18일 저녁 9시경",
     P, D(2021, 11, 18), T(21), INF),
    ("ko", "지난 18일 넘어왔다. 보고는 사건 당일 이뤄졌다. "
     "바로 다음날인 19일 오전 10시 봉쇄령을 하달했다.",
     TUE, "다음날인 19일 오전 10시", P, D(2021, 11, 19), T(10), INF),
    ("ko", "지난 목요일 넘어왔다. 바로 다음날인 19일 봉쇄됐다.", None, "다음날인 19일", P, None,
     None, U),
    ("ko", "지난 목요일 넘어왔다. 바로 다음날인 19일 봉쇄됐다.", TUE, "다음날인 19일", P,
     D(2021, 11, 19), None, INF),
    ("ko", "지난 18일 넘어왔다. 보고는 사건 당일 이뤄졌다.",
     TUE, "당일", P, D(2021, 11, 18), None, INF),
    ("ko", "봉쇄령이 23일 오후 6시를 기해 공식 해제됐다.", D(2021, 3, 24), "23일 오후 6시", P,
     D(2021, 3, 23), T(18), INF),
    ("ko", "소식통은 24일 \u201c어제(23일)부터 봉쇄가 해제됐다\u201d고 전했다.", D(2021, 3, 24),
     "어제(23일)", F, D(2021, 3, 23), None, INF),
    ("ko", "혜산시의 봉쇄령은 2일 오전 9시에 내려져 21일 오후 4시 해제될 예정이다.",
     D(2020, 11, 19),
     "2일 오전 9시", P, D(2020, 11, 2), T(9), INF),
    ("ko", "혜산시의 봉쇄령은 2일 오전 9시에 내려져 21일 오후 4시 해제될 예정이다.",
     D(2020, 11, 19),
     "21일 오후 4시", P, D(2020, 11, 21), T(16), INF),
    ("ko", "소식통은 2일 \u201c지난 28일 봉쇄됐다\u201d고 말했다.", D(2021, 3, 2), "지난 28일", P,
     D(2021, 2, 28), None, INF),
    ("ko", "신의주시는 지난 13일 0시를 기해 봉쇄가 해제됐다고 소식통이 19일 전했다.",
     D(2022, 5, 20), "19일", P, D(2022, 5, 19), None, INF),
    ("ko", "19일 간부들이 모였다.", D(2022, 5, 20), "19일", P, D(2022, 5, 19), None, INF),
    ("ko", "19일 여러 명이 체포됐다.", D(2022, 5, 20), "19일", P, D(2022, 5, 19), None, INF),
    ("ko", "봉쇄는 15일 간 이어졌다.", D(2022, 5, 20), "15일 간", DU, None, None, S),
    ("ko", "봉쇄는 3일 전 해제됐다.", D(2022, 5, 20), "3일 전", P, D(2022, 5, 17), None, INF),
    ("ko", "지난 13일 봉쇄됐다. 10일 후에 해제됐다.", D(2022, 5, 30), "10일 후", P, D(2022, 5, 23),
     None, INF),
    ("ko", "지난달 28일 봉쇄됐다.", D(2021, 3, 20), "지난달 28일", P, D(2021, 2, 28), None, INF),
    ("ko", "봉쇄는 오는 4일 해제된다.", D(2021, 3, 20), "오는 4일", P, D(2021, 4, 4), None, INF),
    ("ko", "11월 2일 - 오전 9시 혜산시 완전 봉쇄령 20일간 선포", D(2020, 11, 25), "오전 9시", P,
     D(2020, 11, 2), T(9), INF),
    ("ko", "2022년 5월 12일 봉쇄령이 내려졌다.", D(2023, 1, 1), "2022년 5월 12일", P,
     D(2022, 5, 12), None, S),
    ("ko", "5월 12일 봉쇄령이 내려졌다.", D(2022, 5, 13), "5월 12일", P, D(2022, 5, 12), None, S),
    ("ko", "5월 2일부터 8일까지 봉쇄됐다.", D(2022, 6, 20), "8일", UN, D(2022, 5, 8), None, INF),
    ("ko", "19일(금) 봉쇄됐다.", None, "19일(금)", P, None, None, U),
    ("ko", "조선중앙통신은 오늘(28일) 개성시의 완전봉쇄를 보도했다.",
     D(2020, 7, 28), "오늘(28일)", P,
     D(2020, 7, 28), None, INF),
    ("ko", "평양시 주민 소식통은 11일 \u201c어제 평양에서 환자가 발생했다\u201d고 밝혔다.",
     D(2022, 5, 13), "어제", P, D(2022, 5, 10), None, INF),
    ("ko", "지난 목요일 봉쇄가 해제됐다.", TUE, "지난 목요일", P, D(2021, 11, 18), None, INF),
    ("ko", "15일 0시부터 봉쇄됐다.", D(2021, 3, 20), "15일 0시", F, D(2021, 3, 15), T(0), INF),
    ("ko", "19일 0시부터 25일 24시까지 봉쇄된다.", D(2021, 11, 19), "25일 24시", UN,
     D(2021, 11, 25), None, INF),
    ("ko", "14일 자정을 기해 해제됐다.", D(2021, 3, 20), "14일 자정", P, D(2021, 3, 15), T(0), INF),
    ("ko", "혜산에서는 오늘 오전 8시경 인민반들에 10시부터 봉쇄를 해제한다는 회람장이 돌았다.",
     D(2023, 9, 20), "10시", F, D(2023, 9, 20), T(10), INF),
    ("ko", "오전 10시 봉쇄가 해제됐다.", D(2023, 9, 20), "오전 10시", P, None, T(10), U),
    ("ko", "19~25일 봉쇄됐다.", D(2021, 11, 30), "19", F, D(2021, 11, 19), None, INF),
    ("ko", "19~25일 봉쇄됐다.", D(2021, 11, 30), "25일", UN, D(2021, 11, 25), None, INF),
    ("ko", "지난주 목요일 봉쇄됐다.", D(2021, 11, 27), "지난주 목요일", P, D(2021, 11, 18), None,
     INF),
    ("ko", "지난 목요일 봉쇄됐다.", D(2021, 11, 27), "지난 목요일", P, D(2021, 11, 25), None, INF),
    ("ko", "19일 밤 12시 해제됐다.", D(2021, 11, 30), "19일 밤 12시", P, D(2021, 11, 20), T(0),
     INF),
    ("ko", "봉쇄가 한 달 가까이 이어졌다.", TUE, "한 달 가까이", DU, None, None, INF),
    ("ko", "당국은 오는 15일까지 봉쇄를 연장했다.", D(2021, 9, 2), "오는 15일", UN, D(2021, 9, 15),
     None, INF),
    ("ko", "혜산시는 지난 8월 27일 정오를 기해 봉쇄됐다.", D(2021, 9, 2), "8월 27일 정오", P,
     D(2021, 8, 27), T(12), S),
    ("ko", "전날 봉쇄됐다.", TUE, "전날", P, None, None, U),
    ("ko", "지난 주말 봉쇄가 해제됐다.", D(2021, 11, 30), "지난 주말", P, D(2021, 11, 27), None,
     INF),
    # Korean months
    ("ko", "이달 초 혜산시에 봉쇄령이 내려졌다.", D(2020, 11, 19), "이달 초", MO, D(2020, 11, 1),
     None, INF),
    ("ko", "지난달 말 봉쇄가 풀렸다.", D(2020, 11, 19), "지난달 말", MO, D(2020, 10, 1), None, INF),
    ("ko", "이달 말까지 이동이 제한된다.", D(2020, 8, 4), "이달 말", MO, D(2020, 8, 1), None, INF),
    ("ko", "8월 말까지 이동이 제한된다는 지시가 내려졌다.", D(2020, 8, 4), "8월 말", MO,
     D(2020, 8, 1), None, INF),
    ("ko", "지난 9월부터 밀수했다.", D(2020, 11, 19), "지난 9월", MO, D(2020, 9, 1), None, INF),
    # Korean durations
    ("ko", "혜산시가 20일간의 완전봉쇄에 들어갔다.", TUE, "20일간", DU, None, None, S),
    ("ko", "한 달 이상의 노동단련대 처벌을 적용한다.", TUE, "한 달 이상", DU, None, None, INF),
    ("ko", "봉쇄는 한 달 동안 계속됐다.", TUE, "한 달 동안", DU, None, None, S),
    ("ko", "봉쇄는 보름 만에 풀렸다.", TUE, "보름 만에", DU, None, None, S),
    ("ko", "접경지역 봉쇄 15일만에 해제됐다.", TUE, "15일만에", DU, None, None, S),
    ("ko", "봉쇄가 이틀째 계속됐다.", TUE, "이틀째", DU, None, None, S),
    ("ko", "3주간 봉쇄됐다.", TUE, "3주간", DU, None, None, S),
]


def _ids(case: tuple) -> str:
    return f"{case[0]}:{case[3]}"


def _find(text: str, language: str, published: dt.date | None, words: str):
    found = find_time_expressions(text, language=language, anchor=Anchor(published=published))
    for expression in found:
        assert expression.words == text[expression.start:expression.end]
    return next((e for e in found if e.words == words), None), found


@pytest.mark.parametrize(("language", "text", "published", "words", "role", "on", "at",
                          "certainty"), CASES, ids=[_ids(c) for c in CASES])
def test_case_table(language, text, published, words, role, on, at, certainty):
    expression, found = _find(text, language, published, words)
    if role is None:
        assert expression is None, f"{words!r} is not a time expression here: {found}"
        return
    assert expression is not None, f"{words!r} not found; found {[e.words for e in found]}"
    assert (expression.role, expression.on, expression.at, expression.certainty) == (
        role, on, at, certainty), expression.reasoning
    assert expression.reasoning
    if on is None and role is not DU:
        assert expression.certainty is Certainty.UNKNOWN


def test_the_table_is_large_and_bilingual():
    assert len(CASES) >= 60
    assert sum(c[0] == "ko" for c in CASES) >= 25


DURATIONS = [
    ("30 days", 30, None), ("a month", None, 1), ("one month", None, 1),
    ("three weeks", 21, None), ("20-day", 20, None), ("five-day", 5, None),
    ("a fortnight", 14, None), ("48-hour", 2, None),
]


@pytest.mark.parametrize(("words", "days", "months"), DURATIONS)
def test_durations_count_days_weeks_and_months(words, days, months):
    expression, _ = _find(f"It lasted {words} in all.", "en", TUE, words)
    assert (expression.days, expression.months) == (days, months)


@pytest.mark.parametrize(("words", "days", "months"), [
    ("15일간", 15, None), ("한 달", None, 1), ("보름", 15, None), ("이틀간", 2, None),
    ("두 달", None, 2), ("3주간", 21, None), ("열흘 동안", 10, None), ("6개월간", None, 6),
    ("일주일간", 7, None), ("48시간 동안", 2, None), ("석 달", None, 3), ("2개월", None, 2),
    ("3주", 21, None)])
def test_korean_durations(words, days, months):
    expression, _ = _find(f"봉쇄는 {words} 이어졌다.", "ko", TUE, words)
    assert (expression.days, expression.months) == (days, months)


@pytest.mark.parametrize(("start", "days", "months", "first", "end"), [
    (D(2021, 11, 19), 15, None, False, D(2021, 12, 4)),  # the Korean report: 15 days to the 4th
    (D(2021, 11, 19), 15, None, True, D(2021, 12, 3)),
    (D(2020, 11, 16), None, 1, False, D(2020, 12, 16)),  # "a month" from Nov. 16
    (D(2021, 1, 31), None, 1, False, D(2021, 2, 28)),  # clamped to the month's end
    (D(2020, 1, 31), None, 1, False, D(2020, 2, 29)),
    (D(2023, 1, 25), 5, None, True, D(2023, 1, 29)),  # five days from Wednesday, inclusive
    (D(2020, 12, 20), 20, None, False, D(2021, 1, 9)),
])
def test_end_of_duration(start, days, months, first, end):
    assert end_of_duration(start, days=days, months=months, counting_first_day=first) == end


def test_end_of_duration_needs_a_length():
    with pytest.raises(ValueError, match="days or months"):
        end_of_duration(D(2021, 1, 1), days=None, months=None)


SPEAKING = [
    ("en", "According to a Daily NK source in North Korea on Tuesday, the county was put under "
     "lockdown on Nov. 19.", TUE, "Tuesday", TUE),
    ("en", "A source in Chagang Province told Daily NK on Wednesday that the province is "
     "locked down.", D(2020, 11, 26), "Wednesday", D(2020, 11, 25)),
    ("en", "In a phone conversation with Daily NK on Feb. 9, a source said so.", D(2021, 2, 10),
     "Feb. 9", D(2021, 2, 9)),
    ("en", "Yonhap News Agency on Monday reported diplomatic sources as saying so.",
     D(2022, 5, 30), "Monday", D(2022, 5, 30)),
    ("en", "North Korea reported four new cases, its state media said Thursday.",
     D(2022, 8, 25), "Thursday", D(2022, 8, 25)),
    ("en", "KCNA reported on Aug. 26 that the lockdown of the area was lifted.",
     D(2022, 8, 26), "Aug. 26", D(2022, 8, 26)),
    ("ko", "평안북도 소식통은 24일 데일리NK에 봉쇄가 해제됐다고 전했다.", D(2021, 3, 24), "24일",
     D(2021, 3, 24)),
    ("ko", "20일 엔케이타임즈 함경북도 소식통에 따르면, 봉쇄 조치가 해제됐다.", D(2023, 9, 20),
     "20일", D(2023, 9, 20)),
    ("ko", "평양시 주민 소식통은 미국 현지 시간으로 11일 자유아시아방송에 밝혔다.", D(2022, 5, 13),
     "11일", D(2022, 5, 11)),
]


@pytest.mark.parametrize(("language", "text", "published", "words", "on"), SPEAKING)
def test_speaking_day(language, text, published, words, on):
    spoke = find_speaking_day(text, language=language, anchor=Anchor(published=published))
    assert spoke is not None and (spoke.words, spoke.on) == (words, on)
    assert spoke.speaking_day


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The lockdown was announced on May 12 and lifted on May 29."),
    ("en", "Residents were told on Monday that the lockdown would continue."),
    ("en", "According to the source, the lockdown began on Friday."),
    ("ko", "소식통은 \u201c지난 19일 봉쇄됐다\u201d고 말했다."),
])
def test_not_a_speaking_day(language, text):
    anchor = Anchor(published=D(2022, 6, 2))
    assert find_speaking_day(text, language=language, anchor=anchor) is None


def test_given_speaking_day_is_the_anchor():
    text = "The lockdown was lifted on Friday."
    expression, = find_time_expressions(text, language="en",
                                        anchor=Anchor(published=D(2021, 12, 1), spoke=TUE))
    assert expression.on == D(2021, 11, 19)
    assert "speaking day" in expression.reasoning


def test_inferred_publication_day_makes_dates_inferred():
    anchor = Anchor(published=TUE, published_certainty=Certainty.INFERRED)
    expression, = find_time_expressions("It began on Nov. 19.", language="en", anchor=anchor)
    assert (expression.on, expression.certainty) == (D(2021, 11, 19), Certainty.INFERRED)


def test_month_fields():
    expression, _ = _find("Entry has been blocked since early May.", "en", D(2020, 5, 13),
                          "early May")
    assert (expression.in_month, expression.part, expression.bound, expression.precision) == (
        "2020-05", "early", Role.FROM, TimePrecision.MONTH)


def test_midnight_reasoning_names_the_other_reading():
    expression, _ = _find("It will be lifted from midnight Sunday.", "en", TUE, "midnight Sunday")
    assert "the end of Sunday 2021-11-28" in expression.reasoning


def test_until_is_inclusive_in_the_reasoning():
    expression, _ = _find("Locked down until Dec. 4.", "en", TUE, "Dec. 4")
    assert "inclusive" in expression.reasoning


# --- the founding report, English and Korean --------------------------------------------

def _founding() -> tuple[str, str]:
    english = (SHARED / "reports" / "dailynk-en-2021-11-kimhyongjik.txt").read_text("utf-8")
    seeds = yaml.safe_load((ROOT / "seeds" / "lockdowns.yaml").read_text("utf-8"))
    korean = next(r["text"] for r in seeds["reports"] if r["language"] == "ko")
    return english, korean


def _by_words(found, words):
    return next(e for e in found if e.words == words)


# The same facts as each text words them: the order, the crossing, the end, the speaking day.
FOUNDING = {
    "en": ("10 AM the next day", "9 PM last Thursday", "Dec. 4", "Tuesday"),
    "ko": ("다음날인 19일 오전 10시", "지난 18일 저녁 9시경", "다음 달 4일", "23일"),
}


@pytest.mark.parametrize(("language", "published"), [("en", TUE), ("en", None), ("ko", TUE)])
def test_founding_report_gives_the_seed_dates_in_both_languages(language, published):
    text = dict(zip(("en", "ko"), _founding(), strict=True))[language]
    anchor = Anchor(published=published)
    found = find_time_expressions(text, language=language, anchor=anchor)
    order, crossing, until, spoke = (_by_words(found, words) for words in FOUNDING[language])
    assert (order.on, order.at) == (D(2021, 11, 19), T(10))
    assert (crossing.on, crossing.at) == (D(2021, 11, 18), T(21))
    assert (until.role, until.on) == (Role.UNTIL, D(2021, 12, 4))
    assert find_speaking_day(text, language=language, anchor=anchor) == spoke
    assert (spoke.on, spoke.speaking_day) == (TUE, True)
    if published is None:  # the year from weekday cues, said so
        assert until.year_basis == "weekday cue"
        assert "only 2021 fits" in until.reasoning


def test_founding_report_korean_duration_reaches_the_end():
    _, korean = _founding()
    found = find_time_expressions(korean, language="ko", anchor=Anchor(published=TUE))
    assert _by_words(found, "15일").days == 15
    assert end_of_duration(D(2021, 11, 19), days=15, months=None) == D(2021, 12, 4)


# --- the corpus: spans are exact, nothing raises --------------------------------------------

def _corpus() -> list[dict]:
    path = SHARED / "corpus" / "reports.json"
    if not path.exists():
        pytest.skip(f"corpus not found at {path}")
    return json.loads(path.read_text("utf-8"))


def test_every_span_in_the_corpus_is_the_texts_own_words():
    for report in _corpus():
        language = "ko" if "-ko-" in report["id"] else "en"
        published = report["published"] or report["published_range"][0]
        for anchor in (Anchor(published=D.fromisoformat(published)), Anchor()):
            for e in find_time_expressions(report["text"], language=language, anchor=anchor):
                assert e.words == report["text"][e.start:e.end], report["id"]
                assert e.words == e.words.strip(), (report["id"], e.words)
                if e.role is not Role.DURATION:
                    assert e.on is not None or e.certainty is not Certainty.STATED


TOKENS = [
    "Nov.", "19", "Dec. 4", "on", "Friday", "last", "Thursday", "the next day", "until", "from",
    "midnight", "Sunday", "5 PM", "10 AM", "a month", "30 days", "20-day", "since", "early",
    "May", "2022", ",", ".", "(", ")", "-", "to", "지난", "19일", "다음 달", "4일", "까지", "부터",
    "오전", "10시", "저녁", "9시경", "15일간", "한 달", "보름", "어제", "(23일)", "다음날인",
    "당일", "소식통은", "24일", "이달", "말", "told Daily NK", "according to a source", "\n",
    "~", "0시",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.sampled_from(["en", "ko"]),
       st.one_of(st.none(), st.dates(D(2000, 1, 1), D(2030, 12, 31))))
def test_any_mix_of_date_words_gives_exact_ordered_spans(tokens, language, published):
    text = " ".join(tokens)
    found = find_time_expressions(text, language=language, anchor=Anchor(published=published))
    last_end = 0
    for e in found:
        assert e.words == text[e.start:e.end] and e.start >= last_end
        last_end = e.end
        assert e.reasoning
        if e.certainty is Certainty.STATED and e.role is not Role.DURATION:
            assert e.on is not None
        if e.on is None and e.role is not Role.DURATION:
            assert e.certainty is Certainty.UNKNOWN


# --- bounded work --------------------------------------------------------------------------

@pytest.fixture
def alarm():
    """Fail instead of hanging: a 5 MB text must be read in well under a minute."""
    def _timeout(*_):
        raise TimeoutError("reading dates did not finish in 120 s")
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_five_megabytes_is_read_in_bounded_time(alarm, language):
    english, korean = _founding()
    text = english if language == "en" else korean
    big = (text + "\n") * (5_000_000 // (len(text) + 1) + 1)
    found = find_time_expressions(big, language=language, anchor=Anchor(published=TUE))
    assert len(found) > 1000


@pytest.mark.parametrize("text", [
    "1" * 200_000, " " * 200_000, "Nov. " * 50_000, "19일 " * 50_000, "on " * 60_000,
    "a" * 100_000 + " days", "ago " * 50_000, "(" * 100_000,
])
def test_pathological_text_is_bounded(alarm, text):
    for language in ("en", "ko"):
        find_time_expressions(text, language=language, anchor=Anchor(published=TUE))


@pytest.mark.parametrize("published", [D(1, 1, 1), D(9999, 12, 31)])
def test_anchor_at_the_calendars_edge(published):
    text = "On Friday, yesterday, last month, Dec. 31, next Monday, the next day, 다음 달 4일"
    for language in ("en", "ko"):
        for e in find_time_expressions(text, language=language, anchor=Anchor(published=published)):
            assert e.on is not None or e.certainty is not Certainty.STATED


def test_a_datetime_anchor_is_cut_to_its_day():
    found = find_time_expressions("It began yesterday.", language="en",
                                  anchor=Anchor(published=dt.datetime(2021, 11, 23, 5, 0)))
    assert found[0].on == D(2021, 11, 22)


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"language": "fr", "anchor": Anchor()}, ValueError),
    ({"language": "en", "anchor": Anchor(published="2021-11-23")}, TypeError),
])
def test_bad_arguments_are_named(kwargs, error):
    with pytest.raises(error, match=r"language|published"):
        find_time_expressions("On Friday.", **kwargs)


def test_empty_text():
    assert find_time_expressions("", language="en", anchor=Anchor()) == []
    assert find_speaking_day("", language="ko", anchor=Anchor()) is None


def test_weekday_cue_year_survives_a_given_speaking_day():
    """EXTRACT passes the speaking day it found back in; the years must not be lost."""
    english, _ = _founding()
    spoke = find_speaking_day(english, language="en", anchor=Anchor())
    found = find_time_expressions(english, language="en", anchor=Anchor(spoke=spoke.on))
    assert _by_words(found, "Nov. 19").on == D(2021, 11, 19)
    assert _by_words(found, "Tuesday").on == TUE


def test_a_given_speaking_day_fixes_the_year_without_publication():
    found = find_time_expressions("The lockdown began on Nov. 19.", language="en",
                                  anchor=Anchor(spoke=TUE))
    assert (found[0].on, found[0].year_basis, found[0].certainty) == (
        D(2021, 11, 19), "speaking day", Certainty.INFERRED)
