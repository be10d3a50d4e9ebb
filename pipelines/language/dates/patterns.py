"""The date grammar: one regex per expression shape, tried where a date can start.

Rules are listed in priority order. At each place a date can start (found by one trigger
scan, see `Grammar`), the rules that can begin there are tried as one alternation and the
first that matches wins, so longer shapes (ranges, dates with weekday and time) come before
their parts, and blockers (law numbers, money, ages, Covid-19) come first so the numbers
inside them are never read as dates.

Group names inside a rule template are written `<@name>` / `(?(@name)` and get the rule's
name as prefix when the alternations are built, because Python regexes need unique names.
"""
from __future__ import annotations

import functools
import re

from pipelines.language.dates.lexicon import Lexicon, alternation, lexicon


class Grammar:
    """The compiled grammar.

    `trigger` finds, after a non-word character, the start of anything a rule can begin
    with (a number that passes the digit gate, or one of the rules' first words); it runs
    over the lower-cased text, or with IGNORECASE (`trigger_any_case`) when lower-casing
    changes the length. `rules_at(key)` gives, for the first two letters at such a position
    ('#' for digits and "("), the alternation of the rules that can start there, in priority
    order, so the expensive patterns only run where a date can begin. Those alternations are
    compiled on first use, so a one-line `linimasa dates` call compiles only what it needs.
    """

    def __init__(self, trigger: str, bodies: list[tuple[str, str]], firsts: dict[str, set[str]],
                 groups: dict[str, frozenset[str]]):
        self.trigger = re.compile(r"[^\w]" + trigger)
        self.trigger_any_case = re.compile(r"[^\w]" + trigger, re.IGNORECASE)
        self.at_text_start = re.compile(trigger)
        self.at_text_start_any_case = re.compile(trigger, re.IGNORECASE)
        self.groups = groups                 # rule -> its local group names
        self.by_key: dict[str, re.Pattern | None] = {}   # filled by rules_at, read directly when hot
        self._bodies = bodies
        self._firsts = firsts
        self._compiled: dict[tuple[str, ...], re.Pattern | None] = {}

    def rules_at(self, key: str) -> re.Pattern | None:
        """The rules that can start with `key` (two letters, or '#'), compiled on first use."""
        if key not in self.by_key:
            # A two-letter key also serves the one-letter start words sharing its first letter.
            wanted = {key, key[:1]} if key != "#" else {key}
            names = tuple(name for name, _ in self._bodies if wanted & self._firsts[name])
            if names not in self._compiled:
                bodies = dict(self._bodies)
                self._compiled[names] = re.compile("|".join(bodies[name] for name in names)) if names else None
            self.by_key[key] = self._compiled[names]
        return self.by_key[key]


# Pieces of the grammar that need no lexicon.
_NOT_AFTER_NUMBER = r"(?<![\d.,:/\-])"
_CONNECT = r"\s*(?:[-–—]|hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s\s?/\s?d|sd(?=\s))\s*"
_DASH = r"\s*[-–—]\s*"
_PART_OF_DAY = r"(?i:dini\s+hari|pagi|siang|sore|malam)(?![\w])"
_YEAR_TAIL = r"(?![\d]|-an)"

# Words after which a lone month or year is read as a date ("pada Mei", "sepanjang 2024").
_MONTH_CONTEXT = "pada sejak hingga sampai sepanjang selama per jelang menjelang bulan di".split()
_YEAR_CONTEXT = "pada sejak hingga sampai sepanjang selama per jelang menjelang di pada awal".split()


# The words a rule's match can begin with: '#' is a digit or '(', WD a weekday, MON a month,
# PART awal/akhir/..., NUM a number word, VAGUE the first word of a vague phrase.
_STARTS = {
    "block_number": "nomor nomer no nr",
    "block_law": "uu pp perpres perppu perpu perpol perkap perma permen perda pergub perbup perwal keppres inpres kepmen",
    "block_law_cited": "#",
    "block_disease": "covid sars h5n",
    "block_money": "rp idr usd us rm",
    "block_age": "berusia usia umur berumur",
    "block_impossible": "#",
    "range_days_full": "# WD hari tanggal tgl",
    "range_days_numeric": "# WD hari tanggal tgl",
    "range_days_month": "# WD",
    "range_days_slash": "# WD",
    "range_months": "MON",
    "months_listed": "MON",
    "range_months_bare": "MON",
    "range_years": "# tahun periode",
    "days_listed": "#",
    "day_text": "# WD hari tanggal tgl",
    "day_numeric": "# WD hari tanggal tgl",
    "day_iso": "#",
    "day_dashed": "#",
    "day_of_month": "tanggal tgl",
    "part_month": "PART",
    "part_year": "PART",
    "part_relative": "PART",
    "quarter": "kuartal triwulan kwartal",
    "quarter_q": "q",
    "half": "semester paruh",
    "decade": "# tahun era dekade PART",
    "month_year": "MON bulan",
    "month_relative": "MON",
    "month_bare": "MON",
    "year_word": "tahun thn",
    "year_relative": "#",
    "year_bare": "#",
    "relative_count": "# NUM SE",
    "next_day": "keesokan esok esoknya",
    "same_day": "hari malam pagi siang sore",
    "week_relative": "pekan minggu",
    "weekday": "WD hari",
    "month_now": "bulan",
    "year_now": "tahun",
    "day_word": "DAYWORD",
    "vague": "VAGUE",
    "then": "THEN",
    "recurring": "setiap tiap saban",
    "duration": "# NUM SOME SE selama",
    "time_only": "pukul pkl jam",
    "clock": "#",
}


# Start words that may run on inside a longer word ("Permenkominfo", "Q1", "H5N1").
_PREFIX_STARTS = frozenset({"permen", "kepmen", "q", "h5n", "covid"})



def _cardinal_words(lex: Lexicon) -> list[str]:
    return lex.cardinals()


def _phrases(words) -> str:
    """An alternation of phrases, any run of white space between their words."""
    return "|".join(r"\s+".join(map(re.escape, phrase.split()))
                    for phrase in sorted(set(words), key=lambda w: (-len(w), w)))


def _after_any(words: list[str]) -> str:
    forms = {w for word in words for w in (word, word.capitalize())}
    return "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in sorted(forms)) + ")"


def _templates(lex: Lexicon) -> list[tuple[str, str]]:
    weekday_alt = alternation([w.capitalize() for w in lex.weekdays] + [w.upper() for w in lex.weekdays])
    month_any = "(?i:" + alternation(lex.months) + r")(?![a-zA-Z])(?:\.(?=\s?\d))?"
    month_cap = "(?:" + alternation([m.capitalize() for m in lex.months] + [m.upper() for m in lex.months]) + r")(?![\w])"
    number_alt = "(?i:" + alternation(_cardinal_words(lex)) + ")"
    # Word lists from seeds/date_shifts.csv, date_parts.csv and date_offsets.csv.
    shift_any = "(?:" + alternation(lex.shift_words()) + r")(?![\w])"              # lalu, ini, depan, ...
    shift_not_now = "(?:" + alternation(lex.shift_words("past", "future")) + r")(?![\w])"
    shift_past = "(?:" + alternation(lex.shift_words("past")) + r")(?![\w])"
    part_words = "(?i:" + alternation(lex.parts) + ")"
    offset_words = "(?i:" + alternation(lex.offsets) + ")"
    units_all = "(?i:" + alternation(lex.units) + ")"                                  # seeds/date_units.csv
    units_calendar = "(?i:" + alternation(lex.unit_words(calendar=True)) + ")"

    def wd(t):
        return rf"(?P<@{t}wd>{weekday_alt})(?![\w])"

    def day(t):
        # The second end of a range follows a dash ("7-13"), so only the first is guarded.
        guard = _NOT_AFTER_NUMBER if t != "b" else ""
        return rf"{guard}(?P<@{t}d>[0-3]?\d)(?!\d)"

    def year(t):
        return rf"(?P<@{t}y>(?:19|20)\d\d){_YEAR_TAIL}"

    def month(t):
        return rf"(?P<@{t}mon>{month_any})"

    def weekday_prefix(t):
        return rf"(?:(?:(?i:hari)\s+)?{wd(t)}(?:\s+{_PART_OF_DAY})?\s*,?\s*)"

    def unit_text(t):
        return (rf"{weekday_prefix(t)}?(?:(?P<@{t}tg>(?i:tanggal|tgl\.?))\s*)?"
                rf"{day(t)}\s+{month(t)}(?:\s+{year(t)})?")

    def unit_num(t):
        return (rf"{weekday_prefix(t)}?(?:(?P<@{t}tg>(?i:tanggal|tgl\.?))\s*)?(?P<@{t}po>\(\s*)?"
                rf"{day(t)}/(?P<@{t}m>[01]?\d)(?:/(?P<@{t}y>\d{{4}}|\d\d))?(?![\d/])(?(@{t}po)\s*\))")

    time = (r"(?:\s*,?\s*(?:(?i:sekitar|pada|mulai)\s+)?(?i:pukul|pkl\.?|jam)\s*"
            r"(?P<@hh>[0-2]?\d)(?:[.:](?P<@mm>[0-5]\d))?(?!\d)"
            r"(?:\s*(?:[-–—]|hingga|sampai|s\.?d\.?|s/d)\s*(?:[0-2]?\d[.:][0-5]\d|selesai))?"
            r"(?:\s*(?P<@tz>WIB|WITA|WIT)(?![\w]))?"
            rf"(?:\s+(?P<@tpod>{_PART_OF_DAY}))?)")
    later_part_of_day = rf"(?:\s+{_PART_OF_DAY})"   # "Senin (14/4) malam"
    past = rf"(?:\s+(?P<@past>{shift_past}))"
    part = rf"(?P<@part>{part_words})\s+"
    rel = rf"(?:\s+(?P<@rel>{shift_any}))"
    rel_or_year = rf"(?:\s+(?P<@rel>{shift_any}|tahun\s+{shift_any}))"   # "awal Februari tahun depan"

    rules = [
        # Blockers: numbers that look like dates but are not.
        ("block_number", r"(?i:nomor|nomer|no\.|nr\.)\s*:?\s*[\w./-]*\d[\w./-]*(?:\s+(?i:tahun|thn\.?)\s+\d{4})?"),
        ("block_law", r"(?:UU|PP|Perpres|Perppu|Perpu|Perpol|Perkap|Perma|Permen\w*|Perda|Pergub|Perbup|Perwal|Keppres|Inpres|Kepmen\w*)"
                      r"\s+(?:\d+\s*/\s*\d{4}|\d+\s+(?i:tahun|thn\.?)\s+\d{4})"),
        # "22 Tahun 2009 tentang Lalu Lintas": a law cited without "UU" or "Nomor".
        ("block_law_cited", r"\d{1,4}\s+(?i:tahun)\s+\d{4}(?=\s+(?i:tentang)\b)"),
        ("block_disease", r"(?i:covid|sars-cov|h5n)-?\s?\d+"),
        ("block_money", r"(?:Rp|IDR|USD|US\$|S\$|RM)\s?\.?\s?\d[\d.,]*"),
        ("block_age", r"(?i:berusia|usia|umur|berumur)\s+(?:(?i:sekitar|kira-kira)\s+)?\d+(?:-an)?(?:\s+tahun)?"),
        # Impossible days and years: "40–13 April 2025", "1 Januari 0001" are no dates at all.
        ("block_impossible", rf"(?:(?:3[2-9]|[4-9]\d)\s*[-–—]\s*[0-3]?\d\s+{month_any}(?:\s+\d{{1,5}})?"
                             rf"|[0-3]?\d\s+{month_any}\s+(?!(?:19|20)\d\d(?!\d))\d{{4,}})"),
        # Day ranges.
        ("range_days_full", rf"{unit_text('a')}{_CONNECT}{unit_text('b')}{time}?"),
        ("range_days_numeric", rf"{unit_num('a')}{_CONNECT}{unit_num('b')}{time}?"),
        ("range_days_month", rf"(?:{wd('a')}{_DASH}{wd('b')}\s*,?\s*)?{day('a')}{_CONNECT}{day('b')}\s+{month('b')}(?:\s+{year('b')})?{time}?"),
        ("range_days_slash", rf"(?:{wd('a')}{_CONNECT}{wd('b')}\s*,?\s*)?(?P<@po>\(\s*)?{day('a')}\s?[-–—]\s?{day('b')}/(?P<@bm>[01]?\d)(?:/(?P<@by>\d{{4}}|\d\d))?(?![\d/])(?(@po)\s*\))"),
        ("range_months", rf"{month('a')}(?:\s+{year('a')})?{_CONNECT}{month('b')}\s+{year('b')}"),
        # Without a year, "Mei dan Juni" may be two people: only after "pada", "bulan", ...
        # and with no capitalised surname after.
        ("months_listed", rf"(?:(?P<@amon>{month_cap})(?:\s*,\s*{month_cap})*\s*,?\s+dan\s+(?P<@bmon>{month_cap})\s+{year('b')}"
                          rf"|{_after_any(_MONTH_CONTEXT)}(?P<@amon2>{month_cap})(?:\s*,\s*{month_cap})*\s*,?\s+dan\s+"
                          rf"(?P<@bmon2>{month_cap})(?!\s+[A-Z][a-z]))"),
        ("range_months_bare", rf"(?P<@amon>{month_cap}){_CONNECT}(?P<@bmon>{month_cap})(?!\s*\d){rel}?"),
        ("range_years", rf"(?:(?i:tahun|periode)\s+)?{_NOT_AFTER_NUMBER}{year('a')}{_CONNECT}{year('b')}(?![.,]\d)"),
        # Single days.
        ("days_listed", rf"{day('a')}(?:\s*,\s*[0-3]?\d)*\s*,?\s+dan\s+{day('b')}\s+{month('b')}(?:\s+{year('b')})?"),
        ("day_text", rf"{unit_text('a')}{later_part_of_day}?{time}?{past}?"),
        ("day_numeric", rf"{unit_num('a')}{later_part_of_day}?{time}?{past}?"),
        ("day_iso", rf"{_NOT_AFTER_NUMBER}{year('a')}-(?P<@am>[01]\d)-(?P<@ad>[0-3]\d)(?![\d])(?:(?:T|\s+)(?P<@hh>[0-2]\d):(?P<@mm>[0-5]\d))?"),
        ("day_dashed", rf"{_NOT_AFTER_NUMBER}(?P<@ad>[0-3]?\d)-(?P<@am>[01]?\d)-{year('a')}{time}?"),
        ("day_of_month", r"(?P<@tg>(?i:tanggal|tgl\.?))\s*" + rf"(?P<@ad>[0-3]?\d)(?![\d/\-]|\.\d)(?!\s+{month_any})(?!\s*(?:,|dan|hingga|sampai)\s*\d)"),
        # Parts of months, years and weeks.
        ("part_month", rf"{part}(?:(?i:bulan)\s+)?{month('a')}(?:\s+{year('a')})?{rel_or_year}?"),
        ("part_year", rf"{part}(?:(?i:tahun)\s+)?{year('a')}{rel}?"),
        ("part_relative", rf"{part}(?P<@unit>(?i:bulan|tahun|pekan|minggu))(?![\w])(?:\s+(?P<@rel>{shift_any}))?(?!\s+yang\s+sama)"),
        # Quarters, halves, decades.
        ("quarter", rf"(?i:kuartal|triwulan|kwartal)\s*(?:ke-?\s*)?(?P<@n>IV|I{{1,3}}|[1-4]|(?i:pertama|kedua|ketiga|keempat))(?![\w])"
                    rf"(?:\s*[/\-]?\s*(?:(?i:tahun)\s+)?(?:{year('a')}|(?P<@rel>{shift_any})))?"),
        ("quarter_q", rf"Q(?P<@n>[1-4])\s*[/\-]?\s*{year('a')}"),
        ("half", rf"(?i:semester|paruh)\s*(?:ke-?\s*)?(?P<@n>II|I|[12]|(?i:pertama|kedua))(?![\w])"
                 rf"(?:\s*[/\-]?\s*(?:(?i:tahun)\s+)?(?:{year('a')}|(?P<@rel>{shift_any})))?"),
        ("decade", rf"(?:(?P<@pre>(?i:tahun|era|dekade)|{part_words})\s+)?{_NOT_AFTER_NUMBER}(?P<@c>(?:19|20)?\d)0-an(?![\w])"),
        # Months and years.
        ("month_year", rf"(?:(?i:bulan)\s+)?{month('a')}\s+{year('a')}{rel}?"),
        ("month_relative", rf"(?P<@amon>{month_cap})\s+(?P<@rel>{shift_any}|tahun\s+{shift_any})"),
        ("month_bare", rf"{_after_any(_MONTH_CONTEXT)}(?P<@amon>{month_cap})(?!\s+[A-Z][a-z])"),
        ("year_word", rf"(?i:tahun|thn\.?)\s+{year('a')}{rel}?"),
        ("year_relative", rf"{_NOT_AFTER_NUMBER}{year('a')}\s+(?P<@rel>{shift_not_now})"),
        ("year_bare", rf"{_after_any(_YEAR_CONTEXT)}{year('a')}(?![.,]\d)"),
        # Relative to the anchor or to the story's reference date.
        ("relative_count", rf"(?:(?P<@n>\d{{1,2}}|{number_alt})\s+|(?P<@se>[Ss]e))(?P<@unit>{units_calendar})\s+(?:yang\s+)?"
                           rf"(?P<@dir>{offset_words})(?![\w])"),
        ("next_day", r"(?i:keesokan(?:\s+hari(?:nya)?)?|esok\s+harinya|esoknya)(?![\w])"),
        ("same_day", rf"(?i:(?:hari|malam|pagi|siang|sore)\s+itu|hari\s+yang\s+sama)(?![\w])(?!\s+(?:tiba|datang)\b){time}?"),
        ("week_relative", rf"(?<!\d\s)(?i:pekan|minggu)\s+(?P<@rel>(?i:{shift_any}))"),
        ("weekday", rf"(?:(?i:hari)\s+)?{wd('a')}(?:\s+{_PART_OF_DAY})?"
                    rf"(?:\s+(?:(?P<@wk>(?i:pekan|minggu))\s+(?P<@wrel>{shift_any})|(?P<@rel>{shift_any}|besok(?![\w]))))?{time}?"),
        ("month_now", rf"(?<!\d\s)(?i:bulan)\s+(?P<@rel>(?i:{shift_any}))"),
        ("year_now", rf"(?<!\d\s)(?i:tahun)\s+(?P<@rel>(?i:{shift_any}))"),
        ("day_word", rf"(?P<@w>(?i:{_phrases(lex.day_words)}))(?![\w])(?:\s+{_PART_OF_DAY})?{time}?"),
        ("vague", "(?P<@phrase>(?i:" + alternation(lex.vague) + r"))(?![\w-])"),
        # "saat itu", "ketika itu": the time the story last named.
        ("then", r"(?i:saat|ketika|waktu|kala)\s+itu(?![\w])"),
        # "setiap Senin" (XXXX-WXX-1), "tiap tanggal 17", "setiap tahun" (P1Y): habits, not dates.
        ("recurring", rf"(?i:setiap|tiap|saban)\s+(?:(?i:hari)\s+)?(?:(?P<@swd>{weekday_alt}|(?i:{alternation(lex.weekdays)}))(?![\w])"
                      r"|(?i:tanggal|tgl\.?)\s*(?P<@sday>[0-3]?\d)(?!\d)"
                      rf"|(?P<@sunit>(?i:{alternation(lex.unit_words(single=True))}))(?![\w]))"),
        # "selama tiga hari" (P3D), "30 menit", "hampir sebulan": how long, not when.
        # An age is not a duration: "yang tertua 67 tahun", "berusia 18-30 tahun".
        ("duration", rf"(?<!tertua\s)(?<!termuda\s)(?:(?i:selama)\s+)?(?:(?i:hampir|sekitar|kurang\s+lebih|lebih\s+dari|sedikitnya)\s+)?"
                     rf"(?:{_NOT_AFTER_NUMBER}(?P<@n>\d{{1,3}}|{number_alt}|(?i:beberapa))\s+|(?P<@se>(?i:se)))"
                     rf"(?P<@unit>{units_all})(?![\w-])"
                     rf"(?:\s+(?:(?i:dan)\s+)?(?P<@n2>\d{{1,2}}|{number_alt})\s+(?P<@unit2>(?i:{alternation(lex.unit_words(finer_than_year=True))}))(?![\w-]))?"
                     r"(?P<@after>\s+(?i:sebelum|setelah|sesudah|usai|pasca|terakhir|belakangan|ini|itu)(?![\w]))?"),
        ("time_only", rf"(?i:pukul|pkl\.?|jam(?=\s*\d{{1,2}}[.:]\d\d))\s*(?P<@hh>[0-2]?\d)(?:[.:](?P<@mm>[0-5]\d))?(?!\d)"
                      r"(?:\s*(?:[-–—]|hingga|sampai|s\.?d\.?|s/d)\s*(?:[0-2]?\d[.:][0-5]\d|selesai))?"
                      rf"(?:\s*(?P<@tz>WIB|WITA|WIT)(?![\w]))?(?:\s+(?P<@tpod>{_PART_OF_DAY}))?"),
        # "14.30 WIB" without "pukul": a clock time only when its zone follows.
        ("clock", rf"{_NOT_AFTER_NUMBER}(?P<@hh>[0-2]?\d)[.:](?P<@mm>[0-5]\d)\s*(?P<@tz>WIB|WITA|WIT)(?![\w])"
                  rf"(?:\s+(?P<@tpod>{_PART_OF_DAY}))?"),
    ]
    return [(name, template, _STARTS[name].split()) for name, template in rules]


def _number_start(lex: Lexicon) -> str:
    """Where a number can start a date. Most numbers in news are counts and money; a date
    starts at a year, or at a day followed by a separator, a range word, a list, a month or
    a time unit. The first character is matched outright (a digit or "(") and the rest is a
    lookahead, so the scanner's branch test stays cheap at every other position."""
    months = _trie({m.lower() for m in lex.months})
    after_first_digit = (
        r"\d?\s?[/\-–—.]\s?\d"
        r"|\d?\s*(?:[-–—]|hingga|sampai|s\.\s?d|s\s?/\s?d|sd\s)"
        r"|\d?(?:\s*,\s*\d{1,2})*\s*,?\s+dan\s+\d"
        r"|\d?\s+(?:" + months + r")(?![a-z])"
        r"|\d?\d?\s+(?:" + alternation(lex.units) + r")(?![a-z])"
        r"|(?<=1)9\d\d(?!\d)|(?<=2)0\d\d(?!\d)|\d?0-an"
    )
    return r"\((?=\s*\d{1,2}\s?[/\-–—.]\s?\d)|\d(?=" + after_first_digit + ")"


def _trie(words: set[str]) -> str:
    """A regex matching any of `words` (a space matching any run of white space), factored
    by shared prefixes so the engine rejects most positions after a character or two."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(tree)


def _start_words(starts: list[str], lex: Lexicon) -> set[str]:
    expand = {
        "WD": lex.weekdays,
        "MON": lex.months,
        "PART": list(lex.parts),
        # Whole phrases where the first word alone is common ("beberapa", "dua", "saat").
        "NUM": [f"{w} {unit}" for w in _cardinal_words(lex) for unit in lex.units],
        "VAGUE": list(lex.vague),
        "DAYWORD": list(lex.day_words),
        # Whole phrases, since "saat", "waktu" and "beberapa" alone are everywhere.
        "THEN": [f"{w} itu" for w in ("saat", "ketika", "waktu", "kala")],
        "SOME": [f"beberapa {unit}" for unit in lex.units],
        "SE": [f"se{unit}" for unit in lex.units],                 # sehari, sepekan, sejam
    }
    words: set[str] = set()
    for start in starts:
        words.update(w.lower() for w in expand.get(start, [start]))
    return words


@functools.cache
def grammar() -> Grammar:
    """The compiled grammar; built once from the seeds."""
    lex = lexicon()
    bodies, groups, firsts, all_words = [], {}, {}, set()
    for name, template, starts in _templates(lex):
        body = template.replace("<@", f"<{name}__").replace("(?(@", f"(?({name}__")
        bodies.append((name, f"(?P<{name}>{body})"))
        groups[name] = frozenset(re.findall(r"<@(\w+)>", template))
        words = _start_words(starts, lex)
        all_words |= words
        firsts[name] = {w if w == "#" else w[:2] for w in words}
    all_words.discard("#")
    prefixes = {w for w in all_words if w in _PREFIX_STARTS}
    # Numbers only surface where the digit gate says a date could start there.
    trigger = (r"(?P<start>" + _number_start(lex) + "|" + _trie(all_words - prefixes) + "(?![a-z])|"
               + _trie(prefixes) + ")")
    return Grammar(trigger, bodies, firsts, groups)
