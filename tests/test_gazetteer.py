"""The offline gazetteer: spellings, ambiguity, errors, stored data."""

# ruff: noqa: RUF001 - place names need their real apostrophes and dashes

from __future__ import annotations

import pytest

from geo.errors import InvalidQuery, PlaceNotFound
from geo.gazetteer import base_key, key, load_gazetteer, mr_to_rr

KIM = {"kp-kimhyongjik-town", "kp-kimhyongjik-county"}
HYESAN = {"kp-hyesan", "kp-hyesan-si"}
SAMJIYON = {"kp-samjiyon", "kp-samjiyon-county"}

# Real spellings from reports and reference works -> the ids they must reach.
VARIANTS = [
    ("Kimhyŏngjik", KIM), ("Kimhyongjik", KIM), ("kimhyongjik", KIM),
    ("Kimhyongjik-kun", {"kp-kimhyongjik-county"}),
    ("Kimhyŏngjik-kun", {"kp-kimhyongjik-county"}),
    ("Kimhyongjik County", {"kp-kimhyongjik-county"}), ("Kimhyongjok", KIM),
    ("Huch'ang", KIM), ("Huch’ang", KIM), ("Huchang", KIM),
    ("Huchang County", {"kp-kimhyongjik-county"}), ("후창군", {"kp-kimhyongjik-county"}),
    ("김형직군", {"kp-kimhyongjik-county"}), ("Gimhyeongjik-gun", {"kp-kimhyongjik-county"}),
    ("Kimhyŏngjik-ŭp", {"kp-kimhyongjik-town"}), ("Huch'ang-ŭp", {"kp-kimhyongjik-town"}),
    ("Kim Hyong Jik", KIM),
    ("Hyesan", HYESAN), ("혜산", HYESAN), ("Hyesan-si", HYESAN), ("Hyesan City", HYESAN),
    ("HYESAN", HYESAN), ("hyesan si", HYESAN),
    ("Samjiyŏn", SAMJIYON), ("Samjiyon", SAMJIYON), ("Samjiyeon", SAMJIYON),
    ("삼지연", SAMJIYON), ("Samjiyon-up", SAMJIYON),
    ("Ryanggang", {"kp-ryanggang"}), ("Ryanggang-do", {"kp-ryanggang"}),
    ("Yanggang Province", {"kp-ryanggang"}), ("량강도", {"kp-ryanggang"}),
    ("양강도", {"kp-ryanggang"}), ("Ryanggang Province", {"kp-ryanggang"}),
    ("Yanggang-do", {"kp-ryanggang"}),
    ("Amnok", {"yalu-river"}), ("Amnokkang", {"yalu-river"}), ("Yalu River", {"yalu-river"}),
    ("Yalu", {"yalu-river"}), ("鸭绿江", {"yalu-river"}), ("압록강", {"yalu-river"}),
    ("Amnok River", {"yalu-river"}),
    ("Changbai", {"cn-changbai"}), ("Badaogou", {"cn-badaogou"}),
]


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize(("query", "expected"), VARIANTS)
def test_spelling_variants_resolve(gaz, query, expected):
    best = gaz.lookup(query)[0]
    assert best.entry.id in expected, (query, [m.entry.id for m in gaz.lookup(query)])


def test_at_least_thirty_variants():
    assert len(VARIANTS) >= 30


@pytest.mark.parametrize(("query", "expected"), [
    ("Kimhyongjk", KIM), ("Hyesn", HYESAN), ("Samjyon", SAMJIYON), ("Ryangang", {"kp-ryanggang"}),
    ("Kimhyongjikkun", {"kp-kimhyongjik-county"}),
])
def test_fuzzy_fallback_reports_score(gaz, query, expected):
    best = gaz.lookup(query)[0]
    assert best.entry.id in expected
    assert best.method in ("fuzzy", "normalised")
    assert 80 <= best.score <= 100


def test_ambiguity_is_reported(gaz):
    ids = [m.entry.id for m in gaz.lookup("Hyesan")]
    assert ids[0] == "kp-hyesan"
    assert "kp-hyesan-dong" in ids and "kp-hyesan-si" in ids


def test_required_ids_exist(gaz):
    for entry_id in ("kp", "cn", "kp-ryanggang", "kp-kimhyongjik-county", "kp-kimhyongjik-town",
                     "kp-hyesan", "cn-changbai", "cn-badaogou", "yalu-river", "cn-kp-border",
                     "cn-northeast", "kp-samjiyon", "kp-pochon-county", "cn-linjiang"):
        assert gaz.get(entry_id).id == entry_id


def test_country_is_stored_data(gaz):
    # Natural Earth would put these on the wrong side; the gazetteer must not.
    assert gaz.get("kp-hyesan").country == "KP"
    assert gaz.get("cn-changbai").country == "CN"
    assert gaz.get("cn-badaogou").country == "CN"
    assert gaz.get("kp-chunggang").country == "KP"


def test_kimhyongjik_seat_record(gaz):
    seat = gaz.get("kp-kimhyongjik-town")
    assert (seat.lat, seat.lon) == (41.5071, 127.2683)
    assert seat.parent == "kp-kimhyongjik-county" and seat.precision == 1
    assert "authored" in seat.source


def test_every_entry_has_source_and_precision(gaz):
    assert len(gaz) > 200
    for e in gaz.entries:
        assert e.source and e.precision in (1, 2, 3), e
        assert e.id.islower() and " " not in e.id


def test_unknown_name_gives_suggestions(gaz):
    with pytest.raises(PlaceNotFound) as info:
        gaz.lookup("Qwertyuiopzzz")
    assert info.value.suggestions
    assert "closest" in str(info.value)


def test_get_unknown_id_raises_place_not_found(gaz):
    with pytest.raises(PlaceNotFound) as info:
        gaz.get("kp-hyesam")
    assert "kp-hyesan" in info.value.suggestions


@pytest.mark.parametrize("query", ["", "   ", "!!!", "-- ''", None, 42, "x" * 500])
def test_empty_or_garbage_query(gaz, query):
    with pytest.raises(InvalidQuery):
        gaz.lookup(query)


def test_normalisation():
    assert key("Kimhyŏngjik-kun") == key("kimhyongjik kun") == "kimhyongjikkun"
    assert base_key("Huch'ang County") == base_key("Huch’ang-gun") == "huchang"
    assert base_key("김형직군") == "김형직"
    assert mr_to_rr("Kimhyŏngjik-kun") == "gimhyeongjik-gun"
    assert mr_to_rr("Poch'ŏn") == "bocheon"


def test_nearest_is_metric(gaz):
    entry, metres = gaz.nearest(41.5071, 127.2683, kinds=frozenset({"town"}))[0]
    assert entry.id == "kp-kimhyongjik-town" and metres < 1


@pytest.mark.parametrize(("query", "expected"), [
    ("Kangown", "kp-kangwon"),  # two letters swapped: one slip, not two (Kangsŏn)
    ("Chungjin", "kp-chongjin"),
])
def test_fuzzy_counts_a_swap_as_one_slip(gaz, query, expected):
    assert gaz.lookup_fuzzy(query)[0].entry.id == expected


@pytest.mark.parametrize(("query", "expected"), [
    # Suffix run in (towns with no county-level entry: "Chongjinsi" spells the city
    # Ch'ŏngjin-si itself).
    ("Hungnamsi", "kp-hungnam"), ("Sinanjucity", "kp-sinanju"),
    ("Musan-eyp", "kp-musan"), ("Hyesan Ciyt", "kp-hyesan"),  # suffix misspelt
])
def test_fuzzy_drops_a_fused_or_misspelt_suffix(gaz, query, expected):
    best = gaz.lookup(query)[0]
    assert best.entry.id == expected and best.method == "fuzzy"


def test_guessed_suffix_ranks_below_a_whole_name(gaz):
    # "Sindo" minus a guessed "-do" is "Sin" (Sin-ni): listed, but after Sindo itself.
    ids = [m.entry.id for m in gaz.lookup_fuzzy("Sindo")]
    assert ids[0] == "kp-sindo" and "kp-sil-li" in ids


@pytest.mark.parametrize(("query", "expected", "other"), [
    ("Kogsan", "kp-koksan", "kp-kosan"),  # g for k beats a dropped k
    ("Dongchon-up", "kp-tongchon", "kp-pongchon"),  # d for t beats d for p
    ("Shinni", "kp-sil-li", "kp-pyongsong"),  # sh for s beats h for a
])
def test_romanisation_variant_wins_a_tie(gaz, query, expected, other):
    matches = gaz.lookup_fuzzy(query)
    assert matches[0].entry.id == expected
    tied = {m.entry.id for m in matches if m.score == matches[0].score}
    assert other in tied  # same edit distance: still offered as an alternative


def test_suffix_guesses_and_sound_key():
    from geo.gazetteer.names import loose_base_key, sound_key, suffix_guesses

    assert suffix_guesses("Hyesansi") == {"hyesan"}
    assert suffix_guesses("Hyesan") == set()
    assert loose_base_key("Musan-epu") == "musan"
    assert loose_base_key("Musan-pu") == "musanpu"  # two-letter words are not guessed at
    assert sound_key(key("Gyeongseong")) == sound_key(key("Kyongsong"))
