"""Turning one grammar match into an interval: a resolver per rule of `patterns.py`.

A resolver returns a `Resolved`, or None when the match is not a date after all (a law
number, "31 Februari", "2/3 anggota", a habit such as "setiap Sabtu"): the span is then
consumed and nothing is emitted. Dates inside `Resolved` may be None when the expression
needs an anchor and there is none. The resolvers themselves live in `absolute.py`,
`months_years.py` and `relative.py`.
"""
from __future__ import annotations

import re

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
from pipelines.language.dates.context import Context
from pipelines.language.dates.lexicon import alternation, lexicon
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
from pipelines.language.dates.resolved import Groups, Resolved


# "tiap akhir tahun", "setiap Sabtu dan Minggu": a habit, not a date (the "recurring" rule
# gives the simple habits their own kind; what it leaves is not dated either).
_HABITUAL = re.compile(r"(?:^|\W)(?:setiap|tiap|saban)\s+(?:(?:tanggal|tgl\.?|hari|bulan|tahun)\s+)?"
                       r"(?:\w+\s*(?:,|dan|atau)\s*){0,3}$", re.IGNORECASE)


# "182 hari ini", "dua hari itu", "tiga tahun ini": a count of days or years, not a date.
_COUNTED = re.compile(r"(?:^|\W)(?:\d+|" + alternation(lexicon().cardinals() + ["belas", "puluh", "ratus",
                      "beberapa", "berapa"]) + r")\s+$", re.IGNORECASE)   # number words: seeds/date_numbers.csv


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


_RESOLVERS = {
    "range_days_full": range_days_full,
    "range_days_numeric": range_days_full,
    "range_days_month": range_days_month,
    "range_days_slash": range_days_slash,
    "range_months": range_months,
    "months_listed": months_listed,
    "range_months_bare": range_months_bare,
    "range_years": range_years,
    "days_listed": days_listed,
    "day_text": day_text,
    "day_numeric": day_numeric,
    "day_iso": day_iso,
    "day_dashed": day_iso,
    "day_of_month": day_of_month,
    "part_month": part_month,
    "part_year": part_year,
    "part_relative": part_relative,
    "quarter": quarter,
    "quarter_q": quarter,
    "half": half,
    "decade": decade_named,
    "month_year": month_year,
    "month_relative": month_relative,
    "month_bare": month_bare,
    "year_word": year_word,
    "year_relative": year_relative,
    "year_bare": year_word,
    "relative_count": relative_count,
    "next_day": next_day,
    "same_day": same_day,
    "week_relative": week_relative,
    "weekday": weekday_named,
    "month_now": month_now,
    "year_now": year_now,
    "day_word": day_word,
    "vague": vague,
    "time_only": time_only,
    "clock": time_only,
    "then": then,
    "duration": duration,
    "recurring": recurring,
}
