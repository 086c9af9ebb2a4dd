"""The short text ``lockdown-map extract`` prints for a person to check a draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.model import When

if TYPE_CHECKING:
    from geo.extract import Draft

QUOTE = 160  # characters of a quote shown; the draft file holds it whole


def _quote(when: When) -> str:
    if not when.evidence:
        return ""
    text = when.evidence[0].quote
    return f'\n      "{text[:QUOTE]}{"…" if len(text) > QUOTE else ""}"'


def _line(label: str, when: When) -> str:
    words = f" — {when.words!r}" if when.words else ""
    why = ""
    if when.on is not None and when.reasoning and when.certainty.value == "inferred":
        reasoning = when.reasoning
        why = f"\n      why: {reasoning[:QUOTE]}{'…' if len(reasoning) > QUOTE else ''}"
    return f"    {label}: {when.label()}{words}{why}{_quote(when)}"


def summarise(draft: Draft) -> str:
    dataset = draft.dataset
    report = draft.report
    lines = [f"Report {report.id} ({draft.language}), published {report.published.label()}"]
    if not dataset.lockdowns:
        lines.append("  No lockdown found in this report.")
    for lockdown in dataset.lockdowns:
        zone = dataset.place(lockdown.zone)
        status = lockdown.changes[-1].kind.value if lockdown.changes else "imposed"
        background = " [background]" if lockdown.note and lockdown.note.startswith(
            "Background") else ""
        lines.append(f"  Lockdown {lockdown.id}: {zone.name} [{zone.id}], {status}{background}")
        for label, when in (("ordered", lockdown.ordered), ("effective", lockdown.effective),
                            ("announced end", lockdown.announced_end),
                            ("actual end", lockdown.actual_end)):
            lines.append(_line(label, when))
        if lockdown.measures:
            lines.append("    measures: " + ", ".join(m.code for m in lockdown.measures))
        if lockdown.trigger:
            incident = dataset.incident(lockdown.trigger)
            lines.append(_line(f"trigger {incident.kind}", incident.when))
    if draft.findings:
        lines.append("  Left for you to check:")
        lines += [f"  - {finding}" for finding in draft.findings]
    return "\n".join(lines)
