"""How events get their dates, end to end on composed text: clause dates, references,
arrivals, days of a longer event, statements' occasions, datelines and future plans."""
from __future__ import annotations

import datetime as dt

from pipelines.language.document import analyse_document


def _events(text: str, anchor: dt.date, event_type: str | None = None):
    return [e for e in analyse_document(text, anchor).events if event_type in (None, e.event_type)]


def _dates(events) -> list[tuple]:
    return [(e.event_type, e.date_start, e.date_end) for e in events]


def test_a_dateline_date_dates_nothing():
    text = "SURABAYA, Kamis (5/6/2025) - Polisi menangkap seorang perekrut berinisial RH (41) di Sidoarjo."
    arrests = _events(text, dt.date(2025, 6, 5), "arrest")
    assert _dates(arrests) == [("arrest", None, None)]


def test_a_reference_back_leaves_the_date_to_the_new_event():
    text = ("Kantor Imigrasi Batam menunda keberangkatan 9 calon pekerja migran pada Selasa (3/6/2025).\n"
            "Keesokan harinya setelah penundaan itu, Polresta Barelang menangkap seorang perekrut berinisial "
            "KS (39) di Batam.")
    events = _events(text, dt.date(2025, 6, 6))
    assert ("interception", dt.date(2025, 6, 3), dt.date(2025, 6, 3)) in _dates(events)
    assert ("arrest", dt.date(2025, 6, 4), dt.date(2025, 6, 4)) in _dates(events)
    interception = next(e for e in events if e.event_type == "interception")
    # The people of the arrest sentence belong to the arrest, not to the earlier event.
    assert all(p.role != "suspect" for p in interception.participants)


def test_an_arrival_dates_the_return_it_completes():
    text = ("Sebanyak 41 WNI korban penipuan daring tiba di Bandara Soekarno-Hatta pada Rabu (19/2/2025).\n"
            "Pemulangan mereka dari Myawaddy dibiayai negara.")
    returns = _events(text, dt.date(2025, 2, 20), "repatriation")
    assert _dates(returns) == [("repatriation", dt.date(2025, 2, 19), dt.date(2025, 2, 19))]


def test_a_delegation_arriving_is_not_a_return():
    text = ("Delegasi Bareskrim Polri menggelar pertemuan dengan otoritas Laos di Vientiane pada 8 Juli 2025.\n"
            "Delegasi tiba di Vientiane pada 7 Juli 2025.")
    events = _events(text, dt.date(2025, 7, 10))
    assert [e.event_type for e in events] == ["meeting"]


def test_the_last_day_of_a_meeting():
    text = ("Pertemuan Polri dan Kepolisian Vietnam berlangsung di Hanoi pada 7–9 April 2025.\n"
            "Pada hari terakhir pertemuan, kedua lembaga menandatangani nota kesepahaman.")
    events = _events(text, dt.date(2025, 4, 10))
    assert _dates(events) == [("meeting", dt.date(2025, 4, 7), dt.date(2025, 4, 9)),
                              ("agreement", dt.date(2025, 4, 9), dt.date(2025, 4, 9))]


def test_a_statement_takes_the_date_of_the_hearing_it_followed():
    text = ("Pengadilan Negeri Batam menggelar sidang perdana perkara penipuan daring pada Senin (10/3/2025).\n"
            "\"Kami siap membuktikan dakwaan,\" kata jaksa Rina Oktaviani seusai sidang.")
    statements = _events(text, dt.date(2025, 3, 12), "statement")
    assert _dates(statements) == [("statement", dt.date(2025, 3, 10), dt.date(2025, 3, 10))]


def test_a_quote_opened_in_an_earlier_sentence_still_attributes():
    text = ("\"Kami tidak akan ragu. Setiap keberangkatan mencurigakan kami tunda,\" kata Kepala Kantor "
            "Imigrasi Batam, Galih Prasetyo, Rabu (4/6/2025).")
    statements = _events(text, dt.date(2025, 6, 6), "statement")
    assert _dates(statements) == [("statement", dt.date(2025, 6, 4), dt.date(2025, 6, 4))]


def test_a_police_rank_abbreviation_does_not_cut_the_attribution():
    text = "\"Pelakunya sudah kami petakan,\" kata Kombes Pol. Yudi Permana, Jumat (20/12/2024)."
    statements = _events(text, dt.date(2024, 12, 21), "statement")
    assert _dates(statements) == [("statement", dt.date(2024, 12, 20), dt.date(2024, 12, 20))]


def test_a_planned_event_after_the_publication_date_has_not_happened():
    text = "Kedua kepolisian dijadwalkan menggelar pertemuan lanjutan di Jakarta pada 2 Juni 2025."
    assert _events(text, dt.date(2025, 5, 1)) == []


def test_the_most_precise_of_several_dates_for_one_happening():
    text = "Laporan akhir tahun Kemlu yang dirilis pada Desember 2023 mencatat 3.700 kasus."
    reports = _events(text, dt.date(2024, 1, 15), "report")
    assert _dates(reports) == [("report", dt.date(2023, 12, 1), dt.date(2023, 12, 31))]


def test_operasi_itu_is_the_raid_and_dates_what_happened_in_it():
    text = ("Polisi Filipina menggerebek sebuah kantor judi daring di Pasay pada Kamis (14/3/2024).\n"
            "Dalam operasi itu, petugas menyelamatkan 120 pekerja asing, termasuk 17 WNI.")
    events = _events(text, dt.date(2024, 3, 16))
    assert _dates(events) == [("raid", dt.date(2024, 3, 14), dt.date(2024, 3, 14)),
                              ("rescue", dt.date(2024, 3, 14), dt.date(2024, 3, 14))]


def test_kerja_sama_ini_enriches_the_agreement_instead_of_adding_an_event():
    text = ("Polri dan Kepolisian Vietnam menandatangani nota kesepahaman di Hanoi pada 5 Maret 2025.\n"
            "Kerja sama ini mencakup pertukaran data penumpang.")
    events = _events(text, dt.date(2025, 3, 6))
    assert _dates(events) == [("agreement", dt.date(2025, 3, 5), dt.date(2025, 3, 5))]
    assert len(events[0].participants) >= 2


def test_an_undated_visit_after_a_reference_to_a_dated_meeting_takes_its_dates():
    text = ("Delegasi Polri dan Kepolisian Diraja Malaysia menggelar pertemuan di Kuala Lumpur pada "
            "3–6 Maret 2025.\n"
            "Pertemuan tersebut tidak hanya berlangsung di Kuala Lumpur. Delegasi kedua kepolisian juga "
            "mengunjungi Johor Bahru dan Penang.")
    visits = _events(text, dt.date(2025, 3, 8), "visit")
    assert _dates(visits) == [("visit", dt.date(2025, 3, 3), dt.date(2025, 3, 6))]


def test_a_withheld_passport_is_not_an_arrest():
    text = ("Dua warga Binjai berangkat ke Kamboja pada Oktober 2023. Setibanya di Phnom Penh, paspor mereka "
            "ditahan dan mereka dipaksa bekerja.\n"
            "Polda Sumatera Utara menangkap perekrut berinisial AB di Medan pada akhir Januari 2024.")
    arrests = _events(text, dt.date(2024, 8, 22), "arrest")
    assert [e.trigger for e in arrests] == ["menangkap"]
    assert _dates(arrests) == [("arrest", dt.date(2024, 1, 21), dt.date(2024, 1, 31))]
