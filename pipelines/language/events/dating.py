"""Which date mention governs which event word in a sentence.

A date adverbial usually follows its predicate ("menangkap RH pada Senin (7/4)") or opens
the sentence ("Pada Senin (7/4), polisi menangkap ..."). So each date is claimed by the
closest event word before it, or, when there is none near, by the closest one overall;
each event word then takes the nearest date it claimed. In "polisi menangkap RH pada
Senin (7/4) dan memulangkan korban pada Rabu (9/4)" the arrest gets Monday and the
repatriation Wednesday.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from pipelines.language.dates.lexicon import lexicon


# How far after its event word a date adverbial may sit ("... ditangkap di sebuah rumah
# kontrakan di Kalideres, Jakarta Barat, pada ...").
_PREDICATE_REACH = 150


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
        before = [i for i, t in enumerate(triggers) if t[1] <= span[0] and span[0] - t[1] <= _PREDICATE_REACH]
        if before:
            owner = max(before, key=lambda i: triggers[i][1])
        else:
            owner = min(range(len(triggers)), key=lambda i: _distance(triggers[i], span))
        claimed[owner].append(mention)
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


@dataclass(frozen=True)
class DerivedDate:
    """A day worked out from another event's dates ("hari terakhir pertemuan"); `source`
    is the date mention it was derived from, which the event records as its mention."""

    source: Any
    date_start: dt.date
    date_end: dt.date
    granularity: str = "day"
    kind: str = "derived"
    origin: Any = field(default=None, compare=False, repr=False)  # the event it was worked out from

    @property
    def start(self) -> int:
        return self.source.start

    @property
    def end(self) -> int:
        return self.source.end


def source_mention(date: Any | None) -> Any | None:
    """The tagger's DateMention behind a date (itself, or the one a derived day came from)."""
    return getattr(date, "source", date)


_ORDINAL_DAY = re.compile(
    r"\b(?:hari\s+(pertama|kedua|ketiga|keempat|kelima|terakhir)|(pembukaan|penutupan))\s+(?:dari\s+)?([\w-]+)",
    re.IGNORECASE)
_FIRST_DAY_WORDS = ("pembukaan",)
_LAST_DAY_WORDS = ("terakhir", "penutupan")


def _ordinal(word: str) -> int | None:
    """1 for "pertama", 2 for "kedua": the ordinals of seeds/date_numbers.csv."""
    return lexicon().numbers.get(word)


def day_within(first: dt.date, last: dt.date, which: str) -> dt.date | None:
    """The day of a dated stretch an ordinal names ("terakhir", "penutupan", "kedua")."""
    if which in _LAST_DAY_WORDS:
        return last
    if which in _FIRST_DAY_WORDS:
        return first
    number = _ordinal(which)
    if number is None or number < 1:
        return None
    day = first + dt.timedelta(days=number - 1)
    return day if day <= last else None


def ordinal_day(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """("terakhir", start, end) for "hari terakhir pertemuan" in text[start:end]: the ordinal
    and the span of the event word it qualifies."""
    match = _ORDINAL_DAY.search(text, start, end)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).lower(), match.start(3), match.end(3)


def day_of_event(text: str, tokens: Any, start: int, end: int, book: Any
                 ) -> tuple[DerivedDate | None, tuple[int, int] | None]:
    """"Pada hari terakhir pertemuan": a day of an event already dated as a range, and the
    span of the event word, which refers back rather than reporting a new event."""
    from pipelines.language.events.triggers import find_triggers, reference_types

    if "hari" not in tokens.folded and "pembukaan" not in tokens.folded and "penutupan" not in tokens.folded:
        return None, None
    found = ordinal_day(text, start, end)
    if found is None:
        return None, None
    which, word_start, word_end = found
    words = find_triggers(text, tokens, word_start, word_end)
    if not words:
        return None, None
    span = (words[0].start, words[0].end)
    types = (words[0].event_type,) + reference_types(words[0].surface)
    target = book.latest_of(types)
    if target is None or not target.dated or target.event.date_start is None:
        return None, span
    first, last = target.event.date_start, target.event.date_end or target.event.date_start
    day = day_within(first, last, which)
    if day is None:
        return None, span
    return DerivedDate(source_mention(target.event.date_mention), day, day, origin=target), span


def date_source_of(event: Any, spans: Sequence[tuple[int, int]]) -> str | None:
    """How an event got its date (DESIGN's `date_source`), from where its date mention sits:
    inside a sentence that tells the event ("menangkap RH pada Senin (7/4)") it is the clause's
    own date, or for a statement its attribution's ("kata dia, Minggu (4/2)"); elsewhere it was
    set by the story before or by the event this one elaborates; with no mention at all the
    publication date stood in."""
    if event.date_start is None:
        return None
    mention = source_mention(event.date_mention)
    if mention is None:
        return "publication"
    if any(start <= mention.start and mention.end <= end for start, end in spans):
        return "attribution" if event.event_type == "statement" else "clause"
    return "reference_time"
