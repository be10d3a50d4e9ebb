"""Every word in the date seeds is found by the grammar: a row added to `seeds/date_*.csv`
works without touching the patterns (the alternations are built from the seeds)."""
from __future__ import annotations

import datetime as dt

import pytest

from pipelines.language.dates import periods as P
from pipelines.language.dates import tag_dates
from pipelines.language.dates.lexicon import lexicon
from pipelines.language.dates.tagger import rule_readings

ANCHOR = dt.date(2025, 4, 16)   # a Wednesday
LEX = lexicon()


def whole(text: str, phrase: str, anchor=ANCHOR):
    """The one mention covering exactly `phrase` in `text`."""
    found = [m for m in tag_dates(text, anchor) if m.text.lower() == phrase.lower()]
    assert len(found) == 1, (text, [(m.text, m.kind) for m in tag_dates(text, anchor)])
    return found[0]


@pytest.mark.parametrize("part", sorted(LEX.parts))
def test_every_part_word_names_its_part_of_a_month(part):
    m = whole(f"Operasi itu digelar {part} Juni 2024 di Batam.", f"{part} Juni 2024")
    assert (m.date_start, m.date_end) == P.part_of_month(LEX.parts[part], 2024, 6)


@pytest.mark.parametrize("word", sorted(LEX.shifts))
@pytest.mark.parametrize("unit", ["pekan", "bulan", "tahun"])
def test_every_shift_word_moves_a_week_month_or_year(word, unit):
    m = whole(f"Rapat koordinasi digelar {unit} {word} di Jakarta.", f"{unit} {word}")
    assert m.kind == "relative" and m.date_start is not None


@pytest.mark.parametrize("word", sorted(LEX.offsets))
def test_every_offset_word_counts_days_from_its_base(word):
    sign, counted_from = LEX.offsets[word]
    text = f"Polisi menggerebek markas itu pada Senin (7/4/2025). Dua hari {word} tersangka ditangkap."
    m = whole(text, f"Dua hari {word}")
    base = dt.date(2025, 4, 7) if counted_from == "story" else ANCHOR
    # forward, the count reaches that day ("dua hari mendatang" is the coming two days)
    reached = m.date_end if sign > 0 else m.date_start
    assert reached == base + dt.timedelta(days=2 * sign)


@pytest.mark.parametrize("phrase", sorted(LEX.day_words))
def test_every_day_word_is_a_day(phrase):
    m = whole(f"Tim itu tiba {phrase} di Bandara Soekarno-Hatta.", phrase)
    assert m.date_start == ANCHOR + dt.timedelta(days=LEX.day_words[phrase])


@pytest.mark.parametrize("phrase", sorted(LEX.vague))
def test_every_vague_phrase_is_found(phrase):
    m = whole(f"Jaringan itu {phrase} berpindah ke Laos.", phrase)
    assert m.date_start is None and m.kind in ("vague", "present")


@pytest.mark.parametrize("name", sorted(n for n in LEX.months if n not in LEX.month_abbreviations))
def test_every_month_name_with_a_year_is_that_month(name):
    m = whole(f"Data itu dirilis pada {name.capitalize()} 2024.", f"{name} 2024")
    month = LEX.months[name]
    assert (m.date_start, m.date_end) == P.month_interval(2024, month)


@pytest.mark.parametrize("name", sorted(LEX.weekdays))
def test_every_weekday_is_the_latest_such_day(name):
    m = whole(f"Tersangka ditangkap pada {name.capitalize()} di Medan.", name)
    assert m.date_start.weekday() == LEX.weekdays[name] and m.date_start <= ANCHOR


@pytest.mark.parametrize("word", sorted(w for w in LEX.cardinals() if LEX.numbers[w] <= 60))
def test_every_cardinal_counts_days_back(word):
    m = whole(f"Korban dipulangkan {word} hari lalu.", f"{word} hari lalu")
    assert m.date_start == ANCHOR - dt.timedelta(days=LEX.numbers[word])


@pytest.mark.parametrize("word", sorted(LEX.units))
def test_every_unit_counts_a_duration(word):
    unit = LEX.units[word]
    m = whole(f"Pemeriksaan berlangsung selama dua {word}.", f"selama dua {word}")
    part = f"{2 * unit.factor}{unit.iso}"
    assert (m.kind, m.value) == ("duration", f"PT{part}" if unit.clock else f"P{part}")


@pytest.mark.parametrize("word", sorted(LEX.unit_words(calendar=True)))
def test_every_calendar_unit_counts_back_to_a_date_of_its_size(word):
    m = whole(f"Korban dipulangkan dua {word} lalu.", f"dua {word} lalu")
    assert m.granularity == LEX.units[word].granularity and m.date_end < ANCHOR


# seeds/date_words.csv: each role is one alternation of the grammar.
def _words(role: str) -> list[str]:
    return sorted(LEX.words[role])


@pytest.mark.parametrize("word", _words("month_context"))
def test_every_month_context_word_dates_a_lone_month(word):
    m = whole(f"Kebijakan itu berlaku {word} Mei di Bali.", "Mei")
    assert m.granularity == "month"


@pytest.mark.parametrize("word", _words("year_context"))
def test_every_year_context_word_dates_a_lone_year(word):
    m = whole(f"Kebijakan itu berlaku {word} 2021 di Bali.", "2021")
    assert (m.date_start, m.date_end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


@pytest.mark.parametrize("word", _words("part_of_day"))
def test_every_part_of_day_stays_with_its_day(word):
    m = whole(f"Tersangka ditangkap Senin (14/4) {word} di Medan.", f"Senin (14/4) {word}")
    assert m.date_start == dt.date(2025, 4, 14)


@pytest.mark.parametrize("word", _words("then"))
def test_every_then_word_is_the_story_s_last_date(word):
    m = whole(f"Rapat digelar Senin (14/4). {word.capitalize()} itu hujan turun.", f"{word} itu")
    assert m.date_start == dt.date(2025, 4, 14)


@pytest.mark.parametrize("word", _words("every"))
def test_every_habit_word_makes_a_set(word):
    m = whole(f"Pasar itu buka {word} Senin di Klaten.", f"{word} Senin")
    assert (m.kind, m.value) == ("set", "XXXX-WXX-1")


@pytest.mark.parametrize("word", _words("quarter"))
def test_every_quarter_word_names_a_quarter(word):
    m = whole(f"Laba bank naik pada {word} kedua 2025.", f"{word} kedua 2025")
    assert (m.date_start, m.date_end) == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))


@pytest.mark.parametrize("word", _words("half"))
def test_every_half_word_names_a_half_year(word):
    m = whole(f"Ekspor naik pada {word} kedua 2024.", f"{word} kedua 2024")
    assert (m.date_start, m.date_end) == (dt.date(2024, 7, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize("word", _words("decade"))
def test_every_decade_word_joins_its_decade(word):
    m = whole(f"Musik itu populer pada {word} 1990-an di Jakarta.", f"{word} 1990-an")
    assert (m.date_start, m.date_end) == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))


@pytest.mark.parametrize("word", _words("law"))
def test_every_law_word_blocks_its_number(word):
    assert tag_dates(f"Aturan itu tercantum dalam {word} 11/2020 tentang pajak.", ANCHOR) == []


@pytest.mark.parametrize("word", _words("age"))
def test_every_age_word_blocks_the_years_of_an_age(word):
    assert tag_dates(f"Pelaku {word} 17 tahun ditangkap di Depok.", ANCHOR) == []


@pytest.mark.parametrize("word", _words("hedge"))
def test_every_hedge_word_belongs_to_its_duration(word):
    m = whole(f"Korban dirawat selama {word} tiga hari di rumah sakit.", f"selama {word} tiga hari")
    assert m.value == "P3D"


@pytest.mark.parametrize("word", _words("after_duration"))
def test_every_word_after_a_count_of_time_leaves_it_undated(word):
    text = f"Harga beras naik tiga tahun {word} di Cianjur."
    readings = [(r.rule, text[r.start:r.end], r.mention) for r in rule_readings(text, ANCHOR)]
    assert readings == [("duration", f"tiga tahun {word}", None)]


@pytest.mark.parametrize("word", _words("counted"))
def test_every_counting_word_makes_hari_ini_a_count(word):
    mentions = tag_dates(f"Korban sudah dirawat dua {word} hari ini di rumah sakit.", ANCHOR)
    assert all(m.text.lower() != "hari ini" for m in mentions), [m.text for m in mentions]


@pytest.mark.parametrize("zone", sorted(LEX.zones))
def test_every_time_zone_gives_its_offset(zone):
    m = whole(f"Rapat dimulai Senin (14/4) pukul 10.00 {zone} di balai kota.", f"Senin (14/4) pukul 10.00 {zone}")
    assert m.time == f"10:00{LEX.zones[zone]}"


@pytest.mark.parametrize("word", _words("future_before"))
def test_every_future_word_before_puts_a_year_less_date_ahead(word):
    m = whole(f"Rapat itu {word} digelar 20 Maret di Jakarta.", "20 Maret")
    assert m.date_start == dt.date(2026, 3, 20)


@pytest.mark.parametrize("word", _words("future_after"))
def test_every_future_word_after_puts_a_year_less_date_ahead(word):
    mentions = [m for m in tag_dates(f"Rapat itu digelar 20 Maret {word} di Jakarta.", ANCHOR)
                if m.text.startswith("20 Maret")]
    assert [m.date_start for m in mentions] == [dt.date(2026, 3, 20)]


def test_without_a_future_word_a_year_less_date_is_behind():
    assert whole("Rapat itu digelar 20 Maret di Jakarta.", "20 Maret").date_start == dt.date(2025, 3, 20)


@pytest.mark.parametrize("phrase", _words("next_day"))
def test_every_next_day_phrase_is_the_day_after_the_story_s_date(phrase):
    m = whole(f"Rapat digelar Senin (14/4). {phrase.capitalize()} polisi datang ke lokasi.", phrase)
    assert m.date_start == dt.date(2025, 4, 15)
