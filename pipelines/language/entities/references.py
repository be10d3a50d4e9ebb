"""Short references resolved within one story.

- a surname or first name ("Untung") -> the person named in full earlier;
- a bare title ("Kapolri") -> the person who held it earlier, else the body the title belongs to;
- "kedua kepolisian" / "kedua negara" / "kedua lembaga" -> the two bodies or countries named before;
- "pihaknya" -> the body of the last actor; "ia", "beliau", "ujarnya" -> the last person.
"""
from __future__ import annotations

import dataclasses

from .persons import title_at, titles_folded
from .short_names import contains_run, resolve_short_names
from .state import DocumentState
from .vocab import pair_nouns, reference_words

# Word lists from seeds/entity_reference_words.csv and seeds/entity_pair_nouns.csv.
_PERSON_PRONOUNS = reference_words("person")
_SPEECH_NYA = frozenset(w.lower() for w in reference_words("speech"))
_BODY_PRONOUNS = reference_words("body")
_REFERENCE_WORDS = frozenset({*_BODY_PRONOUNS, *_PERSON_PRONOUNS, *_SPEECH_NYA,
                              *(w.capitalize() for w in _SPEECH_NYA)})
_PAIR_NOUNS = pair_nouns()


def find_short_names(state: DocumentState) -> None:
    """Runs of capitalised tokens that repeat part of an earlier person's name."""
    if not state.persons:
        return
    parts = {w for _, words, _ in state.persons.values() if len(words) > 1 for w in words}
    i, n = 0, len(state.tokens)
    while i < n:
        if state.claimed[i] or state.tokens[i].text not in parts or not state.tokens[i].is_capitalised:
            i += 1
            continue
        j = i + 1
        while j < n and state.tokens[j].text in parts and state.tokens[j].is_capitalised \
                and not state.claimed[j]:
            j += 1
        if j < n and state.tokens[j].is_capitalised and not state.claimed[j]:
            i = j
            continue  # part of a longer, different name
        actor_id = resolve_short_names(state, i, j)
        if actor_id:
            state.mention_tokens(actor_id, i, j, "short_name")
            state.claim(i, j)
        i = j


def merge_short_persons(state: DocumentState) -> None:
    """A person found as a new name by a pass that ran before the full name was known
    ("kata Rahmat" before the tagger found "Rahmat Hidayat Lubis" earlier in the story) joins
    the one person whose longer name contains it: later mentions become short names, a
    mention the text continues into the full name ("Mohd | Azlan Hashim") becomes that name."""
    people = {actor_id: tuple(state.actors[actor_id].name.split()) for actor_id in state.persons
              if actor_id in state.actors and state.actors[actor_id].actor_type == "person"}
    first: dict[str, int] = {}
    for mention in state.mentions:
        if mention.actor_id in people and mention.resolution in ("name", "short_name"):
            first[mention.actor_id] = min(first.get(mention.actor_id, mention.start), mention.start)
    merged: set[str] = set()
    for short in sorted(people, key=lambda a: -len(people[a])):
        words = people[short]
        longer = [a for a in people if a not in merged and a != short and contains_run(people[a], words)]
        if len(longer) != 1 or longer[0] not in first:
            continue
        full = longer[0]
        kept = False
        for k, mention in enumerate(state.mentions):
            if mention.actor_id != short:
                continue
            if mention.start > first[full]:
                resolution = "short_name" if mention.resolution == "name" else mention.resolution
                state.mentions[k] = dataclasses.replace(mention, actor_id=full, resolution=resolution)
                continue
            span = _spelled_out(state, mention, people[full], words)
            if span:
                start, end = span
                state.mentions[k] = dataclasses.replace(mention, actor_id=full, start=start, end=end,
                                                        surface=state.text[start:end])
                first[full] = min(first[full], start)
            else:
                kept = True
        if kept:
            continue
        merged.add(short)
        actor = state.actors.pop(short)
        state.persons.pop(short, None)
        state.add_actor(dataclasses.replace(actor, actor_id=full, name=state.actors[full].name,
                                            aliases=()))


def _spelled_out(state: DocumentState, mention, full: tuple[str, ...],
                 short: tuple[str, ...]) -> tuple[int, int] | None:
    """The character span of the full name when the text around a short mention spells it."""
    for k in range(len(full) - len(short) + 1):
        if full[k:k + len(short)] != short:
            continue
        before, after = " ".join(full[:k]), " ".join(full[k + len(short):])
        start = mention.start - len(before) - (1 if before else 0)
        end = mention.end + len(after) + (1 if after else 0)
        if start >= 0 and state.text[start:end].split() == list(full):
            return start, end
    return None


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
        holder = _title_holder(state, i, title.text) if title.unique or title.actor_id \
            else _sole_holder(state, i, title.text)
        if holder:
            state.mention_tokens(holder, i, end, "title", title=state.surface(i, end))
        elif title.actor_id:
            if title.actor_id in state.cat.actors:
                state.add_actor(state.cat.actors[title.actor_id])
            state.mention_tokens(title.actor_id, i, end, "title", title=state.surface(i, end))
        elif end - i == 1 and (end == len(state.tokens) or not state.tokens[end].is_capitalised):
            pass  # a bare "Presiden" with no single holder refers to nobody we can name: no actor
        else:
            continue
        state.claim(i, end)


def _sole_holder(state: DocumentState, i: int, title: str) -> str | None:
    """The one person named earlier with exactly this title ("Presiden Joko Widodo" for a later
    "Presiden"); None when none or several are (two presidents stay unresolved). A shared title
    alone never makes two people one: the holder must have been named with it."""
    wanted = title.lower()
    holders = [actor_id for actor_id, (first, _words, _held) in state.persons.items()
               if first < i and wanted in state.title_heads.get(actor_id, ())]
    return holders[0] if len(holders) == 1 else None


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
