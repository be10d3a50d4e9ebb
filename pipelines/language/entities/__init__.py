"""Actors and places in Indonesian news text.

`analyse_actors(text)` finds persons (rank, title and name apart), organisations with their
hierarchy and country, countries, places and the dateline, and resolves short references within
the story. `recognise_entities(text)` gives plain typed spans for NER scoring and the CLI.
"""
from .analysis import analyse_actors
from .recognise import recognise_entities
from .records import Actor, ActorAnalysis, ActorMention, Entity, Location, PlaceMention

__all__ = ["analyse_actors", "recognise_entities", "Actor", "ActorAnalysis", "ActorMention",
           "Entity", "Location", "PlaceMention"]
