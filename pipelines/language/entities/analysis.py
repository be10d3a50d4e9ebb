"""analyse_actors(): the passes in order, strongest evidence first."""
from __future__ import annotations

from .aliases import learn_definitions
from .identity import resolve_identity
from .junk import claim_junk
from .organisations import find_organisations
from .persons import (find_aged_names, find_coordinated_names, find_initials, find_ranked_persons, find_speaker_names,
                      find_titled_persons)
from .places import find_dateline, find_gazetteer_places, find_place_patterns
from .records import ActorAnalysis
from .references import (find_bare_titles, find_pair_references, find_pronouns,
                         find_short_names, merge_short_persons)
from .state import DocumentState
from .statistical import add_model_entities
from .tagging import unexplained_spans


def analyse(text: str, use_model: bool = True) -> DocumentState:
    """Run every pass and return the document state (mentions, actors, places, model cache)."""
    state = DocumentState(text or "")
    find_dateline(state)
    claim_junk(state)
    learn_definitions(state)
    find_ranked_persons(state)
    find_initials(state)
    find_titled_persons(state)
    find_organisations(state)
    find_place_patterns(state)
    find_gazetteer_places(state)
    find_short_names(state)
    find_bare_titles(state)
    find_speaker_names(state)
    find_aged_names(state)
    add_model_entities(state, unexplained_spans(state) if use_model else [])
    find_coordinated_names(state)
    find_short_names(state)  # again: names the tagger introduced can be repeated short
    merge_short_persons(state)
    resolve_identity(state)
    find_pair_references(state)
    find_pronouns(state)
    return state


def analyse_actors(text: str) -> ActorAnalysis:
    """Actors, their mentions, and places of one document (offsets into `text`)."""
    state = analyse(text)
    return state.result()
