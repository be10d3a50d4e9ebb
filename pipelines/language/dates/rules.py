"""The date rules: one record per expression shape, in priority order.

A rule holds together what the tagger needs of it (Duckling's `Rule{name, pattern, prod}`):
its name, the words its match can begin with, its regex pattern, the resolver that turns a
match into an interval, and examples that double as tests (tests/test_dates_rules.py parses
each one and checks that this rule read it, with this value).

At each place a date can start, the rules that can begin there are tried as one alternation
and the first that matches wins, so longer shapes (ranges, dates with weekday and time) come
before their parts, and blockers (law numbers, money, ages, Covid-19) come first so the
numbers inside them are never read as dates. A blocker has no resolver: its span is consumed
and nothing is emitted.

Start words: '#' is a digit or '(', WD a weekday, MON a month, PART awal/akhir/..., NUM a
number word, VAGUE the first word of a vague phrase, THEN "saat itu" and the like; any other
upper-case key is a role of seeds/date_words.csv (LAW, EVERY, ...). See `patterns._start_words`.

Group names inside a pattern are written `<@name>` / `(?(@name)` and get the rule's name as
prefix when the alternations are built, because Python regexes need unique names.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipelines.language.dates.absolute import (
    day_iso,
    day_numeric,
    day_of_month,
    day_text,
    days_listed,
    months_listed,
    range_days_full,
    range_days_month,
    range_days_slash,
    range_months,
    range_months_bare,
    range_years,
)
from pipelines.language.dates.lexicon import DateLexicon, alternation
from pipelines.language.dates.months_years import (
    decade_named,
    half,
    month_bare,
    month_relative,
    month_year,
    part_month,
    part_relative,
    part_year,
    quarter,
    year_word,
)
from pipelines.language.dates.relative import (
    day_word,
    duration,
    month_now,
    next_day,
    recurring,
    relative_count,
    same_day,
    then,
    time_only,
    vague,
    week_relative,
    weekday_named,
    year_now,
    year_relative,
)
from pipelines.language.dates.context import Context
from pipelines.language.dates.resolved import Groups, Resolved

Resolver = Callable[[Groups, Context, int, int], "Resolved | None"]

# The anchor every rule's examples are read against (a Wednesday).
EXAMPLE_ANCHOR = "2025-04-16"


@dataclass(frozen=True)
class Rule:
    """One expression shape. `examples` are (text, value) pairs: this rule reads a span of
    `text` whose mention has that ISO `value` (None: a blocker, or a match that is no date)."""

    name: str
    starts: str
    pattern: Callable[[Pieces], str]
    resolve: Resolver | None
    examples: tuple[tuple[str, str | None], ...]


class Pieces:
    """The regex fragments rules share, built once from the lexicon (seeds/date_*.csv).
    Methods taking `t` name their groups for one end of a range ('a' or 'b')."""

    not_after_number = r"(?<![\d.,:/\-])"
    connect = r"\s*(?:[-–—]|hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s\s?/\s?d|sd(?=\s))\s*"
    dash = r"\s*[-–—]\s*"
    year_tail = r"(?![\d]|-an)"

    def __init__(self, lex: DateLexicon):
        self.lex = lex
        # Word lists from seeds/date_words.csv, one alternation per role.
        words = lex.words
        self.part_of_day = rf"(?i:{phrases(words['part_of_day'])})(?![\w])"
        self.then = alternation(words["then"])
        self.every = alternation(words["every"])
        self.quarter_words = alternation(words["quarter"])
        self.half_words = alternation(words["half"])
        self.decade_words = alternation(words["decade"])
        self.law = alternation(w for w in words["law"] if w not in lex.runs_on) + "".join(
            rf"|{re.escape(w)}\w*" for w in sorted(lex.runs_on & set(words["law"])))
        self.age = alternation(words["age"])
        self.hedge = phrases(words["hedge"])
        self.next_day_words = phrases(words["next_day"])
        self.after_duration = alternation(words["after_duration"])
        self.zone = alternation(lex.zones)                                                # seeds/date_zones.csv
        self.weekday_alt = alternation([w.capitalize() for w in lex.weekdays] + [w.upper() for w in lex.weekdays])
        self.weekdays_any = alternation(lex.weekdays)
        self.month_any = "(?i:" + alternation(lex.months) + r")(?![a-zA-Z])(?:\.(?=\s?\d))?"
        self.month_cap = ("(?:" + alternation([m.capitalize() for m in lex.months] + [m.upper() for m in lex.months])
                          + r")(?![\w])")
        self.number_alt = "(?i:" + alternation(lex.cardinals()) + ")"
        # Word lists from seeds/date_shifts.csv, date_parts.csv and date_offsets.csv.
        self.shift_any = "(?:" + alternation(lex.shift_words()) + r")(?![\w])"              # lalu, ini, depan, ...
        self.shift_not_now = "(?:" + alternation(lex.shift_words("past", "future")) + r")(?![\w])"
        self.shift_past = "(?:" + alternation(lex.shift_words("past")) + r")(?![\w])"
        self.part_words = "(?i:" + alternation(lex.parts) + ")"
        self.offset_words = "(?i:" + alternation(lex.offsets) + ")"
        self.units_all = "(?i:" + alternation(lex.units) + ")"                                  # seeds/date_units.csv
        self.units_calendar = "(?i:" + alternation(lex.unit_words(calendar=True)) + ")"
        self.units_single = alternation(lex.unit_words(single=True))
        self.units_finer_than_year = alternation(lex.unit_words(finer_than_year=True))
        self.vague = alternation(lex.vague)
        self.day_words = phrases(lex.day_words)
        self.after_month_context = _after_any(words['month_context'])
        self.after_year_context = _after_any(words['year_context'])
        self.time = (r"(?:\s*,?\s*(?:(?i:sekitar|pada|mulai)\s+)?(?i:pukul|pkl\.?|jam)\s*"
                     r"(?P<@hh>[0-2]?\d)(?:[.:](?P<@mm>[0-5]\d))?(?!\d)"
                     r"(?:\s*(?:[-–—]|hingga|sampai|s\.?d\.?|s/d)\s*(?:[0-2]?\d[.:][0-5]\d|selesai))?"
                     rf"(?:\s*(?P<@tz>{self.zone})(?![\w]))?"
                     rf"(?:\s+(?P<@tpod>{self.part_of_day}))?)")
        self.later_part_of_day = rf"(?:\s+{self.part_of_day})"   # "Senin (14/4) malam"
        self.past = rf"(?:\s+(?P<@past>{self.shift_past}))"
        self.part = rf"(?P<@part>{self.part_words})\s+"
        self.rel = rf"(?:\s+(?P<@rel>{self.shift_any}))"
        self.rel_or_year = rf"(?:\s+(?P<@rel>{self.shift_any}|tahun\s+{self.shift_any}))"   # "awal Februari tahun depan"

    def wd(self, t: str) -> str:
        return rf"(?P<@{t}wd>{self.weekday_alt})(?![\w])"

    def day(self, t: str) -> str:
        # The second end of a range follows a dash ("7-13"), so only the first is guarded.
        guard = self.not_after_number if t != "b" else ""
        return rf"{guard}(?P<@{t}d>[0-3]?\d)(?!\d)"

    def year(self, t: str) -> str:
        return rf"(?P<@{t}y>(?:19|20)\d\d){self.year_tail}"

    def month(self, t: str) -> str:
        return rf"(?P<@{t}mon>{self.month_any})"

    def weekday_prefix(self, t: str) -> str:
        return rf"(?:(?:(?i:hari)\s+)?{self.wd(t)}(?:\s+{self.part_of_day})?\s*,?\s*)"

    def unit_text(self, t: str) -> str:
        return (rf"{self.weekday_prefix(t)}?(?:(?P<@{t}tg>(?i:tanggal|tgl\.?))\s*)?"
                rf"{self.day(t)}\s+{self.month(t)}(?:\s+{self.year(t)})?")

    def unit_num(self, t: str) -> str:
        return (rf"{self.weekday_prefix(t)}?(?:(?P<@{t}tg>(?i:tanggal|tgl\.?))\s*)?(?P<@{t}po>\(\s*)?"
                rf"{self.day(t)}/(?P<@{t}m>[01]?\d)(?:/(?P<@{t}y>\d{{4}}|\d\d))?(?![\d/])(?(@{t}po)\s*\))")


def phrases(words) -> str:
    """An alternation of phrases, any run of white space between their words."""
    return "|".join(r"\s+".join(map(re.escape, phrase.split()))
                    for phrase in sorted(set(words), key=lambda w: (-len(w), w)))


def _after_any(words) -> str:
    forms = {w for word in words for w in (word, word.capitalize())}
    return "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in sorted(forms)) + ")"


RULES: tuple[Rule, ...] = (
    # Blockers: numbers that look like dates but are not.
    Rule("block_number", "nomor nomer no nr",
         lambda p: r"(?i:nomor|nomer|no\.|nr\.)\s*:?\s*[\w./-]*\d[\w./-]*(?:\s+(?i:tahun|thn\.?)\s+\d{4})?",
         None,
         (('Surat [nomor 12/2024] diterbitkan pekan ini.', None),)),
    Rule("block_law", "LAW",
         lambda p: rf"(?:{p.law})"
                   r"\s+(?:\d+\s*/\s*\d{4}|\d+\s+(?i:tahun|thn\.?)\s+\d{4})",
         None,
         (('Aturan itu tercantum dalam [UU 11/2020] tentang Cipta Kerja.', None),)),
    # "22 Tahun 2009 tentang Lalu Lintas": a law cited without "UU" or "Nomor".
    Rule("block_law_cited", "#",
         lambda p: r"\d{1,4}\s+(?i:tahun)\s+\d{4}(?=\s+(?i:tentang)\b)",
         None,
         (('Pasal dalam Undang-Undang [22 Tahun 2009] tentang Lalu Lintas dilanggar.', None),)),
    Rule("block_disease", "covid sars h5n",
         lambda p: r"(?i:covid|sars-cov|h5n)-?\s?\d+",
         None,
         (('Kasus [Covid-19] kembali naik di Surabaya.', None),)),
    Rule("block_money", "rp idr usd us rm",
         lambda p: r"(?:Rp|IDR|USD|US\$|S\$|RM)\s?\.?\s?\d[\d.,]*",
         None,
         (('Kerugian mencapai [Rp 12.000.000] menurut polisi.', None),)),
    Rule("block_age", "AGE",
         lambda p: rf"(?i:{p.age})\s+(?:(?i:sekitar|kira-kira)\s+)?\d+(?:-an)?(?:\s+tahun)?",
         None,
         (('Pelaku [berusia 17 tahun] ditangkap di Depok.', None),)),
    # Impossible days and years: "40–13 April 2025", "1 Januari 0001" are no dates at all.
    Rule("block_impossible", "#",
         lambda p: rf"(?:(?:3[2-9]|[4-9]\d)\s*[-–—]\s*[0-3]?\d\s+{p.month_any}(?:\s+\d{{1,5}})?"
                   rf"|[0-3]?\d\s+{p.month_any}\s+(?!(?:19|20)\d\d(?!\d))\d{{4,}})",
         None,
         (('Acara digelar [40-13 April 2025] menurut undangan.', None),)),
    # Day ranges.
    Rule("range_days_full", "# WD hari tanggal tgl",
         lambda p: rf"{p.unit_text('a')}{p.connect}{p.unit_text('b')}{p.time}?",
         range_days_full,
         (('Festival berlangsung [12 April 2025 hingga 14 April 2025] di Solo.', '2025-04-12/2025-04-14'),)),
    Rule("range_days_numeric", "# WD hari tanggal tgl",
         lambda p: rf"{p.unit_num('a')}{p.connect}{p.unit_num('b')}{p.time}?",
         range_days_full,
         (('Operasi berlangsung [12/4/2025 - 14/4/2025] di Medan.', '2025-04-12/2025-04-14'),)),
    Rule("range_days_month", "# WD",
         lambda p: rf"(?:{p.wd('a')}{p.dash}{p.wd('b')}\s*,?\s*)?{p.day('a')}{p.connect}{p.day('b')}\s+{p.month('b')}(?:\s+{p.year('b')})?{p.time}?",
         range_days_month,
         (('Pameran dibuka [7-13 April 2025] di Jakarta.', '2025-04-07/2025-04-13'),)),
    Rule("range_days_slash", "# WD",
         lambda p: rf"(?:{p.wd('a')}{p.connect}{p.wd('b')}\s*,?\s*)?(?P<@po>\(\s*)?{p.day('a')}\s?[-–—]\s?{p.day('b')}/(?P<@bm>[01]?\d)(?:/(?P<@by>\d{{4}}|\d\d))?(?![\d/])(?(@po)\s*\))",
         range_days_slash,
         (('Razia digelar [Senin-Rabu (14-16/4)] di Bogor.', '2025-04-14/2025-04-16'),)),
    Rule("range_months", "MON",
         lambda p: rf"{p.month('a')}(?:\s+{p.year('a')})?{p.connect}{p.month('b')}\s+{p.year('b')}",
         range_months,
         (('Proyek berjalan [Januari 2024 hingga Maret 2025] di Kupang.', '2024-01-01/2025-03-31'),)),
    # Without a year, "Mei dan Juni" may be two people: only after "pada", "bulan", ...
    # and with no capitalised surname after.
    Rule("months_listed", "MON",
         lambda p: rf"(?:(?P<@amon>{p.month_cap})(?:\s*,\s*{p.month_cap})*\s*,?\s+dan\s+(?P<@bmon>{p.month_cap})\s+{p.year('b')}"
                   rf"|{p.after_month_context}(?P<@amon2>{p.month_cap})(?:\s*,\s*{p.month_cap})*\s*,?\s+dan\s+"
                   rf"(?P<@bmon2>{p.month_cap})(?!\s+[A-Z][a-z]))",
         months_listed,
         (('Panen terjadi pada [Mei dan Juni] di Garut.', '2024-05-01/2024-06-30'),)),
    Rule("range_months_bare", "MON",
         lambda p: rf"(?P<@amon>{p.month_cap}){p.connect}(?P<@bmon>{p.month_cap})(?!\s*\d){p.rel}?",
         range_months_bare,
         (('Survei digelar [Januari-Maret lalu] di Papua.', '2025-01-01/2025-03-31'),)),
    Rule("range_years", "# tahun periode",
         lambda p: rf"(?:(?i:tahun|periode)\s+)?{p.not_after_number}{p.year('a')}{p.connect}{p.year('b')}(?![.,]\d)",
         range_years,
         (('Program itu berjalan [tahun 2020-2023] di Aceh.', '2020-01-01/2023-12-31'),)),
    # Single days.
    Rule("days_listed", "#",
         lambda p: rf"{p.day('a')}(?:\s*,\s*[0-3]?\d)*\s*,?\s+dan\s+{p.day('b')}\s+{p.month('b')}(?:\s+{p.year('b')})?",
         days_listed,
         (('Sidang digelar [7, 8 dan 9 April 2025] di Semarang.', '2025-04-07/2025-04-09'),)),
    Rule("day_text", "# WD hari tanggal tgl",
         lambda p: rf"{p.unit_text('a')}{p.later_part_of_day}?{p.time}?{p.past}?",
         day_text,
         (('Tersangka ditangkap [Senin, 14 April 2025 pukul 10.00 WIB] di Batam.', '2025-04-14T10:00+07:00'),
          ('Tersangka ditangkap [tgl. 3 Maret] di Batam.', '2025-03-03'))),
    Rule("day_numeric", "# WD hari tanggal tgl",
         lambda p: rf"{p.unit_num('a')}{p.later_part_of_day}?{p.time}?{p.past}?",
         day_numeric,
         (('Tersangka ditangkap [Senin (14/4) malam] di Medan.', '2025-04-14'),)),
    Rule("day_iso", "#",
         lambda p: rf"{p.not_after_number}{p.year('a')}-(?P<@am>[01]\d)-(?P<@ad>[0-3]\d)(?![\d])(?:(?:T|\s+)(?P<@hh>[0-2]\d):(?P<@mm>[0-5]\d))?",
         day_iso,
         (('Data diperbarui [2025-04-14] oleh dinas.', '2025-04-14'),)),
    Rule("day_dashed", "#",
         lambda p: rf"{p.not_after_number}(?P<@ad>[0-3]?\d)-(?P<@am>[01]?\d)-{p.year('a')}{p.time}?",
         day_iso,
         (('Data diperbarui [14-04-2025] oleh dinas.', '2025-04-14'),)),
    Rule("day_of_month", "tanggal tgl",
         lambda p: r"(?P<@tg>(?i:tanggal|tgl\.?))\s*" + rf"(?P<@ad>[0-3]?\d)(?![\d/\-]|\.\d)(?!\s+{p.month_any})(?!\s*(?:,|dan|hingga|sampai)\s*\d)",
         day_of_month,
         (('Gaji dibayar [tanggal 25] oleh perusahaan.', '2025-03-25'),)),
    # Parts of months, years and weeks.
    Rule("part_month", "PART",
         lambda p: rf"{p.part}(?:(?i:bulan)\s+)?{p.month('a')}(?:\s+{p.year('a')})?{p.rel_or_year}?",
         part_month,
         (('Banjir melanda [akhir April 2025] di Bekasi.', '2025-04-21/2025-04-30'),
          ('Banjir melanda [ujung April 2025] di Bekasi.', '2025-04-21/2025-04-30'))),
    Rule("part_year", "PART",
         lambda p: rf"{p.part}(?:(?i:tahun)\s+)?{p.year('a')}{p.rel}?",
         part_year,
         (('Target itu tercapai [awal 2024] menurut kementerian.', '2024-01-01/2024-04-30'),)),
    Rule("part_relative", "PART",
         lambda p: rf"{p.part}(?P<@unit>(?i:bulan|tahun|pekan|minggu))(?![\w])(?:\s+(?P<@rel>{p.shift_any}))?(?!\s+yang\s+sama)",
         part_relative,
         (('Harga cabai naik [akhir bulan lalu] di Bandung.', '2025-03-21/2025-03-31'),)),
    # Quarters, halves, decades.
    Rule("quarter", "QUARTER",
         lambda p: rf"(?i:{p.quarter_words})\s*(?:ke-?\s*)?(?P<@n>IV|I{{1,3}}|[1-4]|(?i:pertama|kedua|ketiga|keempat))(?![\w])"
                   rf"(?:\s*[/\-]?\s*(?:(?i:tahun)\s+)?(?:{p.year('a')}|(?P<@rel>{p.shift_any})))?",
         quarter,
         (('Laba bank naik pada [kuartal pertama 2025] menurut laporan.', '2025-01-01/2025-03-31'),)),
    Rule("quarter_q", "q",
         lambda p: rf"Q(?P<@n>[1-4])\s*[/\-]?\s*{p.year('a')}",
         quarter,
         (('Laba bank naik pada [Q1 2025] menurut laporan.', '2025-01-01/2025-03-31'),)),
    Rule("half", "HALF",
         lambda p: rf"(?i:{p.half_words})\s*(?:ke-?\s*)?(?P<@n>II|I|[12]|(?i:pertama|kedua))(?![\w])"
                   rf"(?:\s*[/\-]?\s*(?:(?i:tahun)\s+)?(?:{p.year('a')}|(?P<@rel>{p.shift_any})))?",
         half,
         (('Ekspor naik pada [semester kedua 2024] menurut laporan.', '2024-07-01/2024-12-31'),)),
    Rule("decade", "# DECADE PART",
         lambda p: rf"(?:(?P<@pre>(?i:{p.decade_words})|{p.part_words})\s+)?{p.not_after_number}(?P<@c>(?:19|20)?\d)0-an(?![\w])",
         decade_named,
         (('Musik itu populer pada [tahun 1990-an] di Jakarta.', '1990-01-01/1999-12-31'),)),
    # Months and years.
    Rule("month_year", "MON bulan",
         lambda p: rf"(?:(?i:bulan)\s+)?{p.month('a')}\s+{p.year('a')}{p.rel}?",
         month_year,
         (('Pemilu digelar [Februari 2024] di seluruh Indonesia.', '2024-02-01/2024-02-29'),)),
    Rule("month_relative", "MON",
         lambda p: rf"(?P<@amon>{p.month_cap})\s+(?P<@rel>{p.shift_any}|tahun\s+{p.shift_any})",
         month_relative,
         (('Kebijakan itu berlaku [Maret lalu] di Bali.', '2025-03-01/2025-03-31'),)),
    Rule("month_bare", "MON",
         lambda p: rf"{p.after_month_context}(?P<@amon>{p.month_cap})(?!\s+[A-Z][a-z])",
         month_bare,
         (('Kebijakan itu berlaku pada [Mei] di Bali.', '2024-05-01/2024-05-31'),)),
    Rule("year_word", "tahun thn",
         lambda p: rf"(?i:tahun|thn\.?)\s+{p.year('a')}{p.rel}?",
         year_word,
         (('Kebijakan itu berlaku [tahun 2023] di Bali.', '2023-01-01/2023-12-31'),)),
    Rule("year_relative", "#",
         lambda p: rf"{p.not_after_number}{p.year('a')}\s+(?P<@rel>{p.shift_not_now})",
         year_relative,
         (('Gedung itu dibangun [2019 silam] di Makassar.', '2019-01-01/2019-12-31'),)),
    Rule("year_bare", "#",
         lambda p: rf"{p.after_year_context}{p.year('a')}(?![.,]\d)",
         year_word,
         (('Kebijakan itu berlaku sejak [2021] di Bali.', '2021-01-01/2021-12-31'),)),
    # Relative to the anchor or to the story's reference date.
    Rule("relative_count", "# NUM SE",
         lambda p: rf"(?:(?P<@n>\d{{1,2}}|{p.number_alt})\s+|(?P<@se>[Ss]e))(?P<@unit>{p.units_calendar})\s+(?:yang\s+)?"
                   rf"(?P<@dir>{p.offset_words})(?![\w])",
         relative_count,
         (('Korban ditemukan [tiga hari lalu] di Sungai Musi.', '2025-04-13'),
          ('Polisi menggerebek markas itu pada Senin (7/4/2025). [Sehari kemudian] tersangka ditangkap.', '2025-04-08'))),
    Rule("next_day", "NEXT_DAY",
         lambda p: rf"(?i:{p.next_day_words})(?![\w])",
         next_day,
         (('Rapat digelar Senin (14/4). [Keesokan harinya] polisi datang.', '2025-04-15'),)),
    Rule("same_day", "hari malam pagi siang sore",
         lambda p: rf"(?i:(?:hari|malam|pagi|siang|sore)\s+itu|hari\s+yang\s+sama)(?![\w])(?!\s+(?:tiba|datang)\b){p.time}?",
         same_day,
         (('Rapat digelar Senin (14/4). [Hari itu] hujan turun deras.', '2025-04-14'),)),
    Rule("week_relative", "pekan minggu",
         lambda p: rf"(?<!\d\s)(?i:pekan|minggu)\s+(?P<@rel>(?i:{p.shift_any}))",
         week_relative,
         (('Rapat koordinasi digelar [pekan lalu] di Jakarta.', '2025-04-07/2025-04-13'),)),
    Rule("weekday", "WD hari",
         lambda p: rf"(?:(?i:hari)\s+)?{p.wd('a')}(?:\s+{p.part_of_day})?"
                   rf"(?:\s+(?:(?P<@wk>(?i:pekan|minggu))\s+(?P<@wrel>{p.shift_any})|(?P<@rel>{p.shift_any}|besok(?![\w]))))?{p.time}?",
         weekday_named,
         (('Rapat koordinasi digelar [Senin lalu] di Jakarta.', '2025-04-14'),
          ('Rapat koordinasi digelar [Jumat pekan depan] di Jakarta.', '2025-04-25'))),
    Rule("month_now", "bulan",
         lambda p: rf"(?<!\d\s)(?i:bulan)\s+(?P<@rel>(?i:{p.shift_any}))",
         month_now,
         (('Harga beras naik [bulan ini] di Cianjur.', '2025-04-01/2025-04-30'),)),
    Rule("year_now", "tahun",
         lambda p: rf"(?<!\d\s)(?i:tahun)\s+(?P<@rel>(?i:{p.shift_any}))",
         year_now,
         (('Harga beras naik [tahun ini] di Cianjur.', '2025-01-01/2025-12-31'),)),
    Rule("day_word", "DAYWORD",
         lambda p: rf"(?P<@w>(?i:{p.day_words}))(?![\w])(?:\s+{p.part_of_day})?{p.time}?",
         day_word,
         (('Korban ditemukan [kemarin sore] di Cianjur.', '2025-04-15'),)),
    Rule("vague", "VAGUE",
         lambda p: "(?P<@phrase>(?i:" + p.vague + r"))(?![\w-])",
         vague,
         (('Kasus itu [baru-baru ini] muncul di Sleman.', '../2025-04-16'),)),
    # "saat itu", "ketika itu": the time the story last named.
    Rule("then", "THEN",
         lambda p: rf"(?i:{p.then})\s+itu(?![\w])",
         then,
         (('Rapat digelar Senin (14/4). [Saat itu] hujan turun.', '2025-04-14'),)),
    # "setiap Senin" (XXXX-WXX-1), "tiap tanggal 17", "setiap tahun" (P1Y): habits, not dates.
    Rule("recurring", "EVERY",
         lambda p: rf"(?i:{p.every})\s+(?:(?i:hari)\s+)?(?:(?P<@swd>{p.weekday_alt}|(?i:{p.weekdays_any}))(?![\w])"
                   r"|(?i:tanggal|tgl\.?)\s*(?P<@sday>[0-3]?\d)(?!\d)"
                   rf"|(?P<@sunit>(?i:{p.units_single}))(?![\w]))",
         recurring,
         (('Pasar itu buka [setiap Senin] di Klaten.', 'XXXX-WXX-1'),
          ('Pasar itu buka [setiap tahun] di Klaten.', 'P1Y'))),
    # "selama tiga hari" (P3D), "30 menit", "hampir sebulan": how long, not when.
    # An age is not a duration: "yang tertua 67 tahun", "berusia 18-30 tahun".
    Rule("duration", "# NUM SOME SE selama",
         lambda p: rf"(?<!tertua\s)(?<!termuda\s)(?:(?i:selama)\s+)?(?:(?i:{p.hedge})\s+)?"
                   rf"(?:{p.not_after_number}(?P<@n>\d{{1,3}}|{p.number_alt}|(?i:beberapa))\s+|(?P<@se>(?i:se)))"
                   rf"(?P<@unit>{p.units_all})(?![\w-])"
                   rf"(?:\s+(?:(?i:dan)\s+)?(?P<@n2>\d{{1,2}}|{p.number_alt})\s+(?P<@unit2>(?i:{p.units_finer_than_year}))(?![\w-]))?"
                   rf"(?P<@after>\s+(?i:{p.after_duration})(?![\w]))?",
         duration,
         (('Korban dirawat [selama tiga hari] di rumah sakit.', 'P3D'),
          ('Pembangunan berlangsung [7 tahun 6 bulan] di Kalimantan.', 'P7Y6M'))),
    Rule("time_only", "pukul pkl jam",
         lambda p: rf"(?i:pukul|pkl\.?|jam(?=\s*\d{{1,2}}[.:]\d\d))\s*(?P<@hh>[0-2]?\d)(?:[.:](?P<@mm>[0-5]\d))?(?!\d)"
                   r"(?:\s*(?:[-–—]|hingga|sampai|s\.?d\.?|s/d)\s*(?:[0-2]?\d[.:][0-5]\d|selesai))?"
                   rf"(?:\s*(?P<@tz>{p.zone})(?![\w]))?(?:\s+(?P<@tpod>{p.part_of_day}))?",
         time_only,
         (('Rapat dimulai [pukul 09.00 WIB] di balai kota.', '2025-04-16T09:00+07:00'),)),
    # "14.30 WIB" without "pukul": a clock time only when its zone follows.
    Rule("clock", "#",
         lambda p: rf"{p.not_after_number}(?P<@hh>[0-2]?\d)[.:](?P<@mm>[0-5]\d)\s*(?P<@tz>{p.zone})(?![\w])"
                   rf"(?:\s+(?P<@tpod>{p.part_of_day}))?",
         time_only,
         (('Rapat dimulai [14.30 WIB] di balai kota.', '2025-04-16T14:30+07:00'),)),
)
