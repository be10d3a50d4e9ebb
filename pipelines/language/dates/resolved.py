"""What a resolver returns, and the small readers and builders every resolver shares."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from pipelines.language.dates import periods as P
from pipelines.language.dates.context import Context
from pipelines.language.dates.lexicon import lexicon
from pipelines.language.seeds import read_seed


ZONES = lexicon().zones   # "WIB" -> "+07:00"


@dataclass
class Resolved:
    """The interval a match denotes, before it becomes a `DateMention`."""

    date_start: dt.date | None
    date_end: dt.date | None
    granularity: str
    kind: str
    anchor: dt.date | None = None
    time: str | None = None
    weekday_mismatch: bool = False
    sets_reference: bool = False   # an explicit day the story's later narrative counts from
    sets_period: bool = False      # an explicit period of any size, for month/year narrative
    value: str | None = None       # ISO 8601 value of a duration or set ("P3D", "XXXX-WXX-1")
    anchored_by: tuple[int, int] | None = None   # the explicit mention it counted from


Groups = Callable[[str], "str | None"]   # a rule's named group by its local name
UNRESOLVED = object()                     # a real date that needs an anchor nobody gave


def time_of(g: Groups) -> str | None:
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
    zone = ZONES.get(g("tz") or "", "")
    return f"{hour:02d}:{minute:02d}{zone}"


def month_of(g: Groups, name: str) -> int | None:
    surface = g(name)
    if surface is None:
        return None
    if surface.isdigit():
        value = int(surface)
        return value if 1 <= value <= 12 else None
    return lexicon().month(surface)


def year_of(g: Groups, name: str) -> int | None:
    surface = g(name)
    return P.expand_year(surface) if surface else None


def weekday_mismatch(g: Groups, prefix: str, day: dt.date | None) -> bool:
    surface = g(prefix + "wd")
    if surface is None or day is None:
        return False
    return lexicon().weekday(surface) != day.weekday()


def day_result(day, ctx: Context, kind: str, time=None, mismatch=False, anchor=None) -> Resolved | None:
    if day is None:
        return None
    if day is UNRESOLVED:
        return Resolved(None, None, "day", kind, anchor, time, False)
    return Resolved(day, day, "day", kind, anchor, time, mismatch, sets_reference=True, sets_period=True)


def range_result(first, last, ctx, granularity="day", time=None, mismatch=False, anchor=None):
    if first is None or last is None:
        return None
    if first is UNRESOLVED or last is UNRESOLVED:
        return Resolved(None, None, granularity, "range", anchor, time)
    if first > last:
        return None
    return Resolved(first, last, granularity, "range", anchor, time, mismatch,
                    sets_reference=granularity == "day", sets_period=True)


def period(interval, granularity, kind, anchor=None) -> Resolved:
    return Resolved(interval[0], interval[1], granularity, kind, anchor, sets_period=kind != "relative")


def unresolved(granularity, kind) -> Resolved:
    return Resolved(None, None, granularity, kind)


# "pekan lalu" -> -1, "tahun depan" -> 1 (seeds/date_shifts.csv); no word (None) is the current unit.
SHIFT: dict[str | None, int] = {None: 0, **{row["word"].lower(): int(row["shift"]) for row in read_seed("date_shifts")}}
