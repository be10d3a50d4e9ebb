"""Places: the dateline, gazetteer names, countries used as places, and place patterns
("di Bandara ...", "di Gedung ...") for places outside the gazetteer."""
from __future__ import annotations

import re

from .catalog import longest
from .organisations import country_in, pattern_tail, place_in
from .state import DocumentState
from .text_places import text_location
from .vocab import place_patterns, place_words

# Words after which a country name is where something happens, not who acts, and nouns that
# may sit between the preposition and the country ("di wilayah Kamboja"): seeds/entity_place_words.csv.
LOCATION_PREPOSITIONS = place_words("preposition")
_PLACE_NOUNS = place_words("place_noun")

# "Jakarta:", "Jakarta -", "JAKARTA, Senin (14/4/2025) -", "Jakarta (ANTARA) -", "JAKARTA, KOMPAS.com -",
# "Liputan6.com, Jakarta -" (a news site's name may come first)
_DATELINE = re.compile(
    r"(?:[\w-]+\.(?:com|co\.id|id|net)\s*,\s*)?(?P<place>[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*){0,3})\s*(?:\([^()\n]{1,30}\)\s*)?"
    r"(?:,[^\n]{0,60}?)?\s*[:\-–—]\s")


def find_dateline(state: DocumentState) -> None:
    """Where the story was filed: a place at the start of one of the first two lines."""
    offset = 0
    for line in state.text.split("\n")[:3]:
        stripped = len(line) - len(line.lstrip())
        match = _DATELINE.match(line, stripped)
        if match:
            start = offset + match.start("place")
            end = offset + match.end("place")
            i = _token_at(state, start)
            if i is not None:
                hit = longest(state.cat.place_names_folded, state.tokens, i, 4, fold=True)
                if hit and state.tokens[hit[0] - 1].end == end and state.free(i, hit[0]):
                    state.add_place(state.cat.locations[hit[1]], i, hit[0], is_dateline=True)
                    state.claim(i, hit[0])
                    return
        if line.strip():
            offset += len(line) + 1
            if match is None and len(line) > 120:
                return  # the lead paragraph has begun without a dateline
        else:
            offset += len(line) + 1


def _token_at(state: DocumentState, start: int) -> int | None:
    for i, token in enumerate(state.tokens):
        if token.start == start:
            return i
        if token.start > start:
            return None
    return None


def find_place_patterns(state: DocumentState) -> None:
    """'di Bandara Hang Nadim' -> gazetteer place; 'di Gedung Bareskrim' -> place found in text."""
    patterns = place_patterns()
    words = state.words
    for i in range(1, len(words)):
        if words[i] not in patterns.firsts or words[i - 1] not in LOCATION_PREPOSITIONS \
                or state.claimed[i]:
            continue
        head = longest(patterns, state.tokens, i, 4)
        if not head:
            continue
        head_end, feature_type = head
        end = pattern_tail(state, head_end)
        if end == head_end or not state.free(i, end):
            continue
        known = longest(state.cat.place_names, state.tokens, i, 8)
        if known and known[0] == end:
            location = state.cat.locations[known[1]]
        else:
            inner = place_in(state, head_end, end)
            country = country_in(state, head_end, end) or (
                state.cat.locations[inner[2]].country_code if inner else _following_country(state, end))
            location = text_location(state, state.surface(i, end), feature_type, country)
        state.add_place(location, i, end)
        state.claim(i, end)


def _following_country(state: DocumentState, end: int) -> str | None:
    """'di Gedung Sate, Bandung' -> the country of the place named right after the comma."""
    if state.word(end) == ",":
        hit = longest(state.cat.place_names, state.tokens, end + 1, 6)
        if hit:
            return state.cat.locations[hit[1]].country_code
    return None


def find_gazetteer_places(state: DocumentState) -> None:
    """Countries (actors, and places after a location preposition) and gazetteer places."""
    cat = state.cat
    i, n = 0, len(state.tokens)
    while i < n:
        word = state.words[i]
        if word not in cat.country_names.firsts and word not in cat.place_names.firsts \
                or state.claimed[i]:
            i += 1
            continue
        country = longest(cat.country_names, state.tokens, i, 5)
        place = longest(cat.place_names, state.tokens, i, 8)
        if country and (not place or country[0] >= place[0]) and state.free(i, country[0]):
            end, code = country
            if not _is_initials_person(state, i, end):
                state.add_actor(cat.actors[f"ctry:{code}"])
                state.mention_tokens(f"ctry:{code}", i, end, "name")
                if _after_location_preposition(state, i):
                    state.add_place(cat.locations[cat.country_location_id(code)], i, end)
                state.claim(i, end)
                i = end
                continue
        if place and state.free(i, place[0]):
            end, location_id = place
            state.add_place(cat.locations[location_id], i, end)
            state.claim(i, end)
            i = end
            continue
        i += 1


def _after_location_preposition(state: DocumentState, i: int) -> bool:
    """'di Kamboja', 'ke wilayah Kamboja', 'di empat kota Kamboja'."""
    if state.word(i - 1) in LOCATION_PREPOSITIONS:
        return True
    if state.word(i - 1) not in _PLACE_NOUNS:
        return False
    for k in range(i - 2, max(i - 5, -1), -1):
        word = state.word(k)
        if word in LOCATION_PREPOSITIONS:
            return True
        if not word.islower():
            return False
    return False


def _is_initials_person(state: DocumentState, i: int, end: int) -> bool:
    """'AS (34)' is a suspect, not the United States."""
    return end == i + 1 and state.word(i).isupper() and state.word(i + 1) == "(" and \
        state.word(i + 2).isdigit()
