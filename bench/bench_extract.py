"""Extraction benchmark: ``geo.extract`` against a naive baseline on the shared corpus.

Scored as the corpus README says (``/work/shared/corpus/README.md``):

- events are paired within a report by place (names compared after dropping
  County/City/Province/-gun/-si and punctuation, romanisation variants and
  Korean names equal through the gazetteer's aliases), preferring pairs with the
  same status change, one to one;
- *place F1* on primary events: a predicted event paired with a gold primary event
  is a hit; one paired with a gold background event counts neither way; an
  unpaired one is a false positive (a denied place is one);
- on paired primary events: *start* exact (a day; a start known only to the week
  or month is "no day", right when gold has none; gold ``start_probable`` is
  accepted), *end* within one day of gold ``end`` or equal to an ``end_alt``
  (null only when gold is null; an eased lockdown's end is null by the corpus
  convention, whatever end was announced), *status* exact; *measures F1* over the
  set of measures of paired primary events, the project's codes mapped onto the
  corpus vocabulary (``CORPUS_MEASURES``; the baseline codes none).

The anchor is the report's ``published`` day, else the first day of its
``published_range`` (every day in the range resolves to the same gold dates).
The baseline: every gazetteer name in a sentence that says "lockdown"/"봉쇄",
status imposed, start and end the first two dates ``dateutil``'s fuzzy parser
finds in those sentences.

    .venv/bin/python bench/bench_extract.py [--corpus /work/shared/corpus/reports.json]
        [--repeat 3] [--show]
"""

# ruff: noqa: RUF001 - place names and Korean text

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.extract import extract_report
from geo.extract.places import find_places, place_index
from geo.extract.sentences import split_sentences
from geo.model import TimePrecision

CORPUS = Path("/work/shared/corpus/reports.json")
_DROP = re.compile(r"\b(?:county|city|province|special|gun|si|kun|do)\b|[-‐,.'’()]")
# Spellings the corpus README declares equal, beyond what the gazetteer's aliases join.
_EQUAL = {"ryanggang": "yanggang", "kangye": "kanggye", "phyongsong": "pyongsong",
          "nampho": "nampo", "gaeseong": "kaesong", "wuiju": "uiju",
          "nationwide": "north korea", "북한 전역": "north korea", "북한": "north korea"}


def fold(name: str) -> str:
    text = unicodedata.normalize("NFD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", text)
    text = _DROP.sub(" ", text)
    text = re.sub(r"(?<=[가-힣])[군시도]\b", "", text)
    text = " ".join(text.split())
    return _EQUAL.get(text, text)


# The corpus's measure vocabulary in the project's taxonomy (geo/measures.py).
CORPUS_MEASURES = {
    "stay_at_home": "stay_home", "markets_closed": "markets_closed",
    "workplaces_closed": "workplaces_closed", "movement_restricted": "travel_ban_internal",
    "travel_permits_suspended": "travel_ban_internal", "vehicles_banned": "vehicle_ban",
    "entry_banned": "entry_ban", "individual_isolation": "quarantine_individual",
    "violators_punished": "punishment",
}


@dataclass
class Event:
    names: set[str]
    status: str
    primary: bool
    start: dt.date | None
    end: dt.date | None
    measures: frozenset[str] = frozenset()


def _day(when) -> dt.date | None:
    if when is None or when.on is None:
        return None
    if when.precision not in (None, TimePrecision.DAY):
        return None
    return when.on


def predicted_events(draft) -> list[Event]:
    dataset = draft.dataset
    gazetteer = place_index().gazetteer
    events = []
    for lockdown in dataset.lockdowns:
        place = dataset.place(lockdown.zone)
        names = {place.name, *place.aliases}
        if place.gazetteer and place.gazetteer in gazetteer:
            names.update(gazetteer.get(place.gazetteer).aliases)
        kinds = [c.kind.value for c in lockdown.changes if c.kind.value != "extended"]
        start = _day(lockdown.effective) or _day(lockdown.ordered)
        extensions = [c.announced_end for c in lockdown.changes if c.announced_end is not None]
        end = _day(lockdown.actual_end) or (_day(extensions[-1]) if extensions else None) or \
            _day(lockdown.announced_end)
        status = kinds[-1] if kinds else "imposed"
        if status == "downgraded":
            end = None  # the corpus convention: an easing leaves the end null
        measures = frozenset(CORPUS_MEASURES[m.code] for m in lockdown.measures
                             if m.code in CORPUS_MEASURES)
        events.append(Event({fold(n) for n in names}, status,
                            not (lockdown.note or "").startswith("Background"), start, end,
                            measures))
    return events


def _date_or_none(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def gold_events(report: dict) -> list[tuple[Event, dict]]:
    result = []
    for gold in report["gold"]:
        names = {fold(gold["place_normalized"]), fold(gold["place"])}
        first = gold["place_normalized"].split(",")[0]
        names.add(fold(first))
        result.append((Event(names, gold["status_change"], gold["mention"] == "primary",
                             _date_or_none(gold["start"]), _date_or_none(gold["end"]),
                             frozenset(gold["measures"])), gold))
    return result


def pair(predicted: list[Event], gold: list[tuple[Event, dict]]) -> list[tuple[Event, tuple]]:
    """Greedy one-to-one pairing by place, same status first."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, (g, _raw) in enumerate(gold):
            if p.names & g.names:
                candidates.append((0 if p.status == g.status else 1, i, j))
    candidates.sort()
    used_p, used_g, pairs = set(), set(), []
    for _score, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((predicted[i], gold[j]))
    unpaired = [p for i, p in enumerate(predicted) if i not in used_p]
    return pairs, unpaired


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pairs: int = 0
    start: int = 0
    end: int = 0
    status: int = 0
    measures_right: int = 0
    measures_predicted: int = 0
    measures_gold: int = 0

    def measures_f1(self) -> float:
        p = self.measures_right / self.measures_predicted if self.measures_predicted else 1.0
        r = self.measures_right / self.measures_gold if self.measures_gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def f1(self) -> float:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def rate(self, hits: int) -> float:
        return hits / self.pairs if self.pairs else 0.0


def score_report(predicted: list[Event], report: dict, score: Score, show: bool) -> None:
    gold = gold_events(report)
    pairs, unpaired = pair(predicted, gold)
    score.fp += len(unpaired)
    matched_primary = 0
    for p, (g, raw) in pairs:
        if not g.primary:
            continue
        matched_primary += 1
        score.tp += 1
        score.pairs += 1
        probable = _date_or_none(raw.get("start_probable"))
        start_ok = p.start == g.start or (probable is not None and p.start == probable)
        alts = {_date_or_none(a) for a in raw.get("end_alt") or []}
        if g.end is None:
            end_ok = p.end is None
        else:
            end_ok = p.end is not None and (abs((p.end - g.end).days) <= 1 or p.end in alts)
        score.start += start_ok
        score.end += end_ok
        score.status += p.status == g.status
        score.measures_right += len(p.measures & g.measures)
        score.measures_predicted += len(p.measures)
        score.measures_gold += len(g.measures)
        if show and not (start_ok and end_ok and p.status == g.status):
            print(f"  {report['id']}: {raw['place_normalized']}: start {p.start} / {g.start}, "
                  f"end {p.end} / {g.end}, status {p.status} / {g.status}")
    score.fn += sum(1 for g, _ in gold if g.primary) - matched_primary
    if show:
        for p in unpaired:
            print(f"  {report['id']}: false positive {sorted(p.names)[:2]} {p.status}")
        for g, raw in gold:
            if g.primary and not any(gg is g for _, (gg, _r) in pairs):
                print(f"  {report['id']}: missed {raw['place_normalized']}")


def anchor(report: dict) -> dt.date:
    return dt.date.fromisoformat(report["published"] or report["published_range"][0])


def run_extract(report: dict) -> list[Event]:
    draft = extract_report(report["text"], published=anchor(report), outlet=report["outlet"],
                           url=report["url"])
    return predicted_events(draft)


_BASELINE_CUE = re.compile(r"lockdown|locked down|lock down|봉쇄", re.IGNORECASE)


def run_baseline(report: dict) -> list[Event]:
    from dateutil import parser as date_parser

    text = report["text"]
    language = "ko" if re.search(r"[가-힣]", text[:2000]) and len(
        re.findall(r"[가-힣]", text)) > len(text) / 10 else "en"
    index = place_index()
    names: dict[str, set[str]] = {}
    days: list[dt.date] = []
    default = dt.datetime.combine(anchor(report), dt.time())
    for sentence in split_sentences(text):
        if not _BASELINE_CUE.search(sentence.text):
            continue
        for mention in find_places(text, language, index, sentence.start, sentence.end):
            if mention.entry is not None:
                entry = mention.entry
                names.setdefault(entry.id, {fold(a) for a in (entry.name, *entry.aliases)})
        if len(days) < 2:
            try:
                found = date_parser.parse(sentence.text, fuzzy=True, default=default)
            except (ValueError, OverflowError):
                continue
            days.append(found.date())
    start = days[0] if days else None
    end = days[1] if len(days) > 1 else None
    return [Event(n, "imposed", True, start, end) for n in names.values()]


def evaluate(reports: list[dict], system, show: bool) -> dict[str, Score]:
    scores = {"en": Score(), "ko": Score(), "all": Score()}
    for report in reports:
        language = "ko" if "-ko-" in report["id"] else "en"
        predicted = system(report)
        for name in (language, "all"):
            score_report(predicted, report, scores[name], show and name == "all")
    return scores


def throughput(reports: list[dict], system, repeat: int) -> float:
    """Reports per second of this process's CPU time: what one core does, however many
    other programs share the machine (wall time on a loaded machine says little)."""
    system(reports[0])  # load the gazetteer once, as a long-running process would
    began = time.process_time()
    for _ in range(repeat):
        for report in reports:
            system(report)
    return repeat * len(reports) / (time.process_time() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args()
    reports = json.loads(args.corpus.read_text(encoding="utf-8"))
    rows = []
    for name, system in (("geo.extract", run_extract), ("naive baseline", run_baseline)):
        if args.show:
            print(f"{name}:")
        scores = evaluate(reports, system, args.show and name == "geo.extract")
        speed = throughput(reports, system, args.repeat)
        for language in ("en", "ko", "all"):
            s = scores[language]
            rows.append((name, language, f"{s.f1():.2f}", f"{s.rate(s.start):.2f}",
                         f"{s.rate(s.end):.2f}", f"{s.rate(s.status):.2f}",
                         f"{s.measures_f1():.2f}", f"{s.tp}/{s.tp + s.fn}", str(s.fp),
                         f"{speed:.1f}" if language == "all" else ""))
    header = ("system", "lang", "place F1", "start", "end", "status", "measures F1", "found",
              "false +", "reports/CPU-s")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
