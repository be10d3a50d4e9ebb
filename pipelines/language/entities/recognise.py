"""recognise_entities(): typed spans (person, organization, location) for the CLI and NER scoring.

Three layers, each only where the earlier ones left the text untouched:
1. persons the rules found (rank/title + name, quoting frames) and anything with a rank or title;
2. the statistical tagger, which learned the conventions of news NER data (a country is a
   location only where something happens in it);
3. seed-catalogued names (actors.csv, places.csv) the tagger missed ("Poipet", "ASEANAPOL").
Names the rules invented from patterns stay in analyse_actors() but do not fill NER gaps: on
held-out news NER data they cost more precision than they add recall.
"""
from __future__ import annotations

from .analysis import analyse
from .junk import is_event, junk_ranges, outside_junk, tidy
from .records import Entity
from .tagging import all_spans

# Mentions that name someone; references ("Kapolri", "pihaknya", "-nya") are not NER entities.
_NAMING = frozenset({"name", "alias", "acronym", "short_name", "nickname", "initials", "long_form"})

Span = tuple[int, int]


def recognise_entities(text: str) -> list[Entity]:
    state = analyse(text)
    model = all_spans(state)
    place_spans = {(p.start, p.end) for p in state.places}
    strong: dict[Span, str] = {}
    seeded: dict[Span, str] = {}
    for mention in state.mentions:
        if mention.resolution not in _NAMING:
            continue
        actor = state.actors[mention.actor_id]
        span = (mention.start, mention.end)
        if actor.actor_type == "country":
            if span in place_spans:
                seeded.setdefault(span, "location")
            continue
        kind = "person" if actor.actor_type == "person" else "organization"
        if kind == "person" or mention.rank or mention.title:
            strong.setdefault(span, kind)
        elif actor.origin == "seed":
            seeded.setdefault(span, kind)
    for place in state.places:
        if state.locations[place.location_id].origin == "seed":
            seeded.setdefault((place.start, place.end), "location")
    spans = dict(strong)
    for i, j, kind in model:
        _add_if_free(spans, (state.tokens[i].start, state.tokens[j - 1].end), kind)
    for span, kind in seeded.items():
        _widen(spans, strong, span, kind)
        _add_if_free(spans, span, kind)
    return _with_actors(_clean(text, spans), state)


def _with_actors(entities: list[Entity], state) -> list[Entity]:
    """Rank, title and actor id of the naming mention that covers most of each entity."""
    mentions = [m for m in state.mentions if m.resolution in _NAMING]
    out = []
    for e in entities:
        best, overlap = None, 0
        for m in mentions:
            shared = min(e.end, m.end) - max(e.start, m.start)
            if shared > overlap:
                best, overlap = m, shared
        if best is None:
            out.append(e)
        else:
            out.append(Entity(e.start, e.end, e.text, e.type, best.rank, best.title, best.actor_id))
    return out


def _clean(text: str, spans: dict[Span, str]) -> list[Entity]:
    """Cut bylines, datelines and credits out of the spans and tidy their edges (junk.py)."""
    ranges = junk_ranges(text)
    entities: dict[Span, str] = {}
    for span, kind in sorted(spans.items()):
        kept = outside_junk(span, ranges)
        kept = tidy(text, kept, kind) if kept else None
        if kept and is_event(text[kept[0]:kept[1]]):
            continue  # an event is neither an actor nor a place
        if kept and not any(s < kept[1] and kept[0] < e for s, e in entities):
            entities[kept] = kind
    return [Entity(s, e, text[s:e], kind) for (s, e), kind in sorted(entities.items())]


def _widen(spans: dict[Span, str], strong: dict[Span, str], span: Span, kind: str) -> None:
    """A catalogued organisation name ("Singapore Police Force (SPF)") replaces a tagger span of
    the same kind that covers only part of it ("Police Force (SPF)")."""
    if kind != "organization":
        return
    inside = [s for s, k in spans.items() if span[0] <= s[0] and s[1] <= span[1] and s != span]
    if inside and all(spans[s] == kind and s not in strong for s in inside) \
            and not any(s[0] < span[1] and span[0] < s[1] and s not in inside for s in spans):
        for s in inside:
            del spans[s]


def _add_if_free(spans: dict[Span, str], span: Span, kind: str) -> None:
    if not any(s < span[1] and span[0] < e for s, e in spans):
        spans[span] = kind
