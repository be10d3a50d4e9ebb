"""recognise_entities(): typed spans (person, organization, location) for the CLI and NER scoring.

The statistical tagger leads, because it learned the annotation conventions of news NER data
(a country is a location only where something happens in it); rule and seed findings fill the
gaps it leaves, and win where they carry stronger evidence (rank or title + name).
"""
from __future__ import annotations

import os

from .analysis import analyse
from .records import Entity

# Mentions that name someone; references ("Kapolri", "pihaknya", "-nya") are not NER entities.
_NAMING = frozenset({"name", "alias", "acronym", "short_name"})
POLICY = os.environ.get("LINIMASA_NER_POLICY", "B")


def recognise_entities(text: str) -> list[Entity]:
    state, model = analyse(text)
    place_spans = {(p.start, p.end) for p in state.places}
    rules: dict[tuple[int, int], str] = {}
    strong: set[tuple[int, int]] = set()
    for mention in state.mentions:
        if mention.resolution not in _NAMING:
            continue
        actor = state.actors[mention.actor_id]
        span = (mention.start, mention.end)
        if actor.actor_type == "country":
            if span in place_spans:
                rules[span] = "location"
            continue
        kind = "person" if actor.actor_type == "person" else "organization"
        rules.setdefault(span, kind)
        if mention.rank or mention.title or kind == "person":
            strong.add(span)
    for place in state.places:
        rules.setdefault((place.start, place.end), "location")
    crf = {(state.tokens[i].start, state.tokens[j - 1].end): kind for i, j, kind in model}
    if POLICY == "A":
        spans = crf
    elif POLICY == "R":
        spans = dict(rules)
        for span, kind in crf.items():
            if not _overlaps(span, spans):
                spans[span] = kind
    else:
        spans = {s: k for s, k in rules.items() if s in strong}
        for span, kind in crf.items():
            if not _overlaps(span, spans):
                spans[span] = kind
        for span, kind in rules.items():
            if not _overlaps(span, spans):
                spans[span] = kind
    return [Entity(s, e, text[s:e], kind) for (s, e), kind in sorted(spans.items())]


def _overlaps(span: tuple[int, int], spans: dict[tuple[int, int], str]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)
