"""The event records handed to the warehouse: what happened, when, where, who."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Participant:
    """An actor taking part in an event; start/end are the actor mention's offsets."""

    actor_id: str
    role: str
    rank: str | None
    title: str | None
    start: int
    end: int


@dataclass(slots=True)
class EventPlace:
    """A place where an event happened; start/end are the place mention's offsets."""

    location_id: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """One real-world happening reported by a document, possibly mentioned several times.

    `summary`/`start`/`end` are the sentence that first reports the event; the trigger is
    the word in it that names the happening.
    """

    event_type: str
    cameo_code: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    date_mention: Any | None
    summary: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    participants: list[Participant] = field(default_factory=list)
    locations: list[EventPlace] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    # Where the date came from: clause (a date told with the event), attribution (the date
    # of a statement's "kata dia, Minggu (4/2)"), reference_time (a date the story set
    # earlier or an event it elaborates), publication (nothing in the text dated it), or
    # None when the event is undated.
    date_source: str | None = None
    # How the text holds it (DESIGN's modality): asserted, ongoing, planned, hypothetical,
    # suspended, reported; see seeds/event_modality_cues.csv.
    modality: str | None = None
    plover_type: str | None = None

    def to_json(self) -> dict:
        """Plain JSON-ready dict with ISO dates and the date mention's offsets."""
        mention = self.date_mention
        return {
            "event_type": self.event_type,
            "cameo_code": self.cameo_code,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "modality": self.modality,
            "plover_type": self.plover_type,
            "date_mention": None if mention is None else {"start": mention.start, "end": mention.end,
                                                          "text": mention.text},
            "summary": self.summary,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
            "participants": [
                {"actor_id": p.actor_id, "role": p.role, "rank": p.rank, "title": p.title,
                 "start": p.start, "end": p.end}
                for p in self.participants
            ],
            "locations": [{"location_id": p.location_id, "start": p.start, "end": p.end}
                          for p in self.locations],
            "topics": list(self.topics),
        }
