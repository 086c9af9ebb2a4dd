"""The bundled seed data: valid, canonical, and every quote verbatim in its report."""

from geo.dataset import SEED_DATASET, dumps_dataset
from geo.model import Certainty


def _all_evidence(dataset):
    for place in dataset.places:
        yield from place.evidence
    for lockdown in dataset.lockdowns:
        yield from lockdown.evidence
        for when in (lockdown.ordered, lockdown.effective, lockdown.announced_end,
                     lockdown.actual_end):
            yield from when.evidence
        for measure in lockdown.measures:
            yield from measure.evidence
        for change in lockdown.changes:
            yield from change.when.evidence
    for incident in dataset.incidents:
        yield from incident.evidence
        yield from incident.when.evidence
    for report in dataset.reports:
        yield from report.published.evidence


def test_every_quote_occurs_verbatim_in_its_report(seed):
    texts = {report.id: report.text for report in seed.reports}
    evidence = list(_all_evidence(seed))
    assert len(evidence) > 30
    for item in evidence:
        assert item.quote in texts[item.report], item.quote


def test_seed_file_is_in_canonical_form(seed):
    assert dumps_dataset(seed) == SEED_DATASET.read_text(encoding="utf-8")


def test_founding_report_metadata(seed):
    report = seed.report("dailynk-en-2021-11-kimhyongjik")
    assert report.outlet == "Daily NK"
    assert report.title == "North Korea puts Kimhyongjik County under lockdown amid COVID-19 fears"
    assert report.url == ("https://www.dailynk.com/english/north-korea-puts-kimhyongjik-county-"
                          "under-lockdown-amid-covid-19-fears/")
    assert report.language == "en"


def test_kimhyongjik_lockdown_dates_keep_their_words_and_reasoning(seed):
    (lockdown,) = seed.lockdowns
    assert lockdown.zone == "kp-kimhyongjik-county"
    assert (lockdown.ordered.on.isoformat(), lockdown.ordered.at.isoformat()) == \
        ("2021-11-19", "10:00:00")
    assert lockdown.ordered.words == "at 10 AM the next day"
    assert lockdown.effective.on.isoformat() == "2021-11-19"
    assert lockdown.announced_end.on.isoformat() == "2021-12-04"
    assert lockdown.actual_end.certainty is Certainty.UNKNOWN and lockdown.actual_end.on is None
    # The report gives no year: every date says it was inferred and why.
    for when in (lockdown.ordered, lockdown.effective, lockdown.announced_end):
        assert when.certainty is Certainty.INFERRED
        assert "2021" in when.reasoning


def test_the_trigger_is_choes_crossing_last_thursday(seed):
    (lockdown,) = seed.lockdowns
    crossing = seed.incident(lockdown.trigger)
    assert crossing.kind == "border_crossing"
    assert crossing.when.words == "At 9 PM last Thursday"
    assert crossing.when.on.strftime("%A") == "Thursday"
    assert crossing.when.at.hour == 21
    assert "Choe" in crossing.who


def test_each_measure_the_report_states_is_coded(seed):
    (lockdown,) = seed.lockdowns
    codes = {m.code for m in lockdown.measures}
    assert codes == {"travel_permits_suspended", "entry_banned", "markets_closed",
                     "enforcement_patrols", "violators_punished", "stay_at_home"}
    markets = next(m for m in lockdown.measures if m.code == "markets_closed")
    assert any("closed markets" in e.quote for e in markets.evidence)


def test_the_whole_english_text_adds_choes_isolation_and_the_yalu(seed):
    isolation = seed.incident("choe-isolation-2021-11-19")
    assert isolation.when.words == "last Friday"
    assert isolation.when.on.strftime("%A %Y-%m-%d") == "Friday 2021-11-19"
    assert "30 days in isolation" in isolation.evidence[0].quote
    assert "Ministry of State Security" in isolation.description
    yalu = seed.place("yalu-river")
    assert yalu.evidence[0].quote == ("Kimhyongjik County sits across the Yalu River from "
                                      "northeastern China.")
