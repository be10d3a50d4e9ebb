"""Resolvers for dates counted from the anchor ("kemarin", "Jumat lalu", "dua hari lalu"),
from the story's own last date ("keesokan harinya", a bare "pukul 06.12") and vague ones."""
from __future__ import annotations

import datetime as dt
import re

from pipelines.language.dates import periods as P
from pipelines.language.dates.lexicon import lexicon
from pipelines.language.dates.resolved import Resolved, SHIFT, period, time_of, unresolved
from pipelines.language.seeds import read_seed




def day_word(g, ctx, start, end):
    base, source = ctx.speech_base(start)
    if base is None:
        return unresolved("day", "relative")
    day = base + dt.timedelta(days=lexicon().day_words[" ".join(g("w").lower().split())])
    # "Kemarin ..., keesokan harinya ...": a named day is a day the story can count from, as
    # long as it was counted from a publication date (not from the story's own last date).
    return Resolved(day, day, "day", "relative", base, time_of(g), sets_reference=ctx.anchor is not None,
                    anchored_by=source)


def week_relative(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return unresolved("week", "relative")
    return period(P.week_interval(base, SHIFT[g("rel").lower()]), "week", "relative", base)


def month_now(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return unresolved("month", "relative")
    return period(P.month_interval(*P.add_months(base.year, base.month, SHIFT[g("rel").lower()])),
                   "month", "relative", base)


def year_now(g, ctx, start, end):
    base = ctx.base()
    if base is None:
        return unresolved("year", "relative")
    return period(P.year_interval(base.year + SHIFT[g("rel").lower()]), "year", "relative", base)


def year_relative(g, ctx, start, end):
    return period(P.year_interval(int(g("ay"))), "year", "absolute")


def weekday_named(g, ctx, start, end):
    base, source = ctx.speech_base(start)
    if base is None:
        return unresolved("day", "relative")
    weekday = lexicon().weekday(g("awd"))
    if g("wk"):
        monday = P.week_interval(base, SHIFT[g("wrel").lower()])[0]
        day = monday + dt.timedelta(days=weekday)
    else:
        rel = (g("rel") or "").lower()
        direction = lexicon().shifts[rel][1] if rel in lexicon().shifts else None
        if direction == "past":
            day = P.weekday_before(base, weekday)
        elif direction == "future":
            day = P.weekday_after(base, weekday)
        elif direction == "present":
            day = P.week_interval(base)[0] + dt.timedelta(days=weekday)
        elif rel == "besok" or ctx.is_future(start, end):
            day = P.weekday_on_or_after(base, weekday)
        else:
            day = P.weekday_on_or_before(base, weekday)
    # "Jumat malam ..., keesokan harinya ...": likewise.
    return Resolved(day, day, "day", "relative", base, time_of(g), sets_reference=ctx.anchor is not None,
                    anchored_by=source)


def relative_count(g, ctx, start, end):
    count = 1 if g("se") else lexicon().number(g("n"))
    if count is None:
        return None
    word, direction = g("unit").lower(), g("dir").lower()
    unit = lexicon().units[word]   # seeds/date_units.csv
    sign, counted_from = lexicon().offsets[direction]   # seeds/date_offsets.csv
    narrative = counted_from == "story"
    if narrative:
        base, source = ctx.story_base(), ctx.story_span()
    else:
        base, source = ctx.speech_base(start)
    if narrative and unit.months and ctx.period_reference is not None:
        base, source = ctx.period_reference[0 if sign < 0 else 1], ctx.period_span
    granularity = unit.granularity
    if base is None:
        return unresolved(granularity, "relative")
    if direction == "mendatang" and count > 1:
        return coming_periods(base, unit, count, granularity)
    if granularity == "day":
        day = base + dt.timedelta(days=sign * count)
        return Resolved(day, day, "day", "relative", base, sets_reference=narrative, anchored_by=source)
    if narrative and _counted_from_day(ctx, unit, base):
        # Counted from a day, an offset is a day: "tiga minggu kemudian" after "Senin (7/4)"
        # is 28 April, "sebulan kemudian" after "14 Juni" is 14 July.
        if unit.days:
            day = base + dt.timedelta(days=sign * count * unit.days)
        else:
            day = P.add_months_to_day(base, sign * count * unit.months)
        return Resolved(day, day, "day", "relative", base, sets_reference=True, anchored_by=source)
    if granularity == "week":
        return period(P.week_interval(base, sign * count), "week", "relative", base)
    if granularity == "month":
        return period(P.month_interval(*P.add_months(base.year, base.month, sign * count)), "month", "relative", base)
    if granularity == "year":
        return period(P.year_interval(base.year + sign * count), "year", "relative", base)
    decade = (base.year // 10 + sign * count) * 10
    return period(P.decade_interval(decade), "decade", "relative", base)


def _counted_from_day(ctx, unit, base: dt.date) -> bool:
    if unit.days:
        return ctx.reference is not None and base == ctx.reference
    return ctx.period_reference is not None and ctx.period_reference[0] == ctx.period_reference[1] == base


def coming_periods(base: dt.date, unit, count: int, granularity: str) -> Resolved:
    """"lima tahun mendatang" is the coming five years, not the fifth one."""
    if granularity == "day":
        first, last = base + dt.timedelta(days=1), base + dt.timedelta(days=count)
    elif granularity == "week":
        first, last = P.week_interval(base, 1)[0], P.week_interval(base, count)[1]
    elif granularity == "month":
        first = P.month_interval(*P.add_months(base.year, base.month, 1))[0]
        last = P.month_interval(*P.add_months(base.year, base.month, count))[1]
    elif granularity == "year":
        first, last = P.year_interval(base.year + 1)[0], P.year_interval(base.year + count)[1]
    else:
        first, last = dt.date(base.year + 1, 1, 1), dt.date(base.year + 10 * count, 12, 31)
    return Resolved(first, last, granularity, "relative", base)


def next_day(g, ctx, start, end):
    base = ctx.story_base()
    if base is None:
        return unresolved("day", "relative")
    day = base + dt.timedelta(days=1)
    return Resolved(day, day, "day", "relative", base, sets_reference=True, anchored_by=ctx.story_span())


def same_day(g, ctx, start, end):
    base = ctx.story_base()
    if base is None:
        return unresolved("day", "relative")
    return Resolved(base, base, "day", "relative", base, time_of(g), anchored_by=ctx.story_span())


def then(g, ctx, start, end):
    """"saat itu", "ketika itu": the time the story last named, of whatever size ("Pada 1998
    ... saat itu" is 1998; "Minggu (28/12) ... saat itu" is that Sunday)."""
    if ctx.last_explicit is not None:
        first, last, granularity, span = ctx.last_explicit
        return Resolved(first, last, granularity, "relative", first, anchored_by=span)
    base = ctx.story_base()
    if base is None:
        return unresolved("day", "relative")
    return Resolved(base, base, "day", "relative", base)


def duration(g, ctx, start, end):
    """"selama tiga hari" is P3D, "7 tahun 6 bulan" P7Y6M: how long, not when; it dates nothing.

    "Sehari sebelum penggerebekan", "tiga bulan terakhir" count from an event or from now, and
    "182 hari ini", "dua hari itu", "Pria 52 tahun ini" are counts of the story's own days or an
    age: none is a duration or a date this tagger can place, so nothing is emitted."""
    if g("after"):
        return None
    parts = [(1 if g("se") else _count(g("n")), g("unit").lower())]
    if g("unit2"):
        parts.append((_count(g("n2")), g("unit2").lower()))
    if any(count is None for count, _ in parts):
        return None
    return Resolved(None, None, "vague", "duration", value=iso_duration(parts))


def iso_duration(parts: list[tuple[int, str]]) -> str:
    """[(7, "tahun"), (6, "bulan")] -> "P7Y6M"; hours and minutes after the T: [(2, "jam")] -> "PT2H"."""
    units = lexicon().units
    dated = "".join(units[word].iso_part(count) for count, word in parts if not units[word].clock)
    clock = "".join(units[word].iso_part(count) for count, word in parts if units[word].clock)
    return "P" + dated + ("T" + clock if clock else "")


def _count(surface: str | None) -> int | None:
    """2 for "dua" or "2"; -1 (written X) for "beberapa"."""
    if surface is None:
        return None
    return -1 if surface.lower() == "beberapa" else lexicon().number(surface)


def recurring(g, ctx, start, end):
    """"setiap Senin" is XXXX-WXX-1, "setiap hari" P1D: a habit, which dates nothing."""
    if g("swd"):
        value = f"XXXX-WXX-{lexicon().weekday(g('swd')) + 1}"
    elif g("sday"):
        value = f"XXXX-XX-{int(g('sday')):02d}"
    else:
        value = iso_duration([(1, g("sunit").lower())])   # "setiap jam" is PT1H
    return Resolved(None, None, "vague", "set", value=value)


THEN_DATE = re.compile(r"\s*,?\s*(?:(?:pada|tanggal|hari)\s+)?(?=[(\d]|[A-Z])")


def time_only(g, ctx, start, end):
    time = time_of(g)
    if time is None:
        return None
    # "Pukul 04.00 WIB pada Senin (18/8)": the time belongs to the date that follows.
    following = THEN_DATE.match(ctx.text, end)
    if following:
        window = ctx.text[following.end():following.end() + 60]
        ahead = ctx.tag(window, ctx.anchor)
        if ahead and ahead[0].start == 0 and ahead[0].granularity == "day" and ahead[0].date_start:
            return Resolved(ahead[0].date_start, ahead[0].date_start, "day", "relative", ctx.base(), time)
    # '"... sejak pukul 06.00 WIB tadi," kata Kabid Humas, Selasa.': the day of speaking.
    spoken, source = ctx.speech_base(start)
    if source is not None and ctx.quote_at(start) is not None:
        return Resolved(spoken, spoken, "day", "relative", spoken, time, anchored_by=source)
    base = ctx.story_base()
    return Resolved(base, base, "day", "relative", base, time, anchored_by=ctx.story_span())


def vague(g, ctx, start, end):
    sense = lexicon().vague[" ".join(g("phrase").lower().split())]
    if sense == "present":
        # "saat ini", "kini": the time of telling, which dates no event; only its end is known.
        # Its end is the time of telling: the day of speaking inside a dated quote, else the
        # day the story is at ("Selasa (24/10) ... Saat ini ..." ends on that Tuesday).
        base, source = ctx.speech_base(start)
        if source is None and ctx.reference is not None:
            base, source = ctx.story_base(), ctx.story_span()
        return Resolved(None, base, "present", "present", base, anchored_by=source)
    base = ctx.base()
    return Resolved(None, base, "vague", "vague", base)
