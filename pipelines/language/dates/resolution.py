"""Turning one grammar match into an interval: the resolver of each rule in `rules.py`.

A resolver returns a `Resolved`, or None when the match is not a date after all (a law
number, "31 Februari", "2/3 anggota", a habit such as "setiap Sabtu"): the span is then
consumed and nothing is emitted. Dates inside `Resolved` may be None when the expression
needs an anchor and there is none. The resolvers themselves live in `absolute.py`,
`months_years.py` and `relative.py`; `rules.py` names which one each rule uses.
"""
from __future__ import annotations

import re

from pipelines.language.dates.context import Context
from pipelines.language.dates.lexicon import alternation, lexicon
from pipelines.language.dates.resolved import Groups, Resolved
from pipelines.language.dates.rules import RULES


# "tiap akhir tahun", "setiap Sabtu dan Minggu": a habit, not a date (the "recurring" rule
# gives the simple habits their own kind; what it leaves is not dated either).
_EVERY = lexicon().words["every"]
_HABITUAL = re.compile(r"(?:^|\W)(?:" + alternation(_EVERY) + r")\s+(?:(?:tanggal|tgl\.?|hari|bulan|tahun)\s+)?"
                       r"(?:\w+\s*(?:,|dan|atau)\s*){0,3}$", re.IGNORECASE)


# "182 hari ini", "dua hari itu", "tiga tahun ini": a count of days or years, not a date.
# Number words: seeds/date_numbers.csv; "belas", "puluh", "beberapa": date_words.csv.
_COUNTED = re.compile(r"(?:^|\W)(?:\d+|" + alternation([*lexicon().cardinals(), *lexicon().words["counted"]])
                      + r")\s+$", re.IGNORECASE)


_COUNTABLE_RULES = frozenset({"same_day", "day_word", "week_relative", "month_now", "year_now"})


def resolve(rule: str, g: Groups, ctx: Context, start: int, end: int) -> Resolved | None:
    if rule.startswith("block_"):
        return None
    before = ctx.text[max(0, start - 40):start]
    lowered = before.lower()
    if any(word in lowered for word in _EVERY) and _HABITUAL.search(before):   # substring test first: cheap
        return None
    if rule in _COUNTABLE_RULES and _COUNTED.search(before):
        return None
    try:
        return _RESOLVERS[rule](g, ctx, start, end)
    except (ValueError, OverflowError):
        return None   # "99 tahun lalu" from an anchor in year 50: outside the calendar


_RESOLVERS = {rule.name: rule.resolve for rule in RULES if rule.resolve is not None}
