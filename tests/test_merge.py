"""Merging drafts into a dataset: one table of cases, each a real sequence of reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, is_dataclass

import pytest

from geo.errors import DuplicateReport, MergeError
from geo.merge import merge_draft
from geo.model import Evidence, StatusChangeKind
from geo.timeline import ZoneStatus, parse_moment, state_of
from tests.merge_fixtures import corpus_text, draft, empty, when

RFA = corpus_text("rfa-ko-hyesan-2020-11-imposed")
HERALD = corpus_text("nkherald-ko-hyesan-2020-11-timeline")
YONHAP_IN = corpus_text("yonhap-ryanggang-2022-08-imposed")
YONHAP_OUT = corpus_text("yonhap-ryanggang-2022-08-lifted")
AFP_IN = corpus_text("afp-ryanggang-2022-08-imposed")
KIM = "dailynk-en-2021-11-kimhyongjik"


def rfa() -> object:
    start = ("혜산시의 봉쇄령은 2일 오전 9시에 내려져 21일 오후 4시 해제될 예정으로 "
             "현재 봉쇄령은 계속 유지되고 있습니다.")
    return draft("rfa-hyesan", RFA["text"], "2020-11-19", url=RFA["url"], lockdowns=[dict(
        zone="kp-hyesan", quote=start,
        effective=when("2020-11-02", start, at="09:00", certainty="inferred"),
        announced_end=when("2020-11-21", start, at="16:00", certainty="inferred"),
        changes=[{"kind": "imposed", "report": "rfa-hyesan",
                  "when": when("2020-11-02", start, certainty="inferred")}])])


HERALD_EASED = ("11월 21일 - 오전 6시 봉쇄령 해제. BUT 시내유동만 가능, "
                "시외 출입 추가로 25일간 차단")


def herald() -> object:
    start = ("11월 2일 - 새벽, 당중앙위원회 비상확대회의 소집 → 오전 9시 혜산시 완전 봉쇄령 "
             "20일간 선포(주민들 집밖으로 못 나감)")
    eased = HERALD_EASED
    return draft("herald-hyesan", HERALD["text"], "2020-11-25", lockdowns=[dict(
        zone="kp-hyesan", quote=start, measures=["stay_at_home"],
        effective=when("2020-11-02", start, at="09:00", certainty="inferred"),
        changes=[{"kind": "downgraded", "report": "herald-hyesan",
                  "when": when("2020-11-21", eased, at="06:00", certainty="inferred")}])])


def yonhap_in(text=YONHAP_IN["text"], report="yonhap-in", url=YONHAP_IN["url"],
              quote="Health authorities immediately locked down the area") -> object:
    return draft(report, text, "2022-08-25", url=url, lockdowns=[dict(
        zone="kp-ryanggang", quote=quote,
        effective=when(None, quote, latest="2022-08-25",
                       reasoning="'immediately' after the cases of Aug. 23; reported Aug. 25"))])


def yonhap_out() -> object:
    quote = ("The fever patients returned back to normal body temperature and the lockdown "
             "of the area was lifted, according to the KCNA.")
    said = ("North Korea said Friday the latest fever cases in the northeastern province of "
            "Ryanggang were found to have been caused by influenza.")
    return draft("yonhap-out", YONHAP_OUT["text"], "2022-08-26", url=YONHAP_OUT["url"],
                 lockdowns=[dict(zone="kp-ryanggang", quote=quote,
                                 actual_end=when("2022-08-26", said, certainty="inferred"),
                                 changes=[{"kind": "lifted", "report": "yonhap-out",
                                           "when": when("2022-08-26", said,
                                                        certainty="inferred")}])])


# Constructed follow-ups to the founding report (no real one is stored): each is a short
# text in the outlet's manner, coded as the extractor would code it.
def kim_followup(report: str, text: str, published: str, **dates) -> object:
    return draft(report, text, published, places=("kp", "kp-ryanggang", "kp-kimhyongjik-county"),
                 lockdowns=[dict(zone="kp-kimhyongjik-county", quote=text,
                                 id="kimhyongjik-2021-11", **dates)])


EXTENDED = "The lockdown of Kimhyongjik County has been extended until Dec. 19, a source said."
LIFTED_EARLY = "Kimhyongjik County's lockdown was lifted on Nov. 30, a source told Daily NK."
LIFTED_5 = "The lockdown of Kimhyongjik County was lifted on Dec. 5, sources said."
LIFTED_6 = "Kimhyongjik County was reopened on Dec. 6, 2021, a local official said."


def extended():
    change = {"kind": "extended", "report": "r", "when": when("2021-12-03", EXTENDED,
                                                               certainty="inferred"),
              "announced_end": when("2021-12-19", EXTENDED, certainty="inferred")}
    return kim_followup("kim-extended", EXTENDED, "2021-12-03", changes=[change],
                        announced_end=when("2021-12-19", EXTENDED, certainty="inferred"))


def lifted(report, text, day, certainty="inferred"):
    return kim_followup(report, text, day, actual_end=when(day, text, certainty=certainty))


def _all_evidence(value, found=None) -> set[Evidence]:
    found = set() if found is None else found
    if isinstance(value, Evidence):
        found.add(value)
    elif isinstance(value, tuple):
        for item in value:
            _all_evidence(item, found)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            if not f.name.startswith("_"):
                _all_evidence(getattr(value, f.name), found)
    return found


def _merge_all(base, drafts):
    result = None
    for item in drafts:
        result = merge_draft(base, item)
        assert _all_evidence(base) <= _all_evidence(result.dataset), "an earlier quote was lost"
        base = result.dataset
    return result


CASES = [
    # name, base, drafts, lockdowns after, (day, status, downgraded), change wanted
    ("new", "empty", [rfa], 1, ("2020-11-10", ZoneStatus.IN_FORCE, False), "new lockdown"),
    ("downgraded", "empty", [rfa, herald], 1, ("2020-11-21T12:00", ZoneStatus.IN_FORCE, True),
     "downgraded (eased) 2020-11-21 06:00"),
    ("lifted", "empty", [yonhap_in, yonhap_out], 1, ("2022-08-26", ZoneStatus.LIFTED, False),
     "lifted 2022-08-26"),
    ("confirm-only", "empty", [yonhap_in, lambda: yonhap_in(
        AFP_IN["text"], "afp-in", AFP_IN["url"],
        'Authorities "immediately locked down the area where fever cases occurred')], 1,
     ("2022-08-25", ZoneStatus.IN_FORCE, False), "confirmed by afp-in"),
    ("extended", "seed", [extended], 1,
     ("2021-12-10", ZoneStatus.IN_FORCE, False), "extended, announced end now 2021-12-19"),
    ("lifted early", "seed", [lambda: lifted("kim-early", LIFTED_EARLY, "2021-11-30")], 1,
     ("2021-11-30", ZoneStatus.LIFTED, False), "early: the announced end was 2021-12-04"),
    ("conflicting end dates", "seed",
     [lambda: lifted("kim-5", LIFTED_5, "2021-12-05"),
      lambda: lifted("kim-6", LIFTED_6, "2021-12-06", certainty="stated")], 1,
     ("2021-12-05", ZoneStatus.END_PASSED_UNCONFIRMED, False),
     "sources disagree on the actual end"),
    ("a new lockdown later", "empty", [rfa, yonhap_in], 2,
     ("2022-08-25", ZoneStatus.IN_FORCE, False), "new lockdown ryanggang-2022-08"),
]


@pytest.mark.parametrize(("name", "base", "drafts", "count", "check", "wanted"), CASES,
                         ids=[c[0] for c in CASES])
def test_merge_cases(seed, name, base, drafts, count, check, wanted):
    result = _merge_all(seed if base == "seed" else empty(), [make() for make in drafts])
    lockdowns = result.dataset.lockdowns
    assert len(lockdowns) == count
    day, status, downgraded = check
    state = state_of(result.dataset, lockdowns[-1] if name == "a new lockdown later"
                     else lockdowns[0], parse_moment(day))
    assert (state.status, state.downgraded) == (status, downgraded)
    assert any(wanted in str(change) for change in result.changes), \
        [str(c) for c in result.changes]


def test_conflicting_end_dates_keep_both_values_and_the_rule(seed):
    result = _merge_all(seed, [lifted("kim-5", LIFTED_5, "2021-12-05"),
                               lifted("kim-6", LIFTED_6, "2021-12-06", certainty="stated")])
    lockdown = result.dataset.lockdowns[0]
    (dispute,) = lockdown.disagreements
    assert dispute.fact == "actual_end"
    assert [v.on.isoformat() for v in dispute.values] == ["2021-12-05", "2021-12-06"]
    assert dispute.bounds == (dt.date(2021, 12, 5), dt.date(2021, 12, 6))
    assert lockdown.actual_end.on == dt.date(2021, 12, 6)  # stated over inferred
    assert dispute.reason == "stated over inferred"
    lifts = [c for c in lockdown.changes if c.kind is StatusChangeKind.LIFTED]
    assert [c.when.on for c in lifts] == [dt.date(2021, 12, 6)]  # the map agrees with the rule
    # A third report on the first day joins that value instead of adding another.
    again = kim_followup("kim-5b", "It was lifted on Dec. 5, a second source said.",
                         "2021-12-07", actual_end=when(
                             "2021-12-05", "It was lifted on Dec. 5, a second source said.",
                             certainty="inferred"))
    third = merge_draft(result.dataset, again).dataset.lockdowns[0].disagreements[0]
    assert len(third.values) == 2 and len(third.values[0].evidence) == 2


def test_extension_keeps_the_first_announced_end(seed):
    lockdown = merge_draft(seed, extended()).dataset.lockdowns[0]
    assert lockdown.announced_end.on == dt.date(2021, 12, 4)
    assert not lockdown.disagreements
    assert state_of(seed, lockdown, dt.date(2021, 12, 10)).announced_end == dt.date(2021, 12, 19)


def test_places_merge_by_gazetteer_id_and_keep_new_spellings(seed):
    result = merge_draft(seed, extended())
    ids = [p.id for p in result.dataset.places]
    assert len(ids) == len(set(ids)) == len(seed.places)
    county = result.dataset.place("kp-kimhyongjik-county")
    assert "Kimhyŏngjik County" in county.aliases and "Kimhyongjik-gun" in county.aliases
    assert county.aliases[:len(seed.place(county.id).aliases)] == seed.place(county.id).aliases


@pytest.mark.parametrize("same", ["url", "text"])
def test_the_same_report_twice_is_refused_naming_the_one_in(same):
    first = merge_draft(empty(), rfa()).dataset
    text = RFA["text"] if same == "text" else "A different text about Hyesan, 2020."
    url = RFA["url"] if same == "url" else "https://example.org/elsewhere"
    again = draft("rfa-again", text, "2020-11-19", url=url)
    with pytest.raises(DuplicateReport, match="already in the dataset as 'rfa-hyesan'") as info:
        merge_draft(first, again)
    assert info.value.existing == "rfa-hyesan"
    assert f"the same {'URL' if same == 'url' else 'text'}" in str(info.value)


def test_a_zone_outside_north_korea_is_refused():
    text = "Changbai county in China locked down its border town on Nov. 2, 2020."
    bad = draft("changbai", text, "2020-11-03", places=("cn-changbai",), lockdowns=[dict(
        zone="cn-changbai", quote=text, effective=when("2020-11-02", text))])
    with pytest.raises(MergeError, match="Changbai is in CN, not North Korea"):
        merge_draft(empty(), bad)


def test_report_ids_that_clash_get_a_fresh_one():
    first = merge_draft(empty(), rfa()).dataset
    other = draft("rfa-hyesan", YONHAP_IN["text"], "2022-08-25", url=YONHAP_IN["url"])
    result = merge_draft(first, other)
    assert [r.id for r in result.dataset.reports] == ["rfa-hyesan", "rfa-hyesan-2"]
    assert result.report == "rfa-hyesan-2"


def test_popups_and_descriptions_say_sources_disagree(seed):
    from geo.describe import describe_lockdown
    from tests.test_maps_popups import history_popup

    hostile = "It was lifted on Dec. 5 <script>alert(1)</script>, sources said."
    result = _merge_all(seed, [lifted("kim-5", hostile, "2021-12-05"),
                               lifted("kim-6", LIFTED_6, "2021-12-06", certainty="stated")])
    summary = describe_lockdown(result.dataset, result.dataset.lockdowns[0], dt.date(2021, 12, 7))
    (line,) = summary.disagreements
    assert (line.label, line.uses, line.bounds) == ("Actual end", "2021-12-06",
                                                   ("2021-12-05", "2021-12-06"))
    _, html = history_popup(result.dataset, result.dataset.lockdowns[0].zone,
                            dt.date(2021, 12, 7))
    assert "Sources disagree: actual end (between 2021-12-05 and 2021-12-06)" in html
    assert "The map uses 2021-12-06: stated over inferred." in html
    assert LIFTED_6 in html and "&lt;script&gt;" in html and "<script>" not in html


def test_an_easing_on_the_day_of_a_lift_disagrees_about_the_lift():
    lift = "Hyesan's lockdown was lifted on Nov. 21, 2020, a source said."
    lifted_draft = draft("hyesan-lift", lift, "2020-11-22", lockdowns=[dict(
        zone="kp-hyesan", quote=lift, id="hyesan-2020-11",
        actual_end=when("2020-11-21", lift, certainty="stated"))])
    result = _merge_all(empty(), [rfa(), herald(), lifted_draft])
    lockdown = result.dataset.lockdowns[0]
    (dispute,) = lockdown.disagreements
    assert dispute.fact == "actual_end" and lockdown.actual_end.on == dt.date(2020, 11, 21)
    assert [v.certainty.value for v in dispute.values] == ["stated", "unknown"]
    assert dispute.values[1].evidence[0].quote == HERALD_EASED
    assert dispute.reason == "stated over unknown"
    assert any("only of an easing" in str(c) for c in result.changes)
