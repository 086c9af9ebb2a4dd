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
    # OxCGRT C6: people required not to leave their homes (an advisory to stay indoors,
    # as for yellow dust, is not a lockdown's measure and is not read here).
    "stay_at_home": (
        r"\b(?:unable|not allowed|forbidden|barred|banned|prohibited) (?:from |to )?leav\w* "
        r"(?:their |the |his |her )?(?:homes?|houses?)|\bleav\w* (?:their|the) (?:homes?|houses?)"
        r"\b|\bstay (?:at|in) (?:their )?homes?\b|\bremain in (?:their|the) (?:homes?|houses?)\b|"
        r"\block\w* (?:them|people|residents) up in (?:their|the) homes?\b|\bconfined to (?:their )?"
        r"(?:homes?|houses?|apartments?)\b|\bstay-at-home\b|\ballowed to leave (?:their|the) "
        r"(?:homes?|houses?)\b|\bnot (?:allowed|permitted) (?:to go )?outside\b|"
        r"\b(?:can ?not|can't|could not|couldn't|may not|must not) (?:go out(?:side)?|step "
        r"outside|leave (?:their |the )?(?:homes?|houses?))\b|"
        r"\b(?:ordered|told|required|forced|made) to (?:stay|remain) (?:indoors|inside|at home)\b|"
        r"\b(?:ban\w*|prohibit\w*|barred|forbidden) (?:on |from )?going out(?:side)?\b|"
        r"\bkept (?:indoors|inside their homes)\b"
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
    # 집 밖으로 나갈 수 없고, 외출이 금지, 집에만 머물러야, 문밖 출입, 귀가하라
    "stay_at_home": r"집\s?밖(?:으로|에|을)? ?(?:못|나오지|나가지|나갈 수 없|나올 수 없|나가면 안|나오면 안|"
                    r"나오지 말|나가지 말)|집에서 (?:나오지|나가지|나올 수 없|나갈 수 없)|"
                    r"문\s?밖 출입|외출(?:을|이|도|은)? (?:전면 |일절 |엄격히 |모두 )?(?:금지|통제|차단|막)|"
                    r"외출 금지|외출(?:하지|을 하지) 못|외출할 수 없|"
                    r"집(?:에만|안에만|에서만) (?:머물|있어야|있으라|있게)|(?:집|자택)에 머물(?:러야|도록|라)|"
                    r"귀가하라|집에 갇",
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
# Denied: "there are no bans on going outside", "외출이 금지되지 않았다".
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|never|without)\s+(?!one\b)(?:\w+\s+)?$", re.IGNORECASE)
_NEGATED_AFTER_KO = re.compile(r"[^.,]{0,5}(?:않|없)")


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
        if _negated(sentence, match, language):
            continue
        found.append(MeasureCue(code, offset + match.start(), offset + match.end()))
    return found


def _negated(sentence: str, match: re.Match, language: str) -> bool:
    if language == "ko":
        return bool(_NEGATED_AFTER_KO.match(sentence, match.end()))
    return bool(_NEGATED_BEFORE.search(sentence, max(0, match.start() - 16), match.start()))
