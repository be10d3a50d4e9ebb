"""What a resolver knows besides the match: the anchor, the story's reference date, the text."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from pipelines.language.dates.lexicon import alternation, lexicon
from pipelines.language.dates.mention import DateMention
from pipelines.language.dates.quotes import attribution_day, quote_spans

# The tagger itself, handed in by it: resolvers read a window ahead ("pukul 04.00 WIB pada
# Senin (18/8)") and quotes their attribution ("..., kata dia, Minggu (4/2)") with it.
TagDates = Callable[[str, "dt.date | None"], list[DateMention]]

# Words that mark a clause as about the future, so a year-less or bare date lies ahead
# (seeds/date_words.csv, roles future_before and future_after).
_FUTURE_BEFORE = re.compile(r"\b(?:" + alternation(lexicon().words["future_before"]) + r")\b", re.IGNORECASE)
_FUTURE_AFTER = re.compile(r"\s*(?:" + alternation(lexicon().words["future_after"]) + r")\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.!?\n;]")
_LOOKBACK = 80


@dataclass
class Context:
    """Resolution state while the tagger walks a text from left to right.

    `anchor` is the publication date (or None). `reference` is the most recent explicit
    day-level date seen so far: narrative expressions ("keesokan harinya", a bare "pukul
    06.12") attach to it, and without an anchor everything relative does too. `tag` is the
    tagger, for the short windows a resolver reads ahead or after a quote.
    """

    text: str
    anchor: dt.date | None
    tag: TagDates
    reference: dt.date | None = None
    # The latest explicit period of any size ("Oktober 2024", "7–13 April"): its first and
    # last day, for "dua bulan kemudian" after a month.
    period_reference: tuple[dt.date, dt.date] | None = None
    # Offsets of the mentions that set `reference` and `period_reference`.
    reference_span: tuple[int, int] | None = None
    period_span: tuple[int, int] | None = None
    # The latest explicit date of any size, (first, last, granularity, span): what "saat itu"
    # means after "Pada 1998, ..." (a year) or after "Minggu (28/12)" (a day).
    last_explicit: tuple[dt.date, dt.date, str, tuple[int, int]] | None = None
    # The quoted stretches of the text, found on first need, and the day of speaking of
    # each one asked about (None when its attribution names no day).
    quotes: list[tuple[int, int]] | None = None
    quote_days: dict | None = None

    def base(self) -> dt.date | None:
        """The date anchor-relative expressions ("kemarin", "bulan lalu") count from."""
        return self.anchor if self.anchor is not None else self.reference

    def speech_base(self, start: int) -> tuple[dt.date | None, tuple[int, int] | None]:
        """The date "hari ini", "kemarin" or "saat ini" at `start` count from, and the mention
        that gave it: inside a quote whose attribution is dated ("Hari ini kami ...," kata
        dia, Minggu (4/2)), the day of speaking; elsewhere the anchor (see `base`)."""
        quote = self.quote_at(start)
        if quote is not None:
            if self.quote_days is None:
                self.quote_days = {}
            if quote not in self.quote_days:
                self.quote_days[quote] = attribution_day(self.text, quote, self.anchor, self.tag)
            if self.quote_days[quote] is not None:
                return self.quote_days[quote]
        return self.base(), (self.reference_span if self.anchor is None else None)

    def quote_at(self, start: int) -> tuple[int, int] | None:
        """The quoted stretch around `start`, if any."""
        if self.quotes is None:
            if '"' not in self.text and "“" not in self.text and "‘" not in self.text:
                self.quotes = []
            else:
                self.quotes = quote_spans(self.text)
        for quote in self.quotes:
            if quote[0] <= start < quote[1]:
                return quote
            if quote[0] > start:
                break
        return None

    def story_base(self) -> dt.date | None:
        """The date narrative expressions ("sehari kemudian") count from."""
        return self.reference if self.reference is not None else self.anchor

    def story_span(self) -> tuple[int, int] | None:
        """The mention `story_base` came from (None when it is the anchor)."""
        return self.reference_span if self.reference is not None else None

    def shifts_year(self) -> bool:
        """Whether a year-less date may be moved to the adjacent year: only against a
        publication date, not against a date found in the story itself."""
        return self.anchor is not None

    def is_future(self, start: int, end: int) -> bool:
        """Whether the clause around text[start:end] speaks of the future."""
        if _FUTURE_AFTER.match(self.text, end):
            return True
        window = self.text[max(0, start - _LOOKBACK):start]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        if breaks:
            window = window[breaks[-1].end():]
        return _FUTURE_BEFORE.search(window) is not None
