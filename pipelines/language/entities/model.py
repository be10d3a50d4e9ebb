"""The shipped CRF tagger: BIO labels over tokens, turned into typed token spans."""
from __future__ import annotations

import functools
from pathlib import Path

import pycrfsuite

from .features import sentence_features

MODEL_PATH = Path(__file__).resolve().parent / "model" / "ner.crfsuite"
LABEL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}


@functools.cache
def _tagger() -> pycrfsuite.Tagger | None:
    if not MODEL_PATH.exists():
        return None  # rules and seeds still work without the statistical layer
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def model_available() -> bool:
    return _tagger() is not None


def tag_spans(words: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token exclusive, entity type) spans the model finds in one sentence."""
    tagger = _tagger()
    if tagger is None or not words:
        return []
    labels = tagger.tag(sentence_features(words))
    return bio_spans(labels)


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, label in enumerate([*labels, "O"]):
        prefix, _, name = label.partition("-")
        if start is not None and (prefix != "I" or name != kind):
            spans.append((start, i, LABEL_TYPES.get(kind, kind)))
            start, kind = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, name
    return spans
