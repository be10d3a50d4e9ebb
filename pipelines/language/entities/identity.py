"""One actor per entity within a story, once every name in it is known.

- a nickname the story gives in brackets or after "alias" joins the full name:
  "Joko Widodo (Jokowi)", "Hery Susanto Gun alias Abun"; later "Jokowi" is the same person;
- two spellings of one full name in one story are one person ("Fayakhun Andriadi" ...
  "Fayakhun Andiadi");
- a suspect's initials join the one person of the story whose name they spell: "Wilhelmus Iwan
  Ulumbu" ... "WIU";
- an organisation's acronym joins the one long form of the story whose words it spells:
  "Badan Meteorologi, Klimatologi, dan Geofisika" ... "BMKG"; a reference entry (seeds) keeps
  its id, otherwise the long form's id does;
- a unit whose name ends in a known body rolls up to it: "Komisi V DPR" -> DPR,
  "Direktorat Reserse Kriminal Umum Polda Metro Jaya" -> Polda Metro Jaya;
- a person named after a title that names a body acts for it even when the tagger, not the title
  rule, found the name: "Gubernur Bank Indonesia (BI) Agus Martowardojo" -> Bank Indonesia.

Each joined mention's `resolution` says why it is that actor (nickname, initials, acronym), so the
warehouse can say why two surfaces are one actor (actor_aliases.reason).
"""
from __future__ import annotations

import dataclasses
import re

from .catalog import longest, words
from .persons import titles_folded
from .state import DocumentState
from .vocab import CONNECTORS

_NICKNAME = re.compile(r"\s*(?:\(\s*(?P<bracketed>[^()\n]{2,40}?)\s*\)|,?\s+alias\s+(?P<alias>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))")
_INITIALS = re.compile(r"[A-Z]{2,5}")


def initials(name: str) -> str:
    """'Wilhelmus Iwan Ulumbu' -> 'WIU'; 'Badan Meteorologi, Klimatologi, dan Geofisika' ->
    'BMKG' (connectors and punctuation skipped)."""
    return "".join(w[0].upper() for w in re.findall(r"[\w'’-]+", name)
                   if w.lower() not in CONNECTORS and w[0].isalpha())


def join(state: DocumentState, source: str, target: str, resolution: str) -> None:
    """Point every mention of `source` at `target`, keep its names as aliases, drop `source`."""
    if source == target or source not in state.actors or target not in state.actors:
        return
    gone = state.actors.pop(source)
    for k, mention in enumerate(state.mentions):
        if mention.actor_id == source:
            state.mentions[k] = dataclasses.replace(mention, actor_id=target, resolution=resolution)
    if resolution != "initials":  # "WIU" names Wilhelmus Iwan Ulumbu in this story only
        for alias in (gone.name, *gone.aliases):
            state.add_alias(target, alias)
    kept = state.actors[target]
    if kept.affiliation_id is None and gone.affiliation_id and gone.affiliation_id != target:
        state.actors[target] = dataclasses.replace(
            kept, affiliation_id=gone.affiliation_id,
            country_code=kept.country_code or gone.country_code,
            no_country_reason=None if (kept.country_code or gone.country_code) else kept.no_country_reason)
    for actor_id, actor in list(state.actors.items()):  # bodies that hung under the dropped id
        changes = {}
        if actor.parent_actor_id == source:
            changes["parent_actor_id"] = target
        if actor.affiliation_id == source:
            changes["affiliation_id"] = target
        if changes:
            state.actors[actor_id] = dataclasses.replace(actor, **changes)
    state.persons.pop(source, None)


def _person_mentions(state: DocumentState) -> list:
    return sorted((m for m in state.mentions if m.actor_id in state.actors
                   and state.actors[m.actor_id].actor_type == "person"), key=lambda m: m.start)


def join_nicknames(state: DocumentState) -> None:
    """'Joko Widodo (Jokowi)', 'Hery Susanto Gun alias Abun', 'WIU (Wilhelmus Iwan Ulumbu)'."""
    by_start = {}
    for mention in _person_mentions(state):
        by_start.setdefault(mention.start, mention)
    for mention in list(by_start.values()):
        match = _NICKNAME.match(state.text, mention.end)
        if not match:
            continue
        group = "bracketed" if match.group("bracketed") else "alias"
        start, end = match.span(group)
        if group == "bracketed" and " " in match.group(group):
            continue  # "Kit Harington (Jon Snow)": a role or a second person, not a nickname
        inner = [m for m in state.mentions if start - 1 <= m.start and m.end <= end + 1
                 and m.actor_id in state.actors and state.actors[m.actor_id].actor_type == "person"]
        if not inner or mention.actor_id not in state.actors:
            continue
        other = inner[0].actor_id
        if other == mention.actor_id:
            continue
        first, second = state.actors[mention.actor_id], state.actors[other]
        if not (first.name[:1].isalpha() and second.name[:1].isalpha()):
            continue
        # The name before the bracket is the canonical one, unless it is initials spelled out in
        # the bracket: "WIU (Wilhelmus Iwan Ulumbu)" keeps the full name.
        if first.name.isupper() and len(second.name.split()) > 1:
            join(state, mention.actor_id, other, "nickname")
        else:
            join(state, other, mention.actor_id, "nickname")


def _one_letter_apart(a: str, b: str) -> bool:
    """'Andriadi'/'Andiadi', 'Wilhelmus'/'Wilhemus': one letter dropped, added or changed."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def spelling_variants(first: str, second: str) -> bool:
    """Two full names of one story that differ by a typing slip in one word."""
    a, b = first.lower().split(), second.lower().split()
    if len(a) != len(b) or len(a) < 2:
        return False
    slips = [(x, y) for x, y in zip(a, b) if x != y]
    return len(slips) == 1 and _one_letter_apart(*slips[0])


def join_variants(state: DocumentState) -> None:
    """'Fayakhun Andriadi' ... 'Fayakhun Andiadi': the name written first keeps the id."""
    first_seen: dict[str, int] = {}
    for mention in state.mentions:
        first_seen[mention.actor_id] = min(first_seen.get(mention.actor_id, mention.start), mention.start)
    people = sorted((a for a in state.actors.values() if a.actor_type == "person" and a.origin == "text"),
                    key=lambda a: (first_seen.get(a.actor_id, 0), a.actor_id))
    for k, actor in enumerate(people):
        for later in people[k + 1:]:
            if actor.actor_id in state.actors and later.actor_id in state.actors \
                    and spelling_variants(actor.name, later.name):
                join(state, later.actor_id, actor.actor_id, "variant")


def join_initials(state: DocumentState) -> None:
    """Capitals that spell exactly one person's name are that person ('WIU', 'MSH'), even when
    the tagger took them for a body; a reference body's acronym never is."""
    people = {a.actor_id: a for a in state.actors.values() if a.actor_type == "person"}
    capitals = {a.actor_id: a for a in state.actors.values()
                if a.actor_type == "person" or a.actor_type == "organization" and a.origin == "text"
                and not state.cat.actor_names.get(words(a.name))}
    for actor_id, actor in list(capitals.items()):
        if actor_id not in state.actors or not _INITIALS.fullmatch(actor.name):
            continue
        spelled = [other for other in people.values() if other.actor_id != actor_id
                   and other.actor_id in state.actors and not _INITIALS.fullmatch(other.name)
                   and len(other.name.split()) >= 2 and initials(other.name) == actor.name]
        bodies = [other for other in state.actors.values() if other.actor_type != "person"
                  and other.actor_id != actor_id and initials(other.name) == actor.name]
        if len(spelled) == 1 and not bodies:
            join(state, actor_id, spelled[0].actor_id, "initials")


def join_acronyms(state: DocumentState) -> None:
    """An acronym and the one long form of the story that it spells are one body."""
    bodies = [a for a in state.actors.values() if a.actor_type in ("organization", "group")]
    for actor in bodies:
        if actor.actor_id not in state.actors or not _INITIALS.fullmatch(actor.name):
            continue
        spelled = [other for other in bodies if other.actor_id != actor.actor_id
                   and other.actor_id in state.actors and len(other.name.split()) >= 2
                   and initials(other.name) == actor.name]
        if len(spelled) != 1:
            continue
        long_form = spelled[0]
        if actor.origin == "seed" and long_form.origin != "seed":
            join(state, long_form.actor_id, actor.actor_id, "long_form")
        else:
            join(state, actor.actor_id, long_form.actor_id, "acronym")


def roll_up_units(state: DocumentState) -> None:
    """A unit found in the text whose name ends in another body's name or acronym sits under it:
    'Komisi V DPR' under DPR, 'Ditjen Imigrasi Kemenkumham' under the ministry."""
    names: dict[tuple[str, ...], str] = {}
    for actor in state.actors.values():
        if actor.actor_type in ("organization", "group"):
            for name in (actor.name, *actor.aliases):
                names.setdefault(words(name), actor.actor_id)
    for actor_id, actor in list(state.actors.items()):
        if actor.actor_type != "organization" or actor.origin != "text" or actor.parent_actor_id:
            continue
        key = words(actor.name)
        for k in range(1, len(key)):
            parent = names.get(key[k:]) or state.cat.actor_names.get(key[k:], (None,))[0]
            if parent and parent != actor_id and not parent.startswith("ctry:"):
                if parent not in state.actors and parent in state.cat.actors:
                    state.add_actor(state.cat.actors[parent])
                if parent in state.actors and not _below(state, parent, actor_id):
                    country = actor.country_code or state.actors[parent].country_code
                    state.actors[actor_id] = dataclasses.replace(
                        actor, parent_actor_id=parent, country_code=country,
                        no_country_reason=None if country else actor.no_country_reason)
                break


def _below(state: DocumentState, actor_id: str, ancestor: str) -> bool:
    seen = set()
    while actor_id and actor_id not in seen:
        if actor_id == ancestor:
            return True
        seen.add(actor_id)
        actor = state.actors.get(actor_id)
        actor_id = actor.parent_actor_id if actor else None
    return False


def affiliations_from_titles(state: DocumentState) -> None:
    """A person without a body whose name follows a title phrase naming one acts for that body."""
    starts = {t.start: k for k, t in enumerate(state.tokens)}
    bodies = sorted((m for m in state.mentions if m.actor_id in state.actors
                     and state.actors[m.actor_id].actor_type in ("organization", "group")
                     and m.resolution in ("name", "alias", "acronym")), key=lambda m: m.start)
    for k, mention in enumerate(state.mentions):
        actor = state.actors.get(mention.actor_id)
        if actor is None or actor.actor_type != "person" or actor.affiliation_id \
                or mention.resolution not in ("name", "alias") or mention.start not in starts:
            continue
        i = starts[mention.start]
        title_start = _title_start(state, i)
        if title_start is None:
            continue
        lo, hi = state.tokens[title_start].start, mention.start
        inside = [b for b in bodies if lo <= b.start and b.end <= hi]
        if not inside:
            continue
        body = state.actors[inside[0].actor_id]
        country = actor.country_code or body.country_code
        state.actors[actor.actor_id] = dataclasses.replace(
            actor, affiliation_id=body.actor_id, country_code=country,
            no_country_reason=None if country else actor.no_country_reason)
        if mention.title is None:
            state.mentions[k] = dataclasses.replace(mention, title=state.text[lo:hi].strip(" ,"))


def _title_start(state: DocumentState, i: int) -> int | None:
    """Start of the title phrase that runs without a break up to token i: capitalised words,
    acronyms in brackets and connectors only ('Gubernur Bank Indonesia (BI)'), a comma before an
    appositive name ('Dirjen AHU Kemkumham, Freddy Harris'), and a head news writes in lower
    case ('anggota Komisi V DPR Miryam S Haryani')."""
    found = None
    k = i - 1 if state.word(i - 1) != "," else i - 2
    while k >= 0 and i - k <= 12:
        word = state.word(k)
        if longest(titles_folded(), state.tokens, k, 5, fold=True, keep_dot=True):
            found = k
        if not (word[:1].isupper() or word in ("(", ")") or word in CONNECTORS):
            break
        k -= 1
    return found


def resolve_identity(state: DocumentState) -> None:
    from .references import merge_short_persons

    join_nicknames(state)
    join_variants(state)
    merge_short_persons(state)  # again: "Fayakhun" was two people's part until the variants met
    join_initials(state)
    join_acronyms(state)
    roll_up_units(state)
    affiliations_from_titles(state)
