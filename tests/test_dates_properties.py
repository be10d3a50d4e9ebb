"""Property tests: any text, however mangled, gives well-formed mentions and never raises."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.language.dates import tag_dates

# Pieces of date-like text to splice into random strings, so the generator reaches the grammar.
FRAGMENTS = [
    "Senin", "Minggu", "(14/4", "/2025)", "14/4", "31/2/2025", "7–13", "-", "—", " hingga ", "s.d.", "s/d",
    "April", "Feb.", "Nop", "2025", "1990-an", "tahun", "lalu", "depan", "pekan", "bulan", "kemarin", "lusa",
    "pukul", "10.30", "WIB", "awal", "akhir", "kuartal", "IV", "semester", "II", "Q3", "sehari", "kemudian",
    "keesokan harinya", "baru-baru ini", "kini", "UU Nomor 21 Tahun", "Rp", "Covid-19", "tanggal", "dan", "(", ")",
    ",", ".", " ", "\n", "İ", "ß", "\u0130stanbul", "٣", "０", "\ufeff",
]

mangled = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9998, 12, 24)))


def check(text: str, anchor: dt.date | None) -> None:
    mentions = tag_dates(text, anchor)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end
        if m.date_start is not None and m.date_end is not None:
            assert m.date_start <= m.date_end
        assert m.granularity in ("day", "week", "month", "quarter", "half", "year", "decade", "vague", "present")
        assert m.kind in ("absolute", "relative", "range", "vague", "present", "duration", "set")
        if m.kind in ("duration", "set"):
            assert m.value and m.date_start is None and m.date_end is None
        if m.kind == "present":
            assert m.date_start is None
        m.to_json()


@settings(max_examples=150, deadline=None)
@given(mangled, anchors)
def test_mangled_text_gives_well_formed_mentions(text, anchor):
    check(text, anchor)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), anchors)
def test_arbitrary_unicode_never_raises(text, anchor):
    check(text, anchor)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 40), st.integers(0, 14), st.integers(0, 2100), anchors)
def test_any_day_month_year_numbers(day, month, year, anchor):
    for text in (f"{day}/{month}/{year}", f"({day}/{month})", f"{day}-{month}-{year}", f"{year}-{month:02d}-{day:02d}",
                 f"{day}-{day + 1}/{month}/{year}", f"tanggal {day}"):
        check(text, anchor)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["99 tahun lalu", "kemarin", "besok", "lima tahun mendatang", "tahun depan", "pekan lalu",
                        "bulan depan", "Senin lalu", "awal tahun depan", "(31/12)", "keesokan harinya", "dekade lalu"]),
       st.sampled_from([dt.date.min, dt.date(1, 1, 3), dt.date(50, 6, 1), dt.date(9999, 12, 30), dt.date.max]))
def test_relative_dates_at_the_edges_of_the_calendar(text, anchor):
    check(f"Ia pergi {text}.", anchor)
