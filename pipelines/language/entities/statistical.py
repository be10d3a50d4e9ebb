"""The statistical tagger's contribution: names no rule or seed explains (a bare "Budi Santoso",
"PKB", "Samarinda"), added only over tokens the rules left unclaimed."""
from __future__ import annotations

from .model import tag_spans
from .organisations import country_in, place_in, text_org
from .persons import NO_NATIONALITY, add_person
from .places import text_location
from .references import resolve_short_names
from .state import DocumentState
from .vocab import non_names, office_words, org_words

_OFFICE_PREFIXES = ("Kemen", "Menko", "Mensesneg", "Wamen", "Kapol", "Wakapol", "Kadiv", "Dirjen")
_ADDRESS = frozenset({"Pak", "Bu", "Bapak", "Ibu", "Sdr", "Saudara", "Saudari", "Mr", "Mrs", "Ms"})


def sentence_token_ranges(state: DocumentState) -> list[tuple[int, int]]:
    ranges, i, n = [], 0, len(state.tokens)
    for start, end in state.sentences:
        while i < n and state.tokens[i].start < start:
            i += 1
        j = i
        while j < n and state.tokens[j].end <= end:
            j += 1
        if j > i:
            ranges.append((i, j))
        i = j
    return ranges


def is_headline(state: DocumentState, a: int, b: int) -> bool:
    """A short line in Title Case with no closing stop: a headline or a list heading."""
    alphabetic = [t for t in state.tokens[a:b] if t.text[:1].isalpha()]
    if len(alphabetic) < 3 or state.word(b - 1) in (".", "!", "?", '"', "”"):
        return False
    capitalised = sum(t.is_capitalised for t in alphabetic)
    return capitalised / len(alphabetic) >= 0.7


def model_spans(state: DocumentState) -> list[tuple[int, int, str]]:
    """Typed token spans from the CRF for the whole document (sentence by sentence)."""
    spans = []
    for a, b in sentence_token_ranges(state):
        if not any(t.is_capitalised for t in state.tokens[a + 1:b]):
            continue  # no capitalised word after the first, no name: skip the tagger
        words = [t.text for t in state.tokens[a:b]]
        for i, j, kind in tag_spans(words):
            if kind == "person":
                i = _person_start(state, a + i, a + j) - a
            if i < j:
                spans.append((a + i, a + j, kind))
    return spans


def _person_start(state: DocumentState, i: int, j: int) -> int:
    """Drop address forms and titles the tagger let into a name ("Pak Hasto", "Kapolri Listyo").
    Academic forms and nicknames ("Ir.", "Gus Dur") stay: news NER data keeps them in the name."""
    cat = state.cat
    body = org_words() | office_words()
    after_body = False
    while j - i > 1:
        word = state.word(i)
        if word in _ADDRESS or (word,) in cat.titles or (word,) in cat.ranks:
            i += 1
        elif word in body or (word.isupper() and len(word) > 2) or word.startswith(_OFFICE_PREFIXES):
            # "Partai Golkar Tantowi Yahya", "PPP M Romahurmuziy": a body's name runs into the person's
            i += 1
            after_body = True
        elif after_body and j - i > 2:
            i += 1
        else:
            break
    if j - i == 1 and (state.word(i),) in cat.titles:
        return j  # a bare title is nobody's name
    return i


def add_model_entities(state: DocumentState, spans: list[tuple[int, int, str]]) -> None:
    headlines = [(a, b) for a, b in sentence_token_ranges(state) if is_headline(state, a, b)]
    for i, j, kind in spans:
        if any(a <= i < b for a, b in headlines):
            continue  # Title Case Headlines make every word look like a name
        if not state.free(i, j) or all(state.word(k) in non_names() for k in range(i, j)):
            continue
        if not any(state.tokens[k].is_capitalised for k in range(i, j)):
            continue
        if kind == "person":
            earlier = resolve_short_names(state, i, j)
            if earlier:
                state.mention_tokens(earlier, i, j, "short_name")
            else:
                actor_id = add_person(state, i, j)
                if state.actors[actor_id].country_code is None:
                    assert state.actors[actor_id].no_country_reason == NO_NATIONALITY
        elif kind == "organization":
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
