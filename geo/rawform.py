"""Model objects → plain records (dicts of str, int, list), the inverse of :mod:`geo.validate`.

Optional fields that are empty are left out, so the written file shows only
what is known and stays short.
"""

from __future__ import annotations

from typing import Any

from geo.model import (
    Dataset,
    Disagreement,
    Evidence,
    Incident,
    Lockdown,
    Measure,
    Place,
    Report,
    StatusChange,
    When,
)


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def evidence_to_raw(items: tuple[Evidence, ...]) -> list[dict[str, str]]:
    return [{"report": e.report, "quote": e.quote} for e in items]


def when_to_raw(when: When) -> dict[str, Any]:
    return _compact({
        "certainty": when.certainty.value,
        "on": when.on.isoformat() if when.on else None,
        "at": when.at.strftime("%H:%M") if when.at else None,
        "precision": int(when.precision) if when.precision else None,
        "words": when.words,
        "reasoning": when.reasoning,
        "evidence": evidence_to_raw(when.evidence),
        "earliest": when.earliest.isoformat() if when.earliest else None,
        "latest": when.latest.isoformat() if when.latest else None,
    })


def report_to_raw(report: Report) -> dict[str, Any]:
    return _compact({
        "id": report.id,
        "outlet": report.outlet,
        "title": report.title,
        "url": report.url,
        "language": report.language,
        "published": when_to_raw(report.published),
        "notes": report.notes,
        "text": report.text,
    })


def place_to_raw(place: Place) -> dict[str, Any]:
    return _compact({
        "id": place.id,
        "name": place.name,
        "kind": place.kind.value,
        "aliases": list(place.aliases),
        "parent": place.parent,
        "country": place.country,
        "precision": int(place.precision),
        "gazetteer": place.gazetteer,
        "evidence": evidence_to_raw(place.evidence),
    })


def measure_to_raw(measure: Measure) -> dict[str, Any]:
    return _compact({
        "code": measure.code,
        "scope": measure.scope.value,
        "note": measure.note,
        "evidence": evidence_to_raw(measure.evidence),
    })


def change_to_raw(change: StatusChange) -> dict[str, Any]:
    return _compact({
        "kind": change.kind.value,
        "when": when_to_raw(change.when),
        "report": change.report,
        "announced_end": when_to_raw(change.announced_end) if change.announced_end else None,
        "note": change.note,
    })


def disagreement_to_raw(disagreement: Disagreement) -> dict[str, Any]:
    return {
        "fact": disagreement.fact,
        "reason": disagreement.reason,
        "values": [when_to_raw(value) for value in disagreement.values],
    }


def lockdown_to_raw(lockdown: Lockdown) -> dict[str, Any]:
    return _compact({
        "id": lockdown.id,
        "zone": lockdown.zone,
        "scope": lockdown.scope,
        "trigger": lockdown.trigger,
        "ordered": when_to_raw(lockdown.ordered),
        "effective": when_to_raw(lockdown.effective),
        "announced_end": when_to_raw(lockdown.announced_end),
        "actual_end": when_to_raw(lockdown.actual_end),
        "changes": [change_to_raw(c) for c in lockdown.changes],
        "measures": [measure_to_raw(m) for m in lockdown.measures],
        "note": lockdown.note,
        "evidence": evidence_to_raw(lockdown.evidence),
        "disagreements": [disagreement_to_raw(d) for d in lockdown.disagreements],
    })


def incident_to_raw(incident: Incident) -> dict[str, Any]:
    return _compact({
        "id": incident.id,
        "kind": incident.kind,
        "place": incident.place,
        "precision": int(incident.precision),
        "when": when_to_raw(incident.when),
        "who": incident.who,
        "description": incident.description,
        "evidence": evidence_to_raw(incident.evidence),
    })


def dataset_to_raw(dataset: Dataset) -> dict[str, Any]:
    info = dataset.info
    return {
        "dataset": _compact({
            "name": info.name,
            "version": info.version,
            "description": info.description,
            "curated_by": info.curated_by,
        }),
        "reports": [report_to_raw(r) for r in dataset.reports],
        "places": [place_to_raw(p) for p in dataset.places],
        "lockdowns": [lockdown_to_raw(lk) for lk in dataset.lockdowns],
        "incidents": [incident_to_raw(i) for i in dataset.incidents],
    }
