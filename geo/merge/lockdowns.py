"""Drafted lockdowns into the dataset's: an update of the lockdown a report refers to, or a
new one. Nothing is overwritten: differing dates become a :class:`Disagreement`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from geo.merge.changes import Change
from geo.merge.ids import unique_id
from geo.merge.rule import Published, choose, combine, compatible, union
from geo.model import (
    DISPUTABLE_DATES,
    Certainty,
    Disagreement,
    Lockdown,
    Measure,
    Place,
    PlaceKind,
    StatusChange,
    StatusChangeKind,
    When,
)

TOUCHING = dt.timedelta(days=1)  # periods this close are one period told twice
LIFT_SLACK = dt.timedelta(days=7)  # a second lift date this near the first disputes it
QUIET_GAP = dt.timedelta(days=90)  # an undated lift or easing reaches back this far at most
WINDOW_DAYS = {2: 6, 3: 30}  # days after the first of a week- or month-precise start
# Zones nested in these kinds are one lockdown with them (a county and its town);
# a province's or the country's lockdown is not updated by a report on one city.
NESTING_KINDS = {PlaceKind.COUNTY, PlaceKind.CITY, PlaceKind.TOWN}
LABELS = {"ordered": "ordered", "effective": "in force from", "announced_end": "announced end",
          "actual_end": "actual end"}


def _day(when: When | None) -> dt.date | None:
    if when is None:
        return None
    return when.on or when.latest


def _reports_of(when: When) -> list[str]:
    return list(dict.fromkeys(e.report for e in when.evidence))


def _known_days(lockdown: Lockdown) -> list[dt.date]:
    whens = [lockdown.ordered, lockdown.effective, lockdown.announced_end, lockdown.actual_end]
    whens += [c.when for c in lockdown.changes] + [c.announced_end for c in lockdown.changes]
    return [day for when in whens if (day := _day(when)) is not None]


def _start(lockdown: Lockdown) -> dt.date | None:
    return lockdown.effective.on or lockdown.ordered.on


def _lifted(lockdown: Lockdown) -> dt.date | None:
    lifts = [c.when.on for c in lockdown.changes
             if c.kind is StatusChangeKind.LIFTED and c.when.on is not None]
    return lockdown.actual_end.on or min(lifts, default=None)


def _reach(lockdown: Lockdown, published: Published) -> dt.date:
    """The last day it is known to have applied: its end, or the latest date or report of it."""
    lifted = _lifted(lockdown)
    if lifted is not None:
        return lifted
    days = _known_days(lockdown) + [d for e in lockdown.evidence
                                    if (d := published(e.report)) is not None]
    return max(days)


def _meets(existing: Lockdown, draft: Lockdown, published: Published,
           draft_published: dt.date | None) -> bool:
    """Whether the draft's period overlaps or touches the existing lockdown's."""
    days = _known_days(existing)
    first = _start(existing) or (min(days) if days else None)
    if first is None:
        return False
    reach = _reach(existing, published)
    start = _start(draft)
    if start is not None:
        # A start known to the week or month ("in late July") may lie anywhere in it.
        window = dt.timedelta(days=WINDOW_DAYS.get(int(draft.effective.precision or 1), 0))
        ends = [d for d in (_lifted(draft), draft.announced_end.on) if d is not None]
        if draft_published and any(c.kind is StatusChangeKind.LIFTED and not c.when.known
                                   for c in draft.changes):
            ends.append(draft_published)  # lifted on a day not given: by the report's day
        return start <= reach + TOUCHING and max([start + window, *ends]) >= first - TOUCHING
    # No start of its own: a lift, an easing or a confirmation of a lockdown in force.
    moments = _known_days(draft) or ([draft_published] if draft_published else [])
    if not moments:
        return False
    moment = min(moments)
    if moment < first - TOUCHING:
        return False
    lifted = _lifted(existing)
    if lifted is not None:
        return moment <= lifted + LIFT_SLACK
    return moment <= reach + QUIET_GAP


def _ancestors(place_id: str, places: Mapping[str, Place]) -> list[str]:
    chain, seen = [], {place_id}
    while (place := places.get(place_id)) is not None and place.parent and \
            place.parent not in seen:
        place_id = place.parent
        seen.add(place_id)
        chain.append(place_id)
    return chain


def zone_relation(a: str, b: str, places: Mapping[str, Place]) -> int:
    """2 for the same zone, 1 for a zone inside a county or city the other is, else 0."""
    if a == b:
        return 2
    for inner, outer in ((a, b), (b, a)):
        if outer in _ancestors(inner, places) and places[outer].kind in NESTING_KINDS:
            return 1
    return 0


def find_match(lockdowns: tuple[Lockdown, ...], draft: Lockdown, places: Mapping[str, Place],
               published: Published, draft_published: dt.date | None) -> Lockdown | None:
    """The lockdown the draft refers to: a related zone, and the same order (a start or
    order day in common) or a period that overlaps or touches. None: a new lockdown."""
    best, best_key = None, None
    for existing in lockdowns:
        relation = zone_relation(existing.zone, draft.zone, places)
        if not relation:
            continue
        same_order = any(mine.on is not None and mine.on in (existing.ordered.on,
                                                             existing.effective.on)
                         for mine in (draft.ordered, draft.effective))
        if not (same_order or _meets(existing, draft, published, draft_published)):
            continue
        key = (relation, same_order, _start(existing) or dt.date.min)
        if best_key is None or key > best_key:
            best, best_key = existing, key
    return best


class _Update:
    """One existing lockdown taking in one draft lockdown of one report."""

    def __init__(self, lockdown: Lockdown, report: str, published: Published):
        self.lockdown, self.report, self.published = lockdown, report, published
        self.changes: list[Change] = []

    def say(self, kind: str, text: str) -> None:
        self.changes.append(Change(kind, self.lockdown.id, f"{self.lockdown.id}: {text}"))

    def merge_date(self, fact: str, incoming: When) -> None:
        lockdown = self.lockdown
        current: When = getattr(lockdown, fact)
        label = LABELS[fact]
        if not incoming.known:
            return
        if not current.known:
            self.lockdown = replace(lockdown, **{fact: incoming})
            if fact != "actual_end":  # a lift is said once, as a status change
                self.say("date", f"{label} {incoming.label()} (was unknown)")
            return
        dispute = next((d for d in lockdown.disagreements if d.fact == fact), None)
        values = list(dispute.values) if dispute else [current]
        for index, value in enumerate(values):
            if compatible(value, incoming):
                merged = combine([value, incoming], self.published)
                if merged != value:
                    values[index] = merged
                    self.say("date", f"{label} {value.label()} confirmed"
                             + (f", now {merged.label()}" if merged.on != value.on
                                or merged.at != value.at else ""))
                break
        else:
            values.append(incoming)
        others = tuple(d for d in lockdown.disagreements if d.fact != fact)
        if len(values) == 1:
            self.lockdown = replace(lockdown, **{fact: values[0]}, disagreements=others)
            return
        index, reason = choose(values, self.published)
        if not dispute or len(dispute.values) < len(values):
            shown = "; ".join(f"{v.label()} ({', '.join(_reports_of(v))})" for v in values)
            self.say("disagreement", f"sources disagree on the {label}: {shown}; the map uses "
                     f"{values[index].label()} ({reason})")
        self.lockdown = replace(lockdown, **{fact: values[index]},
                                disagreements=(*others, Disagreement(fact, tuple(values),
                                                                     reason)))

    def merge_measures(self, measures: tuple[Measure, ...]) -> None:
        current = list(self.lockdown.measures)
        for measure in measures:
            index = next((i for i, m in enumerate(current) if m.code == measure.code), None)
            if index is None:
                current.append(measure)
                self.say("measure", f"measure added: {measure.code}")
            else:
                current[index] = replace(current[index], evidence=union(current[index].evidence,
                                                                        measure.evidence))
        self.lockdown = replace(self.lockdown, measures=tuple(current))

    def merge_changes(self, changes: tuple[StatusChange, ...]) -> None:
        kept = list(self.lockdown.changes)
        for change in changes:
            if change.kind is StatusChangeKind.IMPOSED:
                if any(c.kind is StatusChangeKind.IMPOSED for c in kept):
                    continue
                text = "imposed"
            elif change.kind is StatusChangeKind.EXTENDED:
                new_end = change.announced_end.on if change.announced_end else None
                if any(c.kind is change.kind and c.announced_end and c.announced_end.on == new_end
                       for c in kept):
                    continue
                text = f"extended, announced end now {change.announced_end.label()}" \
                    if change.announced_end else "extended"
            elif change.kind is StatusChangeKind.DOWNGRADED:
                if any(c.kind is change.kind and (c.when == change.when or compatible(
                        c.when, change.when)) for c in kept):
                    continue
                text = f"downgraded (eased) {change.when.label()}"
            else:  # a lift: one per lockdown, kept in step with the actual end (sync_lift)
                if any(c.kind is StatusChangeKind.LIFTED for c in kept):
                    continue
                kept.append(change)
                if not change.when.known:
                    self.say("status", "lifted (the report gives no day)")
                continue
            kept.append(change)
            self.say("status", text)
        self.lockdown = replace(self.lockdown, changes=tuple(kept))

    def sync_lift(self) -> None:
        """The 'lifted' change says the same day as the actual end the map uses."""
        lockdown = self.lockdown
        end = lockdown.actual_end
        if not end.known:
            return
        changes = list(lockdown.changes)
        index = next((i for i, c in enumerate(changes) if c.kind is StatusChangeKind.LIFTED), None)
        if index is None:
            report = end.evidence[0].report if end.evidence else self.report
            changes.append(StatusChange(StatusChangeKind.LIFTED, end, report))
        elif changes[index].when != end:
            changes[index] = replace(changes[index], when=end)
        self.lockdown = replace(lockdown, changes=tuple(changes))


    def eased_or_lifted(self) -> None:
        """A report that tells of an easing on the day others tell of the lift disagrees
        about the lift: its words join the actual end's values, as 'not lifted'."""
        lockdown = self.lockdown
        end = lockdown.actual_end
        if end.on is None:
            return
        dispute = next((d for d in lockdown.disagreements if d.fact == "actual_end"), None)
        values = list(dispute.values) if dispute else [end]
        quoted = {e for value in values for e in value.evidence}
        lifting = set(_reports_of(end))
        easings = [c for c in lockdown.changes if c.kind is StatusChangeKind.DOWNGRADED
                   and c.when.on is not None and abs((c.when.on - end.on).days) <= 1
                   and c.report not in lifting and c.when.evidence
                   and not quoted.intersection(c.when.evidence)]
        if not easings:
            return
        for change in easings:
            values.append(When(Certainty.UNKNOWN, words=change.when.words,
                               reasoning=f"{change.report} tells of an easing (downgraded) on "
                                         f"{change.when.on}, not of a lift",
                               evidence=change.when.evidence))
        index, reason = choose(values, self.published)
        others = tuple(d for d in lockdown.disagreements if d.fact != "actual_end")
        self.lockdown = replace(lockdown, actual_end=values[index], disagreements=(
            *others, Disagreement("actual_end", tuple(values), reason)))
        eased_by = ", ".join(dict.fromkeys(c.report for c in easings))
        self.say("disagreement", f"sources disagree on the lift: {', '.join(sorted(lifting))} "
                 f"tell of a lift on {end.on}, {eased_by} only of an easing; the map uses "
                 f"{values[index].label()} ({reason})")


def update_lockdown(existing: Lockdown, draft: Lockdown, report: str,
                    published: Published) -> tuple[Lockdown, list[Change]]:
    """``existing`` with what the draft adds: dates (or their disagreements), status changes,
    measures, evidence. Every earlier fact and quote stays."""
    update = _Update(existing, report, published)
    extended = {c.announced_end.on for c in draft.changes
                if c.kind is StatusChangeKind.EXTENDED and c.announced_end}
    before_end = existing.announced_end.on
    was_lifted = _lifted(existing) is not None
    for fact in DISPUTABLE_DATES:
        incoming = getattr(draft, fact)
        if fact == "announced_end" and incoming.on in extended:
            continue  # the new end of an extension is a change, not a disagreement
        update.merge_date(fact, incoming)
    update.merge_changes(draft.changes)
    update.merge_measures(draft.measures)
    lockdown = update.lockdown
    lockdown = replace(lockdown, evidence=union(lockdown.evidence, draft.evidence),
                       trigger=lockdown.trigger or draft.trigger)
    update.lockdown = lockdown
    update.sync_lift()
    update.eased_or_lifted()
    end = _lifted(update.lockdown)
    if not was_lifted and end is not None:
        early = before_end is not None and end <= before_end
        label = update.lockdown.actual_end.label() if update.lockdown.actual_end.known else end
        update.say("status", f"lifted {label}"
                   + (f", early: the announced end was {before_end}" if early else ""))
    if not update.changes:
        update.say("update", f"confirmed by {report} (evidence added)")
    return update.lockdown, update.changes


def add_lockdown(lockdowns: tuple[Lockdown, ...], draft: Lockdown, zone_name: str
                 ) -> tuple[Lockdown, Change]:
    new_id = unique_id(draft.id, {lk.id for lk in lockdowns})
    lockdown = replace(draft, id=new_id)
    start = lockdown.effective.label()
    return lockdown, Change("lockdown", new_id,
                            f"new lockdown {new_id}: {zone_name}, in force from {start}")
