"""Split a report's text into sentences, keeping each one's place in the text.

Evidence must be the report's own words, byte for byte, so a sentence is a
span of the original text (leading and trailing blanks trimmed), never a
cleaned copy. A sentence ends at a full stop, question or exclamation mark
(with any closing quotes) followed by a blank, or at a line break: reports are
captured pages, and captions, headlines and list items stand on lines of their
own. Abbreviations that end in a full stop ("Nov.", "Dec.", "U.S.", "No.")
do not end a sentence.

Page furniture that opens a line is a sentence of its own, so that no quote
begins with it: a captured date banner ("date 2022-05-05"), a wire dateline
("SEOUL, May 5 (Yonhap) --", "SEOUL, South Korea (AP) —", "Seoul:"), a bare
date ("2022.05.05", "2022-05-05 14:30"), a wire tag ("(LEAD)", "(URGENT)") and a
Korean byline ("(서울=연합뉴스) 홍길동 기자 =", "【평양=뉴시스】"). Only a line's
opening is read, and only when text follows on the same line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SENTENCE = 1200  # characters; a longer run (a page without stops) is cut at blanks

_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "gen", "lt", "col", "sgt", "u.s", "u.n",
    "n", "s", "e", "w", "jr", "sr", "inc", "co", "corp", "approx", "est",
})
# ruff: noqa: RUF001 - closing quotes of every kind end a sentence
_END = re.compile(r"[.!?。]+[\"'”’)\]]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_DASH = r"(?:--|—|–|-)"
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DATELINE = re.compile(
    r"date\s+\d{4}-\d{2}-\d{2}\s"  # a captured page's date banner
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?(?:\s+\d{1,2}:\d{2})?\s"  # 2022.05.05, 2022-05-05 14:30
    # SEOUL, May 5 (Yonhap) --; SEOUL, South Korea (AP) —; PYONGYANG (KCNA) --; Seoul, May 5 (AFP) -
    r"|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)?(?:,\s*(?:" + _MONTH + r"\s*\d{1,2}|[A-Z][a-z]+(?: [A-Z]"
    r"[a-z]+)?))?(?:\s*\([^()\n]{1,30}\))?\s*" + _DASH + r"\s"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*" + _MONTH + r"\s*\d{1,2}\s*\([^()\n]{1,30}\)\s*"
    + _DASH + r"\s"
    r"|(?:Seoul|Pyongyang|Beijing|Tokyo|Washington|Dandong|Shenyang|Hong Kong|Singapore|"
    r"Bangkok|Moscow|London|Sydney):\s"  # "Seoul: North Korean leader …"
    r"|\((?:\d+(?:st|nd|rd|th) )?(?:LEAD|URGENT|UPDATE|UPDATED|News Focus|Interview|"
    r"Yonhap Feature)\)\s"  # wire tags
    r"|[(\[【][가-힣A-Za-z ]{1,12}=[가-힣A-Za-z0-9 ]{1,20}[)\]】]"  # (서울=연합뉴스) 홍길동 기자 =
    r"(?:\s*[가-힣]{2,4}\s*(?:기자|특파원))?\s*=?\s*")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index in the report and its span ``text[start:end]``."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order; each ``text`` is ``text[start:end]`` exactly."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _END.finditer(text):
        stop = match.end()
        if match.group() != "\n" and _is_abbreviation(text, match.start()):
            continue
        spans.append((begin, stop))
        begin = stop
    spans.append((begin, len(text)))
    sentences: list[Sentence] = []
    for start, end in _without_furniture(text, spans):
        for piece_start, piece_end in _cut_long(text, start, end):
            piece_start, piece_end = _trim(text, piece_start, piece_end)
            if piece_end > piece_start:
                sentences.append(Sentence(len(sentences), piece_start, piece_end,
                                          text[piece_start:piece_end]))
    return sentences


def _without_furniture(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a line's opening banner, dateline, tag or byline split off on its own."""
    result = []
    for start, end in spans:
        first, _ = _trim(text, start, end)
        if text[text.rfind("\n", 0, first) + 1:first].strip():
            result.append((start, end))  # inside a paragraph: no furniture there
            continue
        while (match := _DATELINE.match(text, first, end)) and text[match.end():end].strip():
            result.append((first, match.end()))  # "date 2020-08-13 SEOUL, … (AP) —": each
            first, _ = _trim(text, match.end(), end)
        result.append((first, end))
    return result


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if word is None:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
