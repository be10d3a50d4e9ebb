"""Short references resolved within one story.

- a surname or first name ("Untung") -> the person named in full earlier;
- a bare title ("Kapolri") -> the person who held it earlier, else the body the title belongs to;
- "kedua kepolisian" / "kedua negara" / "kedua lembaga" -> the two bodies or countries named before;
- "pihaknya" -> the body of the last actor; "ia", "beliau", "ujarnya" -> the last person.
"""
from __future__ import annotations

from .persons import title_at, titles_folded
from .state import DocumentState
from .vocab import pair_nouns, reference_words

# Word lists from seeds/entity_reference_words.csv and seeds/entity_pair_nouns.csv.
_PERSON_PRONOUNS = reference_words("person")
_SPEECH_NYA = frozenset(w.lower() for w in reference_words("speech"))
_BODY_PRONOUNS = reference_words("body")
_REFERENCE_WORDS = frozenset({*_BODY_PRONOUNS, *_PERSON_PRONOUNS, *_SPEECH_NYA,
                              *(w.capitalize() for w in _SPEECH_NYA)})
_PAIR_NOUNS = pair_nouns()


def resolve_short_names(state: DocumentState, i: int, j: int) -> str | None:
    """The earlier person whose full name contains tokens i..j as a first or last part."""
    words = tuple(state.word(k) for k in range(i, j))
    best = None
    for actor_id, (first, name_words, _title) in state.persons.items():
        if first >= i or len(name_words) <= len(words):
            continue
        if name_words[:len(words)] == words or name_words[-len(words):] == words:
            if best is None or first > state.persons[best][0]:
                best = actor_id
    return best


def find_short_names(state: DocumentState) -> None:
    """Single capitalised tokens that repeat part of an earlier person's name."""
    if not state.persons:
        return
    parts = {w for _, words, _ in state.persons.values() if len(words) > 1 for w in words}
    for i, token in enumerate(state.tokens):
        if state.claimed[i] or token.text not in parts:
            continue
        if i + 1 < len(state.tokens) and state.tokens[i + 1].is_capitalised and not state.claimed[i + 1] \
                and state.tokens[i + 1].text not in parts:
            continue  # part of a longer, different name
        actor_id = resolve_short_names(state, i, i + 1)
        if actor_id:
            state.mention_tokens(actor_id, i, i + 1, "short_name")
            state.claim(i, i + 1)


def find_bare_titles(state: DocumentState) -> None:
    firsts = titles_folded().firsts
    for i in range(len(state.tokens)):
        if not state.tokens[i].is_capitalised or state.claimed[i] \
                or state.words[i].lower() not in firsts:
            continue
        hit = title_at(state, i)
        if not hit:
            continue
        end, title = hit
        if not title.unique and not title.actor_id:
            continue
        holder = _title_holder(state, i, title.text)
        if holder:
            state.mention_tokens(holder, i, end, "title", title=state.surface(i, end))
        elif title.actor_id:
            if title.actor_id in state.cat.actors:
                state.add_actor(state.cat.actors[title.actor_id])
            state.mention_tokens(title.actor_id, i, end, "title", title=state.surface(i, end))
        else:
            continue
        state.claim(i, end)


def _title_holder(state: DocumentState, i: int, title: str) -> str | None:
    best = None
    for actor_id, (first, _words, held) in state.persons.items():
        if held and first < i and held.lower().startswith(title.lower()):
            if best is None or first > state.persons[best][0]:
                best = actor_id
    return best


def find_pair_references(state: DocumentState) -> None:
    """'kedua kepolisian', 'kedua negara' -> one coreference mention per referent."""
    for i, word in enumerate(state.words[:-1]):
        if word != "kedua" and word != "Kedua":
            continue
        kind = _PAIR_NOUNS.get(state.word(i + 1).lower())
        if not kind:
            continue
        start = state.tokens[i].start
        referents = _last_two(state, start, kind)
        if len(referents) == 2:
            for actor_id in referents:
                state.mention(actor_id, start, state.tokens[i + 1].end, "coreference")
            state.claim(i, i + 2)


def _top(state: DocumentState, actor_id: str) -> str:
    """The highest ancestor of the same sector (Divhubinter -> Polri)."""
    seen = set()
    while actor_id not in seen:
        seen.add(actor_id)
        actor = state.actors.get(actor_id)
        parent = actor.parent_actor_id if actor else None
        if not parent or parent not in state.actors:
            return actor_id
        actor_id = parent
    return actor_id


def _last_two(state: DocumentState, before: int, kind: str) -> list[str]:
    found: list[str] = []
    for mention in sorted(state.mentions, key=lambda m: m.start, reverse=True):
        if mention.start >= before or mention.resolution == "coreference":
            continue
        actor = state.actors.get(mention.actor_id)
        if actor is None:
            continue
        if kind == "country":
            candidate = f"ctry:{actor.country_code}" if actor.country_code else None
            if candidate and candidate not in state.actors:
                state.add_actor(state.cat.actors[candidate])
        elif actor.actor_type in ("organization", "group") and (
                kind == "organization" or state.sector_of(actor.actor_id) == "police"):
            candidate = _top(state, actor.actor_id)
        else:
            candidate = None
        if candidate and candidate not in found:
            found.append(candidate)
        if len(found) == 2:
            break
    return found


def find_pronouns(state: DocumentState) -> None:
    for i, word in enumerate(state.words):
        if word not in _REFERENCE_WORDS or state.claimed[i]:
            continue
        token = state.tokens[i]
        if word in _BODY_PRONOUNS:
            target = _last_actor(state, token.start, body=True)
            if target:
                state.mention(target, token.start, token.end, "pronoun")
        elif word in _PERSON_PRONOUNS or word.lower() in _SPEECH_NYA:
            target = _last_actor(state, token.start, body=False)
            if target:
                start = token.end - 3 if word.lower().endswith("nya") else token.start
                state.mention(target, start, token.end, "pronoun")


def _last_actor(state: DocumentState, before: int, body: bool) -> str | None:
    for mention in sorted(state.mentions, key=lambda m: m.start, reverse=True):
        if mention.start >= before:
            continue
        actor = state.actors.get(mention.actor_id)
        if actor is None or actor.actor_type == "country":
            continue
        if actor.actor_type == "person":
            if body:
                return actor.affiliation_id or actor.actor_id
            return actor.actor_id
        if body:
            return actor.actor_id
    return None
