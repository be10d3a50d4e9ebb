"""Resolvers for months, years and their parts: "April 2025", "akhir tahun lalu", "kuartal I 2025"."""
from __future__ import annotations

import datetime as dt

from pipelines.language.dates import periods as P
from pipelines.language.dates.lexicon import lexicon
from pipelines.language.dates.resolved import SHIFT, month_of, period, unresolved
from pipelines.language.dates.yearless import past_if_ahead, relative_month_year, yearless_month


def month_year(g, ctx, start, end):
    return period(P.month_interval(int(g("ay")), month_of(g, "amon")), "month", "absolute")


def month_relative(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return unresolved("month", "relative")
    month = month_of(g, "amon")
    year = relative_month_year(base, month, " ".join(g("rel").split()))
    return period(P.month_interval(year, month), "month", "relative", base)


def month_bare(g, ctx, start, end):
    month = month_of(g, "amon")
    year = yearless_month(ctx, month, start, end)
    if year is None:
        return unresolved("month", "absolute")
    return period(P.month_interval(year, month), "month", "absolute", ctx.base())


def year_word(g, ctx, start, end):
    return period(P.year_interval(int(g("ay"))), "year", "absolute")


def part_month(g, ctx, start, end):
    part = g("part").lower()
    month = month_of(g, "amon")
    if g("ay"):
        return period(P.part_of_month(part, int(g("ay")), month), "month", "absolute")
    base = ctx.base()
    if base is None:
        return unresolved("month", "absolute")
    year = relative_month_year(base, month, g("rel")) if g("rel") else yearless_month(ctx, month, start, end)
    return period(P.part_of_month(part, year, month), "month", "relative" if g("rel") else "absolute", base)


def part_year(g, ctx, start, end):
    return period(P.part_of_year(g("part").lower(), int(g("ay"))), "year", "absolute")


def part_relative(g, ctx, start, end):
    base = ctx.base()
    unit = g("unit").lower()
    granularity = {"bulan": "month", "tahun": "year"}.get(unit, "week")
    if base is None:
        return unresolved(granularity, "relative")
    part = g("part").lower()
    shift = SHIFT[(g("rel") or "").lower() or None]
    # A bare "akhir tahun" still ahead of the anchor in a past-tense report is last year's.
    past_bare = g("rel") is None and ctx.shifts_year() and not ctx.is_future(start, end)
    if unit == "tahun":
        interval = P.part_of_year(part, base.year + shift)
        if past_bare and interval[0] > base:
            interval = P.part_of_year(part, base.year - 1)
        return period(interval, granularity, "relative", base)
    if unit == "bulan":
        year, month = P.add_months(base.year, base.month, shift)
        interval = P.part_of_month(part, year, month)
        if past_bare and interval[0] > base:
            interval = P.part_of_month(part, *P.add_months(year, month, -1))
        return period(interval, granularity, "relative", base)
    # Weeks: awal = Monday–Tuesday, pertengahan = Wednesday–Thursday, akhir = the weekend.
    if g("rel") is None and lexicon().parts.get(part) == "akhir":
        monday = P.week_interval(base)[0]
        weekend = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        if weekend[0] > base:
            weekend = tuple(day - dt.timedelta(days=7) for day in weekend)
        return period(weekend, "week", "relative", base)
    monday = P.week_interval(base, shift)[0]
    first, last = {"awal": (0, 1), "pertengahan": (2, 3)}.get(lexicon().parts.get(part, part), (5, 6))
    return period((monday + dt.timedelta(days=first), monday + dt.timedelta(days=last)), "week", "relative", base)


def ordinal(surface: str) -> int | None:
    return lexicon().number(surface) if not surface.isdigit() else int(surface)


def year_or_relative(g, ctx) -> tuple[int | None, dt.date | None, str]:
    if g("ay"):
        return int(g("ay")), None, "absolute"
    base = ctx.base()
    if base is None:
        return None, None, "relative"
    return base.year + SHIFT[(g("rel") or "").lower() or None], base, "relative" if g("rel") else "absolute"


def quarter(g, ctx, start, end):
    number = ordinal(g("n"))
    if number is None or not 1 <= number <= 4:
        return None
    year, base, kind = year_or_relative(g, ctx)
    if year is None:
        return unresolved("quarter", kind)
    interval = past_if_ahead(g, ctx, start, end, lambda y: P.quarter_interval(y, number), year)
    return period(interval, "quarter", kind, base)


def half(g, ctx, start, end):
    number = ordinal(g("n"))
    if number is None or not 1 <= number <= 2:
        return None
    if g("n").isdigit() and not g("ay") and not g("rel"):
        return None   # "semester 2" alone is a student's term, not a half-year
    year, base, kind = year_or_relative(g, ctx)
    if year is None:
        return unresolved("half", kind)
    interval = past_if_ahead(g, ctx, start, end, lambda y: P.half_interval(y, number), year)
    return period(interval, "half", kind, base)


def _decade_before(decade: int, reference) -> int:
    """"tahun 40-an" read in 2017 is the 1940s: the century that puts the decade before the
    reference date ("tahun 10-an" read in 2017 is the 2010s)."""
    year = reference.year if reference is not None else 2000 + decade
    century = year // 100 * 100
    return century + decade if century + decade <= year else century - 100 + decade


def decade_named(g, ctx, start, end):
    digits = g("c")
    if len(digits) == 1:
        if not g("pre"):
            return None   # "20-an" alone is usually an age or a count
        decade = _decade_before(int(digits) * 10, ctx.story_base())
    else:
        decade = int(digits + "0")
    return period(P.decade_interval(decade), "decade", "absolute")
