"""Bad input: every problem is found at once and each message names the file, record,
field, bad value and the fix."""

import pytest

from geo.errors import DatasetError
from geo.validate import validate

SOURCE = "broken.yaml"


def problems(raw) -> list[str]:
    with pytest.raises(DatasetError) as info:
        validate(raw, SOURCE)
    assert isinstance(info.value, ValueError)  # also a built-in ValueError
    return [str(p) for p in info.value.problems]


def only(raw) -> str:
    found = problems(raw)
    assert len(found) == 1, found
    return found[0]


def lockdown(raw):
    return raw["lockdowns"][0]


def test_the_seed_records_are_valid(seed_raw):
    assert validate(seed_raw, SOURCE).lockdowns[0].id == "kimhyongjik-2021-11"


def test_unknown_measure_code(seed_raw):
    lockdown(seed_raw)["measures"][0]["code"] = "curfew_total"
    message = only(seed_raw)
    assert message.startswith("broken.yaml: lockdowns[0] (id kimhyongjik-2021-11), "
                              "field 'measures[0].code': unknown measure code")
    assert "'curfew_total'" in message and "markets_closed" in message


def test_unknown_place(seed_raw):
    lockdown(seed_raw)["zone"] = "kp-atlantis"
    message = only(seed_raw)
    assert "field 'zone': unknown place (got 'kp-atlantis')" in message
    assert "kp-kimhyongjik-county" in message


def test_end_before_start(seed_raw):
    lockdown(seed_raw)["announced_end"]["on"] = "2021-11-01"
    message = only(seed_raw)
    assert "field 'announced_end.on': ends before it took effect (2021-11-19)" in message
    assert "'2021-11-01'" in message


def test_ordered_after_it_took_effect(seed_raw):
    lockdown(seed_raw)["ordered"]["on"] = "2021-11-20"
    assert "field 'ordered.on': ordered after it took effect" in only(seed_raw)


def test_date_that_does_not_parse(seed_raw):
    lockdown(seed_raw)["effective"]["on"] = "19 Nov"
    found = problems(seed_raw)
    assert any("field 'effective.on': not a date (got '19 Nov'). Fix: write it as YYYY-MM-DD"
               in p for p in found), found


def test_impossible_calendar_date(seed_raw):
    seed_raw["incidents"][0]["when"]["on"] = "2021-11-31"
    assert "field 'when.on': not a date (got '2021-11-31')" in only(seed_raw)


def test_unquoted_time_read_as_a_number(seed_raw):
    lockdown(seed_raw)["ordered"]["at"] = 600  # what YAML 1.1 makes of an unquoted 10:00
    message = only(seed_raw)
    assert "field 'ordered.at': not a time of day (got 600)" in message
    assert "put the time in quotes" in message


def test_quote_not_in_report(seed_raw):
    lockdown(seed_raw)["measures"][2]["evidence"][0]["quote"] = "markets were closed for good"
    message = only(seed_raw)
    assert "field 'measures[2].evidence[0].quote': quote does not occur in report " \
           "dailynk-en-2021-11-kimhyongjik" in message
    assert "copy the words exactly" in message


def test_evidence_from_unknown_report(seed_raw):
    lockdown(seed_raw)["evidence"][0]["report"] = "rfa-2021"
    assert "field 'evidence[0].report': unknown report (got 'rfa-2021')" in only(seed_raw)


def test_duplicate_id(seed_raw):
    seed_raw["places"][1]["id"] = "kp"
    found = problems(seed_raw)
    assert any("places[1] (id kp), field 'id': duplicate id (also places[0])" in p
               for p in found), found


def test_wrong_type(seed_raw):
    seed_raw["places"][0]["aliases"] = "DPRK"
    assert "field 'aliases': expected a list of text (got 'DPRK')" in only(seed_raw)


def test_missing_required_field(seed_raw):
    del seed_raw["reports"][0]["outlet"]
    message = only(seed_raw)
    assert "reports[0] (id dailynk-en-2021-11-kimhyongjik), field 'outlet': required field is " \
           "missing. Fix:" in message
    assert "add 'outlet: ...'" in message


def test_unknown_field_is_named_with_the_known_ones(seed_raw):
    seed_raw["incidents"][0]["victim"] = "Choe"
    message = only(seed_raw)
    assert "field 'victim': unknown field" in message and "who" in message


def test_unknown_enum_value(seed_raw):
    seed_raw["places"][2]["kind"] = "prefecture"
    message = only(seed_raw)
    assert "field 'kind': not a known PlaceKind (got 'prefecture')" in message
    assert "province" in message


def test_precision_out_of_range(seed_raw):
    seed_raw["incidents"][0]["precision"] = 7
    assert "field 'precision': not a LocationPrecision (got 7). Fix: use 1 = town" \
        in only(seed_raw)


def test_inferred_date_needs_reasoning(seed_raw):
    del lockdown(seed_raw)["effective"]["reasoning"]
    assert "field 'effective.reasoning': an inferred date needs its reasoning" in only(seed_raw)


def test_unknown_date_with_a_date(seed_raw):
    lockdown(seed_raw)["actual_end"]["on"] = "2021-12-04"
    found = problems(seed_raw)
    assert any("field 'actual_end.on': a date is given but certainty is 'unknown' "
               "(got '2021-12-04')" in p for p in found), found


def test_unknown_trigger_incident(seed_raw):
    lockdown(seed_raw)["trigger"] = "nobody"
    assert "field 'trigger': unknown incident (got 'nobody')" in only(seed_raw)


def test_bad_id_characters(seed_raw):
    seed_raw["incidents"][2]["id"] = "Choe Money!"
    assert "field 'id': not a valid id (got 'Choe Money!')" in only(seed_raw)


def test_bad_country_code(seed_raw):
    seed_raw["places"][1]["country"] = "China"
    assert "field 'country': not an ISO 3166-1 alpha-2 code (got 'China')" in only(seed_raw)


def test_measure_without_evidence(seed_raw):
    lockdown(seed_raw)["measures"][0]["evidence"] = []
    assert "field 'measures[0].evidence': no evidence given" in only(seed_raw)


def test_non_http_report_url(seed_raw):
    seed_raw["reports"][0]["url"] = "javascript:alert(1)"
    assert "field 'url': not a web address (got 'javascript:alert(1)')" in only(seed_raw)


def test_record_that_is_not_a_mapping(seed_raw):
    seed_raw["incidents"].append("a crossing at Hyesan")
    last = len(seed_raw["incidents"]) - 1
    assert f"incidents[{last}]: expected a mapping of fields, got str" in only(seed_raw)


def test_top_level_not_a_mapping():
    assert "top level: not a Lockdown Map dataset (it has no 'dataset:' block)" in only(
        ["reports"])


def test_every_problem_is_reported_at_once(seed_raw):
    lockdown(seed_raw)["zone"] = "nowhere"
    lockdown(seed_raw)["measures"][0]["code"] = "nope"
    seed_raw["incidents"][0]["when"]["on"] = "yesterday"
    seed_raw["places"][1]["id"] = "kp"
    found = problems(seed_raw)
    assert len(found) == 4, found


# --- gaps found by hostile input (issue 13) --------------------------------------

def place(raw, place_id):
    return next(p for p in raw["places"] if p["id"] == place_id)


def test_a_place_that_is_its_own_parent(seed_raw):
    place(seed_raw, "kp-ryanggang")["parent"] = "kp-ryanggang"
    message = only(seed_raw)
    assert "places[2] (id kp-ryanggang), field 'parent': the place is its own parent" in message


def test_a_parent_chain_that_loops_is_reported_once(seed_raw):
    place(seed_raw, "kp-ryanggang")["parent"] = "kp-kimhyongjik-county"
    message = only(seed_raw)
    assert ("the parent chain loops (kp-ryanggang → kp-kimhyongjik-county → kp-ryanggang)"
            in message)


def test_a_lifting_before_the_lockdown_took_effect(seed_raw):
    change = {**lockdown(seed_raw)["changes"][0], "kind": "lifted"}
    change["when"] = {**change["when"], "on": "2021-01-19"}
    lockdown(seed_raw)["changes"].append(change)
    message = only(seed_raw)
    assert "field 'changes[1].when.on': lifted before it took effect (2021-11-19)" in message


@pytest.mark.parametrize("bad", ["kimhyongjik-2021-11\n", "x\n\n", "ok\r"])
def test_an_id_with_a_trailing_newline_is_not_valid(seed_raw, bad):
    seed_raw["incidents"][0]["id"] = bad
    assert "not a valid id" in "\n".join(problems(seed_raw))


@pytest.mark.parametrize("raw", [{"reports": []}, {"dataset": None, "reports": []},
                                 {"dataset": "x", "reports": [], "places": []}],
                         ids=["no-block", "empty-block", "text-block"])
def test_no_message_shows_an_internal_sentinel(raw):
    text = "\n".join(problems(raw))
    assert "object object" not in text and "<object" not in text


@pytest.mark.parametrize(("day", "field"), [
    ("2921-12-04", "announced_end.on"), ("9999-12-31", "announced_end.on"),
    ("0001-01-01", "ordered.on"), ("1899-12-31", "ordered.on")])
def test_a_date_outside_the_plausible_years(seed_raw, day, field):
    lockdown(seed_raw)[field.split(".")[0]]["on"] = day
    text = "\n".join(problems(seed_raw))
    assert f"field '{field}': outside the years 1900 to 2099 a report can speak of " \
           f"(got '{day}')" in text


def test_a_start_known_only_by_its_bound_is_valid(seed_raw):
    lockdown(seed_raw)["effective"] = {"certainty": "unknown", "latest": "2021-11-23",
                                       "reasoning": "in force by the day the source spoke"}
    lockdown(seed_raw)["ordered"] = {"certainty": "unknown"}
    when = validate(seed_raw, SOURCE).lockdowns[0].effective
    assert when.on is None and str(when.latest) == "2021-11-23"
    assert when.label() == "unknown (by 2021-11-23)"


def test_a_start_known_to_the_month_does_not_contradict_an_order_in_it(seed_raw):
    lockdown(seed_raw)["effective"].update({"on": "2021-11-01", "precision": 3})
    assert validate(seed_raw, SOURCE).lockdowns[0].effective.precision == 3


def test_bounds_that_contradict_each_other(seed_raw):
    lockdown(seed_raw)["effective"].update({"earliest": "2021-11-30", "latest": "2021-11-20"})
    assert "field 'effective.earliest': after the latest bound (2021-11-20)" in only(seed_raw)


def test_a_lockdown_with_no_date_at_all(seed_raw):
    entry = lockdown(seed_raw)
    for name in ("ordered", "effective", "announced_end", "actual_end"):
        entry[name] = {"certainty": "unknown"}
    entry["changes"] = []
    message = only(seed_raw)
    assert "field 'effective': no date at all" in message and "latest:" in message


def test_a_report_may_come_without_an_address(seed_raw):
    del seed_raw["reports"][0]["url"]
    assert validate(seed_raw, SOURCE).reports[0].url is None
