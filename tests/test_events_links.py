"""Events that belong together share who and where (links between events of one story)."""
from __future__ import annotations

import datetime as dt

from pipelines.language.events.links import join_court_case, join_gatherings, join_operations
from pipelines.language.events.model import Event, EventPlace, Participant


def _event(event_type: str, day: dt.date | None, *participants: Participant, places=()) -> Event:
    return Event(event_type, None, day, day, "day" if day else "vague", None, "", 0, 1, "x", 0, 1,
                 list(participants), [EventPlace(p, 0, 1) for p in places], [])


def _p(actor_id: str, role: str) -> Participant:
    return Participant(actor_id, role, None, None, 0, 1)


DAY = dt.date(2025, 3, 14)
TYPES = {"org:pnp": "organization", "per:ab": "person", "per:judge": "person"}


def test_a_raid_and_the_arrests_of_that_day_share_agencies_and_places():
    raid = _event("raid", DAY, _p("org:pnp", "lead"), places=["loc:pasay"])
    arrest = _event("arrest", DAY, _p("per:ab", "suspect"))
    later = _event("arrest", DAY + dt.timedelta(days=3), _p("per:ab", "suspect"))
    join_operations([raid, arrest, later], TYPES)
    assert [(p.actor_id, p.role) for p in arrest.participants] == [("per:ab", "suspect"), ("org:pnp", "lead")]
    assert [p.location_id for p in arrest.locations] == ["loc:pasay"]
    assert [p.actor_id for p in later.participants] == ["per:ab"]
    assert [p.actor_id for p in raid.participants] == ["org:pnp"]  # people stay with their own event


def test_an_arrest_naming_nobody_was_of_the_defendants():
    sentencing = _event("sentencing", DAY, _p("per:judge", "judge"), _p("per:ab", "suspect"))
    arrest = _event("arrest", None, _p("org:pnp", "lead"))
    join_court_case([sentencing, arrest])
    assert ("per:ab", "suspect") in [(p.actor_id, p.role) for p in arrest.participants]
    assert "per:judge" not in [p.actor_id for p in arrest.participants]


def test_parties_of_an_agreement_reached_at_a_meeting_attend_it_without_signing_it():
    meeting = _event("meeting", DAY, _p("org:pnp", "participant"))
    agreement = _event("agreement", DAY, _p("org:polri", "signatory"))
    join_gatherings([meeting, agreement])
    assert [(p.actor_id, p.role) for p in meeting.participants] == [("org:pnp", "participant"),
                                                                    ("org:polri", "participant")]
    assert ("org:pnp", "signatory") in [(p.actor_id, p.role) for p in agreement.participants]
