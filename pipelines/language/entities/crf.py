"""The shipped CRF tagger: BIO labels over tokens, turned into typed token spans."""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pycrfsuite

from .features import sentence_features

MODEL_PATH = Path(__file__).resolve().parent / "model" / "ner.crfsuite"
# An alternative model file, for comparing training settings without replacing the shipped one.
_MODEL_OVERRIDE = os.environ.get("LINIMASA_NER_MODEL")
LABEL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}


@functools.cache
def _tagger() -> pycrfsuite.Tagger | None:
    path = Path(_MODEL_OVERRIDE) if _MODEL_OVERRIDE else MODEL_PATH
    if not path.exists():
        return None  # rules and seeds still work without the statistical layer
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def model_available() -> bool:
    return _tagger() is not None


def tag_spans(words: list[str], start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(first token, end token exclusive, entity type) spans the model finds in one sentence.
    start/end limit tagging to a window of it (the rest is taken as outside any name)."""
    tagger = _tagger()
    end = len(words) if end is None else end
    if tagger is None or start >= end:
        return []
    labels = tagger.tag(sentence_features(words, start, end))
    return [(start + i, start + j, kind) for i, j, kind in bio_spans(labels)]


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
