"""Persons with rank, title and honorific kept apart from the name.

"Kadiv Hubinter Irjen Krishna Murti"          -> title, rank, name
"MajGen Pheanuk Kolkomar, selaku Deputy ..."  -> rank, name, title after "selaku"
"Direktur Pelindungan WNI, Judha Nugraha, ..." -> appositive title
"Datuk Seri Anwar Ibrahim"                    -> honorific, name
"RH (41)", "AS (34) dan MF (29)"              -> suspects known by initials
"""
from __future__ import annotations

import functools
import hashlib

from .catalog import Key, WordTupleIndex, Rank, Title, catalog, longest, words
from .features import common_words, person_names
from .organisations import add_pattern_org, country_in, match_pattern
from .records import Actor
from .short_names import resolve_short_names
from .crf import model_available
from .slugs import slugify
from .tagging import person_end
from .state import DocumentState
from .vocab import (CONNECTORS, OFFICE_PREFIXES, ROMAN, honorifics, name_particles, non_names,
                    office_words, speaker_words, speech_verbs)

MAX_NAME = 5
_POLICE_MARKERS = frozenset({"Pol", "Polisi"})
_SERVICE_MARKERS = frozenset({"Pol", "Polisi", "TNI", "Purn", "Purnawirawan"})
SPEECH_VERBS = speech_verbs()  # seeds/entity_speech_verbs.csv
NO_NATIONALITY = "nationality not stated"
# Heads a single-letter Roman numeral may follow ("Kelas I"); elsewhere "I" starts a Balinese name.
_NUMBERED = frozenset({"Kelas", "Komisi", "Kodam", "Tingkat", "Wilayah", "Golongan"})


@functools.cache
def titles_folded() -> dict[Key, Title]:
    return WordTupleIndex({tuple(w.lower() for w in key): title for key, title in catalog().titles.items()})


@functools.cache
def title_words() -> frozenset[str]:
    return frozenset(catalog().institution_words | office_words())


def title_at(state: DocumentState, i: int) -> tuple[int, Title] | None:
    """A title head at token i; titles start with a capital ("Ketua majelis hakim" matches)."""
    if not state.tokens[i].is_capitalised:
        return None
    return longest(titles_folded(), state.tokens, i, 5, fold=True, keep_dot=True)


def name_end(state: DocumentState, i: int) -> int:
    """End of a person's name starting at token i (i itself when there is none)."""
    cat = state.cat
    k, n = i, len(state.tokens)
    if state.word(i) in office_words():
        return i  # "Jenderal Kekayaan Negara ...": an office, not a name
    while k < n and k - i < MAX_NAME:
        word = state.word(k)
        if word[:1].isupper() and word[:1].isalpha():
            if word in non_names() or (word,) in cat.ranks or (word,) in cat.actor_names \
                    or (word,) in cat.country_names or word.startswith(OFFICE_PREFIXES):
                break
            if len(word) == 1 and state.word(k + 1) == ".":  # an initial: "M. Iqbal"
                k += 2
                continue
            k += 1
        elif word in name_particles() and k > i and state.word(k + 1)[:1].isupper():
            k += 1
        else:
            break
    while k > i and state.word(k - 1) in name_particles() | {"."}:
        k -= 1
    return k


def honorific_end(state: DocumentState, i: int) -> int:
    """Skip honorifics ("Datuk Seri", "Dr.", "H.") before a name."""
    k = i
    while True:
        hit = longest(honorifics(), state.tokens, k, 3, keep_dot=True)
        if not hit or hit[0] >= len(state.tokens) or not state.tokens[hit[0]].is_capitalised:
            return k
        k = hit[0]


def title_run_end(state: DocumentState, j: int, limit: int = 10) -> int:
    """Extend a title from token j over office words, acronyms, places and body names."""
    words = title_words()
    k, n = j, len(state.tokens)
    while k < n and k - j < limit:
        word = state.word(k)
        roman = word in ROMAN and (len(word) > 1 or state.word(k - 1) in _NUMBERED)
        if word in words or (word.isupper() and len(word) >= 2 and word.isalpha()) or roman:
            k += 1
        elif word in CONNECTORS and state.word(k + 1)[:1].isupper() and state.word(k + 1) in words:
            k += 1
        elif word == "-" and state.word(k + 1)[:1].isupper():
            k += 1
        elif word == "(" and k > j and state.word(k + 2) == ")" and _acronym(state.word(k + 1)):
            k += 3  # "Kementerian Luar Negeri (Kemlu)": the body's short form stays in the title
        else:
            break
    return k


def _acronym(word: str) -> bool:
    """'Kemlu', 'BNN', 'PDRM': one capitalised word without spaces, as a body's short form."""
    return 2 <= len(word) <= 12 and word[:1].isupper() and word.isalpha()


def title_before(state: DocumentState, i: int) -> tuple[int, int] | None:
    """The title phrase ending just before token i (a comma may stand between them)."""
    end = i
    if state.word(end - 1) == ",":
        end -= 1
    start = end
    while start > 0 and end - start < 10 and not state.claimed[start - 1]:
        word = state.word(start - 1)
        if word[:1].isupper() or word in ROMAN or (word in CONNECTORS and start < end):
            start -= 1
        else:
            break
    for p in range(start, end):
        hit = title_at(state, p)
        if hit and hit[0] <= end:
            return p, end
    return None


def title_after(state: DocumentState, j: int) -> tuple[int, int] | None:
    """'..., selaku Deputy Chief of Staff CNP' or an appositive '..., Sekretaris NCB ...,'."""
    k = j
    if state.word(k) == ",":
        k += 1
    if state.word(k) == "selaku":
        k += 1
    elif k == j:
        return None
    hit = title_at(state, k) if k < len(state.tokens) else None
    if not hit:
        return None
    end = max(hit[0], title_run_end(state, hit[0]))
    if k == j + 1 and state.word(end) not in (",", ".", ")", "") and state.word(end) not in SPEECH_VERBS:
        return None  # a comma-led appositive must close
    return k, end


def add_person(state: DocumentState, i: int, j: int, *, rank: Rank | None = None,
               police: bool = False, title: tuple[int, int] | None = None,
               honorific: str | None = None, resolution: str = "name") -> str:
    """Register the person named by tokens i..j and mention them."""
    name = state.surface(i, j)
    title_text = state.surface(*title) if title else None
    affiliation = _affiliation(state, title) if title else None
    sector = state.sector_of(affiliation) if affiliation else ""
    rank_text = None
    if rank:
        rank_text = rank.police_form if rank.police_form and (police or sector == "police") \
            else rank.full_form
    country = state.actors[affiliation].country_code if affiliation in state.actors else None
    if country is None and rank:
        country = rank.country_code  # Polri and TNI ranks are Indonesian, "Pol Maj Gen" Thai
    if country is None and title:
        country = country_in(state, *title)  # "Perdana Menteri Malaysia"
    actor_id = "per:" + slugify(name)
    aliases = (f"{honorific} {name}",) if honorific else ()
    state.add_actor(Actor(actor_id, name, "person", country, None, aliases, "text",
                          None if country else NO_NATIONALITY, affiliation))
    shown_title = title_text or honorific
    state.mention_tokens(actor_id, i, j, resolution, rank_text, shown_title)
    known = state.persons.get(actor_id)
    titles = (known[2] if known else None) or title_text
    head = title_at(state, title[0]) if title else None
    if head:
        state.title_heads.setdefault(actor_id, set()).add(head[1].text.lower())
    state.persons[actor_id] = (known[0] if known else i, tuple(name.split()), titles)
    return actor_id


def _affiliation(state: DocumentState, title: tuple[int, int]) -> str | None:
    """The body a title names: the leftmost organisation inside it, else the title's own body."""
    start, end = title
    for k in range(start, end):
        known = state.known_name(k)
        if known and known[0] <= end:
            actor_id = known[1][0]
            if actor_id in state.cat.actors:
                state.add_actor(state.cat.actors[actor_id])
            if actor_id in state.actors and not actor_id.startswith("ctry:"):
                state.mention_tokens(actor_id, k, known[0], known[1][1])
                return _more_specific(state, actor_id, title_at(state, start))
        pattern = match_pattern(state, k)
        if pattern and pattern[2] <= end:
            actor_id = add_pattern_org(state, k, pattern[0], pattern[1], pattern[2])
            state.mention_tokens(actor_id, k, pattern[2], "name")
            return actor_id
    head = title_at(state, start)
    foreign = _foreign_country(state, title, head)
    if foreign:
        return foreign
    if head and head[1].org_head and head[0] < end:
        pattern = state.cat.org_patterns.get(words(head[1].org_head))
        if pattern:
            actor_id = add_pattern_org(state, start, head[0], pattern, end, head=head[1].org_head)
            return actor_id
    if head and head[1].actor_id:
        state.add_actor(state.cat.actors[head[1].actor_id])
        return head[1].actor_id
    return None


def _foreign_country(state: DocumentState, title: tuple[int, int], head) -> str | None:
    """'Menteri Luar Negeri Jepang Taro Kono', 'Menlu Jepang': an official of the country the title
    names acts for that country, not for the Indonesian body the bare title would mean
    (seeds/titles.csv ties "Menlu" to Indonesia's Kemlu)."""
    code = country_in(state, *title)
    if code is None:
        return None
    own = head[1].actor_id if head else None
    own_country = state.cat.actors[own].country_code if own in state.cat.actors else None
    if own and own_country == code:
        return None
    actor_id = f"ctry:{code}"
    if actor_id in state.cat.actors:
        state.add_actor(state.cat.actors[actor_id])
        return actor_id
    return None


def _more_specific(state: DocumentState, actor_id: str, head) -> str:
    """'Dirtipidsiber Bareskrim Polri': the title's own body (Dittipidsiber) sits under the body
    named in it (Bareskrim), so the person acts for the more specific one."""
    own = head[1].actor_id if head else None
    parent = state.cat.actors[own].parent_actor_id if own in state.cat.actors else None
    seen = set()
    while parent and parent not in seen:
        if parent == actor_id:
            state.add_actor(state.cat.actors[own])
            return own
        seen.add(parent)
        parent = state.cat.actors[parent].parent_actor_id if parent in state.cat.actors else None
    return actor_id


def find_ranked_persons(state: DocumentState) -> None:
    """Rank + name, with the title before the rank or after the name."""
    cat = state.cat
    firsts = cat.ranks.firsts
    i, n = 0, len(state.tokens)
    while i < n:
        if state.words[i] not in firsts or state.claimed[i]:
            i += 1
            continue
        hit = longest(cat.ranks, state.tokens, i, 4, keep_dot=True)
        if not hit:
            i += 1
            continue
        k, rank = hit
        if i > 0 and (state.word(i - 1), state.word(i)) in cat.titles:
            i += 1  # "Direktur Jenderal", "Sekretaris Jenderal": part of a title
            continue
        police = False
        while state.word(k) in _SERVICE_MARKERS or state.word(k) in (".", "(", ")") and \
                (state.word(k - 1) in _SERVICE_MARKERS or state.word(k + 1) in _SERVICE_MARKERS):
            police = police or state.word(k) in _POLICE_MARKERS
            k += 1
        start = honorific_end(state, k)
        honorific = state.surface(k, start) if start > k else None
        end = name_end(state, start)
        if end == start or not state.free(i, end):
            i += 1
            continue
        title = title_before(state, i)
        after = None if title else title_after(state, end)
        add_person(state, start, end, rank=rank, police=police, title=title or after,
                   honorific=honorific)
        state.claim(i, end)
        for span in (title, after):
            if span:
                state.claim(*span)
        i = end


def find_titled_persons(state: DocumentState) -> None:
    """Title + name without a rank ("Menlu Sugiono"), and appositives ("Direktur ..., Judha Nugraha,")."""
    firsts = titles_folded().firsts
    i, n = 0, len(state.tokens)
    while i < n:
        if not state.tokens[i].is_capitalised or state.claimed[i] \
                or state.words[i].lower() not in firsts:
            i += 1
            continue
        hit = title_at(state, i)
        if not hit:
            i += 1
            continue
        title_end = max(hit[0], title_run_end(state, hit[0]))
        k = title_end
        appositive = state.word(k) == ","
        if appositive:
            k += 1
        start = honorific_end(state, k)
        end = name_end(state, start)
        modelled = _model_name(state, hit[0], max(end, start + 1))
        if modelled:
            # The tagger knows names the title vocabulary does not ("Ketua Umum Partai
            # Golkar Aburizal Bakrie"): the title runs up to where its name begins.
            start, end = modelled
            title_end = start - 1 if state.word(start - 1) == "," else start
            title_end = max(title_end, hit[0])
            k = start
            for h in range(hit[0], start):  # "Perdana Menteri Malaysia Datuk Seri | Anwar Ibrahim"
                if honorific_end(state, h) == start and h > hit[0]:
                    title_end, k = h, h
                    break
            bare = honorific_end(state, start)
            if bare < end:
                start = bare
        elif model_available() and not _plain_name(state, start, end):
            start = end  # the tagger sees no name and the words are ordinary ones: a bare title
        closes = state.word(end) in (",", ".", ")", "") or state.word(end) in SPEECH_VERBS \
            or not state.tokens[end].is_capitalised if end < n else True
        if end == start or not state.free(i, end) or (appositive and not closes and not modelled):
            i += 1
            continue
        honorific = state.surface(k, start) if start > k else None
        add_person(state, start, end, title=(i, title_end), honorific=honorific)
        state.claim(i, end)
        i = end


def _plain_name(state: DocumentState, i: int, j: int) -> bool:
    """Up to three capitalised words news text never writes in lower case, closed by
    punctuation, a quoting verb or a lower-case word: a name even when the tagger misses it."""
    common = common_words()
    if not 0 < j - i <= 3 or any(state.word(k).lower() in common or state.word(k).isupper()
                                 or state.word(k) in state.cat.institution_words for k in range(i, j)):
        return False
    if j - i == 1 and state.word(i) not in person_names():
        return False  # one unknown word after a title is as likely an office ("Menteri Perumahan")
    following = state.word(j)
    return following in (",", ".", ")", "") or following in SPEECH_VERBS or following.islower()


def _model_name(state: DocumentState, after: int, limit: int) -> tuple[int, int] | None:
    """The tagger's person span starting in tokens after..limit (same sentence), if any."""
    for a in range(after, min(limit + 1, len(state.tokens))):
        b = person_end(state, a)
        if b and state.same_sentence(after, a) and state.free(a, b):
            return a, b
    return None


def find_initials(state: DocumentState) -> None:
    """Suspects named by initials and age: "RH (41)", "AS (34) dan MF (29)", "berinisial RH"."""
    digest = hashlib.sha1(state.text.encode()).hexdigest()[:8]
    for i, word in enumerate(state.words):
        if not (1 < len(word) <= 4 and word.isupper() and word.isalpha()) or state.claimed[i]:
            continue
        aged = state.word(i + 1) == "(" and state.word(i + 2).isdigit() and len(state.word(i + 2)) <= 2
        named = state.word(i - 1) in ("berinisial", "inisial") or (
            state.word(i - 1) in (",", "dan") and _initials_before(state, i))
        if not (aged or named):
            continue
        age = state.word(i + 2) if aged else ""
        # Initials identify nobody across stories, so the id carries the document's fingerprint.
        actor_id = f"per:{word.lower()}{'-' + age if age else ''}-{digest}"
        state.add_actor(Actor(actor_id, word, "person", None, None, (), "text",
                              "known only by initials; nationality not stated"))
        state.mention_tokens(actor_id, i, i + 1, "name")
        state.claim(i, i + 1)
        state.persons[actor_id] = (i, (word,), None)


def _initials_before(state: DocumentState, i: int) -> bool:
    return any(m.actor_id.startswith("per:") and m.surface.isupper() and len(m.surface) <= 4
               and m.end <= state.tokens[i].start and state.tokens[i].start - m.end < 12
               for m in state.mentions[-3:])


# Words that may stand between a speaker's name and the quoting verb: "Kalla juga mengatakan".
# Both from seeds/entity_speaker_words.csv.
_BETWEEN = speaker_words("between")
_BEFORE_NAME = speaker_words("before_name")


def find_speaker_names(state: DocumentState) -> None:
    """Bare names in quoting frames: "kata Anis", "menurut Benny", "Jokowi mengatakan".

    Only words news text does not write in lower case count, so "Polisi mengatakan" stays out."""
    common = common_words()
    words = state.words
    n = len(words)
    candidates = set()
    for k, word in enumerate(words):
        if word in _BEFORE_NAME and k + 1 < n:
            candidates.add(k + 1)
        elif word in SPEECH_VERBS and word not in ("kata", "ujar"):
            j = k
            while j > 0 and words[j - 1] in _BETWEEN:
                j -= 1
            start = j
            while start > 0 and j - start < 3 and state.tokens[start - 1].is_capitalised:
                start -= 1
            if start < j:
                candidates.add(start)
    for i in sorted(candidates):
        if state.claimed[i] or not state.tokens[i].is_capitalised:
            continue
        end = name_end(state, i)
        if end == i or end - i > 3 or not state.free(i, end):
            continue
        if any(words[k].lower() in common or words[k].isupper() for k in range(i, end)):
            continue
        after = end
        while state.word(after) in _BETWEEN:
            after += 1
        if state.word(i - 1) in _BEFORE_NAME or (state.word(after) in SPEECH_VERBS
                                               and state.word(after) not in ("kata", "ujar")):
            add_person(state, i, end)
            state.claim(i, end)


def find_aged_names(state: DocumentState) -> None:
    """A bare name followed by an age in brackets is a person: "Wulan (31)", "Budi Santoso (45)".
    Words news writes in lower case elsewhere ("Korban (31)") and all-caps initials stay out."""
    common = common_words()
    words = state.words
    for k in range(1, len(words) - 2):
        if words[k] != "(" or not words[k + 1].isdigit() or words[k + 2] != ")" \
                or len(words[k + 1]) > 3:
            continue
        start = k
        while start > 0 and k - start < 3 and state.tokens[start - 1].is_capitalised \
                and not state.claimed[start - 1]:
            start -= 1
        if start == k or not state.free(start, k):
            continue
        if any(words[m].lower() in common or words[m].isupper() or words[m] in non_names()
               for m in range(start, k)):
            continue
        add_person(state, start, k)
        state.claim(start, k)


_COORDINATION = frozenset({"dan", "-", "&", ",", "serta", "atau", "and"})


def find_coordinated_names(state: DocumentState) -> None:
    """A bare name joined to a person's name is a person too: "Bibit dan Chandra", "Bibit - Chandra"."""
    common = common_words()
    persons = sorted((m for m in state.mentions if m.actor_id.startswith("per:")
                      and m.resolution in ("name", "short_name")), key=lambda m: m.start)
    if not persons:
        return

    def plain_name(i: int, j: int) -> bool:
        return j > i and state.free(i, j) and all(
            state.word(k).lower() not in common and not state.word(k).isupper()
            for k in range(i, j))

    for mention in persons:
        span = state.token_spans.get((mention.start, mention.end))
        if span is None:
            continue
        before, after = span[0], span[1] - 1
        if state.word(after + 1) in _COORDINATION:
            start = after + 2
            end = name_end(state, start)
            if plain_name(start, end) and state.word(after + 1) != "," or \
                    plain_name(start, end) and state.word(end) == "dan":
                _coordinated(state, start, end)
        if before >= 2 and state.word(before - 1) in ("dan", "-", "&", "serta"):
            end = before - 1
            start = end
            while start > 0 and state.tokens[start - 1].is_capitalised and end - start < 3 \
                    and not state.claimed[start - 1]:
                start -= 1
            if plain_name(start, end) and name_end(state, start) == end:
                _coordinated(state, start, end)


def _coordinated(state: DocumentState, i: int, j: int) -> None:
    earlier = resolve_short_names(state, i, j)
    if earlier:
        state.mention_tokens(earlier, i, j, "short_name")
    else:
        add_person(state, i, j)
    state.claim(i, j)
