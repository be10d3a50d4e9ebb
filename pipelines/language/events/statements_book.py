"""Statements of one document, coalesced to one event per speaker and date.

A statement without its own date belongs to the press event it was made at. In order:
the event its attribution names ("kata Fitri seusai sidang"), the date the same speaker's
other statements carry, the date of the statement reported just before it, and finally
the publication date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from pipelines.language.events.dating import dates_of, day_within, is_vague, ordinal_day
from pipelines.language.events.model import Event, EventPlace, Participant
from pipelines.language.events.participants import merge_participants, merge_places, places_for
from pipelines.language.events.statements import Statement
from pipelines.language.events.tokens import Tokens
from pipelines.language.phrase_index import PhraseIndex, trie_pattern
from pipelines.language.seeds import read_seed


_TITLE_REACH = 160  # how far before the name a title's organisation may sit
_NEARBY_BODY = 60   # how far before an untitled speaker their organisation may be named


@dataclass
class _Said:
    actor_id: str
    speaker: Any           # the ActorMention naming the speaker (an earlier one for "ujarnya")
    date: Any | None       # the attribution's own DateMention
    sentence: tuple[int, int]
    verb: tuple[int, int, str]
    bodies: list[Participant]   # organisations named in the attribution ("Sekretaris NCB Interpol ...")
    places: list[EventPlace]    # where it was said ("kata Rudi di Gedung Bareskrim")
    occasion: tuple[str, ...]   # event types the attribution names ("seusai sidang" → trial ...)
    occasion_day: str | None = None  # "seusai penutupan pertemuan": which day of it
    on_its_own: bool = False         # "saat dihubungi terpisah": made for the story itself


class StatementBook:
    def __init__(self) -> None:
        self.said: list[_Said] = []
        self._groups: list[list[_Said]] = []

    def add(self, statement: Statement, sentence: tuple[int, int], text: str,
            mentions: list[Any], places: list[Any], actor_types: dict[str, str],
            occasion: tuple[str, ...] = ()) -> None:
        speaker = statement.speaker
        if speaker is None and statement.refers_to_last_speaker and self.said:
            speaker = self.said[-1].speaker
        if speaker is None:
            return
        date = None if is_vague(statement.date) else statement.date
        start, end = statement.attribution
        title = (speaker.title or "").lower()
        bodies = [
            Participant(m.actor_id, "participant", None, None, m.start, m.end)
            for m in mentions
            if m.actor_id != speaker.actor_id and actor_types.get(m.actor_id) == "organization"
            and ((start <= m.start and m.end <= end)
                 # "Kepala Kantor Imigrasi ..., Galih Prasetyo": the body in the speaker's title
                 or (title and m.end <= speaker.start and speaker.start - m.end <= _TITLE_REACH
                     and m.surface.lower() in title))
        ]
        self.said.append(_Said(speaker.actor_id, speaker, date, sentence,
                               (statement.verb_start, statement.verb_end, statement.verb),
                               bodies, [p for p, _ in places_for(start, end, places)], occasion,
                               (ordinal_day(text, start, end) or (None,))[0],
                               _on_its_own(text, statement.verb_end, sentence[1])))

    def _resolve(self, drafts: list[Any], anchor: dt.date | None, reference=None) -> list[tuple]:
        """(date_start, date_end, precision, mention) for each statement, in order.

        `reference(position)` gives the day the story is at before `position` (the latest
        day it narrated, a DateMention) or None; it dates a statement with no date of its
        own before the publication day does."""
        resolved: list[tuple] = []
        for position, said in enumerate(self.said):
            if said.date is not None:
                resolved.append((*dates_of(said.date), said.date))
                continue
            occasion = _occasion_date(said, drafts)
            if occasion is not None:
                resolved.append(occasion)
                continue
            resolved.append(None)
        for position, said in enumerate(self.said):
            if resolved[position] is not None:
                continue
            same_speaker = [r for s, r in zip(self.said, resolved) if r is not None and s.actor_id == said.actor_id]
            earlier = [r for r in resolved[:position] if r is not None]
            if said.on_its_own and anchor is not None:
                resolved[position] = (anchor, anchor, "day", None)
            elif same_speaker:
                resolved[position] = same_speaker[0]
            elif earlier:
                resolved[position] = earlier[-1]
            elif reference is not None and (day := reference(said.sentence[0])) is not None:
                # "Polisi menggerebek ... Senin (7/4). ... 'Kami masih memburu dua DPO,' ujar
                # Kapolres": said on the day the story is at.
                resolved[position] = (day.date_start, day.date_start, "day", day)
            elif anchor is not None:
                resolved[position] = (anchor, anchor, "day", None)
            else:
                resolved[position] = (None, None, "vague", None)
        return resolved

    def events(self, text: str, actors: Any, anchor: dt.date | None, drafts: list[Any] = (),
               reference=None) -> list[Event]:
        """One statement event per speaker and date, in order of first statement. A statement
        whose attribution names no place was made where the story was filed (the dateline)."""
        filed_at = [EventPlace(p.location_id, p.start, p.end) for p in getattr(actors, "places", ())
                    if getattr(p, "is_dateline", False)][:1]
        canonical = _canonical_people(actors)
        for said in self.said:
            if said.actor_id in canonical:
                said.actor_id, said.speaker = canonical[said.actor_id]
        groups: dict[tuple, list[tuple[_Said, Any | None]]] = {}
        for said, (start, end, precision, mention) in zip(self.said, self._resolve(list(drafts), anchor, reference)):
            groups.setdefault((said.actor_id, start, end, precision), []).append((said, mention))
        events: list[Event] = []
        self._groups = []
        for (actor_id, start, end, precision), members in groups.items():
            first, mention = members[0]
            described = next((s.speaker for s, _ in members if s.speaker.rank or s.speaker.title), first.speaker)
            participants = [Participant(actor_id, "speaker", described.rank, described.title,
                                        described.start, described.end)]
            event_places: list[EventPlace] = []
            for said, _ in members:
                merge_participants(participants, said.bodies)
                merge_places(event_places, said.places)
            merge_participants(participants, _affiliations(actor_id, described, actors))
            merge_participants(participants, _with_parents(_title_bodies(described, actors, text), actors))
            for said, _ in members:  # whoever spoke at an event took part in it, and spoke there
                occasion = _occasion(said, list(drafts))
                if occasion is not None:
                    merge_participants(occasion.event.participants, [
                        Participant(p.actor_id, "participant", p.rank, p.title, p.start, p.end) for p in participants])
                    merge_places(event_places, occasion.event.locations)
            if not event_places:
                event_places = list(filed_at)
            events.append(Event(
                event_type="statement", cameo_code="010", date_start=start, date_end=end,
                date_precision=precision, date_mention=mention,
                summary=text[first.sentence[0]:first.sentence[1]], start=first.sentence[0],
                end=first.sentence[1], trigger=first.verb[2], trigger_start=first.verb[0],
                trigger_end=first.verb[1], participants=participants, locations=event_places,
            ))
            self._groups.append([s for s, _ in members])
        return events

    def spans(self) -> list[list[tuple[int, int]]]:
        """The sentences of each statement event returned by the last `events()` call."""
        return [[s.sentence for s in group] for group in self._groups]


def _occasion(said: _Said, drafts: list[Any]) -> Any | None:
    """The dated event the attribution names ("seusai sidang") or took place at ("kata
    Haryo di Bandara Soekarno-Hatta"), the latest one reported before it."""
    where = {p.location_id for p in said.places}
    if where:
        at_place = [d for d in drafts if d.dated and d.event.event_type != "statement"
                    and where.intersection(p.location_id for p in d.event.locations)
                    and d.spans[0][0] <= said.sentence[0]]
        if at_place:
            return at_place[-1]
    for wanted in said.occasion:
        candidates = [d for d in drafts if d.dated and d.event.event_type == wanted]
        before = [d for d in candidates if d.spans[0][0] <= said.sentence[0]]
        if before or candidates:
            return (before or candidates)[-1]
    return None


def _occasion_date(said: _Said, drafts: list[Any]) -> tuple | None:
    draft = _occasion(said, drafts)
    if draft is None:
        return None
    event = draft.event
    if said.occasion_day and event.date_start is not None:
        day = day_within(event.date_start, event.date_end or event.date_start, said.occasion_day)
        if day is not None:
            return day, day, "day", event.date_mention
    return event.date_start, event.date_end, event.date_precision, event.date_mention


@functools.cache
def _own_occasion_phrases() -> PhraseIndex[bool]:
    return PhraseIndex((row["phrase"], True) for row in read_seed("event_statement_occasions"))


@functools.cache
def _own_occasion_first_words() -> re.Pattern[str]:
    return trie_pattern({row["phrase"].split()[0].lower() for row in read_seed("event_statement_occasions")})


def _on_its_own(text: str, start: int, end: int) -> bool:
    """Whether the attribution says the statement was obtained separately, for the story."""
    tail = text[start:end]
    return bool(_own_occasion_phrases().find(Tokens(tail, _own_occasion_first_words()), 0, len(tail)))


def _canonical_people(actors: Any) -> dict[str, tuple[str, Any]]:
    """Speakers named by one word ("Razali") that the recogniser kept apart from the one
    person of the story whose name has that word ("Datuk Razali Hamzah"): actor id → (that
    person's id, their first mention). Only unambiguous cases are joined."""
    known = getattr(actors, "actors", {})
    people = {aid: a for aid, a in known.items() if a.actor_type == "person"}
    words = {aid: a.name.lower().split() for aid, a in people.items()}
    joined: dict[str, tuple[str, Any]] = {}
    for aid, name in words.items():
        if len(name) != 1:
            continue
        fuller = [other for other, other_name in words.items() if other != aid and len(other_name) > 1
                  and name[0] in other_name]
        if len(fuller) == 1:
            first = next((m for m in actors.mentions if m.actor_id == fuller[0]), None)
            if first is not None:
                joined[aid] = (fuller[0], first)
    return joined


_FROM_BODY = re.compile(r",?\s*(?:dari|of)\s+$", re.IGNORECASE)


def _title_bodies(speaker: Any, actors: Any, text: str = "") -> list[Participant]:
    """Organisations named in the speaker's title where the title is given ("Kepala Kantor
    Imigrasi Batam, Galih Prasetyo"), wherever in the document that is."""
    title = (getattr(speaker, "title", None) or "").lower()
    known = getattr(actors, "actors", {})
    bodies = []
    for m in getattr(actors, "mentions", ()):
        if getattr(known.get(m.actor_id), "actor_type", "") != "organization":
            continue
        if m.start >= speaker.end:
            # "Somchai Rattanakul dari Royal Thai Police": the body named right after.
            if m.start - speaker.end <= 8 and _FROM_BODY.match(text, speaker.end, m.start):
                bodies.append(Participant(m.actor_id, "participant", None, None, m.start, m.end))
            continue
        if m.end > speaker.start:
            continue
        in_title = title and speaker.start - m.end <= _TITLE_REACH and m.surface.split(" (")[0].lower() in title
        # "Direktur Pelindungan WNI Kementerian Luar Negeri (Kemlu), Haryo Wicaksono": the
        # body right before an appositive name, even when no title was recognised.
        appositive = speaker.start - m.end <= 3 and m.end < speaker.start
        if in_title or appositive:
            bodies.append(Participant(m.actor_id, "participant", None, None, m.start, m.end))
    if not bodies and not title:
        # No title recognised: the organisation named just before the speaker, with no other
        # person between ("Delegasi PDRM dipimpin Datuk Razali Hamzah").
        before = [m for m in getattr(actors, "mentions", ())
                  if m.end <= speaker.start and speaker.start - m.end <= _NEARBY_BODY
                  and "\n" not in text[m.end:speaker.start]]
        if before:
            last = max(before, key=lambda m: m.end)
            if getattr(known.get(last.actor_id), "actor_type", "") == "organization":
                bodies.append(Participant(last.actor_id, "participant", None, None, last.start, last.end))
    return bodies


def _with_parents(bodies: list[Participant], actors: Any) -> list[Participant]:
    """The bodies and the bodies above them (Divhubinter → Polri), each at a mention of
    its own where the document has one."""
    known = getattr(actors, "actors", {})
    result = list(bodies)
    seen = {b.actor_id for b in bodies}
    for body in bodies:
        current = getattr(known.get(body.actor_id), "parent_actor_id", None)
        while current and current in known and current not in seen:
            seen.add(current)
            mention = min((m for m in actors.mentions if m.actor_id == current),
                          key=lambda m: abs(m.start - body.start), default=None)
            if mention is not None:
                result.append(Participant(current, "participant", None, None, mention.start, mention.end))
            current = known[current].parent_actor_id
    return result


def _affiliations(actor_id: str, speaker: Any, actors: Any) -> list[Participant]:
    """The body a speaker acts for and the bodies above it (Kadiv Hubinter → Divhubinter →
    Polri): on whose behalf the statement was made. Each points at the mention of that body
    nearest the speaker; a body the document never names is left out."""
    known = getattr(actors, "actors", {})
    actor = known.get(actor_id)
    bodies: list[Participant] = []
    seen: set[str] = set()
    current = getattr(actor, "affiliation_id", None)
    while current and current in known and current not in seen:
        seen.add(current)
        mentions = [m for m in actors.mentions if m.actor_id == current]
        if mentions:
            mention = min(mentions, key=lambda m: abs(m.start - speaker.start))
            bodies.append(Participant(current, "participant", None, None, mention.start, mention.end))
        current = known[current].parent_actor_id
    return bodies
