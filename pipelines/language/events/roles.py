"""Which side of a cooperation-type event each named actor is on, from the sentence's structure.

Only agent, partner and host cooperate; everyone else a sentence names is a framework
(the forum or arrangement the event happens under), a suspect or victim, or merely
mentioned. Indonesian news names many actors around a meeting:

    "Menurut pengamat X, Kapolri bertemu dengan Kepala CNP di bawah kerangka ASEANAPOL."
    X mentioned · Kapolri agent (subject of "bertemu") · CNP partner ("dengan") ·
    ASEANAPOL framework

Coordinated actors share a role ("Polri dan PNP menandatangani ..."), an organisation in a
person's title is that person's affiliation, not a party ("Sekjen Golkar Idrus Marham",
"Agus Rahardjo, Ketua KPK,"), and a name followed by its short form in brackets is one
person ("Joko Widodo (Jokowi)").
"""
from __future__ import annotations

import functools
import re
from typing import Any, Sequence

from pipelines.language.events.cues import event_class
from pipelines.language.seeds import read_seed

COOPERATION_TYPES = event_class("cooperation")   # seeds/event_classes.csv
COOPERATING = frozenset({"agent", "partner", "host"})
_ASIDE = frozenset({"mentioned", "framework", "suspect", "victim"})
# Roles a legacy cue ("dipimpin oleh", "menandatangani") names, in cooperation terms.
_FROM_CUE = {"lead": "agent", "participant": "agent", "visitor": "agent", "signatory": "agent",
             "host": "host", "suspect": "suspect", "victim": "victim"}

# Where a clause ends: the role of an actor on one side does not reach the other. A dash
# between spaces ends a dateline ("Jakarta (ANTARA News) - Kunjungan ...").
_CLAUSE_STOP = re.compile(
    r"[;.!?:()\"“”]|\s[-–—]+\s|\.com\s*-|\b(?:yang|sedangkan|sementara|namun|tetapi|kemudian|lalu|setelah|sebelum|usai|seusai"
    r"|saat|ketika|karena|sehingga|agar|supaya)\b", re.IGNORECASE)
# "Polri, PNP dan RTP", "Polri serta PNP": the gap between two actors listed together.
# "atau"/"alias" give a second name of the same party ("Kepolisian Nasional Kamboja atau
# Cambodia National Police (CNP)"), which stands in the list where the first does.
_COORDINATION = re.compile(r"^\)?\s*(?:,\s*)?(?:(?:dan|serta|maupun|atau|alias|&|,)\s+|\()?$", re.IGNORECASE)
_LIST_LINK = re.compile(r"^\s*(?:,\s*(?:dan\s+|serta\s+)?|dan\s+|serta\s+)", re.IGNORECASE)
_ACCOMPANIED = re.compile(r"\s*,?\s*(?:bersama|beserta|didampingi)\b", re.IGNORECASE)
# "menemui pimpinan MPR dalam lawatan resminya": an event noun right after a preposition
# sits in a phrase of another predicate; the actor before it is that predicate's object.
# an event word that is a verb ("bertemu", "menemui", "dikunjungi") rather than a noun ("pertemuan")
_VERB_FORM = re.compile(r"(?:me|ber|di)[a-z]", re.IGNORECASE)
_IN_PHRASE = re.compile(r"\b(?:dalam|di|pada|untuk|ke|atas|dari|selama|jelang|menjelang|sela|sela-sela|tentang"
                        r"|mengenai|soal|terkait|bagi)\s+$", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:-\w+)*")
_CUE_REACH = 60      # characters from a cue to the first actor it governs
_LIST_REACH = 60     # characters of title words between two listed actors
_SUBJECT_REACH = 80  # characters between a subject and its event word
_OBJECT_WORDS = 2    # words between an event word and the actor it names ("bertemu Menlu Rusia X")


@functools.cache
def _cues() -> tuple[re.Pattern[str], dict[str, tuple[str, str, frozenset[str]]]]:
    rows = read_seed("event_party_cues")
    roles = {" ".join(r["cue"].lower().split()): (r["role"], r["side"] or "after",
                                                   frozenset(filter(None, r.get("event_types", "").split("|"))))
             for r in rows}
    words = sorted(roles, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
                         + r")(?![\w-])", re.IGNORECASE)
    return pattern, roles


# Indonesian verbs carry a prefix: me-, di-, ber-, ter-, per- ("mengamankan", "dijaga").
_VERB = re.compile(r"\b(?:me|di|ber|ter|per)[a-z]{3,}\b", re.IGNORECASE)


@functools.cache
def _support_verbs() -> frozenset[str]:
    return frozenset(r["verb"].lower() for r in read_seed("event_support_verbs"))


def _own_predicate(text: str, lo: int, hi: int) -> bool:
    """A verb other than a support verb lies in text[lo:hi]: the actor before it is the
    subject of that verb, not of the event word after it."""
    support = _support_verbs()
    return any(v.group().lower() not in support for v in _VERB.finditer(text, lo, hi))


def _gap_ok(text: str, lo: int, hi: int, reach: int) -> bool:
    return 0 <= hi - lo <= reach and _CLAUSE_STOP.search(text, lo, hi) is None


def _listed(text: str, earlier: Any, later: Any) -> bool:
    """`later` is listed with `earlier` ("dengan Polri, Kepolisian Nasional Kamboja dan RTP")."""
    gap = text[earlier.end:later.start]
    if _COORDINATION.match(gap):
        return True
    link = _LIST_LINK.match(gap)
    return link is not None and _gap_ok(text, earlier.end, later.start, _LIST_REACH) \
        and _cues()[0].search(gap) is None


def affiliations(text: str, mentions: Sequence[Any], actor_types: dict[str, str]) -> set[int]:
    """Start offsets of organisation mentions that only name a listed person's body:
    "Sekjen Golkar Idrus Marham", "Ketua KPK Agus Rahardjo", "Agus Rahardjo, Ketua KPK,"."""
    folded: set[int] = set()
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, body in enumerate(ordered):
        if actor_types.get(body.actor_id) == "person":
            continue
        after = next((m for m in ordered[i + 1:] if m.start >= body.end), None)
        if after is not None and actor_types.get(after.actor_id) == "person" and after.start - body.end <= 40:
            title = (getattr(after, "title", None) or "").lower()
            surface = body.surface.strip("() ").lower()
            if (surface and surface in title) or not text[body.end:after.start].strip():
                folded.add(body.start)
                continue
        before = next((m for m in reversed(ordered[:i]) if m.end <= body.start), None)
        if before is not None and actor_types.get(before.actor_id) == "person":
            gap = text[before.end:body.start]
            # "Agus Rahardjo, Ketua KPK": a comma, one to four title words, then the body
            if re.fullmatch(r"\s*,\s*(?:[A-Za-z.]+\s+){1,4}", gap) and _cues()[0].search(gap) is None \
                    and not re.search(r"\b(?:dan|serta|dengan|bersama)\b", gap, re.IGNORECASE):
                folded.add(body.start)
    return folded


def aliases(text: str, mentions: Sequence[Any], actor_types: dict[str, str]) -> dict[str, str]:
    """actor id -> the id of the full name it abbreviates in this document: "Joko Widodo
    (Jokowi)" makes per:jokowi one actor with per:joko-widodo wherever the story names him."""
    found: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for full, short in zip(ordered, ordered[1:]):
        if full.actor_id == short.actor_id or actor_types.get(full.actor_id) != "person" \
                or actor_types.get(short.actor_id) != "person":
            continue
        if re.fullmatch(r"\s*\(?", text[full.end:short.start]) and "(" in text[full.end:short.end]:
            found.setdefault(short.actor_id, full.actor_id)
    # a chain (A (B), B (C)) ends at its first name
    for short, full in list(found.items()):
        seen = {short}
        while full in found and full not in seen:
            seen.add(full)
            full = found[full]
        found[short] = full
    return found


def structural_roles(text: str, start: int, end: int, trigger: tuple[int, int] | None,
                     mentions: Sequence[Any], actor_types: dict[str, str],
                     legacy: dict[int, str], event_type: str = "") -> dict[int, str]:
    """Role of each mention (by start offset) in the cooperation-type event whose word is
    text[trigger] in the sentence text[start:end]; `legacy` are roles the older cue list
    named ("dipimpin oleh" → lead). Without a trigger (a sentence that only adds who
    attended) only cued actors take part."""
    roles: dict[int, str] = {}
    everyone = sorted(mentions, key=lambda m: m.start)
    folded = affiliations(text, everyone, actor_types)
    # a body named in a person's title is no party of its own, and the words it covers
    # do not part the person from a cue ("dengan Kepala Kepolisian Nasional Kamboja Jenderal X")
    ordered = [m for m in everyone if m.start not in folded]
    for start_offset in folded:
        roles[start_offset] = "mentioned"

    # cue words: the first actor within reach takes the cue's role, and so do those listed with it
    listed: dict[int, str] = {}
    pattern, cue_roles = _cues()
    cues = [(c.start(), c.end(), cue_roles[" ".join(c.group().lower().split())])
            for c in pattern.finditer(text, start, end)]
    cues = [c for c in cues if not c[2][2] or event_type in c[2][2]]
    for cue_start, cue_end, (role, side, _) in cues:
        if role == "partner" and trigger is not None and cue_end <= trigger[0]:
            role = "agent"  # "Polri bersama KBRI mengunjungi ...": one more subject
        if side == "before":
            before = [m for m in ordered if m.end <= cue_start]
            if before and _gap_ok(text, before[-1].end, cue_start, _SUBJECT_REACH):
                for m in _subject_group(text, before):
                    roles.setdefault(m.start, role)
            continue
        first = next((m for m in ordered if m.start >= cue_end), None)
        if first is None or not _gap_ok(text, cue_end, first.start, _CUE_REACH) \
                or any(cue_end <= c0 < first.start for c0, _, _ in cues):
            continue
        if trigger is not None and cue_end <= trigger[0] < first.start:
            continue  # "dengan menandatangani ...": the cue governs the event word, not an actor
        previous = first
        roles.setdefault(first.start, role)
        for m in ordered:
            if m.start <= previous.start:
                continue
            if not _listed(text, previous, m):
                break
            # weaker than the subject: "Menurut pengamat X, Polri bertemu ..." lists no Polri
            listed.setdefault(m.start, role)
            previous = m
    for m in ordered:
        if m.start in legacy and m.start not in roles:
            roles[m.start] = _FROM_CUE.get(legacy[m.start], "mentioned")

    if trigger is not None:
        # the subject: the nearest actor before the event word in its clause, and those listed with it
        # "Pansus DPR untuk KPK menggelar rapat": an actor a cue already set aside is not the subject
        before = [m for m in ordered if m.end <= trigger[0] and roles.get(m.start) not in _ASIDE]
        if before and _gap_ok(text, before[-1].end, trigger[0], _SUBJECT_REACH) \
                and not _own_predicate(text, before[-1].end, trigger[0]) \
                and not _IN_PHRASE.search(text, before[-1].end, trigger[0]):
            for m in _subject_group(text, before):
                roles.setdefault(m.start, "agent")
        has_agent = any(r == "agent" for r in roles.values())
        # the object or the parties named right after the event word: "bertemu Menlu Rusia
        # Sergey Lavrov", "kerja sama Polri dan PNP"
        after = [m for m in ordered if m.start >= trigger[1]]
        if after and after[0].start not in roles and _gap_ok(text, trigger[1], after[0].start, 60) \
                and len(_WORD.findall(text, trigger[1], after[0].start)) <= _OBJECT_WORDS \
                and pattern.search(text, trigger[1], after[0].start) is None:
            role = "partner" if has_agent else "agent"
            group = [after[0]]
            for m in after[1:]:
                if not _listed(text, group[-1], m):
                    break
                group.append(m)
            if (event_type == "meeting" and len(group) == 1 and not _VERB_FORM.match(text, trigger[0], trigger[1])
                    and actor_types.get(group[0].actor_id) == "organization"):
                # "dalam pertemuan ASEAN", "rapat pleno Golkar": one body after a meeting noun
                # holds the meeting, it is not one side of a contact
                role = "framework"
            for m in group:
                roles.setdefault(m.start, role)
    for m in everyone:
        roles.setdefault(m.start, listed.get(m.start, "mentioned"))
    return roles


def _subject_group(text: str, before: Sequence[Any]) -> list[Any]:
    """The last actor of `before` and those listed with it: "Polri, PNP dan RTP bertemu",
    "Kapolri bersama Kepala PNP menandatangani", "Joko Widodo (Jokowi) menerima"."""
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if not (_listed(text, m, group[-1]) or (_ACCOMPANIED.match(text, m.end, group[-1].start)
                                                 and _gap_ok(text, m.end, group[-1].start, _LIST_REACH))):
            break
        group.append(m)
    return group


def members_stand_aside(events: Sequence[Any], actors: dict[str, Any]) -> None:
    """A person whose title names a body that is itself a party of the same event acts for
    it and is no second party: "Golkar menggelar rapat pleno ... kata Sekjen Golkar Idrus
    Marham" gives one party, Golkar."""
    for event in events:
        if event.event_type not in COOPERATION_TYPES:
            continue
        bodies = [p for p in event.participants if p.role in COOPERATING
                  and getattr(actors.get(p.actor_id), "actor_type", None) != "person"]
        if not bodies:
            continue
        for i, p in enumerate(event.participants):
            actor = actors.get(p.actor_id)
            if p.role not in COOPERATING or not p.title or getattr(actor, "actor_type", None) != "person":
                continue
            title = f" {p.title.lower()} "
            if any(_names_in(title, actors.get(b.actor_id)) for b in bodies):
                event.participants[i] = type(p)(p.actor_id, "mentioned", p.rank, p.title, p.start, p.end)


def _names_in(title: str, body: Any) -> bool:
    if body is None:
        return False
    names = (body.name, *getattr(body, "aliases", ()))
    return any(len(n) >= 3 and re.search(r"(?<!\w)" + re.escape(n.lower()) + r"(?!\w)", title) for n in names)
