"""The hand-annotated gold articles: event F1 and participant/place recall bars."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.evaluation import events as evaluation

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "events"
REQUIRED_ARTICLES = 15


@pytest.fixture(scope="module")
def scores():
    if len(evaluation.gold_articles(GOLD)) < REQUIRED_ARTICLES:
        pytest.skip(f"fewer than {REQUIRED_ARTICLES} annotated gold articles")
    return evaluation.evaluate(GOLD), evaluation.BARS


def test_event_f1_on_type_and_dates(scores):
    result, bars = scores
    assert result.f1 >= bars["event_f1"], f"P {result.precision:.3f} R {result.recall:.3f}"


def test_events_are_mostly_told_where_the_gold_evidence_is(scores):
    result, _ = scores
    assert result.strict_f1 >= evaluation.STRICT_FLOOR


def test_participant_recall_on_matched_events(scores):
    result, bars = scores
    assert result.participant_recall >= bars["participant_recall"]


def test_place_recall_on_matched_events(scores):
    result, bars = scores
    assert result.place_recall >= bars["place_recall"]
