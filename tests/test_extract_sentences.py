"""Sentence spans: exact slices of the text, abbreviations kept inside."""

import pytest

from geo.extract.sentences import MAX_SENTENCE, split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("It began on Nov. 19. It ended on Dec. 4.", ["It began on Nov. 19.", "It ended on Dec. 4."]),
    ("“We stay home.” He said so.", ["“We stay home.”", "He said so."]),
    ("Headline\nBody text here. More.", ["Headline", "Body text here.", "More."]),
    ("봉쇄됐다. 해제됐다.", ["봉쇄됐다.", "해제됐다."]),
    ("The U.S. said nothing. Fine.", ["The U.S. said nothing.", "Fine."]),
    ("  padded  ", ["padded"]),
    ("", []),
])
def test_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_text_without_stops_is_cut_into_bounded_pieces():
    text = "word " * 2000
    sentences = split_sentences(text)
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE
    assert all(text[s.start:s.end] == s.text for s in sentences)
