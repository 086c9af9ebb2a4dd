"""The details panel of one lockdown: what an analyst needs to judge it, with the quotes.

Everything comes from :func:`geo.describe.describe_lockdown` (the same text as
the exported map's popups). Report text goes through :func:`dashboard.text.md`,
so a quote is always shown as the words it is, never as markup.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.text import md, md_link
from geo.describe import LockdownSummary, Quote, describe_lockdown
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


def _quotes(quotes: tuple[Quote, ...]) -> None:
    for quote in quotes:
        st.markdown(f"> {md(quote.text)}  \n> — {md_link(quote.url, quote.report_title)}"
                    f" ({md(quote.outlet)}, {md(quote.language)})")


def show_details(dataset: Dataset, lockdown_id: str, day: dt.date) -> None:
    """Draw the details of ``lockdown_id`` as of ``day``."""
    lockdown = next((item for item in dataset.lockdowns if item.id == lockdown_id), None)
    if lockdown is None:
        st.info("That zone is not in the current dataset.")
        return
    summary: LockdownSummary = describe_lockdown(dataset, lockdown, day)
    colour, icon = STATUS_BADGE[summary.status]
    with st.container(border=True, key="details_panel"):
        st.subheader(md(summary.zone_name), anchor=False)
        if summary.other_names:
            st.caption("Also: " + md(", ".join(summary.other_names)))
        label = f"{summary.status.value} on {day.isoformat()}"
        if summary.downgraded:
            label += " (downgraded)"
        st.badge(label, color=colour, icon=icon)
        st.markdown(f"**Scope:** {md(summary.scope)}")

        st.markdown("**Dates**")
        for fact in summary.dates:
            line = f"- **{md(fact.label)}:** {md(fact.value)}"
            if fact.words:
                line += f" — “{md(fact.words)}”"
            st.markdown(line)
            if fact.reasoning or fact.quotes:
                with st.expander(f"Why: {fact.label.lower()}"):
                    if fact.reasoning:
                        st.markdown(md(fact.reasoning))
                    _quotes(fact.quotes)

        for line in summary.disagreements:
            bounds = f" (between {line.bounds[0]} and {line.bounds[1]})" if line.bounds else ""
            st.warning(f"**Sources disagree: {md(line.label.lower())}**{bounds}. The map uses "
                       f"{md(line.uses)}: {md(line.reason)}.", icon=":material/balance:")
            for value in line.values:
                st.markdown(f"- **{md(value.value)}**")
                _quotes(value.quotes)

        st.markdown(f"**Measures** ({len(summary.measures)})")
        for measure in summary.measures:
            with st.expander(f"{measure.label} · {measure.oxcgrt}"):
                st.markdown(f"`{measure.code}` · scope: {md(measure.scope)}")
                if measure.note:
                    st.markdown(f"Note: {md(measure.note)}")
                _quotes(measure.quotes)

        if summary.trigger is not None:
            trigger = summary.trigger
            st.markdown("**Trigger incident**")
            who = f" — {md(trigger.who)}" if trigger.who else ""
            st.markdown(f"{md(trigger.kind)}, {md(trigger.when)}, {md(trigger.place)}{who}: "
                        f"{md(trigger.description)}")
            with st.expander("Quotes: trigger incident"):
                _quotes(trigger.quotes)

        if summary.precision_notes:
            st.markdown("**Precision notes**")
            for note in summary.precision_notes:
                st.markdown(f"- {md(note)}")

        st.markdown("**Sources**")
        for source in summary.sources:
            st.markdown(f"- {md_link(source.url, source.report_title)} "
                        f"({md(source.outlet)}, {md(source.language)})")
