"""Quotes whose attribution gives the day of speaking.

"Hari ini kami serahkan tersangka ke kejaksaan," kata Kapolres, Minggu (4/2).
A story published on Monday 5 February still means Sunday by that "hari ini": words
counted from "now" inside a quote count from the day the speaker spoke. The speech verbs
are those of `seeds/event_speech_verbs.csv` ("kata", "ujar", "ujarnya", "jelas", ...).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from pipelines.language.seeds import read_seed

# Pairs of opening and closing marks; a straight quote opens and closes by turns within a paragraph.
_CURLY = {"“": "”", "‘": "’"}
_STRAIGHT = '"'
# How far after the closing mark the attribution and its date may reach.
_ATTRIBUTION_REACH = 160
_MARKS = re.compile('["“”‘’\n]')
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


@functools.cache
def _attribution() -> re.Pattern:
    """', kata Kapolres,' / 'ujarnya' right after a closing quote mark."""
    verbs = sorted({row["form"].lower() for row in read_seed("event_speech_verbs")}, key=len, reverse=True)
    alternation = "|".join(re.escape(v) for v in verbs)
    return re.compile(rf"\s*,?\s*(?:{alternation})(?:nya)?\b", re.IGNORECASE)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted stretch, marks excluded."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closing = None
    for mark in _MARKS.finditer(text):   # only the marks and line breaks, not every character
        char, position = mark.group(), mark.start()
        if char == "\n":
            open_at, closing = None, None
        elif open_at is None:
            if char in _CURLY or char == _STRAIGHT:
                open_at, closing = position + 1, _CURLY.get(char, _STRAIGHT)
        elif char == closing:
            spans.append((open_at, position))
            open_at, closing = None, None
    return spans


def attribution_day(text: str, quote: tuple[int, int], anchor: dt.date | None, tag_dates: Callable
                    ) -> tuple[dt.date, tuple[int, int]] | None:
    """(day of speaking, span of the date that gave it) when the attribution right after the
    quote names a day, else None. `tag_dates` is the date tagger (which reads quotes through
    this module, so it is handed in rather than imported)."""
    after = quote[1] + 1
    if _attribution().match(text, after) is None:
        return None
    stop = _SENTENCE_END.search(text, after, after + _ATTRIBUTION_REACH)
    window = text[after:stop.start() if stop else after + _ATTRIBUTION_REACH]
    for mention in tag_dates(window, anchor):
        if mention.granularity == "day" and mention.date_start is not None:
            return mention.date_start, (after + mention.start, after + mention.end)
    return None
