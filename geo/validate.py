"""Raw records (as parsed from a dataset file) → model objects.

Every problem is collected, not just the first: the user fixes a file in one
pass. Each problem names the file, the record, the field, the bad value and
what to do. Nothing here reads or writes files.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any, TypeVar

from geo.errors import DatasetError, Problem, shown
from geo.measures import MEASURE_TYPES
from geo.model import (
    DISPUTABLE_DATES,
    Certainty,
    Dataset,
    DatasetInfo,
    Disagreement,
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
from geo.timeline import EARLIEST_DAY, LATEST_DAY

E = TypeVar("E", bound=Enum)
_MISSING = object()
# \A…\Z, not ^…$: '$' also matches before a final newline, so "x\n" would pass.
_ID = re.compile(r"\A[a-z0-9][a-z0-9._-]*\Z")
_TIME = re.compile(r"\A([01]\d|2[0-3]):([0-5]\d)\Z")


class _Checker:
    """Collects problems and the cross-references to check once everything is read."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []
        self.place_refs: list[tuple[str, str, str]] = []
        self.incident_refs: list[tuple[str, str, str]] = []
        self.report_refs: list[tuple[str, str, str]] = []
        self.quotes: list[tuple[str, str, str, str]] = []

    def add(self, record: str, field: str, value: object, message: str, fix: str) -> None:
        self.problems.append(Problem(self.source, record, field, value, message, fix))


class _Fields:
    """Typed access to one mapping of a record, reporting what is wrong with it."""

    def __init__(self, checker: _Checker, record: str, raw: object, known: tuple[str, ...],
                 prefix: str = ""):
        self.checker, self.record, self.prefix = checker, record, prefix
        self.ok = isinstance(raw, dict)
        self.raw: dict[str, Any] = raw if isinstance(raw, dict) else {}
        if not self.ok and raw is not _MISSING:  # a missing one is reported where it is read
            checker.add(record, prefix, raw, f"expected a mapping of fields, got "
                        f"{type(raw).__name__}", "write it as 'field: value' lines")
            return
        for key in self.raw:
            if key not in known:
                checker.add(record, self.path(str(key)), self.raw[key], "unknown field",
                            f"remove it or use one of: {', '.join(known)}")

    def path(self, field: str) -> str:
        return f"{self.prefix}.{field}" if self.prefix else field

    def problem(self, field: str, value: object, message: str, fix: str) -> None:
        self.checker.add(self.record, self.path(field), value, message, fix)

    def value(self, field: str, required: bool) -> Any:
        value = self.raw.get(field, _MISSING)
        if value is _MISSING or value is None:
            if required and self.ok:
                self.problem(field, None, "required field is missing", f"add '{field}: ...'")
            return _MISSING
        return value

    def text(self, field: str, required: bool = True) -> str | None:
        value = self.value(field, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(field, value, "expected non-empty text", "write it as text")
            return None
        return value

    def identifier(self, field: str = "id") -> str | None:
        value = self.text(field)
        if value is not None and not _ID.match(value):
            self.problem(field, value, "not a valid id",
                         "use lowercase letters, digits, '.', '_' and '-' only")
        return value

    def choice(self, field: str, kind: type[E], required: bool = True,
               default: E | None = None) -> E | None:
        value = self.value(field, required)
        if value is _MISSING:
            return default
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            self.problem(field, value, f"not a known {kind.__name__}", f"use one of: {allowed}")
            return default

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.value(field, False)
        if value is _MISSING:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(field, value, "expected a list of text", "write one '- item' per line")
            return ()
        return tuple(value)

    def records(self, field: str, required: bool = False) -> list[tuple[str, Any]]:
        value = self.value(field, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self.problem(field, value, "expected a list", "write one '- ...' entry per item")
            return []
        return [(f"{self.path(field)}[{i}]", item) for i, item in enumerate(value)]

    def sub(self, field: str, known: tuple[str, ...], required: bool = True) -> _Fields | None:
        value = self.value(field, required)
        if value is _MISSING:
            return None
        return _Fields(self.checker, self.record, value, known, self.path(field))

    def date(self, field: str, required: bool) -> dt.date | None:
        value = self.value(field, required)
        if value is _MISSING:
            return None
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            self.problem(field, value, "not a date", "write it as YYYY-MM-DD, e.g. 2021-11-19")
            return None
        if not EARLIEST_DAY <= day <= LATEST_DAY:
            self.problem(field, value, f"outside the years {EARLIEST_DAY.year} to "
                         f"{LATEST_DAY.year} a report can speak of",
                         "check the year for a typo, e.g. 2921 for 2021")
            return None
        return day

    def time(self, field: str) -> dt.time | None:
        value = self.value(field, False)
        if value is _MISSING:
            return None
        match = _TIME.match(value) if isinstance(value, str) else None
        if match is None:
            fix = "write it as quoted 24-hour text, e.g. at: '21:00'"
            if isinstance(value, int):  # YAML 1.1 reads unquoted 21:00 as a base-60 number
                fix = "put the time in quotes, e.g. at: '21:00'"
            self.problem(field, value, "not a time of day", fix)
            return None
        return dt.time(int(match[1]), int(match[2]))

    def precision(self, field: str, kind: type[E], required: bool = True) -> E | None:
        value = self.value(field, required)
        if value is _MISSING:
            return None
        try:
            return kind(value)
        except ValueError:
            meaning = ", ".join(f"{m.value} = {m.name.lower()}" for m in kind)
            self.problem(field, value, f"not a {kind.__name__}", f"use {meaning}")
            return None

    def place_ref(self, field: str, required: bool = True) -> str | None:
        value = self.text(field, required)
        if value is not None:
            self.checker.place_refs.append((self.record, self.path(field), value))
        return value

    def evidence(self, field: str = "evidence", required: bool = True) -> tuple[Evidence, ...]:
        items = []
        entries = self.records(field, required)
        if required and self.ok and field in self.raw and not entries:
            self.problem(field, self.raw.get(field), "no evidence given",
                         "add at least one '- report: ID' with 'quote: exact words'")
        for path, raw in entries:
            fields = _Fields(self.checker, self.record, raw, ("report", "quote"), path)
            report, quote = fields.text("report"), fields.text("quote")
            if report is not None and quote is not None:
                self.checker.quotes.append((self.record, fields.path("quote"), report, quote))
                items.append(Evidence(report, quote))
        return tuple(items)


_WHEN_FIELDS = ("certainty", "on", "at", "precision", "words", "reasoning", "evidence",
                "earliest", "latest")


def _when(fields: _Fields, field: str, required: bool = True) -> When | None:
    sub = fields.sub(field, _WHEN_FIELDS, required)
    if sub is None or not sub.ok:
        return None
    return _when_of(sub)


def _when_of(sub: _Fields) -> When:
    certainty = sub.choice("certainty", Certainty)
    on = sub.date("on", required=certainty not in (None, Certainty.UNKNOWN))
    when = When(
        certainty=certainty or Certainty.UNKNOWN,
        on=on,
        at=sub.time("at"),
        precision=sub.precision("precision", TimePrecision, required=on is not None),
        words=sub.text("words", False),
        reasoning=sub.text("reasoning", False),
        evidence=sub.evidence(required=False),
        earliest=sub.date("earliest", required=False),
        latest=sub.date("latest", required=False),
    )
    _check_bounds(sub, when)
    if when.certainty is Certainty.UNKNOWN and when.on is not None:
        sub.problem("on", when.on.isoformat(), "a date is given but certainty is 'unknown'",
                    "set certainty to 'stated' or 'inferred', or remove the date")
    if when.certainty is Certainty.INFERRED and not when.reasoning:
        sub.problem("reasoning", None, "an inferred date needs its reasoning",
                    "add 'reasoning:' saying how the date was worked out")
    if when.certainty is Certainty.STATED and not when.evidence:
        sub.problem("evidence", None, "a stated date needs the words that state it",
                    "add evidence with the report's exact quote")
    return when


def _check_bounds(sub: _Fields, when: When) -> None:
    """The bounds of an unknown or approximate day must hold it and each other."""
    low, high, on = when.earliest, when.latest, when.on
    if low is not None and high is not None and low > high:
        sub.problem("earliest", low.isoformat(), f"after the latest bound ({high})",
                    "swap the bounds, or check them")
    elif on is not None and low is not None and on < low:
        sub.problem("on", on.isoformat(), f"before the earliest bound ({low})",
                    "check the date or its bound")
    elif on is not None and high is not None and on > high and when.precision in (
            None, TimePrecision.DAY):
        sub.problem("on", on.isoformat(), f"after the latest bound ({high})",
                    "check the date or its bound")


def _label(kind: str, index: int, raw: object) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"{kind}[{index}]" + (f" (id {shown(ident, 40)})" if isinstance(ident, str) else "")


def _report(checker: _Checker, record: str, raw: object) -> Report | None:
    f = _Fields(checker, record, raw, ("id", "outlet", "title", "url", "language", "published",
                                       "notes", "text"))
    values = dict(id=f.identifier(), outlet=f.text("outlet"), title=f.text("title"),
                  url=f.text("url", False), language=f.text("language"),
                  published=_when(f, "published"),
                  text=f.text("text"), notes=f.text("notes", False))
    if values["url"] and not values["url"].startswith(("https://", "http://")):
        f.problem("url", values["url"], "not a web address", "give the full https:// address")
        values["url"] = None
    optional = {"notes", "url"}  # a report may come without an address (a draft from a file)
    if any(v is None for k, v in values.items() if k not in optional):
        return None
    return Report(**values)


def _place(checker: _Checker, record: str, raw: object) -> Place | None:
    f = _Fields(checker, record, raw, ("id", "name", "kind", "aliases", "parent", "country",
                                       "precision", "gazetteer", "evidence"))
    values = dict(id=f.identifier(), name=f.text("name"), kind=f.choice("kind", PlaceKind),
                  precision=f.precision("precision", LocationPrecision), aliases=f.texts("aliases"),
                  parent=f.place_ref("parent", False), country=f.text("country", False),
                  gazetteer=f.text("gazetteer", False), evidence=f.evidence(required=False))
    if values["country"] is not None and not re.fullmatch(r"[A-Z]{2}", values["country"]):
        f.problem("country", values["country"], "not an ISO 3166-1 alpha-2 code",
                  "use two capital letters, e.g. KP or CN")
        return None
    if any(values[k] is None for k in ("id", "name", "kind", "precision")):
        return None
    return Place(**values)


def _measure(checker: _Checker, record: str, path: str, raw: object) -> Measure | None:
    f = _Fields(checker, record, raw, ("code", "scope", "note", "evidence"), path)
    code = f.text("code")
    if code is not None and code not in MEASURE_TYPES:
        f.problem("code", code, "unknown measure code",
                  f"use one of: {', '.join(MEASURE_TYPES)} (see geo/measures.py)")
        code = None
    scope = f.choice("scope", Scope, required=False, default=Scope.TARGETED)
    evidence = f.evidence()
    note = f.text("note", False)
    if code is None or not evidence:
        return None
    return Measure(code=code, evidence=evidence, scope=scope or Scope.TARGETED, note=note)


def _change(checker: _Checker, record: str, path: str, raw: object) -> StatusChange | None:
    f = _Fields(checker, record, raw, ("kind", "when", "report", "announced_end", "note"), path)
    kind, when, report = f.choice("kind", StatusChangeKind), _when(f, "when"), f.text("report")
    if report is not None:
        checker.report_refs.append((record, f.path("report"), report))
    announced_end = _when(f, "announced_end", required=kind is StatusChangeKind.EXTENDED)
    if kind is None or when is None or report is None:
        return None
    return StatusChange(kind, when, report, announced_end, f.text("note", False))


def _lockdown(checker: _Checker, record: str, raw: object) -> Lockdown | None:
    f = _Fields(checker, record, raw, ("id", "zone", "scope", "trigger", "ordered", "effective",
                                       "announced_end", "actual_end", "changes", "measures",
                                       "note", "evidence", "disagreements"))
    lockdown_id, zone, scope = f.identifier(), f.place_ref("zone"), f.text("scope")
    trigger = f.text("trigger", False)
    if trigger is not None:
        checker.incident_refs.append((record, "trigger", trigger))
    dates = {name: _when(f, name) for name in ("ordered", "effective", "announced_end",
                                               "actual_end")}
    measures = [_measure(checker, record, path, item) for path, item in f.records("measures")]
    change_entries = f.records("changes")
    changes = [_change(checker, record, path, item) for path, item in change_entries]
    evidence = f.evidence()
    disagreements = [_disagreement(checker, record, path, item, dates)
                     for path, item in f.records("disagreements")]
    _check_order(f, dates, [path for path, _ in change_entries], changes)
    if not _has_any_day(dates, changes):
        f.problem("effective", None, "no date at all: not when it took effect, ended or changed",
                  "give the day it took effect (even approximate, precision 2 = week, 3 = month)"
                  " or 'latest:' the day it was known to be in force")
        return None
    if (None in (lockdown_id, zone, scope, *dates.values(), *measures, *changes, *disagreements)
            or not evidence):
        return None
    return Lockdown(id=lockdown_id, zone=zone, scope=scope, trigger=trigger,
                    measures=tuple(measures), changes=tuple(changes), evidence=evidence,
                    note=f.text("note", False), disagreements=tuple(disagreements), **dates)


def _disagreement(checker: _Checker, record: str, path: str, raw: object,
                  dates: dict[str, When | None]) -> Disagreement | None:
    """Values the reports disagree on; the lockdown's own field must be one of them."""
    f = _Fields(checker, record, raw, ("fact", "reason", "values"), path)
    fact, reason = f.text("fact"), f.text("reason")
    if fact is not None and fact not in DISPUTABLE_DATES:
        f.problem("fact", fact, "not a date of a lockdown",
                  f"use one of: {', '.join(DISPUTABLE_DATES)}")
        fact = None
    entries = f.records("values", required=True)
    subs = [_Fields(checker, record, item, _WHEN_FIELDS, p) for p, item in entries]
    values = [_when_of(sub) if sub.ok else None for sub in subs]
    if f.ok and len(entries) < 2:
        f.problem("values", len(entries), "a disagreement needs at least two values",
                  "list each value the reports give, or remove the disagreement")
        return None
    if fact is None or reason is None or None in values:
        return None
    chosen = dates.get(fact)
    if chosen is not None and chosen not in values:
        f.problem("values", fact, f"the lockdown's '{fact}' is not one of the values",
                  f"set '{fact}' to the value the map should use, and keep it in the list")
        return None
    for value in values:
        if not value.evidence:
            f.problem("values", value.label(), "a disputed value needs the words that give it",
                      "add evidence with the report's exact quote")
            return None
    return Disagreement(fact, tuple(values), reason)


def _has_any_day(dates: dict[str, When | None], changes: list[StatusChange | None]) -> bool:
    """A lockdown can only be placed in time if some day or bound of it is known."""
    whens = [w for w in dates.values() if w is not None]
    whens += [c.when for c in changes if c is not None]
    if any(w is None for w in dates.values()):
        return True  # the missing date is reported already
    return any(w.on or w.latest or w.earliest for w in whens)


def _check_order(f: _Fields, dates: dict[str, When | None], change_paths: list[str],
                 changes: list[StatusChange | None]) -> None:
    """Dates that contradict each other: an end (or a lifting) before the start, an order
    after it."""
    def day(name: str) -> dt.date | None:
        when = dates.get(name)
        return when.on if when is not None else None

    start = day("effective")
    effective = dates.get("effective")
    if effective is not None and effective.precision not in (None, TimePrecision.DAY):
        start = None  # known to the week or month only: its first day is no bound
    for name, fix in (("announced_end", "check the end date, or the start date"),
                      ("actual_end", "check the end date, or the start date")):
        end = day(name)
        if start is not None and end is not None and end < start:
            f.problem(f"{name}.on", end.isoformat(), f"ends before it took effect ({start})", fix)
    for path, change in zip(change_paths, changes, strict=True):
        lifted = change.when.on if change is not None else None
        if (start is not None and lifted is not None and lifted < start
                and change.kind is StatusChangeKind.LIFTED):
            f.checker.add(f.record, f"{path}.when.on", lifted.isoformat(),
                          f"lifted before it took effect ({start})",
                          "check the date of the lifting, or the start date")
    ordered = day("ordered")
    if start is not None and ordered is not None and ordered > start:
        f.problem("ordered.on", ordered.isoformat(), f"ordered after it took effect ({start})",
                  "check the order date, or the date it took effect")


def _incident(checker: _Checker, record: str, raw: object) -> Incident | None:
    f = _Fields(checker, record, raw, ("id", "kind", "place", "precision", "when", "who",
                                       "description", "evidence"))
    values = dict(id=f.identifier(), kind=f.text("kind"), place=f.place_ref("place"),
                  precision=f.precision("precision", LocationPrecision), when=_when(f, "when"),
                  who=f.text("who", False), description=f.text("description"),
                  evidence=f.evidence())
    if any(v is None for k, v in values.items() if k != "who") or not values["evidence"]:
        return None
    return Incident(**values)


def _info(checker: _Checker, raw: object) -> DatasetInfo | None:
    f = _Fields(checker, "dataset", raw, ("name", "version", "description", "curated_by"))
    name, version = f.text("name"), f.value("version", True)
    if version is not None and version is not _MISSING and not isinstance(version, str):
        f.problem("version", version, "expected text", "quote it, e.g. version: '1.0'")
        return None
    if name is None or version is _MISSING:
        return None
    return DatasetInfo(name, version, f.text("description", False) or "",
                       f.text("curated_by", False) or "")


_COLLECTIONS = (("reports", _report), ("places", _place), ("lockdowns", _lockdown),
                ("incidents", _incident))


def validate(raw: object, source: str = "<data>") -> Dataset:
    """Turn parsed records into a :class:`Dataset`, or raise one :class:`DatasetError`."""
    checker = _Checker(source)
    if not isinstance(raw, dict) or "dataset" not in raw:
        # Never quote such a file: it may be anything (a config, /etc/passwd).
        what = "it is empty" if raw is None else "it has no 'dataset:' block"
        raise DatasetError([Problem(source, "top level", "", None,
                                    f"not a Lockdown Map dataset ({what})",
                                    "give a dataset file: 'dataset:' (name, version), then "
                                    "'reports:', 'places:', 'lockdowns:', 'incidents:'")])
    top = _Fields(checker, "top level", raw, ("dataset", *(name for name, _ in _COLLECTIONS)))
    info = _info(checker, top.value("dataset", True))
    built: dict[str, list] = {}
    raw_records: dict[str, list] = {}
    for name, build in _COLLECTIONS:
        entries = top.records(name, required=name in ("reports", "places"))
        raw_records[name] = [item for _, item in entries]
        built[name] = [build(checker, _label(name, i, item), item)
                       for i, (_, item) in enumerate(entries)]
        _check_unique(checker, name, raw_records[name])
    _check_references(checker, raw_records)
    if checker.problems or info is None:
        raise DatasetError(checker.problems)
    return Dataset(info=info, **{name: tuple(items) for name, items in built.items()})


def _check_unique(checker: _Checker, name: str, entries: list[object]) -> None:
    seen: dict[str, int] = {}
    for index, raw in enumerate(entries):
        ident = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(ident, str):
            continue
        if ident in seen:
            checker.add(_label(name, index, raw), "id", ident,
                        f"duplicate id (also {name}[{seen[ident]}])", "give each record its own id")
        seen.setdefault(ident, index)


def _ids(records: list[object]) -> dict[str, dict]:
    return {r["id"]: r for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}


def _check_references(checker: _Checker, raw_records: dict[str, list]) -> None:
    """Check references against the raw records, so that one broken record is reported
    once, not again by every record that refers to it."""
    texts = {key: r.get("text") for key, r in _ids(raw_records["reports"]).items()}
    places = set(_ids(raw_records["places"]))
    _check_parents(checker, raw_records["places"])
    incidents = set(_ids(raw_records["incidents"]))
    for record, field, ref in checker.place_refs:
        if ref not in places:
            checker.add(record, field, ref, "unknown place",
                        f"use a place id from 'places' ({', '.join(sorted(places)) or 'none'})")
    for record, field, ref in checker.incident_refs:
        if ref not in incidents:
            checker.add(record, field, ref, "unknown incident",
                        "use an incident id from 'incidents'")
    for record, field, ref in checker.report_refs:
        if ref not in texts:
            checker.add(record, field, ref, "unknown report", "use a report id from 'reports'")
    for record, field, ref, quote in checker.quotes:
        if ref not in texts:
            checker.add(record, field.rsplit(".", 1)[0] + ".report", ref, "unknown report",
                        "use a report id from 'reports'")
        elif isinstance(texts[ref], str) and quote not in texts[ref]:
            checker.add(record, field, quote, f"quote does not occur in report {shown(ref)}",
                        "copy the words exactly as the report's text has them")


def _check_parents(checker: _Checker, places: list[object]) -> None:
    """A place that is its own parent, or whose parent chain comes back to it: each loop
    is reported once, on its first place in the file."""
    parent = {key: r.get("parent") for key, r in _ids(places).items()}
    reported: set[str] = set()
    for index, raw in enumerate(places):
        start = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(start, str) or start in reported:
            continue
        chain, current = [start], parent.get(start)
        while isinstance(current, str) and current in parent and current not in chain:
            chain.append(current)
            current = parent[current]
        if current != start:
            continue
        reported.update(chain)
        label = _label("places", index, raw)
        if len(chain) == 1:
            checker.add(label, "parent", start, "the place is its own parent",
                        "give the place that contains it, or remove 'parent'")
        else:
            loop = " → ".join(shown(p, 40) for p in [*chain, start])
            checker.add(label, "parent", parent[start], f"the parent chain loops ({loop})",
                        "give each place the place that contains it")
