"""Hand-made drafts for the merge tests: real corpus texts, the facts they state coded by hand.

Each draft is built as raw records and goes through :func:`geo.validate.validate`,
so it is exactly what a reviewed draft file would load as.
"""

from __future__ import annotations

import json

from shared_files import CORPUS

from geo.model import Dataset
from geo.validate import validate

PLACES = {
    "kp": dict(id="kp", name="North Korea", kind="country", country="KP", precision=3,
               gazetteer="kp"),
    "kp-ryanggang": dict(id="kp-ryanggang", name="Ryanggang Province", kind="province",
                         parent="kp", country="KP", precision=3, gazetteer="kp-ryanggang"),
    "kp-hyesan": dict(id="kp-hyesan", name="Hyesan", kind="city", parent="kp-ryanggang",
                      country="KP", precision=1, gazetteer="kp-hyesan"),
    "kp-kaesong": dict(id="kp-kaesong", name="Kaesong", kind="city", parent="kp",
                       country="KP", precision=1, gazetteer="kp-kaesong"),
    "kp-kimhyongjik-county": dict(id="kp-kimhyongjik-county", name="Kimhyŏngjik County",
                                  kind="county", parent="kp-ryanggang", country="KP",
                                  precision=2, gazetteer="kp-kimhyongjik-county",
                                  aliases=["Kimhyongjik-gun"]),
    "cn-changbai": dict(id="cn-changbai", name="Changbai", kind="town", country="CN",
                        precision=1, gazetteer="cn-changbai"),
}

EMPTY = {"dataset": {"name": "test", "version": "1"}, "reports": [], "places": [],
         "lockdowns": [], "incidents": []}


def corpus_text(report_id: str) -> dict:
    for report in json.loads(CORPUS.read_text(encoding="utf-8")):
        if report["id"] == report_id:
            return report
    raise KeyError(report_id)


def when(on: str | None, quote: str | None = None, report: str = "r", at: str | None = None,
         certainty: str = "stated", precision: int = 1, words: str | None = None,
         reasoning: str | None = None, latest: str | None = None) -> dict:
    if on is None:
        raw = {"certainty": "unknown", "reasoning": reasoning or "the report does not say"}
        if latest:
            raw["latest"] = latest
        if quote:
            raw["evidence"] = [{"report": report, "quote": quote}]
        return raw
    raw = {"certainty": certainty, "on": on, "precision": precision}
    if at:
        raw["at"] = at
    if words:
        raw["words"] = words
    if certainty == "inferred":
        raw["reasoning"] = reasoning or "worked out from the report's words"
    if quote:
        raw["evidence"] = [{"report": report, "quote": quote}]
    return raw


def draft(report_id: str, text: str, published: str, *, url: str | None = None,
          places: tuple[str, ...] = ("kp", "kp-ryanggang", "kp-hyesan"),
          lockdowns: list[dict] = (), title: str | None = None) -> Dataset:
    """A draft of one report. Each lockdown dict gives zone, quote and any dates/changes."""
    raw = json.loads(json.dumps(EMPTY))
    raw["reports"] = [{
        "id": report_id, "outlet": "Test outlet", "title": title or report_id,
        "url": url or f"https://example.org/{report_id}", "language": "en",
        "published": when(published, certainty="inferred", precision=1,
                          reasoning="the page's date"),
        "text": text}]
    raw["places"] = [dict(PLACES[p]) for p in places]
    for index, spec in enumerate(lockdowns):
        spec = dict(spec)
        quote = spec.pop("quote")
        record = {
            "id": spec.pop("id", f"{spec['zone'].removeprefix('kp-')}-{published[:7]}"),
            "zone": spec.pop("zone"), "scope": "the city",
            "ordered": spec.pop("ordered", when(None)),
            "effective": spec.pop("effective", when(None)),
            "announced_end": spec.pop("announced_end", when(None)),
            "actual_end": spec.pop("actual_end", when(None)),
            "changes": spec.pop("changes", []),
            "measures": [{"code": code, "evidence": [{"report": report_id, "quote": quote}]}
                         for code in spec.pop("measures", [])],
            "evidence": [{"report": report_id, "quote": quote}],
        }
        assert not spec, f"lockdowns[{index}]: unknown keys {spec}"
        raw["lockdowns"].append(record)
    return validate(_with_report(raw, report_id), f"draft {report_id}")


def _with_report(raw: object, report_id: str) -> object:
    """Point every evidence written with the placeholder report 'r' at ``report_id``."""
    if isinstance(raw, dict):
        return {k: (report_id if k == "report" and v == "r" else _with_report(v, report_id))
                for k, v in raw.items()}
    if isinstance(raw, list):
        return [_with_report(v, report_id) for v in raw]
    return raw


def empty() -> Dataset:
    return validate(json.loads(json.dumps(EMPTY)), "empty")
