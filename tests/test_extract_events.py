"""Lockdown statements: what a sentence says happened, or that it says nothing."""

import pytest

from geo.extract.events import find_cues
from geo.extract.sentences import split_sentences


def cue_of(text, language="en"):
    cues = find_cues(split_sentences(text), language)
    return (cues[0].kind, cues[0].background) if cues else None


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Hyesan was put under lockdown on Friday.", ("imposed", False)),
    ("en", "The city has been sealed off since early this month.", ("imposed", False)),
    ("en", "Kim Jong Un has lifted a lockdown at a major city.", ("lifted", False)),
    ("en", "Authorities appear to have partially lifted lockdowns in several cities.",
     ("downgraded", False)),
    ("en", "The lockdown was eased on Sunday.", ("downgraded", False)),
    ("en", "The lockdown was lifted around one month later with the relaxation of "
           "restrictions.", ("lifted", False)),
    ("en", "A source said there has been no lockdown in the city.", ("denied", False)),
    ("en", "Hyesan had been placed in lockdown for the second time since last year.",
     ("imposed", True)),
    ("en", "North Korea may lock down the whole province.", None),
    ("en", "Is the city under lockdown?", None),
    ("en", "It kept up the closure of the border and the sealing off of the border.", None),
    ("en", "The lockdown is scheduled to be lifted on Dec. 4.", ("imposed", False)),
    ("en", "He was reported after a border guard saw him during a 20-day lockdown.",
     ("imposed", False)),
    ("en", "The lockdown of Hyesan was extended until Dec. 10.", ("extended", False)),
    # Looking ahead to a lockdown's length reports its duration; it is not a guess.
    ("en", "The lockdown is expected to last 20 days.", ("imposed", False)),
    ("en", '"The lockdown is set to run for two weeks," a source said.', ("imposed", False)),
    ("en", "The lockdown is expected to be lifted soon.", None),
    ("en", "The lockdown may last 20 days.", None),
    ("en", "A 20-day quarantine was imposed on Hyesan.", ("imposed", False)),
    ("en", "Officials imposed a strict quarantine on the city.", ("imposed", False)),
    ("en", "Returnees were placed under quarantine for 30 days.", None),
    ("ko", "봉쇄는 20일간 이어질 전망이다.", ("imposed", False)),
    ("ko", "봉쇄가 해제될 전망이다.", None),
    ("ko", "혜산시 봉쇄는 다음 달 10일까지 연장됐다.", ("extended", False)),
    ("ko", "지난 19일 김형직군이 봉쇄됐다.", ("imposed", False)),
    ("ko", "봉쇄령이 23일 오후 6시를 기해 공식 해제됐다.", ("lifted", False)),
    ("ko", "봉쇄령은 21일 오후 4시 해제될 예정이다.", ("imposed", False)),
    ("ko", "국경봉쇄를 강화했다.", None),
    ("ko", "봉쇄 조치를 일부 완화했다.", ("downgraded", False)),
    ("ko", "개성시를 봉쇄한 데 이어 이동을 제한했다.", ("imposed", True)),
    ("ko", "전국적인 봉쇄 조치를 취했다는 얘기가 흘러나오기도 했다.", None),
    ("ko", "평양은 다른 지역으로부터의 출입 금지가 유지되고 있다.", ("imposed", False)),
])
def test_cues(language, text, expected):
    assert cue_of(text, language) == expected


def test_a_lifting_followed_by_but_still_banned_is_an_easing():
    text = "11월 21일 - 오전 6시 봉쇄령 해제.\nBUT 시내유동만 가능, 시외 출입 추가로 25일간 차단"
    assert cue_of(text, "ko") == ("downgraded", False)


def test_a_quarantine_cue_is_only_of_a_place_its_sentence_names():
    [cue] = find_cues(split_sentences("A quarantine was imposed on the returnees."), "en")
    assert cue.named_only
    [cue] = find_cues(split_sentences("Hyesan was locked down."), "en")
    assert not cue.named_only
    [cue] = find_cues(split_sentences("They quarantined the entire city."), "en")
    assert not cue.named_only  # "the city": the zone of the sentences around it


@pytest.mark.parametrize(("language", "text", "kinds"), [
    ("en", "The lockdown of Hyesan was lifted on Nov. 20, while Samjiyon remains sealed off.",
     ["lifted", "imposed"]),
    ("en", "Hyesan was sealed off on Nov. 12, while the lockdown of Samjiyon was lifted.",
     ["imposed", "lifted"]),
    ("ko", "혜산시는 봉쇄가 해제됐지만 삼지연시는 여전히 봉쇄돼 있다.", ["lifted", "imposed"]),
])
def test_each_lockdown_word_of_a_sentence_takes_the_verb_of_its_own_clause(language, text,
                                                                         kinds):
    assert [c.kind for c in find_cues(split_sentences(text), language)] == kinds
