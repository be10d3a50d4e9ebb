"""Turning one grammar match into an interval: a resolver per rule of `patterns.py`.

A resolver returns a `Resolved`, or None when the match is not a date after all (a law
number, "31 Februari", "2/3 anggota"): the span is then consumed and nothing is emitted.
Dates inside `Resolved` may be None when the expression needs an anchor and there is none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from pipelines.language.dates import periods as P
from pipelines.language.dates.context import Context
from pipelines.language.dates.lexicon import lexicon

_ZONES = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}
# How far after the anchor a year-less date may fall before a past-tense report is read
# as meaning the previous year: a week leaves room for "sidang digelar 14/4" previews.
_FUTURE_SLACK = dt.timedelta(days=7)


@dataclass
class Resolved:
    date_start: dt.date | None
    date_end: dt.date | None
    granularity: str
    kind: str
    anchor: dt.date | None = None
    time: str | None = None
    weekday_mismatch: bool = False
    sets_reference: bool = False   # an explicit day the story's later narrative counts from
    sets_period: bool = False      # an explicit period of any size, for month/year narrative


Groups = Callable[[str], "str | None"]
UNRESOLVED = object()


# "setiap Sabtu", "tiap akhir tahun": a habit, not a date.
_HABITUAL = re.compile(r"(?:^|\W)(?:setiap|tiap|saban)\s+(?:(?:tanggal|tgl\.?|hari|bulan|tahun)\s+)?"
                       r"(?:\w+\s*(?:,|dan|atau)\s*){0,3}$", re.IGNORECASE)
# "182 hari ini", "dua hari itu", "tiga tahun ini": a count of days or years, not a date.
_COUNTED = re.compile(r"(?:^|\W)(?:\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|"
                      r"belas|puluh|ratus|beberapa|berapa)\s+$", re.IGNORECASE)
_COUNTABLE_RULES = frozenset({"same_day", "day_word", "week_relative", "month_now", "year_now"})


def resolve(rule: str, g: Groups, ctx: Context, start: int, end: int) -> Resolved | None:
    if rule.startswith("block_"):
        return None
    before = ctx.text[max(0, start - 40):start]
    lowered = before.lower()
    if ("tiap" in lowered or "saban" in lowered) and _HABITUAL.search(before):   # substring test first: cheap
        return None
    if rule in _COUNTABLE_RULES and _COUNTED.search(before):
        return None
    try:
        return _RESOLVERS[rule](g, ctx, start, end)
    except (ValueError, OverflowError):
        return None   # "99 tahun lalu" from an anchor in year 50: outside the calendar


# ---- helpers -------------------------------------------------------------------------

def _time(g: Groups) -> str | None:
    hh = g("hh")
    if hh is None:
        return None
    hour, minute = int(hh), int(g("mm") or 0)
    pod = " ".join((g("tpod") or "").lower().split())
    if pod in ("sore", "malam") and hour < 12 and not (pod == "malam" and hour < 4):
        hour += 12
    elif pod == "siang" and hour < 6:
        hour += 12
    if hour > 23:
        return None
    zone = _ZONES.get(g("tz") or "", "")
    return f"{hour:02d}:{minute:02d}{zone}"


def _month_of(g: Groups, name: str) -> int | None:
    surface = g(name)
    if surface is None:
        return None
    if surface.isdigit():
        value = int(surface)
        return value if 1 <= value <= 12 else None
    return lexicon().month(surface)


def _year_of(g: Groups, name: str) -> int | None:
    surface = g(name)
    return P.expand_year(surface) if surface else None


def _weekday_mismatch(g: Groups, prefix: str, day: dt.date | None) -> bool:
    surface = g(prefix + "wd")
    if surface is None or day is None:
        return False
    return lexicon().weekday(surface) != day.weekday()


def _yearless_day(ctx: Context, month: int, day: int, start: int, end: int):
    """A day/month without a year: the anchor's year, or the adjacent one per DESIGN.md.
    Returns a date, None for an impossible day, or UNRESOLVED without any anchor."""
    base = ctx.base()
    if base is None:
        return UNRESOLVED if P.safe_date(2000, month, day) else None
    candidate = P.safe_date(base.year, month, day) or P.safe_date(base.year - 1, month, day)
    if candidate is None:
        return None
    if not ctx.shifts_year():
        return candidate
    future = ctx.is_future(start, end)
    if not future and candidate > base + _FUTURE_SLACK:
        candidate = P.safe_date(candidate.year - 1, month, day)
    elif future and candidate < base - _FUTURE_SLACK:
        candidate = P.safe_date(candidate.year + 1, month, day)
    return candidate


def _yearless_month(ctx: Context, month: int, start: int, end: int) -> int | None:
    """The year for a month named without one ("pada Mei")."""
    base = ctx.base()
    if base is None:
        return None
    if not ctx.shifts_year():
        return base.year
    future = ctx.is_future(start, end)
    if not future and month > base.month:
        return base.year - 1
    if future and month < base.month:
        return base.year + 1
    return base.year


def _relative_month_year(base: dt.date, month: int, rel: str) -> int:
    """The year of "Oktober lalu" (most recent October before the anchor's month),
    "Oktober mendatang" (next one after it) and "Oktober ini"."""
    rel = rel.lower()
    if rel.startswith("tahun"):
        return base.year + {"lalu": -1, "ini": 0, "depan": 1}[rel.split()[-1]]
    if rel in ("lalu", "silam", "kemarin"):
        return base.year if month < base.month else base.year - 1
    if rel in ("mendatang", "depan", "nanti"):
        return base.year if month > base.month else base.year + 1
    return base.year


def _day_result(day, ctx: Context, kind: str, time=None, mismatch=False, anchor=None) -> Resolved | None:
    if day is None:
        return None
    if day is UNRESOLVED:
        return Resolved(None, None, "day", kind, anchor, time, False)
    return Resolved(day, day, "day", kind, anchor, time, mismatch, sets_reference=True, sets_period=True)


def _unit_day(g: Groups, t: str, ctx: Context, start: int, end: int, year: int | None = None):
    """One end of a day expression ("Senin, 14 April", "(7/4)"): date, None or UNRESOLVED."""
    day = _unit_day_as_written(g, t, ctx, start, end, year)
    base = ctx.base()
    # "17 Juli silam" is in the past whatever the clause around it says.
    if g("past") and isinstance(day, dt.date) and base is not None and day > base and not g(t + "y"):
        day = P.safe_date(day.year - 1, day.month, day.day)
    return day


def _unit_day_as_written(g: Groups, t: str, ctx: Context, start: int, end: int, year: int | None = None):
    """The day as written, year-less ones placed by `_yearless_day`."""
    month = _month_of(g, t + "mon") if g(t + "mon") else _month_of(g, t + "m")
    day = int(g(t + "d"))
    if month is None:
        return None
    year = _year_of(g, t + "y") or year
    if year is not None:
        return P.safe_date(year, month, day)
    chosen = _yearless_day(ctx, month, day, start, end)
    if (isinstance(chosen, dt.date) and g(t + "wd") and ctx.shifts_year()
            and abs(chosen - ctx.anchor) > _WEEKDAY_SLIP_RANGE):
        chosen = _year_agreeing_with_weekday(chosen, lexicon().weekday(g(t + "wd")))
    return chosen


# Near the publication date a wrong weekday is the writer's slip ("Jumat (30/11)" for a
# Saturday) and only recorded; far from it, the weekday is better evidence of the year.
_WEEKDAY_SLIP_RANGE = dt.timedelta(days=45)


def _year_agreeing_with_weekday(day: dt.date, weekday: int) -> dt.date:
    """"Jumat (30/11)" names no year, but its weekday does: when the conventional year
    disagrees with the weekday and the year before or after agrees, take that one."""
    if day.weekday() == weekday:
        return day
    for year in (day.year - 1, day.year + 1):
        other = P.safe_date(year, day.month, day.day)
        if other is not None and other.weekday() == weekday:
            return other
    return day


# ---- day expressions -----------------------------------------------------------------

def _day_text(g, ctx, start, end):
    day = _unit_day(g, "a", ctx, start, end)
    explicit = g("ay") is not None
    return _day_result(day, ctx, "absolute", _time(g), _weekday_mismatch(g, "a", day if day is not UNRESOLVED else None),
                       None if explicit else ctx.base())


def _day_numeric(g, ctx, start, end):
    # A bare "2/3" is a fraction or a score; it needs a year, brackets, a weekday or "tanggal".
    if not (g("ay") or g("apo") or g("awd") or g("atg")):
        return None
    return _day_text(g, ctx, start, end)


def _day_iso(g, ctx, start, end):
    day = P.safe_date(int(g("ay")), int(g("am")), int(g("ad")))
    return _day_result(day, ctx, "absolute", _time(g))


def _day_of_month(g, ctx, start, end):
    base = ctx.base()
    day = int(g("ad"))
    if base is None:
        return _day_result(UNRESOLVED if 1 <= day <= 31 else None, ctx, "absolute")
    candidate = P.safe_date(base.year, base.month, day)
    if candidate is not None and candidate > base + _FUTURE_SLACK and not ctx.is_future(start, end):
        y, m = P.add_months(base.year, base.month, -1)
        candidate = P.safe_date(y, m, day)
    return _day_result(candidate, ctx, "absolute", anchor=base)


# ---- ranges --------------------------------------------------------------------------

def _range_result(first, last, ctx, granularity="day", time=None, mismatch=False, anchor=None):
    if first is None or last is None:
        return None
    if first is UNRESOLVED or last is UNRESOLVED:
        return Resolved(None, None, granularity, "range", anchor, time)
    if first > last:
        return None
    return Resolved(first, last, granularity, "range", anchor, time, mismatch,
                    sets_reference=granularity == "day", sets_period=True)


def _order_ends(first, last, g):
    """When only the second end carries the year, a first end later in the calendar
    ("28 Desember–2 Januari 2025") belongs to the year before."""
    if first not in (None, UNRESOLVED) and last not in (None, UNRESOLVED) and first > last and not g("ay"):
        return P.safe_date(first.year - 1, first.month, first.day)
    return first


def _range_days_full(g, ctx, start, end):
    last = _unit_day(g, "b", ctx, start, end)
    year = last.year if isinstance(last, dt.date) else None
    first = _unit_day(g, "a", ctx, start, end, year=year if g("by") else None)
    if first is UNRESOLVED and isinstance(last, dt.date):
        first = _unit_day(g, "a", ctx, start, end, year=last.year)
    first = _order_ends(first, last, g)
    mismatch = any(_weekday_mismatch(g, t, d if isinstance(d, dt.date) else None) for t, d in (("a", first), ("b", last)))
    anchor = None if g("by") else ctx.base()
    return _range_result(first, last, ctx, time=_time(g), mismatch=mismatch, anchor=anchor)


def _range_days_month(g, ctx, start, end):
    month = _month_of(g, "bmon")
    first_day, last_day = int(g("ad")), int(g("bd"))
    return _same_month_range(g, ctx, start, end, month, first_day, last_day, _year_of(g, "by"))


def _days_listed(g, ctx, start, end):
    # "1 dan 2 November": one mention for the days named, as the interval covering them.
    return _range_days_month(g, ctx, start, end)


def _range_days_slash(g, ctx, start, end):
    if not (g("by") or g("po") or g("awd")):
        return None
    month = _month_of(g, "bm")
    if month is None:
        return None
    return _same_month_range(g, ctx, start, end, month, int(g("ad")), int(g("bd")), _year_of(g, "by"))


def _same_month_range(g, ctx, start, end, month, first_day, last_day, year):
    if year is None:
        last = _yearless_day(ctx, month, last_day, start, end)
        if last is None:
            return None
        if last is UNRESOLVED:
            first = UNRESOLVED if P.safe_date(2000, month, first_day) else None
            return _range_result(first, last, ctx, anchor=None)
        year = last.year
    first, last = P.safe_date(year, month, first_day), P.safe_date(year, month, last_day)
    mismatch = any(_weekday_mismatch(g, t, d) for t, d in (("a", first), ("b", last)))
    anchor = None if g("by") else ctx.base()
    return _range_result(first, last, ctx, time=_time(g), mismatch=mismatch, anchor=anchor)


def _range_months(g, ctx, start, end):
    year_b = _year_of(g, "by")
    year_a = _year_of(g, "ay") or year_b
    month_a, month_b = _month_of(g, "amon"), _month_of(g, "bmon")
    if not g("ay") and month_a > month_b:
        year_a -= 1
    first, last = P.month_interval(year_a, month_a)[0], P.month_interval(year_b, month_b)[1]
    return _range_result(first, last, ctx, "month")


def _range_months_bare(g, ctx, start, end):
    month_a, month_b = _month_of(g, "amon"), _month_of(g, "bmon")
    base = ctx.base()
    if base is None:
        return _range_result(UNRESOLVED, UNRESOLVED, ctx, "month")
    rel = g("rel")
    year_b = _relative_month_year(base, month_b, rel) if rel else _yearless_month(ctx, month_b, start, end)
    year_a = year_b - 1 if month_a > month_b else year_b
    first, last = P.month_interval(year_a, month_a)[0], P.month_interval(year_b, month_b)[1]
    return _range_result(first, last, ctx, "month", anchor=base)


def _months_listed(g, ctx, start, end):
    # "September dan Oktober 2019": one mention for the months named, as the interval covering them.
    if not g("by"):
        return _range_months_bare(lambda name: g({"amon": "amon2", "bmon": "bmon2"}.get(name, name)), ctx, start, end)
    year_b = int(g("by"))
    month_a, month_b = _month_of(g, "amon"), _month_of(g, "bmon")
    year_a = year_b - 1 if month_a > month_b else year_b
    return _range_result(P.month_interval(year_a, month_a)[0], P.month_interval(year_b, month_b)[1], ctx, "month")


def _range_years(g, ctx, start, end):
    first, last = int(g("ay")), int(g("by"))
    if last <= first or last - first > 50:
        return None
    return _range_result(P.year_interval(first)[0], P.year_interval(last)[1], ctx, "year")


# ---- months, years and their parts ---------------------------------------------------

def _period(interval, granularity, kind, anchor=None) -> Resolved:
    return Resolved(interval[0], interval[1], granularity, kind, anchor, sets_period=kind != "relative")


def _unresolved(granularity, kind) -> Resolved:
    return Resolved(None, None, granularity, kind)


def _month_year(g, ctx, start, end):
    return _period(P.month_interval(int(g("ay")), _month_of(g, "amon")), "month", "absolute")


def _month_relative(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return _unresolved("month", "relative")
    month = _month_of(g, "amon")
    year = _relative_month_year(base, month, " ".join(g("rel").split()))
    return _period(P.month_interval(year, month), "month", "relative", base)


def _month_bare(g, ctx, start, end):
    month = _month_of(g, "amon")
    year = _yearless_month(ctx, month, start, end)
    if year is None:
        return _unresolved("month", "absolute")
    return _period(P.month_interval(year, month), "month", "absolute", ctx.base())


def _year_word(g, ctx, start, end):
    return _period(P.year_interval(int(g("ay"))), "year", "absolute")


def _part_month(g, ctx, start, end):
    part = g("part").lower()
    month = _month_of(g, "amon")
    if g("ay"):
        return _period(P.part_of_month(part, int(g("ay")), month), "month", "absolute")
    base = ctx.base()
    if base is None:
        return _unresolved("month", "absolute")
    year = _relative_month_year(base, month, g("rel")) if g("rel") else _yearless_month(ctx, month, start, end)
    return _period(P.part_of_month(part, year, month), "month", "relative" if g("rel") else "absolute", base)


def _part_year(g, ctx, start, end):
    return _period(P.part_of_year(g("part").lower(), int(g("ay"))), "year", "absolute")


# "nanti" is later in the current period ("akhir tahun nanti"), not the next one.
_SHIFT = {"lalu": -1, "kemarin": -1, "silam": -1, "ini": 0, "nanti": 0, None: 0, "depan": 1, "mendatang": 1}


def _part_relative(g, ctx, start, end):
    base = ctx.base()
    unit = g("unit").lower()
    granularity = {"bulan": "month", "tahun": "year"}.get(unit, "week")
    if base is None:
        return _unresolved(granularity, "relative")
    part = g("part").lower()
    shift = _SHIFT[(g("rel") or "").lower() or None]
    # A bare "akhir tahun" still ahead of the anchor in a past-tense report is last year's.
    past_bare = g("rel") is None and ctx.shifts_year() and not ctx.is_future(start, end)
    if unit == "tahun":
        interval = P.part_of_year(part, base.year + shift)
        if past_bare and interval[0] > base:
            interval = P.part_of_year(part, base.year - 1)
        return _period(interval, granularity, "relative", base)
    if unit == "bulan":
        year, month = P.add_months(base.year, base.month, shift)
        interval = P.part_of_month(part, year, month)
        if past_bare and interval[0] > base:
            interval = P.part_of_month(part, *P.add_months(year, month, -1))
        return _period(interval, granularity, "relative", base)
    # Weeks: awal = Monday–Tuesday, pertengahan = Wednesday–Thursday, akhir = the weekend.
    if g("rel") is None and part in ("akhir", "penghujung"):
        monday = P.week_interval(base)[0]
        weekend = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        if weekend[0] > base:
            weekend = tuple(day - dt.timedelta(days=7) for day in weekend)
        return _period(weekend, "week", "relative", base)
    monday = P.week_interval(base, shift)[0]
    first, last = {"awal": (0, 1), "permulaan": (0, 1), "pertengahan": (2, 3), "medio": (2, 3)}.get(part, (5, 6))
    return _period((monday + dt.timedelta(days=first), monday + dt.timedelta(days=last)), "week", "relative", base)


def _ordinal(surface: str) -> int | None:
    return lexicon().number(surface) if not surface.isdigit() else int(surface)


def _year_or_relative(g, ctx) -> tuple[int | None, dt.date | None, str]:
    if g("ay"):
        return int(g("ay")), None, "absolute"
    base = ctx.base()
    if base is None:
        return None, None, "relative"
    return base.year + _SHIFT[(g("rel") or "").lower() or None], base, "relative" if g("rel") else "absolute"


def _quarter(g, ctx, start, end):
    number = _ordinal(g("n"))
    if number is None or not 1 <= number <= 4:
        return None
    year, base, kind = _year_or_relative(g, ctx)
    if year is None:
        return _unresolved("quarter", kind)
    interval = _past_if_ahead(g, ctx, start, end, lambda y: P.quarter_interval(y, number), year)
    return _period(interval, "quarter", kind, base)


def _past_if_ahead(g, ctx, start, end, interval_of, year):
    """A quarter or half named without a year ("semester kedua") that would still lie
    ahead of the anchor in a past-tense report is last year's, as for year-less dates."""
    interval = interval_of(year)
    if (not g("ay") and not g("rel") and ctx.shifts_year() and interval[0] > ctx.anchor + _FUTURE_SLACK
            and not ctx.is_future(start, end)):
        interval = interval_of(year - 1)
    return interval


def _half(g, ctx, start, end):
    number = _ordinal(g("n"))
    if number is None or not 1 <= number <= 2:
        return None
    if g("n").isdigit() and not g("ay") and not g("rel"):
        return None   # "semester 2" alone is a student's term, not a half-year
    year, base, kind = _year_or_relative(g, ctx)
    if year is None:
        return _unresolved("half", kind)
    interval = _past_if_ahead(g, ctx, start, end, lambda y: P.half_interval(y, number), year)
    return _period(interval, "half", kind, base)


def _decade(g, ctx, start, end):
    digits = g("c")
    if len(digits) == 1:
        if not g("pre"):
            return None   # "20-an" alone is usually an age or a count
        decade = P.expand_year(digits + "0")
    else:
        decade = int(digits + "0")
    return _period(P.decade_interval(decade), "decade", "absolute")


# ---- relative to the anchor ----------------------------------------------------------

_DAY_WORDS = {"kemarin lusa": -2, "hari ini": 0, "kemarin": -1, "besok lusa": 2, "lusa": 2, "besok": 1,
              "esok hari": 1, "tadi pagi": 0, "tadi siang": 0, "tadi sore": 0, "pagi tadi": 0,
              "siang tadi": 0, "sore tadi": 0}


def _day_word(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return _unresolved("day", "relative")
    day = base + dt.timedelta(days=_DAY_WORDS[" ".join(g("w").lower().split())])
    return Resolved(day, day, "day", "relative", base, _time(g))


def _week_relative(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return _unresolved("week", "relative")
    return _period(P.week_interval(base, _SHIFT[g("rel").lower()]), "week", "relative", base)


def _month_now(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return _unresolved("month", "relative")
    return _period(P.month_interval(*P.add_months(base.year, base.month, _SHIFT[g("rel").lower()])),
                   "month", "relative", base)


def _year_now(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return _unresolved("year", "relative")
    return _period(P.year_interval(base.year + _SHIFT[g("rel").lower()]), "year", "relative", base)


def _year_relative(g, ctx, start, end):
    return _period(P.year_interval(int(g("ay"))), "year", "absolute")


def _weekday(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return _unresolved("day", "relative")
    weekday = lexicon().weekday(g("awd"))
    if g("wk"):
        monday = P.week_interval(base, _SHIFT[g("wrel").lower()])[0]
        day = monday + dt.timedelta(days=weekday)
    else:
        rel = (g("rel") or "").lower()
        if rel in ("lalu", "kemarin"):
            day = P.weekday_before(base, weekday)
        elif rel in ("mendatang", "depan", "nanti"):
            day = P.weekday_after(base, weekday)
        elif rel == "ini":
            day = P.week_interval(base)[0] + dt.timedelta(days=weekday)
        elif rel == "besok" or ctx.is_future(start, end):
            day = P.weekday_on_or_after(base, weekday)
        else:
            day = P.weekday_on_or_before(base, weekday)
    return Resolved(day, day, "day", "relative", base, _time(g))


_UNIT_DAYS = {"hari": 1, "pekan": 7, "minggu": 7}


def _relative_count(g, ctx, start, end):
    count = 1 if g("se") else lexicon().number(g("n"))
    if count is None:
        return None
    unit, direction = g("unit").lower(), g("dir").lower()
    narrative = direction in ("sebelumnya", "kemudian", "setelahnya", "berikutnya")
    base = ctx.story_base() if narrative else ctx.base()
    if narrative and unit in ("bulan", "tahun", "dekade") and ctx.period_reference is not None:
        base = ctx.period_reference[0 if direction == "sebelumnya" else 1]
    granularity = {"hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year", "dekade": "decade"}[unit]
    if base is None:
        return _unresolved(granularity, "relative")
    sign = -1 if direction in ("lalu", "silam", "sebelumnya") else 1
    if direction == "mendatang" and count > 1:
        return _coming_periods(base, unit, count, granularity)
    if unit == "hari":
        day = base + dt.timedelta(days=sign * count)
        return Resolved(day, day, "day", "relative", base, sets_reference=narrative)
    if unit in _UNIT_DAYS:
        return _period(P.week_interval(base, sign * count), "week", "relative", base)
    if unit == "bulan":
        return _period(P.month_interval(*P.add_months(base.year, base.month, sign * count)), "month", "relative", base)
    if unit == "tahun":
        return _period(P.year_interval(base.year + sign * count), "year", "relative", base)
    decade = (base.year // 10 + sign * count) * 10
    return _period(P.decade_interval(decade), "decade", "relative", base)


def _coming_periods(base: dt.date, unit: str, count: int, granularity: str) -> Resolved:
    """"lima tahun mendatang" is the coming five years, not the fifth one."""
    if unit == "hari":
        first, last = base + dt.timedelta(days=1), base + dt.timedelta(days=count)
    elif unit in _UNIT_DAYS:
        first, last = P.week_interval(base, 1)[0], P.week_interval(base, count)[1]
    elif unit == "bulan":
        first = P.month_interval(*P.add_months(base.year, base.month, 1))[0]
        last = P.month_interval(*P.add_months(base.year, base.month, count))[1]
    elif unit == "tahun":
        first, last = P.year_interval(base.year + 1)[0], P.year_interval(base.year + count)[1]
    else:
        first, last = dt.date(base.year + 1, 1, 1), dt.date(base.year + 10 * count, 12, 31)
    return Resolved(first, last, granularity, "relative", base)


# ---- narrative: relative to the story's own last date --------------------------------

def _next_day(g, ctx, start, end):
    base = ctx.story_base()
    if base is None:
        return _unresolved("day", "relative")
    day = base + dt.timedelta(days=1)
    return Resolved(day, day, "day", "relative", base, sets_reference=True)


def _same_day(g, ctx, start, end):
    base = ctx.story_base()
    if base is None:
        return _unresolved("day", "relative")
    return Resolved(base, base, "day", "relative", base, _time(g))


_THEN_DATE = re.compile(r"\s*,?\s*(?:(?:pada|tanggal|hari)\s+)?(?=[(\d]|[A-Z])")


def _time_only(g, ctx, start, end):
    time = _time(g)
    if time is None:
        return None
    # "Pukul 04.00 WIB pada Senin (18/8)": the time belongs to the date that follows.
    following = _THEN_DATE.match(ctx.text, end)
    if following:
        from pipelines.language.dates.tagger import tag_dates   # the tagger imports this module
        window = ctx.text[following.end():following.end() + 60]
        ahead = tag_dates(window, ctx.anchor)
        if ahead and ahead[0].start == 0 and ahead[0].granularity == "day" and ahead[0].date_start:
            return Resolved(ahead[0].date_start, ahead[0].date_start, "day", "relative", ctx.base(), time)
    base = ctx.story_base()
    return Resolved(base, base, "day", "relative", base, time)


def _vague(g, ctx, start, end):
    base = ctx.base()
    sense = lexicon().vague[" ".join(g("phrase").lower().split())]
    if sense == "present":
        return Resolved(base, base, "vague", "vague", base)
    return Resolved(None, base, "vague", "vague", base)


_RESOLVERS = {
    "range_days_full": _range_days_full,
    "range_days_numeric": _range_days_full,
    "range_days_month": _range_days_month,
    "range_days_slash": _range_days_slash,
    "range_months": _range_months,
    "months_listed": _months_listed,
    "range_months_bare": _range_months_bare,
    "range_years": _range_years,
    "days_listed": _days_listed,
    "day_text": _day_text,
    "day_numeric": _day_numeric,
    "day_iso": _day_iso,
    "day_dashed": _day_iso,
    "day_of_month": _day_of_month,
    "part_month": _part_month,
    "part_year": _part_year,
    "part_relative": _part_relative,
    "quarter": _quarter,
    "quarter_q": _quarter,
    "half": _half,
    "decade": _decade,
    "month_year": _month_year,
    "month_relative": _month_relative,
    "month_bare": _month_bare,
    "year_word": _year_word,
    "year_relative": _year_relative,
    "year_bare": _year_word,
    "relative_count": _relative_count,
    "next_day": _next_day,
    "same_day": _same_day,
    "week_relative": _week_relative,
    "weekday": _weekday,
    "month_now": _month_now,
    "year_now": _year_now,
    "day_word": _day_word,
    "vague": _vague,
    "time_only": _time_only,
}
