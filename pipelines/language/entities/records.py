"""The records the entity layer hands to events, the warehouse and the CLI."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span as scored on standard NER data."""
    start: int
    end: int
    text: str
    type: str  # person | organization | location
    # From the actor analysis of the same text: the rank and title said with the name
    # ("Kapolri Jenderal Listyo Sigit" -> rank "Jenderal", title "Kapolri") and the actor the
    # name resolved to; None where the analysis has no actor for the span (most places).
    rank: str | None = None
    title: str | None = None
    actor_id: str | None = None

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "rank": self.rank, "title": self.title, "actor_id": self.actor_id}


@dataclass(frozen=True, slots=True)
class Actor:
    actor_id: str
    name: str
    actor_type: str  # person | organization | country | group
    country_code: str | None
    parent_actor_id: str | None
    aliases: tuple[str, ...]
    origin: str  # seed | text
    no_country_reason: str | None
    # The organisation a person acts for (Krishna Murti -> org:divhubinter-polri).
    affiliation_id: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor_id: str
    start: int
    end: int
    surface: str
    rank: str | None
    title: str | None
    # name | alias | acronym | short_name | nickname | initials | long_form | title | coreference | pronoun
    resolution: str


@dataclass(frozen=True, slots=True)
class Location:
    location_id: str
    name: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    feature_type: str
    origin: str  # seed | text


@dataclass(frozen=True, slots=True)
class PlaceMention:
    location_id: str
    start: int
    end: int
    surface: str
    is_dateline: bool
    # Set when the place name sits inside an organisation name ("Polres Metro Bekasi"):
    # it tells where the body is, not necessarily where an event happened.
    within_actor_id: str | None = None


@dataclass(slots=True)
class ActorAnalysis:
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)
    locations: dict[str, Location] = field(default_factory=dict)
    places: list[PlaceMention] = field(default_factory=list)
