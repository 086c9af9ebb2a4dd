"""The details panel: the whole history of the zone clicked, with every report's quotes.

Everything comes from :func:`geo.describe.describe_zone` (the same text as the
exported map's popups): each lockdown of the zone in time order, then the orders on
the places containing it (a province, the country), each marked as such. The ones in
force on the day, and the lockdown picked, are open; the others one click away.
Report text goes through :func:`dashboard.text.md`, so a quote is always shown as the
words it is, never as markup.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.text import md, md_link
from geo.describe import ReportQuotes, ZoneLockdown, describe_zone
from geo.model import Dataset
from geo.timeline import ZoneStatus

STATUS_BADGE = {
    ZoneStatus.IN_FORCE: ("red", ":material/lock:"),
    ZoneStatus.END_PASSED_UNCONFIRMED: ("orange", ":material/help:"),
    ZoneStatus.NO_LATER_REPORT: ("violet", ":material/history:"),
    ZoneStatus.LIFTED: ("green", ":material/lock_open:"),
    ZoneStatus.START_UNREPORTED: ("blue", ":material/question_mark:"),
    ZoneStatus.NOT_YET: ("gray", ":material/schedule:"),
}


def _reports(reports: tuple[ReportQuotes, ...]) -> None:
    st.markdown(f"**Sources** ({len(reports)} report{'s' if len(reports) != 1 else ''}, "
                "every sentence quoted)")
    for report in reports:
        st.markdown(f"- {md_link(report.url, report.title or report.report_id)} "
                    f"({md(report.outlet)}, {md(report.language)})")
        for text in report.quotes:
            st.markdown(f"> {md(text)}")


def _lockdown(item: ZoneLockdown, day: dt.date) -> None:
    """One lockdown of the history: status on the day, dates, measures, sources."""
    summary = item.summary
    colour, icon = STATUS_BADGE[summary.status]
    label = f"{summary.status.value} on {day.isoformat()}"
    if summary.downgraded:
        label += " (downgraded)"
    st.badge(label, color=colour, icon=icon)
    if item.under:
        st.markdown(f"**{md(item.under)}:** {md(summary.zone_name)}")
    st.markdown(f"**Scope:** {md(summary.scope)} · id {md(summary.lockdown_id)}")
    lines = []
    for fact in summary.dates:
        line = f"- **{md(fact.label)}:** {md(fact.value)}"
        if fact.words:
            line += f" — “{md(fact.words)}”"
        if fact.reasoning:
            line += f"  \n  :gray[{md(fact.reasoning)}]"
        lines.append(line)
    st.markdown("**Dates**\n" + "\n".join(lines))
    for line in summary.disagreements:
        bounds = f" (between {line.bounds[0]} and {line.bounds[1]})" if line.bounds else ""
        values = "; ".join(md(v.value) for v in line.values)
        st.warning(f"**Sources disagree: {md(line.label.lower())}**{bounds}: {values}. "
                   f"The map uses {md(line.uses)}: {md(line.reason)}.",
                   icon=":material/balance:")
        for value in line.values:  # which report says which
            st.markdown(f"- **{md(value.value)}**" + "".join(
                f"\n\n  > {md(q.text)} — {md(q.outlet)}" for q in value.quotes))
    if summary.measures:
        st.markdown(f"**Measures** ({len(summary.measures)})\n" + "\n".join(
            f"- {md(m.label)} · {md(m.oxcgrt)} · scope: {md(m.scope)}"
            + (f" — {md(m.note)}" if m.note else "") for m in summary.measures))
    if summary.trigger is not None:
        trigger = summary.trigger
        who = f" — {md(trigger.who)}" if trigger.who else ""
        st.markdown(f"**Trigger incident:** {md(trigger.kind)}, {md(trigger.when)}, "
                    f"{md(trigger.place)}{who}: {md(trigger.description)}")
        for quote in trigger.quotes:
            st.markdown(f"> {md(quote.text)}  \n> — {md(quote.outlet)}")
    if summary.precision_notes:
        st.markdown("**Precision notes**\n" + "\n".join(
            f"- {md(note)}" for note in summary.precision_notes))
    _reports(item.reports)


def _entry(item: ZoneLockdown, day: dt.date, picked: str) -> None:
    summary = item.summary
    _, icon = STATUS_BADGE[summary.status]
    title = f"{item.under}: " if item.under else ""
    label = f"{title}{item.period} · {summary.status.value}"
    if item.in_force:
        label = "In force on the day: " + label
    with st.expander(md(label), expanded=item.in_force or summary.lockdown_id == picked,
                     icon=icon):
        _lockdown(item, day)


def show_details(dataset: Dataset, lockdown_id: str, day: dt.date) -> None:
    """Draw the whole history of the zone of ``lockdown_id`` as of ``day`` (that lockdown
    and any in force on the day open)."""
    lockdown = next((item for item in dataset.lockdowns if item.id == lockdown_id), None)
    if lockdown is None:
        st.info("That zone is not in the current dataset.")
        return
    history = describe_zone(dataset, lockdown.zone, day)
    with st.container(border=True, key="details_panel"):
        st.subheader(md(history.zone_name), anchor=False)
        if history.other_names:
            st.caption("Also: " + md(", ".join(history.other_names)))
        own, wider = history.lockdowns, history.containing
        now = history.in_force
        summary = (f"**{len(own)} lockdown{'s' if len(own) != 1 else ''} of this zone**"
                   f"{f', {len(wider)} over a wider area' if wider else ''}, in time order. "
                   f"On {day.isoformat()}: "
                   + (f"{len(now)} in force." if now else "none in force."))
        st.markdown(summary)
        for item in own:
            _entry(item, day, lockdown_id)
        if wider:
            st.markdown("**Orders over a wider area containing it** (province or nationwide)")
            for item in wider:
                _entry(item, day, lockdown_id)
