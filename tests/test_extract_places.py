"""Place names in report text, resolved through the shipped gazetteer."""

import pytest

from geo.extract.places import find_places


def found(text, language):
    return [(m.words, m.status, m.entry.id if m.entry else None)
            for m in find_places(text, language)]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Kimhyongjik County was put under lockdown.",
     [("Kimhyongjik County", "resolved", "kp-kimhyongjik-county")]),
    ("en", "When Hyesan was locked down, Samjiyon followed.",
     [("Hyesan", "ambiguous", "kp-hyesan"), ("Samjiyon", "resolved", "kp-samjiyon")]),
    ("en", "The North Korean authorities sealed off the city.", []),
    ("en", "streets of Hamhung, Kaesong, Nampho and Phyongsongg.",  # a slip, in a list
     [("Hamhung", "resolved", "kp-hamhung"), ("Kaesong", "resolved", "kp-kaesong"),
      ("Nampho", "resolved", "kp-nampo-si"), ("Phyongsongg", "approximate", "kp-pyongsong")]),
    ("ko", "양강도 김형직군이 봉쇄됐다.",
     [("양강도", "resolved", "kp-ryanggang"), ("김형직군", "resolved", "kp-kimhyongjik-county")]),
    ("ko", "삼지연시와 혜산시에 내려졌던 봉쇄령", [("삼지연시", "resolved", "kp-samjiyon"),
                                       ("혜산시", "ambiguous", "kp-hyesan")]),
    ("ko", "이동 제한 조치에 나선 것으로 전해졌다.", []),
])
def test_places(language, text, expected):
    assert [(w, s, i) for w, s, i in found(text, language)][:len(expected)] == expected
    assert len(found(text, language)) == len(expected)


def test_names_the_gazetteer_lacks_are_reported_not_dropped():
    english = found("A lockdown of Ryongsan-ri, Yomju County, began.", "en")
    assert ("Ryongsan-ri", "unknown", None) in english
    korean = found("평안북도 가나다에 내려졌던 봉쇄령", "ko")
    assert ("가나다", "unknown", None) in korean


def test_a_province_s_bodies_are_not_places():
    assert [w for w, _, _ in found("양강도 사법기관의 한 간부소식통은", "ko")] == ["양강도"]


def test_spans_are_the_text():
    text = "Residents of 혜산시와 Hyesan"
    for mention in find_places(text, "ko") + find_places(text, "en"):
        assert text[mention.start:mention.end] == mention.words
