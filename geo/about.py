"""What the data means and where it comes from: the text of the "About this data" panel.

Plain values (no Streamlit, no HTML), so the dashboard, the README and any other
product say the same thing. Every term a popup, a table or a download uses is
explained here once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import metadata

from geo.model import Certainty, Dataset, LocationPrecision, TimePrecision
from geo.timeline import ZoneStatus

STATUS_MEANINGS: dict[ZoneStatus, str] = {
    ZoneStatus.NOT_YET: "By the end of this day the lockdown had not yet taken effect "
                        "(status is always as of the end of the day shown).",
    ZoneStatus.IN_FORCE: "A report says the lockdown took effect and its announced end, if "
                         "any, has not passed. An announced end is inclusive: \"until Dec. 4\" "
                         "is in force all of Dec. 4.",
    ZoneStatus.END_PASSED_UNCONFIRMED: "The announced end has passed but no report says the "
                                       "lockdown was lifted: it may still be in force.",
    ZoneStatus.NO_LATER_REPORT: "It has no announced end and no report of its lifting, and "
                                "the last report that speaks of it came out before this day: "
                                "it was in force then; nobody has said since. Neither in "
                                "force nor lifted.",
    ZoneStatus.START_UNREPORTED: "A report speaks of this lockdown but not of when it began, "
                                 "and no report says it was in force yet by this day: it may "
                                 "or may not have applied. Drawn in force only from the first "
                                 "day a report says it was.",
    ZoneStatus.LIFTED: "A report says the lockdown was lifted on or before this day.",
}

CERTAINTY_MEANINGS: dict[Certainty, str] = {
    Certainty.STATED: "The report gives the date whole.",
    Certainty.INFERRED: "Resolved from the report's relative words (\"last Thursday\", \"the "
                        "next day\") or its context; the words and the reasoning are kept "
                        "beside the date.",
    Certainty.UNKNOWN: "No report says it yet. Shown as unknown, never guessed.",
}

TIME_PRECISION_MEANINGS: dict[TimePrecision, str] = {
    TimePrecision.DAY: "1 — the day is known.",
    TimePrecision.WEEK: "2 — only the week is known.",
    TimePrecision.MONTH: "3 — only the month is known.",
}

LOCATION_PRECISION_MEANINGS: dict[LocationPrecision, str] = {
    LocationPrecision.TOWN: "1 — the named place itself.",
    LocationPrecision.NEAR: "2 — near a town, or part of a region.",
    LocationPrecision.REGION: "3 — only the region is known; the marker is at its centre.",
}

GEOMETRY_NOTE = ("A dashed outline is approximate: no county boundary of North Korea ships "
                 "in any package, so county shapes are drawn around their seats "
                 "(Voronoi cells clipped to the province) until a real boundary file is "
                 "loaded.")


@dataclass(frozen=True)
class Source:
    """One source of the shipped data or of the report text, with its licence."""

    name: str
    provides: str
    licence: str
    url: str


SOURCES: tuple[Source, ...] = (
    Source("GeoNames", "place names, alternate spellings and coordinates",
           "CC BY 4.0 (attribution: GeoNames, geonames.org)",
           "https://www.geonames.org/"),
    Source("Natural Earth", "province outlines (admin-1)", "public domain",
           "https://www.naturalearthdata.com/"),
    Source("DCW-GMT", "country outlines, the China–North Korea border and the Yalu line "  # noqa: RUF001
           "(Digital Chart of the World)",
           "DCW public domain; the GMT packaging LGPL-3+ (Debian gmt-dcw)",
           "https://www.soest.hawaii.edu/pwessel/dcw/"),
)
OUTLET_TERMS = ("quoted as evidence, with links to the original articles; the text remains "
                "the outlet's")


def app_version() -> str:
    """The installed Lockdown Map version, or "development" when run from a checkout."""
    try:
        return metadata.version("lockdown-map")
    except metadata.PackageNotFoundError:
        return "development"


def outlets(dataset: Dataset) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Each outlet the dataset quotes, with its reports' titles and URLs."""
    by_outlet: dict[str, list[tuple[str, str | None]]] = {}
    for report in dataset.reports:
        name = report.outlet or "unnamed outlet"
        by_outlet.setdefault(name, []).append((report.title or report.id, report.url))
    return sorted(by_outlet.items())


def citation(dataset: Dataset, accessed: dt.date | None = None) -> str:
    """How to cite the dataset and its version, e.g. in a report's footnote."""
    info = dataset.info
    curator = f"{info.curated_by}. " if info.curated_by else ""
    when = (accessed or dt.date.today()).isoformat()
    return (f"{curator}{info.name}, version {info.version}. Lockdown Map {app_version()}. "
            f"Accessed {when}.")
