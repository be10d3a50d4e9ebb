"""Sentences for event extraction are those of the shared splitter, `language.text.sentence_spans`.

A police rank's "Pol." never ends a sentence there ("pol" is one of its abbreviations), so an
attribution such as "kata ..., Brigjen Pol. Dimas Wicaksono, Jumat (9/5/2025)" stays whole
without a second pass. `event_sentences` is the name the event extractor imports it by.
"""
from __future__ import annotations

from pipelines.language.text import sentence_spans as event_sentences

__all__ = ["event_sentences"]
