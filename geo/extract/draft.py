"""Assemble what a report states into a draft :class:`~geo.model.Dataset`.

One lockdown per zone the report's lockdown sentences name (a nationwide order
is the country's), with its dates, status changes, measures and trigger; every
fact's evidence is the sentence it comes from, verbatim. How dates are given
to each fact:

- an imposition sentence's point in time is the day it took *effect*; when the
  sentence speaks of an *order* ("issued an order", "봉쇄령을 하달"), it is the
  *ordered* day, and the lockdown is taken to be in force from it unless another
  sentence gives that day;
- "until X" is the *announced end*; a duration ("for a month", "15일간", "a
  five-day lockdown", "is expected to last 20 days", or in the next sentence "It is
  set to last 10 days") gives the announced end from the start
  (``dates.end_of_duration``); with no start day it keeps its words and the bounds
  the start's bounds give (in force by B: between B and B + N), no day;
- a sentence naming several zones in clauses of their own gives each zone its own
  clause's change and dates ("Hyesan was locked down on Nov. 12, and Samjiyon on
  Nov. 14");
- a point in a lifting sentence is the *actual end* and a ``lifted`` change; in
  an easing sentence a ``downgraded`` change (the lockdown stays in force);
- a month alone ("in late July") is a start known to the month; no date at all
  leaves the start unknown, with ``latest`` = the day the source spoke (or the
  publication day): it was in force by then.

The day a source spoke ("told Daily NK on Tuesday") is the anchor of relative
dates, never a lockdown date. Nothing the text does not say is filled in.
"""

# ruff: noqa: RUF001 - Korean text in the patterns

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field, replace

from geo.extract import dates
from geo.extract.events import (
    DENIED,
    DOWNGRADED,
    EXTENDED,
    IMPOSED,
    LIFTED,
    Cue,
    junctions,
    place_is_background,
)
from geo.extract.measures import find_measures
from geo.extract.places import PlaceIndex, PlaceMention, find_places, same_place
from geo.extract.sentences import Sentence
from geo.model import (
    Certainty,
    Dataset,
    DatasetInfo,
    Evidence,
    Incident,
    LocationPrecision,
    Lockdown,
    Measure,
    Place,
    PlaceKind,
    Report,
    Scope,
    StatusChange,
    StatusChangeKind,
    TimePrecision,
    When,
)

MEASURE_REACH = 3
INCIDENT_REACH = 100  # characters between an incident's words and its date
ZONE_REACH = 120  # characters between a place and the lockdown word of its sentence
_SOURCE_NEAR = re.compile(r"^\s*(?:도\s*)?(?:내부\s*)?(?:주민\s*)?소식통|"
                          r"^\s*(?:told|said|reported)\b|(?:source|sources|resident|residents|partner)s?\s+(?:in|from)\s+$",
                          re.IGNORECASE)
_ORDER_WORDS = re.compile(r"\border\w*|\bissu\w*|\bdecree\w*|\bdecid\w*|봉쇄령|하달|지시|내려",
                          re.IGNORECASE)
_SCHEDULED = re.compile(r"\bscheduled\b|\bdue to\b|\bwill be\b|\bis to be\b|"
                        r"예정|이라고 예고|할 계획")
_IMPOSED_BEFORE = re.compile(r"\b(?:imposed|ordered|began|introduced)\b[^.]{0,6}$")
_LIFT_NEAR = re.compile(r"\blift\w*|\bend\w*|해제|풀")
_CROSSING = re.compile(
    r"\breturned from China\b|\bcrossed (?:the border|into|over)\b|\bdefect\w*|\bsmuggl\w+|"
    r"\bborder[- ]crossing\b|\billegal(?:ly)? (?:entry|entered|crossing)\b|입북|월북|밀입국|"
    r"불법 ?입국|비법 ?월경|넘어갔|넘어온", re.IGNORECASE)
_NATIONWIDE = re.compile(
    r"\bnationwide\b|\bacross the country\b|\ball (?:of )?the country[’']?s? provinces\b|"
    r"\ball provinces, cities and counties\b|\bthe whole country\b|\ball of North Korea\b|"
    r"전국|전역|북 전역", re.IGNORECASE)
# A lockdown sentence naming no North Korean place but another country speaks of it.
_FOREIGN = re.compile(r"\bChina\b|\bChinese\b|\bShanghai\b|\bRussia|중국|상하이|러시아")
_KINDS = {kind.value for kind in PlaceKind}
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Highlight:
    """A span of the report that became a fact: ``fact`` names the draft field."""

    start: int
    end: int
    kind: str  # 'place', 'date', 'measure' or 'change'
    fact: str


@dataclass
class _Event:
    """What the report says of one zone, gathered sentence by sentence."""

    zone: Place
    mention: PlaceMention | None
    cues: list[Cue] = field(default_factory=list)
    primary: bool = False
    kind: str = IMPOSED
    # Cues given to it from sentences that name no place ("The lockdown was ordered …").
    borrowed: set[int] = field(default_factory=set)


@dataclass
class Context:
    """What one draft is built from: the text, its sentences and its anchor."""

    report_id: str
    text: str
    language: str
    sentences: list[Sentence]
    index: PlaceIndex
    anchor: dates.Anchor
    published: When
    expressions: list = field(default_factory=list)
    speaking: object = None
    findings: list[str] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    _places: dict[int, list[PlaceMention]] = field(default_factory=dict)
    _dates: dict[int, list] = field(default_factory=dict)
    _starts: list[int] | None = None

    def evidence(self, sentence: Sentence) -> Evidence:
        return Evidence(self.report_id, sentence.text)

    def places_in(self, sentence: Sentence) -> list[PlaceMention]:
        """The place names of a sentence, found once."""
        if sentence.index not in self._places:
            self._places[sentence.index] = find_places(self.text, self.language, self.index,
                                                       sentence.start, sentence.end)
        return self._places[sentence.index]

    def anchor_words(self) -> str:
        if getattr(self.anchor, "spoke", None) is not None:
            return "the day the source spoke"
        return "the publication day"


def build_dataset(ctx: Context, report: Report, cues: list[Cue]) -> Dataset:
    """The draft dataset: the report, its zones and their lockdowns and triggers."""
    events, places = _events(ctx, cues)
    lockdowns, incidents = [], []
    for event in events:
        lockdown = _lockdown(ctx, event, len(lockdowns), events)
        if lockdown is not None:
            lockdowns.append(lockdown)
    incidents = _trigger(ctx, lockdowns, places)
    if incidents:
        lockdowns = [_with_trigger(lockdown, incidents[0]) for lockdown in lockdowns]
    info = DatasetInfo(name=f"Draft from report {report.id}", version="draft",
                       description="Drafted by lockdown-map extract; every fact needs review.",
                       curated_by="lockdown-map extract")
    used = {lockdown.zone for lockdown in lockdowns} | {i.place for i in incidents}
    kept = _with_ancestors(ctx, [p for p in places.values() if p.id in used], places)
    for i, place in enumerate(kept):
        for mention in _mentions_of(ctx, place):
            ctx.highlights.append(Highlight(mention.start, mention.end, "place", f"places[{i}]"))
    return Dataset(info=info, reports=(report,), places=tuple(kept), lockdowns=tuple(lockdowns),
                   incidents=tuple(incidents))


# --- zones and events ---------------------------------------------------------------


def _events(ctx: Context, cues: list[Cue]) -> tuple[list[_Event], dict[str, Place]]:
    events: dict[str, _Event] = {}
    places: dict[str, Place] = {}
    denied: set[str] = set()
    orphans: list[Cue] = []
    for _index, group in itertools.groupby(cues, key=lambda c: c.sentence.index):
        group = list(group)
        zones = _zones_of_sentence(ctx, group, places)
        if not zones:
            orphans.append(group[0])
            continue
        for place, mention, cue in zones:
            if cue.kind == DENIED:
                denied.add(place.id)
                ctx.findings.append(f"{place.name}: the report denies a lockdown there "
                                    f"({cue.sentence.text[:80]!r}); nothing drafted for it")
                continue
            event = events.setdefault(place.id, _Event(place, mention))
            event.cues.append(cue)
            background = mention is not None and place_is_background(
                cue, mention.start, ctx.text, ctx.language)
            event.primary = event.primary or not background
    for cue in orphans:  # "The lockdown was ordered in late July": of the nearest zone
        if cue.kind == DENIED or cue.named_only or _FOREIGN.search(cue.sentence.text):
            continue
        target = _nearest_event(ctx, cue, events, places)
        if target is not None:
            target.cues.append(cue)
            target.borrowed.add(cue.start)
            target.primary = target.primary or not cue.background
    for place_id in denied:
        events.pop(place_id, None)
    _merge_seats(ctx, events)
    result = []
    for event in events.values():
        event.cues.sort(key=lambda c: c.start)
        changes = [c.kind for c in event.cues if c.kind in (LIFTED, DOWNGRADED)]
        event.kind = changes[-1] if changes else IMPOSED
        result.append(event)
    result.sort(key=lambda e: (not e.primary, e.cues[0].start))
    return result, places


def _zones_of_sentence(ctx: Context, cues: list[Cue], places: dict[str, Place]
                       ) -> list[tuple[Place, PlaceMention | None, Cue]]:
    """The zones of one sentence, each with the cue that speaks of it: the sentence's
    first cue, or, where the sentence names several zones in clauses of their own
    ("Hyesan was locked down on Nov. 12, and Samjiyon on Nov. 14"; "혜산시는 12일,
    삼지연시는 14일 봉쇄됐다"), the cue of the zone's own clause (or, where the clause has
    none, of the clause before it) limited to that clause's dates."""
    first = cues[0]
    zones = _zones_in(ctx, first, places)
    for cue in cues[1:]:
        known = {place.id for place, _ in zones}
        zones += [(p, m) for p, m in _zones_in(ctx, cue, places) if p.id not in known]
    named = [(p, m) for p, m in zones if m is not None]
    parts = None
    if len(named) >= 2 and not _RESPECTIVELY.search(first.sentence.text):
        parts = _clauses(ctx, first.sentence, [m for _, m in named], cues)
    if parts is None:  # one clause: its first lockdown word, read with the whole sentence
        first = replace(first, kind=first.whole or first.kind)
        return [(place, mention, first) for place, mention in zones]
    result = []
    for place, mention in zones:
        for (start, end), cue in parts:
            if mention is None or start <= mention.start < end:
                result.append((place, mention, replace(cue, part=None if mention is None
                                                      else (start, end))))
                break
    return result


def _clauses(ctx: Context, sentence: Sentence, mentions: list[PlaceMention], cues: list[Cue]
             ) -> list[tuple[tuple[int, int], Cue]] | None:
    """The sentence cut at its clause junctions into clauses that each name a zone, with
    each clause's cue; None when it is one clause. A piece naming no zone belongs to the
    clause before it ("… on Nov. 12 and lifted on Nov. 20"); one naming a zone but with
    neither a lockdown word nor a date of its own is the start of a list of subjects
    ("Hyesan and Samjiyon were …") and belongs to the clause after it."""
    ends, starts_ = {m.end for m in mentions}, {m.start for m in mentions}
    # Not a junction: one inside a name, or one joining a list of names ("Hyesan and
    # Samjiyon", "혜산시, 삼지연시").
    cuts = [j for j in junctions(ctx.text, sentence.start, sentence.end, ctx.language)
            if not any(m.start < j.end() and j.start() < m.end for m in mentions)
            and not (j.start() in ends and j.end() in starts_)]
    bounds = [sentence.start, *itertools.chain.from_iterable((j.start(), j.end()) for j in cuts),
              sentence.end]
    pieces = [[bounds[i], bounds[i + 1]] for i in range(0, len(bounds), 2)]
    dated = [e.start for e in _in_sentence(ctx, sentence)]

    def has(points: list[int], piece: list[int]) -> bool:
        return any(piece[0] <= x < piece[1] for x in points)

    zones = [m.start for m in mentions]
    starts = [c.start for c in cues]
    merged: list[list[int]] = []
    for piece in pieces:
        if merged and not has(zones, piece):
            merged[-1][1] = piece[1]  # no zone: the clause before goes on
        else:
            merged.append(piece)
    clauses: list[list[int]] = []
    pending: list[int] | None = None
    for piece in merged:
        if pending is not None:
            piece = [pending[0], piece[1]]
            pending = None
        if not has(starts, piece) and not has(dated, piece) and piece is not merged[-1]:
            pending = piece  # a subject list: its predicate is in the next piece
            continue
        clauses.append(piece)
    if pending is not None:
        clauses.append(pending)
    if len(clauses) < 2:
        return None
    result: list[tuple[tuple[int, int], Cue]] = []
    for start, end in clauses:
        own = [c for c in cues if start <= c.start < end]
        if own:
            cue = own[0]
        elif result:
            cue = result[-1][1]  # "…, and Samjiyon on Nov. 14": the clause before's verb
        else:
            later = [c for c in cues if c.start >= end]
            cue = later[0] if later else cues[0]
        result.append(((start, end), cue))
    return result


def _merge_seats(ctx: Context, events: dict[str, _Event]) -> None:
    """A county and the town that is its seat, named alike ("김형직" and "김형직군"), are
    one zone: the county's (or the county-level city's)."""
    gazetteer = ctx.index.gazetteer
    for town_id in list(events):
        if town_id not in gazetteer or gazetteer.get(town_id).kind not in ("town", "city"):
            continue
        town = gazetteer.get(town_id)
        for county_id in list(events):
            if county_id == town_id or county_id not in gazetteer:
                continue
            county = gazetteer.get(county_id)
            if county.kind == "county" and same_place(town, county):
                held = events[county_id]
                held.cues.extend(events[town_id].cues)
                held.borrowed |= events[town_id].borrowed
                held.primary = held.primary or events[town_id].primary
                events.pop(town_id)
                break


def _zones_in(ctx: Context, cue: Cue, places: dict[str, Place]) -> list[tuple[Place, PlaceMention
                                                                             | None]]:
    sentence = cue.sentence
    mentions = ctx.places_in(sentence)
    zones: list[tuple[Place, PlaceMention | None]] = []
    for mention in mentions:
        if _not_a_zone(ctx, cue, mention, mentions):
            continue
        entry = mention.entry
        if entry is not None and entry.kind == "country":
            if _NATIONWIDE.search(ctx.text, mention.start, min(sentence.end, mention.end + 12)) \
                    or _country_acts(ctx, cue, mention, mentions):
                zones.append((_place(ctx, mention, places), mention))
            continue
        zones.append((_place(ctx, mention, places), mention))
    near = ctx.text[max(sentence.start, cue.start - 40):min(sentence.end, cue.end + 40)]
    if not zones and _NATIONWIDE.search(near) and not _SOME_PLACES.search(near):
        country = ctx.index.exact("North Korea")
        if country:
            zones.append((_country(ctx, country[0], places), None))
    seen, unique = set(), []
    for place, mention in zones:
        if place.id not in seen:
            seen.add(place.id)
            unique.append((place, mention))
    return unique


_SOME_PLACES = re.compile(r"\b(?:several|some|many|other|major|regional|\w+ing)\s+(?:\w+\s+)?"
                          r"(?:cities|areas|regions|places|towns)\b|"
                          r"\b(?:areas|parts) (?:of|with)\b",
                          re.IGNORECASE)
_UNNAMED_AREAS = re.compile(r"\s+(?:of\s+)?(?:some\s+|several\s+|many\s+)?(?:areas|parts|"
                            r"places|districts|neighbou?rhoods|buildings|apartments)\b",
                            re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:\w+\s+)?(?:side of\s+)?$", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"^,\s*(?:[A-Z][a-z]{2,8}\.?)\s+\d{1,2}\s*\(")
_REGION_AFTER = re.compile(r"^\s*(?:의\s*)?(?:북·중\s*)?(?:접경|국경)|"
                           r"^[’']?s? border (?:areas|regions)",
                           re.IGNORECASE)
_LOCATED_IN = re.compile(r"\b(?:located |lying |situated )?in\s+(?:the\s+)?$", re.IGNORECASE)


def _not_a_zone(ctx: Context, cue: Cue, mention: PlaceMention,
                mentions: list[PlaceMention]) -> bool:
    """Names in a lockdown sentence that are not its zone: a province saying where a
    place is, a source's home, a dateline, where someone came from, a border region
    (represented by the places it names), and places too far from the lockdown word
    or, in Korean, in another clause."""
    if _is_locator(ctx, mention, mentions) or _is_sources_home(ctx, mention):
        return True
    before = ctx.text[max(cue.sentence.start, mention.start - 12):mention.start]
    after = ctx.text[mention.end:mention.end + 16]
    if _FROM_BEFORE.search(before) or _DATELINE_AFTER.search(after):
        return True
    entry = mention.entry
    if entry is not None and entry.kind == "province" and _REGION_AFTER.search(after):
        return True
    if abs(mention.start - cue.start) > ZONE_REACH and len(mentions) > 1:
        return True
    if ctx.language == "ko":
        low, high = sorted((mention.end, cue.start))
        ends, starts = {m.end for m in mentions}, {m.start for m in mentions}
        # A comma of a list of names ("혜산시, 삼지연시, 김정숙군이") joins, not divides.
        clause_commas = [k for k in _comma_positions(ctx.text, low, high)
                         if not (k in ends and k + 2 in starts)]
        if clause_commas and not _dated_topic(ctx, mention, cue.sentence):
            return True
    return False


def _comma_positions(text: str, low: int, high: int) -> list[int]:
    found, k = [], text.find(", ", low, high)
    while k >= 0:
        found.append(k)
        k = text.find(", ", k + 2, high)
    return found


_TOPIC = re.compile(r"(?:은|는|이|가|도|에서는|에는|에서도)?\s*")
_DATED_AFTER = re.compile(r"\s*(?:에는|에|부터|까지)?\s*, ")


def _dated_topic(ctx: Context, mention: PlaceMention, sentence: Sentence) -> bool:
    """'혜산시는 12일, 삼지연시는 14일 봉쇄됐다': a zone and a date alone before a comma share
    the verb of the clause after it (Korean leaves it out of all but the last)."""
    position = _TOPIC.match(ctx.text, mention.end).end()
    return any(e.start == position and _DATED_AFTER.match(ctx.text, e.end)
               for e in _in_sentence(ctx, sentence))


def _country_acts(ctx: Context, cue: Cue, mention: PlaceMention,
                  mentions: list[PlaceMention]) -> bool:
    """'North Korea on Thursday lifted a temporary lockdown': the country, named as the
    one that imposes or lifts, with no other place and no 'areas', is the zone."""
    if any(m is not mention and m.entry is not None and m.entry.kind != "country"
           for m in mentions):
        return False
    if mention.start - cue.sentence.start > 20 or mention.end > cue.start:
        return False
    between = ctx.text[mention.end:cue.start]
    after = ctx.text[cue.end:cue.end + 30]
    return bool(re.search(r"\b(?:lifted|imposed|ordered|declared|announced|ended|eased)\b",
                          between)) and not _SOME_PLACES.search(between + after)


def _is_sources_home(ctx: Context, mention: PlaceMention) -> bool:
    """'a source in Chagang Province told', '평안북도 소식통은': where a source lives."""
    entry = mention.entry
    if entry is not None and entry.kind not in ("province", "region"):
        return False
    after = ctx.text[mention.end:mention.end + 12]
    before = ctx.text[max(0, mention.start - 20):mention.start]
    return bool(_SOURCE_NEAR.search(after) or _SOURCE_NEAR.search(before))


def _is_locator(ctx: Context, mention: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """'Wiwon County, Chagang Province', 'in Yanggang Province', '양강도 김형직군': a
    province (or the country) that only says where another named place is."""
    entry = mention.entry
    if entry is None:
        return False
    for other in mentions:
        if other.entry is None and other.end <= mention.start and re.fullmatch(
                r"\s*,\s*", ctx.text[other.end:mention.start]):
            return True  # "Ryongsan-ri, Yomju County": the county says where the village is
    if entry.kind not in ("province", "country", "region"):
        return False
    whole = re.search(r"(?:all of|entire|whole)\s+(?:the\s+)?$", ctx.text[max(
        0, mention.start - 14):mention.start], re.IGNORECASE) or re.match(
        r"\s*(?:전역|전체)", ctx.text[mention.end:mention.end + 4])
    if whole:
        return False
    if any(o is not mention and o.entry is not None and entry.id in ctx.index.ancestors(o.entry)
           for o in mentions):
        return True  # a province named with a place inside it says where that place is
    for other in mentions:
        if other is not mention and other.end <= mention.start and \
                mention.start - other.end <= 30 and _LOCATED_IN.search(
                    ctx.text[other.end:mention.start]):
            return True  # "Rason, a city located in North Hamgyong province"
    for other in mentions:
        if other is mention:
            continue
        inside = other.entry is None or entry.id in ctx.index.ancestors(other.entry)
        if not inside:
            continue
        if other.end <= mention.start:
            gap = ctx.text[other.end:mention.start]
            if re.fullmatch(r"\s*,\s*|\s+in\s+|\s*,?\s+(?:in\s+)?(?:North Korea[’']s\s+)?", gap):
                return True
        elif mention.end <= other.start:
            gap = ctx.text[mention.end:other.start]
            if re.fullmatch(r"\s*(?:[’']s\s+)?|\s+(?:북한\s+)?", gap) or (
                    ctx.language == "ko" and re.fullmatch(r"도?\s+", gap)):
                return True
    return False


def _nearest_event(ctx: Context, cue: Cue, events: dict[str, _Event],
                   places: dict[str, Place]) -> _Event | None:
    """The zone a lockdown sentence without a place speaks of: the closest zone of the
    report's other lockdown sentences, else the closest place named around it."""
    if events:
        return min(events.values(), key=lambda e: min(abs(c.start - cue.start) for c in e.cues))
    if _UNNAMED_AREAS.match(ctx.text, cue.end):
        return None  # "locking down areas with fever patients": no place is named
    index = cue.sentence.index
    for distance in (-1, 1, -2, 2):
        k = index + distance
        if not 0 <= k < len(ctx.sentences):
            continue
        near = ctx.sentences[k]
        found = None
        for mention in ctx.places_in(near):
            if _FROM_BEFORE.search(ctx.text, max(near.start, mention.start - 24), mention.start):
                continue
            entry = mention.entry
            if entry is not None and entry.kind in ("city", "county", "town", "province") and \
                    mention.status in ("resolved", "ambiguous", "approximate"):
                place = _place(ctx, mention, places)
                event = events.setdefault(place.id, _Event(place, mention))
                event.cues.append(cue)
                event.primary = event.primary or not cue.background
                found = found or event
        if found is not None:
            return None  # the cue is given to every place of that sentence already
    return None


def _place(ctx: Context, mention: PlaceMention, places: dict[str, Place]) -> Place:
    entry = mention.entry
    if entry is None:
        slug = _SLUG.sub("-", mention.words.lower()).strip("-") or "place"
        place_id = f"unknown-{slug}"
        if place_id not in places:
            places[place_id] = Place(
                id=place_id, name=mention.words, kind=_kind_from_words(mention.words),
                precision=LocationPrecision.REGION, country="KP",
                evidence=(ctx.evidence(_sentence_at(ctx, mention.start)),))
            ctx.findings.append(f"{mention.words!r}: not in the gazetteer; drafted as a place "
                                "without a location (add it to the gazetteer or correct it)")
        return places[place_id]
    if entry.id not in places:
        aliases = (mention.words,) if mention.words != entry.name else ()
        places[entry.id] = _place_of_entry(ctx, entry, aliases, mention)
        if mention.status == "ambiguous":
            distinct = [e for e in mention.candidates[1:] if not same_place(e, entry)]
            others = ", ".join(f"{e.name} [{e.id}, {e.kind}]" for e in distinct[:3])
            ctx.findings.append(f"{mention.words!r} is ambiguous: took {entry.name} [{entry.id}, "
                                f"{entry.kind}]; also {others}")
        elif mention.status == "approximate":
            ctx.findings.append(f"{mention.words!r} is not a known spelling: read as "
                                f"{entry.name} [{entry.id}] (check it)")
    return places[entry.id]


def _place_of_entry(ctx: Context, entry, aliases: tuple[str, ...],
                    mention: PlaceMention | None) -> Place:
    kind = PlaceKind(entry.kind) if entry.kind in _KINDS else PlaceKind.TOWN
    evidence = (ctx.evidence(_sentence_at(ctx, mention.start)),) if mention else ()
    return Place(id=entry.id, name=entry.name, kind=kind,
                 precision=LocationPrecision(min(max(entry.precision, 1), 3)), aliases=aliases,
                 parent=entry.parent or None, country=entry.country or None,
                 gazetteer=entry.id, evidence=evidence)


def _country(ctx: Context, entry, places: dict[str, Place]) -> Place:
    if entry.id not in places:
        places[entry.id] = _place_of_entry(ctx, entry, (), None)
    return places[entry.id]


def _with_ancestors(ctx: Context, kept: list[Place], places: dict[str, Place]) -> list[Place]:
    """Zones with the provinces and country they lie in, so parent references resolve."""
    result = {p.id: p for p in kept}
    for place in kept:
        parent = place.parent
        while parent and parent not in result and parent in ctx.index.gazetteer:
            entry = ctx.index.gazetteer.get(parent)
            result[parent] = places.get(parent) or _place_of_entry(ctx, entry, (), None)
            parent = entry.parent
    final = []
    for place in result.values():
        if place.parent and place.parent not in result:
            place = Place(**{**place.__dict__, "parent": None})
        final.append(place)
    return final


def _mentions_of(ctx: Context, place: Place) -> list[PlaceMention]:
    found = []
    for mention in (m for sentence in ctx.sentences for m in ctx.places_in(sentence)):
        if (mention.entry is not None and mention.entry.id == place.id) or (
                mention.entry is None and mention.words == place.name):
            found.append(mention)
    return found


def _kind_from_words(words: str) -> PlaceKind:
    lowered = words.lower()
    if lowered.endswith(("county", "gun", "kun")) or words.endswith("군"):
        return PlaceKind.COUNTY
    if lowered.endswith(("province", "-do")) or words.endswith("도"):
        return PlaceKind.PROVINCE
    if lowered.endswith(("-ri", "-ni", "village")) or words.endswith("리"):
        return PlaceKind.VILLAGE
    if lowered.endswith(("city", "-si")) or words.endswith("시"):
        return PlaceKind.CITY
    return PlaceKind.TOWN


def _sentence_at(ctx: Context, offset: int) -> Sentence:
    for sentence in ctx.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return ctx.sentences[-1]


# --- dates --------------------------------------------------------------------------


def _role(expression) -> str:
    role = getattr(expression, "role", "")
    return str(getattr(role, "name", role)).upper().rsplit(".", 1)[-1]


def _in_sentence(ctx: Context, sentence: Sentence) -> list:
    """The time expressions of a sentence that can be a fact's date (found once)."""
    if sentence.index not in ctx._dates:
        ctx._dates[sentence.index] = _usable(ctx, sentence)
    return list(ctx._dates[sentence.index])


def _usable(ctx: Context, sentence: Sentence) -> list:
    speaking = ctx.speaking
    result = []
    if ctx._starts is None:
        ctx.expressions.sort(key=lambda e: e.start)
        ctx._starts = [e.start for e in ctx.expressions]
    low = bisect.bisect_left(ctx._starts, sentence.start)
    high = bisect.bisect_left(ctx._starts, sentence.end)
    for expression in ctx.expressions[low:high]:
        if getattr(expression, "speaking_day", False) or _SPOKE_BEFORE.search(
                ctx.text, max(0, expression.start - 12), expression.start):
            continue  # the day a source spoke is the anchor, never a lockdown date
        if _OBSERVED_BEFORE.search(ctx.text, max(0, expression.start - 24), expression.start):
            continue  # the day an image was taken: evidence of a lockdown, not its date
        if speaking is not None and getattr(speaking, "start", None) is not None and \
                expression.start < speaking.end and speaking.start < expression.end:
            continue
        if expression.start < 40 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", expression.words):
            continue  # a page's date banner: the capture day, not an event's
        result.append(expression)
    return result


def _in_clause(ctx: Context, cue: Cue) -> list:
    """The sentence's time expressions; in Korean, only those of the lockdown word's own
    clause (Korean joins clauses with a comma: "…도착했다고 보도한 가운데, …해제")."""
    expressions = _in_sentence(ctx, cue.sentence)
    if cue.part is not None:  # a zone's own clause of a sentence naming several
        return [e for e in expressions if cue.part[0] <= e.start < cue.part[1]]
    if ctx.language != "ko":
        return expressions
    kept = []
    for expression in expressions:
        low, high = sorted((expression.end, cue.start))
        if ", " not in ctx.text[low:high]:
            kept.append(expression)
    return kept


def _when(ctx: Context, expression, sentence: Sentence, reasoning: str | None = None) -> When:
    certainty = getattr(expression, "certainty", Certainty.INFERRED)
    certainty = Certainty(getattr(certainty, "value", certainty))
    precision = getattr(expression, "precision", None)
    precision = TimePrecision(int(precision)) if precision else TimePrecision.DAY
    why = getattr(expression, "reasoning", None) or None
    if reasoning:
        why = f"{why} {reasoning}" if why else reasoning
    if certainty is Certainty.INFERRED and not why:
        why = "resolved from the report's words"
    on = getattr(expression, "on", None)
    if on is None:
        certainty = Certainty.UNKNOWN
    return When(certainty=certainty, on=on, at=getattr(expression, "at", None) if on else None,
                precision=precision if on else None, words=expression.words, reasoning=why,
                evidence=(ctx.evidence(sentence),))


@dataclass
class _Dates:
    ordered: When | None = None
    effective: When | None = None
    announced_end: When | None = None
    actual_end: When | None = None
    duration: tuple | None = None  # (expression, sentence)
    changes: list[tuple[str, When, Sentence]] = field(default_factory=list)
    used: list[tuple[object, str]] = field(default_factory=list)
    extended_until: When | None = None  # the new end an extension announces
    extended_on: When | None = None  # the day of the extension


def _dates_of(ctx: Context, event: _Event) -> _Dates:
    found = _Dates()
    # Sentences naming the zone speak first; those naming no place fill what is left.
    named = [c for c in event.cues if c.start not in event.borrowed]
    borrowed = [c for c in event.cues if c.start in event.borrowed]
    for cue in named + borrowed:
        sentence = cue.sentence
        ordered = bool(_ORDER_WORDS.search(sentence.text))
        scheduled = bool(_SCHEDULED.search(sentence.text))
        expressions = _respectively(ctx, event, sentence, _in_clause(ctx, cue))
        # The date nearest the lockdown word is the likeliest to be its own.
        expressions.sort(key=lambda e: min(abs(e.start - cue.end), abs(cue.start - e.end)))
        for expression in expressions:
            role = _role(expression)
            if role == "UNTIL" and _CONTINUED_AFTER.match(ctx.text, expression.end,
                                                            expression.end + 16):
                continue  # "11일까지 이틀째 계속": still in force that day, not an end
            if cue.kind == EXTENDED and role in ("UNTIL", "POINT"):
                name = "extended_until" if role == "UNTIL" else "extended_on"
                if getattr(found, name) is None:
                    setattr(found, name, _when(ctx, expression, sentence))
                    found.used.append((expression, "changes[-1]"))
                continue
            if role == "UNTIL" or (role == "POINT" and cue.kind == IMPOSED and scheduled and
                                   _LIFT_NEAR.search(ctx.text, expression.end,
                                                     expression.end + 12)):
                if found.announced_end is None:
                    found.announced_end = _when(ctx, expression, sentence)
                    found.used.append((expression, "announced_end"))
            elif role == "DURATION":
                if _OFFSET_AFTER.match(ctx.text, expression.end, expression.end + 12) or \
                        _OFFSET_WORDS.search(expression.words):
                    continue  # "five days after", "15일만에": an offset or how long it lasted
                if _length_of_another(ctx, expression) or cue.kind == LIFTED:
                    continue  # "a month of disciplinary labor"; "lifted a three-week lockdown"
                if found.duration is None:
                    found.duration = (expression, sentence)
                    found.used.append((expression, "announced_end"))
            elif cue.kind == LIFTED and role == "POINT" and _IMPOSED_BEFORE.search(
                    ctx.text[max(sentence.start, expression.start - 16):expression.start]):
                if found.effective is None:
                    found.effective = _when(ctx, expression, sentence)
                    found.used.append((expression, "effective"))
            elif cue.kind == LIFTED and role in ("POINT", "FROM"):
                if found.actual_end is None:
                    found.actual_end = _when(ctx, expression, sentence)
                    found.changes.append((LIFTED, found.actual_end, sentence))
                    found.used.append((expression, "actual_end"))
            elif cue.kind == DOWNGRADED and role in ("POINT", "FROM"):
                when = _when(ctx, expression, sentence)
                found.changes.append((DOWNGRADED, when, sentence))
                found.used.append((expression, f"changes[{len(found.changes) - 1}]"))
            elif role in ("POINT", "FROM", "MONTH") and cue.kind in (IMPOSED, EXTENDED):
                name = "ordered" if ordered and role != "MONTH" else "effective"
                held = getattr(found, name)
                if held is None or (held.precision is not TimePrecision.DAY and role != "MONTH"):
                    setattr(found, name, _when(ctx, expression, sentence))
                    found.used.append((expression, name))
    return found


_CONTINUED_AFTER = re.compile(r"\s*(?:\S+\s+){0,2}(?:계속|이어지|유지)|\s*(?:\w+\s+){0,2}"
                              r"(?:continued|persisted|remained)\b")
_OFFSET_AFTER = re.compile(r"\s*(?:after|later|before|earlier|ago|since)\b|"
                           r"\s*(?:만에|만의|후|전|뒤|째)", re.IGNORECASE)
_SPOKE_BEFORE = re.compile(r"소식통(?:은|이|들은|들이)\s*$|\btold \w+(?: \w+)? on\s*$")
_OBSERVED_BEFORE = re.compile(r"\b(?:imagery|images?|photos?|photographs?|pictures?|footage)"
                              r"\s+(?:\w+\s+)?(?:from|on|of|dated)\s+$", re.IGNORECASE)
_OFFSET_WORDS = re.compile(r"(?:만에|만의|째|후|뒤)$|\b(?:after|later|ago)\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"각각|\brespectively\b", re.IGNORECASE)
_ANNOUNCED = re.compile(r"\baccording to\b|\b(?:said|reported|announced)\b|밝혔|보도|발표")


def _respectively(ctx: Context, event: _Event, sentence: Sentence, expressions: list) -> list:
    """'lifted on the 14th and the 17th respectively' (각각): the n-th place named takes
    the n-th day."""
    if not _RESPECTIVELY.search(sentence.text):
        return expressions
    points = [e for e in expressions if _role(e) == "POINT"]
    zones = [m for m in ctx.places_in(sentence) if m.entry is None or m.entry.kind != "province"]
    order = [m.entry.id if m.entry else None for m in zones]
    ids = list(dict.fromkeys(order))
    if len(points) != len(ids) or event.zone.id not in ids:
        return expressions
    mine = points[ids.index(event.zone.id)]
    return [e for e in expressions if _role(e) != "POINT" or e is mine]


def _lockdown(ctx: Context, event: _Event, number: int, events: list[_Event]) -> Lockdown | None:
    found = _dates_of(ctx, event)
    if found.duration is None and found.announced_end is None:
        found.duration = _length_after(ctx, event, events)
        if found.duration is not None:
            found.used.append((found.duration[0], "announced_end"))
    if found.actual_end is None and event.kind == LIFTED:
        found.actual_end = _announced_lifting(ctx, event, found)
    effective = found.effective
    if effective is None and found.ordered is not None and found.ordered.on is not None:
        effective = When(certainty=Certainty.INFERRED, on=found.ordered.on,
                         precision=found.ordered.precision, words=found.ordered.words,
                         reasoning="Taken to be in force from the day of the order; the text "
                                   "gives no other start.", evidence=found.ordered.evidence)
    if effective is None and event.kind == IMPOSED:
        effective = _measure_day(ctx, event)
    bound = _in_force_by(ctx)
    if effective is None:
        reason = "The report does not say when it took effect."
        if event.kind == IMPOSED and bound is not None:
            reason += f" It was in force by {bound} ({ctx.anchor_words()})."
        effective = When(certainty=Certainty.UNKNOWN, reasoning=reason,
                         latest=bound if event.kind == IMPOSED else None,
                         earliest=found.ordered.on if found.ordered else None)
    announced = found.announced_end
    if announced is None and found.duration is not None:
        announced = _duration_end(ctx, found.duration, effective)
    actual = found.actual_end or When.unknown("The report does not say when it was lifted."
                                              if event.kind == LIFTED else
                                              "The report does not say it has ended.")
    ordered, announced, actual = _consistent(ctx, event, found.ordered, effective, announced,
                                             actual)
    found.ordered = ordered
    start = effective.on if effective.precision is TimePrecision.DAY else None
    found.changes = [(kind, when, sentence) for kind, when, sentence in found.changes
                     if start is None or when.on is None or when.on >= start]
    changes = _changes(ctx, event, found, effective)
    if not _placeable(effective, found, announced, actual, changes):
        ctx.findings.append(f"{event.zone.name}: a lockdown is stated but no date at all, and "
                            "the publication date is unknown; not drafted (give --published)")
        return None
    lockdown_id = _lockdown_id(event, effective, number)
    measures = _measures(ctx, event, events, number)
    for expression, name in found.used:
        if name == "changes[-1]":
            name = f"changes[{len(changes) - 1}]"
        ctx.highlights.append(Highlight(expression.start, expression.end, "date",
                                        f"lockdowns[{number}].{name}"))
    kinds = [c.kind.value for c in changes]
    for cue in event.cues:
        # Each lockdown sentence highlights the change it states (imposed, lifted, eased).
        index = kinds.index(cue.kind) if cue.kind in kinds else 0
        ctx.highlights.append(Highlight(cue.start, cue.end, "change",
                                        f"lockdowns[{number}].changes[{index}]"))
    note = None if event.primary else "Background: mentioned as context, not the report's news."
    evidence = tuple(dict.fromkeys(ctx.evidence(c.sentence) for c in event.cues))
    return Lockdown(id=lockdown_id, zone=event.zone.id, scope=_scope(event), ordered=found.ordered
                    or When.unknown("The report does not say when it was ordered."),
                    effective=effective, announced_end=announced or When.unknown(
                        "The report gives no announced end."), actual_end=actual,
                    measures=measures, evidence=evidence, changes=tuple(changes), note=note)


def _consistent(ctx: Context, event: _Event, ordered: When | None, effective: When,
                announced: When | None, actual: When) -> tuple[When | None, When | None, When]:
    """Dates that contradict the start (an order after it, an end before it) are not
    drafted: the contradiction is left to the reader, with both sets of words."""
    start = effective.on if effective.precision in (None, TimePrecision.DAY) else None
    if start is None:
        return ordered, announced, actual
    if ordered is not None and ordered.on is not None and ordered.on > start:
        ctx.findings.append(f"{event.zone.name}: contradiction: ordered {ordered.on} "
                            f"({ordered.words!r}) after it took effect {start} "
                            f"({effective.words!r}); the order date is left out")
        ordered = None
    for name, when in (("announced end", announced), ("actual end", actual)):
        if when is not None and when.on is not None and when.on < start:
            ctx.findings.append(f"{event.zone.name}: contradiction: {name} {when.on} "
                                f"({when.words!r}) before the start {start} "
                                f"({effective.words!r}); the {name} is left out")
            if name == "announced end":
                announced = None
            else:
                actual = When.unknown("The report's end date comes before its start; see the "
                                      "findings.")
    return ordered, announced, actual


_KEEPING_IN = ("stay_at_home",)


def _measure_day(ctx: Context, event: _Event) -> When | None:
    """'Pyongyang residents were told on the 10th to go home at once': a sentence naming
    the zone that keeps people at home from a day gives the start when no lockdown
    sentence does."""
    zone = event.zone.id
    for sentence in ctx.sentences:
        if not any(m.entry is not None and m.entry.id == zone for m in ctx.places_in(sentence)):
            continue
        codes = {m.code for m in find_measures(sentence.text, sentence.start, ctx.language)}
        if not codes & set(_KEEPING_IN):
            continue
        points = [e for e in _in_sentence(ctx, sentence) if _role(e) in ("POINT", "FROM")
                  and e.on is not None and e.precision in (None, TimePrecision.DAY)
                  and not re.match(r"\s*(?:까지|until)", ctx.text[e.end:e.end + 8])]
        if points:
            return _when(ctx, points[0], sentence,
                         "The day the report says people were first kept in (or out); "
                         "no sentence gives the lockdown's own start.")
    return None


def _announced_lifting(ctx: Context, event: _Event, found: _Dates) -> When | None:
    """'the lockdown was lifted, according to KCNA' in a dated report: known from the
    day it was announced, the publication day (the day before is as likely)."""
    published = ctx.anchor.published
    if published is None or not event.primary:
        return None
    for cue in event.cues:
        if cue.kind == LIFTED and _ANNOUNCED.search(cue.sentence.text) and not _in_sentence(
                ctx, cue.sentence):
            when = When(certainty=Certainty.INFERRED, on=published, precision=TimePrecision.DAY,
                        reasoning="The report gives no day for the lifting, only that it was "
                                  "announced; taken as the publication day, on which it was "
                                  "reported (it may have been the day before).",
                        evidence=(ctx.evidence(cue.sentence),))
            found.changes.append((LIFTED, when, cue.sentence))
            return when
    return None


def _placeable(effective: When, found: _Dates, announced: When | None, actual: When,
               changes: list[StatusChange]) -> bool:
    whens = [effective, found.ordered, announced, actual, *(c.when for c in changes)]
    return any(w is not None and (w.on or w.latest or w.earliest) for w in whens)


def _in_force_by(ctx: Context) -> dt.date | None:
    spoke = getattr(ctx.anchor, "spoke", None)
    return spoke or ctx.anchor.published


def _duration_end(ctx: Context, duration: tuple, effective: When) -> When:
    """A stated length counted from the start: start + N days (or calendar months).

    With no start day, the bounds the report gives still bound the end: a lockdown in
    force by day B (``effective.latest``) began on or before B, so its N days end on
    B + N at the latest and, having run on B, not before B; one known to the month
    ends between the month's first day + N and its last day + N. Those bounds are the
    end's ``earliest`` and ``latest``, its day unknown (the corpus convention: no
    derived end without a start day), with the words and the reasoning.
    """
    expression, sentence = duration
    days = getattr(expression, "days", None) or 0
    months = getattr(expression, "months", None) or 0
    evidence = (ctx.evidence(sentence), *effective.evidence[:1])
    if effective.on is not None and effective.precision in (None, TimePrecision.DAY):
        end = dates.end_of_duration(effective.on, days=days, months=months)
        return When(certainty=Certainty.INFERRED, on=end, precision=TimePrecision.DAY,
                    words=expression.words,
                    reasoning=f"{expression.words!r} counted from {effective.on} "
                              f"({effective.words or 'the start'}); see dates.end_of_duration.",
                    evidence=evidence)
    if effective.on is not None and effective.precision is TimePrecision.MONTH:
        first = effective.on.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        earliest = dates.end_of_duration(first, days=days, months=months)
        latest = dates.end_of_duration(last, days=days, months=months)
        return When(certainty=Certainty.UNKNOWN, words=expression.words, earliest=earliest,
                    latest=latest, evidence=evidence,
                    reasoning=f"{expression.words!r} from a start known only to the month "
                              f"({first:%Y-%m}, {effective.words!r}): it was to end between "
                              f"{earliest} and {latest} (dates.end_of_duration); no day is "
                              "given without the start's.")
    if effective.on is None and effective.latest is not None:
        bound = effective.latest
        latest = dates.end_of_duration(bound, days=days, months=months)
        speaking = getattr(ctx.speaking, "start", None)
        if speaking is not None and getattr(ctx.anchor, "spoke", None) == bound:
            evidence = tuple(dict.fromkeys((*evidence, ctx.evidence(_sentence_at(ctx,
                                                                                speaking)))))
        return When(certainty=Certainty.UNKNOWN, words=expression.words, earliest=bound,
                    latest=latest, evidence=evidence,
                    reasoning=f"{expression.words!r} with no start day: it was in force by "
                              f"{bound} ({ctx.anchor_words()}), so it began then or earlier and "
                              f"was to end by {latest} ({bound} + {expression.words!r}) at the "
                              f"latest, and not before {bound} (dates.end_of_duration); no day "
                              "is given without the start's.")
    return When(certainty=Certainty.UNKNOWN, words=expression.words,
                reasoning="A duration is stated, but not the day it counts from.",
                evidence=(ctx.evidence(sentence),))


# "a month of disciplinary labor", "a 30-day isolation": the length of something else.
_OF_OTHER = re.compile(r"\s+of\s+(?!(?:the\s+|a\s+)?(?:\w+\s+)?(?:lockdowns?|quarantine|closure|"
                       r"sealing|blockade|restrictions?)\b)", re.IGNORECASE)
_ADJECTIVAL = re.compile(r"-(?:day|week|month|hour)$", re.IGNORECASE)
_LOCKDOWN_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:lockdowns?|lock-downs?|quarantine|closure|"
                            r"sealing|blockade|shutdown|curfew|stay-at-home|order|ban)\b",
                            re.IGNORECASE)


def _length_of_another(ctx: Context, expression) -> bool:
    """A length that says how long something other than the lockdown lasts: "a month of
    disciplinary labor", or an adjective ("30-day") of a noun that is not a lockdown's."""
    if ctx.language == "ko":
        return False
    if _OF_OTHER.match(ctx.text, expression.end, expression.end + 40):
        return True
    return bool(_ADJECTIVAL.search(expression.words)) and not _LOCKDOWN_NOUN.match(
        ctx.text, expression.end, expression.end + 60)


# "It is expected to last 20 days", "이 조치는 20일간 이어진다": a length said of the lockdown
# of the sentence before, in a sentence with no lockdown word of its own.
_LENGTH_VERB_BEFORE = re.compile(r"\b(?:last|lasts|run|runs|continue|continues|remain in (?:place|"
                                 r"force))(?: for)?(?: about| around| some)?\s*$", re.IGNORECASE)
_HEDGED = re.compile(r"\b(?:may|might|could|possibly|perhaps|whether|if|rumou?r\w*|speculat\w*)\b|"
                     r"\?|가능성|수도 있|할지|소문|확인되지 않", re.IGNORECASE)
_LENGTH_VERB_AFTER_KO = re.compile(r"\s*(?:동안\s*)?(?:지속|계속|이어|유지|진행)"
                                   r"(?!됐|되었|했|었|졌)")


def _length_after(ctx: Context, event: _Event, events: list[_Event]) -> tuple | None:
    """The announced length told in the sentence right after one of the lockdown's own,
    when that sentence names no other zone, states no lockdown itself and says the length
    is how long *it* lasts (not how long it lasted)."""
    cue_sentences = {c.sentence.index for e in events for c in e.cues}
    for cue in event.cues:
        if cue.start in event.borrowed:
            continue
        k = cue.sentence.index + 1
        if k >= len(ctx.sentences) or k in cue_sentences:
            continue
        sentence = ctx.sentences[k]
        if _HEDGED.search(sentence.text) or any(
                m.entry is None or m.entry.id != event.zone.id for m in ctx.places_in(sentence)):
            continue  # "It may last 20 days": a guess; or the length of another place
        for expression in _in_sentence(ctx, sentence):
            if _role(expression) != "DURATION":
                continue
            if ctx.language == "ko":
                told = _LENGTH_VERB_AFTER_KO.match(ctx.text, expression.end, expression.end + 12)
            else:
                told = _LENGTH_VERB_BEFORE.search(ctx.text, max(sentence.start,
                                                                expression.start - 40),
                                                  expression.start)
            if told:
                return (expression, sentence)
    return None


def _changes(ctx: Context, event: _Event, found: _Dates, effective: When) -> list[StatusChange]:
    report = ctx.report_id
    imposed_when = effective if effective.on is not None else When(
        certainty=Certainty.UNKNOWN, reasoning=effective.reasoning, latest=effective.latest,
        earliest=effective.earliest)
    changes = [StatusChange(StatusChangeKind.IMPOSED, imposed_when, report)]
    kinds = {LIFTED: StatusChangeKind.LIFTED, DOWNGRADED: StatusChangeKind.DOWNGRADED}
    dated = {kind for kind, _, _ in found.changes}
    for kind, when, _sentence in found.changes:
        changes.append(StatusChange(kinds[kind], when, report))
    for kind in (DOWNGRADED, LIFTED):
        if any(c.kind == kind for c in event.cues) and kind not in dated:
            cue = next(c for c in event.cues if c.kind == kind)
            when = When(certainty=Certainty.UNKNOWN, latest=_in_force_by(ctx),
                        reasoning="The report says so but not when; it had happened by the day "
                                  "the source spoke (or the publication day)."
                        if _in_force_by(ctx) else "The report says so but not when.",
                        evidence=(ctx.evidence(cue.sentence),))
            changes.append(StatusChange(kinds[kind], when, report))
    if found.extended_until is not None:
        on = found.extended_on or When(
            certainty=Certainty.UNKNOWN, latest=_in_force_by(ctx),
            reasoning="The report gives the new end, not the day it was extended.",
            evidence=found.extended_until.evidence)
        changes.append(StatusChange(StatusChangeKind.EXTENDED, on, report,
                                    announced_end=found.extended_until))
    if event.kind == IMPOSED:
        return changes
    final = kinds[event.kind]
    return [c for c in changes if c.kind is StatusChangeKind.IMPOSED or c.kind is final or
            event.kind == LIFTED]


def _lockdown_id(event: _Event, effective: When, number: int) -> str:
    base = event.zone.id.removeprefix("kp-")
    month = effective.on.strftime("%Y-%m") if effective.on else "undated"
    return f"{base}-{month}-{number + 1}"


def _scope(event: _Event) -> str:
    if event.zone.kind is PlaceKind.COUNTRY:
        return "nationwide"
    words = event.mention.words if event.mention else event.zone.name
    return f"the {event.zone.kind.value} named {words!r} (extent as the report states it)"


# --- measures and trigger ------------------------------------------------------------


def _measures(ctx: Context, event: _Event, events: list[_Event], number: int
              ) -> tuple[Measure, ...]:
    """Measures of the lockdown's own sentences and of the few after them, when those
    name no other zone."""
    others = {c.sentence.index for e in events if e is not event for c in e.cues}
    own = {c.sentence.index for c in event.cues}
    wanted: list[Sentence] = []
    for cue in event.cues:
        index = cue.sentence.index
        for k in range(index, min(index + MEASURE_REACH + 1, len(ctx.sentences))):
            if k != index and k in others and k not in own:
                break
            wanted.append(ctx.sentences[k])
    measures: dict[str, list[Sentence]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for sentence in dict.fromkeys(wanted):
        for found in find_measures(sentence.text, sentence.start, ctx.language):
            measures.setdefault(found.code, []).append(sentence)
            spans.setdefault(found.code, []).append((found.start, found.end))
    scope = Scope.GENERAL if event.zone.kind is PlaceKind.COUNTRY else Scope.TARGETED
    result = []
    for j, (code, sentences) in enumerate(measures.items()):
        evidence = tuple(dict.fromkeys(ctx.evidence(s) for s in sentences))
        result.append(Measure(code=code, evidence=evidence, scope=scope))
        for start, end in spans[code]:
            ctx.highlights.append(Highlight(start, end, "measure",
                                            f"lockdowns[{number}].measures[{j}]"))
    return tuple(result)


_INCIDENTS = (
    ("border_crossing", _CROSSING),
    ("fever_cases", re.compile(r"\bfever (?:cases|patients)\b|\bsuspected (?:covid-19 )?"
                               r"cases?\b|\bcases? of (?:fever|covid-19)\b|발열|열병|유열자|"
                               r"확진자|의심 ?환자", re.IGNORECASE)),
    ("deaths", re.compile(r"\bdied\b|\bdeaths?\b|사망|숨(?:졌|진)", re.IGNORECASE)),
)


def _trigger(ctx: Context, lockdowns: list[Lockdown], places: dict[str, Place]) -> list[Incident]:
    """What set a lockdown off, as the report dates it: a border crossing, fever cases or
    deaths in the zone (or a place containing it), on or before the lockdown's start;
    when the start is unknown, told right beside the lockdown and before publication."""
    if not lockdowns:
        return []
    zones = {lockdown.zone: lockdown for lockdown in lockdowns}
    taken = {(h.start, h.end) for h in ctx.highlights if h.kind == "date"}
    for kind, pattern in _INCIDENTS:
        for sentence in ctx.sentences:
            match = pattern.search(sentence.text)
            if match is None:
                continue
            low, high = sentence.start + match.start(), sentence.start + match.end()
            # The incident's own day: near its words, and not a date of the lockdown.
            points = [e for e in _in_sentence(ctx, sentence) if _role(e) == "POINT"
                      and getattr(e, "on", None) is not None and (e.start, e.end) not in taken
                      and min(abs(e.start - high), abs(low - e.end)) <= INCIDENT_REACH]
            if not points:
                continue
            lockdown = _lockdown_of(ctx, sentence, zones)
            if lockdown is None:
                continue
            when = _when(ctx, points[0], sentence)
            if not _before_start(ctx, lockdown, when, sentence):
                continue
            incident = Incident(id=f"{kind.replace('_', '-')}-{when.on.isoformat()}", kind=kind,
                                place=lockdown.zone, when=when, who=None,
                                description=sentence.text, precision=LocationPrecision.NEAR,
                                evidence=(ctx.evidence(sentence),))
            ctx.highlights.append(Highlight(points[0].start, points[0].end, "date",
                                            "incidents[0].when"))
            return [incident]
    return []


def _lockdown_of(ctx: Context, sentence: Sentence, zones: dict[str, Lockdown]) -> Lockdown | None:
    """The lockdown whose zone the sentence names, directly or as a place inside it."""
    for mention in ctx.places_in(sentence):
        if mention.entry is None:
            continue
        if mention.entry.id in zones:
            return zones[mention.entry.id]
    return None


def _before_start(ctx: Context, lockdown: Lockdown, when: When, sentence: Sentence) -> bool:
    if when.on is None:
        return False
    start = lockdown.ordered.on or lockdown.effective.on
    if start is not None and lockdown.effective.precision in (None, TimePrecision.DAY):
        return when.on <= start
    published = ctx.anchor.published
    if published is not None and when.on > published:
        return False
    told = {ctx.text.find(e.quote) for e in lockdown.evidence}
    near = {s.index for s in ctx.sentences if s.start in told}
    return any(abs(sentence.index - k) <= 1 for k in near)


def _with_trigger(lockdown: Lockdown, incident: Incident) -> Lockdown:
    if lockdown.zone != incident.place:
        return lockdown
    return Lockdown(**{**lockdown.__dict__, "trigger": incident.id})
