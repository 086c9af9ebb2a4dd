"""Split a report's text into sentences, keeping each one's place in the text.

Evidence must be the report's own words, byte for byte, so a sentence is a
span of the original text (leading and trailing blanks trimmed), never a
cleaned copy. A sentence ends at a full stop, question or exclamation mark
(with any closing quotes) followed by a blank, or at a line break: reports are
captured pages, and captions, headlines and list items stand on lines of their
own. Abbreviations that end in a full stop ("Nov.", "Dec.", "U.S.", "No.")
do not end a sentence.
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
    for start, end in spans:
        for piece_start, piece_end in _cut_long(text, start, end):
            piece_start, piece_end = _trim(text, piece_start, piece_end)
            if piece_end > piece_start:
                sentences.append(Sentence(len(sentences), piece_start, piece_end,
                                          text[piece_start:piece_end]))
    return sentences


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
