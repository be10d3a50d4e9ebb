"""Events: who did what with whom, where and when, from one document's text.

`extract_events(text, dates, actors)` takes the date tagger's mentions and the entity
layer's actor analysis for the same text and returns `Event`s whose offsets all point
into that text. Cue words live in `seeds/event_*.csv` and `seeds/topics.csv`.
"""
from pipelines.language.events.extract import extract_events
from pipelines.language.events.model import Event, EventPlace, Participant

__all__ = ["extract_events", "Event", "EventPlace", "Participant"]
