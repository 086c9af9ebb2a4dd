"""Find where a report states a lockdown: imposed, in force, eased, lifted or denied.

A *cue* is a lockdown word in a sentence ("lockdown", "sealed off", "봉쇄") with
what the sentence says happened to it:

- lifted: "lifted", "ended", "walked back", "해제", "풀렸다";
- downgraded: "partially lifted", "eased", "relaxed", "rolled back", "완화", or a
  lifting followed by "but … still banned" ("해제. BUT 시내유동만 가능");
- extended: "extended until X", "연장" (the new end is the change's);
- denied: "no lockdown", "not locked down", "봉쇄되지 않";
- imposed otherwise (ordered, in force, ongoing).

Sealing the national border or ports is not a place lockdown, and speculation
("may lock down", "expected to lift", "가능성", unconfirmed rumours) states
nothing; both are skipped. Words that look ahead to a lockdown's *length* ("is
expected to last 20 days", "20일간 이어질 전망") are how its announced duration is
reported, not speculation that it happens. A quarantine imposed *on* something
("a 20-day quarantine was imposed on Hyesan") is a lockdown cue only where the
sentence names the place (a quarantine of people is not a place lockdown). A cue
is *background* when the sentence marks it as earlier or as context ("had been",
"for the second time", "last year", "after X was put under lockdown", "앞서",
"에 이어", "봉쇄된 개성으로"); the place named in an "after/since/when" clause before
the cue is background even when the main clause is the news.
"""

# ruff: noqa: RUF001 - Korean text and typographic quotes in the patterns

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.sentences import Sentence

IMPOSED, EXTENDED, LIFTED, DOWNGRADED, DENIED = (
    "imposed", "extended", "lifted", "downgraded", "denied")

_EN_LOCKDOWN = re.compile(
    r"\block(?:ed|ing|s)?[- ]?downs?\b|\block(?:ed|ing)? (?:\w+ ){0,4}?down\b|"
    r"\bseal(?:ed|ing|s)? off\b|\bsealing off\b|\bsealed\b|"
    r"\bblock(?:ed|ing)? (?:all|the (?:whole|entire)) (?:provinces|cities|counties|city|county"
    r"|town|area)|\bblocked (?:the public|residents|people|outsiders) from entering\b|"
    r"\b(?:banned|barred|banning|barring) (?:entry|outsiders|people) (?:to|from entering|into)\b|"
    r"\bquarantin(?:e|ed|ing) (?:of )?(?:the )?(?:whole|entire) (?:city|county|town)\b|"
    r"\bquarantine (?:was |has been |had been |is )?(?:imposed|declared|ordered) (?:on|in)\b|"
    r"\b(?:imposed|declared|ordered) (?:a |an )?(?:[\w-]+ ){0,2}?quarantine (?:on|in)\b",
    re.IGNORECASE)
# A quarantine cue speaks of a place only when the sentence names one ("… on Hyesan");
# with none named it may be of people, and is not given to another sentence's zone.
_NAMED_ONLY = re.compile(r"^(?!.*\b(?:whole|entire)\b).*quarantine", re.IGNORECASE)
_KO_LOCKDOWN = re.compile(r"봉쇄|이중잠금|문밖 출입이 (?:엄격히 )?통제|"
                          r"출입(?:을|이|도)? (?:전면 )?(?:제한|차단|금지)|출입 금지")
_KO_NOT_A_PLACE = re.compile(r"국경|항구|국경연선|세관|무역")
_EN_LIFT = re.compile(r"\blift(?:ed|ing|s)?\b|\bwalked back\b|\bremov(?:ed|ing)\b|"
                      r"\bend(?:ed|ing)? (?:the|its|a) (?:\w+ )?lockdown|\bended\b|\breopen",
                      re.IGNORECASE)
_EN_EASE = re.compile(r"\b(?:partially|partly|partial) (?:lift|eas|relax)\w*|\beas(?:ed|ing|es)\b|"
                      r"\brelax(?:ed|ing|ation)?\b|\broll(?:ed|s)? back\b|\bloosen\w*|"
                      r"\bdowngrad\w*|\bpartial lifting\b", re.IGNORECASE)
_KO_LIFT = re.compile(r"해제|풀(?:렸|었|어|게|리|린)")
_KO_EASE = re.compile(r"완화|일부 해제|부분(?:적으로|적인)? 해제|부분 해제")
_EN_DENY = re.compile(r"\bno (?:\w+ )?lockdowns?\b|\bnot (?:been )?(?:locked down|under lockdown|"
                      r"sealed)|\bno bans? on (?:going outside|movement)|\bdenied\b|"
                      r"\bthere(?:'s| has| is|’s) been no\b", re.IGNORECASE)
_KO_DENY = re.compile(r"봉쇄(?:되|하)지 않|봉쇄는 없|봉쇄가 없|봉쇄 조치는 없")
_EN_SPECULATION = re.compile(
    r"\b(?:may|might|could|would|possibly|perhaps|likely to|expected to|expectations?|"
    r"speculat\w*|consider(?:ing)?|plans? to|whether|if)\b|\?", re.IGNORECASE)
_KO_SPECULATION = re.compile(r"가능성|전망|관측|할 수도|할지|얘기가 흘러|소문|확인되지 않|\?")
# Looking ahead to how long it lasts: the announced duration, not speculation.
_EN_LENGTH_AHEAD = re.compile(
    r"\b(?:is |are |was |were )?(?:expected|likely|set|due|scheduled|planned|said) to (?:last|run|"
    r"continue|remain in (?:place|force))\b", re.IGNORECASE)
_KO_LENGTH_AHEAD = re.compile(r"(?:(?:지속|계속|유지)(?:될|된다는|할)|이어(?:질|진다는)) ?"
                              r"(?:것으로 )?(?:전망|관측)")
_EN_BACKGROUND = re.compile(
    r"\bhad been\b|\bhad (?:imposed|ordered|lifted|locked)\b|\bfor the (?:second|third|"
    r"fourth) time\b|\blast year\b|\bprevious(?:ly)?\b|\bearlier (?:this|that|in)\b|"
    r"\bin the (?:spring|summer|autumn|fall|winter) of\b|\bsince (?:\w+ )?(?:of )?last year\b|"
    r"\bafter (?:a |the )?(?:nationwide )?lockdown was\b|"
    r"\bfollowing (?:a |the )?(?:nationwide )?lockdown\b|\bwas announced on\b",
    re.IGNORECASE)
_EN_CLAUSE = re.compile(r"\b(?:after|since|when|following|before)\b", re.IGNORECASE)
_KO_BACKGROUND = re.compile(r"(?:데|것)에? 이어|에 이어|앞서|지난해|작년|이전에|바 있")
_KO_MODIFIER = re.compile(r"봉쇄(?:된|됐던|되었던|했던|한) ")
_EN_BUT_STILL = re.compile(r"^\W*(?:but|however|only)\b.*\b(?:still|remain\w*|banned|blocked|"
                           r"closed|not allowed)\b", re.IGNORECASE)
_KO_BUT_STILL = re.compile(r"^\W*(?:BUT|But|but|하지만|다만|그러나)\b"
                           r".*(?:차단|통제|금지|유지|만 가능)")
_SCHEDULED_LIFT = re.compile(r"(?:해제|풀)\w{0,3} 예정|\b(?:scheduled|due|set) to be lifted\b")
_EN_EXTEND = re.compile(r"\bextend(?:ed|ing|s)?\b|\bprolong(?:ed|ing|s)?\b", re.IGNORECASE)
_KO_EXTEND = re.compile(r"연장")
_KO_RUMOUR = re.compile(r"얘기가 흘러|소문|확인되지 않")
_WINDOW = 60  # characters around a cue in which a verb (lift, ease, deny) refers to it


@dataclass(frozen=True)
class Cue:
    """One lockdown statement: its sentence, the lockdown word's span, and what happened."""

    sentence: Sentence
    start: int
    end: int
    kind: str  # IMPOSED, LIFTED, DOWNGRADED or DENIED
    background: bool
    named_only: bool = False  # given to no zone but one its own sentence names
    # The span of the sentence's clause that speaks of the zone, when a sentence gives
    # several zones each in its own clause; its dates are the zone's.
    part: tuple[int, int] | None = None
    # The change read with the whole sentence as the word's clause (as a sentence of one
    # clause is read): "locked down and sealed off on Nov. 12, then lifted on Nov. 20".
    whole: str | None = None


def find_cues(sentences: list[Sentence], language: str) -> list[Cue]:
    """Every lockdown cue, in text order: each lockdown word of a sentence that says what
    happened to it. A sentence's first cue is its main one; the others matter where the
    sentence speaks of several zones, each in a clause of its own ("Hyesan's lockdown was
    lifted on Nov. 20, while Samjiyon remains sealed off")."""
    cues = []
    for i, sentence in enumerate(sentences):
        following = sentences[i + 1].text if i + 1 < len(sentences) else ""
        cues.extend(_sentence_cues(sentence, following, language))
    return cues


# Where one clause of a sentence ends and another begins: ", while", "; ", " and " (read
# only between two lockdown words), 해제됐지만 / 봉쇄됐고, / ", ".
_EN_JUNCTION = re.compile(r",?\s+(?:while|whereas|but)\s+|,\s+and\s+|;\s*|\s+and\s+",
                          re.IGNORECASE)
_KO_JUNCTION = re.compile(r"(?<![다라])고,?\s+|지만,?\s+|으며,?\s+|(?<=[가-힣])며,?\s+|는데,?\s+|"
                          r"으나,?\s+|,\s+")


def junctions(text: str, start: int, end: int, language: str) -> list[re.Match]:
    """The clause junctions of ``text[start:end]`` (see ``_EN_JUNCTION``)."""
    pattern = _KO_JUNCTION if language == "ko" else _EN_JUNCTION
    return list(pattern.finditer(text, start, end))


def _sentence_cues(sentence: Sentence, following: str, language: str) -> list[Cue]:
    text = sentence.text
    korean = language == "ko"
    lockdown = _KO_LOCKDOWN if korean else _EN_LOCKDOWN
    matches = [m for m in lockdown.finditer(text) if not _about_border(text, m, korean)]
    # Blanked, offsets kept: "expected to last 20 days" looks ahead to the length only.
    plain = (_KO_LENGTH_AHEAD if korean else _EN_LENGTH_AHEAD).sub(
        lambda m: " " * len(m.group()), text) if matches else text
    cues = []
    for i, match in enumerate(matches):
        # A verb in the clause of another lockdown word is that one's, not this one's.
        lo = hi = None
        if i > 0:
            between = junctions(text, matches[i - 1].end(), match.start(), language)
            lo = between[-1].end() if between else None
        if i + 1 < len(matches):
            between = junctions(text, match.end(), matches[i + 1].start(), language)
            hi = between[0].start() if between else None
        kind = _kind(text, plain, match, following, korean, lo, hi)
        if kind is None:
            continue
        whole = _kind(text, plain, match, following, korean, None, None) if (
            lo is not None or hi is not None) else kind
        background = bool((_KO_BACKGROUND if korean else _EN_BACKGROUND).search(text))
        cues.append(Cue(sentence, sentence.start + match.start(), sentence.start + match.end(),
                        kind, background, named_only=bool(_NAMED_ONLY.search(match.group())),
                        whole=whole or kind))
    return cues


_BORDER_OBJECT = re.compile(
    r"^\s*(?:of|on|along|at|around|across)\s+(?:the\s+|its\s+|all\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:border|borders|frontier|ports?|customs)\b", re.IGNORECASE)
_BORDER_BEFORE = re.compile(r"\b(?:border|frontier|port)s?\s*$", re.IGNORECASE)


def _about_border(text: str, match: re.Match, korean: bool) -> bool:
    """'closure of the border', 'border lockdown', '국경봉쇄': the lockdown word is about
    the border or ports, not a place."""
    if korean:
        before = text[max(0, match.start() - 6):match.start()]
        return bool(_KO_NOT_A_PLACE.search(before)) or "항구" in text[match.end():match.end() + 8]
    after = text[match.end():match.end() + 50]
    before = text[max(0, match.start() - 25):match.start()]
    return bool(_BORDER_OBJECT.search(after) or _BORDER_BEFORE.search(before))


def _kind(text: str, plain: str, match: re.Match, following: str, korean: bool,
          clause_start: int | None, clause_end: int | None) -> str | None:
    """What the sentence says happened to the lockdown word ``match``; ``plain`` is the
    text with its looking-ahead-to-a-length words blanked."""
    lo, hi = max(0, match.start() - _WINDOW), match.end() + _WINDOW
    lo = max(lo, clause_start) if clause_start is not None else lo
    hi = min(hi, clause_end) if clause_end is not None else hi
    # The verb that says what happened to the lockdown is in its own clause.
    comma = text.rfind(",", lo, match.start())
    lo = comma + 1 if comma >= 0 else lo
    near = text[lo:hi]
    deny, speculation = (_KO_DENY, _KO_SPECULATION) if korean else (_EN_DENY, _EN_SPECULATION)
    if deny.search(near):
        return DENIED
    ease, lift = (_KO_EASE, _KO_LIFT) if korean else (_EN_EASE, _EN_LIFT)
    eased, lifted = ease.search(near), lift.search(near)
    # A verb of speculation before the lockdown word in its clause ("may lift the lockdown").
    clause = re.split(r"[,;:]|\bbut\b", plain[:match.start()])[-1]
    if speculation.search(clause + plain[match.start():match.end() + 15]):
        return None
    if korean and _KO_RUMOUR.search(text):
        return None
    if lifted and _SCHEDULED_LIFT.search(text, match.start()):
        return IMPOSED  # "scheduled to be lifted on X", "해제될 예정": an announced end
    if (_KO_EXTEND if korean else _EN_EXTEND).search(near):
        return EXTENDED
    but_still = (_KO_BUT_STILL if korean else _EN_BUT_STILL).search(following)
    if eased and not (lifted and lifted.start() < eased.start() and "partial" not in
                      eased.group().lower() and not korean and "lifted" in near.lower()):
        return DOWNGRADED
    if lifted:
        return DOWNGRADED if but_still else LIFTED
    return IMPOSED


def place_is_background(cue: Cue, mention_start: int, text: str, language: str) -> bool:
    """A place named in an 'after/since/when' clause before the cue, or after a Korean
    'locked-down X' modifier, is an earlier lockdown, mentioned as context."""
    if cue.background:
        return True
    if language == "ko":
        before = text[max(cue.sentence.start, mention_start - 12):mention_start]
        return bool(_KO_MODIFIER.search(before))
    if mention_start < cue.start:
        between = text[cue.sentence.start:mention_start]
        connective = list(_EN_CLAUSE.finditer(between))
        if connective and "," not in between[connective[-1].end():]:
            main = text[cue.sentence.start:cue.sentence.start + connective[-1].start()]
            return bool(_EN_LOCKDOWN.search(main))
    return False
