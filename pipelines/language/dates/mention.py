"""The value the date tagger returns: one dated stretch of text."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

GRANULARITIES = ("day", "week", "month", "quarter", "half", "year", "decade", "vague", "present")
# duration ("selama tiga hari") and set ("setiap Senin") mentions carry an ISO 8601 `value`
# (P3D, XXXX-WXX-1) and no interval; present ones ("saat ini") only an end, like vague ones.
KINDS = ("absolute", "relative", "range", "vague", "present", "duration", "set")


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
    value: str | None = None
    # Offsets of the explicit date this one was resolved against ("sehari kemudian" after
    # "Senin (7/4)"), or None when it counted from the publication date or stands alone.
    anchored_by: tuple[int, int] | None = None

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
            "value": self.value,
            "anchored_by": list(self.anchored_by) if self.anchored_by else None,
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None
