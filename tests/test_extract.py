"""geo.extract on the founding report (English and Korean), the corpus, and bad input."""

# ruff: noqa: RUF001 - a Russian text, to be refused

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from click.testing import CliRunner
from shared_files import CORPUS, FOUNDING

from geo.cli import cli
from geo.dataset import SEED_DATASET, dumps_dataset, loads_dataset
from geo.errors import ReportTextError
from geo.extract import extract_report
from geo.model import Certainty

PUBLISHED = dt.date(2021, 11, 23)
SEED_MEASURES = {"travel_permits_suspended", "entry_banned", "markets_closed",
                 "enforcement_patrols", "violators_punished", "stay_at_home"}


def _korean_text() -> str:
    seed = yaml.safe_load(SEED_DATASET.read_text(encoding="utf-8"))
    return next(r["text"] for r in seed["reports"] if r["language"] == "ko")


def _texts() -> list[tuple[str, str]]:
    texts = [("ko", _korean_text())]
    if FOUNDING.exists():
        texts.append(("en", FOUNDING.read_text(encoding="utf-8")))
    return texts


@pytest.mark.parametrize(("language", "text"), _texts(), ids=lambda v: v if len(v) < 3 else "")
def test_founding_report_drafts_the_seed_lockdown(language, text):
    draft = extract_report(text, published=PUBLISHED, outlet="Daily NK")
    assert draft.language == language
    [lockdown] = draft.dataset.lockdowns
    assert lockdown.zone == "kp-kimhyongjik-county"
    assert (lockdown.ordered.on, lockdown.ordered.at) == (dt.date(2021, 11, 19), dt.time(10, 0))
    assert lockdown.effective.on == dt.date(2021, 11, 19)
    assert lockdown.announced_end.on == dt.date(2021, 12, 4)
    assert lockdown.actual_end.certainty is Certainty.UNKNOWN
    codes = {m.code for m in lockdown.measures}
    # The Korean text has no sentence keeping people at home; the English one does.
    assert codes == (SEED_MEASURES if language == "en" else SEED_MEASURES - {"stay_at_home"})
    trigger = draft.dataset.incident(lockdown.trigger)
    assert (trigger.when.on, trigger.when.at) == (dt.date(2021, 11, 18), dt.time(21, 0))
    for when in (lockdown.ordered, lockdown.effective, lockdown.announced_end, trigger.when):
        assert when.evidence and all(e.quote in text for e in when.evidence)


def _corpus() -> list[dict]:
    if not CORPUS.exists():
        return []
    return json.loads(CORPUS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("report", _corpus(), ids=lambda r: r["id"])
def test_every_corpus_draft_validates_and_quotes_its_report(report):
    published = dt.date.fromisoformat(report["published"] or report["published_range"][0])
    draft = extract_report(report["text"], published=published, outlet=report["outlet"],
                           url=report["url"])
    loads_dataset(dumps_dataset(draft.dataset), report["id"])
    quotes = [e.quote for ld in draft.dataset.lockdowns for e in ld.evidence]
    quotes += [e.quote for ld in draft.dataset.lockdowns for m in ld.measures
               for e in m.evidence]
    assert all(q in report["text"] for q in quotes)
    for highlight in draft.highlights:
        assert 0 <= highlight.start < highlight.end <= len(report["text"])


def test_a_report_without_a_lockdown_gives_a_valid_draft_of_just_the_report():
    draft = extract_report("The harvest in North Hamgyong Province was poor this year, "
                           "farmers told reporters.", published=PUBLISHED)
    assert draft.dataset.lockdowns == () and len(draft.dataset.reports) == 1
    assert any("no lockdown" in f for f in draft.findings)
    loads_dataset(dumps_dataset(draft.dataset))


def test_a_denied_lockdown_is_not_drafted():
    draft = extract_report("A source in Hyesan said there has been no lockdown in Hyesan so far, "
                           "and markets are open.", published=PUBLISHED)
    assert draft.dataset.lockdowns == ()
    assert any("denies" in f for f in draft.findings)


def test_a_lockdown_without_a_start_is_in_force_by_the_publication_day():
    draft = extract_report("Hyesan has been under lockdown, residents say. Markets are closed.",
                           published=PUBLISHED)
    [lockdown] = draft.dataset.lockdowns
    assert lockdown.effective.on is None and lockdown.effective.latest == PUBLISHED
    assert [m.code for m in lockdown.measures] == ["markets_closed"]


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"),
    ("   \n  ", "empty"),
    ("12 34 -- 56", "letters"),
    ("abc\x00def" * 10, "binary"),
    ("Это сообщение на русском языке о карантине в городе и области." * 3, "neither"),
])
def test_bad_text_is_explained(text, message):
    with pytest.raises(ReportTextError, match=message):
        extract_report(text)


def test_cli_writes_a_valid_draft_and_refuses_a_bad_date(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(_korean_text(), encoding="utf-8")
    out = tmp_path / "draft.yaml"
    runner = CliRunner()
    bad = runner.invoke(cli, ["extract", str(report), "--published", "23/11/2021", "-o", str(out)])
    assert bad.exit_code != 0 and "not a date" in bad.output and not out.exists()
    ok = runner.invoke(cli, ["extract", str(report), "--published", "2021-11-23", "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    assert "Kimhyŏngjik-kun" in ok.output
    assert runner.invoke(cli, ["validate", str(out)]).exit_code == 0


def test_cli_explains_a_binary_file_and_writes_nothing(tmp_path):
    report = tmp_path / "r.bin"
    report.write_bytes(b"\x89PNG\x00\x00binary")
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(cli, ["extract", str(report), "-o", str(out)])
    assert result.exit_code == 2 and "binary" in result.output and not out.exists()
    assert "Traceback" not in result.output
