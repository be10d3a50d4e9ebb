"""The real seed article, loaded as the project loads it, must yield its key events."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from pipelines.ingest.reader import parse_article
from pipelines.language.dates import infer_anchor
from pipelines.language.document import analyse_document

CORPUS = Path(os.environ.get("LINIMASA_CORPUS", Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))


@pytest.fixture(scope="module")
def seed():
    path = CORPUS / "seed" / "polri-cnp-2025-04.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    article = parse_article(path.read_text(encoding="utf-8"), str(path))
    anchor, origin = infer_anchor(article.body)
    assert (anchor, origin) == (dt.date(2025, 4, 14), "latest_date")
    return article.body, analyse_document(article.body, anchor)


def _actor_names(analysis, event) -> set[str]:
    names = set()
    for p in event.participants:
        actor = analysis.actors.actors[p.actor_id]
        names |= {actor.name.lower(), *(a.lower() for a in actor.aliases)}
    return names


def _place_names(analysis, event) -> set[str]:
    return {analysis.actors.locations[p.location_id].name for p in event.locations}


def test_one_meeting_with_its_dates_places_and_people(seed):
    body, analysis = seed
    meetings = [e for e in analysis.events if e.event_type == "meeting"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert (meeting.date_start, meeting.date_end) == (dt.date(2025, 4, 7), dt.date(2025, 4, 13))
    assert {"Phnom Penh", "Poipet", "Bavet", "Sihanoukville"} <= _place_names(analysis, meeting)
    names = _actor_names(analysis, meeting)
    assert "polri" in names or "divhubinter" in names
    assert "cnp" in names
    assert {"krishna murti", "pheanuk kolkomar"} <= names


def test_intelligence_exchange_agreement_between_polri_and_cnp(seed):
    body, analysis = seed
    agreements = [e for e in analysis.events if e.event_type == "agreement"]
    assert len(agreements) == 1
    agreement = agreements[0]
    assert agreement.cameo_code == "0314"
    names = _actor_names(analysis, agreement)
    assert "polri" in names and "cnp" in names
    assert "intelijen" in agreement.summary


def test_untung_statement_dated_with_rank_and_title(seed):
    body, analysis = seed
    statements = [e for e in analysis.events if e.event_type == "statement"]
    untung = [e for e in statements if "untung widyatmoko" in _actor_names(analysis, e)]
    assert len(untung) == 1
    statement = untung[0]
    assert statement.date_start == statement.date_end == dt.date(2025, 4, 14)
    speaker = next(p for p in statement.participants if p.role == "speaker")
    assert speaker.rank == "Brigadir Jenderal Polisi"
    assert speaker.title and "Sekretaris NCB Interpol" in speaker.title


def test_the_bekasi_death_is_vague(seed):
    body, analysis = seed
    deaths = [e for e in analysis.events if e.event_type == "death"]
    assert len(deaths) == 1
    death = deaths[0]
    assert (death.date_start, death.date_end, death.date_precision) == (None, None, "vague")
    assert "Bekasi" in death.summary


def test_no_event_from_the_link_headline(seed):
    body, analysis = seed
    link = body.index("Baca juga:")
    headline_end = body.index("\n", body.index("\n", link) + 1)
    assert all(not (link <= e.start < headline_end) for e in analysis.events)
