"""Dates one event takes from another: an agreement from the meeting that reached it, an
account's later events from its dated start, a return from the arrival that completed it."""
from __future__ import annotations

import functools

from pipelines.language.events.coreference import Draft
from pipelines.language.events.cues import lexicon
from pipelines.language.events.participants import merge_participants, merge_places
from pipelines.language.seeds import read_seed


def inherit_dates(drafts: list[Draft]) -> None:
    """Undated events take the dates of the event they elaborate (an agreement, its meeting)."""
    inheritance = lexicon().inheritance
    for position, draft in enumerate(drafts):
        if draft.dated or draft.tentative or draft.event.event_type not in inheritance:
            continue
        for parent_type in inheritance[draft.event.event_type]:
            parents = [d for d in drafts if d.dated and d.event.event_type == parent_type]
            if not parents:
                continue
            before = [d for d in parents if drafts.index(d) < position]
            copy_date(draft, (before or parents)[-1 if before else 0])
            break


def inherit_narrative_dates(drafts: list[Draft], text: str) -> None:
    """An event with no date expression at all, reported in the same paragraph right after a
    dated one is told or referred back to, continues that account ("Petugas juga menangkap
    ..." after the raid's date; "Delegasi juga menyambangi ..." after "Pertemuan tersebut
    ..."). An explicitly vague event ("belum lama ini") stays vague."""
    inheritance = lexicon().inheritance
    for position, draft in enumerate(drafts):
        if draft.dated or draft.event.date_mention is not None:
            continue
        first = draft.spans[0][0]
        paragraph_start = text.rfind("\n", 0, first) + 1
        told = {id(d): _last_told(d, paragraph_start, first) for d in drafts if d is not draft and d.dated}
        earlier = [d for d in drafts if told.get(id(d)) is not None]
        if draft.tentative:
            # A generic word ("menahan") continues only an account it elaborates (a raid).
            earlier = [d for d in earlier if d.event.event_type in inheritance.get(draft.event.event_type, ())]
        if earlier:
            source = max(earlier, key=lambda d: told[id(d)])
            copy_date(draft, source)
            draft.elaborates = draft.elaborates or source


def _last_told(draft: Draft, paragraph_start: int, first: int) -> int | None:
    """Where the draft was last told or referred back to between paragraph_start and first."""
    starts = [span[0] for span in draft.spans if paragraph_start <= span[0] <= first]
    return max(starts, default=None)


def settle_arrivals(drafts: list[Draft], feature_types: dict[str, str | None]) -> list[Draft]:
    """An arrival reported before the return it completes ("tiba di Bandara ..., Rabu" then
    "pemulangan ...") dates that return. One no return completes is a return only at a place
    where people come home (seeds/event_arrival_places.csv) in a story that is not about
    delegations and meetings; otherwise it is no event ("Bupati ... tiba di Gedung KPK, Sabtu"
    is a suspect brought in, "Delegasi tiba di Vientiane" travel)."""
    kept = []
    travelling = any(d.event.event_type in ("meeting", "visit") for d in drafts)
    homecoming = _arrival_places()
    for draft in drafts:
        if not draft.arrival_only:
            kept.append(draft)
            continue
        returns = [d for d in drafts if not d.arrival_only and not d.dated
                   and d.event.event_type in ("repatriation", "deportation")]
        if returns:
            copy_date(returns[0], draft)
            merge_places(returns[0].event.locations, draft.event.locations)
            merge_participants(returns[0].event.participants, draft.event.participants)
            returns[0].free_places.update(draft.free_places)
        elif not travelling and any(feature_types.get(p.location_id) in homecoming for p in draft.event.locations):
            kept.append(draft)
    return kept


@functools.cache
def _arrival_places() -> frozenset[str]:
    return frozenset(r["feature_type"] for r in read_seed("event_arrival_places"))


def copy_date(draft: Draft, source: Draft) -> None:
    event, parent = draft.event, source.event
    event.date_start, event.date_end = parent.date_start, parent.date_end
    event.date_precision, event.date_mention = parent.date_precision, parent.date_mention
    draft.dated = True
