"""Calendar arithmetic for resolving Indonesian date expressions into inclusive intervals."""
from __future__ import annotations

import calendar as _calendar
import datetime as dt

from pipelines.language.seeds import read_seed

Interval = tuple[dt.date, dt.date]

# Parts of a month and of a year as docs/time.md fixes them (awal / pertengahan / akhir) and
# their synonyms ("medio", "penghujung"): seeds/date_parts.csv.
_PART_ROWS = read_seed("date_parts")
MONTH_PARTS = {r["part"].lower(): (int(r["first_day"]), int(r["last_day"])) for r in _PART_ROWS if not r["same_as"]}
YEAR_PARTS = {r["part"].lower(): (int(r["first_month"]), int(r["last_month"])) for r in _PART_ROWS if not r["same_as"]}
PART_SYNONYMS = {r["part"].lower(): r["same_as"].lower() for r in _PART_ROWS if r["same_as"]}


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 Februari) or lies outside 1..9999."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def month_interval(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), dt.date(year, month, month_end(year, month))


def year_interval(year: int) -> Interval:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_months_to_day(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, or that month's last day ("31 Januari" + 1 -> 28/29 Feb)."""
    year, month = add_months(day.year, day.month, months)
    return dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def week_interval(day: dt.date, weeks: int = 0) -> Interval:
    """The Monday–Sunday week containing `day`, shifted by `weeks` weeks."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def part_of_month(part: str, year: int, month: int) -> Interval:
    first, last = MONTH_PARTS[PART_SYNONYMS.get(part, part)]
    return dt.date(year, month, first), dt.date(year, month, min(last, month_end(year, month)))


def part_of_year(part: str, year: int) -> Interval:
    first, last = YEAR_PARTS[PART_SYNONYMS.get(part, part)]
    return dt.date(year, first, 1), dt.date(year, last, month_end(year, last))


def quarter_interval(year: int, quarter: int) -> Interval:
    first = 3 * (quarter - 1) + 1
    return dt.date(year, first, 1), dt.date(year, first + 2, month_end(year, first + 2))


def half_interval(year: int, half: int) -> Interval:
    first = 6 * (half - 1) + 1
    return dt.date(year, first, 1), dt.date(year, first + 5, month_end(year, first + 5))


def decade_interval(decade: int) -> Interval:
    return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)


def expand_year(digits: str) -> int:
    """Four digits as written; two digits as 1970–2069 (news rarely reaches further back)."""
    value = int(digits)
    if len(digits) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def weekday_after(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
