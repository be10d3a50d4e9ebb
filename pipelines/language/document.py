"""analyse_document(): dates, actors, places and events of one text in one call.

Offsets in every part point into the text exactly as given; nothing is stripped.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipelines.language.dates import tag_dates
from pipelines.language.entities import analyse_actors
from pipelines.language.events import Event, extract_events


@dataclass
class DocumentAnalysis:
    dates: list            # DateMention
    actors: object         # ActorAnalysis (actors, mentions, locations, places)
    events: list[Event]


def analyse_document(text: str, anchor: dt.date | None) -> DocumentAnalysis:
    """Tag dates against `anchor`, recognise actors and places, then extract events."""
    dates = tag_dates(text, anchor)
    actors = analyse_actors(text)
    events = extract_events(text, dates, actors, anchor=anchor)
    return DocumentAnalysis(dates=dates, actors=actors, events=events)
