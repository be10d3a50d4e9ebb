"""The statistical tagger's contribution: names no rule or seed explains (a bare "Budi Santoso",
"PKB", "Samarinda"), added only over tokens the rules left unclaimed."""
from __future__ import annotations

from .features import common_words
from .junk import is_event
from .organisations import country_in, place_in, text_org
from .persons import add_person
from .short_names import resolve_short_names
from .state import DocumentState
from .tagging import sentence_index, sentence_token_ranges
from .text_places import text_location
from .vocab import non_names

def is_headline(state: DocumentState, a: int, b: int) -> bool:
    """A short line in Title Case with no closing stop: a headline or a list heading."""
    alphabetic = [t for t in state.tokens[a:b] if t.text[:1].isalpha()]
    if len(alphabetic) < 3 or state.word(b - 1) in (".", "!", "?", '"', "”"):
        return False
    capitalised = sum(t.is_capitalised for t in alphabetic)
    return capitalised / len(alphabetic) >= 0.7


def _trim_person(state: DocumentState, i: int, j: int) -> tuple[int, int]:
    """Drop brackets the tagger left at a person span's edges ("Dedi (" -> "Dedi",
    "(Jokowi)" -> "Jokowi")."""
    while j > i and state.word(j - 1) in ("(", "[", ")", "]"):
        j -= 1
    while i < j and state.word(i) in ("(", "["):
        i += 1
    return i, j


def add_model_entities(state: DocumentState, spans: list[tuple[int, int, str]]) -> None:
    ranges = sentence_token_ranges(state)
    headline: dict[int, bool] = {}
    for i, j, kind in spans:
        sentence = sentence_index(state, i)
        if sentence not in headline:
            headline[sentence] = is_headline(state, *ranges[sentence])
        if headline[sentence]:
            continue  # Title Case Headlines make every word look like a name
        if not state.free(i, j) or all(state.word(k) in non_names() for k in range(i, j)
                                       if state.word(k)[:1].isalnum()):
            continue  # "(WNI)", "Senin": words that never name anyone
        if not any(state.tokens[k].is_capitalised for k in range(i, j)):
            continue
        if is_event(state.surface(i, j)):
            continue  # "Liga Champions", "GP Italia": events, not actors
        if kind == "person":
            i, j = _trim_person(state, i, j)
            if j == i:
                continue
            earlier = resolve_short_names(state, i, j)
            if earlier:
                state.mention_tokens(earlier, i, j, "short_name")
            else:
                add_person(state, i, j)  # nationality unknown unless a title says it
        elif kind == "organization":
            if j - i == 1 and (len(state.words[i]) <= 2 or state.words[i].lower() in common_words()):
                continue  # "The", "AC": too little to found an actor on
            name = state.surface(i, j)
            actor = text_org(state, name, parent=None, country=country_in(state, i, j),
                             reason="country not stated in text")
            state.mention_tokens(actor.actor_id, i, j, "name")
        elif kind == "location":
            inner = place_in(state, i, j)
            country = country_in(state, i, j) or (
                state.cat.locations[inner[2]].country_code if inner else None)
            state.add_place(text_location(state, state.surface(i, j), "place", country), i, j)
        state.claim(i, j)
