"""The value the date tagger returns: one dated stretch of text."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

GRANULARITIES = ("day", "week", "month", "quarter", "half", "year", "decade", "vague")
KINDS = ("absolute", "relative", "range", "vague")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at text[start:end] and the inclusive interval it denotes.

    `anchor` is the date the expression was resolved against: the publication date for
    "kemarin", the most recent explicit date in the story for "keesokan harinya".
    Dates are None when the expression needs an anchor and none was available.
    """

    start: int
    end: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    granularity: str
    kind: str
    time: str | None = None
    weekday_mismatch: bool = False
    anchor: dt.date | None = None

    def to_json(self) -> dict:
        """A JSON-ready dict: ISO date strings, null for missing values."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "granularity": self.granularity,
            "kind": self.kind,
            "time": self.time,
            "weekday_mismatch": self.weekday_mismatch,
            "anchor": _iso(self.anchor),
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None
