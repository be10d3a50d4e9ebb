"""The hand-annotated gold articles: event F1 and participant/place recall bars."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "events"
REQUIRED_ARTICLES = 15


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_events", ROOT / "scripts" / "eval_events.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():
    module = _eval_module()
    if len(module.gold_articles(GOLD)) < REQUIRED_ARTICLES:
        pytest.skip(f"fewer than {REQUIRED_ARTICLES} annotated gold articles")
    return module.evaluate(GOLD), module.BARS


def test_event_f1_on_type_and_dates(scores):
    result, bars = scores
    assert result.f1 >= bars["event_f1"], f"P {result.precision:.3f} R {result.recall:.3f}"


def test_events_are_mostly_told_where_the_gold_evidence_is(scores):
    result, _ = scores
    module = _eval_module()
    assert result.strict_f1 >= module.STRICT_FLOOR


def test_participant_recall_on_matched_events(scores):
    result, bars = scores
    assert result.participant_recall >= bars["participant_recall"]


def test_place_recall_on_matched_events(scores):
    result, bars = scores
    assert result.place_recall >= bars["place_recall"]
