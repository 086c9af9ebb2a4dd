"""Measure rules: how reports word each restriction, English and Korean."""

import pytest

from geo.extract.measures import find_measures
from geo.measures import MEASURE_TYPES


@pytest.mark.parametrize(("language", "sentence", "codes"), [
    ("en", "Residents are unable to leave their homes.", {"stay_at_home"}),
    ("en", "The authorities closed markets and shops.", {"markets_closed"}),
    ("en", "The order suspended travel permits for the county.", {"travel_permits_suspended"}),
    ("en", "Vehicles and persons were banned from entering the town.", {"entry_banned"}),
    ("en", "Anyone violating the rules is punished with forced labor.", {"violators_punished"}),
    ("en", "Joint enforcement teams patrol the streets day and night.", {"enforcement_patrols"}),
    ("en", "A complete lockdown and isolation of each district from the other.",
     {"movement_restricted"}),
    ("en", "Nurses with symptoms were put into isolation.", {"individual_isolation"}),
    ("en", "Military units were put into group quarantine.", set()),
    ("en", "The couple was sentenced to hard labor for selling medicine.", set()),
    ("en", "Temperature checks continue at the station.", set()),
    ("ko", "시장 운영도 중단됐다.", {"markets_closed"}),
    ("ko", "여행증명서 발급과 차량 및 인원 출입도 차단됐고",
     {"travel_permits_suspended", "entry_banned"}),
    ("ko", "사람뿐 아니라 차량도 일절 다니지 못하게 도시 전체를 봉쇄해", {"vehicles_banned"}),
    ("ko", "“절대 집 밖으로 나오지 말라”는 봉쇄령", {"stay_at_home"}),
    ("ko", "방역 수칙을 어기는 경우 노동단련대 처벌을 적용한다", {"violators_punished"}),
    ("ko", "구역별, 지역별 격리, 검진사업이 진행되고 있다", {"movement_restricted",
                                                  "individual_isolation"}),
])
def test_measures(language, sentence, codes):
    found = find_measures(sentence, 100, language)
    assert {m.code for m in found} == codes
    for m in found:
        assert m.code in MEASURE_TYPES and 100 <= m.start < m.end <= 100 + len(sentence)


# OxCGRT C6, "stay at home requirements": people required not to leave their homes.
# The ways reports say so, and near misses that say something else.
@pytest.mark.parametrize(("language", "sentence", "stay_home"), [
    ("en", "Residents cannot go outside at all.", True),
    ("en", "People couldn't leave their houses for ten days.", True),
    ("en", "Everyone was ordered to stay indoors.", True),
    ("en", "Families are confined to their apartments.", True),
    ("en", "The order bans going outside except to fetch water.", True),
    ("en", "No one was allowed to leave their homes.", True),
    ("en", "There are no bans on going outside.", False),
    ("en", "People could not leave the city.", False),  # the city, not the home: C7
    ("en", "Residents were advised to stay indoors because of yellow dust.", False),
    ("ko", "주민들은 집 밖으로 나갈 수 없고 식량도 떨어졌다.", True),
    ("ko", "혜산시 전역에 외출이 전면 금지됐다.", True),
    ("ko", "주민들은 집에만 머물러야 한다.", True),
    ("ko", "집에서 나오지 말라는 지시가 내려졌다.", True),
    ("ko", "주민들은 외출할 수 없는 상황이다.", True),
    ("ko", "외출 금지령이 내려졌다.", True),
    ("ko", "문 밖 출입이 통제됐다.", True),
    ("ko", "외출이 금지되지는 않았다.", False),
    ("ko", "주민들은 시 밖으로 나갈 수 없다.", False),  # the city, not the home: C7
    ("ko", "황사를 이유로 외출 자제령을 내렸다.", False),  # an advisory
])
def test_stay_at_home_phrasings(language, sentence, stay_home):
    codes = {m.code for m in find_measures(sentence, 0, language)}
    assert ("stay_at_home" in codes) is stay_home, codes

