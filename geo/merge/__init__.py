"""Merge a draft (one report and what it states) into a dataset. Pure: objects in, objects out.

    >>> result = merge_draft(dataset, draft)          # doctest: +SKIP
    >>> for change in result.changes: print(change)   # doctest: +SKIP

A drafted lockdown that refers to one already in the dataset (a related zone, the
same order or a period that overlaps or touches) updates it; any other is new.
Places merge by gazetteer id, incidents by kind, place and day. The same report
(URL or text) twice is refused. Nothing is overwritten: a date that differs
becomes a disagreement holding every value (see :mod:`geo.merge.rule`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from geo.errors import DuplicateReport, MergeError
from geo.merge.changes import Change
from geo.merge.ids import rewrite, unique_id
from geo.merge.lockdowns import add_lockdown, find_match, update_lockdown
from geo.merge.places import merge_places
from geo.merge.rule import choose, union
from geo.model import Dataset, Incident, Report
from geo.rawform import dataset_to_raw
from geo.validate import validate

__all__ = ["Change", "MergeResult", "check_new_report", "choose", "merge_draft"]

COUNTRY = "KP"


@dataclass(frozen=True)
class MergeResult:
    dataset: Dataset
    changes: tuple[Change, ...]
    report: str  # the id the draft's report has in the dataset


def _fold(text: str) -> str:
    return " ".join(text.split())


def check_new_report(dataset: Dataset, report: Report) -> None:
    """Refuse a report already in the dataset: the same URL, or the same text."""
    text = _fold(report.text)
    for existing in dataset.reports:
        same = ("URL" if existing.url and report.url
                and existing.url.rstrip("/") == report.url.rstrip("/") else
                "text" if _fold(existing.text) == text else None)
        if same:
            raise DuplicateReport(
                f"report {report.title!r} is already in the dataset as {existing.id!r} "
                f"({existing.outlet}, {existing.title!r}): the same {same}. Nothing was added; "
                "to add more of what it says, edit that report's facts instead", existing.id)


def _published(dataset: Dataset):
    days = {r.id: r.published.on or r.published.earliest for r in dataset.reports}
    return days.get


def _check_zones(draft: Dataset, source: str) -> None:
    places = {p.id: p for p in draft.places}
    for index, lockdown in enumerate(draft.lockdowns):
        zone = places.get(lockdown.zone)
        if zone is not None and zone.country not in (None, COUNTRY):
            raise MergeError(
                f"{source}: lockdowns[{index}] (id {lockdown.id}), field 'zone': {zone.name} is "
                f"in {zone.country}, not North Korea (got {zone.id!r}). Fix: Lockdown Map follows "
                "lockdowns in North Korea; choose the North Korean place the report means, or "
                "remove this lockdown from the draft")


def _merge_incidents(existing: tuple[Incident, ...], incoming: tuple[Incident, ...]
                     ) -> tuple[tuple[Incident, ...], dict[str, str], list[Change]]:
    incidents, mapping, changes = list(existing), {}, []
    for incident in incoming:
        index = next((i for i, e in enumerate(incidents) if (e.kind, e.place, e.when.on)
                      == (incident.kind, incident.place, incident.when.on)
                      and e.when.on is not None), None)
        if index is not None:
            mapping[incident.id] = incidents[index].id
            incidents[index] = replace(incidents[index], evidence=union(
                incidents[index].evidence, incident.evidence))
            continue
        new_id = unique_id(incident.id, {i.id for i in incidents})
        mapping[incident.id] = new_id
        incidents.append(replace(incident, id=new_id))
        changes.append(Change("incident", new_id, f"new incident {new_id}: "
                              f"{incident.kind.replace('_', ' ')} {incident.when.label()}"))
    return tuple(incidents), mapping, changes


def merge_draft(dataset: Dataset, draft: Dataset, source: str = "the draft") -> MergeResult:
    """``dataset`` with ``draft`` merged in, and the list of what changed.

    Raises :class:`~geo.errors.DuplicateReport` for a report already in,
    :class:`~geo.errors.MergeError` for a draft without exactly one report or with
    a zone outside North Korea, :class:`~geo.errors.DatasetError` if the result
    would not validate (nothing is returned then).
    """
    if len(draft.reports) != 1:
        raise MergeError(f"{source}: a draft holds exactly one report (got "
                         f"{len(draft.reports)}). Fix: add one report per draft")
    report = draft.reports[0]
    check_new_report(dataset, report)
    _check_zones(draft, source)
    report_id = unique_id(report.id, {r.id for r in dataset.reports})
    draft = rewrite(draft, {"report": {report.id: report_id}})
    report = replace(draft.reports[0], id=report_id)
    changes = [Change("report", report_id, f"new report {report_id}: {report.outlet}, "
                      f"{report.title!r} ({report.published.label()})")]

    places, place_ids, place_changes = merge_places(dataset.places, draft.places)
    draft = rewrite(draft, {"zone": place_ids, "place": place_ids})
    incidents, incident_ids, incident_changes = _merge_incidents(dataset.incidents,
                                                                 draft.incidents)
    draft_lockdowns = rewrite(draft.lockdowns, {"trigger": incident_ids})
    changes += place_changes + incident_changes

    reports = (*dataset.reports, report)
    published = _published(Dataset(info=dataset.info, reports=reports))
    by_place = {p.id: p for p in places}
    lockdowns = dataset.lockdowns
    for lockdown in draft_lockdowns:
        match = find_match(lockdowns, lockdown, by_place, published, published(report_id))
        if match is None:
            new, change = add_lockdown(lockdowns, lockdown, by_place[lockdown.zone].name)
            lockdowns += (new,)
            changes.append(change)
            continue
        updated, update_changes = update_lockdown(match, lockdown, report_id, published)
        lockdowns = tuple(updated if lk.id == match.id else lk for lk in lockdowns)
        changes += update_changes

    merged = Dataset(info=dataset.info, reports=reports, places=places, lockdowns=lockdowns,
                     incidents=incidents)
    # The merged records go through the validator as a file would: what is returned is
    # exactly what a save writes and a load reads back.
    return MergeResult(validate(dataset_to_raw(merged), source), tuple(changes), report_id)


