"""Placing dates written without a year ("(14/4)", "pada Mei", "Oktober lalu") in one."""
from __future__ import annotations

import datetime as dt

from pipelines.language.dates import periods as P
from pipelines.language.dates.context import Context
from pipelines.language.dates.lexicon import lexicon
from pipelines.language.dates.resolved import Groups, UNRESOLVED, month_of, year_of


# How far after the anchor a year-less date may fall before a past-tense report is read
# as meaning the previous year: a week leaves room for "sidang digelar 14/4" previews.
FUTURE_SLACK = dt.timedelta(days=7)


def yearless_day(ctx: Context, month: int, day: int, start: int, end: int):
    """A day/month without a year: the anchor's year, or the adjacent one (docs/time.md).
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
    if not future and candidate > base + FUTURE_SLACK:
        candidate = P.safe_date(candidate.year - 1, month, day)
    elif future and candidate < base - FUTURE_SLACK:
        candidate = P.safe_date(candidate.year + 1, month, day)
    return candidate


def yearless_month(ctx: Context, month: int, start: int, end: int) -> int | None:
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


def relative_month_year(base: dt.date, month: int, rel: str) -> int:
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


def unit_day(g: Groups, t: str, ctx: Context, start: int, end: int, year: int | None = None):
    """One end of a day expression ("Senin, 14 April", "(7/4)"): date, None or UNRESOLVED."""
    day = unit_day_as_written(g, t, ctx, start, end, year)
    base = ctx.base()
    # "17 Juli silam" is in the past whatever the clause around it says.
    if g("past") and isinstance(day, dt.date) and base is not None and day > base and not g(t + "y"):
        day = P.safe_date(day.year - 1, day.month, day.day)
    return day


def unit_day_as_written(g: Groups, t: str, ctx: Context, start: int, end: int, year: int | None = None):
    """The day as written, year-less ones placed by `yearless_day`."""
    month = month_of(g, t + "mon") if g(t + "mon") else month_of(g, t + "m")
    day = int(g(t + "d"))
    if month is None:
        return None
    year = year_of(g, t + "y") or year
    if year is not None:
        return P.safe_date(year, month, day)
    chosen = yearless_day(ctx, month, day, start, end)
    if (isinstance(chosen, dt.date) and g(t + "wd") and ctx.shifts_year()
            and abs(chosen - ctx.anchor) > WEEKDAY_SLIP_RANGE):
        chosen = year_agreeing_with_weekday(chosen, lexicon().weekday(g(t + "wd")))
    return chosen


# Near the publication date a wrong weekday is the writer's slip ("Jumat (30/11)" for a
# Saturday) and only recorded; far from it, the weekday is better evidence of the year.
WEEKDAY_SLIP_RANGE = dt.timedelta(days=45)


def year_agreeing_with_weekday(day: dt.date, weekday: int) -> dt.date:
    """"Jumat (30/11)" names no year, but its weekday does: when the conventional year
    disagrees with the weekday and the year before or after agrees, take that one."""
    if day.weekday() == weekday:
        return day
    for year in (day.year - 1, day.year + 1):
        other = P.safe_date(year, day.month, day.day)
        if other is not None and other.weekday() == weekday:
            return other
    return day


def past_if_ahead(g, ctx, start, end, interval_of, year):
    """A quarter or half named without a year ("semester kedua") that would still lie
    ahead of the anchor in a past-tense report is last year's, as for year-less dates."""
    interval = interval_of(year)
    if (not g("ay") and not g("rel") and ctx.shifts_year() and interval[0] > ctx.anchor + FUTURE_SLACK
            and not ctx.is_future(start, end)):
        interval = interval_of(year - 1)
    return interval
