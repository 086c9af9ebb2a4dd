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


@pytest.mark.parametrize(("text", "expected"), [
    (" date 2022-05-05 North Korea on Thursday lifted a lockdown.",
     ["date 2022-05-05", "North Korea on Thursday lifted a lockdown."]),
    ("date 2020-08-13 SEOUL, South Korea (AP) — Kim Jong Un has lifted a lockdown.",
     ["date 2020-08-13", "SEOUL, South Korea (AP) —", "Kim Jong Un has lifted a lockdown."]),
    ("Headline\nSEOUL, Aug. 25 (Yonhap) -- Four fever cases were reported.",
     ["Headline", "SEOUL, Aug. 25 (Yonhap) --", "Four fever cases were reported."]),
    ("PYONGYANG, Jan. 3 (KCNA) -- The city was sealed.",
     ["PYONGYANG, Jan. 3 (KCNA) --", "The city was sealed."]),
    ("Seoul, May 5 (AFP) - North Korea lifted it.", ["Seoul, May 5 (AFP) -",
                                                      "North Korea lifted it."]),
    ("Seoul: Kim Jong-un has lifted a three-week lockdown.",
     ["Seoul:", "Kim Jong-un has lifted a three-week lockdown."]),
    ("(2nd LEAD) Hyesan was sealed off.", ["(2nd LEAD)", "Hyesan was sealed off."]),
    ("2022.05.05 북한이 봉쇄를 해제했다.", ["2022.05.05", "북한이 봉쇄를 해제했다."]),
    ("(서울=연합뉴스) 홍길동 기자 = 북한이 혜산시를 봉쇄했다.",
     ["(서울=연합뉴스) 홍길동 기자 =", "북한이 혜산시를 봉쇄했다."]),
    ("【평양=뉴시스】북한이 봉쇄했다.", ["【평양=뉴시스】", "북한이 봉쇄했다."]),
    # Inside a paragraph, alone on its line, or not a dateline: kept as it is.
    ("It was sealed. SEOUL, May 5 (Yonhap) -- stays.",
     ["It was sealed.", "SEOUL, May 5 (Yonhap) -- stays."]),
    ("date 2022-05-05", ["date 2022-05-05"]),
    ("Kim Jong Un - the leader - spoke.", ["Kim Jong Un - the leader - spoke."]),
    ("N. Korea says 4 new fever cases.", ["N. Korea says 4 new fever cases."]),
])
def test_a_dateline_opening_a_line_is_not_part_of_its_sentence(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)
