"""Reading reports: draft the lockdowns a report states, every fact with its quote.

    >>> from geo.extract import extract_report
    >>> draft = extract_report(text, published=datetime.date(2021, 11, 23), outlet="Daily NK")
    >>> draft.dataset.lockdowns[0].effective.on
    datetime.date(2021, 11, 19)

Pure: text and what the analyst knows of it in, model objects out, no I/O. The
stages each live in their own module: :mod:`~geo.extract.language` (which
language), :mod:`~geo.extract.sentences` (spans of the text),
:mod:`~geo.extract.events` (lockdown statements), :mod:`~geo.extract.places`
(zones through the gazetteer), :mod:`~geo.extract.dates` (time expressions),
:mod:`~geo.extract.measures` (measure codes) and :mod:`~geo.extract.draft`
(assembly). Bad input raises :class:`~geo.errors.ReportTextError`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from geo.errors import ReportTextError
from geo.extract import dates
from geo.extract.draft import Context, Highlight, build_dataset
from geo.extract.events import find_cues
from geo.extract.language import check_language
from geo.extract.places import place_index
from geo.extract.sentences import split_sentences
from geo.model import Certainty, Dataset, Report, TimePrecision, When

MAX_TEXT = 100_000  # characters: a news report is a few thousand; a page dump is cut with a note

__all__ = ["MAX_TEXT", "Draft", "Highlight", "extract_report"]


@dataclass(frozen=True)
class Draft:
    """What a report states, as a dataset to review, with notes and the spans it read."""

    dataset: Dataset
    findings: tuple[str, ...]
    highlights: tuple[Highlight, ...]
    language: str

    @property
    def report(self) -> Report:
        return self.dataset.reports[0]

    def to_yaml(self) -> str:
        from geo.dataset import dumps_dataset

        return dumps_dataset(self.dataset)

    def summary(self) -> str:
        """A short text a person can check: each lockdown with its dates and quotes."""
        from geo.extract.summary import summarise

        return summarise(self)


def extract_report(text: str, *, published: dt.date | None = None, outlet: str | None = None,
                   url: str | None = None, title: str | None = None,
                   language: str = "auto") -> Draft:
    """Draft the lockdowns ``text`` states. Raises ReportTextError for text it cannot read."""
    if not isinstance(text, str):
        raise ReportTextError(f"the report must be text, got {type(text).__name__}")
    if "\x00" in text:
        raise ReportTextError("the report contains NUL bytes: it looks like a binary file, "
                              "not plain text")
    if published is not None and not isinstance(published, dt.date):
        raise ReportTextError(f"published must be a date, got {published!r}")
    if url is not None and url and not url.startswith(("http://", "https://")):
        raise ReportTextError(f"url {url!r} is not a web address; give the full https:// address")
    findings: list[str] = []
    if len(text) > MAX_TEXT:
        findings.append(f"the text is {len(text):,} characters; only the first {MAX_TEXT:,} "
                        "were read")
        text = text[:MAX_TEXT]
    if not text.strip():
        raise ReportTextError("the report is empty; give the report's text")
    language = check_language(language, text)
    report_id = _report_id(outlet, language, published, title, text)
    published_when = _published(published)
    anchor = dates.Anchor(published=published, published_certainty=Certainty.STATED)
    # The time expressions resolve relative words against the source's speaking day
    # themselves (it is found among them); the anchor then records that day.
    expressions = dates.find_time_expressions(text, language=language, anchor=anchor)
    speaking = next((e for e in expressions if e.speaking_day), None)
    if speaking is not None and speaking.on is not None:
        anchor = dates.Anchor(published=published, published_certainty=Certainty.STATED,
                              spoke=speaking.on)
    sentences = split_sentences(text)
    ctx = Context(report_id=report_id, text=text, language=language, sentences=sentences,
                  index=place_index(), anchor=anchor, published=published_when,
                  expressions=expressions, speaking=speaking, findings=findings)
    report = Report(id=report_id, outlet=outlet or "unknown outlet",
                    title=title or _first_line(text), url=url or None, language=language,
                    published=published_when, text=text,
                    notes="Drafted by lockdown-map extract.")
    cues = find_cues(sentences, language)
    dataset = build_dataset(ctx, report, cues)
    if not dataset.lockdowns:
        findings.append("no lockdown found: the report states none that names a place "
                        "(the draft holds just the report)")
    highlights = tuple(sorted(ctx.highlights, key=lambda h: (h.start, h.end)))
    return Draft(dataset=dataset, findings=tuple(dict.fromkeys(findings)),
                 highlights=highlights, language=language)


def _published(published: dt.date | None) -> When:
    if published is None:
        return When.unknown("No publication date was given with the report.")
    return When(certainty=Certainty.INFERRED, on=published, precision=TimePrecision.DAY,
                reasoning="The publication date given with the report (not read from its "
                          "text).")


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "untitled")
    return line if len(line) <= 120 else line[:117] + "..."


def _report_id(outlet: str | None, language: str, published: dt.date | None,
               title: str | None, text: str) -> str:
    outlet_slug = re.sub(r"[^a-z0-9]+", "", (outlet or "report").lower()) or "report"
    when = published.isoformat() if published else "undated"
    words = re.findall(r"[a-z0-9]+", (title or "").lower())[:4]
    tail = "-".join(words) or f"{sum(map(ord, text[:2000])) % 100000:05d}"
    return f"{outlet_slug}-{language}-{when}-{tail}"[:80].rstrip("-")
