"""Measures a report states, as codes of the taxonomy in :mod:`geo.measures`.

Each rule is how reports word one kind of restriction ("unable to leave their
homes", "closed markets", "suspended travel permits", "차량도 일절 다니지
못하게", "출입을 제한"). A measure is coded only from its own words; things
outside the taxonomy (temperature checks, a ban on selling medicine) are not.
"""



# ruff: noqa: E501 - Korean text and quotes; a pattern reads best whole

from __future__ import annotations

import re
from dataclasses import dataclass

_EN = {
    "stay_at_home": (
        r"\b(?:unable|not allowed|forbidden|barred|banned|prohibited) (?:from |to )?leav\w* "
        r"(?:their |the )?homes?|\bleav\w* (?:their|the) homes?\b|\bstay (?:at|in) (?:their )?"
        r"homes?\b|\bremain in (?:their|the) homes?\b|\block\w* (?:them|people|residents) up in "
        r"(?:their|the) homes?\b|\bconfined to (?:their )?homes?\b|\bstay-at-home\b|"
        r"\ballowed to leave (?:their|the) homes?\b|\bnot (?:allowed|permitted) (?:to go )?outside\b"
    ),
    "markets_closed": (
        r"\b(?:clos\w*|shut\w*)(?: down)? (?:\w+ ){0,3}?markets?\b|\bmarkets? (?:were |have been |"
        r"are |was )?(?:closed|shut)\b"
    ),
    "workplaces_closed": (
        r"\b(?:clos\w*|shut\w*)(?: down)? (?:all )?(?:workplaces|factories|enterprises)\b|"
        r"\bworkplaces (?:were |have been |are )?(?:closed|shut)\b|\bbarred from work\b"
    ),
    "travel_permits_suspended": (
        r"\b(?:suspend\w*|stopp\w*|halt\w*|cut|not issu\w*) (?:\w+ ){0,3}?travel permits?\b|"
        r"\btravel permits? (?:were |have been |are )?(?:suspended|stopped|halted|not issued)\b"
    ),
    "movement_restricted": (
        r"\bban on movement\b|\bmovements? (?:are|is|were|was|have been|being)(?: being)? "
        r"(?:strictly )?(?:controlled|restricted|blocked|banned)\b|\bisolation of (?:its )?each "
        r"district\b|\bisolat\w+ (?:its |the )?districts\b|\bquarantine posts on all exits\b|"
        r"\bcheckpoints on all (?:exits|roads)\b|\brestricting the moving of persons\b|"
        r"\b(?:could|can)(?:not|n't| not) leave the (?:city|county|town|area)\b"
    ),
    "vehicles_banned": (
        r"\bvehicles? (?:were |are |was )?(?:barred|banned|not allowed|prohibited) (?:from )?"
        r"(?:moving|running|driving|operating)\b|\bban(?:ned)? (?:on )?(?:all )?vehicle traffic\b"
    ),
    "entry_banned": (
        r"\b(?:ban\w*|barr\w*|block\w*|prohibit\w*)\b[^.]{0,40}\bfrom entering\b|\bentry (?:to|into)"
        r" [^.]{0,30}(?:banned|barred|blocked|prohibited)\b|\bban\w* entry\b|\bnot allowed to "
        r"enter\b|\bclosed to outsiders\b"
    ),
    "enforcement_patrols": (
        r"\bpatrol (?:the )?streets\b|\benforcement teams?\b|\binspection squads?\b"
    ),
    "violators_punished": (
        r"^(?=.*\b(?:violat\w*|resist\w*|left their homes|leaving their homes|defy\w*|breach\w*)\b)"
        r".*?\b(?:punish\w*|disciplinary labou?r|forced labou?r|labou?r camps?|arrested)\b"
    ),
    "individual_isolation": (
        r"\bquarantine and examination of\b|\b(?:put|placed|sent) (?:in|into) (?:home |facility )?"
        r"(?:quarantine|isolation)\b|\bisolate them\b|\bthoroughly isolate\b"
    ),
}
_KO = {
    "stay_at_home": r"집\s?밖으로 (?:못|나오지|나가지)|집\s?밖에 (?:못|나오지)|문밖 출입|외출(?:을|이)? "
                    r"(?:금지|통제)|귀가하라|집에 갇",
    "markets_closed": r"시장 운영(?:도|이|을)? 중단|(?:장마당|시장)(?:도|이|을)?(?: 모두)? "
                      r"(?:문을 닫|폐쇄|운영 중단)",
    "workplaces_closed": r"(?:직장|공장|기업소)(?:도|이|들이)? (?:모두 )?(?:문을 닫|폐쇄|가동 중단)|출근(?:을|이)? 금지",
    "travel_permits_suspended": r"(?:여행증명서|통행증)(?: 발급)?(?:과|도|이|을)?[^.]{0,30}(?:차단|중단|금지|막)",
    "movement_restricted": r"이동(?:을|이)? (?:통제|제한|금지|차단)|이동 통제|구역별[^.]{0,12}격리|벗어날 수|시외 출입[^.]{0,12}차단",
    "vehicles_banned": r"차량도 (?:일절 )?다니지 못|차량 (?:운행|통행)(?:이|을)? (?:금지|중단|차단)",
    "entry_banned": r"출입(?:도|을|이)? (?:전면 )?(?:차단|제한|금지)|출입 금지|들어(?:오|가)지 못",
    "enforcement_patrols": r"규찰대|단속조|순찰",
    "violators_punished": r"^(?=.*(?:어기|위반|반항)).*?(?:처벌|노동단련대)",
    "individual_isolation": r"(?<!구역별, )(?<!지역별 )격리(?:하|시키|됐|되)|지역별 격리|격리, 검진",
}
_COMPILED = {
    "en": {code: re.compile(rx, re.IGNORECASE) for code, rx in _EN.items()},
    "ko": {code: re.compile(rx) for code, rx in _KO.items()},
}
# Said of a group, not of the lockdown's people: "entire military units put into group
# quarantine" is not a measure of a place lockdown.
_NOT_OF_RESIDENTS = re.compile(r"\bgroup quarantine\b|\bmilitary units?\b", re.IGNORECASE)


@dataclass(frozen=True)
class MeasureCue:
    """A measure's words in the text: the code and the span of the words."""

    code: str
    start: int
    end: int


def find_measures(sentence: str, offset: int, language: str) -> list[MeasureCue]:
    """Measures the sentence states, in taxonomy order, each with its span in the text."""
    found = []
    for code, pattern in _COMPILED.get(language, _COMPILED["en"]).items():
        match = pattern.search(sentence)
        if match is None:
            continue
        if code == "individual_isolation" and _NOT_OF_RESIDENTS.search(sentence):
            continue
        found.append(MeasureCue(code, offset + match.start(), offset + match.end()))
    return found
