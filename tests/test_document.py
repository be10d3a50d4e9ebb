"""analyse_document(): one call for dates, actors, places and events, offsets untouched."""
from __future__ import annotations

import datetime as dt

from pipelines.language.document import DocumentAnalysis, analyse_document

TEXT = """  Surabaya - Polda Jawa Timur menangkap dua perekrut pekerja migran pada Rabu (4/6/2025).
Kabid Humas Polda Jatim Kombes Dirmanto mengatakan keduanya dijerat UU Nomor 21 Tahun 2007."""


def test_parts_are_consistent_and_offsets_point_into_the_given_text():
    analysis = analyse_document(TEXT, dt.date(2025, 6, 5))
    assert isinstance(analysis, DocumentAnalysis)
    assert [m.text for m in analysis.dates] == ["Rabu (4/6/2025)"]
    for mention in analysis.dates:
        assert TEXT[mention.start:mention.end] == mention.text
    for mention in analysis.actors.mentions:
        assert TEXT[mention.start:mention.end] == mention.surface
    arrest = next(e for e in analysis.events if e.event_type == "arrest")
    assert arrest.date_mention in analysis.dates
    assert arrest.date_start == dt.date(2025, 6, 4)
    assert arrest.date_source == "clause"
    statement = next(e for e in analysis.events if e.event_type == "statement")
    # No date of its own and no dated statement to join: the day the story is at (the
    # arrest's Wednesday), not the publication day.
    assert (statement.date_start, statement.date_source) == (dt.date(2025, 6, 4), "reference_time")
    assert statement.date_mention is arrest.date_mention
    actor_ids = set(analysis.actors.actors)
    for event in analysis.events:
        assert {p.actor_id for p in event.participants} <= actor_ids
        assert {p.location_id for p in event.locations} <= set(analysis.actors.locations)


def test_without_an_anchor_nothing_raises_and_relative_dates_stay_open():
    analysis = analyse_document("Polisi menangkap RH kemarin di Batam.", None)
    assert all(e.date_start is None for e in analysis.events)


def test_a_statement_before_any_narrated_day_takes_the_publication_day():
    text = ("Kabid Humas Polda Jatim Kombes Dirmanto mengatakan kedua tersangka dijerat pasal berlapis.\n"
            "Keduanya ditangkap pada Rabu (4/6/2025).")
    statement = next(e for e in analyse_document(text, dt.date(2025, 6, 5)).events if e.event_type == "statement")
    assert (statement.date_start, statement.date_source, statement.date_mention) == (
        dt.date(2025, 6, 5), "publication", None)
