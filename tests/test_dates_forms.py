"""Every form the date tagger must read, on sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from pipelines.language.dates import tag_dates

ANCHOR = dt.date(2025, 4, 16)   # a Wednesday


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def only(text: str, anchor: dt.date | None = ANCHOR):
    mentions = tag_dates(text, anchor)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def interval(text: str, anchor: dt.date | None = ANCHOR) -> tuple[str, str | None, str | None]:
    m = only(text, anchor)
    return m.text, m.date_start and m.date_start.isoformat(), m.date_end and m.date_end.isoformat()


SINGLE_DAYS = [
    ("Tersangka ditangkap 14 April 2025 di Batam.", "14 April 2025", "2025-04-14"),
    ("Polisi merilis kasus itu Senin, 14 April 2025.", "Senin, 14 April 2025", "2025-04-14"),
    ("Jakarta, Senin (14/4/2025) - Polisi menahan dua orang.", "Senin (14/4/2025)", "2025-04-14"),
    ("Korban dipulangkan pada (14/4) malam.", "(14/4) malam", "2025-04-14"),
    ("Surat itu bertanggal 14/4/25.", "14/4/25", "2025-04-14"),
    ("Data per 2025-04-14 dirilis BPS.", "2025-04-14", "2025-04-14"),
    ("Berkas dikirim 14-04-2025 ke jaksa.", "14-04-2025", "2025-04-14"),
    ("Rapat digelar tanggal 9 April 2025.", "tanggal 9 April 2025", "2025-04-09"),
    ("Rapat digelar tgl. 9/4/2025 di Medan.", "tgl. 9/4/2025", "2025-04-09"),
    ("Ia ditangkap 3 Pebruari 2025.", "3 Pebruari 2025", "2025-02-03"),
    ("Ia ditangkap 3 Nop 2024.", "3 Nop 2024", "2024-11-03"),
]


@pytest.mark.parametrize("text, surface, day", SINGLE_DAYS)
def test_single_days(text, surface, day):
    assert interval(text) == (surface, day, day)
    assert only(text).granularity == "day"


MONTH_ABBREVIATIONS = [
    ("Jan", 1), ("Jan.", 1), ("Feb", 2), ("Feb.", 2), ("Mar", 3), ("Apr", 4), ("Apr.", 4), ("Mei", 5),
    ("Jun", 6), ("Jul", 7), ("Agu", 8), ("Agt", 8), ("Ags", 8), ("Agt.", 8), ("Sep", 9), ("Sept", 9),
    ("Sept.", 9), ("Okt", 10), ("Nov", 11), ("Nop", 11), ("Des", 12), ("Des.", 12),
]


@pytest.mark.parametrize("abbreviation, month", MONTH_ABBREVIATIONS)
def test_month_abbreviations_with_and_without_dot(abbreviation, month):
    m = only(f"Dokumen itu diteken 5 {abbreviation} 2024 oleh pejabat imigrasi.")
    assert m.text == f"5 {abbreviation} 2024"
    assert m.date_start == dt.date(2024, month, 5)


@pytest.mark.parametrize("surface, expected", [
    ("pukul 10.30 WIB", "10:30+07:00"),
    ("pukul 10.30 WITA", "10:30+08:00"),
    ("pukul 10:30 WIT", "10:30+09:00"),
    ("pukul 10.30", "10:30"),
    ("sekitar pukul 8 malam", "20:00"),
    ("pukul 03.00 dini hari", "03:00"),
    ("pukul 4 sore", "16:00"),
])
def test_time_attaches_to_its_date(surface, expected):
    m = only(f"Penggerebekan dimulai Senin (14/4/2025) {surface} di Tangerang.")
    assert m.text == f"Senin (14/4/2025) {surface}"
    assert m.time == expected
    assert m.date_start == d("2025-04-14")


@pytest.mark.parametrize("part_of_day", ["dini hari", "pagi", "siang", "sore", "malam"])
def test_part_of_day_after_weekday(part_of_day):
    m = only(f"Mereka tiba Selasa {part_of_day} (15/4) di Bandara Hang Nadim.")
    assert m.text == f"Selasa {part_of_day} (15/4)"
    assert m.date_start == d("2025-04-15")


RANGES = [
    ("Operasi berlangsung 7–13 April 2025.", "7–13 April 2025", "2025-04-07", "2025-04-13"),
    ("Operasi berlangsung 7-13 April 2025.", "7-13 April 2025", "2025-04-07", "2025-04-13"),
    ("Operasi berlangsung 7 - 13 April 2025.", "7 - 13 April 2025", "2025-04-07", "2025-04-13"),
    ("Operasi berlangsung 7—13 April 2025.", "7—13 April 2025", "2025-04-07", "2025-04-13"),
    ("Operasi berlangsung 7 hingga 13 April 2025.", "7 hingga 13 April 2025", "2025-04-07", "2025-04-13"),
    ("Operasi berlangsung 7 sampai 13 April 2025.", "7 sampai 13 April 2025", "2025-04-07", "2025-04-13"),
    ("Operasi berlangsung 7 s.d. 13 April 2025.", "7 s.d. 13 April 2025", "2025-04-07", "2025-04-13"),
    ("Operasi berlangsung 7 s/d 13 April 2025.", "7 s/d 13 April 2025", "2025-04-07", "2025-04-13"),
    ("Operasi berlangsung 7 s / d 13 April 2025.", "7 s / d 13 April 2025", "2025-04-07", "2025-04-13"),
    ("Tim berada di Manila 28 Maret–2 April 2025.", "28 Maret–2 April 2025", "2025-03-28", "2025-04-02"),
    ("Libur 30 Desember 2024 – 2 Januari 2025 dipakai merekrut.", "30 Desember 2024 – 2 Januari 2025",
     "2024-12-30", "2025-01-02"),
    ("Razia dilakukan 12-13/4/2025 di pelabuhan.", "12-13/4/2025", "2025-04-12", "2025-04-13"),
    ("Sosialisasi digelar Sabtu-Minggu (12-13/4/2025).", "Sabtu-Minggu (12-13/4/2025)", "2025-04-12", "2025-04-13"),
    ("Bazar dibuka Kamis, 10 April 2025 hingga Sabtu, 12 April 2025.",
     "Kamis, 10 April 2025 hingga Sabtu, 12 April 2025", "2025-04-10", "2025-04-12"),
    ("Saksi diperiksa Senin (7/4) hingga Minggu (13/4).", "Senin (7/4) hingga Minggu (13/4)", "2025-04-07", "2025-04-13"),
    ("Data Januari–Maret 2025 dirilis hari ini", "Januari–Maret 2025", "2025-01-01", "2025-03-31"),
    ("Data Juli 2024 sampai Juni 2025 dihimpun.", "Juli 2024 sampai Juni 2025", "2024-07-01", "2025-06-30"),
    ("Pada 2020–2024 kasus meningkat.", "2020–2024", "2020-01-01", "2024-12-31"),
    ("Dari 2023 hingga 2025 kasus meningkat.", "2023 hingga 2025", "2023-01-01", "2025-12-31"),
]


@pytest.mark.parametrize("text, surface, first, last", RANGES)
def test_ranges_keep_both_ends(text, surface, first, last):
    mentions = [m for m in tag_dates(text, ANCHOR) if m.text == surface]
    assert len(mentions) == 1, [m.text for m in tag_dates(text, ANCHOR)]
    m = mentions[0]
    assert (m.date_start, m.date_end, m.kind) == (d(first), d(last), "range")


MONTHS_YEARS_PARTS = [
    ("Laporan April 2025 sudah terbit.", "April 2025", "2025-04-01", "2025-04-30", "month"),
    ("Kasus itu terjadi tahun 2023.", "tahun 2023", "2023-01-01", "2023-12-31", "year"),
    ("Sepanjang 2024 kasus naik.", "2024", "2024-01-01", "2024-12-31", "year"),
    ("Ia dideportasi Oktober lalu.", "Oktober lalu", "2024-10-01", "2024-10-31", "month"),
    ("Kasus besar terjadi pada 2024 lalu.", "2024 lalu", "2024-01-01", "2024-12-31", "year"),
    ("Satgas berjalan Tahun 2026 mendatang.", "Tahun 2026 mendatang", "2026-01-01", "2026-12-31", "year"),
    ("Lonjakan terjadi awal April 2025.", "awal April 2025", "2025-04-01", "2025-04-10", "month"),
    ("Lonjakan terjadi pertengahan April 2025.", "pertengahan April 2025", "2025-04-11", "2025-04-20", "month"),
    ("Lonjakan terjadi akhir Februari 2024.", "akhir Februari 2024", "2024-02-21", "2024-02-29", "month"),
    ("Satgas dibentuk awal tahun 2025.", "awal tahun 2025", "2025-01-01", "2025-04-30", "year"),
    ("Satgas dievaluasi pertengahan 2025.", "pertengahan 2025", "2025-05-01", "2025-08-31", "year"),
    ("Satgas dibubarkan akhir tahun 2024.", "akhir tahun 2024", "2024-09-01", "2024-12-31", "year"),
    ("Nilainya naik pada kuartal I 2025.", "kuartal I 2025", "2025-01-01", "2025-03-31", "quarter"),
    ("Nilainya naik pada triwulan pertama 2025.", "triwulan pertama 2025", "2025-01-01", "2025-03-31", "quarter"),
    ("Laporan semester II 2024 terbit.", "semester II 2024", "2024-07-01", "2024-12-31", "half"),
    ("Modus ini marak sejak tahun 1990-an.", "tahun 1990-an", "1990-01-01", "1999-12-31", "decade"),
    ("Ia kembali pada awal Februari tahun depan.", "awal Februari tahun depan", "2026-02-01", "2026-02-10", "month"),
    ("Ia pergi akhir Maret tahun lalu.", "akhir Maret tahun lalu", "2024-03-21", "2024-03-31", "month"),
]


@pytest.mark.parametrize("text, surface, first, last, granularity", MONTHS_YEARS_PARTS)
def test_months_years_and_their_parts(text, surface, first, last, granularity):
    m = only(text)
    assert (m.text, m.date_start, m.date_end, m.granularity) == (surface, d(first), d(last), granularity)


RELATIVE = [
    ("hari ini", "2025-04-16", "2025-04-16"),
    ("kemarin", "2025-04-15", "2025-04-15"),
    ("kemarin lusa", "2025-04-14", "2025-04-14"),
    ("besok", "2025-04-17", "2025-04-17"),
    ("lusa", "2025-04-18", "2025-04-18"),
    ("dua hari lalu", "2025-04-14", "2025-04-14"),
    ("3 hari yang lalu", "2025-04-13", "2025-04-13"),
    ("lima tahun lalu", "2020-01-01", "2020-12-31"),
    ("sepekan lalu", "2025-04-07", "2025-04-13"),
    ("pekan lalu", "2025-04-07", "2025-04-13"),
    ("minggu lalu", "2025-04-07", "2025-04-13"),
    ("pekan ini", "2025-04-14", "2025-04-20"),
    ("minggu depan", "2025-04-21", "2025-04-27"),
    ("bulan lalu", "2025-03-01", "2025-03-31"),
    ("bulan ini", "2025-04-01", "2025-04-30"),
    ("bulan depan", "2025-05-01", "2025-05-31"),
    ("tahun lalu", "2024-01-01", "2024-12-31"),
    ("tahun ini", "2025-01-01", "2025-12-31"),
    ("tahun depan", "2026-01-01", "2026-12-31"),
    ("Jumat lalu", "2025-04-11", "2025-04-11"),
    ("Selasa mendatang", "2025-04-22", "2025-04-22"),
    ("Kamis pekan lalu", "2025-04-10", "2025-04-10"),
    ("Rabu pekan depan", "2025-04-23", "2025-04-23"),
    ("akhir pekan lalu", "2025-04-12", "2025-04-13"),
]


@pytest.mark.parametrize("surface, first, last", RELATIVE)
def test_relative_expressions(surface, first, last):
    m = only(f"Menurut polisi, pelaku ditemui {surface} di Bekasi.")
    assert (m.text, m.date_start, m.date_end, m.kind) == (surface, d(first), d(last), "relative")
    assert m.anchor == ANCHOR


def test_bare_weekday_is_the_latest_such_day_on_or_before_the_anchor():
    assert interval("Korban tiba di Jakarta pada Sabtu.") == ("Sabtu", "2025-04-12", "2025-04-12")
    assert interval("Korban tiba di Jakarta pada Rabu.") == ("Rabu", "2025-04-16", "2025-04-16")


@pytest.mark.parametrize("text", [
    "Konferensi pers akan digelar pada Jumat.",
    "Rencananya berkas dilimpahkan Jumat.",
    "Berkas dilimpahkan Jumat besok.",
])
def test_bare_weekday_marked_future_lies_ahead(text):
    assert only(text).date_start == d("2025-04-18")


NARRATIVE = [
    ("Tim tiba pada Kamis (10/4). Keesokan harinya, mereka memeriksa saksi.", "Keesokan harinya", "2025-04-11"),
    ("Kapal berangkat 2 April 2025. Sehari kemudian, kapal dicegat.", "Sehari kemudian", "2025-04-03"),
    ("Korban dijemput Selasa, 8 April 2025. Hari itu juga ia divisum.", "Hari itu", "2025-04-08"),
    ("Razia dilakukan Sabtu (5/4/2025). Petugas masuk pukul 06.12 ke gedung.", "pukul 06.12", "2025-04-05"),
    ("Vonis dibacakan 20 Maret 2025. Sehari sebelumnya, terdakwa membela diri.", "Sehari sebelumnya", "2025-03-19"),
    ("Ia ditangkap 3 Maret 2025, lalu dua hari kemudian dibawa ke Jakarta.", "dua hari kemudian", "2025-03-05"),
]


@pytest.mark.parametrize("text, surface, day", NARRATIVE)
def test_narrative_expressions_follow_the_story_not_the_publication_date(text, surface, day):
    mentions = tag_dates(text, ANCHOR)
    story = next(m for m in mentions if m.kind == "absolute")
    m = next(m for m in mentions if m.text == surface)
    assert (m.date_start, m.date_end) == (d(day), d(day))
    assert m.anchor == story.date_end


def test_narrative_without_any_earlier_date_uses_the_anchor():
    assert interval("Keesokan harinya polisi datang.") == ("Keesokan harinya", "2025-04-17", "2025-04-17")


def test_bare_time_before_a_date_takes_that_date():
    mentions = tag_dates("Pukul 04.00 WIB pada Senin (14/4), kapal dicegat.", dt.date(2025, 4, 20))
    assert [(m.text, m.date_start, m.time) for m in mentions] == [
        ("Pukul 04.00 WIB", d("2025-04-14"), "04:00+07:00"),
        ("Senin (14/4)", d("2025-04-14"), None),
    ]


@pytest.mark.parametrize("surface", ["baru-baru ini", "belum lama ini", "beberapa waktu lalu", "belakangan"])
def test_vague_past_has_no_start_and_ends_at_the_anchor(surface):
    m = only(f"Polisi {surface} membongkar jaringan itu.")
    assert (m.date_start, m.date_end, m.granularity, m.kind) == (None, ANCHOR, "vague", "vague")


@pytest.mark.parametrize("surface", ["saat ini", "kini"])
def test_present_ends_on_the_anchor_day_and_dates_nothing(surface):
    m = only(f"Jaringan itu {surface} berpindah ke Laos.")
    assert (m.date_start, m.date_end, m.granularity, m.kind) == (None, ANCHOR, "present", "present")


def test_present_ends_on_the_day_the_story_is_at():
    text = "Polisi menggerebek markas itu pada Selasa (8/4/2025). Saat ini lokasi dijaga."
    m = tag_dates(text, ANCHOR)[-1]
    assert (m.text, m.date_start, m.date_end, m.granularity) == ("Saat ini", None, dt.date(2025, 4, 8), "present")
    assert m.anchored_by == (35, 52)


@pytest.mark.parametrize("text, surface, first, last", [
    ("Festival digelar 1 dan 2 November 2025 di Bali.", "1 dan 2 November 2025", "2025-11-01", "2025-11-02"),
    ("Sidang digelar 3, 4 dan 6 Mei 2025.", "3, 4 dan 6 Mei 2025", "2025-05-03", "2025-05-06"),
    ("Penjualan turun pada bulan September dan Oktober.", "September dan Oktober", "2024-09-01", "2024-10-31"),
    ("Data Januari, Februari dan Maret 2025 sudah masuk.", "Januari, Februari dan Maret 2025", "2025-01-01", "2025-03-31"),
])
def test_listed_days_and_months_are_the_interval_covering_them(text, surface, first, last):
    m = only(text)
    assert (m.text, m.date_start, m.date_end, m.kind) == (surface, d(first), d(last), "range")


def test_listed_names_that_look_like_months_are_not_dates():
    assert tag_dates("Ia bertemu Mei dan Juni Astuti di Batam.", ANCHOR) == []


def test_narrative_counts_from_a_named_weekday_too():
    text = "Enam orang ditangkap Jumat malam, dua lainnya keesokan harinya."
    mentions = tag_dates(text, dt.date(2026, 3, 10))
    assert [(m.text, m.date_start) for m in mentions] == [
        ("Jumat malam", d("2026-03-06")), ("keesokan harinya", d("2026-03-07"))]
