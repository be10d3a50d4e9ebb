"""Who took part in an event, and in what role.

The role comes, in order, from the actor's title ("Ketua majelis hakim" → judge), from a
cue word next to it ("dipimpin oleh" → lead, "tersangka" → suspect), and otherwise from
the event type's default (a person in an arrest is the suspect, an organisation the lead).
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from pipelines.language.events.cues import lexicon
from pipelines.language.events.model import EventPlace, Participant
from pipelines.language.events.roles import COOPERATION_TYPES, structural_roles
from pipelines.language.events.tokens import Tokens
from pipelines.language.seeds import read_seed

_CUE_REACH = 90
# A cue's reach ends where another predicate starts.
_CUE_STOP = re.compile(r"[;.()\"“”]|\b(?:sedangkan|sementara|yang|namun|tetapi|kemudian|lalu)\b", re.IGNORECASE)
# Officials (anyone with a rank or a title) in an arrest or rescue are acting, not acted on.
_ACTED_ON = frozenset({"suspect", "victim"})
_PERSONAL = frozenset({"suspect", "victim", "judge"})
_BARE = frozenset({"participant", "mentioned"})
_COOPERATING = frozenset({"agent", "partner", "host"})
# Types carried out by a body ("Polres ... menangkap"): seeds/event_role_defaults.csv gives
# any non-person actor the lead.
_LED_TYPES = frozenset(r["event_type"] for r in read_seed("event_role_defaults")
                       if r["actor_type"] == "*" and r["role"] == "lead")


def cue_roles(text: str, tokens: Tokens, start: int, end: int, mentions: Sequence[Any],
              event_type: str | None = None) -> dict[int, str]:
    """Roles named by cue words in text[start:end], keyed by the mention's start offset; a cue
    kept to some event types ("kepada": whom a request or aid is for) names none in others."""
    roles: dict[int, str] = {}
    if not mentions:
        return roles
    for cue_start, cue_end, info in lexicon().role_cues.find(tokens, start, end):
        if event_type is not None and not info.holds_for(event_type):
            continue
        if info.side == "after":
            stop = _CUE_STOP.search(text, cue_end, min(end, cue_end + _CUE_REACH))
            limit = stop.start() if stop else min(end, cue_end + _CUE_REACH)
            for mention in mentions:
                if cue_end <= mention.start < limit:
                    roles[mention.start] = info.role  # cues come in order: the nearest one wins
        else:
            before = [m for m in mentions if m.end <= cue_start and cue_start - m.end <= _CUE_REACH]
            if before:
                roles.setdefault(max(before, key=lambda m: m.end).start, info.role)
    return roles


def _title_role(mention: Any) -> str | None:
    title = (getattr(mention, "title", None) or "").lower()
    for cue, role in lexicon().title_roles:
        if cue in title:
            return role
    return None


def participants_for(event_type: str, text: str, tokens: Tokens, start: int, end: int, mentions: Sequence[Any],
                     actor_types: dict[str, str], fixed_role: str | None = None,
                     trigger: tuple[int, int] | None = None) -> list[Participant]:
    """Participants from the actor mentions lying in text[start:end]; one per actor.

    In a cooperation-type event the role comes from the sentence's structure around the
    event word text[trigger] (see roles.py); elsewhere from titles, cues and defaults."""
    # A pronoun ("Ia", "-nya") is a speaker's or subject's stand-in; as a bare participant
    # its resolution is too unsure to name who an arrest or a return involved.
    inside = [m for m in mentions if start <= m.start and m.end <= end
              and getattr(m, "resolution", None) != "pronoun"]
    if not inside:
        return []
    cued = {} if fixed_role else cue_roles(text, tokens, start, end, inside, event_type)
    lex = lexicon()
    if event_type in COOPERATION_TYPES and not fixed_role:
        return _cooperation_participants(event_type, text, start, end, inside, actor_types, cued, trigger)
    found: dict[str, Participant] = {}
    for mention in inside:
        if mention.actor_id in found:
            continue
        actor_type = actor_types.get(mention.actor_id, "")
        cue_role = cued.get(mention.start)
        if cue_role in _PERSONAL and actor_type != "person":
            cue_role = None  # "korban TPPO ... di Kamboja": a country is no victim
        role = fixed_role or _title_role(mention) or cue_role
        if role is None:
            role = lex.default_role(event_type, actor_type)
            if role in _ACTED_ON and (getattr(mention, "rank", None) or getattr(mention, "title", None)):
                role = "lead" if event_type in _LED_TYPES else "participant"
        found[mention.actor_id] = Participant(mention.actor_id, role, getattr(mention, "rank", None),
                                              getattr(mention, "title", None), mention.start, mention.end)
    return list(found.values())


def _cooperation_participants(event_type: str, text: str, start: int, end: int, inside: Sequence[Any],
                               actor_types: dict[str, str], cued: dict[int, str],
                               trigger: tuple[int, int] | None) -> list[Participant]:
    roles = structural_roles(text, start, end, trigger, inside, actor_types, cued, event_type)
    lex = lexicon()
    found: dict[str, Participant] = {}
    for mention in inside:
        actor_type = actor_types.get(mention.actor_id, "")
        role = roles[mention.start]
        if role in _PERSONAL and actor_type != "person":
            role = "mentioned"  # "korban TPPO ... di Kamboja": a country is no victim
        if event_type in _LED_TYPES and actor_type == "person" and role not in _ACTED_ON \
                and not (getattr(mention, "rank", None) or getattr(mention, "title", None)):
            # "RH dipulangkan ke Indonesia": a person without rank or title is the one returned
            role = lex.default_role(event_type, actor_type)
        if mention.actor_id in found:
            if found[mention.actor_id].role in _COOPERATING or role not in _COOPERATING:
                continue
        found[mention.actor_id] = Participant(mention.actor_id, role, getattr(mention, "rank", None),
                                              getattr(mention, "title", None), mention.start, mention.end)
    return list(found.values())


def places_for(start: int, end: int, places: Iterable[Any]) -> list[tuple[EventPlace, str | None]]:
    """Places mentioned in text[start:end], the dateline excepted, each with the actor whose
    name contains it (None for a place named on its own)."""
    return [
        (EventPlace(place.location_id, place.start, place.end), getattr(place, "within_actor_id", None))
        for place in places
        if start <= place.start and place.end <= end and not getattr(place, "is_dateline", False)
    ]


def merge_participants(into: list[Participant], extra: Iterable[Participant]) -> None:
    """Add actors not yet taking part; a specific role replaces a bare "participant" or
    "mentioned" (named in passing in one sentence, the host in the next)."""
    index = {p.actor_id: i for i, p in enumerate(into)}
    for p in extra:
        if p.actor_id not in index:
            index[p.actor_id] = len(into)
            into.append(p)
        elif into[index[p.actor_id]].role in _BARE and p.role not in _BARE:
            into[index[p.actor_id]] = p


def one_per_actor(participants: list[Participant], same_person: dict[str, str]) -> list[Participant]:
    """Participants with each alias turned into the full name it stands for ("Joko Widodo
    (Jokowi)"), one per actor; a cooperating role wins over a bare one."""
    result: list[Participant] = []
    for p in participants:
        actor_id = same_person.get(p.actor_id, p.actor_id)
        renamed = Participant(actor_id, p.role, p.rank, p.title, p.start, p.end)
        merge_participants(result, [renamed])
        at = next(i for i, q in enumerate(result) if q.actor_id == actor_id)
        if p.role in _COOPERATING and result[at].role not in _COOPERATING:
            result[at] = renamed
    return result


def merge_places(into: list[EventPlace], extra: Iterable[EventPlace]) -> None:
    seen = {p.location_id for p in into}
    for p in extra:
        if p.location_id not in seen:
            seen.add(p.location_id)
            into.append(p)
