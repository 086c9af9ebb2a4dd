"""Find the places a report names and resolve them through the offline gazetteer.

English names are runs of capitalised words ("Kimhyongjik County", "Ryongsan-ri",
"Yanggang Province"); Korean names are the head of a Hangul word before its
particle ("김형직군이" → 김형직군, "혜산시와" → 혜산시). Each run is looked up by
its normalised key (``geo.gazetteer.names``); a run whose last word names a kind
of place (County, -gun, 군, …) and is not in the gazetteer is reported as an
unknown name, and so is a spelling that only a fuzzy match (one slip, as
"Kimhyongjok") reaches, with what it was taken for. Only North Korean entries
are zones; a name that fits several entries keeps them all as candidates.
"""

# ruff: noqa: RUF001 - place names and Korean particles need their own characters

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from geo.gazetteer import Entry, Gazetteer, load_gazetteer
from geo.gazetteer.names import key, keys

# A run ending in a word that says what kind of place it is names a place.
_KIND_SUFFIX = re.compile(r"(?:[-‐ ](?:ri|ni|gun|kun|si|shi|do|dong|up|eup|gu|guyok)|"
                          r" (?:County|City|Province|Special City|District))$", re.IGNORECASE)
_CAP_WORD = r"[A-Z][\w'’ʼ]*(?:[-‐][\w'’ʼ]+)*"
_EN_RUN = re.compile(rf"{_CAP_WORD}(?:\s{_CAP_WORD}){{0,3}}")
_HANGUL_WORD = re.compile(r"[가-힣]+")
# Particles and endings that follow a Korean place name, longest first.
_KO_PARTICLES = tuple(sorted({
    "이", "가", "은", "는", "을", "를", "에", "에서", "의", "와", "과", "로", "으로",
    "까지", "부터", "만", "에는", "에도", "에서는", "에서도", "에선", "이나", "나", "와의",
    "과의", "에서의", "에의", "이며", "이고", "도", "지역", "일대", "전역", "시내", "주민",
    "주민들", "시민", "시민들", "특별시", "특별시를", "특별시의", "특별시에",
    "내", "안", "쪽", "뿐", "처럼", "보다",
}, key=len, reverse=True))
# English capitalised words that are never place names but start sentences or titles.
_EN_STOP = frozenset({
    "the", "a", "an", "in", "on", "at", "as", "since", "from", "until", "after", "before",
    "according", "north", "south", "east", "west", "korean", "korea", "image", "photo",
    "daily", "news", "state", "central", "kim", "song", "mr", "ms", "province", "county",
    "city", "however", "but", "and", "this", "that", "these", "those", "it", "its", "they",
    "he", "she", "we", "when", "while", "because", "with", "for", "by", "during",
    "all", "of", "if", "once", "residents", "authorities", "source", "sources", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
})
MIN_KEY = 4  # a shorter name ("Song", "Ri") matches too many ordinary words
MIN_KO_KEY = 2


@dataclass(frozen=True)
class PlaceMention:
    """A place name in the text: its span, words, and the gazetteer entries it can be.

    ``status`` is 'resolved' (one entry), 'ambiguous' (several, best first), 'unknown'
    (none) or 'approximate' (a fuzzy match: a spelling one slip from a known name).
    """

    start: int
    end: int
    words: str
    candidates: tuple[Entry, ...]
    status: str

    @property
    def entry(self) -> Entry | None:
        return self.candidates[0] if self.candidates else None


class PlaceIndex:
    """Every spelling of every North Korean gazetteer entry, by normalised key."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._exact: dict[str, tuple[Entry, ...]] = {}
        self._by_key: dict[str, list[Entry]] = {}
        for entry in gazetteer.entries:
            if entry.country != "KP" or entry.kind in ("river", "border", "mountain"):
                continue
            for alias in (entry.name, *entry.aliases):
                for k in dict.fromkeys(keys(alias)):
                    bucket = self._by_key.setdefault(k, [])
                    if entry not in bucket:
                        bucket.append(entry)

    def exact(self, words: str) -> list[Entry]:
        """Entries whose full or suffix-free key equals that of ``words``, best first."""
        if words not in self._exact:
            if len(self._exact) > 50_000:  # bounded: a long hostile text cannot grow it
                self._exact.clear()
            self._exact[words] = self._exact_uncached(words)
        return list(self._exact[words])

    def _exact_uncached(self, words: str) -> tuple[Entry, ...]:
        full, base = keys(words)
        if full not in self._by_key and base not in self._by_key:
            return ()
        found = list(self._by_key.get(full, ()))
        found += [e for e in self._by_key.get(base, ()) if e not in found]
        return tuple(_prefer_named_kind(words, found))

    def fuzzy(self, words: str) -> list[Entry]:
        """Entries one slip from ``words`` (gazetteer fuzzy search), North Korean only."""
        try:
            matches = self.gazetteer.lookup_fuzzy(words)
        except Exception:
            return []
        return [m.entry for m in matches
                if m.entry.country == "KP" and m.score >= 85 and key(words)[:1] ==
                key(m.alias)[:1]]

    def ancestors(self, entry: Entry) -> list[str]:
        chain, seen = [], set()
        parent = entry.parent
        while parent and parent not in seen and parent in self.gazetteer:
            chain.append(parent)
            seen.add(parent)
            parent = self.gazetteer.get(parent).parent
        return chain


def _prefer_named_kind(words: str, found: list[Entry]) -> list[Entry]:
    """A name that says its kind ("Wiwon County", "혜산시") goes to that kind first; a
    bare name to the gazetteer's usual order (city, town, county, province …)."""
    order = {"city": 0, "town": 1, "county": 2, "province": 3, "country": 4}
    lowered = words.lower()
    wanted = None
    if lowered.endswith(("county", "-gun", "-kun", " gun", " kun")) or words.endswith("군"):
        wanted = "county"
    elif lowered.endswith(("province", "-do", " do")) or words.endswith("도"):
        wanted = "province"
    elif lowered.endswith(("city", "-si", "-shi")) or words.endswith("시"):
        wanted = "city"

    base = keys(words)[1]

    def rank(entry: Entry) -> tuple:
        kind = entry.kind
        if wanted == "city" and kind == "province" and "special city" in entry.name.lower():
            kind = "city"
        # An entry whose own name is the words beats one that only has them as an alias.
        named = _base(entry.name) != base and not any(_base(a) == base for a in entry.aliases[:3])
        return (kind != wanted, named, order.get(entry.kind, 9), -entry.population, entry.id)

    return sorted(found, key=rank)


@functools.lru_cache(maxsize=2)
def place_index(gazetteer: Gazetteer | None = None) -> PlaceIndex:
    return PlaceIndex(gazetteer or load_gazetteer())


def find_places(text: str, language: str, index: PlaceIndex | None = None,
                start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Place names in ``text[start:end]`` in order, each resolved (or not) as above."""
    index = index or place_index()
    end = len(text) if end is None else end
    finder = _korean_places if language == "ko" else _english_places
    return finder(text, start, end, index)


def _mention(start: int, end: int, words: str, entries: list[Entry], fuzzy: bool) -> PlaceMention:
    if not entries:
        status = "unknown"
    elif fuzzy:
        status = "approximate"
    else:
        status = "resolved" if len(_distinct(entries)) == 1 else "ambiguous"
    return PlaceMention(start, end, words, tuple(entries), status)


def _distinct(entries: list[Entry]) -> list[Entry]:
    """Entries that are really different places: a county and the town that is its
    seat (same name) count once."""
    kept: list[Entry] = []
    for entry in entries:
        if not any(same_place(entry, other) for other in kept):
            kept.append(entry)
    return kept


@functools.lru_cache(maxsize=8192)
def _base(name: str) -> str:
    return keys(name)[1]


def same_place(a: Entry, b: Entry) -> bool:
    """A county (or county-level city) and the town that is its seat, named alike, are
    one place for a report ("Kimhyongjik" / "Kimhyongjik County", "개성" / "개성시")."""
    if _base(a.name) != _base(b.name):
        # "Pyongyang" and "Pyongyang (capital city)", the unit it heads.
        parent = a.parent == b.id or b.parent == a.id
        return parent and (_base(a.name).startswith(_base(b.name)) or
                           _base(b.name).startswith(_base(a.name)))
    seat = any(f"seat: {x}" in y.note for x, y in ((b.id, a), (a.id, b), (b.name, a),
                                                    (a.name, b)))
    return seat or a.parent == b.id or b.parent == a.id


def _english_places(text: str, start: int, end: int, index: PlaceIndex) -> list[PlaceMention]:
    found: list[PlaceMention] = []
    loose: list[re.Match] = []
    for run in _EN_RUN.finditer(text, start, end):
        mentions = _resolve_run(run.group(), run.start(), index)
        found.extend(mentions)
        if not mentions and " " not in run.group() and run.group().lower() not in _EN_STOP:
            loose.append(run)
    return sorted(found + _list_items(text, loose, found, index), key=lambda m: m.start)


_LIST_GAP = re.compile(r"\s*(?:,|,? and|,? or)\s*")


def _list_items(text: str, loose: list[re.Match], found: list[PlaceMention],
                index: PlaceIndex) -> list[PlaceMention]:
    """'Hamhung, Kaesong, Kangye, Nampho and Phyongsong': an unknown word listed with
    known places is a place too; a spelling one slip away is read as that place."""
    items: list[PlaceMention] = []
    known = [m for m in found if m.entry is not None]
    for run in loose:
        beside = any(_LIST_GAP.fullmatch(text[m.end:run.start()]) or
                     _LIST_GAP.fullmatch(text[run.end():m.start]) for m in known + items)
        if not beside or len(key(run.group())) < MIN_KEY + 1:
            continue
        entries = index.fuzzy(run.group())
        items.append(_mention(run.start(), run.end(), run.group(), entries, True))
    return items


def _resolve_run(run: str, offset: int, index: PlaceIndex) -> list[PlaceMention]:
    """The longest known names inside a run of capitalised words, left to right."""
    words = list(re.finditer(r"\S+", run))
    result: list[PlaceMention] = []
    i = 0
    while i < len(words) - 1 and words[i].group().lower() in _EN_STOP \
            and words[i].group().lower() not in ("north", "south"):
        i += 1
    while i < len(words):
        for j in range(len(words), i, -1):
            span = run[words[i].start():words[j - 1].end()]
            span = span.rstrip("'’ʼ").removesuffix("’s").removesuffix("'s")
            first = words[i].group().lower().strip("'’")
            if first in _EN_STOP and j - i == 1:
                continue
            entries = index.exact(span) if len(key(span)) >= MIN_KEY else []
            fuzzy = False
            has_kind = bool(_KIND_SUFFIX.search(span))
            if not entries and has_kind and j - i >= 2 and len(keys(span)[1]) >= MIN_KEY:
                entries, fuzzy = index.fuzzy(span), True
            hyphenated = j - i == 1 and bool(_KIND_SUFFIX.search(span)) and "-" in span
            if entries or (has_kind and (j - i >= 2 or hyphenated) and first not in _EN_STOP):
                result.append(_mention(offset + words[i].start(),
                                       offset + words[i].start() + len(span), span, entries,
                                       fuzzy))
                i = j
                break
        else:
            i += 1
    return result


def _korean_places(text: str, start: int, end: int, index: PlaceIndex) -> list[PlaceMention]:
    found: list[PlaceMention] = []
    for word in _HANGUL_WORD.finditer(text, start, end):
        token = word.group()
        for particle in ("", *_KO_PARTICLES):
            if particle and not token.endswith(particle):
                continue
            head = token[:len(token) - len(particle)] if particle else token
            if len(head) < MIN_KO_KEY:
                continue
            entries = index.exact(head)
            if entries and not particle and _VERB_FORM.match(text, word.end()):
                break  # "나선 것으로": a verb before a dependent noun, not Rason
            if entries:
                found.append(_mention(word.start(), word.start() + len(head), head, entries,
                                      False))
                break
        else:
            if len(token) >= 3 and token[-1] in "군" and token[:-1] not in ("봉쇄", "국경"):
                found.append(_mention(word.start(), word.end(), token, [], False))
            elif found and _after_province(text, found[-1], word):
                head = _strip_particle(token)
                if head and 2 <= len(head) <= 4 and head not in _KO_NOT_PLACES and \
                        not head.endswith(_KO_BODIES):
                    found.append(_mention(word.start(), word.start() + len(head), head, [],
                                          False))
    return found


# A word followed by a dependent noun (것, 데, 바, 때, 수 …) is a verb's modifier form.
_VERB_FORM = re.compile(r" (?:것|데|바|때|뒤|후|만큼|듯|채|줄)")

# Words that follow a province's name without being a place in it.
_KO_NOT_PLACES = frozenset({
    "소식통", "주민", "당국", "국경", "지역", "접경지역", "접경", "일대", "전역", "전체", "내",
    "각지", "도당", "보위국", "주둔", "협력자", "취재협력자", "인민위원회", "방역", "국경연선",
    "경계", "북부", "남부", "지방", "안전국", "당위원회", "시장", "농촌", "도시", "간부",
})


# Endings of the names of bodies (사법기관, 보위국, 인민위원회), not of places.
_KO_BODIES = ("기관", "위원회", "국", "부", "대", "소", "원", "단", "당", "청", "사")


def _after_province(text: str, previous: PlaceMention, word: re.Match) -> bool:
    """'평안북도 삭주에': a word right after a province's name is a place in it."""
    entry = previous.entry
    return (entry is not None and entry.kind == "province" and previous.words.endswith("도")
            and text[previous.end:word.start()] in (" ", "도 ")
            and text[word.end():word.end() + 1] in (" ", "", ",", "."))


def _strip_particle(token: str) -> str | None:
    for particle in _KO_PARTICLES:
        if token.endswith(particle) and len(token) > len(particle):
            return token[:len(token) - len(particle)]
    return None
