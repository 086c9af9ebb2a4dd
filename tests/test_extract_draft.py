"""Assembling a draft: zones, dates for each fact, contradictions, highlights."""

import datetime as dt
import re

import pytest
from shared_files import FOUNDING

from geo.dataset import dumps_dataset, loads_dataset
from geo.extract import extract_report
from geo.model import Certainty, Scope

D = dt.date


def draft_of(text, published=None, language="auto"):
    draft = extract_report(text, published=published, language=language)
    loads_dataset(dumps_dataset(draft.dataset))  # every draft validates
    return draft


def test_a_province_that_says_where_or_where_the_source_is_is_not_a_zone():
    draft = draft_of("A source in Chagang Province told Daily NK on Tuesday that Wiwon County, "
                     "Chagang Province, was locked down on Nov. 16.", D(2020, 11, 25))
    assert [ld.zone for ld in draft.dataset.lockdowns] == ["kp-wiwon-county"]
    assert draft.dataset.lockdowns[0].effective.on == D(2020, 11, 16)


def test_a_nationwide_order_is_the_country_s_with_general_measures():
    draft = draft_of("Emergency measures are being taken to block all provinces, cities and "
                     "counties across the country, restricting the moving of persons to the "
                     "maximum.", D(2022, 5, 13))
    [lockdown] = draft.dataset.lockdowns
    assert lockdown.zone == "kp" and lockdown.scope == "nationwide"
    assert [(m.code, m.scope) for m in lockdown.measures] == [("movement_restricted",
                                                             Scope.GENERAL)]


def test_an_order_with_a_duration_gives_ordered_effective_and_announced_end():
    draft = draft_of("On Nov. 16 the authorities issued an order locking down Wiwon County for a "
                     "month.", D(2020, 11, 25))
    [lockdown] = draft.dataset.lockdowns
    assert lockdown.ordered.on == D(2020, 11, 16)
    assert lockdown.effective.on == D(2020, 11, 16)
    assert lockdown.effective.certainty is Certainty.INFERRED
    assert lockdown.announced_end.on == D(2020, 12, 16)
    assert "a month" in lockdown.announced_end.words


def test_contradicting_dates_are_left_out_and_named():
    draft = draft_of("Hyesan was put under lockdown on Nov. 12. The lockdown of Hyesan was lifted "
                     "on Nov. 10.", D(2020, 11, 20))
    [lockdown] = draft.dataset.lockdowns
    assert lockdown.effective.on == D(2020, 11, 12)
    assert lockdown.actual_end.on is None
    assert any("contradiction" in f and "Nov. 10" in f for f in draft.findings)


def test_places_lifted_on_days_respectively_take_their_own_day():
    draft = draft_of("양강도 소식통은 28일 데일리NK에 “삼지연과 혜산이 봉쇄됐다가 지난 14일과 17일 "
                     "각각 해제됐다”고 전했다.", D(2020, 9, 29))
    ends = {ld.zone: ld.actual_end.on for ld in draft.dataset.lockdowns}
    assert ends == {"kp-samjiyon": D(2020, 9, 14), "kp-hyesan": D(2020, 9, 17)}


def test_a_lifting_known_from_its_announcement_ends_on_the_publication_day():
    draft = draft_of("Four fever cases were found in Ryanggang Province. The patients recovered "
                     "and the lockdown of the area was lifted, according to the KCNA.",
                     D(2022, 8, 26))
    [lockdown] = draft.dataset.lockdowns
    assert lockdown.zone == "kp-ryanggang"
    assert lockdown.actual_end.on == D(2022, 8, 26)
    assert "announced" in lockdown.actual_end.reasoning
    assert [c.kind.value for c in lockdown.changes] == ["imposed", "lifted"]


def test_without_any_date_and_without_publication_nothing_can_be_placed_in_time():
    draft = draft_of("Hyesan is under lockdown, residents say.")
    assert draft.dataset.lockdowns == ()
    assert any("--published" in f for f in draft.findings)


def test_highlights_name_fields_that_exist_and_cover_their_words():
    text = FOUNDING.read_text(encoding="utf-8")
    draft = draft_of(text, D(2021, 11, 23))
    kinds = {h.kind for h in draft.highlights}
    assert kinds == {"place", "date", "measure", "change"}
    for highlight in draft.highlights:
        target = draft.dataset
        for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", highlight.fact):
            target = getattr(target, name)
            if index:
                target = target[int(index)]
        assert target is not None
    effective = [h for h in draft.highlights if h.fact == "lockdowns[0].effective"]
    assert [text[h.start:h.end] for h in effective] == ["Nov. 19"]


def test_each_lockdown_sentence_highlights_the_change_it_states():
    text = "Hyesan was put under lockdown on Nov. 2. The lockdown of Hyesan was lifted on Nov. 21."
    draft = draft_of(text, D(2020, 11, 25))
    [lockdown] = draft.dataset.lockdowns
    facts = [h.fact for h in draft.highlights if h.kind == "change"]
    kinds = [lockdown.changes[int(fact[-2])].kind.value for fact in facts]
    assert kinds == ["imposed", "lifted"]
    assert lockdown.actual_end.on == D(2020, 11, 21)


def test_an_extension_is_a_change_with_the_new_end():
    draft = draft_of("Hyesan was put under lockdown on Nov. 2 for 20 days. On Nov. 20 the "
                     "lockdown of Hyesan was extended until Dec. 10.", D(2020, 11, 25))
    [lockdown] = draft.dataset.lockdowns
    assert lockdown.announced_end.on == D(2020, 11, 22)  # 20 days from Nov. 2, as announced
    [extension] = [c for c in lockdown.changes if c.kind.value == "extended"]
    assert (extension.when.on, extension.announced_end.on) == (D(2020, 11, 20), D(2020, 12, 10))


def test_dated_fever_cases_beside_a_lockdown_are_its_trigger():
    draft = draft_of("Four fever cases occurred in Ryanggang Province on Aug. 23, state media "
                     "said. Health authorities immediately locked down the area.", D(2022, 8, 25))
    [lockdown] = draft.dataset.lockdowns
    trigger = draft.dataset.incident(lockdown.trigger)
    assert (trigger.kind, trigger.when.on, trigger.place) == ("fever_cases", D(2022, 8, 23),
                                                              "kp-ryanggang")


def test_a_lockdown_s_own_date_is_not_its_trigger_s():
    draft = draft_of("밀입국 사건으로 평안북도 삭주에 내려졌던 봉쇄령이 "
                     "23일 오후 6시를 기해 해제됐다.", D(2021, 3, 24))
    [lockdown] = draft.dataset.lockdowns
    assert lockdown.trigger is None and lockdown.actual_end.on == D(2021, 3, 23)


# A stated length gives the announced end counted from the start (start + N days, or
# + calendar months: dates.end_of_duration), with the words kept and the certainty
# inferred; however the report words it, in the lockdown's sentence or the next one.
@pytest.mark.parametrize(("text", "published", "start", "end", "words"), [
    ("Authorities imposed a five-day lockdown on Hyesan on Nov. 12.", D(2020, 11, 20),
     D(2020, 11, 12), D(2020, 11, 17), "five-day"),
    ("A 20-day quarantine was imposed on Hyesan on Nov. 12.", D(2020, 11, 20),
     D(2020, 11, 12), D(2020, 12, 2), "20-day"),
    ("Kaesong was placed under a three-week lockdown on July 26.", D(2020, 8, 1),
     D(2020, 7, 26), D(2020, 8, 16), "three-week"),
    ("Hyesan was sealed off for two weeks from Nov. 12.", D(2020, 11, 20),
     D(2020, 11, 12), D(2020, 11, 26), "two weeks"),
    ("Hyesan was locked down on Nov. 12. The lockdown is expected to last 20 days.",
     D(2020, 11, 20), D(2020, 11, 12), D(2020, 12, 2), "20 days"),
    ('Hyesan was locked down on Nov. 12. "The lockdown is expected to last 20 days," a '
     'source said.', D(2020, 11, 20), D(2020, 11, 12), D(2020, 12, 2), "20 days"),
    ('"Hyesan has been under lockdown since Nov. 12. It is set to last 10 days," the source '
     'said.', D(2020, 11, 20), D(2020, 11, 12), D(2020, 11, 22), "10 days"),
    ("혜산시에 12일부터 5일간 봉쇄가 내려졌다.", D(2020, 11, 20), D(2020, 11, 12),
     D(2020, 11, 17), "5일간"),
    ("혜산시가 12일부터 20일 동안 봉쇄됐다.", D(2020, 11, 20), D(2020, 11, 12),
     D(2020, 12, 2), "20일 동안"),
    ("혜산시는 12일부터 보름간 봉쇄됐다.", D(2020, 11, 20), D(2020, 11, 12),
     D(2020, 11, 27), "보름간"),
    ("혜산시는 12일부터 한 달간 봉쇄됐다.", D(2020, 11, 20), D(2020, 11, 12),
     D(2020, 12, 12), "한 달간"),
    ("혜산시가 12일 봉쇄됐다. 봉쇄는 20일간 이어질 전망이다.", D(2020, 11, 20),
     D(2020, 11, 12), D(2020, 12, 2), "20일간"),
    ("혜산시가 12일 봉쇄됐다. 이 조치는 열흘간 계속된다.", D(2020, 11, 20),
     D(2020, 11, 12), D(2020, 11, 22), "열흘간"),
])
def test_a_stated_length_gives_the_announced_end(text, published, start, end, words):
    language = "ko" if re.search("[가-힣]", text) else "en"
    [lockdown] = draft_of(text, published, language).dataset.lockdowns
    assert lockdown.effective.on == start
    assert lockdown.announced_end.on == end
    assert lockdown.announced_end.certainty is Certainty.INFERRED
    assert lockdown.announced_end.words == words
    assert words in lockdown.announced_end.reasoning


# Lengths that are not the lockdown's announced one.
@pytest.mark.parametrize(("text", "published"), [
    ("Hyesan was locked down on Nov. 12. It lasted 20 days.", D(2020, 12, 20)),  # how long
    ("혜산시가 12일 봉쇄됐다. 이 조치는 20일간 이어졌다.", D(2020, 12, 20)),
    ("Hyesan was locked down on Nov. 12, and violators face a month of disciplinary labor.",
     D(2020, 11, 20)),
    ("Hyesan was locked down on Nov. 12 and Choe was given a 30-day isolation.",
     D(2020, 11, 20)),
    ("Kim Jong Un lifted the three-week lockdown of Kaesong on Aug. 13.", D(2020, 8, 14)),
    ("Hyesan was locked down on Nov. 12. The lockdown may last 20 days.", D(2020, 11, 20)),
    ("Hyesan was locked down on Nov. 12. A quarantine was imposed on the returnees for 30 "
     "days.", D(2020, 11, 20)),
])
def test_a_length_of_something_else_gives_no_announced_end(text, published):
    language = "ko" if re.search("[가-힣]", text) else "en"
    lockdowns = draft_of(text, published, language).dataset.lockdowns
    assert [ld.zone for ld in lockdowns] in (["kp-hyesan"], ["kp-kaesong"])
    assert lockdowns[0].announced_end.on is None
    assert lockdowns[0].announced_end.latest is None


@pytest.mark.parametrize(("text", "published", "earliest", "latest"), [
    # In force by the day the outlet spoke: began then or earlier, so ended by B + N.
    ("On Wednesday, NK News reported that a five-day lockdown had begun in Pyongyang.",
     D(2023, 1, 27), D(2023, 1, 25), D(2023, 1, 30)),
    ("Hyesan is under a 20-day lockdown, a source told Daily NK on Tuesday.",
     D(2020, 11, 20), D(2020, 11, 17), D(2020, 12, 7)),
    # Known to the month: the month's first and last day + N.
    ("In late July, Kaesong was placed under a three-week lockdown.", D(2020, 8, 30),
     D(2020, 7, 22), D(2020, 8, 21)),
])
def test_a_length_without_a_start_day_bounds_the_end_and_gives_no_day(text, published,
                                                                      earliest, latest):
    [lockdown] = draft_of(text, published).dataset.lockdowns
    end = lockdown.announced_end
    assert end.on is None and end.certainty is Certainty.UNKNOWN
    assert (end.earliest, end.latest) == (earliest, latest)
    assert end.words in end.reasoning and str(latest) in end.reasoning


# A sentence naming several zones: each is its own lockdown; where each has a clause of
# its own, it takes that clause's change and dates.
@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Hyesan and Samjiyon were locked down on Nov. 12.", D(2020, 11, 20),
     {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
      "kp-samjiyon": ("imposed", D(2020, 11, 12), None)}),
    ("Hyesan was locked down on Nov. 12, and Samjiyon on Nov. 14.", D(2020, 11, 20),
     {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
      "kp-samjiyon": ("imposed", D(2020, 11, 14), None)}),
    ("On Nov. 12 Hyesan was locked down, and on Nov. 14 Samjiyon.", D(2020, 11, 20),
     {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
      "kp-samjiyon": ("imposed", D(2020, 11, 14), None)}),
    ("Hyesan was locked down on Nov. 12 and Samjiyon was sealed off on Nov. 14.",
     D(2020, 11, 20), {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
                       "kp-samjiyon": ("imposed", D(2020, 11, 14), None)}),
    ("Hyesan and Samjiyon were locked down on Nov. 12, and Kimjongsuk on Nov. 14.",
     D(2020, 11, 20), {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
                       "kp-samjiyon": ("imposed", D(2020, 11, 12), None),
                       "kp-kimjongsuk-town": ("imposed", D(2020, 11, 14), None)}),
    ("The lockdown of Hyesan was lifted on Nov. 20, while Samjiyon remains sealed off.",
     D(2020, 11, 22), {"kp-hyesan": ("lifted", None, D(2020, 11, 20)),
                       "kp-samjiyon": ("imposed", None, None)}),
    ("Hyesan was sealed off on Nov. 12, while the lockdown of Samjiyon was lifted on Nov. 14.",
     D(2020, 11, 20), {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
                       "kp-samjiyon": ("lifted", None, D(2020, 11, 14))}),
    # A list of names is one clause, whatever joins it.
    ("North Korea locked down Hyesan and Samjiyon on Nov. 12 and ordered residents to stay "
     "home.", D(2020, 11, 20), {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
                                "kp-samjiyon": ("imposed", D(2020, 11, 12), None)}),
    ("양강도 혜산시, 삼지연시, 김정숙군이 12일 봉쇄됐다.", D(2020, 11, 20),
     {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
      "kp-samjiyon": ("imposed", D(2020, 11, 12), None),
      "kp-kimjongsuk-county": ("imposed", D(2020, 11, 12), None)}),
    ("혜산시와 삼지연시에 12일 봉쇄령이 내려졌다.", D(2020, 11, 20),
     {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
      "kp-samjiyon": ("imposed", D(2020, 11, 12), None)}),
    ("혜산시는 12일, 삼지연시는 14일 봉쇄됐다.", D(2020, 11, 20),
     {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
      "kp-samjiyon": ("imposed", D(2020, 11, 14), None)}),
    ("혜산시가 12일 봉쇄됐고, 삼지연시는 14일 봉쇄됐다.", D(2020, 11, 20),
     {"kp-hyesan": ("imposed", D(2020, 11, 12), None),
      "kp-samjiyon": ("imposed", D(2020, 11, 14), None)}),
    ("혜산시는 지난 14일 봉쇄가 해제됐지만 삼지연시는 여전히 봉쇄돼 있다.", D(2020, 11, 20),
     {"kp-hyesan": ("lifted", None, D(2020, 11, 14)),
      "kp-samjiyon": ("imposed", None, None)}),
])
def test_each_zone_of_a_sentence_is_its_own_lockdown(text, published, expected):
    language = "ko" if re.search("[가-힣]", text) else "en"
    draft = draft_of(text, published, language)
    got = {ld.zone: (ld.changes[-1].kind.value, ld.effective.on, ld.actual_end.on)
           for ld in draft.dataset.lockdowns}
    assert got == expected
    for lockdown in draft.dataset.lockdowns:
        assert [e.quote for e in lockdown.evidence] == [text]


def test_a_sentence_of_one_zone_reads_its_first_lockdown_word_with_the_whole_sentence():
    # Two lockdown words of one zone: the lifting later in the sentence is still heard.
    [lockdown] = draft_of("Hyesan was locked down and sealed off on Nov. 12, then lifted "
                          "on Nov. 20.", D(2020, 11, 22)).dataset.lockdowns
    assert lockdown.changes[-1].kind.value == "lifted"
