"""Word tables for reading dates: month and weekday names, number words (English, Korean).

Kept apart from the patterns so a reader can check the vocabulary at a glance.
"""

from __future__ import annotations

MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS_EN = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
WEEKDAY_NAMES = tuple(name.capitalize() for name in WEEKDAYS_EN)

# Korean weekday names, written out or as the one-syllable form used in brackets: 19일(금).
WEEKDAYS_KO = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}

NUMBERS_EN = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}

# Native Korean counts of days (이틀 = two days) and of months (한 달 = one month).
DAYS_KO = {
    "하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7,
    "여드레": 8, "아흐레": 9, "열흘": 10, "보름": 15, "일주일": 7,
}
COUNTS_KO = {"한": 1, "두": 2, "세": 3, "석": 3, "네": 4, "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7,
             "여덟": 8, "아홉": 9, "열": 10}

SEASONS_EN = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
              "winter": (12, 2)}
SEASONS_KO = {"봄": "spring", "여름": "summer", "가을": "autumn", "겨울": "winter"}

# Part of a month: English and Korean words to one of early / mid / late.
MONTH_PARTS = {
    "early": "early", "earlier": "early", "beginning": "early", "start": "early",
    "first half": "early", "mid": "mid", "middle": "mid", "late": "late", "later": "late",
    "end": "late", "second half": "late",
    "초": "early", "초순": "early", "상순": "early", "중순": "mid", "말": "late", "하순": "late",
}


def number_en(word: str) -> int | None:
    """'20' -> 20, 'five' -> 5, 'twenty-one' -> 21, 'a' -> 1; None when not a number."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in NUMBERS_EN:
        return NUMBERS_EN[word]
    tens, _, unit = word.partition("-")
    if tens in NUMBERS_EN and unit in NUMBERS_EN and NUMBERS_EN[unit] < 10:
        return NUMBERS_EN[tens] + NUMBERS_EN[unit]
    return None


NUMBER_WORDS_EN = (
    r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|"
    r"four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|an?)"
)
