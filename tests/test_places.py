"""Places: gazetteer, datelines, countries as places, places implied by organisations and
place patterns for places outside the gazetteer. Texts are composed for the tests."""
from __future__ import annotations

import pytest

from pipelines.language.entities import analyse_actors
from pipelines.language.entities.catalog import catalog


def places(text):
    analysis = analyse_actors(text)
    return analysis, [(p.location_id, p.surface, p.is_dateline) for p in analysis.places]


@pytest.mark.parametrize("opening, surface", [
    ("Jakarta: Polisi menangkap dua orang.", "Jakarta"),
    ("Jakarta - Polisi menangkap dua orang.", "Jakarta"),
    ("JAKARTA, Senin (14/4/2025) - Polisi menangkap dua orang.", "JAKARTA"),
    ("Batam (ANTARA) - Polisi menangkap dua orang.", "Batam"),
    ("Judul Berita Singkat\nPhnom Penh – Polisi menangkap dua orang.", "Phnom Penh"),
    ("Liputan6.com, Surabaya - Polisi menangkap dua orang.", "Surabaya"),
])
def test_dateline(opening, surface):
    analysis, found = places(opening)
    datelines = [(loc, s) for loc, s, is_dateline in found if is_dateline]
    assert len(datelines) == 1 and datelines[0][1] == surface
    assert analysis.locations[datelines[0][0]].origin == "seed"


@pytest.mark.parametrize("text", ["Berikut: daftar korban yang dipulangkan.",
                                  "Jakarta menjadi tempat pertemuan itu.",
                                  "Pertemuan di Jakarta: semua sepakat."])
def test_no_dateline_where_there_is_none(text):
    _, found = places(text)
    assert not any(is_dateline for _, _, is_dateline in found)


def test_gazetteer_places_of_the_scam_hubs():
    text = ("Para korban dijanjikan kerja di Sihanoukville, tetapi dibawa ke Myawaddy lewat Mae Sot, "
            "lalu dipindah ke Shwe Kokko dan KK Park.")
    analysis, found = places(text)
    assert [loc for loc, _, _ in found] == ["loc:sihanoukville", "loc:myawaddy", "loc:mae-sot",
                                            "loc:shwe-kokko", "loc:kk-park"]
    assert {analysis.locations[loc].country_code for loc, _, _ in found} == {"KHM", "MMR", "THA"}


def test_country_after_a_location_preposition_is_also_a_place():
    analysis, found = places("Enam WNI dipulangkan dari Kamboja. Pemerintah Kamboja membantu.")
    assert [loc for loc, _, _ in found] == ["loc:khm"]
    country_mentions = [m for m in analysis.mentions if m.actor_id == "ctry:KHM"]
    assert len(country_mentions) == 2
    assert analysis.locations["loc:khm"].feature_type == "country"


def test_organisation_name_implies_its_place():
    analysis = analyse_actors("Kasus itu ditangani Polres Metro Bekasi sejak Maret.")
    bekasi = [p for p in analysis.places if p.location_id == "loc:bekasi"]
    assert [(p.surface, p.within_actor_id) for p in bekasi] == [("Bekasi", "org:polres-metro-bekasi")]


def test_place_patterns_use_the_gazetteer_when_they_can():
    _, found = places("Keduanya ditangkap di Bandara Hang Nadim saat hendak terbang.")
    assert [(loc, s) for loc, s, _ in found] == [("loc:bandara-hang-nadim", "Bandara Hang Nadim")]


def test_place_patterns_create_places_outside_the_gazetteer():
    analysis, found = places("Rapat digelar di Gedung Merdeka Utama, Bandung, lalu jamuan di Hotel Sunrise.")
    by_surface = {s: loc for loc, s, _ in found}
    building = analysis.locations[by_surface["Gedung Merdeka Utama"]]
    hotel = analysis.locations[by_surface["Hotel Sunrise"]]
    assert (building.origin, building.feature_type, building.country_code) == ("text", "building", "IDN")
    assert (hotel.origin, hotel.country_code) == ("text", None)
    assert by_surface["Bandung"] == "loc:bandung"


def test_every_gazetteer_entry_is_complete():
    locations = catalog().locations
    assert len(locations) > 150
    for location in locations.values():
        assert location.location_id.startswith("loc:")
        assert location.feature_type
        if location.feature_type != "region":
            assert location.country_code and len(location.country_code) == 3, location
        if location.latitude is not None:
            assert -90 <= location.latitude <= 90 and -180 <= location.longitude <= 180


@pytest.mark.parametrize("name, country, lat, lon", [
    ("Phnom Penh", "KHM", 11.56, 104.92), ("Poipet", "KHM", 13.66, 102.56),
    ("Myawaddy", "MMR", 16.69, 98.51), ("Entikong", "IDN", 1.03, 110.35),
    ("Nunukan", "IDN", 4.14, 117.66), ("Tawau", "MYS", 4.25, 117.89),
])
def test_key_coordinates(name, country, lat, lon):
    cat = catalog()
    location = cat.locations[cat.place_names[tuple(name.split())]]
    assert location.country_code == country
    assert abs(location.latitude - lat) < 0.1 and abs(location.longitude - lon) < 0.1
