"""Which language a report is written in: English or Korean, or neither.

Counted by script, which is all the two outlets' languages need: Hangul
syllables against Latin letters. A text with too few letters, or mostly in
another script (Chinese, Cyrillic, …), is not a report this extractor reads.
"""

from __future__ import annotations

import re

from geo.errors import ReportTextError

LANGUAGES = ("en", "ko")
MIN_LETTERS = 20
_SAMPLE = 200_000  # characters looked at; the script of a report shows early


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3" or "\u3130" <= char <= "\u318f"


def script_counts(text: str) -> tuple[int, int, int]:
    """(Hangul, Latin, other) letters in the first part of ``text``."""
    hangul = latin = other = 0
    for char in text[:_SAMPLE]:
        if not char.isalpha():
            continue
        if _is_hangul(char):
            hangul += 1
        elif char.isascii() or "\u00c0" <= char <= "\u024f":
            latin += 1
        else:
            other += 1
    return hangul, latin, other


# The commonest English words: any English prose is full of them, other languages in
# Latin script (French, German, Spanish …) are not.
_ENGLISH_WORDS = frozenset("the of and to in a is was that for on it with as by at from "
                           "has have had been were are be this which said".split())
_WORD = re.compile(r"[A-Za-z]+")
MIN_ENGLISH_SHARE = 0.08
MIN_WORDS = 30  # shorter texts (a headline, a caption) are taken as they come


def _reads_as_english(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE])]
    if len(words) < MIN_WORDS:
        return True
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) >= MIN_ENGLISH_SHARE


def detect_language(text: str) -> str:
    """'ko' or 'en'; :class:`~geo.errors.ReportTextError` for any other text."""
    hangul, latin, other = script_counts(text)
    letters = hangul + latin + other
    if letters < MIN_LETTERS:
        raise ReportTextError(f"the report has {letters} letters; nothing to read "
                              "(give the report's text, English or Korean)")
    # Korean pages carry Latin bylines and links; a third Hangul is a Korean text.
    if hangul >= letters / 3 or hangul > latin:
        return "ko"
    if latin >= letters / 2:
        if not _reads_as_english(text):
            raise ReportTextError("the report is in a Latin-script language other than English "
                                  "(too few English words); only English and Korean reports "
                                  "can be read")
        return "en"
    raise ReportTextError("the report is neither English nor Korean (mostly other scripts); "
                          "only English and Korean reports can be read")


def check_language(language: str, text: str) -> str:
    """The language to read ``text`` in: the one given, or the detected one for 'auto'."""
    if language == "auto":
        return detect_language(text)
    if language not in LANGUAGES:
        raise ReportTextError(f"language {language!r} is not supported; use en, ko or auto")
    return language
