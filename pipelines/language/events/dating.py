"""Which date mention governs which event word in a sentence.

Each date is claimed by the nearest event word of its sentence, and each event word takes
the nearest date it claimed: in "polisi menangkap RH pada Senin (7/4) dan memulangkan
korban pada Rabu (9/4)" the arrest gets Monday and the repatriation Wednesday.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Sequence


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def governing_dates(triggers: Sequence[tuple[int, int]], mentions: Sequence[Any]) -> list[Any | None]:
    """For each trigger span, the date mention governing its clause, or None."""
    if not triggers:
        return []
    claimed: list[list[Any]] = [[] for _ in triggers]
    for mention in mentions:
        span = (mention.start, mention.end)
        nearest = min(range(len(triggers)), key=lambda i: _distance(triggers[i], span))
        claimed[nearest].append(mention)
    result: list[Any | None] = []
    for trigger, dates in zip(triggers, claimed):
        result.append(min(dates, key=lambda m: _distance(trigger, (m.start, m.end))) if dates else None)
    return result


def is_vague(mention: Any | None) -> bool:
    """No usable calendar date: missing, or "baru-baru ini"-style."""
    return mention is None or mention.date_start is None or getattr(mention, "granularity", None) == "vague"


def dates_of(mention: Any | None) -> tuple[dt.date | None, dt.date | None, str]:
    """(date_start, date_end, precision) an event takes from its governing mention.

    A vague mention dates nothing: its end (the anchor) is a bound, not the event's date."""
    if is_vague(mention):
        return None, None, "vague"
    return mention.date_start, mention.date_end or mention.date_start, mention.granularity or "day"
