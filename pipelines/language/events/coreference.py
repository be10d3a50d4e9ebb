"""One event per real-world happening: later mentions enrich the event they refer to.

A mention with a demonstrative ("pertemuan tersebut", "kerja sama ini", "operasi itu")
refers to the latest event of a compatible type. A plain mention of the same type is the
same event unless both carry different calendar dates; a dated mention gives its date to
an event first reported vaguely ("Belum lama ini kedua lembaga bertemu ..." followed by
"Rapat itu digelar 2-4 Juni 2025").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from pipelines.language.events.cues import event_class
from pipelines.language.events.dating import dates_of, is_vague, source_mention
from pipelines.language.events.model import Event, EventPlace, Participant
from pipelines.language.events.participants import merge_participants, merge_places


@dataclass
class Draft:
    """An event being assembled, with what the final pass still needs."""

    event: Event
    spans: list[tuple[int, int]] = field(default_factory=list)  # every sentence that mentions it
    dated: bool = False                                        # a calendar date governs it
    # Places named on their own, not only inside an organisation name ("KBRI Phnom Penh").
    free_places: set[str] = field(default_factory=set)
    # Known only from a generic word ("operasi", "ditahan") with no date yet: dropped at the
    # end unless a date reaches it.
    tentative: bool = False
    # The event this one elaborates (it took that event's date), sharing its setting.
    elaborates: "Draft | None" = None
    # Known only from an arrival ("tiba di Bandara ... pada Rabu"): a return, unless the
    # story turns out to be about a delegation travelling.
    arrival_only: bool = False


# Acts told by who did them ("FPI melaporkan ... Rizieq menegur Sambo"): a mention of the same
# type naming none of the earlier one's parties is another act (seeds/event_classes.csv).
_ACTS = event_class("act")


def _other_parties(earlier: list[Participant], later: list[Participant]) -> bool:
    """True when both name parties and share none."""
    return bool(earlier) and bool(later) and not {p.actor_id for p in earlier} & {p.actor_id for p in later}


class EventBook:
    """The events of one document, in the order they were first reported."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []

    def latest_of(self, types: Sequence[str]) -> Draft | None:
        """The latest event of the first listed type that has one."""
        for wanted in types:
            for draft in reversed(self.drafts):
                if draft.event.event_type == wanted:
                    return draft
        return None

    def report(self, event_type: str, cameo: str | None, trigger: tuple[int, int, str],
               sentence: tuple[int, int], text: str, date: Any | None,
               participants: list[Participant], places: list[tuple[EventPlace, str | None]],
               tentative: bool = False) -> Draft:
        """A plain mention: a new event unless it is the same happening as an earlier one."""
        same_type = [d for d in self.drafts if d.event.event_type == event_type]
        target: Draft | None = None
        if is_vague(date):
            # "Belum lama ini, polisi juga menangkap ...": an explicitly vague mention is not
            # the dated happening reported before.
            pool = same_type if date is None else [d for d in same_type if not d.dated]
            target = pool[-1] if pool else None
        else:
            start, end, _ = dates_of(date)
            exact = [d for d in same_type if d.dated and (d.event.date_start, d.event.date_end) == (start, end)]
            undated = [d for d in same_type if not d.dated]
            target = exact[-1] if exact else (undated[-1] if undated else None)
        if target is not None and event_type in _ACTS and _other_parties(target.event.participants, participants):
            target = None
        if target is None:
            draft = self._new(event_type, cameo, trigger, sentence, text, date, participants, places)
            draft.tentative = tentative
            return draft
        target.tentative = target.tentative and tentative
        target.arrival_only = False
        self.enrich(target, sentence, date, participants, places)
        return target

    def refer(self, types: Sequence[str], sentence: tuple[int, int], date: Any | None,
              participants: list[Participant], places: list[tuple[EventPlace, str | None]]) -> Draft | None:
        """A reference back; None when nothing compatible was reported before."""
        target = self.latest_of(types)
        if target is not None:
            self.enrich(target, sentence, date, participants, places)
        return target

    def latest(self) -> Draft | None:
        return self.drafts[-1] if self.drafts else None

    def enrich(self, draft: Draft, sentence: tuple[int, int], date: Any | None,
               participants: list[Participant], places: list[tuple[EventPlace, str | None]]) -> None:
        """Add a later mention's actors, places and sentence; its date if the event had none."""
        if sentence not in draft.spans:
            draft.spans.append(sentence)
        merge_participants(draft.event.participants, participants)
        self._add_places(draft, places)
        if not draft.dated and not is_vague(date):
            self._set_date(draft, date)

    def _new(self, event_type, cameo, trigger, sentence, text, date, participants, places) -> Draft:
        event = Event(
            event_type=event_type, cameo_code=cameo, date_start=None, date_end=None,
            date_precision="vague", date_mention=source_mention(date), summary=text[sentence[0]:sentence[1]],
            start=sentence[0], end=sentence[1], trigger=trigger[2], trigger_start=trigger[0],
            trigger_end=trigger[1], participants=list(participants),
        )
        draft = Draft(event, [sentence])
        self._add_places(draft, places)
        if not is_vague(date):
            self._set_date(draft, date)
        self.drafts.append(draft)
        return draft

    @staticmethod
    def _set_date(draft: Draft, date: Any) -> None:
        start, end, precision = dates_of(date)
        draft.event.date_start, draft.event.date_end, draft.event.date_precision = start, end, precision
        draft.event.date_mention = source_mention(date)
        draft.dated = True

    @staticmethod
    def _add_places(draft: Draft, places: list[tuple[EventPlace, str | None]]) -> None:
        merge_places(draft.event.locations, [p for p, _ in places])
        draft.free_places.update(p.location_id for p, owner in places if owner is None)
