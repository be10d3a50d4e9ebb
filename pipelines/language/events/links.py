"""Events that belong together share who and where.

An event elaborating another ("Dalam penggerebekan itu, petugas menyelamatkan ...") took
place where that one did and with the same agencies; an agreement reached in a meeting has
the meeting's parties; a statement made during a meeting makes its speaker a participant;
the hearings and the verdict of one court case share the court, defendants and judges;
a raid and the arrests and rescues made with it share the agencies and places.
"""
from __future__ import annotations

from typing import Any

import re

from pipelines.language.events.cues import event_class, lexicon
from pipelines.language.events.model import Event, Participant
from pipelines.language.events.participants import merge_participants, merge_places

_GATHERINGS = event_class("gathering")
_OUTCOMES = event_class("outcome")
_COURT = event_class("court")
_OPERATIONS = event_class("operation")


def share_setting(drafts: list[Any], actor_types: dict[str, str]) -> None:
    """Give an elaborating event the places and agencies of the event it elaborates."""
    for draft in drafts:
        source = getattr(draft, "elaborates", None)
        if source is None:
            continue
        event, origin = draft.event, source.event
        merge_places(event.locations, origin.locations)
        draft.free_places.update(source.free_places)
        merge_participants(event.participants, [
            Participant(p.actor_id, _shared_role(p.role), p.rank, p.title, p.start, p.end)
            for p in origin.participants if actor_types.get(p.actor_id) != "person"
        ])


def _same_dates(a: Event, b: Event) -> bool:
    return a.date_start is not None and (a.date_start, a.date_end) == (b.date_start, b.date_end)


def _within(inner: Event, outer: Event) -> bool:
    return (inner.date_start is not None and outer.date_start is not None and outer.date_end is not None
            and outer.date_start <= inner.date_start and (inner.date_end or inner.date_start) <= outer.date_end)


def join_gatherings(events: list[Event]) -> None:
    """Parties of an agreement reached at a meeting took part in it, and the other way round;
    whoever spoke during a meeting (by its dates) took part in it."""
    gatherings = [e for e in events if e.event_type in _GATHERINGS]
    for gathering in gatherings:
        for other in events:
            if other.event_type in _OUTCOMES and _same_dates(other, gathering):
                merge_participants(other.participants, [_as_party(p, "signatory" if other.event_type == "agreement"
                                                                  else "participant") for p in gathering.participants])
                merge_participants(gathering.participants, [_as_party(p, "participant", _AT_GATHERINGS)
                                                            for p in other.participants])
                merge_places(other.locations, gathering.locations)
            elif other.event_type == "statement" and _within(other, gathering):
                merge_participants(gathering.participants, [_as_party(p, "participant") for p in other.participants])


def join_court_case(events: list[Event]) -> None:
    """A story's hearings and its verdict are one case: the court, the defendants, the
    judges and the prosecutors take part in each; an arrest that names no suspect was the
    arrest of the case's defendants."""
    court = [e for e in events if e.event_type in _COURT]
    for event in court:
        for other in court:
            if other is not event:
                merge_participants(event.participants, other.participants)
                merge_places(event.locations, other.locations)
    defendants = [p for e in court for p in e.participants if p.role == "suspect"]
    for arrest in (e for e in events if e.event_type == "arrest"):
        if defendants and not any(p.role == "suspect" for p in arrest.participants):
            merge_participants(arrest.participants, defendants)


def join_operations(events: list[Event], actor_types: dict[str, str]) -> None:
    """A raid and the arrests and rescues made on the same dates are one operation: they
    share the agencies that carried it out and the places."""
    operation = [e for e in events if e.event_type in _OPERATIONS and e.date_start is not None]
    for event in operation:
        for other in operation:
            if other is not event and (other.date_start, other.date_end) == (event.date_start, event.date_end):
                merge_participants(event.participants, [
                    Participant(p.actor_id, _shared_role(p.role), p.rank, p.title, p.start, p.end)
                    for p in other.participants if actor_types.get(p.actor_id) == "organization"])
                merge_places(event.locations, other.locations)


_CASES = event_class("case")
_INITIALS = re.compile(r"[A-Z]{2,4}")


def add_people_named_by_initials(drafts: list[Any], text: str, mentions: list[Any],
                                 actor_types: dict[str, str]) -> None:
    """Suspects and victims are named by initials ("RH (41)") in the paragraph that first
    tells their case, often in a sentence of their own ("Keduanya, AS dan MF, ..."); they
    take part in that paragraph's arrests, trials and returns."""
    initialled = [m for m in mentions if actor_types.get(m.actor_id) == "person" and _INITIALS.fullmatch(m.surface)]
    if not initialled:
        return
    for draft in drafts:
        event_type = draft.event.event_type
        if event_type not in _CASES:
            continue
        first, last = draft.spans[0]
        lo, hi = text.rfind("\n", 0, first) + 1, _line_end(text, last)
        people = [m for m in initialled if lo <= m.start < hi]
        merge_participants(draft.event.participants, [
            Participant(m.actor_id, lexicon().default_role(event_type, "person"), m.rank, m.title, m.start, m.end)
            for m in people
        ])


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


# A party keeps the side it was on (roles.py); a statement's speaker or a suspect named
# with a meeting only took part ("participant", not a cooperating party).
_STRUCTURAL = frozenset({"agent", "partner", "host", "framework", "mentioned"})
_AT_GATHERINGS = frozenset({"lead", "host", "visitor"}) | _STRUCTURAL
_KEPT = frozenset({"lead", "host", "visitor", "signatory"}) | _STRUCTURAL


def _shared_role(role: str) -> str:
    """The role an agency keeps in an event that shares its setting: the side it was on
    in a cooperation, else whether it led."""
    return role if role == "lead" or role in _STRUCTURAL else "participant"


def _as_party(p: Participant, role: str, keep: frozenset[str] = _KEPT) -> Participant:
    kept = p.role if p.role in keep else role
    return Participant(p.actor_id, kept, p.rank, p.title, p.start, p.end)
