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
