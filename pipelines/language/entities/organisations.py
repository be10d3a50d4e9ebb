"""Organisations: seed names and aliases, names the text teaches, and head-noun patterns
("Polres Metro Bekasi", "Kantor Imigrasi Batam", "Kementerian Luar Negeri Kamboja")."""
from __future__ import annotations

from .catalog import OrgPattern, longest
from .records import Actor
from .slugs import slugify
from .state import DocumentState
from .text_places import text_location
from .vocab import CONNECTORS, ROMAN, non_names, org_long_forms, police_heads

MAX_TAIL = 6


def country_in(state: DocumentState, i: int, j: int) -> str | None:
    """ISO code of the first country named among tokens i..j."""
    k = i
    while k < j:
        hit = longest(state.cat.country_names, state.tokens, k, 4)
        if hit and hit[0] <= j:
            return hit[1]
        k += 1
    return None


def place_in(state: DocumentState, i: int, j: int) -> tuple[int, int, str] | None:
    """(start, end, location_id) of the first gazetteer place among tokens i..j."""
    k = i
    while k < j:
        hit = longest(state.cat.place_names, state.tokens, k, 6)
        if hit and hit[0] <= j:
            return k, hit[0], hit[1]
        k += 1
    return None


def text_org(state: DocumentState, name: str, *, parent: str | None, country: str | None,
             aliases: tuple[str, ...] = (), reason: str | None = None) -> Actor:
    """An organisation found in text, keyed by its name so other documents meet the same id."""
    parent_country = state.cat.actors[parent].country_code if parent in state.cat.actors else None
    country = country or parent_country
    return state.add_actor(Actor(
        actor_id="org:" + slugify(name), name=name, actor_type="organization",
        country_code=country, parent_actor_id=parent, aliases=aliases, origin="text",
        no_country_reason=None if country else (reason or "country not stated in the organisation name")))


def pattern_tail(state: DocumentState, j: int) -> int:
    """End of the capitalised words after an organisation head at token j."""
    k = j
    cat = state.cat
    place_end = -1
    while k < len(state.tokens) and k - j < MAX_TAIL:
        word = state.word(k)
        if (word,) in cat.ranks or word in non_names() and word not in ("WNI",):
            break
        if k == place_end and word[:1].isupper() and word not in ROMAN \
                and not longest(cat.org_patterns, state.tokens, k, 6) and not state.known_name(k):
            break  # "Pengadilan Negeri Jakarta Selatan | Asiadi Sembiring", "Komisi V DPR | Miryam":
            # a person's name follows the place or body that closes the unit's name
        place = longest(cat.place_names, state.tokens, k, 6) or state.known_name(k)
        if place:
            place_end = max(place_end, place[0])
        if word[:1].isupper() or word in ROMAN or word.isdigit():
            k += 1
        elif word in CONNECTORS and k > j and state.word(k + 1)[:1].isupper() \
                and not state.known_name(k + 1) \
                and not longest(cat.country_names, state.tokens, k + 1, 4) \
                and not longest(cat.place_names, state.tokens, k + 1, 6) \
                and not longest(cat.org_patterns, state.tokens, k + 1, 6):
            k += 1  # "Hukum dan HAM", but not "KBRI Phnom Penh dan Interpol" nor "... dan Polres X"
        else:
            break
    return k


def match_pattern(state: DocumentState, i: int) -> tuple[int, OrgPattern, int] | None:
    """(end of head, pattern, end of name) for an organisation head at token i with a name after it."""
    hit = longest(state.cat.org_patterns, state.tokens, i, 6)
    if not hit:
        return None
    head_end, pattern = hit
    start = tail_start(state, i, head_end)
    end = pattern_tail(state, start)
    if end == start:
        return None
    return head_end, pattern, end


def tail_start(state: DocumentState, i: int, head_end: int) -> int:
    """Where the name after a head begins. After a long head ("Kedutaan Besar Republik
    Indonesia") an acronym in brackets and "di" come before the place:
    "Kedutaan Besar Republik Indonesia (KBRI) di Seoul"."""
    if state.surface(i, head_end) not in org_long_forms():
        return head_end
    k = head_end
    if state.word(k) == "(" and state.word(k + 2) == ")" and state.word(k + 1).isupper():
        k += 3
    if state.word(k) == "di" and state.word(k + 1)[:1].isupper():
        k += 1
    return k


def add_pattern_org(state: DocumentState, i: int, head_end: int, pattern: OrgPattern,
                    end: int, head: str | None = None) -> str:
    """The organisation a head noun and its tail name (tokens i..head_end..end). `head` replaces
    the written head when it is implied by a title ("Kapolda Sumut" -> "Polda Sumut")."""
    written = state.surface(i, head_end)
    head_end = tail_start(state, i, head_end)
    head = head or org_long_forms().get(written, written)
    name = f"{head} {state.surface(head_end, end)}"
    aliases: tuple[str, ...] = ()
    if pattern.place_after_head:
        # "Polda Sumut" and "Polda Sumatera Utara" are one body: name it by the gazetteer's name.
        place = longest(state.cat.place_names, state.tokens, head_end, 6)
        if place and place[0] == end:
            canonical = f"{head} {state.cat.locations[place[1]].name}"
            if canonical != name:
                name, aliases = canonical, (name,)
    country = country_in(state, head_end, end) or pattern.country_code
    if pattern.country_code is None and country is None:
        place = place_in(state, head_end, end)
        if place:
            country = state.cat.locations[place[2]].country_code
    actor = text_org(state, name, parent=pattern.parent_actor_id, country=country, aliases=aliases)
    state.sectors.setdefault(actor.actor_id, pattern.sector)
    if pattern.place_after_head:
        _implied_place(state, actor.actor_id, head_end, end, country)
    return actor.actor_id


def _implied_place(state: DocumentState, actor_id: str, i: int, j: int,
                   country: str | None) -> None:
    place = place_in(state, i, j)
    if place:
        start, end, location_id = place
        state.add_place(state.cat.locations[location_id], start, end, within_actor_id=actor_id)
        return
    k = i
    while k < j and (state.word(k) in ("Metro", "Kelas") or state.word(k) in ROMAN
                     or state.word(k) in ("TPI", "Khusus")):
        k += 1  # "Polres Metro X", "Kantor Imigrasi Kelas I X": the place is X
    if k < j:
        location = text_location(state, state.surface(k, j), "place", country)
        state.add_place(location, k, j, within_actor_id=actor_id)


def find_organisations(state: DocumentState) -> None:
    """Mentions of seed/learned names and pattern organisations over unclaimed tokens."""
    cat = state.cat
    i = 0
    n = len(state.tokens)
    while i < n:
        word = state.words[i]
        if word not in cat.actor_names.firsts and word not in cat.org_patterns.firsts \
                and word not in state.learned.firsts and word not in police_heads().firsts \
                or state.claimed[i]:
            i += 1
            continue
        known = state.known_name(i)
        police = None if known else country_police(state, i)
        if police and state.free(i, police[0]):
            end, actor_id = police
            state.mention_tokens(actor_id, i, end, "alias")
            state.claim(i, end)
            i = end
            continue
        pattern = match_pattern(state, i)
        if known and (not pattern or known[0] >= pattern[2]) and state.free(i, known[0]):
            end, (actor_id, resolution) = known
            actor_id = _seed_or_learned(state, actor_id)
            state.mention_tokens(actor_id, i, end, resolution)
            if pattern and pattern[1].place_after_head and pattern[2] == end:
                _implied_place(state, actor_id, tail_start(state, i, pattern[0]), end,
                               state.actors[actor_id].country_code)
            state.claim(i, end)
            i = end
            continue
        if pattern and state.free(i, pattern[2]):
            head_end, row, end = pattern
            actor_id = add_pattern_org(state, i, head_end, row, end)
            state.mention_tokens(actor_id, i, end, "name")
            state.claim(i, end)
            i = end
            continue
        i += 1


_POLICE_NAMES = ("Police", "Polis", "Polisi", "Kepolisian", "Polícia", "Policia")


def country_police(state: DocumentState, i: int) -> tuple[int, str] | None:
    """(end, actor_id) for "<Kepolisian|Polisi> <country>" at token i: the country's national
    police from actors.csv, else a body "Kepolisian <country>" carrying the country's code."""
    head = longest(police_heads(), state.tokens, i, 3)
    if not head:
        return None
    cat = state.cat
    hit = longest(cat.country_names, state.tokens, head[0], 4)
    if not hit:
        return None
    end, code = hit
    if end < len(state.tokens) and state.word(end)[:1].isupper() and state.word(end)[:1].isalpha():
        return None  # "Kepolisian Malaysia Timur ...": a longer name, left to the patterns
    national = [a for a in cat.actors.values()
                if a.country_code == code and a.parent_actor_id is None
                and cat.sectors.get(a.actor_id) == "police"
                and any(w in (a.name, *a.aliases)[k] for k in range(len(a.aliases) + 1)
                        for w in _POLICE_NAMES)]
    if len(national) == 1:
        return end, _seed_or_learned(state, national[0].actor_id)
    actor = text_org(state, f"Kepolisian {cat.countries[code].name_id}", parent=None, country=code)
    state.sectors.setdefault(actor.actor_id, "police")
    return end, actor.actor_id


def _seed_or_learned(state: DocumentState, actor_id: str) -> str:
    if actor_id not in state.actors and actor_id in state.cat.actors:
        state.add_actor(state.cat.actors[actor_id])
    return actor_id
