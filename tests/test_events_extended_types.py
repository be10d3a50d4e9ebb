"""The extended event vocabulary end to end (date tagger + actor recogniser + events), on
sentences written for these tests, and the words that name no event of the type they suggest."""
from __future__ import annotations

import datetime as dt

import pytest

from pipelines.language.document import analyse_document

ANCHOR = dt.date(2025, 6, 20)


def _types(text: str) -> list[str]:
    return [e.event_type for e in analyse_document(text, ANCHOR).events]


def _event(text: str, event_type: str):
    found = [e for e in analyse_document(text, ANCHOR).events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in analyse_document(text, ANCHOR).events]
    return found[0]


@pytest.mark.parametrize("text, event_type, plover", [
    ("Polres Bogor menyita 2 kilogram sabu dari sebuah rumah kontrakan pada Senin (16/6/2025).", "seizure", "COERCE"),
    ("Seorang pengusaha asal Medan diculik di Kuala Lumpur pada Minggu (15/6/2025).", "kidnapping", "ASSAULT"),
    ("Direktur perusahaan itu ditetapkan sebagai tersangka oleh Polda Riau pada Selasa (17/6/2025).", "charge",
     "ACCUSE"),
    ("Bareskrim Polri menyelidiki aliran dana judi daring itu sejak Mei 2025.", "investigation", "ACCUSE"),
    ("Ribuan buruh berunjuk rasa di depan Gedung DPR pada Rabu (18/6/2025).", "protest", "PROTEST"),
    ("Kementerian Luar Negeri mengecam penembakan nelayan Indonesia oleh kapal patroli asing pada "
     "Kamis (19/6/2025).", "accusation", "ACCUSE"),
    ("Pemerintah Kabupaten Cianjur menyalurkan bantuan kepada korban banjir pada Senin (16/6/2025).", "aid", "AID"),
    ("Seorang buronan kasus korupsi diekstradisi dari Singapura ke Jakarta pada Rabu (18/6/2025).", "extradition",
     "COOPERATE"),
    ("Terpidana kasus narkoba itu dibebaskan dari penjara pada Selasa (17/6/2025).", "release", "CONCEDE"),
    ("Kawanan pencuri menggasak dua sepeda motor milik warga Depok pada Minggu (15/6/2025).", "crime", None),
    ("Komnas HAM mendesak kepolisian mengusut kasus tersebut pada Kamis (19/6/2025).", "request", "REQUEST"),
])
def test_each_new_type_has_its_words_and_its_plover_root(text, event_type, plover):
    event = _event(text, event_type)
    assert event.plover_type == plover
    assert event.date_start is not None


def test_a_killing_is_one_attack_not_also_a_death():
    # "tewas ditembak": the shots are the event; the death is what they did.
    text = "Seorang petugas keamanan tewas ditembak orang tak dikenal di Timika pada Sabtu (14/6/2025)."
    assert _types(text) == ["attack"]


def test_securing_money_is_a_seizure_and_securing_a_person_an_arrest():
    seizure = "Dalam operasi tangkap tangan itu, KPK mengamankan uang Rp 500 juta pada Jumat (13/6/2025)."
    arrest = "Polisi mengamankan dua pemuda yang membawa senjata tajam pada Jumat (13/6/2025)."
    assert "seizure" in _types(seizure) and "arrest" not in _types(seizure.replace("operasi tangkap tangan", "kegiatan"))
    assert _types(arrest) == ["arrest"]


def test_a_search_operation_is_no_raid():
    text = "Tim SAR gabungan melanjutkan operasi pencarian korban kapal tenggelam pada Selasa (17/6/2025)."
    assert "raid" not in _types(text)


def test_arriving_at_an_office_is_no_return_but_arriving_home_at_an_airport_is():
    suspect = "Bupati itu tiba di Gedung KPK pada Sabtu (14/6/2025) malam dengan mengenakan rompi tahanan."
    assert "repatriation" not in _types(suspect)
    home = "Jenazah pekerja migran itu tiba di Bandara Soekarno-Hatta pada Sabtu (14/6/2025)."
    assert _types(home) == ["repatriation"]


def test_a_handover_of_fugitives_is_an_extradition_not_an_agreement():
    text = ("Kepolisian Filipina menyerahkan buronan judi daring kepada Polri di Manila pada Rabu (18/6/2025). "
            "Kedua pihak menandatangani berita acara serah terima di bandara.")
    types = _types(text)
    assert "extradition" in types and "agreement" not in types


def test_what_a_meeting_discusses_is_not_reported_as_happening():
    text = ("Pada Senin (16/6/2025), delegasi KP2MI bertemu pejabat imigrasi Malaysia untuk membahas pemulangan "
            "pekerja migran Indonesia (PMI) yang ditahan di depot imigrasi.")
    assert "detention" not in _types(text)


def test_a_detention_told_with_where_the_suspect_is_held():
    text = "Tersangka kini ditahan di Rutan Polda Metro Jaya sejak Senin (16/6/2025)."
    assert _event(text, "detention").modality == "asserted"


def test_a_crime_noun_naming_a_kind_of_crime_is_no_event():
    text = "Polisi membongkar sindikat penipuan daring di Batam pada Senin (16/6/2025)."
    assert "crime" not in _types(text)


def test_whom_a_request_is_made_of_is_its_target():
    event = _event("Komnas HAM mendesak Polri mengusut kasus itu pada Kamis (19/6/2025).", "request")
    roles = {p.actor_id: p.role for p in event.participants}
    assert roles["org:polri"] == "target" and roles["org:komnas-ham"] != "target"


def test_two_acts_by_different_parties_are_two_events():
    # Undated and of one type, but told of different parties: two accusations, not one.
    text = ("Komnas HAM mengecam Polres Bogor atas penanganan kasus itu. "
            "Kementerian Luar Negeri juga menuduh Kedutaan Besar Malaysia menghalangi pendampingan.")
    events = [e for e in analyse_document(text, ANCHOR).events if e.event_type == "accusation"]
    assert len(events) == 2


def test_held_on_a_charge_is_a_detention_and_a_charge():
    text = "Mantan bendahara desa itu sudah ditahan dengan dakwaan menggelapkan dana desa sejak Senin (16/6/2025)."
    types = _types(text)
    assert "detention" in types and "charge" in types
