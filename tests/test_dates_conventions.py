"""The date conventions of docs/time.md, negatives, the weekday check and anchor boundaries."""
from __future__ import annotations

import datetime as dt

import pytest

from pipelines.language.dates import DateMention, infer_anchor, tag_dates


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def dates(text: str, anchor: dt.date | None) -> list[tuple[str, dt.date | None, dt.date | None]]:
    return [(m.text, m.date_start, m.date_end) for m in tag_dates(text, anchor)]


def test_numbers_are_day_first():
    assert dates("Ia ditangkap 6/4/2025 di Medan.", None) == [("6/4/2025", d("2025-04-06"), d("2025-04-06"))]


def test_weekday_mismatch_is_recorded_and_the_date_wins():
    mismatch, = tag_dates("Polisi menyebut penangkapan terjadi Selasa (14/4/2025).", None)
    assert mismatch.weekday_mismatch is True
    assert mismatch.date_start == d("2025-04-14")
    match, = tag_dates("Polisi menyebut penangkapan terjadi Senin (14/4/2025).", None)
    assert match.weekday_mismatch is False


def test_weekday_mismatch_in_either_end_of_a_range():
    good, = tag_dates("Razia digelar Sabtu-Minggu (12-13/4/2025).", None)
    bad, = tag_dates("Razia digelar Jumat-Sabtu (12-13/4/2025).", None)
    assert (good.weekday_mismatch, bad.weekday_mismatch) == (False, True)


def test_yearless_date_takes_the_anchor_year():
    assert dates("Korban tiba (14/4) di Jakarta.", d("2025-04-16")) == [("(14/4)", d("2025-04-14"), d("2025-04-14"))]


def test_yearless_date_well_after_the_anchor_in_a_past_report_is_last_year():
    assert dates("Penggerebekan dilakukan pada (30/12).", d("2025-01-02"))[0][1] == d("2024-12-30")


def test_yearless_date_in_a_future_clause_stays_ahead():
    assert dates("Sidang akan digelar pada 5 Mei.", d("2025-04-16"))[0][1] == d("2025-05-05")
    assert dates("Sidang akan digelar pada (3/1).", d("2025-12-28"))[0][1] == d("2026-01-03")


@pytest.mark.parametrize("text, first, last", [
    ("Sindikat itu dibongkar Desember lalu.", "2024-12-01", "2024-12-31"),
    ("Penangkapan dilakukan pada (30/12).", "2024-12-30", "2024-12-30"),
    ("Pekan lalu, imigrasi menunda keberangkatan.", "2024-12-23", "2024-12-29"),
    ("Bulan lalu pengaduan melonjak.", "2024-12-01", "2024-12-31"),
    ("Tahun lalu menjadi rekor.", "2024-01-01", "2024-12-31"),
    ("Tersangka ditangkap kemarin.", "2025-01-01", "2025-01-01"),
    ("Pekan ini tim bekerja.", "2024-12-30", "2025-01-05"),
    ("Polisi memeriksa lokasi 28 Desember hingga 1 Januari 2025.", "2024-12-28", "2025-01-01"),
])
def test_anchor_across_the_year_boundary(text, first, last):
    (_, start, end), = dates(text, d("2025-01-02"))
    assert (start, end) == (d(first), d(last))


@pytest.mark.parametrize("text, first, last", [
    ("Laporan bulan lalu sudah diaudit.", "2025-02-01", "2025-02-28"),
    ("Akhir bulan lalu dua kapal dicegat.", "2025-02-21", "2025-02-28"),
    ("Tim kembali kemarin.", "2025-02-28", "2025-02-28"),
    ("Tim berangkat Kamis (27/2).", "2025-02-27", "2025-02-27"),
])
def test_anchor_across_a_month_boundary(text, first, last):
    (_, start, end), = dates(text, d("2025-03-01"))
    assert (start, end) == (d(first), d(last))


def test_parts_of_a_month_and_a_year():
    text = "Awal Mei 2025, pertengahan Mei 2025, akhir Mei 2025, awal 2025, pertengahan 2025, akhir 2025."
    assert [(m.date_start, m.date_end) for m in tag_dates(text, None)] == [
        (d("2025-05-01"), d("2025-05-10")), (d("2025-05-11"), d("2025-05-20")), (d("2025-05-21"), d("2025-05-31")),
        (d("2025-01-01"), d("2025-04-30")), (d("2025-05-01"), d("2025-08-31")), (d("2025-09-01"), d("2025-12-31")),
    ]


def test_minggu_is_a_week_or_sunday_by_context():
    anchor = d("2025-04-16")
    assert dates("Minggu lalu polisi bergerak.", anchor) == [("Minggu lalu", d("2025-04-07"), d("2025-04-13"))]
    assert dates("Pada hari Minggu polisi bergerak.", anchor) == [("hari Minggu", d("2025-04-13"), d("2025-04-13"))]
    assert dates("Polisi bergerak Minggu (13/4).", anchor) == [("Minggu (13/4)", d("2025-04-13"), d("2025-04-13"))]


def test_without_anchor_relative_dates_follow_the_latest_explicit_date():
    mentions = tag_dates("Jakarta, Senin (14/4/2025) - Polisi menangkap empat tersangka kemarin.", None)
    assert [(m.text, m.date_start, m.anchor) for m in mentions] == [
        ("Senin (14/4/2025)", d("2025-04-14"), None),
        ("kemarin", d("2025-04-13"), d("2025-04-14")),
    ]


def test_without_any_anchor_relative_dates_are_kept_with_empty_dates():
    mentions = tag_dates("Polisi menangkap tersangka kemarin, pada (14/4), dan baru-baru ini.", None)
    assert [m.text for m in mentions] == ["kemarin", "(14/4)", "baru-baru ini"]
    assert all(m.date_start is None for m in mentions)


NEGATIVES = [
    ("Tersangka dijerat UU Nomor 21 Tahun 2007 tentang TPPO.", "UU Nomor 21 Tahun 2007"),
    ("Penyidik memakai PP No. 59 Tahun 2021.", "PP No. 59 Tahun 2021"),
    ("Ia dijerat UU No. 1 Tahun 2024 tentang ITE.", "UU No. 1 Tahun 2024"),
    ("Dasar hukumnya UU 19 tahun 2016 serta Perkap 6 tahun 2019.", "UU 19 tahun 2016 serta Perkap 6 tahun 2019"),
    ("Rujukannya Perpres 49/2023 tentang gugus tugas.", "Perpres 49/2023"),
    ("Aturannya, Undang-undang 22 Tahun 2009 tentang Lalu Lintas, jelas.", "22 Tahun 2009"),
    ("Laporan Nomor: LP/B/123/IV/2025/SPKT diterima penyidik.", "LP/B/123/IV/2025/SPKT"),
    ("Korban yang berusia 25 tahun itu dijanjikan kerja.", "berusia 25 tahun"),
    ("Kerugian mencapai Rp 2.025.000 per orang.", "Rp 2.025.000"),
    ("Sebanyak 2.025 WNI telah dipulangkan.", "2.025 WNI"),
    ("Korban bernama Mei Lin dikurung di lantai empat.", "Mei Lin"),
    ("Pandemi Covid-19 membuat pekerja migran menganggur.", "Covid-19"),
    ("Tim polisi menang 2-1 atas tim imigrasi.", "2-1"),
    ("Sekitar 2/3 korban berasal dari Sumut.", "2/3"),
    ("Pria 52 tahun ini ditangkap di Medan.", "52 tahun ini"),
]


@pytest.mark.parametrize("text, span", NEGATIVES)
def test_not_dates(text, span):
    start = text.index(span)
    end = start + len(span)
    assert not [m.text for m in tag_dates(text, d("2025-04-16")) if m.start < end and start < m.end]


@pytest.mark.parametrize("text", ["Dokumen mencantumkan 31 Februari 2025.", "Tertulis 30/2/2025.", "Tertulis 32/13/2024."])
def test_impossible_dates_give_nothing(text):
    assert tag_dates(text, d("2025-04-16")) == []


def test_offsets_slice_back_to_the_surface():
    text = "«Jakarta», Senin (14/4/2025) – kemarin, 7–13 April 2025, dan pekan lalu; ğ 2024 lalu."
    mentions = tag_dates(text, d("2025-04-16"))
    assert len(mentions) == 5
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_mentions_are_sorted_and_do_not_overlap():
    text = "Pada 7-13 April 2025, Senin (14/4) pukul 10.00 WIB, hingga kemarin dan tahun lalu."
    mentions = tag_dates(text, d("2025-04-16"))
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_to_json_has_exactly_the_contract_keys():
    m, = tag_dates("Senin (14/4/2025) pukul 10.30 WIB", None)
    assert isinstance(m, DateMention)
    assert m.to_json() == {
        "start": 0, "end": 33, "text": "Senin (14/4/2025) pukul 10.30 WIB", "date_start": "2025-04-14",
        "date_end": "2025-04-14", "granularity": "day", "kind": "absolute", "time": "10:30+07:00",
        "weekday_mismatch": False, "anchor": None, "value": None, "anchored_by": None,
    }


@pytest.mark.parametrize("text, expected", [
    ("Jakarta, Senin (14/4/2025) - Polisi menangkap empat orang.", (d("2025-04-14"), "dateline")),
    ("MEDAN, Kamis (10/4/2025) — Tim gabungan tiba.", (d("2025-04-10"), "dateline")),
    ("Polisi menangkap pelaku pada 2 April 2025 dan merilisnya Senin, 14 April 2025.", (d("2025-04-14"), "latest_date")),
    ("Polisi menangkap pelaku kemarin.", (None, "none")),
])
def test_infer_anchor(text, expected):
    assert infer_anchor(text) == expected


@pytest.mark.parametrize("text, values", [
    ("Layanan itu tersedia setiap Selasa dan Sabtu.", ["XXXX-WXX-2"]),
    ("Festival digelar tiap akhir tahun.", []),
    ("Rapat digelar setiap tanggal 5.", ["XXXX-XX-05"]),
    ("Apel digelar setiap hari.", ["P1D"]),
    ("Petugas berpatroli setiap jam.", ["PT1H"]),
])
def test_habits_are_sets_not_dates(text, values):
    mentions = tag_dates(text, d("2025-04-16"))
    assert [m.value for m in mentions] == values
    assert all(m.kind == "set" and m.date_start is None and m.date_end is None for m in mentions)


@pytest.mark.parametrize("text, surface, value", [
    ("Hakim menjatuhkan 5 tahun penjara.", "5 tahun", "P5Y"),
    ("Rapat berlangsung selama tiga hari.", "selama tiga hari", "P3D"),
    ("Ia divonis 7 tahun 6 bulan penjara.", "7 tahun 6 bulan", "P7Y6M"),
    ("Korban disekap selama hampir sebulan.", "selama hampir sebulan", "P1M"),
    ("Pemeriksaan berlangsung 30 menit.", "30 menit", "PT30M"),
    ("Penyidik berada di sana selama beberapa jam.", "selama beberapa jam", "PTXH"),
])
def test_durations_are_their_own_kind_with_an_iso_value(text, surface, value):
    m, = tag_dates(text, d("2025-04-16"))
    assert (m.text, m.kind, m.value, m.date_start, m.date_end) == (surface, "duration", value, None, None)


@pytest.mark.parametrize("text", [
    "Sehari sebelum penggerebekan, server dipindahkan.",
    "Dalam tiga bulan terakhir nilai deposit naik.",
    "Korban termuda berusia 21 tahun, sedangkan yang tertua 67 tahun.",
])
def test_offsets_from_an_event_and_ages_are_neither_durations_nor_dates(text):
    assert tag_dates(text, d("2025-04-16")) == []


@pytest.mark.parametrize("text", [
    "Pemain berusia 19 tahun 182 hari ini mencetak gol.",
    "Korban disekap selama dua hari itu.",
    "Tiga tahun ini kami bekerja keras.",
])
def test_counted_days_and_years_are_not_dates(text):
    assert tag_dates(text, d("2025-04-16")) == []


def test_coming_years_are_a_span_and_n_years_ago_is_one_year():
    assert dates("Target lima tahun mendatang disusun.", d("2025-04-16")) == [
        ("lima tahun mendatang", d("2026-01-01"), d("2030-12-31"))]
    assert dates("Ia pindah lima tahun lalu.", d("2025-04-16")) == [
        ("lima tahun lalu", d("2020-01-01"), d("2020-12-31"))]


def test_weekday_slip_near_the_anchor_is_flagged_not_followed():
    # 30 November 2019 was a Saturday; a week after it, "Jumat (30/11)" is a slip.
    slip, = tag_dates("Pameran dibuka Jumat (30/11) di Senayan.", d("2019-12-07"))
    assert (slip.date_start, slip.weekday_mismatch) == (d("2019-11-30"), True)


def test_weekday_far_from_the_anchor_chooses_the_year():
    # Fifty days on, the year the conventions give (2019, a Saturday) is less likely than
    # the one the weekday names: 30 November 2018 was a Friday.
    far, = tag_dates("Pameran dibuka Jumat (30/11) di Senayan.", d("2020-01-20"))
    assert (far.date_start, far.weekday_mismatch) == (d("2018-11-30"), False)


def test_without_anchor_repeated_relative_days_do_not_drift():
    text = "Jakarta, Senin (14/4/2025) - Polisi menangkap A kemarin. Polisi juga menangkap B kemarin."
    assert [m.date_start for m in tag_dates(text, None)] == [d("2025-04-14"), d("2025-04-13"), d("2025-04-13")]


@pytest.mark.parametrize("text", [
    "Rapat digelar 40–13 April 2025 di Jakarta.",
    "Arsip itu bertanggal 1 Januari 0001.",
    "Pada 31 Februari 2025 tidak ada sidang.",
])
def test_impossible_dates_are_not_dates(text):
    assert tag_dates(text, d("2025-04-16")) == []
