"""Every word in the date seeds is found by the grammar: a row added to `seeds/date_*.csv`
works without touching the patterns (the alternations are built from the seeds)."""
from __future__ import annotations

import datetime as dt

import pytest

from pipelines.language.dates import periods as P
from pipelines.language.dates import tag_dates
from pipelines.language.dates.lexicon import lexicon

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
