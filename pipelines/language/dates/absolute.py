"""Resolvers for explicit days and ranges: "Senin (14/4/2025)", "7–13 April 2025", "2020–2024"."""
from __future__ import annotations

import datetime as dt

from pipelines.language.dates import periods as P
from pipelines.language.dates.resolved import (
    UNRESOLVED,
    day_result,
    month_of,
    range_result,
    time_of,
    weekday_mismatch,
    year_of,
)
from pipelines.language.dates.yearless import (
    FUTURE_SLACK,
    relative_month_year,
    unit_day,
    yearless_day,
    yearless_month,
)


def day_text(g, ctx, start, end):
    day = unit_day(g, "a", ctx, start, end)
    explicit = g("ay") is not None
    mismatch = weekday_mismatch(g, "a", day if day is not UNRESOLVED else None)
    return day_result(day, ctx, "absolute", time_of(g), mismatch, None if explicit else ctx.base())


def day_numeric(g, ctx, start, end):
    # A bare "2/3" is a fraction or a score; it needs a year, brackets, a weekday or "tanggal".
    if not (g("ay") or g("apo") or g("awd") or g("atg")):
        return None
    return day_text(g, ctx, start, end)


def day_iso(g, ctx, start, end):
    day = P.safe_date(int(g("ay")), int(g("am")), int(g("ad")))
    return day_result(day, ctx, "absolute", time_of(g))


def day_of_month(g, ctx, start, end):
    base = ctx.base()
    day = int(g("ad"))
    if base is None:
        return day_result(UNRESOLVED if 1 <= day <= 31 else None, ctx, "absolute")
    candidate = P.safe_date(base.year, base.month, day)
    if candidate is not None and candidate > base + FUTURE_SLACK and not ctx.is_future(start, end):
        y, m = P.add_months(base.year, base.month, -1)
        candidate = P.safe_date(y, m, day)
    return day_result(candidate, ctx, "absolute", anchor=base)


def order_ends(first, last, g):
    """When only the second end carries the year, a first end later in the calendar
    ("28 Desember–2 Januari 2025") belongs to the year before."""
    if first not in (None, UNRESOLVED) and last not in (None, UNRESOLVED) and first > last and not g("ay"):
        return P.safe_date(first.year - 1, first.month, first.day)
    return first


def range_days_full(g, ctx, start, end):
    last = unit_day(g, "b", ctx, start, end)
    year = last.year if isinstance(last, dt.date) else None
    first = unit_day(g, "a", ctx, start, end, year=year if g("by") else None)
    if first is UNRESOLVED and isinstance(last, dt.date):
        first = unit_day(g, "a", ctx, start, end, year=last.year)
    first = order_ends(first, last, g)
    mismatch = any(weekday_mismatch(g, t, d if isinstance(d, dt.date) else None)
                   for t, d in (("a", first), ("b", last)))
    anchor = None if g("by") else ctx.base()
    return range_result(first, last, ctx, time=time_of(g), mismatch=mismatch, anchor=anchor)


def range_days_month(g, ctx, start, end):
    month = month_of(g, "bmon")
    first_day, last_day = int(g("ad")), int(g("bd"))
    return same_month_range(g, ctx, start, end, month, first_day, last_day, year_of(g, "by"))


def days_listed(g, ctx, start, end):
    # "1 dan 2 November": one mention for the days named, as the interval covering them.
    return range_days_month(g, ctx, start, end)


def range_days_slash(g, ctx, start, end):
    if not (g("by") or g("po") or g("awd")):
        return None
    month = month_of(g, "bm")
    if month is None:
        return None
    return same_month_range(g, ctx, start, end, month, int(g("ad")), int(g("bd")), year_of(g, "by"))


def same_month_range(g, ctx, start, end, month, first_day, last_day, year):
    if year is None:
        last = yearless_day(ctx, month, last_day, start, end)
        if last is None:
            return None
        if last is UNRESOLVED:
            first = UNRESOLVED if P.safe_date(2000, month, first_day) else None
            return range_result(first, last, ctx, anchor=None)
        year = last.year
    first, last = P.safe_date(year, month, first_day), P.safe_date(year, month, last_day)
    mismatch = any(weekday_mismatch(g, t, d) for t, d in (("a", first), ("b", last)))
    anchor = None if g("by") else ctx.base()
    return range_result(first, last, ctx, time=time_of(g), mismatch=mismatch, anchor=anchor)


def range_months(g, ctx, start, end):
    year_b = year_of(g, "by")
    year_a = year_of(g, "ay") or year_b
    month_a, month_b = month_of(g, "amon"), month_of(g, "bmon")
    if not g("ay") and month_a > month_b:
        year_a -= 1
    first, last = P.month_interval(year_a, month_a)[0], P.month_interval(year_b, month_b)[1]
    return range_result(first, last, ctx, "month")


def range_months_bare(g, ctx, start, end):
    month_a, month_b = month_of(g, "amon"), month_of(g, "bmon")
    base = ctx.base()
    if base is None:
        return range_result(UNRESOLVED, UNRESOLVED, ctx, "month")
    rel = g("rel")
    year_b = relative_month_year(base, month_b, rel) if rel else yearless_month(ctx, month_b, start, end)
    year_a = year_b - 1 if month_a > month_b else year_b
    first, last = P.month_interval(year_a, month_a)[0], P.month_interval(year_b, month_b)[1]
    return range_result(first, last, ctx, "month", anchor=base)


def months_listed(g, ctx, start, end):
    # "September dan Oktober 2019": one mention for the months named, as the interval covering them.
    if not g("by"):
        return range_months_bare(lambda name: g({"amon": "amon2", "bmon": "bmon2"}.get(name, name)), ctx, start, end)
    year_b = int(g("by"))
    month_a, month_b = month_of(g, "amon"), month_of(g, "bmon")
    year_a = year_b - 1 if month_a > month_b else year_b
    return range_result(P.month_interval(year_a, month_a)[0], P.month_interval(year_b, month_b)[1], ctx, "month")


def range_years(g, ctx, start, end):
    first, last = int(g("ay")), int(g("by"))
    if last <= first or last - first > 50:
        return None
    return range_result(P.year_interval(first)[0], P.year_interval(last)[1], ctx, "year")
